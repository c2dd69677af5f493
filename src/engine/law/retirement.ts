/**
 * Retirement age under normal working conditions: Labour Code 2019 art. 169 and Decree
 * 135/2020/NĐ-CP.
 *
 * Men retired at 60 and women at 55 until 2020. From 2021 the age rises each calendar year, by
 * 3 months for men (60 tuổi 3 tháng in 2021, 62 from 2028) and by 4 months for women (55 tuổi
 * 4 tháng in 2021, 60 from 2035). The age that applies is the one required in the calendar year
 * in which the person reaches it (the Decree's appendix I tabulates it by month of birth), only
 * the month of birth counts, and retirement takes effect at the end of the month in which that
 * age is reached. Plans count the months a teacher still works from a reference month.
 */
import { daysInMonth, formatDateVi, type YearMonth } from "../dates/parse";
import { ToneTable } from "../text/tone";

export type Gender = "male" | "female";

/**
 * Spellings of each gender, as cells of a "Giới tính" column hold them, matched with their tone
 * marks ("Năm" is a year, not "Nam"), folded only when the cell has none ("nu").
 */
const GENDERS = new ToneTable<Gender>(
  [
    ["Nam", "male"],
    ["Nam giới", "male"],
    ["M", "male"],
    ["male", "male"],
    ["Nữ", "female"],
    ["Nữ giới", "female"],
    // A frequent slip of the Telex keyboard for "Nữ", and no word of its own.
    ["Nũ", "female"],
    ["F", "female"],
    ["female", "female"],
  ],
  false,
);

/** "Nam", "nam", "NAM", "Nữ", "nữ", "nu", "M", "F", "male", "female", "Male" → gender; undefined otherwise ("Năm"). */
export function parseGender(text: string): Gender | undefined {
  return GENDERS.get(text);
}

interface Schedule {
  /** Age in months until 2020. */
  before: number;
  /** Months added for each year from 2021 on. */
  step: number;
  /** Age in months once the rise is over. */
  final: number;
}

const SCHEDULES: Record<Gender, Schedule> = {
  male: { before: 60 * 12, step: 3, final: 62 * 12 },
  female: { before: 55 * 12, step: 4, final: 60 * 12 },
};

/** The last year under the old ages; the rise starts the year after. */
const LAST_OLD_YEAR = 2020;

function checkGender(gender: Gender): Schedule {
  const schedule = Object.hasOwn(SCHEDULES, gender) ? SCHEDULES[gender] : undefined;
  if (!schedule) throw new RangeError(`Giới tính không hợp lệ: ${String(gender)} (phải là nam hoặc nữ)`);
  return schedule;
}

function checkYear(year: number, what: string): void {
  if (!Number.isInteger(year)) throw new RangeError(`Năm ${what} không hợp lệ: ${year} (phải là số nguyên)`);
}

function checkYearMonth(ym: YearMonth, what: string): void {
  checkYear(ym.year, what);
  if (!Number.isInteger(ym.month) || ym.month < 1 || ym.month > 12) {
    throw new RangeError(`Tháng ${what} không hợp lệ: ${ym.month} (phải từ 1 đến 12)`);
  }
}

/** Months since year 0, so that month arithmetic is plain subtraction. */
const index = (ym: YearMonth) => ym.year * 12 + ym.month - 1;

function requiredMonths(schedule: Schedule, year: number): number {
  if (year <= LAST_OLD_YEAR) return schedule.before;
  return Math.min(schedule.before + schedule.step * (year - LAST_OLD_YEAR), schedule.final);
}

/** Required age (years, months) for someone reaching it in calendar year `year`. */
export function requiredAge(gender: Gender, year: number): { years: number; months: number } {
  const schedule = checkGender(gender);
  checkYear(year, "nghỉ hưu");
  const m = requiredMonths(schedule, year);
  return { years: Math.floor(m / 12), months: m % 12 };
}

/** The retirement month and the age applied. */
export interface Retirement extends YearMonth {
  age: { years: number; months: number };
}

/**
 * The month in which the person reaches the age required in that very year. Ages only rise, by
 * less than a year at a time, so the first calendar year Y in which "birth + age required in Y"
 * falls is the one; it lies between 55 and 63 years after the year of birth.
 */
export function retirementOf(birth: YearMonth, gender: Gender): Retirement {
  const schedule = checkGender(gender);
  checkYearMonth(birth, "sinh");
  const born = index(birth);
  for (let year = birth.year + 55; year <= birth.year + 63; year++) {
    const reach = born + requiredMonths(schedule, year);
    if (Math.floor(reach / 12) === year) {
      return { year, month: reach - year * 12 + 1, age: requiredAge(gender, year) };
    }
  }
  // Unreachable: the age required rises by less than 12 months a year.
  throw new Error(`Không tính được tuổi nghỉ hưu cho ${formatDateVi(birth)}`);
}

/** Last day of the retirement month, as ISO yyyy-mm-dd: retirement takes effect at its end. */
export function retirementDate(birth: YearMonth, gender: Gender): string {
  const r = retirementOf(birth, gender);
  const mm = String(r.month).padStart(2, "0");
  return `${String(r.year).padStart(4, "0")}-${mm}-${daysInMonth(r.year, r.month)}`;
}

/** The month plans count the months left from by default: 07/2020. */
export const PLAN_REFERENCE_MONTH: YearMonth = Object.freeze({ year: 2020, month: 7 });

/**
 * Months from `from` (default 07/2020) to the retirement month, both inclusive, since the
 * person still works the month they retire in; 0 or negative when already retired before `from`.
 */
export function monthsLeft(birth: YearMonth, gender: Gender, from: YearMonth = PLAN_REFERENCE_MONTH): number {
  checkYearMonth(from, "tính từ");
  return index(retirementOf(birth, gender)) - index(from) + 1;
}

function showAge(age: { years: number; months: number }): string {
  return age.months === 0 ? `${age.years} tuổi` : `${age.years} tuổi ${age.months} tháng`;
}

/** A short Vietnamese explanation, e.g. "nghỉ hưu 06/2027 (61 tuổi 9 tháng), còn 84 tháng tính từ 07/2020". */
export function explainRetirement(
  birth: YearMonth,
  gender: Gender,
  from: YearMonth = PLAN_REFERENCE_MONTH,
): string {
  const r = retirementOf(birth, gender);
  const left = monthsLeft(birth, gender, from);
  const head = `nghỉ hưu ${formatDateVi(r)} (${showAge(r.age)})`;
  const since = formatDateVi(from);
  return left > 0 ? `${head}, còn ${left} tháng tính từ ${since}` : `${head}, đã nghỉ trước ${since}`;
}
