import { own } from "../recognize/model";
import type { RecognizedTable, TableRow } from "../recognize/model";
import type { Rule } from "./api";
import { toA1 } from "../a1";
import { hasCounts, lineRows, rowLabel, tablesOf, totalRows } from "./util";

function byCourse(table: RecognizedTable): Map<string, TableRow> {
  const m = new Map<string, TableRow>();
  for (const row of lineRows(table)) {
    const id = row.course?.courseId;
    if (id && !m.has(id)) m.set(id, row);
  }
  return m;
}

/** The numbered line a "- …" line (one of the table's rows) sits under. */
function groupHeading(table: RecognizedTable, row: TableRow): TableRow | undefined {
  let heading: TableRow | undefined;
  for (const r of table.rows) {
    if (r === row) break;
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
        vi: '"{label}" năm {year}: {level} ở phụ lục nhiệm vụ ({taskSheet}!{taskCell}) là {task}, ở phụ lục kinh phí ({costSheet}!{costCell}) là {cost}. Hai bảng phải khớp nhau; xem lại cả hai ô.',
        en: '"{label}" in {year}: {level} is {task} in the task appendix ({taskSheet}!{taskCell}) but {cost} in the cost appendix ({costSheet}!{costCell}). The two must agree; check both cells.',
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
              actual: trow.label?.text ?? null,
              subject: { course: id },
            });
          }
          continue;
        }
        // The task's figure in `cell` differs from the cost's in `costCell` (shown as `taskText`, `costText`).
        const reportCount = (
          level: string,
          taskText: string,
          costText: string,
          cell: string,
          costCell: string,
          actual: number | null,
          subject: { course: string; level?: string; detail?: string },
        ) =>
          ctx.report({
            table: task,
            messageId: "count",
            data: {
              ...base,
              label: rowLabel(trow),
              level,
              task: taskText,
              cost: costText,
              taskSheet: task.sheet,
              taskCell: cell,
              costCell,
            },
            cells: [cell],
            expected: null,
            actual,
            subject,
            dependsOn: [
              { sheet: task.sheet, cell },
              { sheet: cost.sheet, cell: costCell },
            ],
          });
        const levels = new Set([...Object.keys(trow.counts), ...Object.keys(crow.counts)]);
        // Head-counts given only as totals over several levels (seed 000's "448"): compare those.
        if (levels.size === 0 && trow.quantity && crow.quantity) {
          const a = trow.quantity.total.value;
          const e = crow.quantity.total.value;
          const cell = trow.quantity.total.cell;
          const costCell = crow.quantity.total.cell;
          if (a !== e)
            reportCount(
              ctx.text({ vi: "tổng số", en: "the total" }),
              ctx.num(a),
              ctx.num(e),
              cell,
              costCell,
              a,
              {
                course: id,
                detail: "total",
              },
            );
          continue;
        }
        for (const level of levels) {
          const a = own(trow.counts, level)?.value ?? 0;
          const e = own(crow.counts, level)?.value ?? 0;
          if (a === e) continue;
          const taskCol = own(task.columns.levels, level);
          const costCol = own(cost.columns.levels, level);
          const cell =
            own(trow.counts, level)?.cell ??
            (taskCol !== undefined ? toA1(trow.r, taskCol) : (trow.label?.cell ?? ""));
          const costCell =
            own(crow.counts, level)?.cell ??
            (costCol !== undefined ? toA1(crow.r, costCol) : (crow.label?.cell ?? ""));
          // Two tables disagree and nothing here decides which is right (the quota rule does, where
          // the rulebook sets the count): both figures, no expected value, no fix. A finding on
          // either cell (a quota overrun) explains the difference: this one then follows from it.
          reportCount(
            ctx.levelName(level),
            own(trow.counts, level) ? ctx.num(a) : ctx.blank,
            own(crow.counts, level) ? ctx.num(e) : ctx.blank,
            cell,
            costCell,
            own(trow.counts, level)?.value ?? null,
            { course: id, level },
          );
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
        const at =
          (parent !== undefined ? t.get(parent)?.label : undefined) ??
          total?.label ??
          (header !== undefined && task.columns.content !== undefined
            ? { cell: toA1(header, task.columns.content), text: undefined }
            : undefined);
        // The line is missing from one table; which table is right is not decided here.
        ctx.report({
          table: task,
          messageId: "missingInTask",
          data: { ...base, label: rowLabel(crow), costCell: crow.label?.cell ?? "" },
          cells: at ? [at.cell] : [],
          expected: null,
          actual: at?.text ?? null,
          subject: { course: id, detail: "missing-in-task" },
        });
      }
    }
  },
};
