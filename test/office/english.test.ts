/**
 * The adapter speaks the pane's language (issue #13 item 6): every error or notice it produces —
 * Excel's refusals by code, its own reasons (hidden sheets, formulas, protected sheets, commented
 * cells, sheets too large, the saved state) — comes from the pane's catalogue, in English when
 * the pane is in English: no Vietnamese outside quoted text (sheet names, formulas), and no
 * Office English text under Vietnamese. The same paths in Vietnamese say something Vietnamese, so
 * that the English check cannot pass by saying nothing.
 */
import type { Acceptance } from "../../src/engine/accept";
import type { Finding } from "../../src/engine/findings";
import type { Locale } from "../../src/engine/i18n";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { createExcelAdapter } from "../../src/office/excel-adapter";
import type { OfficeHost } from "../../src/office/host";
import type { MarkResult, WorkbookPort } from "../../src/taskpane/port";
import { vietnameseLeak } from "../helpers/rule-tester";
import { createFakeExcel, FakeApiError, type FakeExcel, type FakeSheetInit } from "./fake-excel";
import { hostOf } from "./fake-host";

const rulebook = builtinRulebook();
const VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/;

/** The user's own text of the workbook (sheet names and cells), which an English message may quote. */
function snapshotOf(fake: FakeExcel): WorkbookSnapshot {
  return {
    sheets: fake.model.sheets.map((s) => ({
      name: s.name,
      values: [[...s.values.values()].map((v) => (typeof v === "boolean" ? String(v) : v))],
    })),
  };
}

function setup(sheets: FakeSheetInit[], locale: Locale, excelApi?: string) {
  const fake = createFakeExcel(sheets, { excelApi });
  const adapter = createExcelAdapter(hostOf(fake));
  adapter.setLocale?.(locale);
  return { fake, adapter };
}

/** An error finding at one cell (its words do not matter here: the adapter's own do). */
function finding(sheet: string, cell: string): Finding {
  return { rule: "totals", severity: "error", sheet, cells: [cell], message: "m", expected: 1, actual: 2 };
}

/** What a call says: its error's message, or the reasons it gives for what it skipped. */
async function said(call: () => Promise<unknown>): Promise<string> {
  try {
    const r = (await call()) as Partial<MarkResult> | undefined;
    return (r?.skipped ?? []).map((s) => s.reason).join("\n");
  } catch (e) {
    return (e as Error).message;
  }
}

/** A host whose every batch fails with Excel's error `code`. */
function failing(code: string): OfficeHost {
  const fake = createFakeExcel([{ name: "A", values: [["x"]] }]);
  const host = hostOf(fake);
  return {
    ...host,
    run: async () => {
      throw new FakeApiError(code, "Office's own English text, which the user must not see.");
    },
  };
}

const cases: [string, FakeSheetInit[], string | undefined, (a: WorkbookPort) => Promise<unknown>][] = [
  [
    "a finding on a hidden sheet",
    [{ name: "Tổng hợp" }, { name: "Kế hoạch ẩn", values: [["x"]], visibility: "Hidden" }],
    undefined,
    (a) => a.select("Kế hoạch ẩn", ["J16"]),
  ],
  [
    "a finding on a very hidden sheet",
    [{ name: "Tổng hợp" }, { name: "Kế hoạch ẩn", values: [["x"]], visibility: "VeryHidden" }],
    undefined,
    (a) => a.select("Kế hoạch ẩn", ["J16"]),
  ],
  [
    "a fix on a cell that holds a formula",
    [{ name: "Kinh phí", values: [[1, "=A1*2+SUM('Kinh phí'!A1)"]] }],
    undefined,
    (a) => a.applyFix("Kinh phí", { cell: "B1", value: 3 }),
  ],
  [
    "marks on a protected sheet and on a sheet that is gone",
    [{ name: "Kinh phí 2026", values: [["x"]], protected: true }],
    undefined,
    (a) => a.mark([finding("Kinh phí 2026", "B2"), finding("Đã xóa", "B2")]),
  ],
  [
    "notes on a protected sheet and on cells holding a threaded comment",
    [
      { name: "Kinh phí 2026", values: [["x"]], protected: true },
      { name: "Nhiệm vụ 2026", values: [["x"]] },
    ],
    "1.18",
    async (a) => a.writeNotes?.([finding("Kinh phí 2026", "B2"), finding("Nhiệm vụ 2026", "C3")], "en"),
  ],
  [
    "a sheet that is gone",
    [{ name: "Kinh phí 2026", values: [["x"]] }],
    undefined,
    (a) => a.readSheet("Đã xóa"),
  ],
  [
    "a sheet with more cells than the add-in checks",
    [
      {
        name: "Danh sách dài",
        values: [["STT"], ...Array.from({ length: 99 }, () => []), [...Array(16_000).fill(null), "x"]],
      },
    ],
    undefined,
    (a) => a.read(),
  ],
  [
    "a write on a protected sheet (Excel's AccessDenied)",
    [{ name: "Kinh phí 2026", values: [["x"]], protected: true }],
    undefined,
    (a) => a.applyFix("Kinh phí 2026", { cell: "B2", value: 1 }),
  ],
];

describe("the adapter's messages", () => {
  it.each(cases)("in English: %s", async (_name, sheets, excelApi, call) => {
    const { fake, adapter } = setup(sheets, "en", excelApi);
    if (sheets.some((s) => s.name === "Nhiệm vụ 2026"))
      fake.model.sheets[1].comments.set("C3", "Chị Lan: đã duyệt");
    const text = await said(() => call(adapter));
    expect(text).not.toBe("");
    expect(vietnameseLeak(text, snapshotOf(fake), rulebook)).toBe("");
  });

  it.each(cases)("in Vietnamese: %s", async (_name, sheets, excelApi, call) => {
    const { fake, adapter } = setup(sheets, "vi", excelApi);
    if (sheets.some((s) => s.name === "Nhiệm vụ 2026"))
      fake.model.sheets[1].comments.set("C3", "Chị Lan: đã duyệt");
    const text = await said(() => call(adapter));
    // Vietnamese words of the adapter's own, not only the quoted sheet names.
    expect(vietnameseLeak(text, snapshotOf(fake), rulebook)).not.toBe("");
  });

  it.each([
    "InvalidOperationInCellEditMode",
    "AccessDenied",
    "ItemNotFound",
    "RequestPayloadSizeLimitExceeded",
    "ResponsePayloadSizeLimitExceeded",
    "ApiNotFound",
    "InvalidObjectPath",
    "GeneralException",
    "SomethingExcelAddsLater",
  ])("Excel's %s: a sentence in the pane's language, never Office's English text", async (code) => {
    const adapter = createExcelAdapter(failing(code));
    const empty: WorkbookSnapshot = { sheets: [] };
    for (const locale of ["en", "vi"] as const) {
      adapter.setLocale?.(locale);
      const text = await said(() => adapter.read());
      expect(text).not.toMatch(/Office's own English text/);
      if (locale === "en") expect(vietnameseLeak(text, empty, rulebook)).toBe("");
      else expect(text).toMatch(VIETNAMESE);
    }
  });

  it("a state too large for the workbook: refused in the pane's language", async () => {
    const adapter = createExcelAdapter(hostOf(createFakeExcel([{ name: "A" }])));
    // 50 000 acceptances kept as digests: over the settings' budget.
    const accepted = Array.from({ length: 50_000 }, (_, i) => ({
      subject: { rule: "person-data", key: String(i).padStart(22, "0") },
      reason: "Sở đã duyệt",
      at: "2026-11-30T08:00:00.000Z",
    })) as unknown as Acceptance[];
    for (const locale of ["en", "vi"] as const) {
      adapter.setLocale?.(locale);
      const text = await said(() => adapter.saveState({ accepted, overrides: {} }));
      expect(text).toMatch(/50[.,]000/);
      if (locale === "en") expect(vietnameseLeak(text, { sheets: [] }, rulebook)).toBe("");
      else expect(text).toMatch(VIETNAMESE);
    }
  });

  it("a state that cannot be saved: said in the pane's language, not with Office's text", async () => {
    const fake = createFakeExcel([{ name: "A" }]);
    const host = hostOf(fake);
    const adapter = createExcelAdapter({
      ...host,
      settings: {
        ...host.settings,
        get: (n) => fake.settings.get(n),
        set: (n, v) => fake.settings.set(n, v),
        remove: (n) => fake.settings.remove(n),
        saveAsync: (cb) => cb?.({ status: "failed", error: { message: "An internal error has occurred." } }),
      },
    });
    for (const locale of ["en", "vi"] as const) {
      adapter.setLocale?.(locale);
      const text = await said(() =>
        adapter.saveState({ accepted: [], overrides: {}, allocated: locale === "en" ? 1 : 2 }),
      );
      expect(text).not.toMatch(/internal error/);
      if (locale === "en") expect(vietnameseLeak(text, { sheets: [] }, rulebook)).toBe("");
      else expect(text).toMatch(VIETNAMESE);
    }
  });
});
