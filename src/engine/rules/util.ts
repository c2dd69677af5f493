/** Small helpers shared by rules: rulebook look-ups and row arithmetic. */
import { parseA1, toA1 } from "../a1";
import { LruCache } from "../cache";
import { round, within } from "../numbers/arith";
import type { NumberCell, RecognizedTable, TableKind, TableRow } from "../recognize/model";
import type { Course } from "../rulebook/schema";
import { courseById } from "../plan/lookup";
import { fold } from "../text/normalize";
import { sectorText } from "../i18n";
import type { RuleContext } from "./api";

export function tablesOf(ctx: RuleContext, ...kinds: TableKind[]): RecognizedTable[] {
  return ctx.workbook.tables.filter((t) => kinds.includes(t.kind));
}

/** Rows that carry a line of the plan (numbered items and "- …" sub-rows). */
export function lineRows(table: RecognizedTable): TableRow[] {
  return table.rows.filter((r) => r.kind === "item" || r.kind === "sub");
}

export function totalRows(table: RecognizedTable): TableRow[] {
  return table.rows.filter((r) => r.kind === "total");
}

export function rowCourse(ctx: RuleContext, row: TableRow): Course | undefined {
  return courseById(ctx.rulebook, row.course?.courseId);
}

/**
 * Sum of a row's head-counts over every level; for a row whose head-count is one "Số lượng" cell
 * that names no level per part (seed 000's "448" for TH, THCS, THPT), that cell's total.
 */
export function headCount(row: TableRow): number {
  let n = 0;
  let any = false;
  for (const k in row.counts) {
    n += row.counts[k].value;
    any = true;
  }
  return any ? n : (row.quantity?.total.value ?? 0);
}

/** The sum of the cells that are there, or undefined when none is. */
export function sumPresent(cells: readonly ({ value: number } | undefined)[]): number | undefined {
  let sum = 0;
  let any = false;
  for (const c of cells) {
    if (c) {
      sum += c.value;
      any = true;
    }
  }
  return any ? sum : undefined;
}

export function hasCounts(row: TableRow): boolean {
  for (const _k in row.counts) return true;
  return row.quantity !== undefined;
}

/**
 * Whether a cost table's lines can be computed (head-counts × unit price): it has a unit-price
 * column and every header over figures among its level columns was read. Otherwise an amount is
 * only what it says, and no fix is computed from the lines (unreadable-table, row-arithmetic say why).
 */
export function linesComputable(table: RecognizedTable): boolean {
  return table.columns.unitPrice !== undefined && (table.unreadColumns?.length ?? 0) === 0;
}

/** The amount a row should have before rounding, or undefined when it cannot be computed. */
export function computedAmount(row: TableRow): number | undefined {
  if (!row.unitPrice || !hasCounts(row)) return undefined;
  return headCount(row) * row.unitPrice.value;
}

/** The row's amount as the plan computes it: unrounded when computable, else as shown. */
export function unroundedAmount(row: TableRow): number | undefined {
  return computedAmount(row) ?? row.amount?.value;
}

/**
 * Columns (0-based) holding a cell that should be a number but cannot be read (text, #REF!…) in
 * any of `rows`: a sum over such a column is unknown, so its total is not judged (number-as-text
 * reports the cell itself), and no "fix" overwrites a total that may well be right.
 */
export function unreadableColumns(rows: readonly TableRow[]): Set<number> {
  const cols = new Set<number>();
  for (const r of rows) for (const b of r.badNumbers) cols.add(parseA1(b.cell).col);
  return cols;
}

/** "Mầm non công lập", "Đối tượng A", "tổng số": how a message names a part of a head-count. */
export function partName(
  ctx: RuleContext,
  part: { level?: string; sector?: string; group?: string },
  course?: Course,
): string {
  if (part.group !== undefined) {
    // The rulebook's own name in Vietnamese ("Đối tượng A"); by its letter in English.
    const g = ctx.locale === "vi" ? course?.groups.find((x) => x.id === part.group) : undefined;
    return (
      g?.name ?? ctx.text({ vi: "Đối tượng {group}", en: "target group {group}" }, { group: part.group })
    );
  }
  const words: string[] = [];
  if (part.level !== undefined) words.push(ctx.levelName(part.level));
  if (part.sector !== undefined) words.push(sectorText(part.sector, ctx.locale));
  return words.join(" ") || ctx.text({ vi: "tổng số", en: "in total" });
}

/**
 * A course's display label for messages: the row's own text, shortened at a word boundary (a
 * name cut inside a syllable reads as another word: "Cộng" vs "Công").
 */
export function rowLabel(row: TableRow): string {
  const text = row.label?.text ?? row.tt?.text ?? "";
  return labels.getOr(text, shortLabel);
}

/** rowLabel's answers by text: every rule words the same lines, on every check. */
const labels = new LruCache<string, string>(5_000);

function shortLabel(text: string): string {
  const t = text.replace(/^[-–—+•]\s*/, "");
  if (t.length <= 70) return t;
  const head = t.slice(0, 68);
  const at = head.lastIndexOf(" ");
  return `${(at > 40 ? head.slice(0, at) : head).replace(/[\s,;:–-]+$/u, "")}…`;
}

/** Whether a row is a degree upgrade (đào tạo), which some plans keep out of their level totals. */
export function isUpgradeRow(ctx: RuleContext, row: TableRow): boolean {
  return rowCourse(ctx, row)?.kind === "dao-tao";
}

/** The lines a money total adds up under the plan's totals convention. */
export function amountTotalRows(ctx: RuleContext, rows: TableRow[]): TableRow[] {
  return ctx.rulebook.totals.amountTotal === "boi-duong-only"
    ? rows.filter((r) => !isUpgradeRow(ctx, r))
    : rows;
}

/**
 * What a money total may be, from the lines it adds up (DOMAIN rule 1): offices use both the
 * rounded sum of the unrounded lines (2027: 40 018,24 → 40 018) and the sum of the lines as shown,
 * each rounded to the table's unit (2027: 40 019; 2028 with its missing line: 35 605).
 */
export interface MoneySum {
  /** The sum of the unrounded lines. */
  exact: number;
  /** `exact` rounded to the table's unit: what a fix writes. */
  rounded: number;
  /** The sum of the lines as shown, each right line rounded to the table's unit. */
  shown: number;
  /** The sum of the amount cells as they are (wrong ones too), each rounded: what a total copying them says. */
  typed: number;
  /** Amount cells (or where an amount is missing) whose line is wrong: a total that adds them up follows from them. */
  wrongCells: string[];
}

/** The money the given lines add up to under the plan's convention, or undefined when none has an amount. */
export function moneySum(
  ctx: RuleContext,
  table: RecognizedTable,
  rows: readonly TableRow[],
): MoneySum | undefined {
  let exact = 0;
  let shown = 0;
  let typed = 0;
  let any = false;
  const wrongCells: string[] = [];
  const tol = ctx.rulebook.tolerance;
  const computable = linesComputable(table);
  for (const r of amountTotalRows(ctx, [...rows])) {
    const computed = computable ? computedAmount(r) : undefined;
    const a = computed ?? r.amount?.value;
    if (a === undefined) continue;
    any = true;
    exact += a;
    const right = r.amount !== undefined && (computed === undefined || within(r.amount.value, computed, tol));
    shown += right ? round((r.amount as NumberCell).value) : round(a);
    typed += r.amount ? round(r.amount.value) : 0;
    // The line's amount cell, typed or left blank (an amount is read from that column, so its cell is this one).
    if (!right && table.columns.amount !== undefined) wrongCells.push(toA1(r.r, table.columns.amount));
  }
  return any ? { exact, rounded: round(exact), shown, typed, wrongCells } : undefined;
}

/** Whether a money total is right for its lines: either way of adding them up (see MoneySum). */
export function moneyTotalIsRight(actual: number, sum: MoneySum, tolerance: number): boolean {
  const shown = round(actual);
  return within(actual, sum.exact, tolerance) || shown === sum.rounded || shown === sum.shown;
}

/**
 * Calls `f` on every number cell of a row with the column it stands in ("MN", "amount"…),
 * without building arrays (this runs on every row).
 */
export function eachNumberCell(row: TableRow, f: (n: NumberCell, column: string) => void): void {
  for (const k in row.counts) f(row.counts[k], k);
  for (const k in row.values) f(row.values[k], k);
  if (row.unitPrice) f(row.unitPrice, "unit-price");
  if (row.amount) f(row.amount, "amount");
}

/** What a cell is about, for remembering an accepted finding: the row's course or label, and the column. */
export function cellSubject(row: TableRow, column: string): { course?: string; detail: string } {
  const line = row.course?.courseId ?? fold(row.label?.text ?? row.tt?.text ?? row.kind);
  return row.course ? { course: line, detail: column } : { detail: `${line}|${column}` };
}
