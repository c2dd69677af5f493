import { own } from "../recognize/model";
import { toA1 } from "../a1";
import { fold } from "../text/normalize";
import type { RecognizedTable, TableRow } from "../recognize/model";
import type { Rule, RuleContext } from "./api";
import type { SumPart } from "../findings";
import {
  amountTotalRows,
  isUpgradeRow,
  lineRows,
  linesComputable,
  moneySum,
  moneyTotalIsRight,
  sumPresent,
  tablesOf,
  unreadableColumns,
  unroundedAmount,
} from "./util";
import { round, within } from "../numbers/arith";
import { plannedCount } from "../plan/lookup";

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
        vi: 'Tổng cột "{column}" là {actual}, nhưng cộng các dòng được {expected}{planned}.',
        en: 'The total of column "{column}" is {actual}, but the lines add up to {expected}{planned}.',
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
        // Two lines or more: the table has a first row.
        if (table.kind !== "task" && lineRows(table).length > 1) {
          ctx.report({
            table,
            messageId: "noTotal",
            cells: [toA1(table.rows[0].r, table.columns.tt ?? table.columns.content ?? 0)],
            severity: "warning",
          });
        }
        continue;
      }
      for (const [i, total] of totalsAt.entries()) {
        // The last total, when it says "Tổng cộng/Tổng số", counts every line; any other counts the
        // lines since the total before it (the first one, since the table's start).
        const grand = i === totalsAt.length - 1 && /^tong (cong|so)\b/.test(rowText(total));
        const from = grand || i === 0 ? -1 : totalsAt[i - 1].r;
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
    const parts = partsOf(
      table,
      levelRows.map((r) => own(r.counts, level)),
    );
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
      ...sumOf(table, parts, actual),
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
  const computable = linesComputable(table);
  const note = !computable
    ? ctx.text(TEXT.unchecked)
    : missing.length === 1
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
    // Lines that could not be computed are only what they say: the total may be the right one.
    ...(actual?.formula || !computable ? {} : { fix: { cell, value: expected } }),
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
  // Only for a finding: the parts of a total that holds are never needed.
  const parts = partsOf(
    table,
    rows.map((r) => r.quantity?.total),
  );
  const cell = actual?.cell ?? toA1(total.r, col);
  ctx.report({
    table,
    messageId: "column",
    data: {
      column: ctx.text({ vi: "Số lượng", en: "Số lượng (head-count)" }),
      actual: actual ? ctx.num(actual.value) : ctx.blank,
      expected: ctx.num(sum),
      planned: "",
    },
    cells: [cell],
    expected: sum,
    actual: actual?.value ?? null,
    ...(actual?.formula || actual?.derived ? {} : { fix: { cell, value: sum } }),
    subject: { detail: "quantity-total" },
    ...sumOf(table, parts, actual),
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
  unchecked: {
    vi: " (cộng thành tiền như đang ghi: các dòng chưa kiểm tra được vì bảng thiếu cột đơn giá hoặc có cột chưa đọc được, nên không sửa tổng theo chúng)",
    en: " (the amounts as typed: the lines could not be checked, as the table lacks a unit-price column or has a column that was not read, so the total is not fixed from them)",
  },
  planned: {
    vi: "; kế hoạch năm {year} cũng dự kiến số đang ghi ở tổng: xem lại các dòng",
    en: "; the {year} plan expects the total as written: check the lines",
  },
  plannedOther: {
    vi: "; kế hoạch năm {year} dự kiến {planned}: xem lại cả các dòng",
    en: "; the {year} plan expects {planned}: check the lines as well",
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
    const parts = partsOf(
      table,
      rows.map((r) => r.values[v.key]),
    );
    const cell = actual?.cell ?? toA1(total.r, v.col);
    // The plan decides this total (count-chain): when it holds the plan's head-count, the lines
    // are what is wrong; a fix to their sum would break the total.
    const planned = plannedCount(ctx.rulebook, v.courseId, v.level, table.year);
    // Only said with a planned count, which the table's year decides: the year is known then.
    const year = String(table.year);
    if (actual && planned === actual.value) {
      ctx.report({
        table,
        messageId: "column",
        data: {
          column: v.header,
          actual: ctx.num(actual.value),
          expected: ctx.num(sum),
          planned: ctx.text(TEXT.planned, { year }),
        },
        cells: [cell],
        expected: null,
        actual: actual.value,
        subject: { course: v.courseId, level: v.level, detail: "column-total" },
        ...sumOf(table, parts, actual),
      });
      continue;
    }
    ctx.report({
      table,
      messageId: "column",
      data: {
        column: v.header,
        actual: actual ? ctx.num(actual.value) : ctx.blank,
        expected: ctx.num(sum),
        // Holding something else while the lines do not add up to the plan either: the plan's
        // value (count-chain's finding on this cell) wins, and the engine drops this finding's
        // value and fix (see Report.sum); the lines are wrong as well.
        planned:
          planned !== undefined && planned !== sum
            ? ctx.text(TEXT.plannedOther, { year, planned: ctx.num(planned) })
            : "",
      },
      cells: [cell],
      expected: sum,
      actual: actual?.value ?? null,
      ...(actual?.formula ? {} : { fix: { cell, value: sum } }),
      subject: { course: v.courseId, level: v.level, detail: "column-total" },
      // Which rows the column adds up: a district listed twice or not of the province (unit-list,
      // on the row's name) explains the difference, and the total waits for it.
      dependsOn: rows.flatMap((r) =>
        r.values[v.key] && r.label ? [{ sheet: table.sheet, cell: r.label.cell }] : [],
      ),
      ...sumOf(table, parts, actual),
    });
  }
}

/**
 * A head-count total as a sum of its lines, so that a total that only differs because a line
 * holds a value another finding calls wrong follows from that finding (see Report.sum). A blank
 * total adds nothing to link: it is a mistake of its own.
 */
function sumOf(
  table: RecognizedTable,
  parts: SumPart[],
  actual: { cell: string; value: number } | undefined,
): { sum?: { parts: SumPart[]; total: SumPart } } {
  return actual
    ? { sum: { parts, total: { sheet: table.sheet, cell: actual.cell, value: actual.value } } }
    : {};
}

/** The figures a total adds up, by cell (blank ones add nothing). */
function partsOf(
  table: RecognizedTable,
  cells: readonly ({ cell: string; value: number } | undefined)[],
): SumPart[] {
  return cells.flatMap((c) => (c ? [{ sheet: table.sheet, cell: c.cell, value: c.value }] : []));
}
