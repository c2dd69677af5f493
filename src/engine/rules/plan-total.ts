import { amountInWords, wordsMatchAmount } from "../numbers/words";
import type { NumberCell, RecognizedTable, TextCell } from "../recognize/model";
import { scaleName } from "../i18n";
import type { CellRef } from "../findings";
import type { Rule, RuleContext } from "./api";
import { lineRows, moneySum, moneyTotalIsRight, tablesOf, totalRows } from "./util";
import { round, within } from "../numbers/arith";

/** The money total of a cost table (its last total row), in the table's unit. */
function yearTotal(table: RecognizedTable): NumberCell | undefined {
  return totalRows(table).at(-1)?.amount;
}

/** A year's cost appendix as the plan total sees it. */
interface Year {
  year: number;
  table: RecognizedTable;
  /** The total row's money cell. */
  total: NumberCell;
  /** Whether that total is right for its lines (either way of adding them up). */
  right: boolean;
  /**
   * The year's right figure in the table's unit: its total as typed when right, else the rounded
   * sum of its lines (what the totals rule's fix writes). A wrong total row is the totals rule's
   * finding; the plan and the summary are judged against what the lines really cost.
   */
  figure: number;
  /** Every figure a copy of the year may show (the rounded sum, the sum as shown, the total when right). */
  acceptable: number[];
}

function yearOf(ctx: RuleContext, year: number, table: RecognizedTable): Year {
  const total = yearTotal(table) as NumberCell;
  const sum = moneySum(ctx, table, lineRows(table));
  if (!sum)
    return { year, table, total, right: true, figure: round(total.value), acceptable: [round(total.value)] };
  const right = moneyTotalIsRight(total.value, sum, ctx.rulebook.tolerance);
  const acceptable = [...new Set([sum.rounded, sum.shown, ...(right ? [round(total.value)] : [])])];
  return { year, table, total, right, figure: right ? round(total.value) : sum.rounded, acceptable };
}

/**
 * The sum of the yearly totals equals the plan total stated in the plan and in any summary
 * sheet; amounts in words match their numbers. One finding per cell per cause: a summary line
 * that copies a year's wrong total, and a grand total that adds up such lines, follow from that
 * total; where the plan's stated total and the appendices disagree and nothing in the workbook
 * decides which is right, the finding says both figures and names no expected value.
 */
export const planTotal: Rule = {
  meta: {
    id: "plan-total",
    title: { vi: "Tổng kinh phí của kế hoạch", en: "Plan total" },
    rationale: {
      vi: "Tổng kinh phí các năm phải bằng tổng kinh phí ghi trong kế hoạch (ví dụ 179.292.000.000 đồng) và trong bảng tổng hợp; số tiền bằng chữ phải khớp số tiền bằng số.",
      en: "The yearly totals must add up to the plan total stated in the plan (e.g. 179,292,000,000 VND) and in the summary sheet; amounts in words must match the figures.",
    },
    defaultSeverity: "error",
    messages: {
      plan: {
        vi: "Tổng kinh phí các năm {detail} là {sum} đồng, nhưng kế hoạch ghi {plan} đồng (chênh {diff} đồng): sửa tổng kinh phí của kế hoạch, hoặc các phụ lục nếu kế hoạch đúng.",
        en: "The yearly totals {detail} add up to {sum} VND, but the plan states {plan} VND (off by {diff} VND): correct the plan's total, or the appendices if the plan is right.",
      },
      planSummary: {
        vi: "Các năm của bảng tổng hợp cộng được {sum} đồng, nhưng kế hoạch ghi {plan} đồng (chênh {diff} đồng): sửa tổng kinh phí của kế hoạch, hoặc bảng tổng hợp nếu kế hoạch đúng.",
        en: "The summary's years add up to {sum} VND, but the plan states {plan} VND (off by {diff} VND): correct the plan's total, or the summary if the plan is right.",
      },
      summaryYear: {
        vi: "Bảng tổng hợp ghi năm {year} là {actual}, nhưng các dòng của phụ lục kinh phí năm {year} cộng được {expected} (dòng tổng ở {sheet}!{cell}).",
        en: "The summary says {actual} for {year}, but the lines of the {year} cost appendix add up to {expected} (total row at {sheet}!{cell}).",
      },
      summaryTotal: {
        vi: "Tổng cộng của bảng tổng hợp là {actual}, nhưng cộng các năm được {expected}{note}.",
        en: "The summary's grand total is {actual}, but its years add up to {expected}{note}.",
      },
      words: {
        vi: 'Số tiền bằng chữ "{words}" không khớp số tiền {amount} đồng; phải là "{expected}".',
        en: 'The amount in words "{words}" does not match {amount} VND; it should read "{expected}".',
      },
    },
  },
  check(ctx) {
    const years = new Map<number, Year>();
    for (const t of tablesOf(ctx, "cost")) {
      if (t.year !== undefined && yearTotal(t) && !years.has(t.year))
        years.set(t.year, yearOf(ctx, t.year, t));
    }
    const summaries = tablesOf(ctx, "summary");
    const judged = summaries.map((s) => checkSummary(ctx, s, years));
    for (const t of [...[...years.values()].map((y) => y.table), ...summaries]) checkWords(ctx, t);

    const plan = ctx.rulebook.planTotal;
    if (!plan) return;
    const summary = judged.find((j) => j.grand);
    // A sum (in đồng) against the plan's total, as the messages show them.
    const against = (sum: number) => ({
      sum: ctx.num(round(sum)),
      plan: ctx.num(plan.amount),
      diff: ctx.num(round(sum - plan.amount)),
    });
    const all = ctx.rulebook.years.every((y) => years.has(y));
    // The plan total is judged against the cost appendix of every year, else against the summary.
    if (all) {
      const parts = ctx.rulebook.years.map((y) => years.get(y) as Year);
      const dong = (y: Year, v: number) => v * y.table.scale;
      const low = parts.reduce((s, y) => s + dong(y, Math.min(...y.acceptable)), 0);
      const high = parts.reduce((s, y) => s + dong(y, Math.max(...y.acceptable)), 0);
      if (plan.amount >= low - 0.5 && plan.amount <= high + 0.5) return;
      // Said already on the summary's grand total, which shows the same wrong figure as the plan.
      if (summary?.grandWrongAsPlan) return;
      const sum = parts.reduce((s, y) => s + dong(y, y.figure), 0);
      const last = parts[parts.length - 1];
      // The plan's figure is the sum of the totals as typed, wrong ones included: it follows from them.
      const typed = parts.reduce((s, y) => s + dong(y, round(y.total.value)), 0);
      // No wrong year gives no cell to follow from (an empty dependsOn is no dependency).
      const wrong = parts.filter((y) => !y.right);
      const follows = within(typed, plan.amount, 0.5);
      const anchor = summary?.grand
        ? { table: summary.table, cell: summary.grand }
        : { table: last.table, cell: last.total };
      ctx.report({
        table: anchor.table,
        messageId: "plan",
        data: {
          // The years in the tables' unit, which the message names (the totals are in đồng).
          detail: `(${scaleName(last.table.scale, ctx.locale)}: ${parts.map((p) => `${p.year}: ${ctx.num(dong(p, p.figure) / last.table.scale)}`).join("; ")})`,
          ...against(sum),
        },
        cells: [anchor.cell.cell],
        expected: null,
        actual: anchor.cell.value,
        subject: { detail: "plan-total" },
        ...(follows ? { dependsOn: wrong.map((y) => ({ sheet: y.table.sheet, cell: y.total.cell })) } : {}),
      });
      return;
    }
    if (!summary?.grand || summary.grandWrongAsPlan) return;
    const sum = summary.rightSum * summary.table.scale;
    if (within(sum, plan.amount, 0.5)) return;
    ctx.report({
      table: summary.table,
      messageId: "planSummary",
      data: against(sum),
      cells: [summary.grand.cell],
      expected: null,
      actual: summary.grand.value,
      subject: { detail: "plan-total-summary" },
    });
  },
};

/** What a summary sheet says, once judged. */
interface JudgedSummary {
  table: RecognizedTable;
  grand?: NumberCell;
  /** Its years, each as typed when right for its cost appendix, else the appendix's figure (summary unit). */
  rightSum: number;
  /** The grand total is wrong and shows the plan's stated total: the grand-total finding says both. */
  grandWrongAsPlan: boolean;
}

function checkSummary(
  ctx: RuleContext,
  summary: RecognizedTable,
  years: ReadonlyMap<number, Year>,
): JudgedSummary {
  const tol = ctx.rulebook.tolerance;
  let typedSum = 0;
  let rightSum = 0;
  const wrongLines: CellRef[] = [];
  for (const row of summary.rows) {
    if (row.kind !== "item" || !row.amount) continue;
    const v = row.amount.value;
    typedSum += v;
    const y = row.year !== undefined ? years.get(row.year) : undefined;
    if (!y) {
      rightSum += v;
      continue;
    }
    const inSummary = (x: number) => (x * y.table.scale) / summary.scale;
    if (y.acceptable.some((a) => within(round(v), inSummary(a), tol))) {
      rightSum += v;
      continue;
    }
    const expected = inSummary(y.figure);
    rightSum += expected;
    wrongLines.push({ sheet: summary.sheet, cell: row.amount.cell });
    // A line that copies the year's wrong total follows from it.
    const copiesTotal = !y.right && within(round(v), inSummary(round(y.total.value)), tol);
    ctx.report({
      table: summary,
      messageId: "summaryYear",
      data: {
        year: y.year,
        actual: ctx.num(v),
        expected: ctx.num(expected),
        sheet: y.table.sheet,
        cell: y.total.cell,
      },
      cells: [row.amount.cell],
      expected,
      actual: v,
      ...(row.amount.formula ? {} : { fix: { cell: row.amount.cell, value: expected } }),
      subject: { year: row.year, detail: "summary-year" },
      ...(copiesTotal ? { dependsOn: [{ sheet: y.table.sheet, cell: y.total.cell }] } : {}),
    });
  }
  const g = summary.grandTotal;
  const out: JudgedSummary = { table: summary, grand: g, rightSum, grandWrongAsPlan: false };
  if (!g || within(g.value, rightSum, tol)) return out;
  const plan = ctx.rulebook.planTotal;
  // The plan's stated total, when the grand total shows it.
  const planToo =
    plan !== undefined && within(round(g.value) * summary.scale, plan.amount, 0.5) ? plan.amount : undefined;
  out.grandWrongAsPlan = planToo !== undefined;
  // A grand total that adds up the lines as typed follows from the wrong ones among them (with no
  // wrong line, the lines as typed are the right sum, which the grand total is not).
  const copiesLines = within(g.value, typedSum, tol);
  ctx.report({
    table: summary,
    messageId: "summaryTotal",
    data: {
      actual: ctx.num(g.value),
      expected: ctx.num(rightSum),
      note: planToo !== undefined ? ctx.text(PLAN_TOO, { plan: ctx.num(planToo) }) : "",
    },
    cells: [g.cell],
    expected: rightSum,
    actual: g.value,
    ...(g.formula ? {} : { fix: { cell: g.cell, value: rightSum } }),
    subject: { detail: "summary-total" },
    ...(copiesLines ? { dependsOn: wrongLines } : {}),
  });
  return out;
}

/** The plan states the same wrong total as the summary. */
const PLAN_TOO = {
  vi: "; kế hoạch cũng ghi {plan} đồng, phải sửa theo",
  en: "; the plan states the same {plan} VND, which must change with it",
};

function checkWords(ctx: RuleContext, table: RecognizedTable): void {
  const words: TextCell | undefined = table.words;
  if (!words) return;
  const total = table.kind === "summary" ? table.grandTotal : yearTotal(table);
  if (!total) return;
  // The words read the amount as the table shows it: rounded to the table's unit.
  const dong = round(total.value) * table.scale;
  // A total beyond 2^53 đồng (an overflowed or absurd sum) has no exact reading; the totals rules
  // report the number itself.
  if (!Number.isSafeInteger(Math.round(dong))) return;
  const text = words.text; // the words without their label (recognize.ts, wordsLine)
  if (wordsMatchAmount(text, dong)) return;
  const expected = amountInWords(dong);
  ctx.report({
    table,
    messageId: "words",
    data: { words: text, amount: ctx.num(dong), expected },
    cells: [words.cell],
    expected,
    actual: text,
    subject: { detail: "words" },
  });
}
