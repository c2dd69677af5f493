/** required-cells: content, delivery form and lead unit are not blank. */
import { requiredCells } from "../../src/engine/rules/required-cells";
import { cost2026, CDDH, taskLine2026 } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { costSheet, dutiesSheet2022, taskSheet, workbook, type Row } from "../helpers/sheets";

const set = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });
const FORM = "Trực tiếp/trực tiếp kết hợp trực tuyến";
ruleTester(requiredCells, {
  valid: [
    {
      name: "task lines with form and lead",
      workbook: workbook(
        taskSheet(2026, [
          taskLine2026("1", "Tích hợp AI trong quản trị nhà trường", FORM, "Sở GDĐT", "Sở Tài chính"),
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
    {
      name: "a line of duties with its lead unit (it has no delivery form to state)",
      rulebook: "hai-phong-2022",
      workbook: workbook(
        dutiesSheet2022([
          [
            1,
            "Lập danh sách các lớp đào tạo nâng chuẩn",
            "Tháng 01/2022",
            "GDMN, GDTH",
            "P.KH-TC",
            null,
            null,
          ],
        ]),
      ),
    },
  ],
  invalid: [
    {
      name: "a line of duties without its lead unit",
      rulebook: "hai-phong-2022",
      workbook: workbook(
        dutiesSheet2022([
          [1, "Lập danh sách các lớp đào tạo nâng chuẩn", "Tháng 01/2022", null, "P.KH-TC", null, null],
        ]),
      ),
      findings: [
        {
          messageId: "blank",
          sheet: "PL I",
          cells: ["D5"],
          message: '"Lập danh sách các lớp đào tạo nâng chuẩn" chưa ghi Đơn vị chủ trì.',
          subject: { detail: "lead" },
        },
      ],
    },
    {
      name: "a task line with head-counts but no content: the content only (form and lead wait for it)",
      workbook: workbook(taskSheet(2026, [taskLine2026("1", null)])),
      findings: [
        {
          messageId: "content",
          sheet: "NV 2026",
          cells: ["B6"],
          severity: "error",
          message: "Dòng 6 có số liệu",
        },
      ],
    },
    {
      name: "a cost line with only an amount and no content",
      workbook: workbook(costSheet(2026, [["3", null, null, null, null, null, null, null, null, 250]])),
      findings: [
        { messageId: "content", cells: ["B5"], severity: "error", subject: { detail: "content:3" } },
      ],
    },
    {
      name: "in English",
      locale: "en",
      workbook: workbook(costSheet(2026, [set(cost2026.cds, 1, null)])),
      findings: [{ messageId: "content", severity: "error", message: "Row 5 has figures but no content." }],
    },
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
