import type { Rule } from "./api";
import { lineRows, rowLabel, tablesOf } from "./util";

export const duplicateCourse: Rule = {
  meta: {
    id: "duplicate-course",
    title: { vi: "Nội dung lặp trong một năm", en: "Course listed twice in a year" },
    rationale: {
      vi: "Một nội dung chỉ được liệt kê một lần trong phụ lục của một năm; ghi hai lần là tính tiền hai lần.",
      en: "A course is listed once in a year's appendix; listing it twice pays for it twice.",
    },
    defaultSeverity: "error",
    messages: {
      duplicate: {
        vi: '"{label}" đã có ở dòng {firstRow}; một nội dung không được ghi hai lần trong năm {year}.',
        en: '"{label}" is already on row {firstRow}; a course is listed once in {year}.',
      },
    },
  },
  check(ctx) {
    for (const table of tablesOf(ctx, "cost", "task")) {
      const seen = new Map<string, number>();
      for (const row of lineRows(table)) {
        const id = row.course?.courseId;
        if (!id) continue;
        const first = seen.get(id);
        if (first === undefined) {
          seen.set(id, row.r);
          continue;
        }
        ctx.report({
          table,
          messageId: "duplicate",
          data: { label: rowLabel(row), firstRow: first + 1, year: table.year ?? "" },
          cells: [row.label?.cell ?? row.tt?.cell ?? ""].filter(Boolean),
          expected: null,
          actual: row.label?.text ?? null,
          subject: { course: id },
        });
      }
    }
  },
};
