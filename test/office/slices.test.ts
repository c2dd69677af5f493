/**
 * The adapter's own work between two syncs is cut into slices (issue #14: no task of the pane's
 * thread over 100 ms at 50 000 findings): reading, marking, re-marking and the report give the
 * thread back many times, and with exactly the syncs they take without slices. Time is a counter
 * here (each look at the clock is a millisecond), so the test depends on no machine's speed.
 */
import { checkWorkbook } from "../../src/engine/check";
import { buildReportSheet } from "../../src/engine/report-sheet";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { createExcelAdapter } from "../../src/office/excel-adapter";
import { markLayoutOf } from "../../src/office/mark-layout";
import { Slicer } from "../../src/office/slices";
import { manyFindings } from "../fixtures/many-findings";
import { cellsOf, createFakeExcel } from "./fake-excel";
import { fakeSheetsOf, hostOf } from "./fake-host";

const rulebook = builtinRulebook();
const wb = manyFindings(rulebook, 5_000);
const checked = checkWorkbook(wb, { rulebook });
const report = buildReportSheet(checked.findings, { locale: "vi", workbook: checked.workbook });

async function run(slicer: Slicer) {
  const fake = createFakeExcel(fakeSheetsOf(wb));
  const adapter = createExcelAdapter(hostOf(fake), { slicer });
  const syncs: Record<string, number> = {};
  const step = async (name: string, f: () => Promise<unknown>) => {
    const before = fake.syncs;
    await f();
    syncs[name] = fake.syncs - before;
  };
  const layout = markLayoutOf(checked.findings);
  await step("read", () => adapter.read());
  await step("mark", () => adapter.mark(checked.findings, layout));
  await step(
    "remark",
    () => adapter.remark?.(["PL6 KP 2026"], checked.findings, layout) ?? Promise.resolve(),
  );
  await step("report", () => adapter.writeReport(checked.findings, "vi", { report }));
  return { syncs, sheets: fake.model.sheets.map((s) => [cellsOf(s), s.conditionalFormats.length]) };
}

it("reads, marks, re-marks and writes the report in slices, with the same syncs and the same workbook", async () => {
  let clock = 0;
  let pauses = 0;
  const sliced = await run(
    new Slicer(
      12,
      () => clock++,
      async () => {
        pauses++;
      },
    ),
  );
  const whole = await run(new Slicer(Number.POSITIVE_INFINITY));
  expect(pauses).toBeGreaterThan(100);
  expect(sliced.syncs).toEqual(whole.syncs);
  expect(sliced.sheets).toEqual(whole.sheets);
}, 60_000);
