import { numbering } from "../../src/engine/rules/numbering";
import { cost2026 } from "../helpers/rows";
import { seed2023AsPrinted } from "../fixtures/seed2023";
import { ruleTester } from "../helpers/rule-tester";
import {
  costSheet,
  districtTable2024,
  dutiesSheet2022,
  registrationSheet,
  summarySheet,
  taskSheet,
  workbook,
  type Row,
} from "../helpers/sheets";

const tt = (r: Row, v: unknown): Row => [v as string, ...r.slice(1)];
const { cds, aiqt, stem, khac, nvsp, cckn } = cost2026;

/** A 2026 cost appendix in two sections: I ĐÀO TẠO (TC–ĐH numbered `training`), II BỒI DƯỠNG. */
const inSections = (training: string, ...upkeep: Row[]) =>
  workbook(costSheet(2026, [["I", "ĐÀO TẠO"], tt(cost2026.tcdh, training), ["II", "BỒI DƯỠNG"], ...upkeep]));

/** The finding for the number `actual` in `cell` that should be `expected`, fixed to it. */
const wrong = (cell: string, expected: number, actual: string, course?: string) => ({
  messageId: "wrong",
  cells: [cell],
  expected,
  actual,
  fix: { cell, value: expected },
  ...(course ? { subject: { course } } : {}),
});

/** Hải Phòng's districts, for a registration table as long as the ones offices send (two-digit numbers). */
const DISTRICTS = [
  "An Dương",
  "An Lão",
  "Cát Hải",
  "Kiến Thụy",
  "Tiên Lãng",
  "Vĩnh Bảo",
  "Thủy Nguyên",
  "Hồng Bàng",
  "Lê Chân",
  "Ngô Quyền",
  "Kiến An",
  "Hải An",
];

ruleTester(numbering, {
  valid: [
    {
      name: "1, 2, 3 with unnumbered sub-rows",
      workbook: workbook(costSheet(2026, [tt(cds, "1"), tt(aiqt, "2"), tt(khac, "3"), nvsp, cckn])),
    },
    {
      name: "numbers with dots and numeric cells",
      workbook: workbook(costSheet(2026, [tt(cds, "1."), tt(aiqt, 2), tt(stem, "3. ")])),
    },
    {
      name: "numbering restarts under sections",
      workbook: inSections("1", tt(cds, "1"), tt(aiqt, "2")),
    },
    {
      name: "numbered straight through across sections (1…3 under I and II)",
      workbook: inSections("1", tt(cds, "2"), tt(aiqt, "3")),
    },
    {
      name: "Word's spaced '1 )' numbers are numbers",
      workbook: workbook(costSheet(2026, [tt(cds, "1 )"), tt(aiqt, "2 )"), tt(stem, "3 )")])),
    },
    {
      name: "a district table numbered 1 to 12 (two-digit numbers)",
      rulebook: "hai-phong-2024",
      workbook: workbook(districtTable2024(DISTRICTS.map((d, i) => [i + 1, d, 1]))),
    },
    {
      name: "a district table without an STT column has no numbers to check",
      rulebook: "hai-phong-2024",
      workbook: workbook(
        registrationSheet(
          ["PHỤ LỤC 2", "SỐ LƯỢNG CBQL, GV TIỂU HỌC", "ĐĂNG KÝ ĐÀO TẠO NÂNG CHUẨN NĂM 2024"],
          ["Quận/huyện", "Trình độ đào tạo CĐ- ĐH", "Ghi chú"],
          [
            ["An Dương", 3],
            ["An Lão", 11],
            ["Tổng số:", 14],
          ],
        ),
      ),
    },
    {
      name: "seed 000: 1.–8. straight through, the header printed again between 3. and 4.",
      workbook: seed2023AsPrinted(),
      rulebook: "hai-phong-2023",
    },
  ],
  invalid: [
    {
      name: "a break within straight-through numbering: 1, 2, 3, 5",
      workbook: inSections("1", tt(cds, "2"), tt(aiqt, "3"), tt(stem, "5")),
      findings: [wrong("A10", 4, "5", "stem")],
    },
    {
      name: "a break within per-section numbering: 1 | 1, 3",
      workbook: inSections("1", tt(cds, "1"), tt(aiqt, "3")),
      findings: [wrong("A9", 2, "3", "ai-quan-tri")],
    },
    {
      name: "the duplicated 3 of the 2027 cost appendix",
      workbook: workbook(costSheet(2027, [tt(cds, "1"), tt(aiqt, "2"), tt(stem, "3"), tt(khac, "3")])),
      findings: [wrong("A8", 4, "3", "noi-dung-khac")],
    },
    {
      name: 'Word\'s "i." and the shifted numbers after it (2027 task appendix)',
      workbook: workbook(
        taskSheet(2027, [
          ["1. ", "Bồi dưỡng về giáo dục toàn diện: Đức, trí, thể, mỹ"],
          ["2. ", "Thiết kế và triển khai giáo dục STEM/STEAM"],
          ["i. ", "Dạy học tích hợp, liên môn và vận dụng kiến thức vào thực tiễn"],
          [
            "3. ",
            "Bồi dưỡng kỹ năng thu hút và liên kết cộng đồng, doanh nghiệp trong lĩnh vực giáo dục và đào tạo",
          ],
        ]),
      ),
      findings: [
        { messageId: "wrong", cells: ["A8"], expected: 3, actual: "i.", fix: { cell: "A8", value: "3." } },
        { messageId: "wrong", cells: ["A9"], expected: 4, actual: "3.", fix: { cell: "A9", value: "4." } },
      ],
    },
    {
      name: "a line the rulebook does not know, numbered 3 after 1: remembered by its text",
      workbook: workbook(
        costSheet(2026, [
          tt(cds, "1"),
          ["3", "Tổ chức hội thảo chuyên đề", 10, null, null, null, null, null, 2, 20],
        ]),
      ),
      findings: [
        {
          messageId: "wrong",
          cells: ["A6"],
          expected: 2,
          actual: "3",
          message: 'Số thứ tự "3" không đúng: dòng này phải là 2.',
          subject: { detail: "to chuc hoi thao chuyen de" },
        },
      ],
    },
    {
      name: "half the numbers with a dot is no dotted style: the fix writes a plain number",
      workbook: workbook(costSheet(2026, [tt(cds, "1."), tt(aiqt, "2."), tt(stem, "3"), tt(khac, "5")])),
      findings: [wrong("A8", 4, "5")],
    },
    {
      name: "1 under I and 5 under II: as many agree either way, so numbering restarts per section",
      workbook: inSections("1", tt(cds, "5")),
      findings: [wrong("A8", 1, "5")],
    },
    {
      name: '"2a" is not the number 2',
      workbook: workbook(costSheet(2026, [tt(cds, "1"), tt(aiqt, "2a"), tt(stem, "3")])),
      findings: [wrong("A6", 2, "2a", "ai-quan-tri")],
    },
    {
      name: 'a sub-number "1.2" typed on the second line is not its number',
      workbook: workbook(costSheet(2026, [tt(cds, "1"), tt(aiqt, "1.2"), tt(stem, "3")])),
      findings: [wrong("A6", 2, "1.2", "ai-quan-tri")],
    },
    {
      name: 'Word\'s spaced "1 ." style: the fix keeps the dot',
      workbook: workbook(costSheet(2026, [tt(cds, "1 ."), tt(aiqt, "2 ."), tt(stem, "4 .")])),
      findings: [{ ...wrong("A7", 3, "4 .", "stem"), fix: { cell: "A7", value: "3." } }],
    },
    {
      name: "dotted numbers under sections and over a total: the headings and the total do not dilute the style",
      workbook: workbook(
        costSheet(2026, [
          ["I", "ĐÀO TẠO"],
          tt(cost2026.tcdh, "1."),
          ["II", "BỒI DƯỠNG"],
          tt(cds, "2."),
          tt(aiqt, "4."),
          [null, "Tổng số:", null, null, null, null, null, null, null, 100],
        ]),
      ),
      findings: [{ ...wrong("A9", 3, "4.", "ai-quan-tri"), fix: { cell: "A9", value: "3." } }],
    },
    {
      name: "a district skipped in the STT column: 1, 2, 4",
      rulebook: "hai-phong-2024",
      workbook: workbook(
        districtTable2024([
          [1, "An Dương", 3],
          [2, "An Lão", 11],
          [4, "Cát Hải", 2],
          ["Tổng số:", null, 16],
        ]),
      ),
      findings: [wrong("A7", 3, "4")],
    },
    {
      name: "the yearly summary numbered 1, 2, 4",
      workbook: workbook(
        summarySheet([
          [1, 2026, 100],
          [2, 2027, 200],
          [4, 2028, 300],
        ]),
      ),
      findings: [wrong("A6", 3, "4")],
    },
    {
      name: "a duties appendix (Phân công thực hiện) numbered 1, 2, 4",
      rulebook: "hai-phong-2022",
      workbook: workbook(
        dutiesSheet2022([
          ["1", "Xây dựng kế hoạch bồi dưỡng", "Tháng 1/2022", "Sở GDĐT", "Sở Tài chính", "Kế hoạch"],
          ["2", "Tổ chức các lớp bồi dưỡng", "Năm 2022", "Sở GDĐT", "Các trường", "Các lớp"],
          ["4", "Tổng kết, đánh giá", "Tháng 12/2022", "Sở GDĐT", null, "Báo cáo"],
        ]),
      ),
      findings: [wrong("A7", 3, "4")],
    },
    {
      name: "a line with figures but no content, numbered 3 after 1",
      workbook: workbook(
        costSheet(2026, [tt(cds, "1"), ["3", null, 10, null, null, null, null, null, 2, 20]]),
      ),
      findings: [{ ...wrong("A6", 2, "3"), subject: { detail: "3" } }],
    },
    {
      name: 'a line of figures only, with no number and no content: named by its row, never as ""',
      workbook: workbook(
        costSheet(2026, [tt(cds, "1"), [null, null, 10, null, null, null, null, null, 2, 20], tt(stem, "3")]),
      ),
      findings: [
        {
          messageId: "missingUnnamed",
          cells: ["A6"],
          expected: 2,
          actual: null,
          fix: { cell: "A6", value: 2 },
          message: "Dòng 6 (chỉ có số liệu, chưa ghi nội dung) chưa có số thứ tự (phải là 2).",
        },
      ],
    },
    {
      name: "a line of figures only, with no number and no content (English)",
      locale: "en",
      workbook: workbook(
        costSheet(2026, [tt(cds, "1"), [null, null, 10, null, null, null, null, null, 2, 20], tt(stem, "3")]),
      ),
      findings: [
        {
          messageId: "missingUnnamed",
          cells: ["A6"],
          message: "Row 6 (figures only, no content) has no row number (it should be 2).",
        },
      ],
    },
    {
      name: "a line without a number",
      workbook: workbook(costSheet(2026, [tt(cds, "1"), tt(aiqt, null), tt(stem, "3")])),
      findings: [
        {
          messageId: "missing",
          cells: ["A6"],
          expected: 2,
          actual: null,
          fix: { cell: "A6", value: 2 },
          message: 'Dòng "Tích hợp AI trong quản trị nhà trường',
          subject: { course: "ai-quan-tri" },
        },
      ],
    },
  ],
});
