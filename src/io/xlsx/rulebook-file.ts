/**
 * A rulebook workbook (.xlsx) opened in the task pane's picker: its cells as a snapshot, for
 * src/engine/rulebook/workbook.ts to read. ExcelJS is loaded only when a workbook is opened (its
 * browser build is a chunk of its own, from the add-in's own origin), so the pane starts without
 * it. Only values are read (a rulebook workbook holds no formula the reader needs); a file larger
 * than a rulebook can be is refused before it is unzipped.
 */
import { RULEBOOK_LIMITS, tooLargeMessage } from "../../engine/rulebook/limits";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../engine/snapshot";
import { InputError, type Bilingual } from "../errors";
import { loadExcelJS } from "./exceljs-loader";

/** The value a cell shows: numbers, texts (rich text joined), booleans, dates, a formula's last result. */
function valueOf(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { date: v.toISOString().slice(0, 10) };
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("error" in o) return { error: String(o.error) };
    if (Array.isArray(o.richText))
      return (o.richText as { text?: unknown }[])
        .map((t) => (typeof t?.text === "string" ? t.text : ""))
        .join("");
    if ("result" in o) return valueOf(o.result);
    if ("text" in o) return valueOf(o.text);
  }
  return null;
}

/**
 * The snapshot of a rulebook workbook's bytes. Throws InputError, in both languages, when they are
 * not one; `origin` names the file in each ('Sổ quy tắc "x.xlsx"', 'The rulebook "x.xlsx"').
 */
export async function rulebookWorkbookSnapshot(
  bytes: ArrayBuffer,
  name: string,
  origin: Bilingual = { vi: `Sổ quy tắc "${name}"`, en: `The rulebook "${name}"` },
): Promise<WorkbookSnapshot> {
  if (bytes.byteLength > RULEBOOK_LIMITS.maxBytes)
    throw new InputError({
      vi: tooLargeMessage("bytes", bytes.byteLength, "vi", origin.vi),
      en: tooLargeMessage("bytes", bytes.byteLength, "en", origin.en),
    });
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes);
  } catch {
    throw new InputError({
      vi: `${origin.vi} không phải tệp Excel .xlsx đọc được.`,
      en: `${origin.en} is not an Excel .xlsx file that can be read.`,
    });
  }
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    const values: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // A merged cell's others repeat its value in ExcelJS; Excel shows them blank.
        if (cell.type === Excel.ValueType.Merge) return;
        cells[c - 1] = valueOf(cell.value);
      });
      for (let c = 0; c < cells.length; c++) cells[c] ??= null;
      values[r - 1] = cells;
    });
    for (let r = 0; r < values.length; r++) values[r] ??= [];
    sheets.push({ name: ws.name, values });
  });
  return { sheets };
}
