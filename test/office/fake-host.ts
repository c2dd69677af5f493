/** Glue between the strict fake and the adapter: an OfficeHost, and fake sheets from a snapshot. */
import { toA1 } from "../../src/engine/a1";
import type { OfficeHost } from "../../src/office/host";
import type { CellValue, WorkbookSnapshot } from "../../src/engine/snapshot";
import type { FakeExcel, FakeRequestContext, FakeSheetInit, Scalar } from "./fake-excel";

/** The host the add-in builds from Office.js's globals (src/office/host.ts), over the fake. */
export function hostOf(fake: FakeExcel): OfficeHost {
  return {
    run: ((batch: (c: FakeRequestContext) => Promise<unknown>, options?: object) =>
      options ? fake.run(options, batch) : fake.run(batch)) as unknown as OfficeHost["run"],
    settings: fake.settings,
    supportsExcelApi: (v) => fake.isSetSupported("ExcelApi", v),
    removeHandler: (handler) =>
      fake.run(handler as unknown as { context: FakeRequestContext }, async (ctx) => {
        handler.remove();
        await ctx.sync();
      }),
  };
}

function scalar(v: CellValue): Scalar | null {
  if (v === null) return null;
  if (typeof v !== "object") return v;
  if ("error" in v) return v.error;
  const [y, m, d] = v.date.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

/** The fake sheets holding a snapshot's values and formulas (formulas keep their results). */
export function fakeSheetsOf(wb: WorkbookSnapshot): FakeSheetInit[] {
  return wb.sheets.map((s) => {
    const r0 = s.origin?.row ?? 0;
    const c0 = s.origin?.col ?? 0;
    const values: (Scalar | null)[][] = [];
    const results: Record<string, Scalar> = {};
    s.values.forEach((row, r) => {
      const out: (Scalar | null)[] = new Array(c0).fill(null);
      (row ?? []).forEach((v, c) => {
        const f = s.formulas?.[r]?.[c];
        if (f) {
          out[c0 + c] = `=${f}`;
          const x = scalar(v ?? null);
          if (x !== null) results[toA1(r0 + r, c0 + c)] = x;
        } else out[c0 + c] = scalar(v ?? null);
      });
      values[r0 + r] = out;
    });
    for (let r = 0; r < values.length; r++) values[r] ??= [];
    return {
      name: s.name,
      values,
      results,
      merges: s.merges,
      visibility:
        s.visibility === "veryHidden" ? "VeryHidden" : s.visibility === "hidden" ? "Hidden" : "Visible",
      protected: s.protected,
    };
  });
}
