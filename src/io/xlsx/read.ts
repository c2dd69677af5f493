/**
 * Reads an .xlsx file into a WorkbookSnapshot with ExcelJS (outside Excel: the CLI, tests,
 * benchmarks). Values are as Excel last showed them: a formula cell carries its cached result.
 */
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from "../../engine/snapshot";
import { InputError } from "../errors";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: an old .xls, or an .xlsx encrypted with a password. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (buf: Uint8Array, sig: number[]) => sig.every((b, i) => buf[i] === b);

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

/** Loads the ExcelJS workbook of .xlsx bytes, with a Vietnamese message when it cannot. */
export async function loadWorkbook(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  sniffXlsx(buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError("Tệp .xlsx bị hỏng hoặc không đầy đủ, không đọc được nội dung.", { cause: e });
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
    if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
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
    const formula = (f.formula ?? (cell.formula as string | undefined) ?? f.sharedFormula ?? "") || null;
    // cell.value drops a falsy cached result (0, "", FALSE); the cell's model keeps it.
    const model = (cell as unknown as { model?: { result?: unknown } }).model;
    return { value: scalar(f.result ?? model?.result), formula };
  }
  return { value: scalar(raw), formula: null };
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
  const merges = (ws.model as unknown as { merges?: string[] }).merges;
  if (merges && merges.length > 0) snap.merges = [...merges];
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
export async function readXlsx(buf: Uint8Array): Promise<WorkbookSnapshot> {
  return workbookSnapshot(await loadWorkbook(buf));
}
