/** A1-notation helpers. Rows and columns are 0-based everywhere in the engine. */

/** Column letters already computed (A1 addresses are made for every number cell read). */
const names: string[] = [];

export function columnName(col: number): string {
  if (col < 1024) return (names[col] ??= letters(col));
  return letters(col);
}

function letters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function toA1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export interface CellRef {
  row: number;
  col: number;
}

export function parseA1(a1: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) throw new RangeError(`Not an A1 cell reference: ${a1}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export interface RangeRef {
  start: CellRef;
  end: CellRef;
}

export function parseRange(a1: string): RangeRef {
  const [a, b] = a1.split(":");
  const start = parseA1(a);
  const end = b ? parseA1(b) : start;
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}
