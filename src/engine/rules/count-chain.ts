import { toA1 } from "../a1";
import { fold } from "../text/normalize";
import type { Rule } from "./api";
import { personLists } from "./people-util";
import { tablesOf, totalRows } from "./util";
import { courseById, plannedCount } from "../plan/lookup";

/**
 * The chain of counts: people listed per programme and district = the district (commune) table;
 * the district table's total = the plan's head-count for that programme and year.
 */
export const countChain: Rule = {
  meta: {
    id: "count-chain",
    title: { vi: "Danh sách → bảng quận/huyện → kế hoạch", en: "List → district table → plan" },
    rationale: {
      vi: "Số người trong danh sách của từng quận/huyện (xã/phường) phải bằng số ghi trong bảng đăng ký theo địa bàn, và tổng của bảng phải bằng số người kế hoạch dự kiến cho chương trình đó trong năm.",
      en: "People listed per district (commune) must equal the registration table by area, and the table's total must equal the plan's head-count for that programme and year.",
    },
    defaultSeverity: "error",
    messages: {
      area: {
        vi: '{area}: danh sách có {listed} người "{programme}"{level}, bảng đăng ký ghi {value} (chênh {diff}).',
        en: '{area}: the list has {listed} for "{programme}"{level}; the registration table says {value} (off by {diff}).',
      },
      missingRow: {
        vi: '{area}: danh sách có {listed} người "{programme}", nhưng bảng đăng ký ({sheet}) không có dòng này.',
        en: '{area}: the list has {listed} for "{programme}", but the registration table ({sheet}) has no such row.',
      },
      plan: {
        vi: 'Tổng đăng ký "{programme}"{level} là {actual}, kế hoạch năm {year} dự kiến {expected} (chênh {diff}).',
        en: 'The registrations for "{programme}"{level} add up to {actual}; the {year} plan expects {expected} (off by {diff}).',
      },
    },
  },
  check(ctx) {
    // People per course, level and area (folded), over every person list.
    const listed = new Map<string, number>();
    const areasOf = new Map<string, Map<string, string>>(); // course|level → folded area → area as typed
    const courses = new Set<string>();
    for (const table of personLists(ctx)) {
      for (const p of table.people) {
        if (!p.programme || !p.cells.area) continue;
        courses.add(p.programme);
        const area = fold(p.cells.area.text);
        for (const level of [p.level ?? "", ""]) {
          const k = `${p.programme}|${level}|${area}`;
          listed.set(k, (listed.get(k) ?? 0) + 1);
          let m = areasOf.get(`${p.programme}|${level}`);
          if (!m) areasOf.set(`${p.programme}|${level}`, (m = new Map<string, string>()));
          m.set(area, p.cells.area.text);
        }
      }
    }
    for (const table of tablesOf(ctx, "registration")) {
      for (const v of table.valueColumns) {
        if (!v.courseId) continue;
        const course = courseById(ctx.rulebook, v.courseId);
        // Stryker disable next-line OptionalChaining: v.courseId is the key of a course the matcher found in this rulebook
        const programme = course?.name ?? v.header;
        const levelText = v.level ? ` (${ctx.levelName(v.level)})` : "";
        // 1. List → table, only when some list registers people for this programme.
        if (courses.has(v.courseId)) {
          const key = `${v.courseId}|${v.level ?? ""}`;
          const seenAreas = new Set<string>();
          for (const row of table.rows) {
            if (row.kind !== "item" || !row.label) continue;
            const area = fold(row.label.text);
            seenAreas.add(area);
            const n = listed.get(`${key}|${area}`) ?? 0;
            const value = row.values[v.key]?.value ?? 0;
            if (n === value) continue;
            ctx.report({
              table,
              messageId: "area",
              data: {
                area: row.label.text,
                listed: n,
                programme,
                level: levelText,
                value,
                diff: ctx.num(value - n),
              },
              cells: [row.values[v.key]?.cell ?? toA1(row.r, v.col)],
              expected: n,
              actual: row.values[v.key]?.value ?? null,
              subject: { course: v.courseId, level: v.level, detail: `area|${area}` },
            });
          }
          // A district the table lacks has no cell of its own: said on the column's total, else its header.
          const totalRow = totalRows(table).at(-1);
          const columnCell =
            totalRow?.values[v.key]?.cell ??
            totalRow?.label?.cell ??
            toA1(table.headerRows.at(-1) ?? 0, v.col);
          for (const [area, typed] of areasOf.get(key) ?? []) {
            if (seenAreas.has(area)) continue;
            ctx.report({
              table,
              messageId: "missingRow",
              data: { area: typed, listed: listed.get(`${key}|${area}`) ?? 0, programme, sheet: table.sheet },
              cells: [columnCell],
              expected: null,
              actual: typed,
              subject: { course: v.courseId, level: v.level, detail: `missing|${area}` },
            });
          }
        }
        // 2. Table total → plan head-count.
        const expected = plannedCount(ctx.rulebook, v.courseId, v.level, table.year);
        const total = totalRows(table).at(-1)?.values[v.key];
        if (expected === undefined || !total || total.value === expected) continue;
        ctx.report({
          table,
          messageId: "plan",
          data: {
            programme,
            level: levelText,
            actual: ctx.num(total.value),
            expected: ctx.num(expected),
            // Stryker disable next-line StringLiteral: the plan's count was found for the table's year, so it has one
            year: table.year ?? "",
            diff: ctx.num(total.value - expected),
          },
          cells: [total.cell],
          expected,
          actual: total.value,
          subject: { course: v.courseId, level: v.level, detail: "plan-count" },
        });
      }
    }
  },
};
