/**
 * The logic of the =DEAN.* custom functions, as plain functions of the rulebook (no Office.js,
 * no global state): src/functions/functions.ts wraps them for Excel with the current rulebook.
 *
 * Excel passes numbers, strings and booleans; an empty cell arrives as 0, "" or null. Anything
 * that cannot be understood throws a DeanFunctionError whose code is what Excel should show:
 * "#N/A" when something is not in the rulebook (a course, a level, a year), "#VALUE!" when an
 * argument is not of the right kind (text where a number belongs, an unreadable date).
 */
import { readDateCell, type YearMonth } from "../engine/dates/parse";
import { isoToSerial } from "../engine/dates/serial";
import {
  monthsLeft as lawMonthsLeft,
  parseGender,
  PLAN_REFERENCE_MONTH,
  retirementDate,
} from "../engine/law/retirement";
import { phrase, scaleName, SCALES } from "../engine/i18n";
import { statedScale } from "../engine/numbers/units";
import { readCellNumber } from "../engine/numbers/parse";
import { amountInWords } from "../engine/numbers/words";
import { recognitionContext } from "../engine/recognize/recognize";
import type { Course, Level, Offering, Rulebook } from "../engine/rulebook/schema";
import { expectedCount, expectedUnitPrice } from "../engine/plan/expect";
import { courseById, offeringFor } from "../engine/plan/lookup";
import { createMatcher, type Matcher } from "../engine/text/match";
import { fold } from "../engine/text/normalize";
import { hasMarks } from "../engine/text/tone";

/** A scalar as Excel hands it to a custom function (null/undefined: an omitted argument). */
export type CellArg = number | string | boolean | null | undefined;

export type DeanErrorCode = "#N/A" | "#VALUE!";

/** An error Excel should show as `code` with a Vietnamese message. */
export class DeanFunctionError extends Error {
  override readonly name = "DeanFunctionError";
  constructor(
    readonly code: DeanErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const notFound = (message: string) => new DeanFunctionError("#N/A", message);
const badValue = (message: string) => new DeanFunctionError("#VALUE!", message);

const UNIT_SCALES = new Set<number>(SCALES);

// ---------------------------------------------------------------------------------------------
// Reading arguments

function isBlank(v: CellArg): boolean {
  return v === null || v === undefined || v === "" || (typeof v === "string" && v.trim() === "");
}

/** Shorten a text for a message. */
function short(s: string, max = 70): string {
  const t = s.trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function show(v: CellArg): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return typeof v === "string" ? `"${short(v)}"` : String(v);
}

/**
 * A number argument: numbers as they are, numbers typed as text ("13 008", "1.250") as Vietnamese
 * users write them; blank (empty cell, "", "-") is undefined; anything else is #VALUE!.
 */
function readNumberArg(v: CellArg, what: string, options: { unit?: boolean } = {}): number | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw badValue(`${what}: cần một số.`);
    return v;
  }
  if (typeof v === "boolean") throw badValue(`Không hiểu ${what} ${show(v)}: cần một số.`);
  const r = readCellNumber(v);
  if (r.kind === "blank") return undefined;
  if (r.kind === "number" && r.unitScale === undefined) return r.value;
  // "438.750.000 đ", "1,5 tỷ": an amount with its unit, in đồng.
  if (r.kind === "number" && options.unit) return r.value * (r.unitScale ?? 1);
  throw badValue(`Không hiểu ${what} ${show(v)}: cần một số.`);
}

/** A head-count: a whole, non-negative number; blank is 0. */
function readCount(v: CellArg): number {
  const n = readNumberArg(v, "số người") ?? 0;
  if (n < 0 || !Number.isInteger(n))
    throw badValue(`Số người phải là số nguyên không âm, không phải ${show(v)}.`);
  return n;
}

/** The unit a result is given in: 1, 1 000, 1 000 000 or 1 000 000 000 đồng; blank → the rulebook's. */
export function readUnit(rulebook: Rulebook, v: CellArg): number {
  const fail = () =>
    badValue(
      `Không hiểu đơn vị ${show(v)}: dùng "triệu" (1000000), "nghìn" (1000) hoặc "đồng" (1); bỏ trống là ${scaleName(rulebook.defaultScale, "vi")}.`,
    );
  if (isBlank(v) || v === 0) return rulebook.defaultScale;
  if (typeof v === "boolean") throw fail();
  if (typeof v === "string") {
    // The one table of unit words (engine/numbers/units.ts): "triệu", "tr.đ", "1.000 đồng"…
    const named = statedScale(v.replace(/^\s*(?:đơn vị tính|đvt|don vi tinh|dvt)\s*:?\s*/i, ""));
    if (named !== undefined && UNIT_SCALES.has(named)) return named;
  }
  let n: number | undefined;
  try {
    n = readNumberArg(v, "đơn vị");
  } catch {
    throw fail();
  }
  if (n === undefined || n === 0) return rulebook.defaultScale;
  if (!UNIT_SCALES.has(n)) throw fail();
  return n;
}

// ---------------------------------------------------------------------------------------------
// Courses, levels, years

function courseLabel(c: Course): string {
  return `"${short(c.name)}" (${c.id})`;
}

const idIndex = new WeakMap<Rulebook, Map<string, Course>>();

/** A course given by its id (any case) or by its name as typed (fuzzy: diacritics, typos, extra words). */
export function findCourse(rulebook: Rulebook, v: CellArg): Course {
  if (isBlank(v) || v === 0) throw badValue("Chưa có nội dung: cần tên hoặc mã nội dung (ô đang trống).");
  if (typeof v !== "string")
    throw badValue(`Cần tên hoặc mã nội dung (ví dụ "stem"), không phải ${show(v)}.`);
  const text = v.trim();
  const byId = courseById(rulebook, text);
  if (byId) return byId;
  let ids = idIndex.get(rulebook);
  if (!ids) {
    ids = new Map(rulebook.courses.map((c) => [c.id.toLowerCase(), c]));
    idIndex.set(rulebook, ids);
  }
  const byLowerId = ids.get(text.toLowerCase());
  if (byLowerId) return byLowerId;
  const matcher = recognitionContext(rulebook).courses;
  const m = matcher.match(text);
  const found = m && courseById(rulebook, m.key);
  if (found) return found;
  const near = matcher
    .suggest(text, 3)
    .map((s) => courseById(rulebook, s.key))
    .filter((c): c is Course => c !== undefined)
    .map(courseLabel);
  throw notFound(
    `Không tìm thấy nội dung "${short(text)}" trong sổ quy tắc${near.length ? `; gần nhất: ${near.join(", ")}` : ""}.`,
  );
}

const levelMatchers = new WeakMap<Rulebook, Matcher<string>>();

function levelMatcher(rulebook: Rulebook): Matcher<string> {
  let m = levelMatchers.get(rulebook);
  if (!m) {
    m = createMatcher(
      rulebook.levels.map((l) => ({ key: l.id, names: [l.name, ...l.aliases] })),
      { threshold: 0.8 },
    );
    levelMatchers.set(rulebook, m);
  }
  return m;
}

function levelLabel(l: Level): string {
  return l.name === l.id ? l.id : `${l.id} (${l.name})`;
}

/** A level by id, abbreviation or full name, any case, with or without diacritics ("mam non", "Cấp THCS"). */
export function findLevel(rulebook: Rulebook, v: CellArg): Level {
  if (isBlank(v) || v === 0)
    throw badValue('Chưa có cấp học: cần mã hoặc tên cấp học, ví dụ "MN" hoặc "Mầm non".');
  if (typeof v !== "string") throw badValue(`Cần mã hoặc tên cấp học (ví dụ "MN"), không phải ${show(v)}.`);
  const f = fold(v);
  // Level names are matched with their tone marks ("Tiêu học" is not "Tiểu học"), folded when typed without.
  const lookup = recognitionContext(rulebook).levels;
  let id = lookup.get(v) ?? lookup.get(v.replace(/^\s*c[aấ]p\s+(?:h[oọ]c\s+)?/iu, ""));
  // Fuzzy only for names typed without marks: abbreviations must match exactly ("TH" is never
  // "THCS"), and a name with marks that the table does not know is another word.
  if (id === undefined && f.length > 4 && !hasMarks(v)) id = levelMatcher(rulebook).match(v)?.key;
  const level = id === undefined ? undefined : rulebook.levels.find((l) => l.id === id);
  if (level) return level;
  const near = levelMatcher(rulebook)
    .suggest(v, 3)
    .map((s) => rulebook.levels.find((l) => l.id === s.key))
    .filter((l): l is Level => l !== undefined)
    .map(levelLabel);
  throw notFound(
    `Không tìm thấy cấp học "${short(v)}" trong sổ quy tắc; gần nhất: ${near.join(", ")}; các cấp học: ${rulebook.levels.map((l) => l.id).join(", ")}.`,
  );
}

/** A plan year: blank → undefined; not a whole number → #VALUE!; not a year of the plan → #N/A. */
function readPlanYear(rulebook: Rulebook, v: CellArg): number | undefined {
  const y = readNumberArg(v, "năm");
  if (y === undefined || y === 0) return undefined;
  if (!Number.isInteger(y)) throw badValue(`Năm phải là số nguyên, ví dụ 2026, không phải ${show(v)}.`);
  if (!rulebook.years.includes(y))
    throw notFound(`Năm ${y} không thuộc kế hoạch của sổ quy tắc (các năm: ${rulebook.years.join(", ")}).`);
  return y;
}

/**
 * The year a course is taken in: the given year, or when none is given the first year the
 * rulebook offers the course (its only year when it is offered once).
 */
function findOffering(rulebook: Rulebook, course: Course, yearArg: CellArg): Offering {
  const year = readPlanYear(rulebook, yearArg);
  const years = course.offerings.map((o) => o.year).sort((a, b) => a - b);
  if (year === undefined) {
    const first = offeringFor(course, years[0]);
    if (!first)
      throw notFound(`Nội dung ${courseLabel(course)} không được tổ chức năm nào trong sổ quy tắc.`);
    return first;
  }
  const o = offeringFor(course, year);
  if (!o)
    throw notFound(
      `Nội dung ${courseLabel(course)} không được tổ chức năm ${year}; các năm có: ${years.join(", ") || "(không có)"}.`,
    );
  return o;
}

/** The default year of a course: the first year the rulebook offers it. */
export function defaultYear(course: Course): number | undefined {
  return course.offerings.length ? Math.min(...course.offerings.map((o) => o.year)) : undefined;
}

function priceOf(course: Course, offering: Offering): number {
  const p = expectedUnitPrice(course, offering);
  if (p === undefined)
    throw notFound(`Sổ quy tắc không quy định đơn giá của ${courseLabel(course)} năm ${offering.year}.`);
  return p;
}

// ---------------------------------------------------------------------------------------------
// The functions

/**
 * DEAN.COST: the amount of a row for one level, count × unit price (per-credit included), in the
 * unit (default: the rulebook's table unit, million đồng for 2026–2030). Not rounded.
 */
export function cost(
  rulebook: Rulebook,
  course: CellArg,
  level: CellArg,
  count: CellArg,
  year?: CellArg,
  unit?: CellArg,
): number {
  const c = findCourse(rulebook, course);
  const l = findLevel(rulebook, level);
  const n = readCount(count);
  const o = findOffering(rulebook, c, year);
  const scale = readUnit(rulebook, unit);
  if (n === 0) return 0;
  if (!c.levels.includes(l.id))
    throw notFound(
      `Nội dung ${courseLabel(c)} không dành cho cấp ${levelLabel(l)}; các cấp được tham gia: ${c.levels.join(", ")}.`,
    );
  return (n * priceOf(c, o)) / scale;
}

/** DEAN.UNITPRICE: the unit price per person of a course in a year, in the unit (per-credit: price × credits). */
export function unitPrice(rulebook: Rulebook, course: CellArg, year?: CellArg, unit?: CellArg): number {
  const c = findCourse(rulebook, course);
  const o = findOffering(rulebook, c, year);
  const scale = readUnit(rulebook, unit);
  return priceOf(c, o) / scale;
}

/**
 * DEAN.EXPECTED: the head-count the plan expects for a course, a level and a year: the fixed
 * count of the rulebook when it has one, else quota per school × the level's schools; 0 for a
 * level that is not eligible.
 */
export function expected(rulebook: Rulebook, course: CellArg, level: CellArg, year?: CellArg): number {
  const c = findCourse(rulebook, course);
  const l = findLevel(rulebook, level);
  const o = findOffering(rulebook, c, year);
  if (!c.levels.includes(l.id)) return 0;
  const n = expectedCount(o, l);
  if (n !== undefined) return n;
  throw notFound(
    `Sổ quy tắc không quy định số người dự kiến của ${courseLabel(c)} cho cấp ${levelLabel(l)} năm ${o.year}.`,
  );
}

/** DEAN.ELIGIBLE: whether a level may have participants in a course. */
export function eligible(rulebook: Rulebook, course: CellArg, level: CellArg): boolean {
  const c = findCourse(rulebook, course);
  const l = findLevel(rulebook, level);
  return c.levels.includes(l.id);
}

/** DEAN.CREDITS: credits a per-credit programme teaches in a year of the plan (0 in a year without it). */
export function credits(rulebook: Rulebook, programme: CellArg, year: CellArg): number {
  const c = findCourse(rulebook, programme);
  if (c.pricing.type !== "per-credit")
    throw notFound(`Nội dung ${courseLabel(c)} không tính theo tín chỉ trong sổ quy tắc.`);
  const y = readPlanYear(rulebook, year);
  if (y === undefined) throw badValue(`Chưa có năm: cần năm của kế hoạch (${rulebook.years.join(", ")}).`);
  return offeringFor(c, y)?.credits ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Retirement (Decree 135/2020) and words

function readMonth(v: CellArg, what: string): YearMonth {
  if (isBlank(v) || v === 0) throw badValue(`Chưa có ${what}.`);
  const r = readDateCell(v ?? null);
  if (!r) throw badValue(`Không đọc được ${what} ${show(v)}: ghi ngày/tháng/năm, ví dụ 15/03/1966.`);
  if ("error" in r) throw badValue(`Không đọc được ${what} ${show(v)}: ${phrase(r.error, "vi")}.`);
  // A bare number such as 1966 is a year typed without its month, not 19/05/1905.
  if (typeof v === "number" && r.date.reading)
    throw badValue(`Không đọc được ${what} ${show(v)}: ${phrase(r.date.reading, "vi")}.`);
  return { year: r.date.year, month: r.date.month };
}

function readGender(v: CellArg): "male" | "female" {
  const g = typeof v === "string" ? parseGender(v) : undefined;
  if (!g) throw badValue(`Không hiểu giới tính ${show(v ?? "")}: ghi "Nam" hoặc "Nữ".`);
  return g;
}

/** "yyyy-mm-dd" → Excel date serial (1900 date system, src/engine/dates/serial.ts). */
export function excelSerial(isoDate: string): number {
  const serial = isoToSerial(isoDate);
  if (serial === undefined) throw new RangeError(`Ngày không hợp lệ: ${isoDate}`);
  return serial;
}

/** DEAN.RETIREMENT: the retirement date (last day of the retirement month) as an Excel date serial. */
export function retirement(birth: CellArg, gender: CellArg): number {
  const b = readMonth(birth, "ngày sinh");
  return excelSerial(retirementDate(b, readGender(gender)));
}

/**
 * DEAN.MONTHSLEFT: months of work left before retirement, from `from` (default 07/2020) to the
 * retirement month, both inclusive; 0 for someone already retired before `from`.
 */
export function monthsLeft(birth: CellArg, gender: CellArg, from?: CellArg): number {
  const b = readMonth(birth, "ngày sinh");
  const g = readGender(gender);
  const start = isBlank(from) || from === 0 ? PLAN_REFERENCE_MONTH : readMonth(from, "tháng bắt đầu tính");
  return Math.max(0, lawMonthsLeft(b, g, start));
}

/** DEAN.WORDS: an amount in đồng in Vietnamese words ("Một trăm … đồng"). */
export function words(amount: CellArg): string {
  const n = readNumberArg(amount, "số tiền", { unit: true }) ?? 0;
  if (!Number.isSafeInteger(Math.round(Math.abs(n))))
    throw badValue(`Số tiền ${show(amount)} quá lớn để đọc thành chữ.`);
  return amountInWords(n);
}
