/** The budget panel's figures: the corrected 2026–2030 plan adds up to its corrected total. */
import { budgetSummary } from "../../src/engine/budget";
import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { CORRECTED_PLAN_TOTAL, seed2026AsPrinted, seed2026Corrected } from "../fixtures/seed2026";

const rulebook = builtinRulebook();

it("adds the corrected plan's years and levels up to its total", () => {
  const b = budgetSummary(checkWorkbook(seed2026Corrected(), { rulebook }).workbook, rulebook);
  expect(b.years.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
  expect(Math.round(b.total / 1e6) * 1e6).toBe(CORRECTED_PLAN_TOTAL);
  const levels = Object.values(b.byLevel).reduce((s, v) => s + v, 0);
  expect(levels).toBeCloseTo(b.total, 0);
  expect(b.planTotal).toBe(179_292_000_000);
});

it("shows the printed plan's 2028 lines, not its wrong total row", () => {
  const b = budgetSummary(checkWorkbook(seed2026AsPrinted(), { rulebook }).workbook, rulebook);
  expect(Math.round((b.years.find((y) => y.year === 2028)?.total ?? 0) / 1e6)).toBe(35_604);
});
