/**
 * One worksheet's XML, read as a stream straight into the engine's SheetSnapshot: values
 * (shared and inline strings, numbers, booleans, errors, dates from the cell's number format),
 * formulas with their cached values, merged ranges, protection. Every reference, range and number
 * must be written as Excel writes it, or the file is refused; rows with data are counted as they
 * come and the sheet is refused past the limit without reading further.
 */
import { toA1 } from "../../engine/a1";
import { DATE1904_OFFSET, serialToIso } from "../../engine/dates/serial";
import type { CellValue, SheetSnapshot, SheetVisibility } from "../../engine/snapshot";
import {
  BUDGET_PARTS,
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  EXCEL_MAX_TEXT,
  type ReadLimits,
  refuse,
} from "./limits";
import { decodeXstring } from "./ooxml-text";
import { cutText, StringItem } from "./parts";
import { parseCellRef, parseColumnNumber, parseRowNumber, rangeArea } from "./refs";
import type { Attrs, XmlHandler } from "./xml";
// ExcelJS's own translation of a shared formula to another cell (a small module, not ExcelJS itself).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { slideFormula } = require("exceljs/lib/utils/shared-formula") as {
  slideFormula: (formula: string, from: string, to: string) => string;
};

/** What one worksheet holds, as counted while it was read. */
export interface SheetInventory {
  /** Zip entry, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  name: string;
  /** Inflated bytes of the XML. */
  bytes: number;
  /** `<row>` and `<c>` elements (values or formatting only). */
  rows: number;
  cells: number;
  /** Rows holding a value or a formula: the figure compared with maxRows. */
  dataRows: number;
  /** Last row holding a value or formula (1-based; 0 when none). */
  lastValueRow: number;
  /** Largest column number of any cell or column definition. */
  lastColumn: number;
  /** Largest row number written. */
  lastRow: number;
  /** Cells inside merged areas and data-validation ranges. */
  merged: number;
  validated: number;
}

export interface SheetContext {
  strings: readonly string[];
  /** Shared strings stored with `_xHHHH_` escapes. */
  escapedStrings: ReadonlySet<number>;
  dateStyles: readonly boolean[];
  date1904: boolean;
  limits: ReadLimits;
  /** `<row>` and `<c>` elements of the workbook so far (shared by its sheets). */
  budget: { elements: number };
}

/** `\d+(?:\.\d*)?`, not `\d+\.?\d*`: the same numbers, without retrying every split of the digits. */
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[-+]\d{2}:\d{2})?)?$/;
/** A value or formula longer than this is no number, and more than any text Excel keeps. */
const MAX_CAPTURE = EXCEL_MAX_TEXT * 2;

const enum Capture {
  None,
  Value,
  Formula,
}

const truthy = (v: string | undefined) => v === "1" || v === "true";

/** Key of a cell in SheetReader.exactTexts: (row − 1) × 16 384 + (column − 1). */
const cellKey = (row: number, col: number) => (row - 1) * EXCEL_MAX_COLUMNS + (col - 1);

export class SheetReader implements XmlHandler {
  readonly inventory: SheetInventory;
  /**
   * The texts another reader (ExcelJS, for the annotated copy) would read differently: texts
   * stored with `_xHHHH_` escapes, and formulas' empty cached texts; by cellKey.
   */
  readonly exactTexts = new Map<number, string>();
  private readonly values: CellValue[][] = [];
  private formulas: (string | null)[][] | undefined;
  private readonly merges: string[] = [];
  private protected = false;

  // Where the reading is.
  private row = 0;
  private col = 0;
  private inRow = false;
  private rowHasData = false;
  private inCell = false;
  private cellRef = "";
  private cellType = "n";
  private cellStyle = -1;
  private capture = Capture.None;
  private vText = "";
  private hasV = false;
  private fText = "";
  private fType: string | undefined;
  private fShared: string | undefined;
  private hasF = false;
  private inIs = false;
  private hasIs = false;
  private readonly item = new StringItem();
  private readonly shared = new Map<string, { formula: string; ref: string }>();

  constructor(
    private readonly name: string,
    path: string,
    private readonly visibility: SheetVisibility | undefined,
    private readonly ctx: SheetContext,
  ) {
    this.inventory = {
      path,
      name,
      bytes: 0,
      rows: 0,
      cells: 0,
      dataRows: 0,
      lastValueRow: 0,
      lastColumn: 0,
      lastRow: 0,
      merged: 0,
      validated: 0,
    };
  }

  private count(): void {
    if (++this.ctx.budget.elements > this.ctx.limits.maxCells)
      throw refuse.cells(
        [{ count: this.ctx.limits.maxCells, what: BUDGET_PARTS.cells, over: true }],
        this.ctx.limits.maxCells,
      );
  }

  open(name: string, a: Attrs): void {
    if (this.inCell) {
      if (this.inIs) this.item.open(name);
      else if (name === "v") {
        this.capture = Capture.Value;
        this.hasV = true;
        this.vText = "";
      } else if (name === "f") {
        this.capture = Capture.Formula;
        this.hasF = true;
        this.fText = "";
        this.fType = a.t;
        this.fShared = a.si;
      } else if (name === "is") {
        this.inIs = true;
        this.hasIs = true;
      }
      return;
    }
    switch (name) {
      case "row":
        return this.openRow(a);
      case "c":
        return this.openCell(a);
      case "mergeCell": {
        const ref = a.ref ?? "";
        const area = rangeArea(ref);
        if (area === undefined) throw refuse.range(this.name, ref);
        this.inventory.merged += area;
        this.merges.push(ref);
        return;
      }
      case "dataValidation": {
        for (const ref of (a.sqref ?? "").split(/\s+/)) {
          if (!ref) continue;
          const area = rangeArea(ref);
          if (area === undefined) throw refuse.range(this.name, ref);
          this.inventory.validated += area;
        }
        return;
      }
      case "col": {
        const max = a.max ?? a.min;
        if (max === undefined) return;
        const n = parseColumnNumber(max);
        if (n === undefined) throw /^\d+$/.test(max) ? refuse.grid(this.name) : refuse.range(this.name, max);
        if (n > this.inventory.lastColumn) this.inventory.lastColumn = n;
        return;
      }
      case "sheetProtection":
        this.protected = truthy(a.sheet);
        return;
    }
  }

  private openRow(a: Attrs): void {
    this.count();
    this.inventory.rows++;
    const r = a.r;
    let n: number;
    if (r === undefined) n = this.row + 1;
    else {
      const parsed = parseRowNumber(r);
      if (parsed === undefined)
        throw /^[1-9]\d*$/.test(r) ? refuse.grid(this.name) : refuse.cellRef(this.name, r);
      n = parsed;
    }
    if (n <= this.row) throw refuse.order(this.name, String(n));
    if (n > EXCEL_MAX_ROWS) throw refuse.grid(this.name);
    this.row = n;
    this.col = 0;
    this.inRow = true;
    this.rowHasData = false;
    if (n > this.inventory.lastRow) this.inventory.lastRow = n;
  }

  private openCell(a: Attrs): void {
    if (!this.inRow) throw refuse.cellRef(this.name, a.r ?? "");
    this.count();
    this.inventory.cells++;
    const r = a.r;
    if (r === undefined) {
      this.col++;
      if (this.col > EXCEL_MAX_COLUMNS) throw refuse.grid(this.name);
      this.cellRef = toA1(this.row - 1, this.col - 1);
    } else {
      const pos = parseCellRef(r);
      if (!pos) throw /^[A-Z]+[1-9]\d*$/.test(r) ? refuse.grid(this.name) : refuse.cellRef(this.name, r);
      if (pos.row !== this.row || pos.col <= this.col) throw refuse.order(this.name, r);
      this.col = pos.col;
      this.cellRef = r;
    }
    if (this.col > this.inventory.lastColumn) this.inventory.lastColumn = this.col;
    this.inCell = true;
    this.cellType = a.t ?? "n";
    const s = a.s;
    this.cellStyle = s !== undefined && /^\d{1,9}$/.test(s) ? Number(s) : -1;
    this.hasV = this.hasF = this.hasIs = this.inIs = false;
    this.vText = this.fText = "";
    this.capture = Capture.None;
  }

  close(name: string): void {
    if (this.inCell) {
      if (name === "c") return this.closeCell();
      if (this.inIs) {
        if (name === "is") this.inIs = false;
        else this.item.close(name);
      } else if (name === "v" || name === "f") this.capture = Capture.None;
      return;
    }
    if (name === "row") {
      this.inRow = false;
      if (this.rowHasData && ++this.inventory.dataRows > this.ctx.limits.maxRows)
        throw refuse.rows(this.name, this.ctx.limits.maxRows);
    }
  }

  text(t: string): void {
    if (this.capture === Capture.Value) {
      if (this.vText.length < MAX_CAPTURE) this.vText += t;
    } else if (this.capture === Capture.Formula) {
      if (this.fText.length < MAX_CAPTURE) this.fText += t;
    } else if (this.inIs) this.item.text(t);
  }

  private closeCell(): void {
    this.inCell = false;
    this.capture = Capture.None;
    const value = this.cellValue();
    const formula = this.hasF ? this.cellFormula() : null;
    if (typeof value === "string" && (this.escapedText || (value === "" && formula !== null)))
      this.exactTexts.set(cellKey(this.row, this.col), value);
    if (value === null && formula === null) return;
    const r = this.row - 1;
    const c = this.col - 1;
    this.rowHasData = true;
    if (this.row > this.inventory.lastValueRow) this.inventory.lastValueRow = this.row;
    const vals = (this.values[r] ??= []);
    if (value !== null) {
      while (vals.length < c) vals.push(null);
      vals[c] = value;
    }
    if (formula !== null) {
      const fs = ((this.formulas ??= [])[r] ??= []);
      while (fs.length < c) fs.push(null);
      fs[c] = formula;
    }
  }

  private bad(text: string): never {
    throw refuse.value(this.name, this.cellRef, text);
  }

  /** The value just read was stored with `_xHHHH_` escapes. */
  private escapedText = false;

  private cellValue(): CellValue {
    const v = this.vText;
    this.escapedText = false;
    switch (this.cellType) {
      case "n": {
        if (!this.hasV || v === "") return null;
        if (!NUMBER.test(v)) this.bad(v);
        const n = Number(v);
        if (!Number.isFinite(n)) this.bad(v);
        if (this.cellStyle >= 0 && this.ctx.dateStyles[this.cellStyle]) {
          const iso = serialToIso(this.ctx.date1904 ? n + DATE1904_OFFSET : n);
          if (iso) return { date: iso };
        }
        return n;
      }
      case "s": {
        if (!this.hasV) return null;
        if (!/^\d{1,10}$/.test(v) || Number(v) >= this.ctx.strings.length) this.bad(v);
        this.escapedText = this.ctx.escapedStrings.has(Number(v));
        return this.ctx.strings[Number(v)];
      }
      case "str":
        this.escapedText = v.includes("_x");
        return this.hasV ? cutText(decodeXstring(v)) : null;
      case "inlineStr":
        if (this.hasIs) {
          const text = this.item.take();
          this.escapedText = this.item.escaped;
          return text;
        }
        this.escapedText = v.includes("_x");
        return this.hasV ? cutText(decodeXstring(v)) : null;
      case "b":
        if (!this.hasV || v === "") return null;
        if (v === "1") return true;
        if (v === "0") return false;
        return this.bad(v);
      case "e":
        return this.hasV && v.trim() !== "" ? { error: v.trim().slice(0, 255) } : null;
      case "d": {
        if (!this.hasV || v === "") return null;
        const m = ISO_DATE.exec(v);
        if (!m) return this.bad(v);
        const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
        const t = new Date(Date.UTC(y, mo - 1, d));
        if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d)
          return this.bad(v);
        return { date: `${m[1]}-${m[2]}-${m[3]}` };
      }
      default:
        return this.bad(`t="${this.cellType}"`);
    }
  }

  private cellFormula(): string | null {
    const text = cutText(this.fText);
    if (this.fType === "shared" && this.fShared !== undefined) {
      if (text !== "") {
        this.shared.set(this.fShared, { formula: text, ref: this.cellRef });
        return text;
      }
      const master = this.shared.get(this.fShared);
      if (!master) return null; // a dependent without its master (a hand-made file)
      try {
        return slideFormula(master.formula, master.ref, this.cellRef);
      } catch {
        return null;
      }
    }
    if (this.fType === "dataTable") return null;
    return text === "" ? null : text;
  }

  /** The sheet as the engine sees it. */
  snapshot(): SheetSnapshot {
    const values = this.values;
    for (let r = 0; r < values.length; r++) values[r] ??= [];
    const snap: SheetSnapshot = { name: this.name, values };
    if (this.formulas) {
      const formulas = this.formulas;
      formulas.length = values.length;
      for (let r = 0; r < values.length; r++) formulas[r] ??= [];
      snap.formulas = formulas;
    }
    if (this.merges.length > 0) snap.merges = this.merges;
    if (this.visibility) snap.visibility = this.visibility;
    if (this.protected) snap.protected = true;
    return snap;
  }
}
