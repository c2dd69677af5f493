/**
 * The small Excel formula language the templates use, parsed and evaluated exactly enough to
 * give every formula cell its cached result: numbers, texts, TRUE/FALSE, cell and range
 * references (optionally on another sheet: 'Bảng tuổi nghỉ hưu'!$A$5:$A$496), the operators
 * + - * / ^ & = <> < <= > >= and the functions SUM, ROUND, IF, INDEX, MATCH (exact match only),
 * DATE, YEAR, MONTH, EOMONTH, ISBLANK, IFERROR, MAX, MIN, AND, OR, plus custom functions given
 * by the caller (DEAN.COST). Dates are Excel serial numbers (1900 system, src/engine/dates/serial.ts).
 *
 * It is no general spreadsheet: anything outside this subset is a programming error of a
 * template and throws, so that a template can never hold a formula whose result was not computed.
 */
import { LruCache } from "../cache";
import { parseA1 } from "../a1";
import { round } from "../numbers/arith";
import { dayToSerial, serialToDay, type SerialDay } from "../dates/serial";
import type { CellResult } from "./spec";

// ---------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { t: "num"; v: number; start: number; end: number }
  | { t: "str"; v: string; start: number; end: number }
  | { t: "ref"; sheet?: string; a: string; b?: string; start: number; end: number; sheetEnd: number }
  | { t: "fn"; name: string; start: number; end: number }
  | { t: "bool"; v: boolean; start: number; end: number }
  | { t: "op"; v: string; start: number; end: number };

const CELL = /^\$?[A-Za-z]{1,3}\$?\d{1,7}/;
const OPS = ["<>", "<=", ">=", "=", "<", ">", "+", "-", "*", "/", "^", "&", "(", ")", ","];

export class FormulaSyntaxError extends Error {
  constructor(message: string, formula: string) {
    super(`${message} trong công thức ${formula}`);
    this.name = "FormulaSyntaxError";
  }
}

/**
 * The text quoted from `s[at]` (a " or '), a doubled quote standing for one, and the index after
 * the closing quote; `missing` is said when the quote is never closed.
 */
function quoted(s: string, at: number, missing: string): [string, number] {
  const q = s[at];
  let text = "";
  let i = at + 1;
  for (;;) {
    if (i >= s.length) throw new FormulaSyntaxError(missing, s);
    if (s[i] === q) {
      if (s[i + 1] !== q) return [text, i + 1];
      text += q;
      i += 2;
      continue;
    }
    text += s[i++];
  }
}

function tokenize(formula: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const s = formula;
  while (i < s.length) {
    const ch = s[i];
    if (ch === " ") {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9.]/.test(ch)) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(s.slice(i));
      if (!m) throw new FormulaSyntaxError(`Số không hợp lệ ở vị trí ${i}`, s);
      i += m[0].length;
      out.push({ t: "num", v: Number(m[0]), start, end: i });
      continue;
    }
    if (ch === '"') {
      let v: string;
      [v, i] = quoted(s, i, "Thiếu dấu ngoặc kép");
      out.push({ t: "str", v, start, end: i });
      continue;
    }
    // A sheet prefix: 'It''s here'! or Name!
    let sheet: string | undefined;
    if (ch === "'") {
      let name: string;
      [name, i] = quoted(s, i, "Thiếu dấu nháy đóng tên trang tính");
      if (s[i] !== "!") throw new FormulaSyntaxError("Thiếu dấu ! sau tên trang tính", s);
      i++;
      sheet = name;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*!/.exec(s.slice(i));
      if (m) {
        sheet = m[0].slice(0, -1);
        i += m[0].length;
      }
    }
    const sheetEnd = i;
    const cell = CELL.exec(s.slice(i));
    const ident = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(s.slice(i));
    if (cell && (!ident || ident[0].length === cell[0].length) && s[i + cell[0].length] !== "(") {
      i += cell[0].length;
      let b: string | undefined;
      if (s[i] === ":") {
        const m2 = CELL.exec(s.slice(i + 1));
        if (!m2) throw new FormulaSyntaxError(`Vùng ô không hợp lệ ở vị trí ${i}`, s);
        b = m2[0];
        i += 1 + m2[0].length;
      }
      out.push({ t: "ref", sheet, a: cell[0], b, start, end: i, sheetEnd });
      continue;
    }
    if (sheet !== undefined) throw new FormulaSyntaxError(`Thiếu địa chỉ ô sau ${sheet}!`, s);
    if (ident) {
      i += ident[0].length;
      const name = ident[0].toUpperCase();
      if (s[i] === "(") out.push({ t: "fn", name, start, end: i });
      else if (name === "TRUE" || name === "FALSE")
        out.push({ t: "bool", v: name === "TRUE", start, end: i });
      else throw new FormulaSyntaxError(`Tên "${ident[0]}" không hiểu được`, s);
      continue;
    }
    const op = OPS.find((o) => s.startsWith(o, i));
    if (!op) throw new FormulaSyntaxError(`Ký tự "${ch}" không hợp lệ`, s);
    i += op.length;
    out.push({ t: "op", v: op, start, end: i });
  }
  return out;
}

/** The functions a formula calls, upper-case, in order of appearance (with repeats). */
export function formulaFunctions(formula: string): string[] {
  return tokenize(formula)
    .filter((t) => t.t === "fn")
    .map((t) => (t as { name: string }).name);
}

/**
 * The formula with its sheet references renamed: `rename` gets each referenced sheet name and
 * returns the new one (already quoted as a reference needs), or undefined to keep it.
 */
export function renameSheetRefs(formula: string, rename: (sheet: string) => string | undefined): string {
  let out = "";
  let last = 0;
  for (const t of tokenize(formula)) {
    if (t.t !== "ref" || t.sheet === undefined) continue;
    const to = rename(t.sheet);
    if (to === undefined) continue;
    out += `${formula.slice(last, t.start)}${to}!`;
    last = t.sheetEnd;
  }
  return out + formula.slice(last);
}

// ---------------------------------------------------------------------------------------------
// Syntax tree

interface RefNode {
  k: "ref";
  sheet?: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  single: boolean;
}

type Node =
  | { k: "lit"; v: number | string | boolean }
  | RefNode
  | { k: "call"; name: string; args: Node[] }
  | { k: "bin"; op: string; l: Node; r: Node }
  | { k: "neg"; e: Node };

const PRECEDENCE: Record<string, number> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  "<=": 1,
  ">": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
};

/** Parsed formulas; templates repeat one formula shape per row, so the most used ones stay. */
const parsed = new LruCache<string, Node>(20_000);

function parseFormula(formula: string): Node {
  const hit = parsed.get(formula);
  if (hit) return hit;
  const tokens = tokenize(formula);
  let p = 0;
  const peek = () => tokens[p];
  const isOp = (v: string) => {
    const t = peek();
    return t !== undefined && t.t === "op" && t.v === v;
  };
  const expect = (v: string) => {
    if (!isOp(v)) throw new FormulaSyntaxError(`Thiếu "${v}"`, formula);
    p++;
  };
  const expr = (minPrec: number): Node => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (!t || t.t !== "op" || PRECEDENCE[t.v] === undefined || PRECEDENCE[t.v] < minPrec) return left;
      p++;
      const right = expr(PRECEDENCE[t.v] + 1);
      left = { k: "bin", op: t.v, l: left, r: right };
    }
  };
  const unary = (): Node => {
    if (isOp("-")) {
      p++;
      return { k: "neg", e: unary() };
    }
    if (isOp("+")) {
      p++;
      return unary();
    }
    return primary();
  };
  const primary = (): Node => {
    const t = tokens[p++];
    if (!t) throw new FormulaSyntaxError("Công thức kết thúc đột ngột", formula);
    switch (t.t) {
      case "num":
      case "str":
      case "bool":
        return { k: "lit", v: t.v };
      case "ref": {
        const a = parseA1(t.a);
        const b = t.b ? parseA1(t.b) : a;
        return {
          k: "ref",
          sheet: t.sheet,
          r1: Math.min(a.row, b.row),
          c1: Math.min(a.col, b.col),
          r2: Math.max(a.row, b.row),
          c2: Math.max(a.col, b.col),
          single: t.b === undefined,
        };
      }
      case "fn": {
        expect("(");
        const args: Node[] = [];
        if (!isOp(")")) {
          for (;;) {
            args.push(expr(1));
            if (isOp(",")) {
              p++;
              continue;
            }
            break;
          }
        }
        expect(")");
        return { k: "call", name: t.name, args };
      }
      case "op":
        if (t.v === "(") {
          const e = expr(1);
          expect(")");
          return e;
        }
        throw new FormulaSyntaxError(`Dấu "${t.v}" không đúng chỗ`, formula);
    }
  };
  const node = expr(1);
  if (p !== tokens.length) throw new FormulaSyntaxError("Thừa ký tự ở cuối", formula);
  parsed.set(formula, node);
  return node;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** A cell's content as formulas see it: null is an empty cell. */
export type Scalar = number | string | boolean | null | { error: string };

/** An Excel error raised while evaluating; caught by IFERROR or returned as the result. */
class ExcelErrorSignal {
  constructor(readonly error: string) {}
}

const fail = (code: string): never => {
  // A signal, not a failure: IFERROR or the evaluator catches it (no stack to capture).
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw new ExcelErrorSignal(code);
};

export interface EvalContext {
  /** The sheet a reference without a sheet name points to. */
  sheet: string;
  /** A cell's value (a formula cell's result): null when empty. */
  cell(sheet: string, row: number, col: number): Scalar;
  /** Custom functions by upper-case name (e.g. "DEAN.COST"), over scalar arguments. */
  functions?: Readonly<Record<string, (args: Scalar[]) => Scalar>>;
}

type Value = Scalar | { range: RefNode & { sheet: string } };

const isRange = (v: Value): v is { range: RefNode & { sheet: string } } =>
  typeof v === "object" && v !== null && "range" in v;
const isError = (v: Value): v is { error: string } => typeof v === "object" && v !== null && "error" in v;

function scalarOf(v: Value, ctx: EvalContext): Scalar {
  if (!isRange(v)) return v;
  const r = v.range;
  if (r.r1 !== r.r2 || r.c1 !== r.c2) return fail("#VALUE!");
  return ctx.cell(r.sheet, r.r1, r.c1);
}

function cells(v: Value, ctx: EvalContext): Scalar[] {
  if (!isRange(v)) return [v];
  const out: Scalar[] = [];
  const r = v.range;
  for (let row = r.r1; row <= r.r2; row++)
    for (let col = r.c1; col <= r.c2; col++) out.push(ctx.cell(r.sheet, row, col));
  return out;
}

function toNumber(v: Scalar): number {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const t = v.trim();
    return t !== "" && Number.isFinite(Number(t)) ? Number(t) : fail("#VALUE!");
  }
  return fail(v.error);
}

function toText(v: Scalar): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  return fail(v.error);
}

function toBool(v: Scalar): boolean {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") {
    const u = v.toUpperCase();
    return u === "TRUE" ? true : u === "FALSE" ? false : fail("#VALUE!");
  }
  return fail(v.error);
}

/** Excel's comparison: numbers < texts < booleans; texts case-insensitively; blank as 0, "" or FALSE. */
function compare(a: Scalar, b: Scalar): number {
  if (isError(a)) return fail(a.error);
  if (isError(b)) return fail(b.error);
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === "number" ? 0 : typeof b === "string" ? "" : false;
  if (b === null) b = typeof a === "number" ? 0 : typeof a === "string" ? "" : false;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLocaleLowerCase("vi");
    const y = b.toLocaleLowerCase("vi");
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Excel date serial of a calendar day (as Excel's DATE: months and days roll over). */
export function dateSerial(year: number, month: number, day: number): number {
  return dayToSerial(year, month, day);
}

/** The day of a serial, as Excel's YEAR, MONTH and DAY read it; #NUM! outside Excel's dates. */
function serialDate(serial: number): SerialDay {
  return serialToDay(serial) ?? fail("#NUM!");
}

function numbersOf(args: Value[], ctx: EvalContext): number[] {
  const out: number[] = [];
  for (const a of args) {
    if (isRange(a)) {
      for (const v of cells(a, ctx)) {
        if (isError(v)) fail(v.error);
        if (typeof v === "number") out.push(v);
      }
    } else out.push(toNumber(a));
  }
  return out;
}

function arity(name: string, args: Node[], min: number, max: number): void {
  if (args.length < min || args.length > max)
    throw new Error(`${name} cần từ ${min} đến ${max} tham số, có ${args.length}`);
}

function evalNode(n: Node, ctx: EvalContext): Value {
  switch (n.k) {
    case "lit":
      return n.v;
    case "ref":
      return { range: { ...n, sheet: n.sheet ?? ctx.sheet } };
    case "neg":
      return -toNumber(scalarOf(evalNode(n.e, ctx), ctx));
    case "bin":
      return binary(n.op, scalarOf(evalNode(n.l, ctx), ctx), scalarOf(evalNode(n.r, ctx), ctx));
    case "call":
      return call(n.name, n.args, ctx);
  }
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  switch (op) {
    case "+":
      return toNumber(a) + toNumber(b);
    case "-":
      return toNumber(a) - toNumber(b);
    case "*":
      return toNumber(a) * toNumber(b);
    case "/": {
      const d = toNumber(b);
      const x = toNumber(a);
      return d === 0 ? fail("#DIV/0!") : x / d;
    }
    case "^":
      return toNumber(a) ** toNumber(b);
    case "&":
      return toText(a) + toText(b);
    case "=":
      return compare(a, b) === 0;
    case "<>":
      return compare(a, b) !== 0;
    case "<":
      return compare(a, b) < 0;
    case "<=":
      return compare(a, b) <= 0;
    case ">":
      return compare(a, b) > 0;
    case ">=":
      return compare(a, b) >= 0;
  }
  throw new Error(`Phép toán ${op} không hỗ trợ`);
}

function call(name: string, args: Node[], ctx: EvalContext): Value {
  const val = (i: number) => evalNode(args[i], ctx);
  const scalar = (i: number) => scalarOf(val(i), ctx);
  switch (name) {
    case "SUM":
      return numbersOf(
        args.map((_, i) => val(i)),
        ctx,
      ).reduce((s, x) => s + x, 0);
    case "MAX":
    case "MIN": {
      const xs = numbersOf(
        args.map((_, i) => val(i)),
        ctx,
      );
      return xs.length === 0 ? 0 : name === "MAX" ? Math.max(...xs) : Math.min(...xs);
    }
    case "ROUND":
      arity(name, args, 2, 2);
      return round(toNumber(scalar(0)), toNumber(scalar(1)));
    case "IF":
      arity(name, args, 2, 3);
      return toBool(scalar(0)) ? scalar(1) : args.length === 3 ? scalar(2) : false;
    case "IFERROR": {
      arity(name, args, 2, 2);
      try {
        const v = scalar(0);
        if (isError(v)) return scalar(1);
        return v;
      } catch (e) {
        if (e instanceof ExcelErrorSignal) return scalar(1);
        throw e;
      }
    }
    case "AND":
    case "OR": {
      const bs = args.map((_, i) => toBool(scalar(i)));
      return name === "AND" ? bs.every(Boolean) : bs.some(Boolean);
    }
    case "ISBLANK": {
      arity(name, args, 1, 1);
      const v = val(0);
      return isRange(v) && v.range.r1 === v.range.r2 && v.range.c1 === v.range.c2
        ? ctx.cell(v.range.sheet, v.range.r1, v.range.c1) === null
        : false;
    }
    case "INDEX": {
      arity(name, args, 2, 3);
      const v = val(0);
      if (!isRange(v)) return fail("#VALUE!");
      const r = v.range;
      let row = Math.trunc(toNumber(scalar(1)));
      let col = args.length === 3 ? Math.trunc(toNumber(scalar(2))) : 1;
      if (args.length === 2 && r.r1 === r.r2) [row, col] = [1, row];
      if (row < 1 || col < 1 || row > r.r2 - r.r1 + 1 || col > r.c2 - r.c1 + 1) return fail("#REF!");
      return ctx.cell(r.sheet, r.r1 + row - 1, r.c1 + col - 1);
    }
    case "MATCH": {
      arity(name, args, 3, 3);
      const x = scalar(0);
      if (toNumber(scalar(2)) !== 0) throw new Error("MATCH chỉ hỗ trợ kiểu so khớp 0 (đúng bằng)");
      const list = cells(val(1), ctx);
      if (x === null) return fail("#N/A");
      const i = list.findIndex(
        (v) => v !== null && !isError(v) && typeof v === typeof x && compare(v, x) === 0,
      );
      return i < 0 ? fail("#N/A") : i + 1;
    }
    case "DATE":
      arity(name, args, 3, 3);
      return dateSerial(
        Math.trunc(toNumber(scalar(0))),
        Math.trunc(toNumber(scalar(1))),
        Math.trunc(toNumber(scalar(2))),
      );
    case "YEAR":
      arity(name, args, 1, 1);
      return serialDate(toNumber(scalar(0))).year;
    case "MONTH":
      arity(name, args, 1, 1);
      return serialDate(toNumber(scalar(0))).month;
    case "EOMONTH": {
      arity(name, args, 2, 2);
      const d = serialDate(toNumber(scalar(0)));
      const months = Math.trunc(toNumber(scalar(1)));
      return dateSerial(d.year, d.month + months + 1, 0);
    }
  }
  const custom = ctx.functions?.[name];
  if (!custom) return fail("#NAME?");
  const v = custom(args.map((_, i) => scalar(i)));
  return isError(v) ? fail(v.error) : v;
}

/** A formula's result in a context; Excel errors come back as `{ error }`, never thrown. */
export function evaluateFormula(formula: string, ctx: EvalContext): CellResult {
  try {
    const v = scalarOf(evalNode(parseFormula(formula), ctx), ctx);
    // An empty cell referenced alone shows as 0, as in Excel.
    return v === null ? 0 : v;
  } catch (e) {
    if (e instanceof ExcelErrorSignal) return { error: e.error };
    throw e;
  }
}
