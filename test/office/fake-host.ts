/** Glue between the strict fake and the adapter: an OfficeHost, and fake sheets from a snapshot. */
import { toA1 } from "../../src/engine/a1";
import type { OfficeHost } from "../../src/office/host";
import type { CellValue, WorkbookSnapshot } from "../../src/engine/snapshot";
import type { FakeExcel, FakeSheetInit, Scalar } from "./fake-excel";

export function hostOf(fake: FakeExcel): OfficeHost {
  return {
    run: fake.run as unknown as OfficeHost["run"],
    settings: fake.settings,
    supportsExcelApi: (v) => Number(v) <= fake.supported.ExcelApi,
    removeHandler: async (h) => h.remove(),
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
