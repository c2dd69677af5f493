/**
 * The bounds the .xlsx reader keeps while it reads (docs/security.md), and the Vietnamese
 * sentence of each refusal. Sheet limits shared with the add-in live in src/engine/limits.ts.
 */
import { formatMessage, formatNumber, type Locale } from "../../engine/i18n";
import { SHEET_LIMITS } from "../../engine/limits";
import { InputError, type Bilingual } from "../errors";

/** Excel's own grid. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
/** Excel keeps at most this many characters in a cell; longer texts are cut there. */
export const EXCEL_MAX_TEXT = 32_767;

export interface ReadLimits {
  /** Rows holding data (a value or a formula) in any one sheet: a count, not the last row's number. */
  maxRows: number;
  /**
   * Cells of the whole workbook: cells and rows written in the file (values or formatting),
   * shared strings, and the cells of merged areas, data validations and defined names (which
   * ExcelJS would expand one by one when it loads the file to write an annotated copy).
   */
  maxCells: number;
  /** Inflated bytes of any one zip entry (a sheet's XML, an image…). */
  maxEntryBytes: number;
  /** Inflated bytes of the whole file. */
  maxTotalBytes: number;
  /** Entries in the zip (a workbook has a few dozen). */
  maxEntries: number;
  /** Bytes of the .xlsx file itself. */
  maxFileBytes: number;
}

/**
 * The bounds. Real appendices are a few hundred rows; a data validation over one whole column
 * (1 048 576 cells, as Excel writes a drop-down on a column) fits.
 */
export const READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxRows: SHEET_LIMITS.maxRows,
  maxCells: SHEET_LIMITS.maxCells,
  maxEntryBytes: 150 * 1024 * 1024,
  maxTotalBytes: 400 * 1024 * 1024,
  maxEntries: 10_000,
  maxFileBytes: 200 * 1024 * 1024,
});

const MB = (n: number, locale: Locale) => `${formatNumber(Math.round(n / 1024 / 1024), locale)} MB`;

/** A text from the file quoted in a message: short, on one line (the terminal escapes the rest). */
const quoted = (s: string) => `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;

/** Every refusal of the reader, one sentence each, Vietnamese and English ({notExcel}, {resave} shared). */
const WORDS = {
  vi: {
    notExcel: "tệp bị hỏng hoặc không do Excel tạo ra",
    resave: "hãy mở và lưu lại bằng Excel rồi kiểm tra lại",
    corrupt: "Tệp .xlsx bị hỏng hoặc không đầy đủ, không đọc được nội dung.",
    empty: "Tệp rỗng (0 byte).",
    ole: "Tệp có mật khẩu hoặc là tệp .xls cũ: hãy mở trong Excel, bỏ mật khẩu hoặc lưu lại dưới dạng .xlsx rồi kiểm tra lại.",
    notXlsx: "Tệp không phải là tệp Excel .xlsx.",
    noSheet: "Tệp không có trang tính nào để kiểm tra (chỉ có biểu đồ, hoặc không phải sổ tính Excel).",
    encrypted: "Tệp nén có mật khẩu (mã hóa ZIP), Excel không tạo tệp như vậy: {resave}.",
    entries:
      "Tệp .xlsx có {n} phần nén (một sổ tính có vài chục): không phải sổ tính Excel bình thường, không kiểm tra.",
    duplicate:
      "Tệp .xlsx có hai phần cùng tên {name} (Excel coi tệp như vậy là hỏng; một phần có thể che giấu phần kia): {resave}.",
    nameMismatch: "Tệp .xlsx có phần mang hai tên khác nhau ({central} và {local}): {notExcel}; {resave}.",
    unicodePath:
      "Tệp .xlsx đổi tên phần {name} bằng trường tên Unicode của Info-ZIP, Excel không tạo tệp như vậy: {resave}.",
    folderData:
      "Tệp .xlsx giấu dữ liệu trong mục thư mục {name}: không phải sổ tính Excel bình thường, không kiểm tra.",
    sheetLike:
      "Tệp .xlsx có phần {name} mang tên gần giống một trang tính mà không phải trang tính: {notExcel}, không kiểm tra.",
    fileTooBig: "Tệp lớn hơn {limit}: quá lớn để kiểm tra; hãy xóa hình ảnh, dữ liệu thừa rồi kiểm tra lại.",
    sheetBytes:
      'Trang tính "{sheet}" quá lớn để kiểm tra: dữ liệu giải nén hơn {limit}; hãy xóa các dòng, cột thừa rồi kiểm tra lại.',
    entryBytes: 'Phần "{name}" của tệp giải nén ra hơn {limit} (có thể là "bom nén"): quá lớn để kiểm tra.',
    totalBytes:
      "Tệp giải nén ra hơn {limit}: quá lớn để kiểm tra; hãy xóa các dòng, cột, hình ảnh thừa rồi kiểm tra lại.",
    rows: 'Trang tính "{sheet}" có hơn {limit} dòng có dữ liệu: quá lớn để kiểm tra; hãy xóa các dòng thừa hoặc tách bảng sang tệp khác rồi kiểm tra lại.',
    grid: 'Trang tính "{sheet}" có ô nằm ngoài giới hạn của Excel ({columns} cột, {rows} dòng): {notExcel}.',
    cellRef: 'Trang tính "{sheet}" có địa chỉ ô viết sai ({ref}): {notExcel}.',
    order: 'Trang tính "{sheet}" ghi ô {ref} lặp lại hoặc sai thứ tự: {notExcel}; {resave}.',
    range: 'Trang tính "{sheet}" có vùng ô viết sai ({ref}): {notExcel}.',
    value: 'Ô {cell} của trang tính "{sheet}" có giá trị viết sai ({text}): {notExcel}.',
    xml: "Phần {part} của tệp .xlsx không phải XML hợp lệ: {notExcel}.",
    cells:
      "Sổ tính quá lớn để kiểm tra: {parts} (giới hạn {limit} ô); hãy xóa các dòng, cột thừa, bỏ các vùng gộp ô, xác thực dữ liệu hoặc tên vùng quá rộng rồi kiểm tra lại.",
    part: "{n} {what}",
    partOver: "hơn {n} {what}",
  },
  en: {
    notExcel: "the file is damaged or was not made by Excel",
    resave: "open it in Excel, save it again and check it again",
    corrupt: "The .xlsx file is damaged or incomplete: its content cannot be read.",
    empty: "The file is empty (0 bytes).",
    ole: "The file has a password or is an old .xls file: open it in Excel, remove the password or save it as .xlsx, then check it again.",
    notXlsx: "The file is not an Excel .xlsx file.",
    noSheet: "The file has no worksheet to check (only charts, or it is not an Excel workbook).",
    encrypted: "The zip is password-protected (ZIP encryption), which Excel never writes: {resave}.",
    entries:
      "The .xlsx file has {n} compressed parts (a workbook has a few dozen): not an ordinary Excel workbook, not checked.",
    duplicate:
      "The .xlsx file has two parts named {name} (Excel treats such a file as damaged; one part could hide the other): {resave}.",
    nameMismatch:
      "The .xlsx file has a part with two different names ({central} and {local}): {notExcel}; {resave}.",
    unicodePath:
      "The .xlsx file renames the part {name} with an Info-ZIP Unicode path field, which Excel never writes: {resave}.",
    folderData:
      "The .xlsx file hides data in the folder entry {name}: not an ordinary Excel workbook, not checked.",
    sheetLike:
      "The .xlsx file has a part {name} named almost like a worksheet that is not one: {notExcel}, not checked.",
    fileTooBig:
      "The file is larger than {limit}: too large to check; remove pictures and unused data, then check it again.",
    sheetBytes:
      'The worksheet "{sheet}" is too large to check: more than {limit} uncompressed; remove unused rows and columns, then check it again.',
    entryBytes:
      'The part "{name}" of the file inflates to more than {limit} (perhaps a "zip bomb"): too large to check.',
    totalBytes:
      "The file inflates to more than {limit}: too large to check; remove unused rows, columns and pictures, then check it again.",
    rows: 'The worksheet "{sheet}" has more than {limit} rows with data: too large to check; remove unused rows or split the table into another file, then check it again.',
    grid: 'The worksheet "{sheet}" has a cell outside Excel\'s grid ({columns} columns, {rows} rows): {notExcel}.',
    cellRef: 'The worksheet "{sheet}" has a malformed cell address ({ref}): {notExcel}.',
    order: 'The worksheet "{sheet}" writes the cell {ref} twice or out of order: {notExcel}; {resave}.',
    range: 'The worksheet "{sheet}" has a malformed range ({ref}): {notExcel}.',
    value: 'The cell {cell} of the worksheet "{sheet}" holds a malformed value ({text}): {notExcel}.',
    xml: "The part {part} of the .xlsx file is not valid XML: {notExcel}.",
    cells:
      "The workbook is too large to check: {parts} (limit {limit} cells); remove unused rows and columns, or merged areas, data validations or named ranges that are too wide, then check it again.",
    part: "{n} {what}",
    partOver: "more than {n} {what}",
  },
} as const satisfies Record<Locale, Record<string, string>>;

type RefusalKey = keyof typeof WORDS.vi;

/** One sentence of the catalogue in both languages; `data` gives each language its own values. */
function sentence(
  key: RefusalKey,
  data: (locale: Locale) => Record<string, string | number> = () => ({}),
): Bilingual {
  const one = (locale: Locale) =>
    formatMessage(WORDS[locale][key], {
      notExcel: WORDS[locale].notExcel,
      resave: WORDS[locale].resave,
      ...data(locale),
    });
  return { vi: one("vi"), en: one("en") };
}

const refusal = (key: RefusalKey, data?: (locale: Locale) => Record<string, string | number>) =>
  new InputError(sentence(key, data));

const CORRUPT = WORDS.vi.corrupt;

/** What the cell budget is made of: a count of something, for the refusal's message. */
export interface BudgetPart {
  count: number;
  what: Bilingual;
  /** "more than {count}": the reader stopped counting there. */
  over?: boolean;
}

/** Every refusal of the reader, one sentence each (Vietnamese, and English for --lang en). */
export const refuse = {
  corrupt: () => refusal("corrupt"),
  empty: () => refusal("empty"),
  ole: () => refusal("ole"),
  notXlsx: () => refusal("notXlsx"),
  noSheet: () => refusal("noSheet"),
  encrypted: () => refusal("encrypted"),
  entries: (n: number) => refusal("entries", (l) => ({ n: formatNumber(n, l) })),
  duplicate: (name: string) => refusal("duplicate", () => ({ name: quoted(name) })),
  nameMismatch: (central: string, local: string) =>
    refusal("nameMismatch", () => ({ central: quoted(central), local: quoted(local) })),
  unicodePath: (name: string) => refusal("unicodePath", () => ({ name: quoted(name) })),
  folderData: (name: string) => refusal("folderData", () => ({ name: quoted(name) })),
  sheetLike: (name: string) => refusal("sheetLike", () => ({ name: quoted(name) })),
  fileTooBig: (limit: number) => refusal("fileTooBig", (l) => ({ limit: MB(limit, l) })),
  sheetBytes: (sheet: string, limit: number) =>
    refusal("sheetBytes", (l) => ({ sheet, limit: MB(limit, l) })),
  entryBytes: (name: string, limit: number) => refusal("entryBytes", (l) => ({ name, limit: MB(limit, l) })),
  totalBytes: (limit: number) => refusal("totalBytes", (l) => ({ limit: MB(limit, l) })),
  rows: (sheet: string, limit: number) => refusal("rows", (l) => ({ sheet, limit: formatNumber(limit, l) })),
  grid: (sheet: string) =>
    refusal("grid", (l) => ({
      sheet,
      columns: formatNumber(EXCEL_MAX_COLUMNS, l),
      rows: formatNumber(EXCEL_MAX_ROWS, l),
    })),
  cellRef: (sheet: string, ref: string) => refusal("cellRef", () => ({ sheet, ref: quoted(ref) })),
  order: (sheet: string, ref: string) => refusal("order", () => ({ sheet, ref: quoted(ref) })),
  range: (sheet: string, ref: string) => refusal("range", () => ({ sheet, ref: quoted(ref) })),
  value: (sheet: string, cell: string, text: string) =>
    refusal("value", () => ({ sheet, cell, text: quoted(text) })),
  xml: (part: string) => refusal("xml", () => ({ part: quoted(part) })),
  cells: (parts: readonly BudgetPart[], limit: number) =>
    refusal("cells", (l) => ({
      parts: parts
        .map((p) =>
          formatMessage(WORDS[l][p.over ? "partOver" : "part"], {
            n: formatNumber(p.count, l),
            what: p.what[l],
          }),
        )
        .join(", "),
      limit: formatNumber(limit, l),
    })),
};

const both = (vi: string, en: string): Bilingual => ({ vi, en });

/** What the cell budget is made of, for the refusal's message. */
export const BUDGET_PARTS = {
  cells: both("ô và dòng có dữ liệu hoặc định dạng", "cells and rows with data or formatting"),
  strings: both("chuỗi văn bản dùng chung", "shared strings"),
  merged: (sheet: string) =>
    both(`ô trong các vùng gộp ô của trang "${sheet}"`, `cells in merged areas of the sheet "${sheet}"`),
  validated: (sheet: string) =>
    both(
      `ô trong các vùng xác thực dữ liệu (Data Validation) của trang "${sheet}"`,
      `cells in data validations of the sheet "${sheet}"`,
    ),
  named: both("ô trong các vùng được đặt tên (Name Manager)", "cells in named ranges (Name Manager)"),
};

/** Refuses a workbook whose parts add up to more than `limit` cells, naming the largest parts. */
export function checkCellBudget(parts: readonly [number, Bilingual][], limit: number): number {
  const total = parts.reduce((n, [k]) => n + k, 0);
  if (total > limit) {
    // The largest part, and the next ones only when they weigh (a tenth of the limit or more).
    const top = parts
      .filter(([k], i) => k > 0 && (i === 0 || k >= limit / 10))
      .sort((x, y) => y[0] - x[0])
      .filter(([k], i) => i === 0 || k >= limit / 10)
      .slice(0, 3)
      .map(([count, what]) => ({ count, what }));
    throw refuse.cells(top, limit);
  }
  return total;
}
