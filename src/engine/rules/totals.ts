import { own } from "../recognize/model";
import { toA1 } from "../a1";
import { fold } from "../text/normalize";
import type { RecognizedTable, TableRow } from "../recognize/model";
import type { Rule, RuleContext } from "./api";
import {
  amountTotalRows,
  isUpgradeRow,
  lineRows,
  moneySum,
  moneyTotalIsRight,
  sumPresent,
  tablesOf,
  unreadableColumns,
  unroundedAmount,
} from "./util";
import { round, within } from "../numbers/arith";

/**
 * Each level column and the amount column have a total row, computed under the plan's
 * convention (which rows the head-count and money totals count), from unrounded rows.
 */
export const totals: Rule = {
  meta: {
    id: "totals",
    title: { vi: "Dòng tổng cộng", en: "Total rows" },
    rationale: {
      vi: "Dòng Tổng số/Cộng của mỗi cột phải bằng tổng các dòng theo quy ước của kế hoạch (ví dụ kế hoạch 2026–2030: tổng số người chỉ tính các dòng bồi dưỡng, không tính đào tạo nâng chuẩn; tổng tiền tính mọi dòng). Tổng tiền đúng khi bằng tổng các dòng chưa làm tròn rồi làm tròn (năm 2027: 40.018), hoặc bằng tổng các dòng như đang hiển thị, mỗi dòng đã làm tròn (năm 2027: 40.019): các cơ quan dùng cả hai cách.",
      en: "The total row of each column must equal the sum of the lines under the plan's convention (2026–2030: head-count totals count in-service lines only, not degree upgrades; the money total counts every line). A money total is right when it is the rounded sum of the unrounded lines (2027: 40,018) or the sum of the lines as shown, each rounded (2027: 40,019): offices use both.",
    },
    defaultSeverity: "error",
    messages: {
      level: {
        vi: "Tổng số {level} là {actual}, nhưng cộng các dòng{scope} được {expected}.",
        en: "The {level} total is {actual}, but the lines{scope} add up to {expected}.",
      },
      amount: {
        vi: "Tổng thành tiền là {actual}, nhưng cộng các dòng{scope} được {expected}{note}{shown}.",
        en: "The amount total is {actual}, but the lines{scope} add up to {expected}{note}{shown}.",
      },
      column: {
        vi: 'Tổng cột "{column}" là {actual}, nhưng cộng các dòng được {expected}.',
        en: 'The total of column "{column}" is {actual}, but the lines add up to {expected}.',
      },
      noTotal: {
        vi: "Bảng không có dòng Tổng số/Cộng.",
        en: "The table has no total row.",
      },
    },
  },
  check(ctx) {
    for (const table of tablesOf(ctx, "cost", "task", "registration")) {
      const totalsAt = table.rows.filter((r) => r.kind === "total");
      if (totalsAt.length === 0) {
        // Task appendices list duties and often carry no total; money and registration tables must.
        if (table.kind !== "task" && lineRows(table).length > 1) {
          const first = table.rows[0];
          ctx.report({
            table,
            messageId: "noTotal",
            cells: first ? [toA1(first.r, table.columns.tt ?? table.columns.content ?? 0)] : [],
            severity: "warning",
          });
        }
        continue;
      }
      for (const [i, total] of totalsAt.entries()) {
        const grand =
          i === totalsAt.length - 1 && (totalsAt.length === 1 || /^tong (cong|so)\b/.test(rowText(total)));
        const from = grand ? -1 : i === 0 ? -1 : totalsAt[i - 1].r;
        const rows = lineRows(table).filter((r) => r.r > from && r.r < total.r);
        if (table.kind === "registration") checkRegistration(ctx, table, total, rows);
        else checkLevelsAndAmount(ctx, table, total, rows);
      }
    }
  },
};

function rowText(row: TableRow): string {
  return fold(row.label?.text ?? row.tt?.text ?? "");
}

function checkLevelsAndAmount(
  ctx: RuleContext,
  table: RecognizedTable,
  total: TableRow,
  rows: TableRow[],
): void {
  const conv = ctx.rulebook.totals;
  const levelRows = conv.levelTotals === "boi-duong-only" ? rows.filter((r) => !isUpgradeRow(ctx, r)) : rows;
  const excludedLevels = rows.length - levelRows.length;
  const scopeLevels = excludedLevels > 0 ? ctx.text(TEXT.inServiceOnly) : "";
  const unreadable = unreadableColumns([...rows, total]);
  for (const [level, col] of Object.entries(table.columns.levels)) {
    if (unreadable.has(col)) continue;
    const found = sumPresent(levelRows.map((r) => own(r.counts, level)));
    const actual = own(total.counts, level);
    if (found === undefined && !actual) continue;
    const sum = found ?? 0;
    if (actual && within(actual.value, sum, 0)) continue;
    const cell = actual?.cell ?? toA1(total.r, col);
    ctx.report({
      table,
      messageId: "level",
      data: {
        level: ctx.levelName(level),
        actual: actual ? ctx.num(actual.value) : ctx.blank,
        expected: ctx.num(sum),
        scope: scopeLevels,
      },
      cells: [cell],
      expected: sum,
      actual: actual?.value ?? null,
      ...(actual?.formula ? {} : { fix: { cell, value: sum } }),
      subject: { level, detail: "level-total" },
    });
  }
  checkQuantity(ctx, table, total, levelRows, unreadable);
  if (table.kind !== "cost" || table.columns.amount === undefined) return;
  if (unreadable.has(table.columns.amount)) return;
  const amountRows = amountTotalRows(ctx, rows);
  const sum = moneySum(ctx, table, rows);
  const actual = total.amount;
  if ((!sum || sum.exact === 0) && !actual) return;
  const exact = sum?.exact ?? 0;
  if (actual && sum && moneyTotalIsRight(actual.value, sum, ctx.rulebook.tolerance)) return;
  if (actual && !sum && within(actual.value, 0, ctx.rulebook.tolerance)) return;
  const cell = actual?.cell ?? toA1(total.r, table.columns.amount);
  // A total that adds up the amounts as typed follows from the wrong ones among them.
  const copiesWrongLines =
    actual !== undefined &&
    sum !== undefined &&
    sum.wrongCells.length > 0 &&
    round(actual.value) === sum.typed;
  // Say which lines the total seems to leave out, when leaving them out explains it.
  const missing =
    actual && !copiesWrongLines
      ? amountRows.filter((r) =>
          within(exact - (unroundedAmount(r) ?? 0), actual.value, ctx.rulebook.tolerance),
        )
      : [];
  const note =
    missing.length === 1
      ? ctx.text(TEXT.leavesOut, {
          line: missing[0].label?.text ?? "",
          amount: ctx.num(round(unroundedAmount(missing[0]) ?? 0, 2)),
        })
      : "";
  const expected = sum?.rounded ?? 0;
  ctx.report({
    table,
    messageId: "amount",
    data: {
      actual: actual ? ctx.num(actual.value) : ctx.blank,
      expected: ctx.num(round(exact, 2)),
      scope: conv.amountTotal === "all" ? ctx.text(TEXT.everyLine) : "",
      shown: sum && sum.shown !== sum.rounded ? ctx.text(TEXT.shown, { shown: ctx.num(sum.shown) }) : "",
      note,
    },
    cells: [cell],
    expected,
    actual: actual?.value ?? null,
    ...(actual?.formula ? {} : { fix: { cell, value: expected } }),
    subject: { detail: "amount-total" },
    ...(copiesWrongLines ? { dependsOn: sum.wrongCells.map((c) => ({ sheet: table.sheet, cell: c })) } : {}),
  });
}

/** A head-count column of text or numbers (seed 000's "Số lượng dự kiến") and its total. */
function checkQuantity(
  ctx: RuleContext,
  table: RecognizedTable,
  total: TableRow,
  rows: TableRow[],
  unreadable: Set<number>,
): void {
  const col = table.columns.quantity;
  if (col === undefined || unreadable.has(col)) return;
  const actual = total.quantity?.total;
  const found = sumPresent(rows.map((r) => r.quantity?.total));
  if (found === undefined && !actual) return;
  const sum = found ?? 0;
  if (actual && within(actual.value, sum, 0)) return;
  const cell = actual?.cell ?? toA1(total.r, col);
  ctx.report({
    table,
    messageId: "column",
    data: {
      column: ctx.text({ vi: "Số lượng", en: "Số lượng (head-count)" }),
      actual: actual ? ctx.num(actual.value) : ctx.blank,
      expected: ctx.num(sum),
    },
    cells: [cell],
    expected: sum,
    actual: actual?.value ?? null,
    ...(actual?.formula || actual?.derived ? {} : { fix: { cell, value: sum } }),
    subject: { detail: "quantity-total" },
  });
}

/** The pieces of the messages above, in both languages. */
const TEXT = {
  inServiceOnly: {
    vi: " bồi dưỡng (không tính đào tạo nâng chuẩn)",
    en: " (in-service only, not degree upgrades)",
  },
  everyLine: { vi: " (mọi dòng, chưa làm tròn)", en: " (every line, unrounded)" },
  shown: {
    vi: "; cộng các dòng như đang hiển thị được {shown}",
    en: "; the lines as shown add up to {shown}",
  },
  leavesOut: {
    vi: ' (tổng đang thiếu dòng "{line}" {amount})',
    en: ' (the total leaves out "{line}" {amount})',
  },
};

function checkRegistration(
  ctx: RuleContext,
  table: RecognizedTable,
  total: TableRow,
  rows: TableRow[],
): void {
  const unreadable = unreadableColumns([...rows, total]);
  for (const v of table.valueColumns) {
    if (unreadable.has(v.col)) continue;
    const found = sumPresent(rows.map((r) => r.values[v.key]));
    const actual = total.values[v.key];
    if (found === undefined && !actual) continue;
    const sum = found ?? 0;
    if (actual && within(actual.value, sum, 0)) continue;
    const cell = actual?.cell ?? toA1(total.r, v.col);
    ctx.report({
      table,
      messageId: "column",
      data: { column: v.header, actual: actual ? ctx.num(actual.value) : ctx.blank, expected: ctx.num(sum) },
      cells: [cell],
      expected: sum,
      actual: actual?.value ?? null,
      ...(actual?.formula ? {} : { fix: { cell, value: sum } }),
      subject: { course: v.courseId, level: v.level, detail: "column-total" },
    });
  }
}
