/**
 * `--lang en` leaks no Vietnamese: every rule's findings on the seeds and the planted people list,
 * worded in English, hold Vietnamese letters only inside the user's own text (quoted text, cell
 * texts, sheet names, the rulebook's course names). The rules with a case table are also run in
 * English case by case by test/helpers/rule-tester.ts; this corpus covers the others (the
 * per-person rules) and the realistic workbooks. Readings, reasons and the words of the reports
 * are checked here too.
 */
import { checkWorkbook } from "../../src/engine/check";
import { countsText, label, phrase, phrases, scaleName, SCALES, type LabelKey } from "../../src/engine/i18n";
import { describeColumns } from "../../src/engine/recognize/describe";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { allRules } from "../../src/engine/rules";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { peopleWorkbook } from "../fixtures/people";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { t } from "../../src/taskpane/strings";
import { vietnameseLeak } from "../helpers/rule-tester";

const d = (y: number, m: number) => ({ date: `${y}-${String(m).padStart(2, "0")}-15` });
const bdtxList: WorkbookSnapshot = {
  sheets: [
    {
      name: "BDTX",
      values: [
        ["DANH SÁCH KẾT QUẢ BỒI DƯỠNG THƯỜNG XUYÊN NĂM HỌC 2023-2024"],
        [],
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Cấp học", "Số mô đun hoàn thành"],
        [1, "Lê Văn An", d(1975, 3), "Nam", "THCS Tân Phú", "THCS", 2],
        [2, "Phạm Thị Cúc", d(1967, 9), "Nữ", "TH Tân Đồng", "TH", 0],
      ],
    },
    {
      name: "BDTX tiết",
      values: [
        ["DANH SÁCH KẾT QUẢ BỒI DƯỠNG THƯỜNG XUYÊN NĂM HỌC 2023-2024"],
        [],
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Cấp học", "Số tiết"],
        [1, "Lê Văn Bình", d(1975, 3), "Nam", "THCS Tân Phú", "THCS", 80],
      ],
    },
  ],
};

const corpus: [string, WorkbookSnapshot, string][] = [
  ["seed 003 as printed", seed2026AsPrinted(), "hai-phong-2026-2030"],
  ["seed 003 with amounts as text", seed2026AsPrinted({ amountsAs: "text" }), "hai-phong-2026-2030"],
  ["the 2024 people list with planted cases", peopleWorkbook({ planted: true }).workbook, "hai-phong-2024"],
  ["the 2024 people list less one person", peopleWorkbook({ drop: 0 }).workbook, "hai-phong-2024"],
  ["a BDTX list", bdtxList, "binh-phuoc-bdtx-2023-2024"],
];

describe("English findings", () => {
  const seen = new Set<string>();
  it.each(corpus)("%s", (_name, workbook, id) => {
    const rulebook = builtinRulebook(id);
    const r = checkWorkbook(workbook, { rulebook, locale: "en" });
    expect(r.findings.length).toBeGreaterThan(0);
    const leaks: string[] = [];
    for (const f of r.findings) {
      seen.add(f.rule);
      const leak = vietnameseLeak(f.message, workbook, rulebook);
      if (leak) leaks.push(`${f.rule} ${f.sheet}!${f.cells.join(",")}: ${f.message}\n    leaks: ${leak}`);
    }
    expect(leaks.join("\n")).toBe("");
    for (const t of r.workbook.tables)
      for (const row of t.rows)
        for (const n of [row.amount, row.unitPrice, ...Object.values(row.counts)]) {
          const reading = phrases(n?.reading, "en");
          expect(vietnameseLeak(reading, workbook, rulebook)).toBe("");
        }
    for (const s of r.workbook.skipped)
      expect(vietnameseLeak(phrase(s.reason, "en"), workbook, rulebook)).toBe("");
  });

  it("the corpus makes every rule without a case table speak (so the check above covers them)", () => {
    for (const id of ["upgrade-eligibility", "programme-fit", "person-data", "count-chain", "bdtx"])
      expect(`${id}: ${seen.has(id)}`).toBe(`${id}: true`);
    expect(allRules.map((r) => r.meta.id)).toEqual(expect.arrayContaining([...seen]));
  });
});

describe("the words every front door shares", () => {
  const rulebook = builtinRulebook();
  const none: WorkbookSnapshot = { sheets: [] };
  it("labels, counts and rule titles have no Vietnamese in English", () => {
    const vi = label("vi", "error");
    expect(vi).toBe("Lỗi");
    for (const key of Object.keys({
      error: 1,
      warning: 1,
      info: 1,
      sheet: 1,
      cell: 1,
      severity: 1,
      rule: 1,
      message: 1,
      expected: 1,
      actual: 1,
      fix: 1,
      no: 1,
      resultsSheet: 1,
      resultsTitle: 1,
      noFindings: 1,
      blank: 1,
      status: 1,
      acceptedBecause: 1,
      noAppendix: 1,
      summaryCauses: 1,
      causedBy: 1,
    }) as LabelKey[])
      expect(`${key}: ${vietnameseLeak(label("en", key), none, rulebook)}`).toBe(`${key}: `);
    expect(countsText({ error: 11, warning: 15, info: 0, causes: 3, consequences: 8 }, "en")).toBe(
      "11 errors (3 root causes, 8 consequences), 15 warnings, 0 notes",
    );
    for (const r of allRules) expect(vietnameseLeak(r.meta.title.en, none, rulebook)).toBe("");
  });
});

describe("money and school levels in English", () => {
  const rulebook = builtinRulebook();
  const none: WorkbookSnapshot = { sheets: [] };

  it("names money in VND (the unit names of the report, the annotated copy and the pane)", () => {
    for (const scale of [...SCALES, 100]) {
      const en = scaleName(scale, "en");
      expect(en).toMatch(/^(?:\S+ )?VND$/);
      expect(vietnameseLeak(en, none, rulebook)).toBe("");
      // Vietnamese keeps đồng.
      expect(scaleName(scale, "vi")).toMatch(/đồng$/);
    }
    expect(scaleName(1_000_000, "en")).toBe("million VND");
    for (const key of ["budgetUnit", "allocatedInput", "allocatedRead"] as const) {
      expect(t("en", key)).toContain("million VND");
      expect(t("vi", key)).toContain("triệu đồng");
    }
  });

  it("names each level in English on the first recognition line that lists it, by its id after", () => {
    const wb = checkWorkbook(seed2026AsPrinted(), { rulebook, locale: "en" }).workbook;
    const named = new Set<string>();
    const lines = wb.tables.map((x) => describeColumns(x, "en", named));
    expect(lines[0]).toBe(
      "columns read: preschool (MN) C, primary (TH) D, lower secondary (THCS) E, upper secondary (THPT) F, continuing education (GDTX) G, vocational (GDNN) H",
    );
    expect(lines[1]).toBe("columns read: MN C, TH D, THCS E, THPT F, GDTX G, GDNN H");
    expect(lines.filter((l) => l.includes("(MN)"))).toHaveLength(1);
    // Vietnamese: the ids, as the plans write them, on every line.
    const vi = wb.tables.map((x) => describeColumns(x, "vi", new Set()));
    expect(vi[0]).toBe("cột đọc được: MN C, TH D, THCS E, THPT F, GDTX G, GDNN H");
  });
});
