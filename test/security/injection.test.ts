/**
 * Formula injection: whatever text a finding carries (a label quoted in its message, a sheet
 * name, an expected or actual text, a fix), the CLI's annotated copy and the pane's report sheet
 * hold it as a plain value, never as a formula; a text fix is typed in as text.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import type { Finding } from "../../src/engine/findings";
import { annotateWorkbook } from "../../src/io/xlsx/annotate";
import { createExcelAdapter } from "../../src/office/excel-adapter";
import { createFakeExcel } from "../office/fake-excel";
import { hostOf } from "../office/fake-host";
import { INJECTION_TEXTS } from "../robustness/arbitraries";

const SHEETS = ["PL6 KP 2026", "=SUM(1)", "It's", "+cmd", "@Tổng hợp", "-1+1"];

/** Texts a spreadsheet would read as a formula or a command. */
const hostileText = fc.oneof(
  fc.constantFrom(...INJECTION_TEXTS),
  fc
    .tuple(fc.constantFrom("=", "+", "-", "@", "\t=", "\r=", "'="), fc.string({ maxLength: 20 }))
    // eslint-disable-next-line no-control-regex -- these are the characters XML cannot carry
    .map(([a, b]) => `${a}${b}`.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")),
);

const findingArb: fc.Arbitrary<Finding> = fc.record({
  rule: fc.constantFrom("totals", "unknown-course", "number-as-text"),
  severity: fc.constantFrom("error", "warning", "info"),
  sheet: fc.constantFrom(...SHEETS),
  cells: fc.array(fc.constantFrom("A1", "B7", "J16", "C3"), { minLength: 1, maxLength: 2 }),
  message: hostileText,
  expected: fc.oneof(hostileText, fc.integer(), fc.constant(null)),
  actual: fc.oneof(hostileText, fc.integer(), fc.constant(null)),
});

const isText = (v: unknown): v is string => typeof v === "string";
/** XML turns a carriage return into a line feed when it is read back. */
const lf = (s: string) => s.replace(/\r\n?/g, "\n");

describe("the CLI's annotated copy", () => {
  it("holds every text of every finding as a value, never a formula", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(findingArb, { minLength: 1, maxLength: 12 }), async (findings) => {
        const wb = new ExcelJS.Workbook();
        for (const name of SHEETS) wb.addWorksheet(name).getCell("A1").value = "x";
        annotateWorkbook(wb, findings);
        const back = new ExcelJS.Workbook();
        await back.xlsx.load(await wb.xlsx.writeBuffer());
        const ws = back.getWorksheet("Kết quả kiểm tra") as ExcelJS.Worksheet;
        const texts: string[] = [];
        back.eachSheet((s) =>
          s.eachRow((row) =>
            row.eachCell((c) => {
              expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
              if (s === ws) texts.push(lf(String(c.text)));
            }),
          ),
        );
        for (const f of findings) {
          expect(texts).toContain(lf(f.message));
          expect(texts).toContain(f.sheet);
          for (const v of [f.expected, f.actual]) if (isText(v)) expect(texts).toContain(lf(v));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("the pane's report sheet and fixes", () => {
  it("write every text as a value formatted as text, never a formula", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(findingArb, { minLength: 1, maxLength: 12 }), async (findings) => {
        const fake = createFakeExcel(SHEETS.map((name) => ({ name, values: [["x"]] })));
        const name = await createExcelAdapter(hostOf(fake)).writeReport(findings, "vi");
        const report = fake.model.sheets.find((s) => s.name === name);
        expect(report?.formulas.size).toBe(0);
        const values = [...(report?.values.values() ?? [])];
        for (const f of findings) {
          expect(values).toContain(f.message);
          expect(values).toContain(f.sheet);
          for (const v of [f.expected, f.actual]) if (isText(v) && v !== "") expect(values).toContain(v);
        }
        for (const [address, v] of report?.values ?? [])
          if (typeof v === "string") expect(report?.numberFormats.get(address)).toBe("@");
      }),
      { numRuns: 60 },
    );
  });

  it("a fix whose value is a text that looks like a formula is typed in as text, and undone exactly", async () => {
    for (const text of INJECTION_TEXTS) {
      const fake = createFakeExcel([{ name: "KP", values: [[null, 5]] }]);
      const adapter = createExcelAdapter(hostOf(fake));
      const record = await adapter.applyFix("KP", { cell: "A1", value: text });
      expect(fake.model.sheets[0].formulas.size).toBe(0);
      expect(fake.model.sheets[0].values.get("A1")).toBe(text);
      await adapter.undoFix(record);
      expect(Object.fromEntries(fake.model.sheets[0].values)).toEqual({ B1: 5 });
    }
  });
});
