import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { totals } from "../../src/engine/rules/totals";
import { cost2026, costTotal, taskLine2026 } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { totalsTextCases } from "./text-counts.cases";
import { costSheet, districtTable2024, taskSheet, workbook, type Row } from "../helpers/sheets";

const lines = Object.values(cost2026);
const total = costTotal(lines, [cost2026.tcdh, cost2026.cddh]);
const withCell = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });

/** "Bồi dưỡng kỹ năng thu hút…" of 2027: 1 701 people × 1,5 = 2 551,5, shown 2 552. */
const TTLK: Row = [
  "2",
  "Bồi dưỡng kỹ năng thu hút và liên kết cộng đồng, doanh nghiệp trong lĩnh vực giáo dục và đào tạo",
  596,
  437,
  426,
  129,
  13,
  100,
  1.5,
  2552,
];
/** Their total: 1 312,74 + 2 551,5 = 3 864,24 → 3 864; as shown 1 313 + 2 552 = 3 865. */
const TOTAL_3864: Row = [null, "Cộng", 596, 437, 426, 129, 13, 100, null, 3864];

ruleTester(totals, {
  valid: [
    ...totalsTextCases.valid,
    {
      name: "2026 lines with their total (upgrades excluded from head-counts)",
      workbook: workbook(costSheet(2026, [...lines, total])),
    },
    {
      name: "amount total from unrounded rows (1 312,74 + 2 551,5 = 3 864,24 → 3 864)",
      workbook: workbook(costSheet(2027, [cost2026.tcdh, TTLK, TOTAL_3864])),
    },
    {
      // DOMAIN rule 1: offices also add up the rows as shown (2027's printed rows give 40 019).
      name: "amount total from the rows as shown (1 313 + 2 552 = 3 865)",
      workbook: workbook(costSheet(2027, [cost2026.tcdh, TTLK, withCell(TOTAL_3864, 9, 3865)])),
    },
    {
      name: "a SUM formula's unrounded total (3 864,24) shows as 3 864",
      workbook: workbook(costSheet(2027, [cost2026.tcdh, TTLK, withCell(TOTAL_3864, 9, 3864.24)])),
    },
    {
      name: "task appendix totals",
      workbook: workbook(
        taskSheet(2026, [
          taskLine2026("1", "Tích hợp AI trong quản trị nhà trường", "Trực tiếp", "Sở GDĐT"),
          [null, "Tổng số", 596, 437, 426, 129, 13, 50],
        ]),
      ),
    },
    {
      name: "district table with the total label in the STT column",
      rulebook: "hai-phong-2024",
      workbook: workbook(
        districtTable2024([
          [1, "An Dương", null],
          [2, "An Lão", 11],
          [3, "Cát Hải", 2],
          ["Tổng số:", null, 13],
        ]),
      ),
    },
    {
      name: "a count that cannot be read (#REF!, text): its column's total is not judged, nor overwritten",
      workbook: workbook(
        taskSheet(2026, [
          [
            "1",
            "Tích hợp AI trong quản trị nhà trường",
            { error: "#REF!" },
            437,
            426,
            129,
            13,
            50,
            "Trực tiếp",
            "Sở GDĐT",
          ],
          ["2", "Bồi dưỡng kỹ năng số", 10, "abc", 0, 0, 0, 0, "Trực tuyến", "Sở GDĐT"],
          [null, "Tổng số", 606, 447, 426, 129, 13, 50],
        ]),
      ),
    },
    {
      name: "a district total that is #REF! itself is left to number-as-text",
      rulebook: "hai-phong-2024",
      workbook: workbook(
        districtTable2024([
          [2, "An Lão", 11],
          [3, "Cát Hải", 2],
          ["Tổng số:", null, { error: "#REF!" }],
        ]),
      ),
    },
    {
      name: "a single line needs no total row; a task appendix may go without one",
      workbook: workbook(
        costSheet(2026, [cost2026.cds]),
        taskSheet(2026, [
          taskLine2026("1", "Tích hợp AI trong quản trị nhà trường", "Trực tiếp", "Sở GDĐT"),
          taskLine2026("2", "Thiết kế và triển khai giáo dục STEM/STEAM", "Trực tiếp", "Sở GDĐT"),
        ]),
      ),
    },
    {
      name: "a sub-total under each part and the grand total over every line",
      workbook: workbook(
        costSheet(2026, [
          ["I", "Bồi dưỡng"],
          cost2026.cds,
          cost2026.aiqt,
          withCell(withCell(costTotal([cost2026.cds, cost2026.aiqt]), 1, "Cộng"), 0, null),
          ["II", "Bồi dưỡng khác"],
          cost2026.stem,
          withCell(costTotal([cost2026.stem]), 1, "Cộng"),
          withCell(costTotal([cost2026.cds, cost2026.aiqt, cost2026.stem]), 1, "Tổng cộng"),
        ]),
      ),
    },
    {
      name: "a total of 0 under lines that have no amount yet",
      workbook: workbook(
        costSheet(2026, [
          withCell(withCell(cost2026.cds, 8, null), 9, null),
          withCell(withCell(cost2026.aiqt, 8, null), 9, null),
          withCell(costTotal([cost2026.cds, cost2026.aiqt]), 9, 0),
        ]),
      ),
    },
  ],
  invalid: [
    ...totalsTextCases.invalid,
    {
      name: "the grand total under two sub-totals counts every line once",
      workbook: workbook(
        costSheet(2026, [
          cost2026.cds,
          withCell(costTotal([cost2026.cds]), 1, "Cộng"),
          cost2026.stem,
          withCell(costTotal([cost2026.stem]), 1, "Cộng"),
          withCell(withCell(costTotal([cost2026.cds, cost2026.stem]), 1, "Tổng cộng"), 9, 13008),
        ]),
      ),
      findings: [
        {
          messageId: "amount",
          cells: ["J9"],
          expected: 19412,
          actual: 13008,
          fix: { cell: "J9", value: 19412 },
          message: "Tổng thành tiền là 13.008, nhưng cộng các dòng (mọi dòng, chưa làm tròn) được 19.412",
        },
      ],
    },
    {
      name: "blank totals under lines that have figures: filled in with the sums",
      workbook: workbook(
        costSheet(2026, [
          cost2026.cds,
          cost2026.aiqt,
          withCell(withCell(costTotal([cost2026.cds, cost2026.aiqt]), 2, null), 9, null),
        ]),
      ),
      findings: [
        {
          messageId: "level",
          cells: ["C7"],
          expected: 2980,
          actual: null,
          fix: { cell: "C7", value: 2980 },
          message: "(trống)",
        },
        {
          messageId: "amount",
          cells: ["J7"],
          expected: 16310,
          actual: null,
          fix: { cell: "J7", value: 16310 },
          message: "Tổng thành tiền là (trống)",
        },
      ],
    },
    {
      name: "a SUM formula's total that is off gets no automatic fix",
      workbook: (() => {
        const sheet = costSheet(2026, [
          cost2026.cds,
          cost2026.aiqt,
          withCell(costTotal([cost2026.cds, cost2026.aiqt]), 3, 2000),
        ]);
        sheet.formulas = [];
        sheet.formulas[6] = [];
        sheet.formulas[6][3] = "SUM(D5:D6)";
        return workbook(sheet);
      })(),
      findings: [{ messageId: "level", cells: ["D7"], expected: 2185, actual: 2000, fix: null }],
    },

    {
      name: "amount total leaving out the upgrade row (the 2028 case)",
      workbook: workbook(
        costSheet(2028, [
          cost2026.nvsp,
          cost2026.tcdh,
          [null, "Tổng số:", null, null, null, null, null, 100, null, 300],
        ]),
      ),
      findings: [
        {
          messageId: "amount",
          cells: ["J7"],
          expected: 1613,
          actual: 300,
          fix: { cell: "J7", value: 1613 },
          message: "thiếu dòng",
          subject: { detail: "amount-total" },
        },
      ],
    },
    {
      name: "level total counting the upgrade rows breaks the convention",
      workbook: workbook(
        costSheet(2026, [
          cost2026.aiqt,
          cost2026.tcdh,
          withCell(costTotal([cost2026.aiqt, cost2026.tcdh]), 2, 596 + 89),
        ]),
      ),
      findings: [
        {
          messageId: "level",
          cells: ["C7"],
          expected: 596,
          actual: 685,
          message: ["Mầm non", "không tính đào tạo nâng chuẩn"],
          subject: { level: "MN", detail: "level-total" },
        },
        {
          messageId: "level",
          cells: ["D7"],
          expected: 437,
          actual: 447,
          subject: { level: "TH", detail: "level-total" },
        },
      ],
    },
    {
      name: "a total adding up neither way: 3 866 where the lines give 3 864 (unrounded) or 3 865 (as shown)",
      workbook: workbook(costSheet(2027, [cost2026.tcdh, TTLK, withCell(TOTAL_3864, 9, 3866)])),
      findings: [
        {
          messageId: "amount",
          cells: ["J7"],
          expected: 3864,
          actual: 3866,
          fix: { cell: "J7", value: 3864 },
          message: ["3.864,24", "như đang hiển thị được 3.865"],
          subject: { detail: "amount-total" },
        },
      ],
    },
    {
      // With row-arithmetic on, this finding is that line's consequence (test/engine/causes.test.ts).
      name: "a total that adds up a wrong line as typed",
      workbook: workbook(
        costSheet(2027, [cost2026.tcdh, withCell(TTLK, 9, 2600), withCell(TOTAL_3864, 9, 3913)]),
      ),
      findings: [
        {
          messageId: "amount",
          cells: ["J7"],
          expected: 3864,
          actual: 3913,
          subject: { detail: "amount-total" },
        },
      ],
    },
    {
      name: "a table without a total row",
      workbook: workbook(costSheet(2026, [cost2026.cds, cost2026.aiqt])),
      findings: [{ messageId: "noTotal", severity: "warning", message: "không có dòng Tổng" }],
    },
    {
      name: "district column total",
      rulebook: "hai-phong-2024",
      workbook: workbook(
        districtTable2024([
          [1, "An Dương", null],
          [2, "An Lão", 11],
          [3, "Cát Hải", 2],
          ["Tổng số:", null, 14],
        ]),
      ),
      findings: [
        {
          messageId: "column",
          cells: ["C8"],
          expected: 13,
          actual: 14,
          fix: { cell: "C8", value: 13 },
          subject: { course: "cd-dh", level: "TH", detail: "column-total" },
        },
      ],
    },
  ],
});

it("says a blank total is blank in the reader's language", () => {
  const wb = workbook(
    costSheet(2026, [cost2026.aiqt, [null, "Tổng số:", null, null, null, null, null, null, null, 3302]]),
  );
  const message = (locale: "vi" | "en") =>
    checkWorkbook(wb, { rulebook: builtinRulebook(), locale }).findings.find((f) => f.rule === "totals")
      ?.message;
  expect(message("vi")).toContain("(trống)");
  expect(message("en")).toContain("(blank)");
});
