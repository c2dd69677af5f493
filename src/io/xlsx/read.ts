/**
 * Reads an .xlsx file into a WorkbookSnapshot with ExcelJS (outside Excel: the CLI, tests,
 * benchmarks). Values are as Excel last showed them: a formula cell carries its cached result.
 *
 * ExcelJS holds the whole workbook in memory (about 0.6 KB a cell) and expands some ranges cell
 * by cell as it loads (merged cells, data validations, defined names, column definitions), so a
 * file of a few kilobytes can ask it for billions of cells. Before ExcelJS sees a file, the zip
 * is read here entry by entry, streaming, with every entry's inflated size capped (a lying
 * central directory or a zip bomb stops at the cap), and the sheets' XML is scanned for what
 * ExcelJS would build: rows, cells, merged areas, validated areas, named areas. A file over the
 * limits (READ_LIMITS, docs/security.md) is refused with one Vietnamese sentence saying why.
 */
import { createInflateRaw } from "node:zlib";
import ExcelJS from "exceljs";
import { formatNumber } from "../../engine/i18n";
import { SHEET_LIMITS } from "../../engine/limits";
import type { CellValue, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from "../../engine/snapshot";
import { InputError } from "../errors";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: an old .xls, or an .xlsx encrypted with a password. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (buf: Uint8Array, sig: number[]) => sig.every((b, i) => buf[i] === b);

/** Excel's own limits. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

export interface ReadLimits {
  /** Last row holding a value in any one sheet. */
  maxRows: number;
  /**
   * What ExcelJS would hold for the whole workbook: cells and rows written in the file (values
   * or formatting only), shared strings, and the cells it expands merged areas, data
   * validations and defined names into.
   */
  maxCells: number;
  /** Inflated bytes of any one zip entry (a sheet's XML, an image…). */
  maxEntryBytes: number;
  /** Inflated bytes of the whole file. */
  maxTotalBytes: number;
  /** Entries in the zip (a workbook has a few dozen). */
  maxEntries: number;
}

/**
 * The bounds (docs/security.md). At the cell limit ExcelJS needs about 1 GB and 5 s; a data
 * validation over one whole column (1 048 576 cells, as Excel writes it) still fits. Real
 * appendices are a few hundred rows.
 */
export const READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxRows: SHEET_LIMITS.maxRows,
  maxCells: SHEET_LIMITS.maxCells,
  maxEntryBytes: 150 * 1024 * 1024,
  maxTotalBytes: 400 * 1024 * 1024,
  maxEntries: 10_000,
});

const vi = (n: number) => formatNumber(n, "vi");
const MB = (n: number) => `${vi(Math.round(n / 1024 / 1024))} MB`;

const CORRUPT = "Tệp .xlsx bị hỏng hoặc không đầy đủ, không đọc được nội dung.";

/** Checks the bytes before handing them to ExcelJS, so that the user learns what the file is. */
export function sniffXlsx(buf: Uint8Array): void {
  if (buf.length === 0) throw new InputError("Tệp rỗng (0 byte).");
  if (startsWith(buf, OLE)) {
    throw new InputError(
      "Tệp có mật khẩu hoặc là tệp .xls cũ: hãy mở trong Excel, bỏ mật khẩu hoặc lưu lại dưới dạng .xlsx rồi kiểm tra lại.",
    );
  }
  if (!startsWith(buf, ZIP)) throw new InputError("Tệp không phải là tệp Excel .xlsx.");
}

// ---------------------------------------------------------------------------------------------
// The zip, read directly: central directory, then each entry inflated as a stream.

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function u64(buf: Buffer, at: number): number {
  const n = buf.readBigUInt64LE(at);
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}

/** The central directory's entries; throws InputError when the zip cannot be read. */
function zipEntries(buf: Buffer, limits: ReadLimits): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new InputError(CORRUPT);
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // Zip64: the real figures are in the zip64 end record, found through its locator.
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== 0x07064b50) throw new InputError(CORRUPT);
    const rec = u64(buf, loc + 8);
    if (rec + 56 > buf.length || buf.readUInt32LE(rec) !== 0x06064b50) throw new InputError(CORRUPT);
    count = u64(buf, rec + 32);
    cdSize = u64(buf, rec + 40);
    cdOffset = u64(buf, rec + 48);
  }
  if (count > limits.maxEntries) {
    throw new InputError(
      `Tệp .xlsx có ${vi(count)} phần nén (một sổ tính có vài chục): không phải sổ tính Excel bình thường, không kiểm tra.`,
    );
  }
  if (cdOffset + cdSize > buf.length) throw new InputError(CORRUPT);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new InputError(CORRUPT);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const e: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString("utf8", p + 46, p + 46 + nameLen),
    };
    // Zip64 extra field: the 32-bit fields that overflowed, in this order.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = buf.readUInt16LE(x);
      const len = buf.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        for (const k of ["size", "compressedSize", "localOffset"] as const) {
          if (e[k] === 0xffffffff && q + 8 <= x + 4 + len) {
            e[k] = u64(buf, q);
            q += 8;
          }
        }
      }
      x += 4 + len;
    }
    entries.push(e);
    p = xEnd + commentLen;
  }
  return entries;
}

/** Where an entry's compressed data starts (after its local header). */
function dataStart(buf: Buffer, e: ZipEntry): number {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw new InputError(CORRUPT);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) throw new InputError(CORRUPT);
  return start;
}

/** Thrown inside a scan to stop it: the entry is over a limit (turned into an InputError). */
class Stop extends Error {}

/**
 * Inflates an entry chunk by chunk, never holding more than a chunk, and stops as soon as it
 * gives more than its declared size or `cap` bytes.
 */
function inflateEntry(
  buf: Buffer,
  e: ZipEntry,
  cap: number,
  onChunk: (chunk: Buffer) => void,
): Promise<number> {
  const data = buf.subarray(dataStart(buf, e), dataStart(buf, e) + e.compressedSize);
  if (e.method === 0) {
    if (data.length > cap) return Promise.reject(new Stop());
    onChunk(data);
    return Promise.resolve(data.length);
  }
  if (e.method !== 8) return Promise.reject(new InputError(CORRUPT));
  return new Promise((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: 256 * 1024 });
    let total = 0;
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      z.destroy();
      reject(err);
    };
    z.on("data", (chunk: Buffer) => {
      if (failed) return;
      total += chunk.length;
      // More than the central directory said: a lying (or broken) zip, stopped here.
      if (total > e.size) return fail(new InputError(CORRUPT));
      if (total > cap) return fail(new Stop());
      try {
        onChunk(chunk);
      } catch (err) {
        fail(err);
      }
    });
    z.on("error", () => fail(new InputError(CORRUPT)));
    z.on("end", () => {
      if (!failed) resolve(total);
    });
    z.end(data);
  });
}

// ---------------------------------------------------------------------------------------------
// What ExcelJS would build, from the XML.

const TAG =
  /<(?:[A-Za-z_][\w.-]*:)?(row|c|col|mergeCell|dataValidation)(?=[\s/>])((?:[^<>"']|"[^<"]*"|'[^<']*')*)>/g;
const ATTR = (name: string) => new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
const R_ATTR = ATTR("r");
const REF_ATTR = ATTR("ref");
const SQREF_ATTR = ATTR("sqref");
const MIN_ATTR = ATTR("min");
const MAX_ATTR = ATTR("max");
const CELL_REF = /^\$?([A-Za-z]{1,4})\$?(\d{1,8})$/;
/** A tag longer than this (attributes included) is not from a spreadsheet program. */
const MAX_TAG = 1024 * 1024;

const attr = (re: RegExp, s: string): string | undefined => {
  const m = re.exec(s);
  return m ? (m[1] ?? m[2]) : undefined;
};

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells of an A1 range ("B2:D5" → 12), or 0 when it is not one. */
function areaOf(ref: string): number {
  const [a, b = a] = ref.trim().split(":");
  const x = CELL_REF.exec(a);
  const y = CELL_REF.exec(b);
  if (!x || !y) return 0;
  const rows = Math.abs(Number(y[2]) - Number(x[2])) + 1;
  const cols = Math.abs(columnNumber(y[1]) - columnNumber(x[1])) + 1;
  return rows * cols;
}

/** What one worksheet's XML asks of ExcelJS. */
export interface SheetInventory {
  /** Zip entry, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  /** The sheet's name, from the workbook (the path when the workbook does not list it). */
  name: string;
  /** Inflated bytes of the XML. */
  bytes: number;
  /** `<row>` and `<c>` elements (values or formatting only). */
  rows: number;
  cells: number;
  /** Last row holding a value (1-based; 0 when none). */
  lastValueRow: number;
  /** Largest column number of any cell or column definition. */
  lastColumn: number;
  /** Largest row number written. */
  lastRow: number;
  /** Cells inside merged areas and data-validation ranges. */
  merged: number;
  validated: number;
  /** The scan stopped at the row limit (the sheet is longer than this says). */
  stopped: boolean;
}

export interface XlsxInventory {
  entries: number;
  /** Inflated bytes of every entry. */
  bytes: number;
  sheets: SheetInventory[];
  sharedStrings: number;
  /** Cells named by defined names (ExcelJS expands each). */
  named: number;
  /** Sum of everything ExcelJS would hold, the figure compared with maxCells. */
  cellBudget: number;
}

class SheetScanner {
  readonly inv: SheetInventory;
  private carry = "";
  private row = 0;
  private col = 0;
  constructor(
    path: string,
    private readonly limits: ReadLimits,
  ) {
    this.inv = {
      path,
      name: path,
      bytes: 0,
      rows: 0,
      cells: 0,
      lastValueRow: 0,
      lastColumn: 0,
      lastRow: 0,
      merged: 0,
      validated: 0,
      stopped: false,
    };
  }

  push(chunk: Buffer): void {
    this.inv.bytes += chunk.length;
    const text = this.carry + chunk.toString("latin1");
    const lt = text.lastIndexOf("<");
    if (lt < 0) {
      this.carry = "";
      this.scan(text);
      return;
    }
    // Tags are processed once: what follows the last "<" waits for the next chunk.
    this.scan(text.slice(0, lt));
    this.carry = text.slice(lt);
    if (this.carry.length > MAX_TAG) {
      if (/^<(?:[A-Za-z_][\w.-]*:)?(row|c|col|mergeCell|dataValidation)[\s/>]/.test(this.carry))
        throw new InputError(CORRUPT);
      this.carry = ""; // the text of a long string, not a tag: nothing to count in it
    }
  }

  end(): void {
    this.scan(this.carry);
    this.carry = "";
  }

  private scan(text: string): void {
    TAG.lastIndex = 0;
    const inv = this.inv;
    for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
      const [, tag, attrs] = m;
      switch (tag) {
        case "row": {
          const r = attr(R_ATTR, attrs);
          this.row = r !== undefined && /^\d{1,8}$/.test(r) ? Number(r) : this.row + 1;
          this.col = 0;
          inv.rows++;
          if (this.row > inv.lastRow) inv.lastRow = this.row;
          break;
        }
        case "c": {
          const ref = attr(R_ATTR, attrs);
          const m2 = ref !== undefined ? CELL_REF.exec(ref) : null;
          if (m2) {
            this.col = columnNumber(m2[1]);
            this.row = Number(m2[2]);
          } else this.col++;
          inv.cells++;
          if (this.col > inv.lastColumn) inv.lastColumn = this.col;
          if (this.row > inv.lastRow) inv.lastRow = this.row;
          if (!attrs.endsWith("/") && this.row > inv.lastValueRow) {
            inv.lastValueRow = this.row;
            if (this.row > this.limits.maxRows) {
              inv.stopped = true;
              throw new Stop();
            }
          }
          break;
        }
        case "col": {
          const max = Number(attr(MAX_ATTR, attrs) ?? attr(MIN_ATTR, attrs) ?? 0);
          if (max > inv.lastColumn) inv.lastColumn = Number.isFinite(max) ? max : Infinity;
          break;
        }
        case "mergeCell":
          inv.merged += areaOf(attr(REF_ATTR, attrs) ?? "");
          break;
        case "dataValidation":
          for (const ref of (attr(SQREF_ATTR, attrs) ?? "").split(/\s+/))
            if (ref) inv.validated += areaOf(ref);
          break;
      }
    }
  }
}

const decodeXml = (s: string) =>
  s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_m, hex, dec, named: string) => {
    if (hex) return String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff));
    if (dec) return String.fromCodePoint(Math.min(Number(dec), 0x10ffff));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[named.toLowerCase()] ?? "";
  });

/** Sheet names by entry path, and the cells named by defined names, from workbook.xml and its rels. */
function readWorkbookXml(workbook: string, rels: string): { names: Map<string, string>; named: number } {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b((?:[^<>"']|"[^<"]*"|'[^<']*')*)>/g)) {
    const id = attr(ATTR("Id"), m[1]);
    const target = attr(ATTR("Target"), m[1]);
    if (id !== undefined && target !== undefined) {
      const t = decodeXml(target).trim();
      targets.set(id, t.startsWith("/") ? t.slice(1) : `xl/${t.replace(/^\.\//, "")}`);
    }
  }
  const names = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b((?:[^<>"']|"[^<"]*"|'[^<']*')*)>/g)) {
    const name = attr(ATTR("name"), m[1]);
    const id = attr(ATTR("(?:\\w+:)?id"), m[1]);
    const path = id !== undefined ? targets.get(id) : undefined;
    if (name !== undefined && path !== undefined) names.set(path, decodeXml(name));
  }
  let named = 0;
  for (const m of workbook.matchAll(/<(?:\w+:)?definedName\b[^>]*>([^<]*)</g)) {
    // Ranges only, not the letters and digits of a sheet name ("KP2026!$A$1:$K$40").
    const text = decodeXml(m[1]).replace(/'(?:[^']|'')*'!|[^\s,()'!:$]+!/g, "");
    for (const r of text.matchAll(/(?<![\w.])\$?[A-Za-z]{1,4}\$?\d{1,8}(?::\$?[A-Za-z]{1,4}\$?\d{1,8})?/g))
      named += areaOf(r[0]);
  }
  return { names, named };
}

const isSheet = (name: string) => /(?:^|\/)xl\/worksheets\/[^/]+\.xml$/i.test(name);

/**
 * Reads the zip and scans what ExcelJS would build from it, without building it. Throws
 * InputError (Vietnamese) when the file is over a limit or its zip cannot be read.
 */
export async function inspectXlsx(buf: Uint8Array, limits: ReadLimits = READ_LIMITS): Promise<XlsxInventory> {
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const entries = zipEntries(b, limits);
  const inv: XlsxInventory = {
    entries: entries.length,
    bytes: 0,
    sheets: [],
    sharedStrings: 0,
    named: 0,
    cellBudget: 0,
  };
  let workbookXml = "";
  let relsXml = "";
  const tooBig = (e: ZipEntry) =>
    isSheet(e.name)
      ? `Trang tính "${e.name}" quá lớn để kiểm tra: dữ liệu giải nén hơn ${MB(limits.maxEntryBytes)}; hãy xóa các dòng, cột thừa rồi kiểm tra lại.`
      : `Phần "${e.name}" của tệp giải nén ra hơn ${MB(limits.maxEntryBytes)} (có thể là "bom nén"): quá lớn để kiểm tra.`;
  const pending: { e: ZipEntry; message: string }[] = [];
  for (const e of entries) {
    if (e.flags & 1) {
      throw new InputError(
        "Tệp nén có mật khẩu (mã hóa ZIP), Excel không tạo tệp như vậy: hãy mở và lưu lại bằng Excel rồi kiểm tra lại.",
      );
    }
    if (e.name.endsWith("/")) continue;
    if (e.size > limits.maxEntryBytes) {
      pending.push({ e, message: tooBig(e) });
      continue;
    }
    if (inv.bytes + e.size > limits.maxTotalBytes) {
      throw new InputError(
        `Tệp giải nén ra hơn ${MB(limits.maxTotalBytes)}: quá lớn để kiểm tra; hãy xóa các dòng, cột, hình ảnh thừa rồi kiểm tra lại.`,
      );
    }
    const scanner = isSheet(e.name) ? new SheetScanner(e.name, limits) : undefined;
    const lower = e.name.toLowerCase();
    const keep = lower === "xl/workbook.xml" || lower === "xl/_rels/workbook.xml.rels";
    const isStrings = /(?:^|\/)xl\/sharedstrings\.xml$/.test(lower);
    const kept: Buffer[] = [];
    let stringsCarry = "";
    try {
      inv.bytes += await inflateEntry(b, e, limits.maxEntryBytes, (chunk) => {
        if (scanner) scanner.push(chunk);
        else if (keep) kept.push(chunk);
        else if (isStrings) {
          const text = stringsCarry + chunk.toString("latin1");
          inv.sharedStrings += (text.match(/<(?:[A-Za-z_][\w.-]*:)?si[\s>/]/g) ?? []).length;
          stringsCarry = text.slice(-8);
          inv.sharedStrings -= (stringsCarry.match(/<(?:[A-Za-z_][\w.-]*:)?si[\s>/]/g) ?? []).length;
        }
      });
      scanner?.end();
    } catch (err) {
      if (!(err instanceof Stop)) throw err;
      if (!scanner?.inv.stopped) {
        pending.push({ e, message: tooBig(e) });
        continue;
      }
    }
    if (isStrings) inv.sharedStrings += (stringsCarry.match(/<(?:[A-Za-z_][\w.-]*:)?si[\s>/]/g) ?? []).length;
    if (scanner) inv.sheets.push(scanner.inv);
    if (lower === "xl/workbook.xml") workbookXml = Buffer.concat(kept).toString("utf8");
    if (lower === "xl/_rels/workbook.xml.rels") relsXml = Buffer.concat(kept).toString("utf8");
  }
  const { names, named } = readWorkbookXml(workbookXml, relsXml);
  inv.named = named;
  const nameOf = (path: string) => names.get(path) ?? names.get(path.replace(/^\//, "")) ?? path;
  for (const s of inv.sheets) s.name = nameOf(s.path);
  if (pending.length > 0)
    throw new InputError(
      pending[0].message.replace(`"${pending[0].e.name}"`, `"${nameOf(pending[0].e.name)}"`),
    );

  for (const s of inv.sheets) {
    if (s.lastValueRow > limits.maxRows) {
      throw new InputError(
        `Trang tính "${s.name}" có hơn ${vi(limits.maxRows)} dòng có dữ liệu: quá lớn để kiểm tra; hãy xóa các dòng thừa hoặc tách bảng sang tệp khác rồi kiểm tra lại.`,
      );
    }
    if (s.lastColumn > EXCEL_MAX_COLUMNS || s.lastRow > EXCEL_MAX_ROWS) {
      throw new InputError(
        `Trang tính "${s.name}" có ô nằm ngoài giới hạn của Excel (${vi(EXCEL_MAX_COLUMNS)} cột, ${vi(EXCEL_MAX_ROWS)} dòng): tệp bị hỏng hoặc không do Excel tạo ra.`,
      );
    }
  }
  const parts: [number, string][] = [
    [inv.sheets.reduce((n, s) => n + s.cells + s.rows, 0), "ô và dòng có dữ liệu hoặc định dạng"],
    [inv.sharedStrings, "chuỗi văn bản dùng chung"],
    ...inv.sheets.map((s): [number, string] => [s.merged, `ô trong các vùng gộp ô của trang "${s.name}"`]),
    ...inv.sheets.map((s): [number, string] => [
      s.validated,
      `ô trong các vùng xác thực dữ liệu (Data Validation) của trang "${s.name}"`,
    ]),
    [named, "ô trong các vùng được đặt tên (Name Manager)"],
  ];
  inv.cellBudget = parts.reduce((n, [k]) => n + k, 0);
  if (inv.cellBudget > limits.maxCells) {
    // The largest part, and the next ones only when they weigh (a tenth of the limit or more).
    const top = parts
      .filter(([k], i) => k > 0 && (i === 0 || k >= limits.maxCells / 10))
      .sort((x, y) => y[0] - x[0])
      .filter(([k], i) => i === 0 || k >= limits.maxCells / 10)
      .slice(0, 3)
      .map(([k, what]) => `${vi(k)} ${what}`);
    throw new InputError(
      `Sổ tính quá lớn để kiểm tra: ${top.join(", ")} (giới hạn ${vi(limits.maxCells)} ô); hãy xóa các dòng, cột thừa, bỏ các vùng gộp ô, xác thực dữ liệu hoặc tên vùng quá rộng rồi kiểm tra lại.`,
    );
  }
  return inv;
}

// ---------------------------------------------------------------------------------------------

/** Loads the ExcelJS workbook of .xlsx bytes, with a Vietnamese message when it cannot. */
export async function loadWorkbook(
  buf: Uint8Array,
  limits: ReadLimits = READ_LIMITS,
): Promise<ExcelJS.Workbook> {
  sniffXlsx(buf);
  await inspectXlsx(buf, limits);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError(CORRUPT, { cause: e });
  }
  if (wb.worksheets.length === 0) {
    throw new InputError(
      "Tệp không có trang tính nào để kiểm tra (chỉ có biểu đồ, hoặc không phải sổ tính Excel).",
    );
  }
  return wb;
}

function scalar(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { date: v.toISOString().slice(0, 10) };
  if (typeof v === "object") {
    if ("error" in v) return { error: String((v as { error: unknown }).error) };
    if ("richText" in v) {
      const rich = (v as ExcelJS.CellRichTextValue).richText;
      return Array.isArray(rich)
        ? rich.map((t) => (typeof t?.text === "string" ? t.text : "")).join("")
        : null;
    }
    if ("text" in v) {
      const t = (v as { text: unknown }).text;
      return typeof t === "string" ? t : scalar(t);
    }
  }
  return null;
}

/** Value and formula of one ExcelJS cell. */
export function readCell(cell: ExcelJS.Cell): { value: CellValue; formula: string | null } {
  if (cell.type === ExcelJS.ValueType.Merge) return { value: null, formula: null };
  const raw = cell.value as unknown;
  if (raw && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw)) {
    const f = raw as { formula?: string; sharedFormula?: string; result?: unknown };
    // A shared formula's text is its master's; cell.formula translates it to this cell.
    let own: string | undefined;
    try {
      own = cell.formula as string | undefined;
    } catch {
      own = undefined; // a shared formula whose master is missing (a hand-made file)
    }
    const formula = (f.formula ?? own ?? f.sharedFormula ?? "") || null;
    // cell.value drops a falsy cached result (0, "", FALSE); the cell's model keeps it.
    const model = (cell as unknown as { model?: { result?: unknown } }).model;
    return { value: scalar(f.result ?? model?.result), formula };
  }
  return { value: scalar(raw), formula: null };
}

/** Merged ranges of a sheet, without building ExcelJS's whole model of it (ws.model copies every cell). */
function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const own = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges;
  if (own && typeof own === "object") {
    return Object.values(own)
      .map((m) => m?.range)
      .filter((r): r is string => typeof r === "string");
  }
  return [...((ws.model as unknown as { merges?: string[] }).merges ?? [])];
}

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  let formulas: (string | null)[][] | undefined;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vals: CellValue[] = [];
    let fs: (string | null)[] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const { value, formula } = readCell(cell);
      if (value !== null) {
        while (vals.length < c - 1) vals.push(null);
        vals[c - 1] = value;
      }
      if (formula !== null) {
        fs ??= [];
        while (fs.length < c - 1) fs.push(null);
        fs[c - 1] = formula;
      }
    });
    values[r - 1] = vals;
    if (fs) {
      formulas ??= [];
      formulas[r - 1] = fs;
    }
  });
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  const snap: SheetSnapshot = { name: ws.name, values };
  if (formulas) {
    for (let r = 0; r < values.length; r++) formulas[r] ??= [];
    snap.formulas = formulas;
  }
  const merges = mergesOf(ws);
  if (merges.length > 0) snap.merges = merges;
  const state = ws.state as SheetVisibility | undefined;
  if (state && state !== "visible") snap.visibility = state;
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  if (protection?.sheet) snap.protected = true;
  return snap;
}

/** The snapshot of an ExcelJS workbook. */
export function workbookSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => sheets.push(sheetSnapshot(ws)));
  return { sheets };
}

/** Reads .xlsx bytes into a snapshot; throws InputError with a Vietnamese message when it cannot. */
export async function readXlsx(buf: Uint8Array, limits: ReadLimits = READ_LIMITS): Promise<WorkbookSnapshot> {
  return workbookSnapshot(await loadWorkbook(buf, limits));
}
