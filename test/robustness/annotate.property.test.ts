/**
 * Annotating is harmless: for arbitrary workbooks written by ExcelJS, the annotated copy
 * (src/io/xlsx/annotate.ts) reads back with every original sheet exactly as it was (values,
 * formulas, merges, visibility, protection), one more sheet of results holding no formula, and
 * checking the copy gives the same findings as checking the original.
 */
import fc from "fast-check";
import { parseRange } from "../../src/engine/a1";
import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { cleanSheetName } from "../../src/engine/sheet-names";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";
import { annotatedCopy } from "../../src/io/xlsx/copy";
import { readXlsx, readXlsxDetailed } from "../../src/io/xlsx/read";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { snapshotToXlsxBuffer } from "../fixtures/xlsx";
import { workbookArb } from "./arbitraries";

/** Characters XML 1.0 cannot carry (no .xlsx can hold them), and lone surrogates. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are the characters XML cannot carry
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function writableCell(v: CellValue | undefined): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return v.replace(NOT_XML, "");
  if (typeof v === "boolean") return v;
  if ("error" in v) return v;
  const t = Date.parse(`${v.date}T00:00:00Z`);
  const year = Number(v.date.slice(0, 4));
  return Number.isNaN(t) || year < 1900 || year > 9999
    ? null
    : { date: new Date(t).toISOString().slice(0, 10) };
}

/** Merges ExcelJS can write: well-formed, small, not overlapping. */
function writableMerges(merges: readonly string[] = []): string[] {
  const kept: { r0: number; c0: number; r1: number; c1: number }[] = [];
  const out: string[] = [];
  for (const m of merges) {
    if (!/^[A-Z]{1,3}\d{1,7}:[A-Z]{1,3}\d{1,7}$/.test(m)) continue;
    const { start, end } = parseRange(m);
    if (start.row < 0 || (end.row - start.row + 1) * (end.col - start.col + 1) > 2000) continue;
    const b = { r0: start.row, c0: start.col, r1: end.row, c1: end.col };
    if (kept.some((k) => k.r0 <= b.r1 && k.r1 >= b.r0 && k.c0 <= b.c1 && k.c1 >= b.c0)) continue;
    kept.push(b);
    out.push(m);
  }
  return out;
}

/** The same workbook as a spreadsheet program could save it. */
function writable(wb: WorkbookSnapshot): WorkbookSnapshot {
  const seen = new Set<string>();
  return {
    sheets: wb.sheets.map((s, i): SheetSnapshot => {
      let name = cleanSheetName(s.name.replace(NOT_XML, "")).replace(/^'+|'+$/g, "") || `Trang ${i + 1}`;
      if (/^history$/i.test(name)) name = `${name} ${i}`;
      while (seen.has(name.toLocaleLowerCase("vi"))) name = `${name.slice(0, 26)} (${i})`;
      seen.add(name.toLocaleLowerCase("vi"));
      const values = Array.from({ length: s.values.length }, (_, r) => (s.values[r] ?? []).map(writableCell));
      const out: SheetSnapshot = { name, values, merges: writableMerges(s.merges) };
      if (s.formulas) {
        out.formulas = Array.from({ length: s.values.length }, (_, r) =>
          (s.formulas?.[r] ?? []).map((f) => (f ? f.replace(NOT_XML, "") || null : null)),
        );
      }
      if (s.origin) out.origin = { row: Math.min(s.origin.row, 40), col: Math.min(s.origin.col, 10) };
      if (s.visibility) out.visibility = s.visibility;
      if (s.protected) out.protected = true;
      return out;
    }),
  };
}

describe("annotate, then check again", () => {
  it("changes no cell of the original sheets and gives the same findings", async () => {
    await fc.assert(
      fc.asyncProperty(
        workbookArb({ maxRows: 16, maxCols: 10, maxSheets: 3 }).map(writable),
        fc.constantFrom("hai-phong-2026-2030", "hai-phong-2024"),
        fc.constantFrom("vi", "en"),
        async (wb, id, locale) => {
          fc.pre(wb.sheets.length > 0);
          const rulebook = builtinRulebook(id);
          const bytes = await snapshotToXlsxBuffer(wb);
          const original = await readXlsx(bytes);
          const findings = checkWorkbook(original, { rulebook, locale }).findings;
          const copy = await readXlsx(
            await annotatedCopy(bytes, await readXlsxDetailed(bytes), findings, {
              locale,
              rulebookName: rulebook.name,
            }),
          );
          expect(copy.sheets).toHaveLength(original.sheets.length + 1);
          expect(copy.sheets.slice(0, original.sheets.length)).toEqual(original.sheets);
          const results = copy.sheets[copy.sheets.length - 1];
          expect(results.formulas).toBeUndefined();
          expect(checkWorkbook(copy, { rulebook, locale }).findings).toEqual(findings);
        },
      ),
      { numRuns: 150 },
    );
  }, 240_000);

  it("on the printed plan: every finding marked and noted, the copy checks the same", async () => {
    const rulebook = builtinRulebook();
    const bytes = await snapshotToXlsxBuffer(seed2026AsPrinted());
    const findings = checkWorkbook(await readXlsx(bytes), { rulebook }).findings;
    expect(findings.length).toBeGreaterThan(20);
    const copy = await readXlsx(await annotatedCopy(bytes, await readXlsxDetailed(bytes), findings, {}));
    expect(checkWorkbook(copy, { rulebook }).findings).toEqual(findings);
  });
});
