/** unknown-course: a line the rulebook does not know, or plans in another year. */
import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { unknownCourse } from "../../src/engine/rules/unknown-course";
import { cost2026, HN, taskLine2026 } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { costSheet, taskSheet, workbook, type Row } from "../helpers/sheets";

const set = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });
/** A cost line of 10 preschool teachers at 2 a head for the given content. */
const line = (content: string | null, tt = "1"): Row => [
  tt,
  content,
  10,
  null,
  null,
  null,
  null,
  null,
  2,
  20,
];

/** A 2026 cost appendix whose title names no year (sheet "KP"): the year is not known. */
const withoutYear = (rows: Row[]) => {
  const sheet = costSheet(2026, rows, { name: "KP" });
  sheet.values[1] = ["KINH PHÍ ĐÀO TẠO, BỒI DƯỠNG ĐỘI NGŨ"];
  return workbook(sheet);
};
const ASSESS = "Bồi dưỡng phương pháp đánh giá học sinh";

ruleTester(unknownCourse, {
  valid: [
    {
      name: "typos and extra words still match",
      workbook: workbook(costSheet(2026, [cost2026.cds, cost2026.aiqt, cost2026.stem])),
    },
    {
      name: "a numbered line with figures but no content is left to required-cells",
      workbook: workbook(costSheet(2026, [cost2026.cds, line(null, "2")])),
    },
    {
      name: "a table whose year is not known: a course of the plan is not called unplanned",
      workbook: withoutYear([line("Tích hợp AI trong quản trị nhà trường")]),
    },
    {
      name: "a course the user's rulebook lists without years is planned in every year",
      workbook: workbook(costSheet(2028, [line("Tích hợp AI trong quản trị nhà trường")])),
      rulebook: (rb) => ({
        ...rb,
        courses: rb.courses.map((c) => (c.id === "ai-quan-tri" ? { ...c, offerings: [] } : c)),
      }),
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
      name: "a line like no course of the plan: no suggestion",
      workbook: workbook(costSheet(2026, [line("Mua sắm máy chiếu")])),
      findings: [
        {
          messageId: "unknown",
          cells: ["B5"],
          actual: "Mua sắm máy chiếu",
          message: 'Không nhận ra nội dung "Mua sắm máy chiếu" trong sổ quy tắc.',
        },
      ],
    },
    {
      name: "an unknown course with the two nearest courses of the plan suggested",
      workbook: workbook(costSheet(2026, [line(ASSESS)])),
      findings: [
        {
          messageId: "unknown",
          cells: ["B5"],
          actual: ASSESS,
          message:
            'Không nhận ra nội dung "Bồi dưỡng phương pháp đánh giá học sinh" trong sổ quy tắc. Gần nhất: "Bồi dưỡng năng lực đánh giá học sinh theo định hướng phát triển năng lực và phẩm chất" hoặc "Phương pháp dạy học tích cực và cá nhân hóa học tập"',
        },
      ],
    },
    {
      name: "the suggestions in English",
      locale: "en",
      workbook: workbook(costSheet(2026, [line(ASSESS)])),
      findings: [
        {
          messageId: "unknown",
          cells: ["B5"],
          message:
            '"Bồi dưỡng phương pháp đánh giá học sinh" is not a course of the rulebook. Closest: "Bồi dưỡng năng lực đánh giá học sinh theo định hướng phát triển năng lực và phẩm chất" or "Phương pháp dạy học tích cực và cá nhân hóa học tập"',
        },
      ],
    },
    {
      name: "an unknown duty in the task appendix",
      workbook: workbook(
        taskSheet(2026, [
          taskLine2026("1", "Bồi dưỡng kỹ năng bơi lội cho giáo viên", "Trực tiếp", "Sở GDĐT"),
        ]),
      ),
      findings: [
        {
          messageId: "unknown",
          cells: ["B6"],
          actual: "Bồi dưỡng kỹ năng bơi lội cho giáo viên",
        },
      ],
    },
    {
      name: "a course planned in two other years names both",
      workbook: workbook(costSheet(2028, [line(HN)])),
      findings: [
        {
          messageId: "notPlanned",
          cells: ["B5"],
          message: "không có trong kế hoạch năm 2028 (sổ quy tắc có nội dung này vào năm 2027, 2030)",
          subject: { course: "huong-nghiep" },
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

it("says nothing after the sentence when no course of the plan is near (the tester checks substrings)", () => {
  const found = checkWorkbook(workbook(costSheet(2026, [line("Mua sắm máy chiếu")])), {
    rulebook: builtinRulebook(),
    rules: [unknownCourse],
  }).findings;
  expect(found.map((f) => f.message)).toEqual([
    'Không nhận ra nội dung "Mua sắm máy chiếu" trong sổ quy tắc.',
  ]);
});
