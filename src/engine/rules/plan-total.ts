import { amountInWords, wordsMatchAmount } from "../numbers/words";
import type { NumberCell, RecognizedTable, TextCell } from "../recognize/model";
import { scaleName } from "../i18n";
import type { Rule, RuleContext } from "./api";
import { lineRows, linesAmount, tablesOf, totalRows } from "./util";
import { round, within } from "../numbers/arith";

/** The money total of a cost table (its last total row), in the table's unit. */
function yearTotal(table: RecognizedTable): NumberCell | undefined {
  return totalRows(table).at(-1)?.amount;
}

/**
 * A year's money total as its lines add up under the plan's convention, rounded to the table's
 * unit; the total row as shown when no line carries an amount. A wrong total row is the totals
 * rule's finding; the plan and the summary are judged against what the lines really cost.
 */
function yearAmount(ctx: RuleContext, table: RecognizedTable): number {
  return round(linesAmount(ctx, lineRows(table)) ?? (yearTotal(table) as NumberCell).value);
}

/**
 * The sum of the yearly totals equals the plan total stated in the plan and in any summary
 * sheet; amounts in words match their numbers.
 */
export const planTotal: Rule = {
  meta: {
    id: "plan-total",
    title: { vi: "Tổng kinh phí của kế hoạch", en: "Plan total" },
    rationale: {
      vi: "Tổng kinh phí các năm phải bằng tổng kinh phí ghi trong kế hoạch (ví dụ 179.292.000.000 đồng) và trong bảng tổng hợp; số tiền bằng chữ phải khớp số tiền bằng số.",
      en: "The yearly totals must add up to the plan total stated in the plan (e.g. 179,292,000,000 đồng) and in the summary sheet; amounts in words must match the figures.",
    },
    defaultSeverity: "error",
    messages: {
      plan: {
        vi: "Tổng kinh phí các năm {detail} là {actual} đồng, nhưng kế hoạch ghi {expected} đồng (chênh {diff} đồng).",
        en: "The yearly totals {detail} add up to {actual} đồng, but the plan states {expected} đồng (off by {diff} đồng).",
      },
      planSummary: {
        vi: "Tổng cộng của bảng tổng hợp là {actual} đồng, nhưng kế hoạch ghi {expected} đồng (chênh {diff} đồng).",
        en: "The summary's grand total is {actual} đồng, but the plan states {expected} đồng (off by {diff}).",
      },
      summaryYear: {
        vi: "Bảng tổng hợp ghi năm {year} là {actual}, nhưng các dòng của phụ lục kinh phí năm {year} cộng được {expected} (dòng tổng ở {sheet}!{cell}).",
        en: "The summary says {actual} for {year}, but the lines of the {year} cost appendix add up to {expected} (total row at {sheet}!{cell}).",
      },
      summaryTotal: {
        vi: "Tổng cộng của bảng tổng hợp là {actual}, nhưng cộng các năm được {expected}.",
        en: "The summary's grand total is {actual}, but its years add up to {expected}.",
      },
      words: {
        vi: 'Số tiền bằng chữ "{words}" không khớp số tiền {amount} đồng; phải là "{expected}".',
        en: 'The amount in words "{words}" does not match {amount} đồng; it should read "{expected}".',
      },
    },
  },
  check(ctx) {
    const costs = tablesOf(ctx, "cost").filter((t) => t.year !== undefined && yearTotal(t));
    const summaries = tablesOf(ctx, "summary");
    for (const s of summaries) checkSummary(ctx, s, costs);
    for (const t of [...costs, ...summaries]) checkWords(ctx, t);

    const plan = ctx.rulebook.planTotal;
    if (!plan) return;
    const years = ctx.rulebook.years;
    const byYear = new Map(costs.map((t) => [t.year as number, t]));
    // The plan total is judged only when the workbook holds the cost appendix of every year.
    if (!years.every((y) => byYear.has(y))) return;
    const parts = years.map((y) => {
      const t = byYear.get(y) as RecognizedTable;
      return { year: y, dong: yearAmount(ctx, t) * t.scale };
    });
    const sum = parts.reduce((s, p) => s + p.dong, 0);
    if (within(sum, plan.amount, 0.5)) return;
    const summary = summaries.find((s) => s.grandTotal);
    const last = byYear.get(years[years.length - 1]) as RecognizedTable;
    const anchor = summary ?? last;
    const cell = summary?.grandTotal?.cell ?? (yearTotal(last) as NumberCell).cell;
    ctx.report({
      table: anchor,
      messageId: "plan",
      data: {
        // The years in the tables' unit, which the message names (the totals are in đồng).
        detail: `(${scaleName(last.scale, ctx.locale)}: ${parts.map((p) => `${p.year}: ${ctx.num(p.dong / last.scale)}`).join("; ")})`,
        actual: ctx.num(round(sum)),
        expected: ctx.num(plan.amount),
        diff: ctx.num(round(sum - plan.amount)),
      },
      cells: [cell],
      expected: plan.amount,
      actual: round(sum),
      subject: { detail: "plan-total" },
    });
  },
};

function checkSummary(ctx: RuleContext, summary: RecognizedTable, costs: RecognizedTable[]): void {
  let sum = 0;
  for (const row of summary.rows) {
    if (row.kind !== "item" || !row.amount) continue;
    sum += row.amount.value;
    const cost = costs.find((c) => c.year === row.year);
    const total = cost ? yearTotal(cost) : undefined;
    if (!cost || !total) continue;
    const expected = (yearAmount(ctx, cost) * cost.scale) / summary.scale;
    if (within(round(row.amount.value), expected, ctx.rulebook.tolerance)) continue;
    ctx.report({
      table: summary,
      messageId: "summaryYear",
      data: {
        year: row.year ?? "",
        actual: ctx.num(row.amount.value),
        expected: ctx.num(expected),
        sheet: cost.sheet,
        cell: total.cell,
      },
      cells: [row.amount.cell],
      expected,
      actual: row.amount.value,
      ...(row.amount.formula ? {} : { fix: { cell: row.amount.cell, value: expected } }),
      subject: { year: row.year, detail: "summary-year" },
    });
  }
  const g = summary.grandTotal;
  if (g && !within(g.value, sum, ctx.rulebook.tolerance)) {
    ctx.report({
      table: summary,
      messageId: "summaryTotal",
      data: { actual: ctx.num(g.value), expected: ctx.num(sum) },
      cells: [g.cell],
      expected: sum,
      actual: g.value,
      ...(g.formula ? {} : { fix: { cell: g.cell, value: sum } }),
      subject: { detail: "summary-total" },
    });
  }
  // The plan total in the rulebook must also match what the summary says.
  const plan = ctx.rulebook.planTotal;
  if (g && plan && !within(round(g.value) * summary.scale, plan.amount, 0.5)) {
    ctx.report({
      table: summary,
      messageId: "planSummary",
      data: {
        actual: ctx.num(round(g.value * summary.scale)),
        expected: ctx.num(plan.amount),
        diff: ctx.num(round(g.value * summary.scale - plan.amount)),
      },
      cells: [g.cell],
      expected: plan.amount,
      actual: round(g.value * summary.scale),
      subject: { detail: "plan-total-summary" },
    });
  }
}

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
  const text = words.text.replace(/^\s*\(?\s*(số tiền\s+)?bằng chữ\s*[:：]?\s*/i, "").replace(/\)\s*$/, "");
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
