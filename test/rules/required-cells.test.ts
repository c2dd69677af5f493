/** required-cells: content, delivery form and lead unit are not blank. */
import { requiredCells } from "../../src/engine/rules/required-cells";
import { cost2026, CDDH } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { costSheet, taskSheet, workbook, type Row } from "../helpers/sheets";

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
        {
          messageId: "blank",
          cells: ["I6"],
          message: "Hình thức thực hiện",
          subject: { course: "cd-dh", detail: "form" },
        },
        {
          messageId: "blank",
          cells: ["J6"],
          message: "Đơn vị chủ trì",
          subject: { course: "cd-dh", detail: "lead" },
        },
      ],
    },
    {
      name: "figures without content",
      workbook: workbook(costSheet(2026, [set(cost2026.cds, 1, null)])),
      findings: [
        { messageId: "content", cells: ["B5"], severity: "error", subject: { detail: "content:1" } },
      ],
    },
  ],
});
