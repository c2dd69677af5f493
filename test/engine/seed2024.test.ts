/**
 * The engine on the 2024 district tables (seed 001): all six recognised as registrations with
 * the right programme per column (header spellings "TC- ĐH", "CD - ĐH" included), and no error:
 * the seed's columns all add up. A changed district number is caught at its total.
 */
import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { buildSeed2024AsPrinted, SEED_2024_CHECKS, type Seed2024Options } from "../fixtures/seed2024";

const rulebook = builtinRulebook("hai-phong-2024");

describe.each<[string, Seed2024Options]>([
  ["totals as numbers", {}],
  ["totals as SUM formulas", { totalsAs: "formula" }],
])("seed 001 (%s)", (_n, options) => {
  const build = buildSeed2024AsPrinted(options);
  const result = checkWorkbook(build.workbook, { rulebook });

  it("recognises the six tables and their programmes", () => {
    expect(result.workbook.skipped).toEqual([]);
    expect(
      result.workbook.tables.map((t) => [t.sheet, t.kind, t.year, t.valueColumns.map((v) => v.courseId)]),
    ).toEqual([
      ["PL1 MN", "registration", 2024, ["tc-dh", "tc-cd"]],
      ["PL2 TH", "registration", 2024, ["cd-dh"]],
      ["PL3 THCS", "registration", 2024, ["cd-dh"]],
      ["PL4 Tư vấn HS", "registration", 2024, ["tu-van-hoc-sinh"]],
      ["PL5 LS-ĐL", "registration", 2024, ["lich-su-dia-ly"]],
      ["PL6 KHTN", "registration", 2024, ["khoa-hoc-tu-nhien"]],
    ]);
  });

  it("reads every district row and every total", () => {
    for (const [i, t] of result.workbook.tables.entries()) {
      const layout = build.layouts[i];
      expect(t.rows.filter((r) => r.kind === "item")).toHaveLength(Object.keys(layout.unitRows).length);
      expect(t.rows.filter((r) => r.kind === "total").map((r) => r.r)).toEqual([layout.totalRow]);
    }
  });

  it("finds nothing wrong: every column adds up (SEED_2024_CHECKS)", () => {
    expect(SEED_2024_CHECKS.every((c) => c.sum === c.printed && c.printed === c.plan)).toBe(true);
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("catches a district number changed by one, at the column's total", () => {
    const b = buildSeed2024AsPrinted(options);
    const l = b.layouts[1];
    const sheet = b.workbook.sheets[1];
    const row = l.unitRows["Lê Chân"];
    sheet.values[row][l.valueCols[0]] = (sheet.values[row][l.valueCols[0]] as number) + 1;
    const r = checkWorkbook(b.workbook, { rulebook });
    const check = SEED_2024_CHECKS.find((c) => c.sheet === l.name) as (typeof SEED_2024_CHECKS)[number];
    // The total holds the plan's head-count (the rulebook decides it): the lines are what is
    // wrong, so no value and no fix is offered for the total (a fix to the lines' sum would break it).
    expect(
      r.findings.map((f) => [f.rule, f.severity, f.sheet, f.cells, f.expected, f.actual, f.fix]),
    ).toEqual([["totals", "error", l.name, [check.cell], null, check.printed, undefined]]);
    expect(r.findings[0].message).toContain(`cộng các dòng được ${check.sum + 1}`);
  });
});
