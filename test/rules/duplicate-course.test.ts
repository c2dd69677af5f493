/** duplicate-course: a course listed twice in a year. */
import { duplicateCourse } from "../../src/engine/rules/duplicate-course";
import { cost2026 } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { costSheet, taskSheet, workbook, type Row } from "../helpers/sheets";

const set = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });

ruleTester(duplicateCourse, {
  valid: [
    { name: "each course once", workbook: workbook(costSheet(2026, [cost2026.cds, cost2026.aiqt])) },
    {
      name: "a content the rulebook does not know, typed twice, is unknown-course's finding",
      workbook: workbook(
        costSheet(2026, [
          ["1", "Tổ chức hội thảo chuyên đề", 10, null, null, null, null, null, 2, 20],
          ["2", "Tổ chức hội thảo chuyên đề", 10, null, null, null, null, null, 2, 20],
        ]),
      ),
    },
    {
      name: "the same course once in the task appendix and once in the cost appendix",
      workbook: workbook(
        taskSheet(2026, [["1", "Tích hợp AI trong quản trị nhà trường", 596, 437, 426, 129, 13, 50]]),
        costSheet(2026, [cost2026.aiqt]),
      ),
    },
  ],
  invalid: [
    {
      name: "the same course twice in the task appendix",
      workbook: workbook(
        taskSheet(2026, [
          ["1", "Tích hợp AI trong quản trị nhà trường", 596, 437, 426, 129, 13, 50],
          ["2", "Thiết kế và triển khai giáo dục STEM/STEAM", 596, 437, 426, 129, 13, 50],
          ["3", "Tích hợp AI trong quản trị nhà trường", 596, 437, 426, 129, 13, 50],
        ]),
      ),
      findings: [
        {
          messageId: "duplicate",
          sheet: "NV 2026",
          cells: ["B8"],
          actual: "Tích hợp AI trong quản trị nhà trường",
          message: "đã có ở dòng 6; một nội dung không được ghi hai lần trong năm 2026.",
        },
      ],
    },
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
      findings: [
        { messageId: "duplicate", cells: ["B6"], message: "dòng 5", subject: { course: "chuyen-doi-so-ai" } },
      ],
    },
  ],
});
