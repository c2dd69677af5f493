/** duplicate-course: a course listed twice in a year. */
import { duplicateCourse } from "../../src/engine/rules/duplicate-course";
import { cost2026 } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { costSheet, workbook, type Row } from "../helpers/sheets";

const set = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });

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
      findings: [
        { messageId: "duplicate", cells: ["B6"], message: "dòng 5", subject: { course: "chuyen-doi-so-ai" } },
      ],
    },
  ],
});
