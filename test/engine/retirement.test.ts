/**
 * Retirement by Decree 135/2020/NĐ-CP. The expected tables are worked out by hand from the law
 * (men +3 months a year from 60 in 2021 up to 62 in 2028, women +4 months from 55 up to 60 in
 * 2035, the age of the year in which it is reached, end of that month) and match the Decree's
 * appendix I ranges, e.g. men born 07/1965–03/1966 at 61 tuổi 9 tháng, women from 05/1975 at 60.
 */
import fc from "fast-check";
import {
  explainRetirement,
  monthsLeft,
  parseGender,
  PLAN_REFERENCE_MONTH,
  requiredAge,
  retirementDate,
  retirementOf,
  type Gender,
} from "../../src/engine/law/retirement";

type Row = [
  gender: Gender,
  birth: string,
  retires: string,
  years: number,
  months: number,
  left: number,
  date: string,
];

/** "mm/yyyy" → { year, month }, written here so the table reads like the Decree. */
function ym(text: string): { year: number; month: number } {
  const [m, y] = text.split("/").map(Number);
  return { year: y, month: m };
}

describe("retirementOf", () => {
  // gender, birth, retirement month, age applied, months left from 07/2020 (inclusive), last day.
  it.each<Row>([
    // Men: 60 until 2020.
    ["male", "05/1958", "05/2018", 60, 0, -25, "2018-05-31"],
    ["male", "02/1960", "02/2020", 60, 0, -4, "2020-02-29"],
    ["male", "06/1960", "06/2020", 60, 0, 0, "2020-06-30"],
    ["male", "07/1960", "07/2020", 60, 0, 1, "2020-07-31"],
    ["male", "12/1960", "12/2020", 60, 0, 6, "2020-12-31"],
    // 2021: 60 tuổi 3 tháng, born 01/1961–09/1961.
    ["male", "01/1961", "04/2021", 60, 3, 10, "2021-04-30"],
    ["male", "09/1961", "12/2021", 60, 3, 18, "2021-12-31"],
    // 2022: 60 tuổi 6 tháng, born 10/1961–06/1962.
    ["male", "10/1961", "04/2022", 60, 6, 22, "2022-04-30"],
    ["male", "06/1962", "12/2022", 60, 6, 30, "2022-12-31"],
    // 2023: 60 tuổi 9 tháng, born 07/1962–03/1963.
    ["male", "07/1962", "04/2023", 60, 9, 34, "2023-04-30"],
    ["male", "01/1963", "10/2023", 60, 9, 40, "2023-10-31"],
    // 2024: 61, born 04/1963–12/1963.
    ["male", "04/1963", "04/2024", 61, 0, 46, "2024-04-30"],
    // 2026: 61 tuổi 6 tháng, born 10/1964–06/1965.
    ["male", "06/1965", "12/2026", 61, 6, 78, "2026-12-31"],
    // 2027: 61 tuổi 9 tháng, born 07/1965–03/1966.
    ["male", "07/1965", "04/2027", 61, 9, 82, "2027-04-30"],
    ["male", "08/1965", "05/2027", 61, 9, 83, "2027-05-31"],
    ["male", "09/1965", "06/2027", 61, 9, 84, "2027-06-30"],
    ["male", "03/1966", "12/2027", 61, 9, 90, "2027-12-31"],
    // 62 from 2028, born 04/1966 on.
    ["male", "04/1966", "04/2028", 62, 0, 94, "2028-04-30"],
    ["male", "05/1966", "05/2028", 62, 0, 95, "2028-05-31"],
    ["male", "06/1966", "06/2028", 62, 0, 96, "2028-06-30"],
    ["male", "01/1970", "01/2032", 62, 0, 139, "2032-01-31"],
    ["male", "12/1970", "12/2032", 62, 0, 150, "2032-12-31"],
    ["male", "02/1978", "02/2040", 62, 0, 236, "2040-02-29"],
    // Women: 55 until 2020.
    ["female", "01/1965", "01/2020", 55, 0, -5, "2020-01-31"],
    ["female", "12/1965", "12/2020", 55, 0, 6, "2020-12-31"],
    // 2021: 55 tuổi 4 tháng, born 01/1966–08/1966.
    ["female", "01/1966", "05/2021", 55, 4, 11, "2021-05-31"],
    ["female", "08/1966", "12/2021", 55, 4, 18, "2021-12-31"],
    // 2022: 55 tuổi 8 tháng, born 09/1966–04/1967.
    ["female", "09/1966", "05/2022", 55, 8, 23, "2022-05-31"],
    ["female", "04/1967", "12/2022", 55, 8, 30, "2022-12-31"],
    // 2023: 56, born 05/1967–12/1967.
    ["female", "05/1967", "05/2023", 56, 0, 35, "2023-05-31"],
    // 2027: 57 tuổi 4 tháng, born 01/1970–08/1970.
    ["female", "01/1970", "05/2027", 57, 4, 83, "2027-05-31"],
    ["female", "02/1970", "06/2027", 57, 4, 84, "2027-06-30"],
    // 2028: 57 tuổi 8 tháng, born 09/1970–04/1971.
    ["female", "09/1970", "05/2028", 57, 8, 95, "2028-05-31"],
    ["female", "10/1970", "06/2028", 57, 8, 96, "2028-06-30"],
    // 2033: 59 tuổi 4 tháng, born 01/1974–08/1974.
    ["female", "08/1974", "12/2033", 59, 4, 162, "2033-12-31"],
    // 2034: 59 tuổi 8 tháng, born 09/1974–04/1975.
    ["female", "09/1974", "05/2034", 59, 8, 167, "2034-05-31"],
    ["female", "12/1974", "08/2034", 59, 8, 170, "2034-08-31"],
    ["female", "04/1975", "12/2034", 59, 8, 174, "2034-12-31"],
    // 60 from 2035, born 05/1975 on.
    ["female", "05/1975", "05/2035", 60, 0, 179, "2035-05-31"],
    ["female", "01/1980", "01/2040", 60, 0, 235, "2040-01-31"],
    ["female", "02/1980", "02/2040", 60, 0, 236, "2040-02-29"],
    ["female", "12/1980", "12/2040", 60, 0, 246, "2040-12-31"],
  ])(
    "%s born %s retires %s at %d tuổi %d tháng, %d months left",
    (gender, birth, retires, years, months, left, date) => {
      const b = ym(birth);
      expect(retirementOf(b, gender)).toEqual({ ...ym(retires), age: { years, months } });
      expect(monthsLeft(b, gender)).toBe(left);
      expect(retirementDate(b, gender)).toBe(date);
    },
  );

  it("ignores the day of birth: only the month counts", () => {
    expect(
      retirementOf({ year: 1965, month: 9, day: 30 } as { year: number; month: number }, "male"),
    ).toEqual(retirementOf({ year: 1965, month: 9 }, "male"));
  });
});

describe("requiredAge", () => {
  it.each<[Gender, number, number, number]>([
    ["male", 2019, 60, 0],
    ["male", 2020, 60, 0],
    ["male", 2021, 60, 3],
    ["male", 2022, 60, 6],
    ["male", 2023, 60, 9],
    ["male", 2024, 61, 0],
    ["male", 2025, 61, 3],
    ["male", 2026, 61, 6],
    ["male", 2027, 61, 9],
    ["male", 2028, 62, 0],
    ["male", 2040, 62, 0],
    ["female", 2020, 55, 0],
    ["female", 2021, 55, 4],
    ["female", 2022, 55, 8],
    ["female", 2023, 56, 0],
    ["female", 2026, 57, 0],
    ["female", 2030, 58, 4],
    ["female", 2034, 59, 8],
    ["female", 2035, 60, 0],
    ["female", 2050, 60, 0],
  ])("%s in %d: %d tuổi %d tháng", (gender, year, years, months) => {
    expect(requiredAge(gender, year)).toEqual({ years, months });
  });
});

describe("monthsLeft", () => {
  it("counts from 07/2020 by default", () => {
    expect(PLAN_REFERENCE_MONTH).toEqual({ year: 2020, month: 7 });
  });

  it.each<[Gender, string, string, number]>([
    ["male", "09/1965", "07/2020", 84],
    ["male", "09/1965", "08/2020", 83],
    ["male", "09/1965", "06/2027", 1],
    ["male", "09/1965", "07/2027", 0],
    ["male", "09/1965", "01/2026", 18],
    ["female", "10/1970", "07/2020", 96],
    ["female", "10/1970", "08/2020", 95],
  ])("%s born %s, from %s: %d", (gender, birth, from, left) => {
    expect(monthsLeft(ym(birth), gender, ym(from))).toBe(left);
  });
});

describe("explainRetirement", () => {
  it.each<[Gender, string, string | undefined, string]>([
    ["male", "09/1965", undefined, "nghỉ hưu 06/2027 (61 tuổi 9 tháng), còn 84 tháng tính từ 07/2020"],
    ["male", "04/1966", undefined, "nghỉ hưu 04/2028 (62 tuổi), còn 94 tháng tính từ 07/2020"],
    ["female", "01/1966", "01/2021", "nghỉ hưu 05/2021 (55 tuổi 4 tháng), còn 5 tháng tính từ 01/2021"],
    ["male", "06/1960", undefined, "nghỉ hưu 06/2020 (60 tuổi), đã nghỉ trước 07/2020"],
  ])("%s born %s from %s", (gender, birth, from, text) => {
    expect(explainRetirement(ym(birth), gender, from === undefined ? undefined : ym(from))).toBe(text);
  });
});

describe("invalid input", () => {
  it.each<[string, () => unknown]>([
    ["month 13", () => retirementOf({ year: 1966, month: 13 }, "male")],
    ["month 0", () => retirementOf({ year: 1966, month: 0 }, "female")],
    ["month 1.5", () => retirementOf({ year: 1966, month: 1.5 }, "male")],
    ["year 1966.5", () => retirementOf({ year: 1966.5, month: 1 }, "male")],
    ["year NaN", () => monthsLeft({ year: Number.NaN, month: 1 }, "male")],
    ["from month 13", () => monthsLeft({ year: 1966, month: 1 }, "male", { year: 2020, month: 13 })],
    ["requiredAge year 2021.5", () => requiredAge("male", 2021.5)],
    ["gender", () => retirementOf({ year: 1966, month: 1 }, "other" as Gender)],
  ])("%s throws RangeError", (_what, call) => {
    expect(call).toThrow(RangeError);
  });

  it("says what is wrong in Vietnamese", () => {
    expect(() => retirementOf({ year: 1966, month: 13 }, "male")).toThrow(
      "Tháng sinh không hợp lệ: 13 (phải từ 1 đến 12)",
    );
    expect(() => retirementOf({ year: 1966.5, month: 1 }, "male")).toThrow(
      "Năm sinh không hợp lệ: 1966.5 (phải là số nguyên)",
    );
  });
});

describe("parseGender", () => {
  it.each<[string, Gender | undefined]>([
    ["Nam", "male"],
    ["nam", "male"],
    ["NAM", "male"],
    [" Nam ", "male"],
    ["Nam giới", "male"],
    ["M", "male"],
    ["m", "male"],
    ["male", "male"],
    ["Male", "male"],
    ["Nữ", "female"],
    ["nữ", "female"],
    ["NỮ", "female"],
    ["Nu\u0303", "female"], // NFD
    ["nu", "female"],
    ["Nữ giới", "female"],
    ["F", "female"],
    ["female", "female"],
    ["Female", "female"],
    ["", undefined],
    ["x", undefined],
    ["Nam Định", undefined],
    ["constructor", undefined],
    ["1", undefined],
  ])("%j → %s", (text, gender) => {
    expect(parseGender(text)).toBe(gender);
  });
});

describe("properties", () => {
  const birth = fc.record({
    year: fc.integer({ min: 1940, max: 2010 }),
    month: fc.integer({ min: 1, max: 12 }),
  });
  const gender = fc.constantFrom<Gender>("male", "female");
  const months = (a: { years: number; months: number }) => a.years * 12 + a.months;
  const index = (ym: { year: number; month: number }) => ym.year * 12 + ym.month - 1;
  const next = (ym: { year: number; month: number }) =>
    ym.month === 12 ? { year: ym.year + 1, month: 1 } : { year: ym.year, month: ym.month + 1 };

  it("the age applied never falls, and retirement never comes earlier, for a later birth month", () => {
    fc.assert(
      fc.property(birth, gender, (b, g) => {
        const r = retirementOf(b, g);
        const later = retirementOf(next(b), g);
        expect(months(later.age)).toBeGreaterThanOrEqual(months(r.age));
        expect(index(later)).toBeGreaterThan(index(r));
      }),
    );
  });

  it("retires exactly at birth + the age applied, which lies between the old and the final age", () => {
    const bounds: Record<Gender, [number, number]> = { male: [60 * 12, 62 * 12], female: [55 * 12, 60 * 12] };
    fc.assert(
      fc.property(birth, gender, (b, g) => {
        const r = retirementOf(b, g);
        const age = months(r.age);
        expect(index(r) - index(b)).toBe(age);
        expect(age).toBeGreaterThanOrEqual(bounds[g][0]);
        expect(age).toBeLessThanOrEqual(bounds[g][1]);
      }),
    );
  });

  it("applies the age of the year it is reached in, and no earlier year's age was reached in its year", () => {
    fc.assert(
      fc.property(birth, gender, (b, g) => {
        const r = retirementOf(b, g);
        expect(r.age).toEqual(requiredAge(g, r.year));
        for (let y = b.year; y < r.year; y++) {
          expect(Math.floor((index(b) + months(requiredAge(g, y))) / 12)).not.toBe(y);
        }
      }),
    );
  });

  it("one month later leaves one month fewer", () => {
    fc.assert(
      fc.property(birth, gender, birth, (b, g, from) => {
        expect(monthsLeft(b, g, from) - monthsLeft(b, g, next(from))).toBe(1);
      }),
    );
  });
});
