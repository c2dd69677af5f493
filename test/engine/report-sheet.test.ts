/** The one builder of the "Kết quả kiểm tra" sheet (dean-check --annotate and the add-in's "Xuất báo cáo"). */
import { checkWorkbook } from "../../src/engine/check";
import { buildReportSheet } from "../../src/engine/report-sheet";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { vietnameseLeak } from "../helpers/rule-tester";
import { REPORT_HEADER } from "../helpers/sheets";

const rulebook = builtinRulebook();
const wb = seed2026AsPrinted();
const checked = checkWorkbook(wb, { rulebook });

describe("buildReportSheet", () => {
  const sheet = buildReportSheet(checked.findings, {
    locale: "vi",
    rulebookName: rulebook.name,
    workbook: checked.workbook,
  });
  const row = (s: string, cell: string) => sheet.rows.find((r) => r.values[1] === s && r.values[2] === cell);

  it("prints on A4 landscape, one page wide, the header on every page", () => {
    expect(sheet.page).toEqual({
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: [4, 4],
    });
    expect(sheet.headerRow).toBe(4);
    expect(sheet.columns.map((c) => c.header)).toEqual(REPORT_HEADER);
  });

  it("gives figures their unit and vi-VN separators, rules their title, consequences their cause", () => {
    expect(row("PL8 KP 2028", "J16")?.values.slice(4)).toEqual([
      "Dòng tổng cộng",
      expect.stringContaining("Tổng thành tiền là 34.511"),
      "35.604 triệu đồng",
      "34.511 triệu đồng",
      "35.604 triệu đồng",
      "",
    ]);
    expect(row("PL8 KP 2028", "J16")?.aligns[6]).toBe("right");
    expect(row("Tổng hợp", "C6")?.values[9]).toBe("Kéo theo từ lỗi ở PL8 KP 2028!J16");
    expect(row("PL5 NV 2030", "G8")?.values.slice(6, 8)).toEqual(["26", "27"]);
    // A text in a figures column reads from the left.
    expect(row("PL4 NV 2029", "B12")?.aligns[7]).toBe("left");
  });

  it("makes rows tall enough for their wrapped text", () => {
    const j16 = row("PL8 KP 2028", "J16");
    const short = row("PL1 NV 2026", "A11");
    expect(short?.height).toBeLessThan(20);
    expect(j16?.height).toBeGreaterThanOrEqual(4 * 15.75);
    expect(sheet.subtitle).toMatch(/11 lỗi \(6 lỗi gốc, 5 lỗi kéo theo\)/);
  });

  it("keeps the status of what the user accepted, and says so when there is nothing", () => {
    const f = checked.findings[0];
    const s = buildReportSheet([{ ...f, accepted: { reason: "Sở đã duyệt" } }], { locale: "vi" });
    expect(s.rows[0].values[9]).toBe("Đã bỏ qua: Sở đã duyệt"); // one word for accepting, as in the pane;
    expect(buildReportSheet([], { locale: "vi" }).rows[0].values[5]).toBe("Không có phát hiện nào.");
  });

  it("has no Vietnamese in English outside the user's own text", () => {
    const en = checkWorkbook(wb, { rulebook, locale: "en" });
    const s = buildReportSheet(en.findings, { locale: "en", workbook: en.workbook });
    const texts = [s.title, s.subtitle, s.name, ...s.columns.map((c) => c.header)];
    for (const r of s.rows) texts.push(...r.values.filter((v): v is string => typeof v === "string"));
    const leaks = texts.map((t) => vietnameseLeak(t, wb, rulebook)).filter(Boolean);
    expect(leaks).toEqual([]);
    expect(s.rows.find((r) => r.values[2] === "J16")?.values[6]).toBe("35,604 million VND");
  });
});
