import { toA1 } from "../a1";
import { own, type CountPart, type RecognizedTable, type TableRow } from "../recognize/model";
import type { SumCheck } from "../findings";
import type { Course, Offering } from "../rulebook/schema";
import { parseQuotaNote } from "../notes/parse";
import { expectedCount } from "../plan/expect";
import type { Rule, RuleContext } from "./api";
import { headCount, lineRows, partName, rowCourse, rowLabel, tablesOf } from "./util";
import { offeringFor } from "../plan/lookup";

/**
 * "4 GV/trường", "Hiệu trưởng", "CBQL": head-count = quota × number of schools of that level.
 * Levels without a school count (GDNN) and fixed cohorts use the rulebook's counts.
 */
export const quota: Rule = {
  meta: {
    id: "quota",
    title: { vi: "Định mức người/trường", en: "Quota per school" },
    rationale: {
      vi: 'Số người của mỗi cấp học bằng định mức mỗi trường (ghi chú "4 GV/trường", "Hiệu trưởng"…) nhân số trường của cấp học đó theo kế hoạch (MN 596, TH 437, THCS 426, THPT 129, GDTX 13 trường). Cấp GDNN và các khóa đào tạo có số người cố định trong sổ quy tắc.',
      en: 'Each level\'s head-count is the quota per school (notes such as "4 GV/trường", "Hiệu trưởng") times the plan\'s number of schools of that level. GDNN and degree programmes have fixed counts in the rulebook.',
    },
    defaultSeverity: "error",
    messages: {
      perSchool: {
        vi: '"{label}" năm {year}: {level} có {actual} người, định mức {quota} người/trường × {schools} trường = {expected}.',
        en: '"{label}" in {year}: {level} has {actual}, quota {quota} per school × {schools} schools = {expected}.',
      },
      fixed: {
        vi: '"{label}" năm {year}: {level} có {actual} người, kế hoạch dự kiến {expected}.',
        en: '"{label}" in {year}: {level} has {actual}, the plan expects {expected}.',
      },
      total: {
        vi: '"{label}" năm {year}: tổng số có {actual} người, kế hoạch dự kiến {expected}.',
        en: '"{label}" in {year}: {actual} in total, the plan expects {expected}.',
      },
      blank: {
        vi: '"{label}" năm {year}: chưa ghi số lượng, kế hoạch dự kiến {expected} người.',
        en: '"{label}" in {year}: no head-count is given, the plan expects {expected}.',
      },
      part: {
        vi: '"{label}" năm {year}: {part} có {actual} người, kế hoạch dự kiến {expected}.',
        en: '"{label}" in {year}: {part} has {actual}, the plan expects {expected}.',
      },
      unreadPart: {
        vi: '"{label}": không hiểu phần "{part}" của ô số lượng (không phải cấp học, công lập/ngoài công lập hay đối tượng của nội dung này); số đó chỉ được tính vào tổng số.',
        en: '"{label}": the part "{part}" of the head-count cell names no level, public/non-public sector or target group of this course; its number counts in the total only.',
      },
      note: {
        vi: 'Ghi chú "{note}" nêu {noted} người/trường, sổ quy tắc quy định {quota} người/trường cho "{label}" năm {year}.',
        en: 'The note "{note}" says {noted} per school; the rulebook sets {quota} per school for "{label}" in {year}.',
      },
    },
  },
  check(ctx) {
    // The task appendix of each year, by course: a cost appendix's head-count that repeats the
    // task appendix's follows from it (one mistake, copied), so the overrun is counted once.
    const taskRows = new Map<number, { sheet: string; rows: Map<string, TableRow> }>();
    for (const t of tablesOf(ctx, "task")) {
      if (t.year === undefined || taskRows.has(t.year)) continue;
      const rows = new Map<string, TableRow>();
      for (const r of lineRows(t))
        if (r.course && !rows.has(r.course.courseId)) rows.set(r.course.courseId, r);
      taskRows.set(t.year, { sheet: t.sheet, rows });
    }
    for (const table of tablesOf(ctx, "cost", "task")) {
      for (const row of lineRows(table)) {
        const course = rowCourse(ctx, row);
        const offering = offeringFor(course, table.year);
        if (!course || !offering) continue;
        // The offering is the table's year's, so its year is the table's.
        const base = { label: rowLabel(row), year: offering.year };
        // A head-count written in one "Số lượng" cell (seed 000): per level when its parts name
        // the levels, else only its total is known.
        const textCounts = table.columns.quantity !== undefined;
        // Per level only where the levels are known: level columns, or the parts of the text.
        let perLevel = true;
        if (textCounts && row.quantity) {
          const line: QuantityLine = { table, row, q: row.quantity, course, offering, base };
          checkTotal(ctx, line);
          checkParts(ctx, line);
          perLevel = hasLevelCounts(row);
        } else if (textCounts) {
          // The Số lượng cell left blank: a line the plan gives people to is missing its count
          // (lines without people, such as "Công tác truyền thông", have no planned count).
          checkBlank(ctx, table, row, course, offering, base);
          perLevel = false;
        }
        // The line's note is read however its head-count is typed (the note check below).
        for (const level of perLevel ? ctx.rulebook.levels : []) {
          if (!course.levels.includes(level.id)) continue; // eligible-level's business
          const col = own(table.columns.levels, level.id) ?? table.columns.quantity;
          if (col === undefined) continue;
          const actualCell = own(row.counts, level.id);
          const actual = actualCell?.value ?? 0;
          const expected = expectedCount(offering, level);
          if (expected === undefined || expected === actual) continue;
          const cell = actualCell?.cell ?? toA1(row.r, col);
          // Without a fixed count, the expectation came from the quota per school.
          const perSchool = !Object.hasOwn(offering.counts, level.id);
          const task = table.kind === "cost" ? taskRows.get(offering.year) : undefined;
          const copied = own(task?.rows.get(course.id)?.counts, level.id);
          ctx.report({
            table,
            messageId: perSchool ? "perSchool" : "fixed",
            data: {
              ...base,
              ...(perSchool
                ? { quota: offering.quotaPerSchool ?? "", schools: ctx.num(level.schools ?? 0) }
                : {}),
              level: ctx.levelName(level.id),
              actual: actualCell ? ctx.num(actual) : ctx.blank,
              expected: ctx.num(expected),
            },
            cells: [cell],
            expected,
            actual: actualCell ? actual : null,
            // No fix over a formula, nor over a text of several parts ("MN CL: 34, MNNCL: 200").
            ...(actualCell?.formula || actualCell?.derived || (textCounts && !actualCell)
              ? {}
              : { fix: { cell, value: expected } }),
            subject: { course: course.id, level: level.id },
            // A count read from the Số lượng text (a text table's line has one here, see above).
            ...(row.quantity && actualCell
              ? partsSum(table, row, row.quantity, offering, actual, expected, level.id)
              : {}),
            ...(task && copied && copied.value === actual
              ? { dependsOn: [{ sheet: task.sheet, cell: copied.cell }] }
              : {}),
          });
        }
        if (row.note && offering.quotaPerSchool !== undefined) {
          const noted = parseQuotaNote(row.note.text);
          if (noted !== undefined && noted !== offering.quotaPerSchool) {
            ctx.report({
              table,
              messageId: "note",
              data: { ...base, note: row.note.text, noted, quota: offering.quotaPerSchool },
              cells: [row.note.cell],
              expected: offering.quotaPerSchool,
              actual: noted,
              severity: "warning",
              subject: { course: course.id, detail: "note" },
            });
          }
        }
      }
    }
  },
};

function hasLevelCounts(row: TableRow): boolean {
  for (const _k in row.counts) return true;
  return false;
}

type Base = { label: string; year: number };
type Quantity = NonNullable<TableRow["quantity"]>;

/** A line whose head-count is written in one "Số lượng" cell, with the plan's offering for it. */
interface QuantityLine {
  table: RecognizedTable;
  row: TableRow;
  q: Quantity;
  course: Course;
  offering: Offering;
  base: Base;
}

/** The plan's total for a line: stated, else the sum of its levels' counts when every level has one. */
function plannedTotal(ctx: RuleContext, course: Course, offering: Offering): number | undefined {
  if (offering.total !== undefined) return offering.total;
  let sum = 0;
  for (const id of course.levels) {
    const level = ctx.rulebook.levels.find((l) => l.id === id);
    const n = level ? expectedCount(offering, level) : undefined;
    if (n === undefined) return undefined;
    sum += n;
  }
  return sum;
}

/** A blank Số lượng on a line the plan gives people to: the plan's total is the count to write. */
function checkBlank(
  ctx: RuleContext,
  table: RecognizedTable,
  row: TableRow,
  course: Course,
  offering: Offering,
  base: Base,
): void {
  const expected = plannedTotal(ctx, course, offering);
  if (!expected) return;
  const cell = toA1(row.r, table.columns.quantity as number);
  ctx.report({
    table,
    messageId: "blank",
    data: { ...base, expected: ctx.num(expected) },
    cells: [cell],
    expected,
    actual: null,
    fix: { cell, value: expected },
    subject: { course: course.id, detail: "total" },
  });
}

/**
 * The line's total against the plan's: its stated total for several levels (seed 000: 448), or
 * the sum of its per-level counts when the plan sets one for every eligible level.
 */
function checkTotal(ctx: RuleContext, { table, row, q, course, offering, base }: QuantityLine): void {
  // Only the total is known when the parts name no level: compare it with the plan's total.
  const expected = offering.total ?? (hasLevelCounts(row) ? undefined : plannedTotal(ctx, course, offering));
  const actual = headCount(row);
  if (expected === undefined || expected === actual) return;
  ctx.report({
    table,
    messageId: "total",
    data: { ...base, actual: ctx.num(actual), expected: ctx.num(expected) },
    cells: [q.total.cell],
    expected,
    actual,
    ...(q.total.formula || q.total.derived ? {} : { fix: { cell: q.total.cell, value: expected } }),
    subject: { course: course.id, detail: "total" },
    ...partsSum(table, row, q, offering, actual, expected),
  });
}

/** Parts of the line (public / non-public, target groups) against the plan's parts. */
function checkParts(ctx: RuleContext, { table, row, q, course, offering, base }: QuantityLine): void {
  for (const text of q.unread)
    ctx.report({
      table,
      messageId: "unreadPart",
      data: { label: base.label, part: text },
      cells: [q.total.cell],
      expected: null,
      actual: text,
      severity: "warning",
      subject: { course: course.id, detail: `part|${text}` },
    });
  for (const p of q.parts)
    if (p.group !== undefined && !course.groups.some((g) => g.id === p.group))
      ctx.report({
        table,
        messageId: "unreadPart",
        data: { label: base.label, part: p.text },
        cells: [q.total.cell],
        expected: null,
        actual: p.text,
        severity: "warning",
        subject: { course: course.id, detail: `part|${p.text}` },
      });
  for (const { want, actual } of typedParts(row, q, offering)) {
    if (actual === want.count) continue;
    const part = partName(ctx, want, course);
    ctx.report({
      table,
      messageId: "part",
      data: { ...base, part, actual: ctx.num(actual), expected: ctx.num(want.count) },
      cells: [q.total.cell],
      expected: want.count,
      actual,
      subject: { course: course.id, level: want.level, detail: partDetail(want) },
    });
  }
}

type Part = Offering["parts"][number];

const partDetail = (want: Part) => `part|${want.sector ?? ""}|${want.group ?? ""}`;

/**
 * The plan's parts of a line as the line types them: each part the plan sets (a level's public or
 * non-public sector, a target group) with the line's figure for it, only where the line splits
 * that way itself ("MN CL: 34"; a line "MN: 234" does not), and the typed parts it adds up.
 */
function typedParts(
  row: TableRow,
  q: Quantity,
  offering: Offering,
): { want: Part; actual: number; of: CountPart[] }[] {
  const out = [];
  for (const want of offering.parts) {
    const same = q.parts.filter((p) =>
      want.group !== undefined
        ? p.group !== undefined
        : p.sector !== undefined && (p.level ?? onlyLevel(row)) === want.level,
    );
    if (same.length === 0) continue;
    const of = same.filter((p) =>
      want.group !== undefined ? p.group === want.group : p.sector === want.sector,
    );
    out.push({ want, actual: of.reduce((s, p) => s + p.value, 0), of });
  }
  return out;
}

/**
 * A count written as parts in one cell (seed 000: "MN CL: 35\nMNNCL: 200" for the preschool
 * count; "Đối tượng A: 477\nĐối tượng B: 150" for THCS), as a sum of the plan's parts: a wrong
 * part that makes the count differ is the cause, the count's finding follows from it (Report.sum).
 * `level` picks the parts of one level; without it, every part of the line.
 */
function partsSum(
  table: RecognizedTable,
  row: TableRow,
  q: Quantity,
  offering: Offering,
  actual: number,
  expected: number,
  level?: string,
): { sum?: SumCheck } {
  const parts = typedParts(row, q, offering).filter(
    ({ want, of }) =>
      level === undefined ||
      (want.group === undefined
        ? want.level === level
        : of.length > 0 && of.every((p) => (p.level ?? onlyLevel(row)) === level)),
  );
  if (parts.length === 0) return {};
  // What the count holds besides those parts (e.g. "TH: 100" in the line's total) stays as typed.
  const rest = actual - parts.reduce((s, p) => s + p.actual, 0);
  return {
    sum: {
      parts: parts.map(({ want, actual: value }) => ({
        sheet: table.sheet,
        cell: q.total.cell,
        value,
        subject: { level: want.level, detail: partDetail(want) },
      })),
      total: expected - rest,
    },
  };
}

function onlyLevel(row: TableRow): string | undefined {
  return row.levels?.ids.length === 1 ? row.levels.ids[0] : undefined;
}
