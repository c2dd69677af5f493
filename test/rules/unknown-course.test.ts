/** unknown-course: a line the rulebook does not know, or plans in another year. */
import { unknownCourse } from "../../src/engine/rules/unknown-course";
import { cost2026 } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { costSheet, workbook, type Row } from "../helpers/sheets";

const set = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });

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
      findings: [
        {
          messageId: "unknown",
          cells: ["B5"],
          actual: "Bồi dưỡng kỹ năng bơi lội cho giáo viên",
          subject: { detail: "Bồi dưỡng kỹ năng bơi lội cho giáo viên" },
        },
      ],
    },
    {
      name: "a course planned in another year",
      workbook: workbook(costSheet(2028, [set(cost2026.cds, 0, "1")])),
      findings: [
        {
          messageId: "notPlanned",
          cells: ["B5"],
          message: ["2028", "2026"],
          subject: { course: "chuyen-doi-so-ai" },
        },
      ],
    },
  ],
});
