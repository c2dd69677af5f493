/**
 * The parts of a workbook around its sheets: the package relationships that say where the
 * workbook, its sheets, shared strings and styles are; the workbook (sheet names, order,
 * visibility, date system, defined names); the styles (which cells show dates); the shared
 * strings. Each is read as a stream through src/io/xlsx/xml.ts.
 */
import type { SheetVisibility } from "../../engine/snapshot";
import { BUDGET_PARTS, EXCEL_MAX_TEXT, type ReadLimits, refuse } from "./limits";
import { decodeXstring } from "./ooxml-text";
import { namedArea } from "./refs";
import { attrLocal, parseXmlEntry, type Attrs, type XmlHandler } from "./xml";
import type { XlsxZip } from "./zip";

interface Relationship {
  type: string;
  /** The part it points to, resolved to a zip path ("xl/worksheets/sheet1.xml"). */
  target: string;
}

const REL_TYPE = (type: string) => type.slice(type.lastIndexOf("/") + 1);

/** The relationships part of `part` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of the part that holds it. */
function resolveTarget(fromPart: string, target: string): string {
  const t = target.replace(/\\/g, "/");
  const base = t.startsWith("/") ? [] : fromPart.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** Relationships of `part` by id (internal targets only); empty when the part has none. */
async function readRels(zip: XlsxZip, part: string, limits: ReadLimits): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const entry = zip.get(relsPathOf(part));
  if (!entry) return rels;
  await parseXmlEntry(zip, entry, limits.maxEntryBytes, {
    open(name, a) {
      if (name !== "Relationship" || a.TargetMode === "External") return;
      if (a.Id !== undefined && a.Target !== undefined && a.Type !== undefined && !rels.has(a.Id))
        rels.set(a.Id, { type: REL_TYPE(a.Type), target: resolveTarget(part, a.Target) });
    },
    close() {},
  });
  return rels;
}

interface SheetEntry {
  name: string;
  /** Zip path of the worksheet part; undefined for chart sheets and others that are not worksheets. */
  path?: string;
  visibility?: SheetVisibility;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
  /** Cells named by defined names (as a reader that expands them would build). */
  named: number;
  sharedStrings?: string;
  styles?: string;
}

const truthy = (v: string | undefined) => v === "1" || v === "true";

/** The workbook part: sheets in the workbook's order, date system, defined names. */
export async function readWorkbook(zip: XlsxZip, limits: ReadLimits): Promise<WorkbookPart> {
  const root = await readRels(zip, "", limits);
  const office = [...root.values()].find((r) => r.type === "officeDocument");
  const path = office?.target ?? "xl/workbook.xml";
  const entry = zip.get(path);
  if (!entry) throw refuse.noSheet();
  const rels = await readRels(zip, path, limits);
  const out: WorkbookPart = { sheets: [], date1904: false, named: 0 };
  for (const r of rels.values()) {
    if (r.type === "sharedStrings") out.sharedStrings ??= r.target;
    if (r.type === "styles") out.styles ??= r.target;
  }
  // Without a relationship, the parts where every writer puts them (and where other readers look).
  if (out.sharedStrings === undefined && zip.get("xl/sharedStrings.xml"))
    out.sharedStrings = "xl/sharedStrings.xml";
  if (out.styles === undefined && zip.get("xl/styles.xml")) out.styles = "xl/styles.xml";
  let inName = false;
  let nameText = "";
  const handler: XmlHandler = {
    open(name, a) {
      if (name === "sheet") {
        const rel = rels.get(attrLocal(a, "id") ?? "");
        const state = a.state;
        out.sheets.push({
          name: a.name ?? "",
          path: rel?.type === "worksheet" ? rel.target : undefined,
          visibility: state === "hidden" || state === "veryHidden" ? state : undefined,
        });
      } else if (name === "workbookPr") out.date1904 = truthy(a.date1904);
      else if (name === "definedName") {
        inName = true;
        nameText = "";
      }
    },
    close(name) {
      if (name === "definedName") {
        inName = false;
        out.named += namedArea(nameText);
      }
    },
    text(t) {
      if (inName && nameText.length < 1_000_000) nameText += t;
    },
  };
  await parseXmlEntry(zip, entry, limits.maxEntryBytes, handler);
  return out;
}

/** Built-in number formats that show dates (ECMA-376 18.8.30, and the East Asian ids Excel maps to dates). */
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58,
]);

/** An elapsed-time section: "[h]", "[hh]", "[mm]", "[ss]" (not "[Red]", "[$-42A]" or "[>=100]"). */
const ELAPSED = /^\[(?:h+|m+|s+)\]$/i;

/**
 * Whether a number format shows a date (days, months or years). Not a time of day ("h:mm AM/PM":
 * a day's fraction, with no day to show) nor a duration ("[h]:mm" shows 1,52 as "36:30", hours
 * that run past a day): both stay the numbers Excel stores.
 */
function isDateFormat(code: string): boolean {
  const plain = code
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "");
  // "[Red]", "[$-409]", "[h]" dropped only up to the last "]": a "[" after it closes nothing, and
  // the pattern scanned from each one to the end (0.3 s on a format code of 32 767 "[").
  const closed = plain.lastIndexOf("]") + 1;
  let elapsed = false;
  const unbracketed = plain.slice(0, closed).replace(/\[[^\]]*\]/g, (section) => {
    elapsed ||= ELAPSED.test(section);
    return "";
  });
  if (elapsed) return false;
  const f = (unbracketed + plain.slice(closed)).replace(/_.|\*./g, "");
  if (/[dy]/i.test(f)) return true;
  // "m" alone is a month; next to h or s it is minutes ("h:mm", "mm:ss").
  return /m/i.test(f) && !/[hs]/i.test(f);
}

/** For each cell style index, whether it shows the cell as a date. */
export async function readDateStyles(
  zip: XlsxZip,
  path: string | undefined,
  limits: ReadLimits,
): Promise<boolean[]> {
  const entry = path ? zip.get(path) : undefined;
  if (!entry) return [];
  const custom = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  await parseXmlEntry(zip, entry, limits.maxEntryBytes, {
    open(name, a) {
      if (name === "numFmt" && a.numFmtId !== undefined)
        custom.set(Number(a.numFmtId), isDateFormat(a.formatCode ?? ""));
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        styles.push(custom.get(id) ?? BUILTIN_DATES.has(id));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return styles;
}

/**
 * Collects the text of `<t>` elements inside a string item (`<si>` or `<is>`): plain or in rich
 * text runs, never the phonetic runs (`<rPh>`), cut at Excel's 32 767 characters.
 */
export class StringItem {
  private parts: string[] = [];
  private length = 0;
  private inT = false;
  private inPhonetic = 0;
  open(name: string): void {
    if (name === "t" && this.inPhonetic === 0) this.inT = true;
    else if (name === "rPh") this.inPhonetic++;
  }
  close(name: string): void {
    if (name === "t") this.inT = false;
    else if (name === "rPh") this.inPhonetic--;
  }
  text(t: string): void {
    if (!this.inT || this.length >= EXCEL_MAX_TEXT * 2) return;
    this.parts.push(t);
    this.length += t.length;
  }
  /** Whether the last item taken held an `_xHHHH_` escape (which ExcelJS reads differently). */
  escaped = false;
  /** The item's text, decoded and cut; resets for the next item. */
  take(): string {
    const raw = this.parts.length === 1 ? this.parts[0] : this.parts.join("");
    this.escaped = raw.includes("_x");
    this.parts = [];
    this.length = 0;
    this.inT = false;
    this.inPhonetic = 0;
    return cutText(decodeXstring(raw));
  }
}

/** A text cut at Excel's 32 767 characters (never in the middle of a surrogate pair). */
export function cutText(s: string): string {
  if (s.length <= EXCEL_MAX_TEXT) return s;
  const end = EXCEL_MAX_TEXT;
  const code = s.charCodeAt(end - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

export interface SharedStrings {
  strings: string[];
  /** Indexes of the strings stored with `_xHHHH_` escapes (ExcelJS reads them differently). */
  escaped: Set<number>;
}

/** The shared strings table; refused past maxCells strings. */
export async function readSharedStrings(
  zip: XlsxZip,
  path: string | undefined,
  limits: ReadLimits,
): Promise<SharedStrings> {
  const entry = path ? zip.get(path) : undefined;
  const strings: string[] = [];
  const escaped = new Set<number>();
  if (!entry) return { strings, escaped };
  const item = new StringItem();
  let inItem = false;
  await parseXmlEntry(zip, entry, limits.maxEntryBytes, {
    open(name: string, _a: Attrs) {
      if (name === "si") {
        inItem = true;
        if (strings.length >= limits.maxCells)
          throw refuse.cells(
            [{ count: limits.maxCells, what: BUDGET_PARTS.strings, over: true }],
            limits.maxCells,
          );
      } else if (inItem) item.open(name);
    },
    close(name) {
      if (name === "si") {
        inItem = false;
        strings.push(item.take());
        if (item.escaped) escaped.add(strings.length - 1);
      } else if (inItem) item.close(name);
    },
    text(t) {
      if (inItem) item.text(t);
    },
  });
  return { strings, escaped };
}
