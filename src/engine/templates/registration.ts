/**
 * The registration table of a year by unit (2024 plan, Phụ lục 1–6): STT | Quận/huyện (or Xã,
 * phường, đặc khu) | one column per degree-upgrade programme of the year | Ghi chú, then a
 * "Tổng số:" row of SUM formulas. A year without upgrades gets one column per in-service course
 * instead (a year without any course: one "Số lượng đăng ký (người)" column). Units are the rulebook's list; without one (the 2026–2030 rulebook has none), rows are
 * left blank to fill, numbered by formula as names are typed.
 *
 * A column's total stays blank while the column adds up to nothing: an unfilled table is not a
 * wrong one, and the engine compares a total with the plan's head-count (count-chain) only when
 * there is one. (A column of typed zeros therefore shows a blank total, which the totals rule
 * reports; nobody registers zero everywhere.)
 */
import {
  autoNumber,
  f,
  programmeLabel,
  SheetBuilder,
  sheetName,
  sumOf,
  titleBlock,
  unitsFor,
  v,
  yearLines,
  yearUpgrades,
  type BuildContext,
} from "./layout";
import type { TemplateSheet } from "./spec";

/** The one value column of a year that offers no course. */
const GENERIC_COLUMN = "Số lượng đăng ký (người)";

/** Blank unit rows when the rulebook lists no units. */
const DEFAULT_BLANK_UNITS = 30;

export function registrationSheet(ctx: BuildContext): TemplateSheet {
  const { rulebook, year } = ctx;
  const upgrades = yearUpgrades(rulebook, year);
  const courses = yearLines(rulebook, year)
    .filter((l) => l.course.kind !== "nhom")
    .map((l) => l.course.name);
  const columns =
    upgrades.length > 0
      ? upgrades.map((c) => `Trình độ đào tạo ${programmeLabel(c)}`)
      : courses.length > 0
        ? courses
        : [GENERIC_COLUMN];
  const units = unitsFor(rulebook, year, ctx.units);
  const b = new SheetBuilder([6, 24, ...columns.map((c) => (c.length > 30 ? 22 : 16)), 20]);
  titleBlock(b, {
    appendix: ctx.appendix,
    province: rulebook.province,
    titles: [
      upgrades.length > 0
        ? `Số lượng CBQL, GV đăng ký đào tạo nâng chuẩn năm ${year}`
        : `Số lượng CBQL, GV đăng ký bồi dưỡng năm ${year}`,
    ],
  });
  const header = b.add([
    v("STT", "header"),
    v(units.label, "header"),
    ...columns.map((c) => v(c, "header")),
    v("Ghi chú", "header"),
  ]);
  const first = b.next;
  const blanks = columns.map(() => v(null, "count"));
  if (units.names.length > 0) {
    units.names.forEach((name, i) =>
      b.add([v(i + 1, "center"), v(name, "text"), ...blanks, v(null, "text")]),
    );
  } else {
    const n = ctx.rows ?? DEFAULT_BLANK_UNITS;
    for (let i = 0; i < n; i++) {
      const r = b.next;
      b.add([f(autoNumber(r, header, 1), "center"), v(null, "text"), ...blanks, v(null, "text")]);
    }
  }
  const rows = Array.from({ length: b.next - first }, (_, i) => first + i);
  b.add([
    v(null, "totalLabel"),
    v("Tổng số:", "totalLabel"),
    ...columns.map((_, k) => {
      const sum = sumOf(2 + k, rows);
      return f(`IF(${sum}=0,"",${sum})`, "totalCount");
    }),
    v(null, "text"),
  ]);
  return b.sheet({
    name: sheetName(`Đăng ký ${year}`),
    kind: "registration",
    year,
    printTitleRows: [header, header],
    freeze: { rows: header + 1, cols: 2 },
  });
}
