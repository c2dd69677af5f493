/**
 * A workbook snapshot: the only input of the engine.
 *
 * The Office.js adapter (src/office) and the ExcelJS reader (src/io/xlsx) both produce this
 * shape, so the engine never knows where the numbers came from. Values are what a spreadsheet
 * shows after calculation: a formula cell carries its last computed result in `values` and its
 * text in `formulas`.
 */

/** An error value such as `#REF!` or `#DIV/0!`. */
export interface CellError {
  error: string;
}

/** A calendar date (no time zone): ISO `yyyy-mm-dd`. */
export interface CellDate {
  date: string;
}

export type CellValue = number | string | boolean | null | CellError | CellDate;

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetSnapshot {
  name: string;
  /** 0-based position of `values[0][0]` in the sheet (A1 is row 0, col 0). Default 0,0. */
  origin?: { row: number; col: number };
  /** Rows of cells; rows may be ragged or sparse (missing = empty). */
  values: CellValue[][];
  /** Same shape as `values`; formula text without the leading `=`, or null. */
  formulas?: (string | null)[][];
  /** Merged ranges in A1 notation, e.g. `A1:K1`. */
  merges?: string[];
  visibility?: SheetVisibility;
  /** True when the sheet is protected (the add-in cannot mark it). */
  protected?: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
}

export function isCellDate(v: CellValue | undefined): v is CellDate {
  return typeof v === "object" && v !== null && "date" in v;
}
