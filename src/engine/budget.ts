/**
 * The budget as the cost appendices state it: money by year and level, the plan's total, for the
 * task pane's budget panel. Lines priced per person are split by level; lines with an amount
 * only (lump sums) are "other".
 */
import type { RecognizedWorkbook } from "./recognize/model";
import type { Rulebook } from "./rulebook/schema";

interface YearBudget {
  year: number;
  sheet: string;
  /** đồng by level id; "other" for lines without head-counts. */
  byLevel: Record<string, number>;
  /** đồng: every line, as the money total counts them. */
  total: number;
}

export interface BudgetSummary {
  years: YearBudget[];
  /** đồng by level over all years. */
  byLevel: Record<string, number>;
  total: number;
  /** The plan's stated total in đồng, when the rulebook has one. */
  planTotal?: number;
}

export function budgetSummary(workbook: RecognizedWorkbook, rulebook: Rulebook): BudgetSummary {
  const years: YearBudget[] = [];
  const all: Record<string, number> = {};
  for (const table of workbook.tables) {
    if (table.kind !== "cost" || table.year === undefined) continue;
    const byLevel: Record<string, number> = {};
    let total = 0;
    for (const row of table.rows) {
      if (row.kind !== "item" && row.kind !== "sub") continue;
      const levels = Object.entries(row.counts);
      if (levels.length > 0 && row.unitPrice) {
        for (const [level, n] of levels) {
          const money = n.value * row.unitPrice.value * table.scale;
          byLevel[level] = (byLevel[level] ?? 0) + money;
          total += money;
        }
      } else if (row.amount) {
        const money = row.amount.value * table.scale;
        byLevel.other = (byLevel.other ?? 0) + money;
        total += money;
      }
    }
    for (const [k, v] of Object.entries(byLevel)) all[k] = (all[k] ?? 0) + v;
    years.push({ year: table.year, sheet: table.sheet, byLevel, total });
  }
  years.sort((a, b) => a.year - b.year);
  const out: BudgetSummary = { years, byLevel: all, total: years.reduce((s, y) => s + y.total, 0) };
  if (rulebook.planTotal) out.planTotal = rulebook.planTotal.amount;
  return out;
}
