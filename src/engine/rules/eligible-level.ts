import { own } from "../recognize/model";
import type { Rule } from "./api";
import { lineRows, rowCourse, rowLabel, tablesOf } from "./util";

/** Degree upgrades only where the law requires them; career guidance from THCS up. */
export const eligibleLevel: Rule = {
  meta: {
    id: "eligible-level",
    title: { vi: "Cấp học được tham gia", en: "Eligible school levels" },
    rationale: {
      vi: "Mỗi nội dung chỉ dành cho một số cấp học: đào tạo nâng chuẩn chỉ có ở MN (lên CĐ; MN công lập có thể lên ĐH), TH và THCS (lên ĐH) theo Luật Giáo dục 2019 và Nghị định 71/2020; THPT, GDTX, GDNN không có dòng nâng chuẩn; bồi dưỡng hướng nghiệp dành cho THCS trở lên. Ghi số 0 ở cấp không được tham gia là hợp lệ.",
      en: "Each course is open to some levels only: degree upgrades exist for MN (to CĐ; public MN may go to ĐH), TH and THCS (to ĐH) under the 2019 Education Law and Decree 71/2020; THPT, GDTX and GDNN have no upgrade lines; career guidance is for THCS and above. An explicit 0 in an ineligible level is fine.",
    },
    defaultSeverity: "error",
    messages: {
      ineligible: {
        vi: '"{label}" không dành cho cấp {level} (chỉ dành cho {allowed}), nhưng có {actual} người.',
        en: '"{label}" is not for {level} (only {allowed}), yet it has {actual}.',
      },
      listed: {
        vi: '"{label}" không dành cho cấp {level} (chỉ dành cho {allowed}), nhưng cột Cấp học ghi "{levels}".',
        en: '"{label}" is not for {level} (only {allowed}), yet its Cấp học cell says "{levels}".',
      },
    },
  },
  check(ctx) {
    for (const table of tablesOf(ctx, "cost", "task")) {
      for (const row of lineRows(table)) {
        const course = rowCourse(ctx, row);
        if (!course) continue;
        // Levels named in a "Cấp học" cell (seed 000): one finding per level not eligible.
        for (const level of row.levels?.ids ?? []) {
          if (course.levels.includes(level) || own(row.counts, level)) continue;
          const cell = row.levels?.cell as { text: string; cell: string };
          ctx.report({
            table,
            messageId: "listed",
            data: {
              label: rowLabel(row),
              level: ctx.levelName(level),
              allowed: course.levels.join(", "),
              levels: cell.text,
            },
            cells: [cell.cell],
            expected: null,
            actual: cell.text,
            subject: { course: course.id, level, detail: "listed" },
          });
        }
        for (const level in row.counts) {
          const c = row.counts[level];
          if (course.levels.includes(level) || c.value === 0) continue;
          ctx.report({
            table,
            messageId: "ineligible",
            data: {
              label: rowLabel(row),
              level: ctx.levelName(level),
              allowed: course.levels.join(", "),
              actual: ctx.num(c.value),
            },
            cells: [c.cell],
            expected: 0,
            actual: c.value,
            subject: { course: course.id, level },
          });
        }
      }
    }
  },
};
