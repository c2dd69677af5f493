/**
 * Reads an .xlsx file into the engine's WorkbookSnapshot, once, as a stream: the zip
 * (src/io/xlsx/zip.ts), the parts around the sheets (parts.ts) and each worksheet (sheet.ts),
 * every limit applied while reading (limits.ts, docs/security.md). What is checked is exactly
 * what was read: a file that two readers could read differently is refused with a reason.
 * Values are as Excel last showed them: a formula cell carries its cached result.
 */
import type { WorkbookSnapshot } from "../../engine/snapshot";
import type { Bilingual } from "../errors";
import {
  BUDGET_PARTS,
  checkCellBudget,
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  READ_LIMITS,
  refuse,
  type ReadLimits,
} from "./limits";
import { readDateStyles, readSharedStrings, readWorkbook } from "./parts";
import { SheetReader, type SheetInventory } from "./sheet";
import { parseXmlEntry } from "./xml";
import { XlsxZip } from "./zip";

export { sniffXlsx } from "./zip";
export { READ_LIMITS, type ReadLimits } from "./limits";
export interface XlsxInventory {
  entries: number;
  /** Inflated bytes of the parts read (workbook, strings, styles, sheets). */
  bytes: number;
  sheets: SheetInventory[];
  sharedStrings: number;
  /** Cells named by defined names. */
  named: number;
  /** Sum of everything counted against maxCells. */
  cellBudget: number;
}

export interface XlsxReading {
  snapshot: WorkbookSnapshot;
  /** The worksheets' names in the workbook's order (kept when the snapshot is let go). */
  sheetNames: string[];
  /**
   * Per worksheet, the texts ExcelJS would read differently (stored with `_xHHHH_` escapes, or
   * a formula's empty cached text), by cellKey (src/io/xlsx/sheet.ts): the annotated copy takes
   * them from here, so that the snapshot can be let go before ExcelJS loads the file.
   */
  exactTexts: ReadonlyMap<number, string>[];
  inventory: XlsxInventory;
  /**
   * Inflates every entry not read yet, under the same caps (its declared size, maxEntryBytes,
   * maxTotalBytes), so that a writer that loads the whole zip (ExcelJS, for --annotate) meets
   * no bomb. Throws InputError.
   */
  verifyAllEntries(): Promise<void>;
  /** Why ExcelJS would read this file differently from this reader (then no copy is written). */
  excelJsMismatch: Bilingual | undefined;
}

/** ExcelJS picks parts by these names (anywhere in the path), not by the package's relationships. */
const EXCELJS_SHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;
const EXCELJS_SHEET_RELS = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/;

const toBuffer = (buf: Uint8Array) =>
  Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);

/** Reads .xlsx bytes; throws InputError (one Vietnamese sentence) when they cannot be read. */
export async function readXlsxDetailed(
  buf: Uint8Array,
  limits: ReadLimits = READ_LIMITS,
): Promise<XlsxReading> {
  const bytes = toBuffer(buf);
  if (bytes.length > limits.maxFileBytes) throw refuse.fileTooBig(limits.maxFileBytes);
  const zip = await XlsxZip.open(bytes, limits);
  // A part named like a sheet that is not one ("sheet1.xml.bak") is what some readers take.
  for (const e of zip.entries) {
    const m = EXCELJS_SHEET.exec(e.key) ?? EXCELJS_SHEET_RELS.exec(e.key);
    if (m && m.index + m[0].length !== e.key.length) throw refuse.sheetLike(e.name);
  }
  const wb = await readWorkbook(zip, limits);
  const worksheets = wb.sheets.filter((s) => s.path !== undefined);
  if (worksheets.length === 0) throw refuse.noSheet();
  const sheetNames = new Map(worksheets.map((s) => [zip.get(s.path as string)?.key, s.name]));
  let declared = 0;
  for (const e of zip.entries) {
    if (e.size > limits.maxEntryBytes) {
      const sheet = sheetNames.get(e.key);
      throw sheet !== undefined
        ? refuse.sheetBytes(sheet, limits.maxEntryBytes)
        : refuse.entryBytes(e.name, limits.maxEntryBytes);
    }
    declared += e.size;
  }
  if (declared > limits.maxTotalBytes) throw refuse.totalBytes(limits.maxTotalBytes);

  const read = new Set<string>();
  const { strings, escaped: escapedStrings } = await readSharedStrings(zip, wb.sharedStrings, limits);
  const dateStyles = await readDateStyles(zip, wb.styles, limits);
  for (const p of [
    wb.sharedStrings,
    wb.styles,
    "xl/workbook.xml",
    "_rels/.rels",
    "xl/_rels/workbook.xml.rels",
  ])
    if (p) read.add(zip.get(p)?.key ?? "");
  const budget = { elements: 0 };
  const inventory: XlsxInventory = {
    entries: zip.entries.length,
    bytes: 0,
    sheets: [],
    sharedStrings: strings.length,
    named: wb.named,
    cellBudget: 0,
  };
  const snapshot: WorkbookSnapshot = { sheets: [] };
  const exactTexts: ReadonlyMap<number, string>[] = [];
  for (const s of worksheets) {
    const entry = zip.get(s.path as string);
    if (!entry) throw refuse.corrupt(); // the workbook lists a sheet the file does not hold
    const reader = new SheetReader(s.name, entry.name, s.visibility, {
      strings,
      escapedStrings,
      dateStyles,
      date1904: wb.date1904,
      limits,
      budget,
    });
    reader.inventory.bytes = await parseXmlEntry(zip, entry, limits.maxEntryBytes, reader, () =>
      refuse.sheetBytes(s.name, limits.maxEntryBytes),
    );
    read.add(entry.key);
    inventory.bytes += reader.inventory.bytes;
    inventory.sheets.push(reader.inventory);
    snapshot.sheets.push(reader.snapshot());
    exactTexts.push(reader.exactTexts);
  }
  for (const s of inventory.sheets) {
    if (s.lastColumn > EXCEL_MAX_COLUMNS || s.lastRow > EXCEL_MAX_ROWS) throw refuse.grid(s.name);
  }
  inventory.cellBudget = checkCellBudget(
    [
      [inventory.sheets.reduce((n, s) => n + s.cells + s.rows, 0), BUDGET_PARTS.cells],
      [strings.length, BUDGET_PARTS.strings],
      ...inventory.sheets.map((s): [number, Bilingual] => [s.merged, BUDGET_PARTS.merged(s.name)]),
      ...inventory.sheets.map((s): [number, Bilingual] => [s.validated, BUDGET_PARTS.validated(s.name)]),
      [wb.named, BUDGET_PARTS.named],
    ],
    limits.maxCells,
  );

  const verifyAllEntries = async () => {
    let total = 0;
    for (const e of zip.entries) {
      if (read.has(e.key) || e.isFolder) continue;
      total += await zip.inflate(e, limits.maxEntryBytes, () => undefined);
      if (total > limits.maxTotalBytes) throw refuse.totalBytes(limits.maxTotalBytes);
    }
  };
  return {
    snapshot,
    sheetNames: worksheets.map((s) => s.name),
    exactTexts,
    inventory,
    verifyAllEntries,
    excelJsMismatch: excelJsMismatch(zip, wb, worksheets),
  };
}

/** Where ExcelJS (which picks parts by fixed names) would not read what this reader read. */
function excelJsMismatch(
  zip: XlsxZip,
  wb: Awaited<ReturnType<typeof readWorkbook>>,
  worksheets: { path?: string }[],
): Bilingual | undefined {
  const exact = (path: string | undefined, expected: string) =>
    path === undefined || (zip.get(path)?.name === expected && path === expected);
  if (!exact("xl/workbook.xml", "xl/workbook.xml") || zip.get("xl/workbook.xml") === undefined)
    return { vi: "sổ tính không nằm ở xl/workbook.xml", en: "the workbook is not at xl/workbook.xml" };
  if (!exact(wb.sharedStrings, "xl/sharedStrings.xml"))
    return {
      vi: "bảng chuỗi dùng chung không nằm ở chỗ quen thuộc",
      en: "the shared strings are not where they usually are",
    };
  if (!exact(wb.styles, "xl/styles.xml"))
    return {
      vi: "bảng định dạng không nằm ở chỗ quen thuộc",
      en: "the styles are not where they usually are",
    };
  for (const s of worksheets) {
    const name = zip.get(s.path as string)?.name ?? "";
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      return { vi: `trang tính nằm ở "${name}"`, en: `a worksheet is at "${name}"` };
  }
  return undefined;
}

/** Reads .xlsx bytes into a snapshot; throws InputError with a Vietnamese message when it cannot. */
export async function readXlsx(buf: Uint8Array, limits: ReadLimits = READ_LIMITS): Promise<WorkbookSnapshot> {
  return (await readXlsxDetailed(buf, limits)).snapshot;
}

/** What the workbook holds, counted while reading it (the limits' figures). */
export async function inspectXlsx(buf: Uint8Array, limits: ReadLimits = READ_LIMITS): Promise<XlsxInventory> {
  return (await readXlsxDetailed(buf, limits)).inventory;
}
