/**
 * Formats the adapter writes the same way wherever it writes a table: the report sheet
 * (report.ts) and an inserted template (insert-template.ts).
 */

/** Every border of a table: its outline and the lines between its cells. */
export const BORDER_EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
] as const;

/**
 * Points of a column of width `width` in Excel's column width unit as an .xlsx stores it (what
 * dean-check's copy and dean-template write, so that every front door gives the same widths):
 * characters of the Normal style's maximum digit width (7 pixels for Calibri 11, Excel's default)
 * with the padding included, to pixels by MS-OI29500 2.1.598; a pixel is 0.75 point.
 */
export function columnPoints(chars: number): number {
  const pixels = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * 0.75;
}
