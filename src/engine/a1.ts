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

/**
 * "B7", "$B$7", " b7 " → { row: 6, col: 1 }: one to three letters, one to seven digits, each
 * optionally after a "$". Read by hand, not by a regular expression: every merge of every sheet and
 * many findings' cells come through here on each check.
 */
export function parseA1(a1: string): CellRef {
  const s = a1.trim();
  let i = s.charCodeAt(0) === 36 ? 1 : 0; // "$"
  let col = 0;
  const lettersFrom = i;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  const nLetters = i - lettersFrom;
  if (s.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
  }
  const nDigits = i - digitsFrom;
  if (nLetters < 1 || nLetters > 3 || nDigits < 1 || nDigits > 7 || i !== s.length)
    throw new RangeError(`Not an A1 cell reference: ${a1}`);
  return { row: row - 1, col: col - 1 };
}

export interface RangeRef {
  start: CellRef;
  end: CellRef;
}

export function parseRange(a1: string): RangeRef {
  // Every merge of every sheet comes through here on each check: the first two parts of
  // a1.split(":"), found without making the array.
  const colon = a1.indexOf(":");
  const start = parseA1(colon < 0 ? a1 : a1.slice(0, colon));
  const next = colon < 0 ? -1 : a1.indexOf(":", colon + 1);
  const b = colon < 0 ? "" : a1.slice(colon + 1, next < 0 ? undefined : next);
  const end = b ? parseA1(b) : start;
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}
