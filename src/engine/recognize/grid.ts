/**
 * A read-only view of one sheet snapshot with absolute (0-based) coordinates, merged-cell
 * awareness. Recognition reads sheets only through this.
 */
import { parseRange, toA1 } from "../a1";
import { isCellDate, isCellError, type CellValue, type SheetSnapshot } from "../snapshot";
import { collapseSpaces } from "../text/normalize";

export class Grid {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly r0: number;
  private readonly c0: number;
  /** For cells inside a merge (other than its top-left), the top-left cell. */
  private readonly mergeOwner = new Map<number, number>();
  private readonly mergeSpan = new Map<number, { rows: number; cols: number }>();
  /** text()'s cache: per column, the row of the text kept (-1: none) and the text. */
  private readonly textRows: Int32Array;
  private readonly texts: string[];

  constructor(private readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.r0 = sheet.origin?.row ?? 0;
    this.c0 = sheet.origin?.col ?? 0;
    let cols = 0;
    for (const row of sheet.values) if (row && row.length > cols) cols = row.length;
    this.rowCount = this.r0 + sheet.values.length;
    this.colCount = this.c0 + cols;
    this.textRows = new Int32Array(cols).fill(-1);
    this.texts = new Array<string>(cols).fill("");
    for (const m of sheet.merges ?? []) {
      let range;
      try {
        range = parseRange(m);
      } catch {
        continue; // a malformed merge is ignored, not fatal
      }
      const { start, end } = range;
      // Bound the work on absurd merges (a whole column merged) to the data we have: from the
      // sheet's origin (a used range far down the sheet) to its last row and column.
      const firstRow = Math.max(start.row, this.r0);
      const firstCol = Math.max(start.col, this.c0);
      const lastRow = Math.min(end.row, this.rowCount - 1);
      const lastCol = Math.min(end.col, this.colCount - 1);
      const owner = this.key(start.row, start.col);
      this.mergeSpan.set(owner, { rows: end.row - start.row + 1, cols: end.col - start.col + 1 });
      for (let r = firstRow; r <= lastRow; r++) {
        for (let c = firstCol; c <= lastCol; c++) {
          if (r !== start.row || c !== start.col) this.mergeOwner.set(this.key(r, c), owner);
        }
      }
    }
  }

  private key(r: number, c: number): number {
    return r * 20000 + c;
  }

  /** The value stored in a cell (merged slaves are empty, as in Excel). */
  value(r: number, c: number): CellValue {
    const row = this.sheet.values[r - this.r0];
    if (!row) return null;
    const v = row[c - this.c0];
    return v === undefined ? null : v;
  }

  formula(r: number, c: number): string | null {
    const row = this.sheet.formulas?.[r - this.r0];
    return row?.[c - this.c0] ?? null;
  }

  /** The value shown in a cell: for a merged area every cell shows the top-left value. */
  shown(r: number, c: number): CellValue {
    const owner = this.mergeOwner.get(this.key(r, c));
    if (owner === undefined) return this.value(r, c);
    return this.value(Math.floor(owner / 20000), owner % 20000);
  }

  /** True when the cell is part of a merge but not its top-left cell. */
  isMergeSlave(r: number, c: number): boolean {
    return this.mergeOwner.has(this.key(r, c));
  }

  /** Column span of the merge starting at this cell (1 when not merged). */
  colSpan(r: number, c: number): number {
    return this.mergeSpan.get(this.key(r, c))?.cols ?? 1;
  }

  /**
   * Text of a cell's own value, whitespace collapsed; "" for blanks. Recognition reads each cell of
   * a line several times (is the line blank, its TT, its label, a total, the header again?), so
   * the last text read in each column is kept with the row it came from: one slot per column, no
   * allocation per row. (Keeping every cell's text was measured on a 30 000-row table: it cost
   * more in allocation and garbage collection than it saved.)
   */
  text(r: number, c: number): string {
    const i = c - this.c0;
    if (i >= 0 && i < this.textRows.length) {
      if (this.textRows[i] === r) return this.texts[i];
      const t = cellText(this.value(r, c));
      this.textRows[i] = r;
      this.texts[i] = t;
      return t;
    }
    return cellText(this.value(r, c));
  }

  /** Text as shown (merged areas spread). */
  shownText(r: number, c: number): string {
    const owner = this.mergeOwner.get(this.key(r, c));
    return owner === undefined ? this.text(r, c) : this.text(Math.floor(owner / 20000), owner % 20000);
  }

  isBlank(r: number, c: number): boolean {
    return this.text(r, c) === "";
  }

  /** All non-blank texts of a row, joined by spaces. */
  rowText(r: number): string {
    const parts: string[] = [];
    for (let c = this.c0; c < this.colCount; c++) {
      const t = this.text(r, c);
      if (t) parts.push(t);
    }
    return parts.join(" ");
  }

  /** The first non-blank text of a row ("" when the row is blank). */
  firstText(r: number): string {
    for (let c = this.c0; c < this.colCount; c++) {
      const t = this.text(r, c);
      if (t) return t;
    }
    return "";
  }

  rowIsBlank(r: number): boolean {
    const row = this.sheet.values[r - this.r0];
    if (!row) return true;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === "") continue;
      // Numbers, booleans, errors and dates are never blank; only text needs a look.
      if (typeof v !== "string" || this.text(r, c + this.c0) !== "") return false;
    }
    return true;
  }

  get firstRow(): number {
    return this.r0;
  }

  get firstCol(): number {
    return this.c0;
  }

  a1(r: number, c: number): string {
    return toA1(r, c);
  }
}

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return collapseSpaces(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isCellError(v)) return v.error;
  if (isCellDate(v)) return v.date;
  return "";
}
