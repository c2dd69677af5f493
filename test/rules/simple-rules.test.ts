/** Case tables of the form rules: required cells, duplicates, unknown courses, numbers as text. */
import { duplicateCourse } from "../../src/engine/rules/duplicate-course";
import { negativeNumber } from "../../src/engine/rules/negative-number";
import { numberAsText } from "../../src/engine/rules/number-as-text";
import { requiredCells } from "../../src/engine/rules/required-cells";
import { unknownCourse } from "../../src/engine/rules/unknown-course";
import { cost2026, CDDH } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { costSheet, districtTable2024, taskSheet, workbook, type Row } from "../helpers/sheets";

const set = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });
const FORM = "Trực tiếp/trực tiếp kết hợp trực tuyến";

ruleTester(requiredCells, {
  valid: [
    {
      name: "task lines with form and lead",
      workbook: workbook(
        taskSheet(2026, [
          [
            "1",
            "Tích hợp AI trong quản trị nhà trường",
            596,
            437,
            426,
            129,
            13,
            50,
            FORM,
            "Sở GDĐT",
            "Sở Tài chính",
          ],
        ]),
      ),
    },
    { name: "cost lines need no form", workbook: workbook(costSheet(2026, [cost2026.cds])) },
    {
      name: "sub-rows need no form",
      workbook: workbook(
        taskSheet(2026, [[null, "- Bồi dưỡng nghiệp vụ sư phạm", null, null, null, null, null, 100]]),
      ),
    },
  ],
  invalid: [
    {
      name: "the CĐ→ĐH line of the 2027 task appendix",
      workbook: workbook(taskSheet(2027, [["7. ", CDDH, null, 344, 197]])),
      findings: [
        { messageId: "blank", cells: ["I6"], message: "Hình thức thực hiện" },
        { messageId: "blank", cells: ["J6"], message: "Đơn vị chủ trì" },
      ],
    },
    {
      name: "figures without content",
      workbook: workbook(costSheet(2026, [set(cost2026.cds, 1, null)])),
      findings: [{ messageId: "content", cells: ["B5"], severity: "error" }],
    },
  ],
});

ruleTester(duplicateCourse, {
  valid: [{ name: "each course once", workbook: workbook(costSheet(2026, [cost2026.cds, cost2026.aiqt])) }],
  invalid: [
    {
      name: "the same course twice, spelled differently",
      workbook: workbook(
        costSheet(2026, [
          cost2026.cds,
          set(
            set(cost2026.cds, 0, "2"),
            1,
            "Chuyển đổi số và ứng dụng toàn diện trí tuệ nhân tạo (AI) trong dạy và học",
          ),
        ]),
      ),
      findings: [{ messageId: "duplicate", cells: ["B6"], message: "dòng 5" }],
    },
  ],
});

ruleTester(unknownCourse, {
  valid: [
    {
      name: "typos and extra words still match",
      workbook: workbook(costSheet(2026, [cost2026.cds, cost2026.aiqt, cost2026.stem])),
    },
  ],
  invalid: [
    {
      name: "a course the rulebook does not know",
      workbook: workbook(
        costSheet(2026, [
          ["1", "Bồi dưỡng kỹ năng bơi lội cho giáo viên", 10, null, null, null, null, null, 2, 20],
        ]),
      ),
      findings: [{ messageId: "unknown", cells: ["B5"], actual: "Bồi dưỡng kỹ năng bơi lội cho giáo viên" }],
    },
    {
      name: "a course planned in another year",
      workbook: workbook(costSheet(2028, [set(cost2026.cds, 0, "1")])),
      findings: [{ messageId: "notPlanned", cells: ["B5"], message: ["2028", "2026"] }],
    },
  ],
});

ruleTester(numberAsText, {
  valid: [{ name: "real numbers", workbook: workbook(costSheet(2026, [cost2026.cds])) }],
  invalid: [
    {
      name: "amounts typed with spaces, prices with a comma",
      workbook: workbook(costSheet(2026, [set(set(cost2026.tcdh, 9, "  1 313"), 8, "13,26")])),
      findings: [
        {
          messageId: "text",
          cells: ["I5"],
          expected: 13.26,
          actual: "13,26",
          fix: { cell: "I5", value: 13.26 },
        },
        { messageId: "text", cells: ["J5"], expected: 1313, actual: "1 313" },
      ],
    },
    {
      name: "text that is no number",
      workbook: workbook(costSheet(2026, [set(cost2026.cds, 7, "theo thực tế")])),
      findings: [{ messageId: "notNumber", cells: ["H5"], severity: "warning", actual: "theo thực tế" }],
    },
  ],
});

ruleTester(negativeNumber, {
  valid: [
    {
      name: "positive numbers and explicit zeros",
      workbook: workbook(costSheet(2026, [cost2026.cds, set(cost2026.aiqt, 4, 0)])),
    },
  ],
  invalid: [
    {
      name: "a stray minus on a head-count and on a price",
      workbook: workbook(costSheet(2026, [set(set(cost2026.cds, 2, -2384), 8, -2)])),
      findings: [
        { messageId: "negative", cells: ["C5"], actual: -2384, message: "số âm -2.384" },
        { messageId: "negative", cells: ["I5"], actual: -2, message: "số âm -2" },
      ],
    },
    {
      name: "a negative registration count",
      rulebook: "hai-phong-2024",
      workbook: workbook(
        districtTable2024([
          [1, "An Lão", -11],
          ["Tổng số:", null, -11],
        ]),
      ),
      findings: [
        { messageId: "negative", cells: ["C5"] },
        { messageId: "negative", cells: ["C6"] },
      ],
    },
  ],
});
