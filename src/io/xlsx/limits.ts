/**
 * The bounds the .xlsx reader keeps while it reads (docs/security.md), and the Vietnamese
 * sentence of each refusal. Sheet limits shared with the add-in live in src/engine/limits.ts.
 */
import { formatNumber } from "../../engine/i18n";
import { SHEET_LIMITS } from "../../engine/limits";
import { InputError } from "../errors";

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

export const vi = (n: number) => formatNumber(n, "vi");
const MB = (n: number) => `${vi(Math.round(n / 1024 / 1024))} MB`;

/** A text from the file quoted in a message: short, on one line (the terminal escapes the rest). */
const quoted = (s: string) => `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;

const CORRUPT = "Tệp .xlsx bị hỏng hoặc không đầy đủ, không đọc được nội dung.";
const NOT_EXCEL = "tệp bị hỏng hoặc không do Excel tạo ra";
const RESAVE = "hãy mở và lưu lại bằng Excel rồi kiểm tra lại";

/** Every refusal of the reader, one Vietnamese sentence each. */
export const refuse = {
  corrupt: () => new InputError(CORRUPT),
  empty: () => new InputError("Tệp rỗng (0 byte)."),
  ole: () =>
    new InputError(
      "Tệp có mật khẩu hoặc là tệp .xls cũ: hãy mở trong Excel, bỏ mật khẩu hoặc lưu lại dưới dạng .xlsx rồi kiểm tra lại.",
    ),
  notXlsx: () => new InputError("Tệp không phải là tệp Excel .xlsx."),
  noSheet: () =>
    new InputError(
      "Tệp không có trang tính nào để kiểm tra (chỉ có biểu đồ, hoặc không phải sổ tính Excel).",
    ),
  encrypted: () =>
    new InputError(`Tệp nén có mật khẩu (mã hóa ZIP), Excel không tạo tệp như vậy: ${RESAVE}.`),
  entries: (n: number) =>
    new InputError(
      `Tệp .xlsx có ${vi(n)} phần nén (một sổ tính có vài chục): không phải sổ tính Excel bình thường, không kiểm tra.`,
    ),
  duplicate: (name: string) =>
    new InputError(
      `Tệp .xlsx có hai phần cùng tên ${quoted(name)} (Excel coi tệp như vậy là hỏng; một phần có thể che giấu phần kia): ${RESAVE}.`,
    ),
  nameMismatch: (central: string, local: string) =>
    new InputError(
      `Tệp .xlsx có phần mang hai tên khác nhau (${quoted(central)} và ${quoted(local)}): ${NOT_EXCEL}; ${RESAVE}.`,
    ),
  unicodePath: (name: string) =>
    new InputError(
      `Tệp .xlsx đổi tên phần ${quoted(name)} bằng trường tên Unicode của Info-ZIP, Excel không tạo tệp như vậy: ${RESAVE}.`,
    ),
  folderData: (name: string) =>
    new InputError(
      `Tệp .xlsx giấu dữ liệu trong mục thư mục ${quoted(name)}: không phải sổ tính Excel bình thường, không kiểm tra.`,
    ),
  sheetLike: (name: string) =>
    new InputError(
      `Tệp .xlsx có phần ${quoted(name)} mang tên gần giống một trang tính mà không phải trang tính: ${NOT_EXCEL}, không kiểm tra.`,
    ),
  fileTooBig: (limit: number) =>
    new InputError(
      `Tệp lớn hơn ${MB(limit)}: quá lớn để kiểm tra; hãy xóa hình ảnh, dữ liệu thừa rồi kiểm tra lại.`,
    ),
  sheetBytes: (sheet: string, limit: number) =>
    new InputError(
      `Trang tính "${sheet}" quá lớn để kiểm tra: dữ liệu giải nén hơn ${MB(limit)}; hãy xóa các dòng, cột thừa rồi kiểm tra lại.`,
    ),
  entryBytes: (name: string, limit: number) =>
    new InputError(
      `Phần "${name}" của tệp giải nén ra hơn ${MB(limit)} (có thể là "bom nén"): quá lớn để kiểm tra.`,
    ),
  totalBytes: (limit: number) =>
    new InputError(
      `Tệp giải nén ra hơn ${MB(limit)}: quá lớn để kiểm tra; hãy xóa các dòng, cột, hình ảnh thừa rồi kiểm tra lại.`,
    ),
  rows: (sheet: string, limit: number) =>
    new InputError(
      `Trang tính "${sheet}" có hơn ${vi(limit)} dòng có dữ liệu: quá lớn để kiểm tra; hãy xóa các dòng thừa hoặc tách bảng sang tệp khác rồi kiểm tra lại.`,
    ),
  grid: (sheet: string) =>
    new InputError(
      `Trang tính "${sheet}" có ô nằm ngoài giới hạn của Excel (${vi(EXCEL_MAX_COLUMNS)} cột, ${vi(EXCEL_MAX_ROWS)} dòng): ${NOT_EXCEL}.`,
    ),
  cellRef: (sheet: string, ref: string) =>
    new InputError(`Trang tính "${sheet}" có địa chỉ ô viết sai (${quoted(ref)}): ${NOT_EXCEL}.`),
  order: (sheet: string, ref: string) =>
    new InputError(
      `Trang tính "${sheet}" ghi ô ${quoted(ref)} lặp lại hoặc sai thứ tự: ${NOT_EXCEL}; ${RESAVE}.`,
    ),
  range: (sheet: string, ref: string) =>
    new InputError(`Trang tính "${sheet}" có vùng ô viết sai (${quoted(ref)}): ${NOT_EXCEL}.`),
  value: (sheet: string, cell: string, text: string) =>
    new InputError(
      `Ô ${cell} của trang tính "${sheet}" có giá trị viết sai (${quoted(text)}): ${NOT_EXCEL}.`,
    ),
  xml: (part: string) =>
    new InputError(`Phần ${quoted(part)} của tệp .xlsx không phải XML hợp lệ: ${NOT_EXCEL}.`),
  cells: (parts: string[], limit: number) =>
    new InputError(
      `Sổ tính quá lớn để kiểm tra: ${parts.join(", ")} (giới hạn ${vi(limit)} ô); hãy xóa các dòng, cột thừa, bỏ các vùng gộp ô, xác thực dữ liệu hoặc tên vùng quá rộng rồi kiểm tra lại.`,
    ),
};

/** What the cell budget is made of, for the refusal's message. */
export const BUDGET_PARTS = {
  cells: "ô và dòng có dữ liệu hoặc định dạng",
  strings: "chuỗi văn bản dùng chung",
  merged: (sheet: string) => `ô trong các vùng gộp ô của trang "${sheet}"`,
  validated: (sheet: string) => `ô trong các vùng xác thực dữ liệu (Data Validation) của trang "${sheet}"`,
  named: "ô trong các vùng được đặt tên (Name Manager)",
};

/** Refuses a workbook whose parts add up to more than `limit` cells, naming the largest parts. */
export function checkCellBudget(parts: readonly [number, string][], limit: number): number {
  const total = parts.reduce((n, [k]) => n + k, 0);
  if (total > limit) {
    // The largest part, and the next ones only when they weigh (a tenth of the limit or more).
    const top = parts
      .filter(([k], i) => k > 0 && (i === 0 || k >= limit / 10))
      .sort((x, y) => y[0] - x[0])
      .filter(([k], i) => i === 0 || k >= limit / 10)
      .slice(0, 3)
      .map(([k, what]) => `${vi(k)} ${what}`);
    throw refuse.cells(top, limit);
  }
  return total;
}
