import { toA1 } from "../a1";
import type { Rule } from "./api";
import { fold } from "../text/normalize";
import { tablesOf } from "./util";
import type { TableRow } from "../recognize/model";

/** The number a line's TT text holds ("3", "3.", "3)"), or undefined. */
function numberOf(text: string): number | undefined {
  const m = /^(\d+)\s*[.)]?$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * Rows are numbered 1, 2, 3… (sub-rows "- …" are not numbered). Under section headings (I, II…)
 * a table numbers either straight through (1…10 across its sections) or afresh in each section
 * (1, 2 | 1, 2, 3): both are accepted; the convention is the one the table's own numbers follow
 * best, and only breaks within it are reported.
 */
export const numbering: Rule = {
  meta: {
    id: "numbering",
    title: { vi: "Số thứ tự", en: "Row numbering" },
    rationale: {
      vi: 'Các dòng nội dung được đánh số 1, 2, 3… liên tục (dòng con "- …" không đánh số). Bảng có các mục I, II… có thể đánh số liên tục qua các mục hoặc đánh lại từ 1 trong mỗi mục; công cụ theo cách bảng đang dùng và chỉ báo chỗ đánh số sai trong cách đó. Số thứ tự sai làm người đọc và văn bản dẫn chiếu nhầm dòng.',
      en: 'Lines are numbered 1, 2, 3… without gaps ("- …" sub-lines are not numbered). Under sections I, II… a table may number straight through or restart at 1 in each section; the checker follows the table\'s own convention and reports breaks within it. Wrong numbers make readers and cross-references point at the wrong line.',
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
      missingUnnamed: {
        vi: "Dòng {row} (chỉ có số liệu, chưa ghi nội dung) chưa có số thứ tự (phải là {expected}).",
        en: "Row {row} (figures only, no content) has no row number (it should be {expected}).",
      },
    },
  },
  check(ctx) {
    for (const table of tablesOf(ctx, "cost", "task", "registration", "summary", "assignment")) {
      if (table.columns.tt === undefined) continue;
      // The number each line should carry under each convention, and how many lines already do.
      const lines: TableRow[] = [];
      const texts: string[] = [];
      const has: (number | undefined)[] = [];
      const straight: number[] = [];
      const perSection: number[] = [];
      let k = 0;
      let agreeStraight = 0;
      let agreeSection = 0;
      for (const row of table.rows) {
        if (row.kind === "section") k = 0;
        if (row.kind !== "item") continue;
        const text = row.tt?.text ?? "";
        const n = numberOf(text);
        lines.push(row);
        texts.push(text);
        has.push(n);
        straight.push(lines.length);
        perSection.push(++k);
        if (n === lines.length) agreeStraight++;
        if (n === k) agreeSection++;
      }
      const chosen = agreeStraight > agreeSection ? straight : perSection;
      // Keep the table's own style: "1." when most of its numbers carry a dot.
      const dotted = texts.filter((t) => /^\d+\s*\.$/.test(t)).length * 2 > texts.length;
      for (const [i, row] of lines.entries()) {
        const expected = chosen[i];
        const text = texts[i];
        if (has[i] === expected) continue;
        const value = dotted ? `${expected}.` : expected;
        const cell = row.tt?.cell ?? toA1(row.r, table.columns.tt);
        ctx.report({
          table,
          // A line of figures only is named by its row: there is no text to quote.
          messageId: text ? "wrong" : row.label ? "missing" : "missingUnnamed",
          data: { actual: text, expected, label: row.label?.text ?? "", row: row.r + 1 },
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
