import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { totals } from "../../src/engine/rules/totals";
import { cost2026, costTotal } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { totalsTextCases } from "./text-counts.cases";
import { costSheet, districtTable2024, taskSheet, workbook, type Row } from "../helpers/sheets";

const lines = Object.values(cost2026);
const total = costTotal(lines, [cost2026.tcdh, cost2026.cddh]);
const withCell = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });

ruleTester(totals, {
  valid: [
    ...totalsTextCases.valid,
    {
      name: "2026 lines with their total (upgrades excluded from head-counts)",
      workbook: workbook(costSheet(2026, [...lines, total])),
    },
    {
      name: "amount total from unrounded rows (1 312,74 + 2 551,5)",
      workbook: workbook(
        costSheet(2027, [
          cost2026.tcdh,
          [
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
          ],
          [null, "Cộng", 596, 437, 426, 129, 13, 100, null, 3864],
        ]),
      ),
    },
    {
      name: "task appendix totals",
      workbook: workbook(
        taskSheet(2026, [
          ["1", "Tích hợp AI trong quản trị nhà trường", 596, 437, 426, 129, 13, 50, "Trực tiếp", "Sở GDĐT"],
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
  ],
  invalid: [
    ...totalsTextCases.invalid,
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
        },
        { messageId: "level", cells: ["D7"], expected: 437, actual: 447 },
      ],
    },
    {
      name: "40 019 instead of 40 018 (summing rounded rows)",
      workbook: workbook(
        costSheet(2027, [
          cost2026.tcdh,
          [
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
          ],
          [null, "Cộng", 596, 437, 426, 129, 13, 100, null, 3865],
        ]),
      ),
      findings: [{ messageId: "amount", cells: ["J7"], expected: 3864, actual: 3865 }],
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
        { messageId: "column", cells: ["C8"], expected: 13, actual: 14, fix: { cell: "C8", value: 13 } },
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
