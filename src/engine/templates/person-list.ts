/**
 * Danh sách đăng ký đào tạo nâng chuẩn: one row per person, blank rows ready to fill (200 by
 * default), with drop-down lists for gender, unit, level, public/non-public, qualification and
 * programme, and two computed columns in plain formulas:
 *
 * - Tháng nghỉ hưu = EOMONTH(birth date, retirement age in months), the age looked up in the
 *   hidden helper sheet "Bảng tuổi nghỉ hưu" by (birth year × 12 + birth month) and gender. The
 *   sheet tabulates, as Decree 135/2020's appendix I does, every birth month from 01/1955 to
 *   12/1995 with the age src/engine/law/retirement.ts computes. Births outside that range are
 *   looked up at its ends, which is exact: before 1955 everyone retired under the old ages (60 and
 *   55, before 2021), after 1995 everyone retires at the final ages (62 and 60).
 * - Số tháng còn lại = months from 07/2020 to the retirement month, both included, at least 0
 *   (as DEAN.MONTHSLEFT and the law module count them); "Kiểm tra ngày sinh, giới tính" when the
 *   birth date or the gender cannot be read (the retirement month is then blank).
 *
 * Both stay blank while the row's birth date or gender is blank; STT numbers a row once a name is
 * typed. An empty list checks clean; what is typed is checked by the engine's per-person rules.
 */
import { retirementOf, PLAN_REFERENCE_MONTH, type Gender } from "../law/retirement";
import { formatDateVi, type YearMonth } from "../dates/parse";
import { toA1 } from "../a1";
import { quoteSheetName } from "../sheet-names";
import {
  abs,
  autoNumber,
  f,
  fitsInline,
  programmeLabel,
  QUALIFICATIONS,
  SheetBuilder,
  sheetName,
  titleBlock,
  unitsFor,
  v,
  yearUpgrades,
  type BuildContext,
} from "./layout";
import type { TemplateSheet, Validation } from "./spec";

/** Blank person rows by default. */
const DEFAULT_PEOPLE = 200;
export const RETIREMENT_SHEET = "Bảng tuổi nghỉ hưu";
const LISTS_SHEET = "Danh mục";
/** First and last birth month of the retirement table. */
const RETIREMENT_TABLE_RANGE: Readonly<{ first: YearMonth; last: YearMonth }> = {
  first: { year: 1955, month: 1 },
  last: { year: 1995, month: 12 },
};
/** Birth dates the list accepts. */
const BIRTH_MIN = "1940-01-01";
const BIRTH_MAX = "2010-12-31";

const GENDERS: readonly [string, Gender][] = [
  ["Nam", "male"],
  ["Nữ", "female"],
];

/** Column of each field (0-based). */
export const PERSON_COL = {
  tt: 0,
  name: 1,
  birth: 2,
  gender: 3,
  school: 4,
  area: 5,
  level: 6,
  sector: 7,
  qualification: 8,
  position: 9,
  programme: 10,
  retirement: 11,
  monthsLeft: 12,
} as const;

/** The key a birth month is looked up by: year × 12 + month. */
const keyOf = (ym: YearMonth) => ym.year * 12 + ym.month;

/** The retirement table: rows of the header and of the first and last birth month (0-based). */
const TABLE = { headerTop: 3, genders: 4, first: 5 } as const;

/** The hidden sheet of retirement ages by birth month and gender. */
function retirementSheet(): TemplateSheet {
  const b = new SheetBuilder([12, 12, 12, 12, 14, 14]);
  b.line("BẢNG TUỔI NGHỈ HƯU THEO THÁNG, NĂM SINH", "title");
  b.line("(Nghị định 135/2020/NĐ-CP, Phụ lục I; nghỉ hưu từ cuối tháng đủ tuổi)", "attached");
  b.add([]);
  b.add([
    v("Khóa (năm × 12 + tháng)", "header"),
    v("Tháng, năm sinh", "header"),
    v("Tuổi nghỉ hưu (số tháng)", "header"),
    v(null, "header"),
    v("Tháng nghỉ hưu", "header"),
    v(null, "header"),
  ]);
  b.add([
    v(null, "header"),
    v(null, "header"),
    ...GENDERS.map(([g]) => v(g, "header")),
    ...GENDERS.map(([g]) => v(g, "header")),
  ]);
  b.merge(TABLE.headerTop, 0, TABLE.genders, 0);
  b.merge(TABLE.headerTop, 1, TABLE.genders, 1);
  b.merge(TABLE.headerTop, 2, TABLE.headerTop, 3);
  b.merge(TABLE.headerTop, 4, TABLE.headerTop, 5);
  const { first, last } = RETIREMENT_TABLE_RANGE;
  for (let k = keyOf(first); k <= keyOf(last); k++) {
    const birth = { year: Math.floor((k - 1) / 12), month: ((k - 1) % 12) + 1 };
    const rs = GENDERS.map(([, g]) => retirementOf(birth, g));
    b.add([
      v(k, "center"),
      v(formatDateVi(birth), "center"),
      ...rs.map((r) => v(r.age.years * 12 + r.age.months, "center")),
      ...rs.map((r) => v(formatDateVi(r), "center")),
    ]);
  }
  return b.sheet({
    name: sheetName(RETIREMENT_SHEET),
    kind: "person-list",
    printTitleRows: [TABLE.headerTop, TABLE.genders],
    freeze: { rows: TABLE.first, cols: 0 },
    hidden: true,
  });
}

/** Birth date and gender of row r are both typed. */
function typed(r: number): string {
  return `OR(${toA1(r, PERSON_COL.birth)}="",${toA1(r, PERSON_COL.gender)}="")`;
}

/**
 * The retirement month of row r: EOMONTH(birth, the table's age for the birth month and gender);
 * blank when either is missing or cannot be read (the months-left cell says so: a text in this
 * date-formatted cell would read back as no date at all).
 */
function retirementFormula(r: number): string {
  const t = quoteSheetName(RETIREMENT_SHEET);
  const n = keyOf(RETIREMENT_TABLE_RANGE.last) - keyOf(RETIREMENT_TABLE_RANGE.first);
  const keys = `${t}!${abs(TABLE.first, 0)}:${abs(TABLE.first + n, 0)}`;
  const ages = `${t}!${abs(TABLE.first, 2)}:${abs(TABLE.first + n, 3)}`;
  const genders = `${t}!${abs(TABLE.genders, 2)}:${abs(TABLE.genders, 3)}`;
  const birth = toA1(r, PERSON_COL.birth);
  const gender = toA1(r, PERSON_COL.gender);
  const key = `MIN(MAX(YEAR(${birth})*12+MONTH(${birth}),${keyOf(RETIREMENT_TABLE_RANGE.first)}),${keyOf(RETIREMENT_TABLE_RANGE.last)})`;
  return (
    `IF(${typed(r)},"",IFERROR(EOMONTH(${birth},` +
    `INDEX(${ages},MATCH(${key},${keys},0),MATCH(${gender},${genders},0))),""))`
  );
}

/** Shown instead of the months left when the birth date or the gender cannot be read. */
export const CHECK_INPUT = "Kiểm tra ngày sinh, giới tính";

/**
 * Months from the plan's reference month (07/2020) to the retirement month of row r, both
 * included, at least 0; CHECK_INPUT when the retirement month could not be computed.
 */
function monthsLeftFormula(r: number): string {
  const m = toA1(r, PERSON_COL.retirement);
  const ref = PLAN_REFERENCE_MONTH;
  return `IF(${typed(r)},"",IF(${m}="","${CHECK_INPUT}",MAX(0,(YEAR(${m})-${ref.year})*12+MONTH(${m})-${ref.month - 1})))`;
}

export function personListSheets(ctx: BuildContext): TemplateSheet[] {
  const { rulebook, year } = ctx;
  const units = unitsFor(rulebook, year, ctx.units);
  const ref = PLAN_REFERENCE_MONTH;
  const b = new SheetBuilder([5, 24, 12, 8, 24, 15, 10, 13, 11, 13, 11, 10, 12]);
  titleBlock(b, {
    appendix: ctx.appendix,
    province: ctx.rulebook.province,
    titles: [`Danh sách CBQL, GV đăng ký đào tạo nâng chuẩn năm ${year}`],
  });
  const header = b.add(
    [
      "STT",
      "Họ và tên",
      "Ngày sinh",
      "Giới tính",
      "Đơn vị công tác",
      units.label,
      "Cấp học",
      "Loại hình",
      "Trình độ hiện tại",
      "Chức vụ",
      "Chương trình đào tạo",
      "Tháng nghỉ hưu",
      `Số tháng còn lại từ 01/${ref.month}/${ref.year}`,
    ].map((h) => v(h, "header")),
  );
  const first = b.next;
  const n = ctx.rows ?? DEFAULT_PEOPLE;
  for (let i = 0; i < n; i++) {
    const r = b.next;
    b.add([
      f(autoNumber(r, header, PERSON_COL.name), "center"),
      v(null, "text"),
      v(null, "date"),
      v(null, "center"),
      v(null, "text"),
      v(null, "text"),
      v(null, "center"),
      v(null, "center"),
      v(null, "center"),
      v(null, "text"),
      v(null, "center"),
      f(retirementFormula(r), "month"),
      f(monthsLeftFormula(r), "count"),
    ]);
  }
  const last = b.next - 1;
  const column = (c: number) => `${toA1(first, c)}:${toA1(last, c)}`;

  const programmes = yearUpgrades(rulebook, year);
  const allProgrammes = rulebook.courses.filter((c) => c.kind === "dao-tao");
  const lists: [number, string, string[], string][] = [
    [PERSON_COL.gender, "Giới tính", GENDERS.map(([g]) => g), 'Chọn "Nam" hoặc "Nữ".'],
    [
      PERSON_COL.area,
      units.label,
      units.names,
      `Chọn ${units.label.toLocaleLowerCase("vi")} trong danh sách.`,
    ],
    [PERSON_COL.level, "Cấp học", rulebook.levels.map((l) => l.name), "Chọn cấp học trong danh sách."],
    [
      PERSON_COL.sector,
      "Loại hình",
      ["Công lập", "Ngoài công lập"],
      'Chọn "Công lập" hoặc "Ngoài công lập".',
    ],
    [PERSON_COL.qualification, "Trình độ hiện tại", [...QUALIFICATIONS], "Chọn trình độ trong danh sách."],
    [
      PERSON_COL.programme,
      "Chương trình đào tạo",
      [...new Set((programmes.length > 0 ? programmes : allProgrammes).map(programmeLabel))],
      "Chọn chương trình đào tạo trong danh sách.",
    ],
  ];
  b.validations.push({
    type: "date",
    range: column(PERSON_COL.birth),
    min: BIRTH_MIN,
    max: BIRTH_MAX,
    error: "Ngày sinh phải là một ngày (ngày/tháng/năm) từ 01/01/1940 đến 31/12/2010.",
  });
  // Lists too long for an inline list go to a hidden sheet, one column each.
  const long = new SheetBuilder([]);
  const longWidths: number[] = [];
  const longCols: string[][] = [];
  for (const [col, title, items, error] of lists) {
    if (items.length === 0) continue;
    const validation: Validation = { type: "list", range: column(col), list: items, error };
    if (!fitsInline(items)) {
      const c = longCols.length;
      longCols.push([title, ...items]);
      longWidths.push(Math.max(14, Math.min(40, ...items.map((x) => x.length + 2))));
      validation.source = `${quoteSheetName(LISTS_SHEET)}!${abs(1, c)}:${abs(items.length, c)}`;
    }
    b.validations.push(validation);
  }
  const sheets = [
    b.sheet({
      name: sheetName(`Danh sách ${year}`),
      kind: "person-list",
      year,
      printTitleRows: [header, header],
      freeze: { rows: header + 1, cols: 2 },
    }),
    retirementSheet(),
  ];
  if (longCols.length > 0) {
    long.columnWidths.push(...longWidths);
    const height = Math.max(...longCols.map((c) => c.length));
    for (let r = 0; r < height; r++)
      long.add(longCols.map((c) => (c[r] === undefined ? null : v(c[r], r === 0 ? "header" : "plain"))));
    sheets.push(
      long.sheet({
        name: sheetName(LISTS_SHEET),
        kind: "person-list",
        printTitleRows: [0, 0],
        freeze: { rows: 1, cols: 0 },
        hidden: true,
      }),
    );
  }
  return sheets;
}
