/**
 * The Office.js adapter against the strict fake: what it reads equals the workbook, round trips
 * are counted, marks never touch a value, a formula or a format, and clearing restores every cell.
 */
import { checkWorkbook } from "../../src/engine/check";
import type { Finding } from "../../src/engine/findings";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { CELLS_PER_SYNC, createExcelAdapter, MARK_TAG, splitAddresses } from "../../src/office/excel-adapter";
import type { OfficeHost } from "../../src/office/host";
import type { MarkResult } from "../../src/taskpane/port";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { trimGrid } from "../fixtures/xlsx";
import { cellsOf, createFakeExcel, type FakeExcel, type FakeSheetInit } from "./fake-excel";
import { fakeSheetsOf, hostOf } from "./fake-host";

const rulebook = builtinRulebook();

function setup(sheets: FakeSheetInit[], excelApi?: string): { fake: FakeExcel; host: OfficeHost } {
  const fake = createFakeExcel(sheets, { excelApi });
  return { fake, host: hostOf(fake) };
}

/** Counts the syncs one call makes. */
async function syncsOf<T>(fake: FakeExcel, f: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = fake.syncs;
  const result = await f();
  return { result, syncs: fake.syncs - before };
}

const normalized = (wb: WorkbookSnapshot) =>
  wb.sheets.map((s) => ({
    name: s.name,
    values: trimGrid(s.values),
    formulas: trimGrid(s.formulas ?? []),
    merges: [...(s.merges ?? [])].sort(),
  }));

describe("read", () => {
  it("a sheet of more than 512 merged areas (Excel refuses to list them): merges of the header rows only", async () => {
    const rows = Array.from({ length: 700 }, (_, i) => [i + 1, `Trường ${i + 1}`, null, 3]);
    const { fake, host } = setup([
      {
        name: "Đăng ký",
        values: [["DANH SÁCH"], ["STT", "Đơn vị", null, "Số lượng"], ...rows],
        merges: ["A1:D1", ...rows.map((_, i) => `B${i + 3}:C${i + 3}`)],
      },
    ]);
    const { result, syncs } = await syncsOf(fake, () => createExcelAdapter(host).read());
    expect(result.sheets[0].values).toHaveLength(702);
    expect(result.sheets[0].merges).toEqual([
      "A1:D1",
      ...rows.slice(0, 58).map((_, i) => `B${i + 3}:C${i + 3}`),
    ]);
    expect(syncs).toBe(5); // the refused attempt (1 + 1) and the read (3)
  });

  it("keeps merges of a sheet whose name has a comma", async () => {
    const { host } = setup([
      { name: "PL 1, 2", values: [["Tiêu đề"], ["a", "b"]], merges: ["A1:B1", "C1:D1"] },
    ]);
    const wb = await createExcelAdapter(host).read();
    expect(wb.sheets[0].merges).toEqual(["A1:B1", "C1:D1"]);
    expect(splitAddresses("'PL 1, 2'!A1:B1,'PL 1, 2'!C1:D1,Z9")).toEqual([
      "'PL 1, 2'!A1:B1",
      "'PL 1, 2'!C1:D1",
      "Z9",
    ]);
  });

  it("reads the seed workbook exactly, in three syncs", async () => {
    const seed = seed2026AsPrinted({ amountsAs: "formula" });
    const { fake, host } = setup(fakeSheetsOf(seed));
    const { result, syncs } = await syncsOf(fake, () => createExcelAdapter(host).read());
    expect(syncs).toBe(3);
    expect(normalized(result)).toEqual(normalized(seed));
    expect(checkWorkbook(result, { rulebook }).findings).toEqual(checkWorkbook(seed, { rulebook }).findings);
  });

  it("reads a 30 000-row sheet in bands, never over the 5 MB payload limit", async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => [
      i + 1,
      `Trường số ${i + 1} — một tên trường khá dài để làm nặng dữ liệu`,
      i % 7,
      i % 5,
      i % 3,
    ]);
    const { fake, host } = setup([{ name: "Đăng ký", values: [["STT", "Đơn vị", "A", "B", "C"], ...rows] }]);
    const progress: number[] = [];
    const { result, syncs } = await syncsOf(fake, () =>
      createExcelAdapter(host).read((p) => progress.push(p.done / p.total)),
    );
    expect(result.sheets[0].values).toHaveLength(30_001);
    expect(result.sheets[0].values[30_000]).toEqual([
      30_000,
      rows[29_999][1],
      29_999 % 7,
      29_999 % 5,
      29_999 % 3,
    ]);
    expect(syncs).toBe(2 + Math.ceil((30_001 * 5) / CELLS_PER_SYNC));
    expect(progress.at(-1)).toBe(1);
  });

  it("keeps the used range's position, hidden and protected sheets, errors from formulas", async () => {
    const { host } = setup([
      { name: "Lệch", values: [[], [], [null, null, "Phụ lục", 5]] },
      { name: "Ẩn", values: [["x"]], visibility: "VeryHidden", protected: true },
      { name: "Lỗi", values: [["=1/0", "#N/A"]], results: { A1: "#DIV/0!" } },
      { name: "Trống" },
    ]);
    const wb = await createExcelAdapter(host).read();
    expect(wb.sheets[0].origin).toEqual({ row: 2, col: 2 });
    expect(wb.sheets[0].values).toEqual([["Phụ lục", 5]]);
    expect(wb.sheets[1]).toMatchObject({ visibility: "veryHidden", protected: true });
    expect(wb.sheets[2].values[0]).toEqual([{ error: "#DIV/0!" }, "#N/A"]);
    expect(wb.sheets[3].values).toEqual([]);
  });

  it("reads without merged areas when Excel is older than ExcelApi 1.13", async () => {
    const { host } = setup([{ name: "A", values: [["Tiêu đề"]], merges: ["A1:C1"] }], "1.12");
    expect((await createExcelAdapter(host).read()).sheets[0].merges).toBeUndefined();
  });
});

describe("marks", () => {
  const seed = seed2026AsPrinted();
  const findings = checkWorkbook(seed, { rulebook }).findings;

  it("marks 1 000 findings in two syncs and leaves every value, formula and format as it was", async () => {
    const { fake, host } = setup(fakeSheetsOf(seed));
    fake.model.sheets[7].fills.set("B7", "#00FF00"); // the user's own fill
    const before = fake.model.sheets.map(cellsOf);
    const many: Finding[] = Array.from({ length: 1000 }, (_, i) => ({
      ...findings[i % findings.length],
      cells: [`${"ABCDEFGHIJK"[i % 11]}${7 + Math.floor(i / 11) * 1}`],
    }));
    const { result, syncs } = await syncsOf(fake, () => createExcelAdapter(host).mark(many));
    expect(syncs).toBe(2);
    expect(result.skipped).toEqual([]);
    expect(fake.model.sheets.flatMap((s) => s.conditionalFormats).length).toBeGreaterThan(0);
    expect(fake.model.sheets.map(cellsOf)).toEqual(before);
  });

  it("clear removes its marks and nothing else: check then clear leaves every cell as it was", async () => {
    const { fake, host } = setup(fakeSheetsOf(seed));
    const userCf = { id: "user", type: "Custom", ranges: ["C7:C9"], formula: "=C7>100", fill: "#FF0000" };
    fake.model.sheets[5].conditionalFormats.push(userCf);
    const before = fake.model.sheets.map((s) => ({
      ...cellsOf(s),
      cfs: JSON.stringify(s.conditionalFormats),
    }));
    const adapter = createExcelAdapter(host);
    await adapter.mark(findings);
    const marked = fake.model.sheets
      .flatMap((s) => s.conditionalFormats)
      .filter((c) => c.formula?.includes(MARK_TAG));
    expect(marked.length).toBeGreaterThan(0);
    const { result: removed, syncs } = await syncsOf(fake, () => adapter.clearMarks());
    // Cells, as the user counts them (a mark is a rectangle of cells).
    const cells = new Set(findings.flatMap((f) => f.cells.map((c) => `${f.sheet}!${c}`))).size;
    expect(removed).toBe(cells);
    expect(syncs).toBe(4); // sheets; records and notes; the rules on the recorded cells; delete
    expect(
      fake.model.sheets.map((s) => ({ ...cellsOf(s), cfs: JSON.stringify(s.conditionalFormats) })),
    ).toEqual(before);
  });

  it("writes explanations as notes (ExcelApi 1.18) below the user's own, and clear gives the user's notes back exactly", async () => {
    const { fake, host } = setup(fakeSheetsOf(seed), "1.18");
    const pl8 = fake.model.sheets.find((s) => s.name === "PL8 KP 2028");
    if (!pl8) throw new Error("PL8");
    pl8.notes.set("J16", "Số của phòng Kế hoạch");
    pl8.notes.set("A1", "Ghi chú khác, không liên quan");
    const before = fake.model.sheets.map(cellsOf);
    const adapter = createExcelAdapter(host);
    await adapter.mark(findings);
    const { result, syncs } = await syncsOf(
      fake,
      () => adapter.writeNotes?.(findings, "vi") as Promise<MarkResult>,
    );
    expect(syncs).toBe(4); // sheets; threaded comments; the notes there; the writes
    const cells = new Set(findings.map((f) => `${f.sheet}!${f.cells[0]}`));
    expect(result.marked).toBeGreaterThanOrEqual(cells.size);
    expect(pl8.notes.get("J16")).toMatch(
      /^Số của phòng Kế hoạch\n\n\[Đề án Checker\]\nLỗi \(totals\): Tổng thành tiền là 34\.511/,
    );
    expect(pl8.notes.get("A1")).toBe("Ghi chú khác, không liên quan");
    // Written again (after a new check): the checker's part is replaced, not stacked.
    await adapter.writeNotes?.(findings, "vi");
    expect(pl8.notes.get("J16")?.split("[Đề án Checker]")).toHaveLength(2);
    const { syncs: clearSyncs } = await syncsOf(fake, () => adapter.clearMarks());
    expect(clearSyncs).toBe(4);
    expect(fake.model.sheets.map(cellsOf)).toEqual(before);
  });

  it("offers no notes before ExcelApi 1.18 (the pane says why)", () => {
    expect(createExcelAdapter(setup([{ name: "A" }], "1.17").host).writeNotes).toBeUndefined();
  });

  it("clears its marks on Excel older than ExcelApi 1.14 too (one sync more)", async () => {
    const { fake, host } = setup(fakeSheetsOf(seed), "1.12");
    fake.model.sheets[5].conditionalFormats.push({ id: "user", type: "DataBar", ranges: ["C7:C9"] });
    const adapter = createExcelAdapter(host);
    await adapter.mark(findings);
    const { result, syncs } = await syncsOf(fake, () => adapter.clearMarks());
    expect(result).toBeGreaterThan(0);
    expect(syncs).toBe(5); // the custom formats' rules are read apart (#2180)
    expect(fake.model.sheets.flatMap((s) => s.conditionalFormats)).toEqual([
      { id: "user", type: "DataBar", ranges: ["C7:C9"] },
    ]);
  });

  it("says which sheets it could not mark (protected)", async () => {
    const sheets = fakeSheetsOf(seed);
    sheets[7].protected = true;
    const { host } = setup(sheets);
    const r = await createExcelAdapter(host).mark(findings);
    expect(r.skipped).toEqual([{ sheet: "PL8 KP 2028", reason: expect.stringContaining("bảo vệ") }]);
  });
});

describe("fixes, selection, state, report, changes", () => {
  it("fixes a cell and undoes it exactly, text included", async () => {
    const { fake, host } = setup([{ name: "KP", values: [[null, "  13 008", 34511]] }]);
    const a = createExcelAdapter(host);
    const r1 = await a.applyFix("KP", { cell: "C1", value: 35604 });
    const r2 = await a.applyFix("KP", { cell: "B1", value: "5." });
    expect(fake.model.sheets[0].values.get("C1")).toBe(35604);
    expect(fake.model.sheets[0].values.get("B1")).toBe("5.");
    await a.undoFix(r2);
    await a.undoFix(r1);
    expect(Object.fromEntries(fake.model.sheets[0].values)).toEqual({ B1: "  13 008", C1: 34511 });
  });

  it("refuses to overwrite a formula", async () => {
    const { host } = setup([{ name: "KP", values: [["=SUM(B1:B2)"]] }]);
    await expect(createExcelAdapter(host).applyFix("KP", { cell: "A1", value: 3 })).rejects.toThrow(
      /có công thức/,
    );
  });

  it("selects a finding's cells on its sheet when they make one rectangle, else the first", async () => {
    const sheets = [{ name: "A" }, { name: "PL8 KP 2028", values: [["x"]] }];
    const older = setup(sheets, "1.17");
    await createExcelAdapter(older.host).select("PL8 KP 2028", ["J16", "C6"]);
    expect(older.fake.model.selection).toEqual({ sheet: "PL8 KP 2028", address: "J16" });
    expect(older.fake.model.activeSheet).toBe("PL8 KP 2028");
    const newer = setup(sheets, "1.18");
    await createExcelAdapter(newer.host).select("PL8 KP 2028", ["J16", "C6"]);
    expect(newer.fake.model.selection).toEqual({ sheet: "PL8 KP 2028", address: "J16" });
    // Cells making one rectangle are selected together; several areas would need an address list (#1167).
    await createExcelAdapter(newer.host).select("PL8 KP 2028", ["J16", "J17", "K16", "K17"]);
    expect(newer.fake.model.selection).toEqual({ sheet: "PL8 KP 2028", address: "J16:K17" });
  });

  it("keeps its state in the document settings", async () => {
    const { fake, host } = setup([{ name: "A" }]);
    const a = createExcelAdapter(host);
    expect(await a.loadState()).toEqual({ accepted: [], overrides: {} });
    const state = {
      accepted: [
        { subject: { rule: "quota", sheetKind: "cost" }, reason: "đã duyệt", at: "2026-11-25T00:00:00.000Z" },
      ],
      overrides: { A: { year: 2027 } },
      allocated: 180_000,
      rulebook: { id: "hai-phong-2022" },
    };
    await a.saveState(state);
    expect(fake.settings.saves).toBe(1);
    expect(await a.loadState()).toEqual(state);
  });

  it("writes a report sheet under a new name, every text as text, with links", async () => {
    const { fake, host } = setup([{ name: "Kết quả kiểm tra" }, { name: "=SUM(1)", values: [["x"]] }]);
    const f: Finding = {
      rule: "totals",
      severity: "error",
      sheet: "=SUM(1)",
      cells: ["J16"],
      message: '=HYPERLINK("http://x")',
      expected: 2,
      actual: "=1+1",
    };
    const { result: name, syncs } = await syncsOf(fake, () =>
      createExcelAdapter(host).writeReport(
        [f, { ...f, cells: ["J17"], accepted: { reason: "Sở đã duyệt" } }],
        "vi",
      ),
    );
    expect(name).toBe("Kết quả kiểm tra (2)");
    expect(syncs).toBe(2);
    const report = fake.model.sheets.find((s) => s.name === name);
    expect(report?.formulas.size).toBe(0);
    // The engine's report builder's rows (shared with dean-check --annotate): rules by title, a status column.
    // Title rows 1–3, the header on row 4, the findings from row 5.
    expect(report?.values.get("F5")).toBe('=HYPERLINK("http://x")');
    expect(report?.values.get("B5")).toBe("=SUM(1)");
    expect(report?.values.get("E5")).toBe("Dòng tổng cộng");
    expect(report?.values.get("J4")).toBe("Trạng thái");
    expect(report?.values.get("J5")).toBeUndefined();
    expect(report?.values.get("J6")).toBe("Đã bỏ qua: Sở đã duyệt");
    expect(report?.hyperlinks.get("C5")).toEqual({
      documentReference: "'=SUM(1)'!J16",
      textToDisplay: "J16",
    });
  });

  it("reports edits by sheet name until told to stop", async () => {
    const { fake, host } = setup([{ name: "PL6 KP 2026", values: [["x"]] }]);
    const seen: string[] = [];
    const stop = await createExcelAdapter(host).watchChanges?.((s) => seen.push(s));
    await fake.edit("PL6 KP 2026", "C7", 5);
    await stop?.();
    await fake.edit("PL6 KP 2026", "C8", 6);
    expect(seen).toEqual(["PL6 KP 2026"]);
  });

  it("names a sheet renamed since the check by its new name, and leaves co-authors' edits to their own pane", async () => {
    const { fake, host } = setup([{ name: "PL6 KP 2026", values: [["x"]] }]);
    const seen: string[] = [];
    const stop = await createExcelAdapter(host).watchChanges?.((s) => seen.push(s));
    fake.model.sheets[0].name = "PL6 KP 2026 (sửa)";
    await fake.edit("PL6 KP 2026 (sửa)", "C7", 5);
    await fake.edit("PL6 KP 2026 (sửa)", "C8", 6, "Remote");
    await stop?.();
    expect(seen).toEqual(["PL6 KP 2026 (sửa)"]);
  });
});

describe("limits", () => {
  it("refuses a sheet of more than 100 000 rows with a Vietnamese reason, before reading its cells", async () => {
    const { fake, host } = setup([{ name: "Lớn", values: [["x"]] }]);
    fake.model.sheets[0].values.set("A100001", 1);
    await expect(createExcelAdapter(host).read()).rejects.toThrow(
      /Trang tính "Lớn" có 100\.001 dòng: quá 100\.000 dòng/,
    );
  });

  it("refuses a used range of more than 1.5 million cells (a stray cell far away), naming the last column", async () => {
    const { fake, host } = setup([{ name: "Lẻ", values: [["x"]] }]);
    fake.model.sheets[0].values.set("XFD200", 1);
    const before = fake.syncs;
    await expect(createExcelAdapter(host).read()).rejects.toThrow(
      'Trang tính "Lẻ" có vùng dữ liệu 200 dòng × 16.384 cột (đến cột XFD): quá 1.500.000 ô',
    );
    expect(fake.syncs - before).toBe(2); // refused before reading any cell
  });

  it("clears only its own marks, not a user's rule that mentions the tag", async () => {
    const { fake, host } = setup([{ name: "A", values: [["x"]] }]);
    fake.model.sheets[0].conditionalFormats.push({
      id: "u",
      type: "Custom",
      ranges: ["A1"],
      formula: '=A1="DEAN-CHECKER"',
    });
    const a = createExcelAdapter(host);
    await a.mark([
      { rule: "totals", severity: "error", sheet: "A", cells: ["A1"], message: "m", expected: 1, actual: 2 },
    ]);
    expect(await a.clearMarks()).toBe(1);
    expect(fake.model.sheets[0].conditionalFormats.map((c) => c.id)).toEqual(["u"]);
  });
});

describe("payload limit", () => {
  it("reads again in smaller bands when Excel refuses a band of long texts as over 5 MB", async () => {
    const long = "Trường Trung học cơ sở ".repeat(6); // ~140 characters
    const rows = Array.from({ length: 20_000 }, (_, i) => [`${long}${i}`, `${long}${i}`, `${long}${i}`]);
    const { fake, host } = setup([{ name: "Dài", values: rows }]);
    const wb = await createExcelAdapter(host).read();
    expect(wb.sheets[0].values).toHaveLength(20_000);
    expect(wb.sheets[0].values[19_999][2]).toBe(`${long}19999`);
    expect(fake.syncs).toBeGreaterThan(2 + Math.ceil(60_000 / CELLS_PER_SYNC));
  });
});
