import { own } from "../recognize/model";
import { parseCreditNote } from "../notes/parse";
import type { RecognizedTable, TableRow } from "../recognize/model";
import type { Rule } from "./api";
import { lineRows, rowCourse, tablesOf } from "./util";

interface YearLine {
  table: RecognizedTable;
  row: TableRow;
  credits?: number;
  creditCell?: string;
}

/**
 * Degree upgrades are priced per credit; the credits taught in each year of the plan must add
 * up to the programme's total (TC→ĐH: 30 + 30 + 25 = 85), for the same cohort every year.
 */
export const credits: Rule = {
  meta: {
    id: "credits",
    title: { vi: "Số tín chỉ qua các năm", en: "Credits across the years" },
    rationale: {
      vi: "Một khóa đào tạo nâng chuẩn học đủ số tín chỉ của chương trình (ví dụ TC→ĐH 85 tín chỉ, CĐ→ĐH 60 tín chỉ) chia qua các năm, cho cùng một lớp học viên. Tổng tín chỉ các năm khác tổng của chương trình, hoặc sĩ số đổi giữa các năm, là dấu hiệu dự toán sai.",
      en: "A degree upgrade teaches its programme's credits (e.g. TC→ĐH 85, CĐ→ĐH 60) spread over the years, to the same cohort. Yearly credits that do not add up, or a cohort that changes size, mean the budget is wrong.",
    },
    defaultSeverity: "error",
    messages: {
      sum: {
        vi: '"{course}": số tín chỉ các năm {detail} cộng lại {actual}, chương trình có {expected} tín chỉ.',
        en: '"{course}": the yearly credits {detail} add up to {actual}; the programme has {expected} credits.',
      },
      cohort: {
        vi: '"{course}": sĩ số {level} năm {year} là {actual}, khác năm {firstYear} ({expected}); cùng một khóa học phải giữ nguyên sĩ số.',
        en: '"{course}": the {level} cohort in {year} is {actual}, unlike {firstYear} ({expected}); one programme keeps one cohort.',
      },
    },
  },
  check(ctx) {
    const byCourse = new Map<string, YearLine[]>();
    for (const table of tablesOf(ctx, "cost")) {
      for (const row of lineRows(table)) {
        const course = rowCourse(ctx, row);
        if (!course || course.pricing.type !== "per-credit") continue;
        const line: YearLine = { table, row };
        const fromNote = row.note ? parseCreditNote(row.note.text) : undefined;
        if (fromNote) {
          line.credits = fromNote.credits;
          line.creditCell = row.note?.cell;
        } else if (row.unitPrice) {
          const c = (row.unitPrice.value * table.scale) / course.pricing.pricePerCredit;
          if (Math.abs(c - Math.round(c)) < 1e-6) {
            line.credits = Math.round(c);
            line.creditCell = row.unitPrice.cell;
          }
        }
        const list = byCourse.get(course.id) ?? [];
        list.push(line);
        byCourse.set(course.id, list);
      }
    }
    for (const [courseId, lines] of byCourse) {
      const course = rowCourse(ctx, lines[0].row);
      if (!course || course.pricing.type !== "per-credit") continue;
      lines.sort((a, b) => (a.table.year ?? 0) - (b.table.year ?? 0));
      // Cohort: the same head-counts every year.
      const first = lines[0];
      for (const l of lines.slice(1)) {
        for (const [level, c] of Object.entries(l.row.counts)) {
          const f = own(first.row.counts, level);
          if (f && f.value !== c.value) {
            ctx.report({
              table: l.table,
              messageId: "cohort",
              data: {
                course: ctx.courseName(courseId),
                level: ctx.levelName(level),
                year: l.table.year ?? "",
                firstYear: first.table.year ?? "",
                actual: ctx.num(c.value),
                expected: ctx.num(f.value),
              },
              cells: [c.cell],
              expected: f.value,
              actual: c.value,
              severity: "warning",
              subject: { course: courseId, level, detail: "cohort" },
            });
          }
        }
      }
      // The sum can only be judged when every year the programme runs is in the workbook.
      const planYears = course.offerings.map((o) => o.year);
      const seen = new Set(lines.map((l) => l.table.year));
      if (!planYears.every((y) => seen.has(y)) || lines.some((l) => l.credits === undefined)) continue;
      const sum = lines.reduce((s, l) => s + (l.credits ?? 0), 0);
      if (sum === course.pricing.totalCredits) continue;
      const last = lines[lines.length - 1];
      // Which year's credits are off is not decided here: the finding names the last year's cell
      // with what it holds, the message gives every year.
      const shown =
        last.creditCell === undefined
          ? null
          : last.creditCell === last.row.note?.cell
            ? last.row.note.text
            : (last.row.unitPrice?.value ?? null);
      ctx.report({
        table: last.table,
        messageId: "sum",
        data: {
          course: ctx.courseName(courseId),
          detail: `(${lines.map((l) => `${l.table.year}: ${l.credits}`).join(", ")})`,
          actual: sum,
          expected: course.pricing.totalCredits,
        },
        cells: last.creditCell ? [last.creditCell] : [],
        expected: null,
        actual: shown,
        subject: { course: courseId, detail: "credits-sum" },
      });
    }
  },
};
