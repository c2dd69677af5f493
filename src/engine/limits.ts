/**
 * How much of a workbook is checked, in every front door (dean-check's reader and the add-in's):
 * beyond this a sheet is refused with a reason instead of taking minutes and gigabytes.
 */
export const SHEET_LIMITS = Object.freeze({
  /** Rows with data in one sheet. */
  maxRows: 100_000,
  /** Cells read (rows × columns of the used range, or what the file holds). */
  maxCells: 1_500_000,
});
