import { own } from "../recognize/model";
import type { RecognizedTable, TableRow } from "../recognize/model";
import type { Rule } from "./api";
import { toA1 } from "../a1";
import { hasCounts, levelName, lineRows, rowLabel, tablesOf, totalRows } from "./util";

function byCourse(table: RecognizedTable): Map<string, TableRow> {
  const m = new Map<string, TableRow>();
  for (const row of lineRows(table)) {
    const id = row.course?.courseId;
    if (id && !m.has(id)) m.set(id, row);
  }
  return m;
}

/** The numbered line a "- …" line sits under. */
function groupHeading(table: RecognizedTable, row: TableRow): TableRow | undefined {
  let heading: TableRow | undefined;
  for (const r of table.rows) {
    if (r.r >= row.r) break;
    if (r.kind === "item") heading = r;
    else if (r.kind !== "sub") heading = undefined;
  }
  return heading;
}

/** The task appendix and the cost appendix of a year list the same courses and head-counts. */
export const taskVsCost: Rule = {
  meta: {
    id: "task-vs-cost",
    title: { vi: "Phụ lục nhiệm vụ khớp phụ lục kinh phí", en: "Task appendix matches cost appendix" },
    rationale: {
      vi: "Phụ lục nhiệm vụ và phụ lục kinh phí của cùng một năm phải liệt kê cùng các nội dung với cùng số người từng cấp học; lệch nhau nghĩa là một trong hai bảng sai.",
      en: "The task appendix and the cost appendix of a year list the same courses with the same head-counts per level; a difference means one of them is wrong.",
    },
    defaultSeverity: "error",
    messages: {
      count: {
        vi: '"{label}" năm {year}: {level} ở phụ lục nhiệm vụ là {actual}, ở phụ lục kinh phí ({costSheet}!{costCell}) là {expected}.',
        en: '"{label}" in {year}: {level} is {actual} in the task appendix but {expected} in the cost appendix ({costSheet}!{costCell}).',
      },
      missingInTask: {
        vi: '"{label}" có trong phụ lục kinh phí năm {year} ({costSheet}!{costCell}) nhưng không có trong phụ lục nhiệm vụ.',
        en: '"{label}" is in the {year} cost appendix ({costSheet}!{costCell}) but not in the task appendix.',
      },
      missingInCost: {
        vi: '"{label}" có trong phụ lục nhiệm vụ năm {year} nhưng không có trong phụ lục kinh phí ({costSheet}).',
        en: '"{label}" is in the {year} task appendix but not in the cost appendix ({costSheet}).',
      },
    },
  },
  check(ctx) {
    const costs = tablesOf(ctx, "cost");
    for (const task of tablesOf(ctx, "task")) {
      if (task.year === undefined) continue;
      const cost = costs.find((c) => c.year === task.year);
      if (!cost) continue;
      const t = byCourse(task);
      const c = byCourse(cost);
      const base = { year: task.year, costSheet: cost.sheet };
      for (const [id, trow] of t) {
        const crow = c.get(id);
        if (!crow) {
          if (hasCounts(trow) && Object.values(trow.counts).some((n) => n.value !== 0)) {
            ctx.report({
              table: task,
              messageId: "missingInCost",
              data: { ...base, label: rowLabel(trow) },
              cells: [trow.label?.cell ?? ""],
              expected: null,
              actual: rowLabel(trow),
              subject: { course: id },
            });
          }
          continue;
        }
        const levels = new Set([...Object.keys(trow.counts), ...Object.keys(crow.counts)]);
        // Head-counts given only as totals over several levels (seed 000's "448"): compare those.
        if (levels.size === 0 && trow.quantity && crow.quantity) {
          const a = trow.quantity.total.value;
          const e = crow.quantity.total.value;
          if (a !== e)
            ctx.report({
              table: task,
              messageId: "count",
              data: {
                ...base,
                label: rowLabel(trow),
                level: ctx.locale === "vi" ? "tổng số" : "the total",
                actual: ctx.num(a),
                expected: ctx.num(e),
                costCell: crow.quantity.total.cell,
              },
              cells: [trow.quantity.total.cell],
              expected: e,
              actual: a,
              subject: { course: id, detail: "total" },
            });
          continue;
        }
        for (const level of levels) {
          const a = own(trow.counts, level)?.value ?? 0;
          const e = own(crow.counts, level)?.value ?? 0;
          if (a === e) continue;
          const cell = own(trow.counts, level)?.cell ?? trow.label?.cell ?? "";
          ctx.report({
            table: task,
            messageId: "count",
            data: {
              ...base,
              label: rowLabel(trow),
              level: levelName(ctx.rulebook, level),
              actual: ctx.num(a),
              expected: ctx.num(e),
              costCell: own(crow.counts, level)?.cell ?? crow.label?.cell ?? "",
            },
            cells: [cell],
            expected: e,
            actual: a,
            subject: { course: id, level },
          });
        }
      }
      for (const [id, crow] of c) {
        if (t.has(id) || !hasCounts(crow) || Object.values(crow.counts).every((n) => n.value === 0)) continue;
        // Report on the task sheet where the line is missing: the task row of its group heading
        // (a "- …" line's parent), else the task's total row, else the content column's header;
        // never on another course's line.
        const parent = crow.kind === "sub" ? groupHeading(cost, crow)?.course?.courseId : undefined;
        const total = totalRows(task).at(-1);
        const header = task.headerRows.at(-1);
        const anchor =
          (parent !== undefined ? t.get(parent)?.label?.cell : undefined) ??
          total?.label?.cell ??
          (header !== undefined && task.columns.content !== undefined
            ? toA1(header, task.columns.content)
            : undefined);
        ctx.report({
          table: task,
          messageId: "missingInTask",
          data: { ...base, label: rowLabel(crow), costCell: crow.label?.cell ?? "" },
          cells: anchor ? [anchor] : [],
          expected: rowLabel(crow),
          actual: null,
          subject: { course: id },
        });
      }
    }
  },
};
