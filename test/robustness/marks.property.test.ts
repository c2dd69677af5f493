/**
 * Marks are removable and touch nothing else: with the strict fake of Excel, for arbitrary
 * findings on arbitrary sheets (hostile names, formulas, the user's fills, number formats and
 * conditional formats, protected and hidden sheets, sheets that no longer exist), marking
 * changes no cell, says what it could not mark, and clearing the marks leaves every sheet
 * exactly as it was, on current Excel and on Excel before ExcelApi 1.14.
 */
import fc from "fast-check";
import { toA1 } from "../../src/engine/a1";
import type { Finding, Severity } from "../../src/engine/findings";
import { createExcelAdapter, MARK_TAG } from "../../src/office/excel-adapter";
import {
  cellsOf,
  createFakeExcel,
  type FakeConditionalFormat,
  type FakeSheetInit,
  type Scalar,
} from "../office/fake-excel";
import { hostOf } from "../office/fake-host";
import { HOSTILE_SHEET_NAMES } from "./arbitraries";

const scalarArb: fc.Arbitrary<Scalar | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("=SUM(A1:B2)", "=1/0", "Tổng số", "#REF!", '=HYPERLINK("http://x")'),
  fc.boolean(),
);

const addressArb = fc.tuple(fc.nat(60), fc.nat(20)).map(([r, c]) => toA1(r, c));
const farAddressArb = fc.tuple(fc.nat(1_048_575), fc.nat(16_383)).map(([r, c]) => toA1(r, c));

const userCfArb: fc.Arbitrary<Omit<FakeConditionalFormat, "id">> = fc.oneof(
  fc.record({
    type: fc.constant("Custom"),
    ranges: fc.array(addressArb, { minLength: 1, maxLength: 3 }),
    formula: fc.constantFrom("=A1>100", '=ISTEXT("DEAN")', "=TRUE", '=$C7="x"'),
    fill: fc.constantFrom("#FF0000", "#00FF00"),
  }),
  fc.record({
    type: fc.constantFrom("DataBar", "ColorScale", "CellValue"),
    ranges: fc.array(addressArb, { minLength: 1, maxLength: 2 }),
  }),
);

interface SheetCase {
  init: FakeSheetInit;
  fills: [string, string][];
  formats: [string, string][];
  cfs: Omit<FakeConditionalFormat, "id">[];
}

const sheetArb = (name: string): fc.Arbitrary<SheetCase> =>
  fc.record({
    init: fc.record({
      name: fc.constant(name),
      values: fc.array(fc.array(scalarArb, { maxLength: 8 }), { maxLength: 12 }),
      merges: fc.constantFrom(undefined, ["A1:C1"], ["B2:B4", "D1:E1"]),
      visibility: fc.constantFrom("Visible", "Hidden", "VeryHidden"),
      protected: fc.boolean(),
    }),
    fills: fc.array(fc.tuple(addressArb, fc.constantFrom("#FFFF00", "#C6EFCE")), { maxLength: 4 }),
    formats: fc.array(fc.tuple(addressArb, fc.constantFrom("0.00", "@", "#,##0", "dd/mm/yyyy")), {
      maxLength: 4,
    }),
    cfs: fc.array(userCfArb, { maxLength: 3 }),
  });

const caseArb = fc
  .uniqueArray(fc.constantFrom(...HOSTILE_SHEET_NAMES.filter((n) => !/^'|'$/.test(n))), {
    minLength: 1,
    maxLength: 4,
  })
  .chain((names) =>
    fc.record({
      sheets: fc.tuple(...names.map(sheetArb)),
      findings: fc.array(
        fc.record({
          sheet: fc.constantFrom(...names, "Trang đã xóa"),
          severity: fc.constantFrom("error", "warning", "info"),
          cells: fc.array(
            fc.oneof({ weight: 5, arbitrary: addressArb }, { weight: 1, arbitrary: farAddressArb }),
            {
              maxLength: 4,
            },
          ),
        }),
        { maxLength: 40 },
      ),
      excelApi: fc.constantFrom("1.12", "1.17"),
    }),
  );

function setup(sheets: readonly SheetCase[], excelApi: string) {
  const fake = createFakeExcel(
    sheets.map((s) => s.init),
    { excelApi },
  );
  sheets.forEach((s, i) => {
    const m = fake.model.sheets[i];
    for (const [a, color] of s.fills) m.fills.set(a, color);
    for (const [a, f] of s.formats) m.numberFormats.set(a, f);
    s.cfs.forEach((cf, k) => m.conditionalFormats.push({ id: `{user-${k}}`, ...cf }));
  });
  return fake;
}

/** Everything of a sheet that a mark or its removal could disturb. */
const stateOf = (fake: ReturnType<typeof createFakeExcel>) =>
  fake.model.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    protected: s.protected,
    ...cellsOf(s),
    bold: [...s.bold],
    hyperlinks: Object.fromEntries(s.hyperlinks),
    cfs: JSON.stringify(s.conditionalFormats),
  }));

const asFindings = (list: { sheet: string; severity: Severity; cells: string[] }[]): Finding[] =>
  list.map((f) => ({ ...f, rule: "totals", message: "x", expected: null, actual: null }));

describe("mark, then clear the marks", () => {
  it("changes no cell, reports what it could not mark, and clearing restores every sheet exactly", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ sheets, findings: list, excelApi }) => {
        const fake = setup(sheets, excelApi);
        const adapter = createExcelAdapter(hostOf(fake));
        const before = stateOf(fake);
        const findings = asFindings(list);
        const r = await adapter.mark(findings);

        // No cell, format or user format changed; only formats tagged as ours were added.
        const during = stateOf(fake);
        during.forEach((s, i) => {
          const { cfs: _during, ...cells } = s;
          const { cfs: _before, ...cellsBefore } = before[i];
          expect(cells).toEqual(cellsBefore);
        });
        const added = fake.model.sheets.flatMap((s) =>
          s.conditionalFormats.filter((cf) => !cf.id.startsWith("{user-")),
        );
        expect(added.every((cf) => cf.type === "Custom" && cf.formula?.includes(MARK_TAG))).toBe(true);

        // What was marked, and what was not, and why.
        const bySheet = new Map<string, Set<string>>();
        for (const f of findings) {
          const set = bySheet.get(f.sheet) ?? new Set<string>();
          f.cells.forEach((c) => set.add(c));
          bySheet.set(f.sheet, set);
        }
        let markable = 0;
        const skipped: string[] = [];
        for (const [sheet, cells] of bySheet) {
          const m = fake.model.sheets.find((s) => s.name === sheet);
          if (!m || m.protected) skipped.push(sheet);
          else markable += cells.size;
        }
        expect(r.marked).toBe(markable);
        expect(r.skipped.map((s) => s.sheet)).toEqual(skipped);
        for (const s of r.skipped)
          expect(s.reason).toMatch(/^(Trang tính đang được bảo vệ|Không còn trang tính này)/);

        await adapter.clearMarks();
        expect(stateOf(fake)).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it("clearing one sheet's marks leaves the other sheets' marks in place", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ sheets, findings: list }) => {
        const fake = setup(sheets, "1.17");
        const adapter = createExcelAdapter(hostOf(fake));
        await adapter.mark(asFindings(list));
        const marked = stateOf(fake);
        const first = fake.model.sheets[0];
        await adapter.clearMarks(first.name);
        expect(first.conditionalFormats.every((cf) => !cf.formula?.includes(MARK_TAG))).toBe(true);
        expect(stateOf(fake).slice(1)).toEqual(marked.slice(1));
      }),
      { numRuns: 100 },
    );
  });
});
