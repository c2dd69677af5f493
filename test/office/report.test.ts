/**
 * "Xuất báo cáo" fit for paper (issue #13 item 8): the add-in writes the engine's report builder's
 * sheet whole — title rows, column widths, row heights for wrapped text, figures with their unit,
 * Vietnamese rule titles, the status column, A4 landscape one page wide with the header repeated —
 * every text as a value, over the strict fake (ExcelApi 1.9's page layout, Excel's 409-point rows
 * and 66 530 links a sheet); where Excel lacks the page layout or leaves the zoom unset, one line
 * says what to set by hand.
 */
import { checkWorkbook } from "../../src/engine/check";
import type { Finding } from "../../src/engine/findings";
import { buildReportSheet } from "../../src/engine/report-sheet";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { columnPoints, createExcelAdapter } from "../../src/office/excel-adapter";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { createFakeExcel, type FakeExcel, type FakeExcelOptions, type FakeSheetModel } from "./fake-excel";
import { fakeSheetsOf, hostOf } from "./fake-host";

const rulebook = builtinRulebook();
const seed = seed2026AsPrinted();
const checked = checkWorkbook(seed, { rulebook });
const report = buildReportSheet(checked.findings, {
  locale: "vi",
  workbook: checked.workbook,
  rulebookName: rulebook.name,
});

async function exported(options: FakeExcelOptions = {}, sheet = report) {
  const fake = createFakeExcel(fakeSheetsOf(seed), options);
  const notices: string[] = [];
  const before = fake.syncs;
  const name = await createExcelAdapter(hostOf(fake)).writeReport(checked.findings, "vi", {
    report: sheet,
    onNotice: (t) => notices.push(t),
  });
  const ws = fake.model.sheets.find((s) => s.name === name) as FakeSheetModel;
  return { fake, ws, notices, syncs: fake.syncs - before };
}

const opsOf = (ws: FakeSheetModel, path: string) => ws.formatOps.filter((o) => o.path === path);

describe("the report sheet", () => {
  it("has the builder's title rows, header, rows and status column, every text as text, in two syncs", async () => {
    const { ws, syncs } = await exported();
    expect(syncs).toBe(2);
    expect(ws.values.get("A1")).toBe("KẾT QUẢ KIỂM TRA PHỤ LỤC");
    expect(ws.values.get("A2")).toBe(report.subtitle);
    expect(String(ws.values.get("A2"))).toMatch(
      /^Kiểm tra bằng Đề án Checker, sổ quy tắc ".+": 11 lỗi \(6 lỗi gốc/,
    );
    expect(ws.merges).toEqual(expect.arrayContaining(["A1:J1", "A2:J2"]));
    expect(ws.values.get("A3")).toBeUndefined();
    expect(["A4", "B4", "E4", "G4", "J4"].map((a) => ws.values.get(a))).toEqual([
      "STT",
      "Trang tính",
      "Quy tắc",
      "Đúng là",
      "Trạng thái",
    ]);
    // The 2028 total: its rule by title, its figures with their unit, its link.
    const row = report.rows.findIndex((r) => r.link?.cell === "J16") + 5;
    expect(ws.values.get(`E${row}`)).toBe("Dòng tổng cộng");
    expect([`G${row}`, `H${row}`, `I${row}`].map((a) => ws.values.get(a))).toEqual([
      "35.604 triệu đồng",
      "34.511 triệu đồng",
      "35.604 triệu đồng",
    ]);
    expect(ws.hyperlinks.get(`C${row}`)).toEqual({
      documentReference: "'PL8 KP 2028'!J16",
      textToDisplay: "J16",
    });
    // A consequence says what it follows from.
    expect([...ws.values.values()].some((v) => /^Kéo theo từ lỗi ở /.test(String(v)))).toBe(true);
    expect(ws.formulas.size).toBe(0);
    for (const [address, v] of ws.values)
      if (typeof v === "string") expect(`${address} ${ws.numberFormats.get(address)}`).toBe(`${address} @`);
  });

  it("is A4 landscape, one page wide, the header repeated on every page, frozen and filtered", async () => {
    const { ws, notices } = await exported();
    expect(ws.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: "$4:$4",
      leftMargin: 36,
    });
    expect(ws.pageLayout.topMargin).toBeCloseTo(43.2);
    expect(opsOf(ws, "freezePanes.freezeRows(4)")).toHaveLength(1);
    expect(ws.formatOps.some((o) => o.path.startsWith("autoFilter.apply("))).toBe(true);
    expect(notices).toEqual([]);
  });

  it("gives each column the builder's width and each row the height of its wrapped text", async () => {
    const { ws } = await exported();
    const widths = ws.formatOps.filter((o) => o.path === "format.columnWidth");
    expect(widths.map((o) => [o.address, o.value])).toEqual(
      report.columns.map((c, j) => [`${String.fromCharCode(65 + j)}1`, columnPoints(c.width)]),
    );
    // The width as an .xlsx stores it (what dean-check's copy writes): Excel's default column,
    // 8.43 characters, is stored as 9.140625 and is 64 pixels wide.
    expect(columnPoints(9.140625)).toBe(48);
    expect(ws.rowHeights.get(1)).toBe(report.subtitleHeight);
    report.rows.forEach((r, i) =>
      expect(`${i + 5}: ${ws.rowHeights.get(i + 4)}`).toBe(`${i + 5}: ${r.height}`),
    );
    expect(new Set(report.rows.map((r) => r.height)).size).toBeGreaterThan(2);
    // Wrapped texts, figures to the right, a text among figures to the left.
    const wraps = opsOf(ws, "format.wrapText").map((o) => o.address);
    expect(wraps).toEqual(expect.arrayContaining(["F5:F30", "B5:B30"]));
    expect(opsOf(ws, "format.horizontalAlignment").map((o) => [o.address, o.value])).toEqual(
      expect.arrayContaining([["G5:G30", "Right"]]),
    );
  });

  it("keeps a row of a very long message within Excel's 409 points", async () => {
    const long: Finding = {
      rule: "totals",
      severity: "error",
      sheet: "PL8 KP 2028",
      cells: ["J16"],
      message: "Một lời giải thích rất dài. ".repeat(1500),
      expected: 1,
      actual: 2,
    };
    const sheet = buildReportSheet([long], { locale: "vi" });
    expect(sheet.rows[0].height).toBeGreaterThan(409);
    const { ws } = await exported({}, sheet);
    expect(ws.rowHeights.get(4)).toBe(409);
  });

  it("before ExcelApi 1.9 (no page layout): the rest is written and one line says what to set before printing", async () => {
    const { ws, notices } = await exported({ excelApi: "1.8" });
    expect(ws.values.get("A1")).toBe("KẾT QUẢ KIỂM TRA PHỤ LỤC");
    expect(ws.pageLayout.orientation).toBe("Portrait");
    expect(notices).toEqual([
      "Excel này chưa đặt được khổ in cho báo cáo (cần ExcelApi 1.9): trước khi in, chọn khổ A4, hướng ngang, vừa một trang ngang.",
    ]);
  });

  it("where Excel leaves the fit-to-one-page-wide zoom unset (office-js #1860), one line says how to set it", async () => {
    const { ws, notices } = await exported({ fitToPagesIgnored: true });
    expect(ws.pageLayout.orientation).toBe("Landscape");
    expect(ws.pageLayout.zoom).toEqual({ scale: 100 });
    expect(notices).toEqual([
      expect.stringMatching(/^Excel chưa đặt cho báo cáo vừa một trang ngang: .*1 trang\.$/),
    ]);
  });

  it("links at most 66 530 rows (Excel's limit for a sheet) and says so", async () => {
    const many: Finding[] = Array.from({ length: 66_540 }, (_, i) => ({
      rule: "person-data",
      severity: "error",
      sheet: "PL6 KP 2026",
      cells: [`E${i + 5}`],
      message: "Ngày sinh không có thật.",
      expected: null,
      actual: "31/02/1980",
    }));
    const { ws, notices } = await exported({}, buildReportSheet(many, { locale: "vi" }));
    expect(ws.hyperlinks.size).toBe(66_530);
    expect(ws.values.get("F66544")).toBe("Ngày sinh không có thật.");
    expect(notices).toEqual([
      "Chỉ 66.530 dòng đầu có liên kết tới ô (Excel giữ tối đa 66.530 liên kết trên một trang tính).",
    ]);
  }, 120_000);
});

describe("the fake's page layout and limits, as Excel's", () => {
  const run = (fake: FakeExcel, f: (ws: Excel.Worksheet) => void) =>
    fake.run(async (ctx) => {
      f((ctx as unknown as Excel.RequestContext).workbook.worksheets.getItem("A"));
      await ctx.sync();
    });

  it("needs ExcelApi 1.9 for pageLayout", async () => {
    const fake = createFakeExcel([{ name: "A" }], { excelApi: "1.8" });
    await expect(
      run(fake, (ws) => (ws.pageLayout.orientation = "Landscape" as Excel.PageOrientation)),
    ).rejects.toThrow(/ApiNotFound/);
  });

  it("refuses values Excel refuses, and a zoom property set alone before a load", async () => {
    const fake = createFakeExcel([{ name: "A" }]);
    await expect(run(fake, (ws) => (ws.pageLayout.paperSize = "A11" as Excel.PaperType))).rejects.toThrow(
      /InvalidArgument/,
    );
    await expect(run(fake, (ws) => (ws.pageLayout.zoom = { scale: 500 }))).rejects.toThrow(/InvalidArgument/);
    await expect(run(fake, (ws) => ws.pageLayout.setPrintTitleRows("A4:J4"))).rejects.toThrow(
      /InvalidArgument/,
    );
    await expect(run(fake, (ws) => ((ws.pageLayout.zoom as { scale?: number }).scale = 50))).rejects.toThrow(
      /PropertyNotLoaded/,
    );
    await run(fake, (ws) => ws.pageLayout.setPrintTitleRows("4:5"));
    expect(fake.model.sheets[0].pageLayout.printTitleRows).toBe("$4:$5");
  });

  it("refuses a row over 409 points and a 66 531st link", async () => {
    const fake = createFakeExcel([{ name: "A" }]);
    await expect(run(fake, (ws) => (ws.getRange("A1").format.rowHeight = 410))).rejects.toThrow(
      /InvalidArgument/,
    );
    for (let i = 0; i < 66_530; i++)
      fake.model.sheets[0].hyperlinks.set(`A${i + 1}`, { documentReference: "A!B1", textToDisplay: "x" });
    await expect(
      run(fake, (ws) => (ws.getRange("B1").hyperlink = { documentReference: "A!B1", textToDisplay: "x" })),
    ).rejects.toThrow(/hyperlinks/);
  });
});
