import { toA1 } from "../a1";
import type { Rule } from "./api";
import { hasCounts, rowLabel, tablesOf } from "./util";

const taskRequired = [
  ["form", { vi: "Hình thức thực hiện", en: "delivery form" }],
  ["lead", { vi: "Đơn vị chủ trì", en: "lead unit" }],
] as const;

/** Content, delivery form and lead unit are not blank. */
export const requiredCells: Rule = {
  meta: {
    id: "required-cells",
    title: { vi: "Ô bắt buộc không được trống", en: "Required cells" },
    rationale: {
      vi: "Mỗi dòng phải có nội dung; ở phụ lục nhiệm vụ phải có hình thức thực hiện và đơn vị chủ trì, để biết ai chịu trách nhiệm và tổ chức thế nào.",
      en: "Every line has a content; task appendices also state the delivery form and the lead unit, so that it is clear who is responsible and how.",
    },
    defaultSeverity: "warning",
    messages: {
      content: {
        vi: "Dòng {row} có số liệu nhưng chưa ghi nội dung.",
        en: "Row {row} has figures but no content.",
      },
      blank: {
        vi: '"{label}" chưa ghi {what}.',
        en: '"{label}" has no {what}.',
      },
    },
  },
  check(ctx) {
    for (const table of tablesOf(ctx, "cost", "task", "assignment")) {
      const contentCol = table.columns.content;
      for (const row of table.rows) {
        if (row.kind !== "item") continue;
        if (!row.label && contentCol !== undefined && (hasCounts(row) || row.amount)) {
          ctx.report({
            table,
            messageId: "content",
            data: { row: row.r + 1 },
            cells: [toA1(row.r, contentCol)],
            severity: "error",
            subject: { detail: `content:${row.tt?.text ?? ""}` },
          });
          continue;
        }
        if (table.kind === "cost") continue;
        // Task lines state how and who; a line of duties (phân công) states who leads.
        for (const [role, what] of table.kind === "task" ? taskRequired : taskRequired.slice(1)) {
          const col = table.columns[role];
          if (col === undefined || row[role]) continue;
          ctx.report({
            table,
            messageId: "blank",
            data: { label: rowLabel(row), what: what[ctx.locale] },
            cells: [toA1(row.r, col)],
            subject: { course: row.course?.courseId, detail: role },
          });
        }
      }
    }
  },
};
