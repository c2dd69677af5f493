import { toA1 } from "../a1";
import type { NumberCell } from "../recognize/model";
import type { Rule } from "./api";
import { computedAmount, hasCounts, headCount, lineRows, rowLabel, tablesOf } from "./util";

/** The headers the recogniser reads as a unit price (recognize/headers.ts, UNIT_PRICE_WORDS). */
const PRICE_WORDS = '"Đơn giá", "Đơn giá/người", "Mức chi", "Định mức", "Kinh phí/người"';
import { round, within } from "../numbers/arith";

/** amount = (sum of the level head-counts) × unit price, rounded to the table's unit. */
export const rowArithmetic: Rule = {
  meta: {
    id: "row-arithmetic",
    title: { vi: "Thành tiền = số người × đơn giá", en: "Amount = head-count × unit price" },
    rationale: {
      vi: "Mỗi dòng kinh phí phải bằng tổng số người của các cấp học nhân đơn giá. Thành tiền được làm tròn theo đơn vị của bảng, nên chấp nhận sai lệch tối đa nửa đơn vị mỗi dòng.",
      en: "Each cost line must equal the sum of the level head-counts times the unit price. Amounts are rounded to the table's unit, so half a unit per line is tolerated.",
    },
    defaultSeverity: "error",
    messages: {
      mismatch: {
        vi: 'Thành tiền của dòng "{label}" là {actual}, nhưng {count} người × {price} = {expected}.',
        en: 'The amount of "{label}" is {actual}, but {count} people × {price} = {expected}.',
      },
      missing: {
        vi: 'Dòng "{label}" có số người và đơn giá nhưng chưa có thành tiền: {count} người × {price} = {expected}.',
        en: '"{label}" has head-counts and a unit price but no amount: {count} × {price} = {expected}.',
      },
      noPrice: {
        vi: "Bảng kinh phí không có cột đơn giá (tìm tiêu đề {words}): chưa kiểm tra được thành tiền của {lines} dòng có số người và thành tiền, và tổng không được sửa theo các dòng đó.",
        en: "The cost table has no unit-price column (looked for a header {words}): the amounts of {lines} lines with head-counts and an amount are not checked, and the total is not fixed from those lines.",
      },
    },
  },
  check(ctx) {
    const tol = ctx.rulebook.tolerance;
    for (const table of tablesOf(ctx, "cost")) {
      // A figure column whose header was not read: unreadable-table names it; a head-count of the
      // row is missing, so no amount is judged (let alone fixed) from the others.
      if ((table.unreadColumns?.length ?? 0) > 0) continue;
      if (table.columns.unitPrice === undefined) {
        const lines = lineRows(table).filter((r) => r.amount && hasCounts(r));
        if (lines.length === 0 || table.columns.amount === undefined) continue;
        const header = toA1(table.headerRows.at(-1) ?? 0, table.columns.amount);
        ctx.report({
          table,
          messageId: "noPrice",
          data: { words: PRICE_WORDS, lines: ctx.num(lines.length) },
          cells: [header],
          expected: PRICE_WORDS,
          actual: null,
          subject: { detail: "no-unit-price" },
        });
        continue;
      }
      for (const row of lineRows(table)) {
        const exact = computedAmount(row);
        if (exact === undefined || !row.unitPrice) continue;
        // Counted, not divided back out of the amount: a unit price of 0 would give NaN people.
        const count = headCount(row);
        const expected = round(exact, 2);
        const data = {
          label: rowLabel(row),
          count: ctx.num(count),
          price: ctx.num(row.unitPrice.value),
          expected: ctx.num(expected),
        };
        const subject = { course: row.course?.courseId };
        // A wrong head-count or unit price (quota, unit-price, eligible-level…) explains a wrong
        // amount: the amount's finding then follows from it, and its fix waits for that one.
        const inputs = (price: NumberCell) =>
          [price, ...Object.values(row.counts)].map((n) => ({ sheet: table.sheet, cell: n.cell }));
        if (!row.amount) {
          const cell = amountCell(table, row.r);
          if (!cell) continue;
          ctx.report({
            table,
            messageId: "missing",
            data,
            cells: [cell],
            expected: round(exact),
            actual: null,
            fix: { cell, value: round(exact) },
            subject,
            dependsOn: inputs(row.unitPrice),
          });
        } else if (!within(row.amount.value, exact, tol)) {
          ctx.report({
            table,
            messageId: "mismatch",
            data: { ...data, actual: ctx.num(row.amount.value) },
            cells: [row.amount.cell],
            expected: round(exact),
            actual: row.amount.value,
            ...(row.amount.formula ? {} : { fix: { cell: row.amount.cell, value: round(exact) } }),
            subject,
            dependsOn: inputs(row.unitPrice),
          });
        }
      }
    }
  },
};

function amountCell(table: { columns: { amount?: number } }, r: number): string | undefined {
  const c = table.columns.amount;
  return c === undefined ? undefined : toA1(r, c);
}
