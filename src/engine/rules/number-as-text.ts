import type { Rule } from "./api";
import { phrases } from "../i18n";
import { cellSubject, eachNumberCell } from "./util";

/** Numbers stored as text are reported (still used); text that is no number is reported too. */
export const numberAsText: Rule = {
  meta: {
    id: "number-as-text",
    title: { vi: "Số lưu dạng văn bản", en: "Numbers stored as text" },
    rationale: {
      vi: 'Số gõ dạng văn bản (ví dụ "13 008", "1.250.000") không được Excel cộng vào công thức SUM, nên tổng trong Excel có thể sai dù bảng nhìn đúng. Công cụ vẫn đọc được và dùng giá trị đó, nhưng nên chuyển thành số.',
      en: 'Numbers typed as text ("13 008", "1.250.000") are ignored by Excel\'s SUM, so totals can be wrong although the table looks right. The checker reads and uses them, but they should be real numbers.',
    },
    defaultSeverity: "info",
    messages: {
      text: {
        vi: 'Ô chứa số dạng văn bản "{text}"; đã đọc là {value}{reading}.',
        en: 'The cell holds a number as text "{text}"; read as {value}{reading}.',
      },
      notNumber: {
        vi: 'Ô cần một số nhưng chứa "{text}"; giá trị này bị bỏ qua khi kiểm tra.',
        en: 'The cell should hold a number but holds "{text}"; it is ignored by the checks.',
      },
    },
  },
  check(ctx) {
    for (const table of ctx.workbook.tables) {
      for (const row of table.rows) {
        eachNumberCell(row, (n, column) => {
          if (n.text === undefined) return;
          ctx.report({
            table,
            messageId: "text",
            data: {
              text: n.text,
              value: ctx.num(n.value),
              reading: n.reading ? ` (${phrases(n.reading, ctx.locale)})` : "",
            },
            cells: [n.cell],
            expected: n.value,
            actual: n.text,
            fix: { cell: n.cell, value: n.value },
            subject: cellSubject(row, column),
          });
        });
        for (const b of row.badNumbers) {
          ctx.report({
            table,
            messageId: "notNumber",
            data: { text: b.text },
            cells: [b.cell],
            expected: null,
            actual: b.text,
            severity: "warning",
            subject: cellSubject(row, `text:${b.cell.replace(/\d+$/, "")}`),
          });
        }
      }
    }
  },
};
