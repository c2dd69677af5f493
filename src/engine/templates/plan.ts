/**
 * The two appendices of a plan year, laid out as the 2026–2030 plan prints them:
 *
 * - cost (Phụ lục kinh phí): TT | Nội dung | head-counts per level | Đơn giá/người | Thành tiền |
 *   Ghi chú, then "Tổng số:". Head-counts, prices and notes come from the rulebook; each amount
 *   is ROUND(SUM(counts) × price, 0) in the table's unit, and the totals follow the plan's
 *   convention (rulebook.totals): head-count totals over the lines they count, the money total
 *   ROUND of the unrounded lines added up (so 2027 totals 40 018, not the 40 019 its rounded
 *   lines add up to).
 * - task (Phụ lục nhiệm vụ): TT | Nội dung | head-counts per level | Hình thức thực hiện | Đơn vị
 *   chủ trì | Đơn vị phối hợp, the same lines and head-counts, no total (the plan prints none).
 *   Delivery form and lead unit are not in the rulebook: they are left blank for the user, and
 *   the engine's required-cells rule reminds of them (warnings, by design).
 *
 * With `functions`, each amount is ROUND(DEAN.COST(…) per level, 0) and each price
 * DEAN.UNITPRICE(…): they follow the rulebook but need the add-in. The money total stays a plain
 * formula over the counts and prices, so that it adds unrounded lines either way.
 */
import { toA1 } from "../a1";
import { expectedCount, expectedUnitPrice } from "../plan/expect";
import {
  f,
  lineLabel,
  lineNumbers,
  levelLabel,
  SheetBuilder,
  sheetName,
  sumOf,
  titleBlock,
  UNIT_LINES,
  v,
  yearLines,
  type BuildContext,
  type PlanLine,
} from "./layout";
import { TemplateError } from "./build";
import type { TemplateCell, TemplateSheet } from "./spec";

const FIRST_LEVEL = 2;

/** Prices in million with more than two decimals (315 000 đ = 0.315): show them all. */
const FINE_PRICE = "0.00####";

/** The level columns' header: one row when the rulebook has a single level, else two. */
function levelHeader(
  b: SheetBuilder,
  ctx: BuildContext,
  heads: { before: string[]; group: string; after: string[] },
): [number, number] {
  const levels = ctx.rulebook.levels;
  const lastLevel = FIRST_LEVEL + levels.length - 1;
  const top = b.next;
  if (levels.length === 1) {
    b.add([...heads.before, levelLabel(levels[0]), ...heads.after].map((h) => v(h, "header")));
    return [top, top];
  }
  b.add([
    ...heads.before.map((h) => v(h, "header")),
    v(heads.group, "header"),
    ...levels.slice(1).map(() => v(null, "header")),
    ...heads.after.map((h) => v(h, "header")),
  ]);
  b.add([
    ...heads.before.map(() => v(null, "header")),
    ...levels.map((l) => v(levelLabel(l), "header")),
    ...heads.after.map(() => v(null, "header")),
  ]);
  heads.before.forEach((_, c) => b.merge(top, c, top + 1, c));
  b.merge(top, FIRST_LEVEL, top, lastLevel);
  heads.after.forEach((_, i) => b.merge(top, lastLevel + 1 + i, top + 1, lastLevel + 1 + i));
  return [top, top + 1];
}

/** Head-count cells of a line: the rulebook's expectation at each eligible level, blank elsewhere. */
function countCells(ctx: BuildContext, l: PlanLine): TemplateCell[] {
  return ctx.rulebook.levels.map((level) =>
    v(l.course.levels.includes(level.id) ? (expectedCount(l.offering, level) ?? null) : null, "count"),
  );
}

/** Lines that carry head-counts or money; a group heading ("nhom") only heads its sub-lines. */
const isGroup = (l: PlanLine) => l.course.kind === "nhom";

/** The lines a level total counts under the plan's convention. */
function countedInLevelTotals(ctx: BuildContext, l: PlanLine): boolean {
  return ctx.rulebook.totals.levelTotals === "all" || l.course.kind !== "dao-tao";
}

function countedInAmountTotal(ctx: BuildContext, l: PlanLine): boolean {
  return ctx.rulebook.totals.amountTotal === "all" || l.course.kind !== "dao-tao";
}

/** A cost line's cells, and its unrounded amount as a term of the money total (groups have none). */
interface CostLine {
  cells: TemplateCell[];
  term?: string;
}

/** Whether a price in the table's unit needs more than two decimals (315 000 đ = 0.315 million). */
const finePrice = (x: number) => Math.abs(Math.round(x * 100) - x * 100) > 1e-6;

function costLine(ctx: BuildContext, l: PlanLine, r: number, tt: number | null): CostLine {
  const { rulebook, year, scale } = ctx;
  const PRICE = FIRST_LEVEL + rulebook.levels.length;
  const counts = `SUM(${toA1(r, FIRST_LEVEL)}:${toA1(r, PRICE - 1)})`;
  const priceStyle = scale === 1_000_000 ? "price" : "money";
  const head = [v(tt, "center"), v(lineLabel(l), "text")];
  const note = v(l.offering.note ?? null, "note");
  if (isGroup(l)) {
    const blanks = rulebook.levels.map(() => v(null, "count"));
    return { cells: [...head, ...blanks, v(null, priceStyle), v(null, "money"), note] };
  }
  const dong = expectedUnitPrice(l.course, l.offering);
  if (dong === undefined && l.offering.amount !== undefined) {
    // A line priced as a whole: the amount is the rulebook's lump sum, added as it is.
    const amount = v(l.offering.amount / scale, "money");
    return {
      cells: [...head, ...countCells(ctx, l), v(null, priceStyle), amount, note],
      term: toA1(r, PRICE + 1),
    };
  }
  const price: TemplateCell = v(dong === undefined ? null : dong / scale, priceStyle);
  if (dong !== undefined && priceStyle === "price" && finePrice(dong / scale))
    price.numberFormat = FINE_PRICE;
  let amount = f(`ROUND(${counts}*${toA1(r, PRICE)},0)`, "money");
  if (dong !== undefined && ctx.functions) {
    const id = JSON.stringify(l.course.id);
    delete price.value;
    price.formula = `DEAN.UNITPRICE(${id},${year},${scale})`;
    const perLevel = rulebook.levels.map(
      (level, k) =>
        `DEAN.COST(${id},${JSON.stringify(level.id)},${toA1(r, FIRST_LEVEL + k)},${year},${scale})`,
    );
    amount = f(`ROUND(${perLevel.join("+")},0)`, "money");
  }
  return {
    cells: [...head, ...countCells(ctx, l), price, amount, note],
    term: `${counts}*${toA1(r, PRICE)}`,
  };
}

/** Excel refuses a formula longer than 8 192 characters; the totals keep well under it. */
const MAX_FORMULA = 8000;

/**
 * SUM of a column over the rows a total counts. A year of so many lines that the list of ranges
 * would pass Excel's formula length (group headings between them break the ranges) sums the
 * whole block of lines instead when no line of it is left out of the total (a heading's cells are
 * blank); otherwise the template cannot be written as one Excel formula and says so.
 */
function columnSum(
  col: number,
  counted: readonly number[],
  lines: { first: number; last: number; excluded: boolean },
): string {
  const exact = sumOf(col, counted);
  if (exact.length <= MAX_FORMULA) return exact;
  if (!lines.excluded) return `SUM(${toA1(lines.first, col)}:${toA1(lines.last, col)})`;
  throw new TemplateError({
    vi: `Năm có quá nhiều dòng (${counted.length}) để cộng trong một công thức Excel: hãy chia phụ lục.`,
    en: `The year has too many lines (${counted.length}) to add up in one Excel formula: split the appendix.`,
  });
}

/**
 * The money total: ROUND of the unrounded lines added up (so 2027 totals 40 018, not the 40 019
 * its rounded lines add up to). A year of so many lines that this formula would pass Excel's
 * length limit adds the amounts as shown instead (the other convention offices use, which the
 * totals rule accepts as well).
 */
function moneyTotal(
  terms: readonly string[],
  amountCol: number,
  amountRows: readonly number[],
  lines: { first: number; last: number; excluded: boolean },
): TemplateCell {
  if (terms.length === 0) return v(0, "totalMoney");
  const exact = `ROUND(${terms.join("+")},0)`;
  if (exact.length <= MAX_FORMULA) return f(exact, "totalMoney");
  return f(columnSum(amountCol, amountRows, lines), "totalMoney");
}

export function costSheet(ctx: BuildContext): TemplateSheet {
  const { rulebook, year, scale, appendix } = ctx;
  const b = new SheetBuilder([5, 46, ...rulebook.levels.map(() => 9), 10, 12, 24]);
  titleBlock(b, {
    appendix,
    province: rulebook.province,
    titles: [`Kinh phí đào tạo, bồi dưỡng đội ngũ năm ${year}`],
    unit: UNIT_LINES[scale],
  });
  const header = levelHeader(b, ctx, {
    before: ["TT", "Nội dung đào tạo, bồi dưỡng"],
    group: "Số lượng (người)",
    after: ["Đơn giá/người", "Thành tiền", "Ghi chú"],
  });
  const lines = yearLines(rulebook, year);
  const numbers = lineNumbers(lines);
  const levelRows: number[] = [];
  const terms: string[] = [];
  const amountRows: number[] = [];
  lines.forEach((l, i) => {
    const r = b.next;
    const line = costLine(ctx, l, r, numbers[i]);
    b.add(line.cells);
    if (countedInLevelTotals(ctx, l)) levelRows.push(r);
    if (line.term && countedInAmountTotal(ctx, l)) {
      terms.push(line.term);
      amountRows.push(r);
    }
  });
  // The total row: head-counts under the plan's convention, money from the unrounded lines.
  const amountCol = FIRST_LEVEL + rulebook.levels.length + 1;
  const first = header[1] + 1;
  const block = (excluded: boolean) => ({ first, last: b.next - 1, excluded });
  const notInLevels = lines.some((l) => !isGroup(l) && !countedInLevelTotals(ctx, l));
  const notInAmount = lines.some((l) => !isGroup(l) && !countedInAmountTotal(ctx, l));
  b.add([
    v(null, "totalLabel"),
    v("Tổng số:", "totalLabel"),
    ...rulebook.levels.map((_, k) =>
      f(columnSum(FIRST_LEVEL + k, levelRows, block(notInLevels)), "totalCount"),
    ),
    v(null, "totalMoney"),
    moneyTotal(terms, amountCol, amountRows, block(notInAmount)),
    v(null, "note"),
  ]);
  return yearSheet(b, ctx, "cost", header);
}

/** A year's appendix sheet, "PL6 KP 2026" or "NV 2026", its header printed on every page and frozen. */
function yearSheet(
  b: SheetBuilder,
  { year, appendix }: BuildContext,
  kind: "cost" | "task",
  header: [number, number],
): TemplateSheet {
  const short = `${kind === "cost" ? "KP" : "NV"} ${year}`;
  return b.sheet({
    name: sheetName(appendix !== undefined ? `PL${appendix} ${short}` : short),
    kind,
    year,
    printTitleRows: header,
    freeze: { rows: header[1] + 1, cols: 0 },
  });
}

export function taskSheet(ctx: BuildContext): TemplateSheet {
  const { rulebook, year, appendix } = ctx;
  const b = new SheetBuilder([5, 46, ...rulebook.levels.map(() => 9), 22, 12, 30]);
  titleBlock(b, {
    appendix,
    province: rulebook.province,
    titles: [`Tổng hợp các nội dung nhiệm vụ kế hoạch năm ${year}`],
  });
  const header = levelHeader(b, ctx, {
    before: ["TT", "Nội dung"],
    group: "Số lượng dự kiến",
    after: ["Hình thức thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp"],
  });
  const lines = yearLines(rulebook, year);
  const numbers = lineNumbers(lines);
  lines.forEach((l, i) => {
    const counts = isGroup(l) ? rulebook.levels.map(() => v(null, "count")) : countCells(ctx, l);
    b.add([
      v(numbers[i], "center"),
      v(lineLabel(l), "text"),
      ...counts,
      v(null, "text"),
      v(null, "center"),
      v(null, "text"),
    ]);
  });
  return yearSheet(b, ctx, "task", header);
}
