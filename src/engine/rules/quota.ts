import { toA1 } from "../a1";
import type { TableRow } from "../recognize/model";
import { parseQuotaNote } from "../notes/parse";
import { expectedCount } from "../plan/expect";
import type { Rule } from "./api";
import { lineRows, rowCourse, rowLabel, tablesOf } from "./util";
import { offeringFor } from "../plan/lookup";

/**
 * "4 GV/trường", "Hiệu trưởng", "CBQL": head-count = quota × number of schools of that level.
 * Levels without a school count (GDNN) and fixed cohorts use the rulebook's counts.
 */
export const quota: Rule = {
  meta: {
    id: "quota",
    title: { vi: "Định mức người/trường", en: "Quota per school" },
    rationale: {
      vi: 'Số người của mỗi cấp học bằng định mức mỗi trường (ghi chú "4 GV/trường", "Hiệu trưởng"…) nhân số trường của cấp học đó theo kế hoạch (MN 596, TH 437, THCS 426, THPT 129, GDTX 13 trường). Cấp GDNN và các khóa đào tạo có số người cố định trong sổ quy tắc.',
      en: 'Each level\'s head-count is the quota per school (notes such as "4 GV/trường", "Hiệu trưởng") times the plan\'s number of schools of that level. GDNN and degree programmes have fixed counts in the rulebook.',
    },
    defaultSeverity: "error",
    messages: {
      perSchool: {
        vi: '"{label}" năm {year}: {level} có {actual} người, định mức {quota} người/trường × {schools} trường = {expected}.',
        en: '"{label}" in {year}: {level} has {actual}, quota {quota} per school × {schools} schools = {expected}.',
      },
      fixed: {
        vi: '"{label}" năm {year}: {level} có {actual} người, kế hoạch dự kiến {expected}.',
        en: '"{label}" in {year}: {level} has {actual}, the plan expects {expected}.',
      },
      note: {
        vi: 'Ghi chú "{note}" nêu {noted} người/trường, sổ quy tắc quy định {quota} người/trường cho "{label}" năm {year}.',
        en: 'The note "{note}" says {noted} per school; the rulebook sets {quota} per school for "{label}" in {year}.',
      },
    },
  },
  check(ctx) {
    // The task appendix of each year, by course: a cost appendix's head-count that repeats the
    // task appendix's follows from it (one mistake, copied), so the overrun is counted once.
    const taskRows = new Map<number, { sheet: string; rows: Map<string, TableRow> }>();
    for (const t of tablesOf(ctx, "task")) {
      if (t.year === undefined || taskRows.has(t.year)) continue;
      const rows = new Map<string, TableRow>();
      for (const r of lineRows(t))
        if (r.course && !rows.has(r.course.courseId)) rows.set(r.course.courseId, r);
      taskRows.set(t.year, { sheet: t.sheet, rows });
    }
    for (const table of tablesOf(ctx, "cost", "task")) {
      for (const row of lineRows(table)) {
        const course = rowCourse(ctx, row);
        const offering = offeringFor(course, table.year);
        if (!course || !offering) continue;
        const base = { label: rowLabel(row), year: table.year ?? "" };
        for (const level of ctx.rulebook.levels) {
          if (!course.levels.includes(level.id)) continue; // eligible-level's business
          const col = table.columns.levels[level.id];
          if (col === undefined) continue;
          const actualCell = row.counts[level.id];
          const actual = actualCell?.value ?? 0;
          const cell = actualCell?.cell ?? toA1(row.r, col);
          const expected = expectedCount(offering, level);
          if (expected === undefined || expected === actual) continue;
          // Without a fixed count, the expectation came from the quota per school.
          const perSchool = offering.counts[level.id] === undefined;
          const task =
            table.kind === "cost" && table.year !== undefined ? taskRows.get(table.year) : undefined;
          const copied = task?.rows.get(course.id)?.counts[level.id];
          ctx.report({
            table,
            messageId: perSchool ? "perSchool" : "fixed",
            data: {
              ...base,
              ...(perSchool
                ? { quota: offering.quotaPerSchool ?? "", schools: ctx.num(level.schools ?? 0) }
                : {}),
              level: ctx.levelName(level.id),
              actual: actualCell ? ctx.num(actual) : ctx.blank,
              expected: ctx.num(expected),
            },
            cells: [cell],
            expected,
            actual: actualCell ? actual : null,
            ...(actualCell?.formula ? {} : { fix: { cell, value: expected } }),
            subject: { course: course.id, level: level.id },
            ...(task && copied && copied.value === actual
              ? { dependsOn: [{ sheet: task.sheet, cell: copied.cell }] }
              : {}),
          });
        }
        if (row.note && offering.quotaPerSchool !== undefined) {
          const noted = parseQuotaNote(row.note.text);
          if (noted !== undefined && noted !== offering.quotaPerSchool) {
            ctx.report({
              table,
              messageId: "note",
              data: { ...base, note: row.note.text, noted, quota: offering.quotaPerSchool },
              cells: [row.note.cell],
              expected: offering.quotaPerSchool,
              actual: noted,
              severity: "warning",
              subject: { course: course.id, detail: "note" },
            });
          }
        }
      }
    }
  },
};
