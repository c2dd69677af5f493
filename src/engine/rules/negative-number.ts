import type { Rule } from "./api";
import { cellSubject, eachNumberCell } from "./util";

/** Head-counts, unit prices and amounts are never negative. */
export const negativeNumber: Rule = {
  meta: {
    id: "negative-number",
    title: { vi: "Số âm", en: "Negative numbers" },
    rationale: {
      vi: "Số người, đơn giá, thành tiền và số đăng ký không thể âm. Một số âm thường là lỗi gõ (dấu trừ thừa) hoặc công thức trừ nhầm, và nó kéo sai mọi tổng phía sau.",
      en: "Head-counts, unit prices, amounts and registrations cannot be negative. A negative number is usually a typo (a stray minus) or a formula subtracting by mistake, and it throws every total after it off.",
    },
    defaultSeverity: "error",
    messages: {
      negative: {
        vi: "Ô ghi số âm {value}: số người và số tiền không thể âm.",
        en: "The cell holds the negative number {value}: head-counts and money cannot be negative.",
      },
    },
  },
  check(ctx) {
    for (const table of ctx.workbook.tables) {
      for (const row of table.rows) {
        eachNumberCell(row, (n, column) => {
          if (!(n.value < 0)) return;
          ctx.report({
            table,
            messageId: "negative",
            data: { value: ctx.num(n.value) },
            cells: [n.cell],
            expected: null,
            actual: n.value,
            subject: cellSubject(row, column),
          });
        });
      }
    }
  },
};
