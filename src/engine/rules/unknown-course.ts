import { recognitionContext } from "../recognize/recognize";
import type { Rule } from "./api";
import { lineRows, rowLabel, tablesOf } from "./util";
import { courseById, offeringFor } from "../plan/lookup";

/** A course the rulebook does not know is reported, not silently accepted. */
export const unknownCourse: Rule = {
  meta: {
    id: "unknown-course",
    title: { vi: "Nội dung không có trong sổ quy tắc", en: "Course not in the rulebook" },
    rationale: {
      vi: "Mỗi dòng phải là một nội dung của kế hoạch. Dòng không khớp nội dung nào (hoặc không có trong kế hoạch của năm đó) thì không kiểm tra được đơn giá, định mức và cấp học, nên phải được xem lại.",
      en: "Every line must be a course of the plan. A line that matches none (or is not planned in that year) cannot be checked for price, quota and levels, so it must be reviewed.",
    },
    defaultSeverity: "warning",
    messages: {
      unknown: {
        vi: 'Không nhận ra nội dung "{label}" trong sổ quy tắc.{suggest}',
        en: '"{label}" is not a course of the rulebook.{suggest}',
      },
      notPlanned: {
        vi: '"{label}" không có trong kế hoạch năm {year} (sổ quy tắc có nội dung này vào năm {years}).',
        en: '"{label}" is not planned for {year} (the rulebook has it in {years}).',
      },
    },
  },
  check(ctx) {
    const matcher = recognitionContext(ctx.rulebook).courses;
    for (const table of tablesOf(ctx, "cost", "task")) {
      for (const row of lineRows(table)) {
        if (!row.label) continue;
        const course = courseById(ctx.rulebook, row.course?.courseId);
        if (!course) {
          const near = matcher.suggest(row.label.text, 2, 0.35);
          const suggest = near.length
            ? ctx.text(TEXT.closest, {
                names: near.map((s) => `"${ctx.courseName(s.key)}"`).join(ctx.text(TEXT.or)),
              })
            : "";
          ctx.report({
            table,
            messageId: "unknown",
            data: { label: rowLabel(row), suggest },
            cells: [row.label.cell],
            expected: null,
            actual: row.label.text,
            subject: { detail: row.label.text },
          });
          continue;
        }
        if (table.year !== undefined && course.offerings.length > 0 && !offeringFor(course, table.year)) {
          ctx.report({
            table,
            messageId: "notPlanned",
            data: {
              label: rowLabel(row),
              year: table.year,
              years: course.offerings.map((o) => o.year).join(", "),
            },
            cells: [row.label.cell],
            expected: null,
            actual: row.label.text,
            subject: { course: course.id },
          });
        }
      }
    }
  },
};

/** The pieces of the suggestion after an unknown course, in both languages. */
const TEXT = {
  closest: { vi: " Gần nhất: {names}", en: " Closest: {names}" },
  or: { vi: " hoặc ", en: " or " },
};
