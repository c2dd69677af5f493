/**
 * Cells as rectangles, so that the add-in never joins addresses into a list: Excel on Windows
 * reads "A1,B2" with the list separator of the regional settings (";" in Vietnamese ones) and
 * refuses the other (OfficeDev/office-js #1167, #1985). One rectangle, one range, one call.
 */
import { parseRange, toA1 } from "../engine/a1";

/** A range of more cells than this is kept whole rather than split into its cells. */
const EXPAND_LIMIT = 10_000;

/**
 * Rectangles covering exactly the given cells (A1 cells or ranges, duplicates allowed): each
 * column's cells in vertical runs, then runs of neighbouring columns over the same rows joined.
 * Ordered by their top-left cell, row by row.
 */
export function rectangles(cells: Iterable<string>): string[] {
  const byCol = new Map<number, Set<number>>();
  const whole: { r0: number; c0: number; r1: number; c1: number }[] = [];
  for (const cell of cells) {
    const { start, end } = parseRange(cell);
    if ((end.row - start.row + 1) * (end.col - start.col + 1) > EXPAND_LIMIT) {
      whole.push({ r0: start.row, c0: start.col, r1: end.row, c1: end.col });
      continue;
    }
    for (let c = start.col; c <= end.col; c++) {
      let rows = byCol.get(c);
      if (!rows) byCol.set(c, (rows = new Set()));
      for (let r = start.row; r <= end.row; r++) rows.add(r);
    }
  }
  // Vertical runs per column: "r0:r1" → columns having that run.
  const runs = new Map<string, number[]>();
  for (const c of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...(byCol.get(c) as Set<number>)].sort((a, b) => a - b);
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      const key = `${rows[i]}:${rows[j]}`;
      const cols = runs.get(key) ?? [];
      cols.push(c);
      runs.set(key, cols);
      i = j + 1;
    }
  }
  const boxes = [...whole];
  for (const [key, cols] of runs) {
    const [r0, r1] = key.split(":").map(Number);
    for (let i = 0; i < cols.length;) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      boxes.push({ r0, c0: cols[i], r1, c1: cols[j] });
      i = j + 1;
    }
  }
  boxes.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  return boxes.map((b) => {
    const a = toA1(b.r0, b.c0);
    return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:${toA1(b.r1, b.c1)}`;
  });
}
