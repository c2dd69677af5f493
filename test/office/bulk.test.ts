/**
 * The pane's bulk actions against the strict fake: many fixes, their undo and re-marking some
 * sheets take a number of syncs that does not grow with the findings, touch only what they name,
 * and refuse a batch with a formula cell before writing anything.
 */
import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { createExcelAdapter } from "../../src/office/excel-adapter";
import type { SheetFix } from "../../src/taskpane/port";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { cellsOf, createFakeExcel, type FakeExcel } from "./fake-excel";
import { fakeSheetsOf, hostOf } from "./fake-host";

async function syncsOf<T>(fake: FakeExcel, f: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = fake.syncs;
  const result = await f();
  return { result, syncs: fake.syncs - before };
}

/** A sheet of `n` numbers in column A, and the fixes that double each. */
function numbers(n: number) {
  const fake = createFakeExcel([
    { name: "Số liệu", values: Array.from({ length: n }, (_, i) => [i + 1]) },
    { name: "Khác", values: [[1, "=A1*2"]] },
  ]);
  const fixes: SheetFix[] = Array.from({ length: n }, (_, i) => ({
    sheet: "Số liệu",
    fix: { cell: `A${i + 1}`, value: 2 * (i + 1) },
  }));
  return { fake, port: createExcelAdapter(hostOf(fake)), fixes };
}

describe("applyFixes and undoFixes through the port", () => {
  it("write many fixes and undo them in as many syncs as one, whatever their number", async () => {
    const counts: number[][] = [];
    for (const n of [1, 3_000]) {
      const { fake, port, fixes } = numbers(n);
      const before = cellsOf(fake.model.sheets[0]);
      const { result: records, syncs } = await syncsOf(fake, () => port.applyFixes!(fixes));
      expect(records).toHaveLength(n);
      expect(records[n - 1]).toEqual({
        sheet: "Số liệu",
        cell: `A${n}`,
        before: { value: n, formula: null },
        after: 2 * n,
      });
      expect(fake.model.sheets[0].values.get(`A${n}`)).toBe(2 * n);
      const undo = await syncsOf(fake, () => port.undoFixes!(records));
      expect(cellsOf(fake.model.sheets[0])).toEqual(before);
      counts.push([syncs, undo.syncs]);
    }
    expect(counts[1]).toEqual(counts[0]);
  });

  it("refuse a batch with a formula cell before writing anything, naming the cell", async () => {
    const { fake, port, fixes } = numbers(5);
    const before = fake.model.sheets.map(cellsOf);
    await expect(
      port.applyFixes!([...fixes, { sheet: "Khác", fix: { cell: "B1", value: 3 } }]),
    ).rejects.toThrow(/Ô B1 có công thức =A1\*2/);
    expect(fake.model.sheets.map(cellsOf)).toEqual(before);
  });
});

describe("remark", () => {
  it("replaces the marks of the sheets named, in the same syncs for one sheet or many, and leaves the others", async () => {
    const rulebook = builtinRulebook();
    const wb = seed2026AsPrinted();
    const findings = checkWorkbook(wb, { rulebook }).findings;
    const fake = createFakeExcel(fakeSheetsOf(wb));
    const port = createExcelAdapter(hostOf(fake));
    await port.mark(findings);
    const marksOf = (sheet: string) =>
      fake.model.sheets.find((s) => s.name === sheet)?.conditionalFormats.length ?? 0;
    const sheets = [...new Set(findings.map((f) => f.sheet))];
    const [first, second, ...rest] = sheets;
    const othersBefore = rest.map(marksOf);
    // The first sheet loses its marks (every finding there accepted); the second keeps them.
    const one = await syncsOf(fake, () =>
      port.remark!(
        [first, second],
        findings.filter((f) => f.sheet !== first),
      ),
    );
    expect(marksOf(first)).toBe(0);
    expect(marksOf(second)).toBeGreaterThan(0);
    expect(rest.map(marksOf)).toEqual(othersBefore);
    const many = await syncsOf(fake, () => port.remark!(sheets, findings));
    expect(many.syncs).toBe(one.syncs);
    expect(many.result.marked).toBeGreaterThan(one.result.marked);
  });
});
