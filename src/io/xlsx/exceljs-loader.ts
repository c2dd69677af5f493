/**
 * ExcelJS, loaded when first needed: in the add-in its browser build becomes a chunk of its own
 * (fetched from the add-in's origin only when the user opens a rulebook workbook), so the pane and
 * the custom functions start without it.
 */
import type ExcelJS from "exceljs";

export async function loadExcelJS(): Promise<typeof ExcelJS> {
  const mod = (await import("exceljs")) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  return mod.default ?? mod;
}
