import { toA1 } from "../a1";
import type { Rule } from "./api";
import { fold } from "../text/normalize";
import { tablesOf } from "./util";

/** Rows are numbered 1, 2, 3… (sub-rows "- …" are not numbered). */
export const numbering: Rule = {
  meta: {
    id: "numbering",
    title: { vi: "Số thứ tự", en: "Row numbering" },
    rationale: {
      vi: 'Các dòng nội dung được đánh số 1, 2, 3… liên tục (dòng con "- …" không đánh số; đánh lại từ 1 sau mỗi mục I, II…). Số thứ tự sai làm người đọc và văn bản dẫn chiếu nhầm dòng.',
      en: 'Lines are numbered 1, 2, 3… without gaps ("- …" sub-lines are not numbered; numbering restarts under each section I, II…). Wrong numbers make readers and cross-references point at the wrong line.',
    },
    defaultSeverity: "warning",
    messages: {
      wrong: {
        vi: 'Số thứ tự "{actual}" không đúng: dòng này phải là {expected}.',
        en: 'Row number "{actual}" is wrong: this line should be {expected}.',
      },
      missing: {
        vi: 'Dòng "{label}" chưa có số thứ tự (phải là {expected}).',
        en: '"{label}" has no row number (it should be {expected}).',
      },
    },
  },
  check(ctx) {
    for (const table of tablesOf(ctx, "cost", "task", "registration", "summary")) {
      if (table.columns.tt === undefined) continue;
      const items = table.rows.filter((r) => r.kind === "item");
      // Keep the table's own style: "1." when most of its numbers carry a dot.
      const dotted = items.filter((r) => /^\d+\s*\.$/.test(r.tt?.text ?? "")).length * 2 > items.length;
      let expected = 0;
      for (const row of table.rows) {
        if (row.kind === "section") {
          expected = 0;
          continue;
        }
        if (row.kind !== "item") continue;
        expected++;
        const text = row.tt?.text ?? "";
        const m = /^(\d+)\s*[.)]?$/.exec(text);
        if (m && Number(m[1]) === expected) continue;
        const value = dotted ? `${expected}.` : expected;
        const cell = row.tt?.cell ?? toA1(row.r, table.columns.tt);
        ctx.report({
          table,
          messageId: text ? "wrong" : "missing",
          data: { actual: text, expected, label: row.label?.text ?? "" },
          cells: [cell],
          expected,
          actual: text || null,
          fix: { cell, value },
          // By what the line is, not where: the acceptance survives inserted rows.
          subject: row.course ? { course: row.course.courseId } : { detail: fold(row.label?.text ?? text) },
        });
      }
    }
  },
};
