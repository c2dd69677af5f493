/** Dates as Vietnamese users type them: day/month/year, Excel serials, impossible dates. */
import fc from "fast-check";
import {
  daysInMonth,
  excelSerialToDate,
  formatDateVi,
  parseDateText,
  readDateCell,
  type DateReading,
  type ParsedDate,
} from "../../src/engine/dates/parse";
import type { CellValue } from "../../src/engine/snapshot";
import { phrase, type Locale } from "../../src/engine/i18n";

/** A reading with its phrases worded (readings and reasons are catalogue phrases: vi and en). */
type Worded = { date: Omit<ParsedDate, "reading"> & { reading?: string } } | { error: string };
function worded(r: DateReading | undefined, locale: Locale = "vi"): Worded | undefined {
  if (r === undefined) return undefined;
  if ("error" in r) return { error: phrase(r.error, locale) };
  const { reading, ...date } = r.date;
  return { date: reading ? { ...date, reading: phrase(reading, locale) } : date };
}

describe("parseDateText accepts", () => {
  it.each<[string, Omit<ParsedDate, "reading"> & { reading?: string }]>([
    ["05/12/1966", { year: 1966, month: 12, day: 5 }],
    ["5/12/1966", { year: 1966, month: 12, day: 5 }],
    ["05-12-1966", { year: 1966, month: 12, day: 5 }],
    ["05.12.1966", { year: 1966, month: 12, day: 5 }],
    ["05 12 1966", { year: 1966, month: 12, day: 5 }],
    ["  05 / 12 / 1966 ", { year: 1966, month: 12, day: 5 }],
    // Never the US order: 01/02 is 1 February.
    ["01/02/1970", { year: 1970, month: 2, day: 1 }],
    ["12/1966", { year: 1966, month: 12 }],
    ["3/1966", { year: 1966, month: 3 }],
    ["03-1966", { year: 1966, month: 3 }],
    ["1966-12-05", { year: 1966, month: 12, day: 5 }],
    ["1966-12-05T00:00:00", { year: 1966, month: 12, day: 5 }],
    ["1966-12", { year: 1966, month: 12 }],
    ["ngày 5 tháng 12 năm 1966", { year: 1966, month: 12, day: 5 }],
    ["Ngày 05 tháng 12 năm 1966", { year: 1966, month: 12, day: 5 }],
    ["ngay 5 thang 12 nam 1966", { year: 1966, month: 12, day: 5 }],
    ["tháng 12 năm 1966", { year: 1966, month: 12 }],
    ["Tháng 12/1966", { year: 1966, month: 12 }],
    ["ngày 05/12/1966", { year: 1966, month: 12, day: 5 }],
    ["29/02/2000", { year: 2000, month: 2, day: 29 }],
    ["31/12/1999", { year: 1999, month: 12, day: 31 }],
    ["05/12/66", { year: 1966, month: 12, day: 5, reading: 'năm viết tắt "66" được hiểu là 1966' }],
    ["05/12/31", { year: 1931, month: 12, day: 5, reading: 'năm viết tắt "31" được hiểu là 1931' }],
    ["05/12/30", { year: 2030, month: 12, day: 5, reading: 'năm viết tắt "30" được hiểu là 2030' }],
    ["01/01/00", { year: 2000, month: 1, day: 1, reading: 'năm viết tắt "00" được hiểu là 2000' }],
    ["12/66", { year: 1966, month: 12, reading: "hiểu là tháng/năm viết tắt: tháng 12 năm 1966" }],
    [
      "ngày 5 tháng 12 năm 66",
      { year: 1966, month: 12, day: 5, reading: 'năm viết tắt "66" được hiểu là 1966' },
    ],
  ])("%j", (text, date) => {
    expect(worded(parseDateText(text))).toEqual({ date });
  });
});

describe("parseDateText rejects", () => {
  it.each<[string, string]>([
    ["31/02/1970", "Ngày 31/02/1970 không có thật (tháng 2 năm 1970 chỉ có 28 ngày)"],
    ["30/02/2000", "Ngày 30/02/2000 không có thật (tháng 2 năm 2000 chỉ có 29 ngày)"],
    ["29/02/1900", "Ngày 29/02/1900 không có thật (tháng 2 năm 1900 chỉ có 28 ngày)"],
    ["29/02/2023", "Ngày 29/02/2023 không có thật (tháng 2 năm 2023 chỉ có 28 ngày)"],
    ["31/04/1980", "Ngày 31/04/1980 không có thật (tháng 4 chỉ có 30 ngày)"],
    ["32/01/1980", "Ngày 32/01/1980 không có thật (tháng 1 chỉ có 31 ngày)"],
    ["00/12/1966", "Ngày 00/12/1966 không có thật (không có ngày 0)"],
    [
      "05/13/1966",
      "Ngày 05/13/1966 không có thật (không có tháng 13; ngày tháng viết theo thứ tự ngày/tháng/năm)",
    ],
    [
      "12/25/1966",
      "Ngày 12/25/1966 không có thật (không có tháng 25; ngày tháng viết theo thứ tự ngày/tháng/năm)",
    ],
    ["05/00/1966", "Ngày 05/00/1966 không có thật (không có tháng 0)"],
    ["13/1966", "Tháng 13/1966 không có thật (không có tháng 13)"],
    ["1966-13-05", "Ngày 05/13/1966 không có thật (không có tháng 13)"],
    ["1966-02-30", "Ngày 30/02/1966 không có thật (tháng 2 năm 1966 chỉ có 28 ngày)"],
    ["ngày 31 tháng 2 năm 1970", "Ngày 31/02/1970 không có thật (tháng 2 năm 1970 chỉ có 28 ngày)"],
    ["05/12/0966", "Năm 0966 không hợp lệ"],
    ["1966", "Chỉ có năm sinh, thiếu tháng"],
    [" 1966 ", "Chỉ có năm sinh, thiếu tháng"],
    ["năm 1966", "Chỉ có năm sinh, thiếu tháng"],
    ["05/12", "Chỉ có ngày và tháng (05/12), thiếu năm"],
  ])("%j", (text, error) => {
    expect(worded(parseDateText(text))).toEqual({ error });
  });

  it.each([
    "",
    "   ",
    "abc",
    "Nam",
    "1.5",
    "12,5",
    "1-5",
    "45000",
    "123",
    "GV THCS",
    "5/12/1966/1",
    "1966-12-05-01",
  ])("%j is not a date at all", (text) => {
    expect(parseDateText(text)).toBeUndefined();
  });
});

describe("excelSerialToDate", () => {
  // Expected values computed independently (Python: date(1899, 12, 30) + timedelta(serial) from 61 on,
  // date(1899, 12, 31) + timedelta(serial) before 60).
  it.each<[number, ParsedDate]>([
    [1, { year: 1900, month: 1, day: 1 }],
    [31, { year: 1900, month: 1, day: 31 }],
    [59, { year: 1900, month: 2, day: 28 }],
    [60, { year: 1900, month: 2, day: 29 }], // Excel's fictitious day
    [61, { year: 1900, month: 3, day: 1 }],
    [21890, { year: 1959, month: 12, day: 6 }],
    [24100, { year: 1965, month: 12, day: 24 }],
    [25569, { year: 1970, month: 1, day: 1 }],
    [25569.75, { year: 1970, month: 1, day: 1 }],
    [36526, { year: 2000, month: 1, day: 1 }],
    [44927, { year: 2023, month: 1, day: 1 }],
    [45292, { year: 2024, month: 1, day: 1 }],
    [2958465, { year: 9999, month: 12, day: 31 }],
  ])("%d", (serial, date) => {
    expect(excelSerialToDate(serial)).toEqual(date);
  });

  it.each([0, -1, 0.5, 2958466, Number.NaN, Number.POSITIVE_INFINITY])("%d is out of range", (serial) => {
    expect(() => excelSerialToDate(serial)).toThrow(RangeError);
  });
});

describe("readDateCell", () => {
  it.each<[CellValue | undefined]>([[null], [undefined], [""], ["   "], ["\u00a0"]])("%j is blank", (v) => {
    expect(readDateCell(v)).toBeUndefined();
  });

  it.each<[CellValue, Omit<ParsedDate, "reading"> & { reading?: string }]>([
    [24100, { year: 1965, month: 12, day: 24 }],
    [24100.5, { year: 1965, month: 12, day: 24 }],
    [61, { year: 1900, month: 3, day: 1 }],
    [{ date: "1966-12-05" }, { year: 1966, month: 12, day: 5 }],
    [{ date: "1966-12-05T00:00:00.000Z" }, { year: 1966, month: 12, day: 5 }],
    ["05/12/1966", { year: 1966, month: 12, day: 5 }],
    ["12/1966", { year: 1966, month: 12 }],
    [
      1966,
      {
        year: 1905,
        month: 5,
        day: 19,
        reading: "số 1966 được hiểu là ngày Excel 19/05/1905; nếu đây là năm thì thiếu tháng",
      },
    ],
  ])("%j", (v, date) => {
    expect(worded(readDateCell(v))).toEqual({ date });
  });

  it.each<[CellValue, string]>([
    [true, "Ô chứa giá trị TRUE, không phải ngày tháng"],
    [false, "Ô chứa giá trị FALSE, không phải ngày tháng"],
    [{ error: "#REF!" }, "Ô bị lỗi #REF!, không đọc được ngày tháng"],
    [{ error: "#N/A" }, "Ô bị lỗi #N/A, không đọc được ngày tháng"],
    [0, "Số 0 không phải là ngày (ngày của Excel là số từ 1 đến 2958465)"],
    [-5, "Số -5 không phải là ngày (ngày của Excel là số từ 1 đến 2958465)"],
    [2958466, "Số 2958466 không phải là ngày (ngày của Excel là số từ 1 đến 2958465)"],
    [60, "Số 60 là ngày 29/02/1900, ngày không có thật (Excel coi năm 1900 là năm nhuận)"],
    [Number.NaN, "NaN không phải là ngày tháng"],
    [{ date: "1970-02-31" }, "Ngày 31/02/1970 không có thật (tháng 2 năm 1970 chỉ có 28 ngày)"],
    [{ date: "hôm qua" }, '"hôm qua" không phải là ngày tháng'],
    ["31/02/1970", "Ngày 31/02/1970 không có thật (tháng 2 năm 1970 chỉ có 28 ngày)"],
    ["1966", "Chỉ có năm sinh, thiếu tháng"],
    ["chưa rõ", '"chưa rõ" không phải là ngày tháng'],
  ])("%j is an error", (v, error) => {
    expect(worded(readDateCell(v))).toEqual({ error });
  });
});

describe("readings and reasons in English (no Vietnamese left in them)", () => {
  it.each<[CellValue, Worded]>([
    ["31/02/1970", { error: "The date 31/02/1970 does not exist (February 1970 has only 28 days)" }],
    ["31/04/1980", { error: "The date 31/04/1980 does not exist (month 4 has only 30 days)" }],
    [
      "12/25/1966",
      {
        error: "The date 12/25/1966 does not exist (there is no month 25; dates are written day/month/year)",
      },
    ],
    ["1966", { error: "Only the year is given; the month is missing" }],
    ["05/12", { error: "Only a day and a month (05/12); the year is missing" }],
    [true, { error: "The cell holds TRUE, not a date" }],
    [60, { error: "60 is 29/02/1900, a day that does not exist (Excel counts 1900 as a leap year)" }],
    [
      "05/12/66",
      { date: { year: 1966, month: 12, day: 5, reading: 'the two-digit year "66" is read as 1966' } },
    ],
    [
      1966,
      {
        date: {
          year: 1905,
          month: 5,
          day: 19,
          reading: "1966 is read as the Excel date 19/05/1905; if it is a year, the month is missing",
        },
      },
    ],
  ])("%j", (v, want) => {
    expect(worded(readDateCell(v), "en")).toEqual(want);
  });
});

describe("formatDateVi", () => {
  it.each<[ParsedDate, string]>([
    [{ year: 1966, month: 12, day: 5 }, "05/12/1966"],
    [{ year: 1966, month: 12 }, "12/1966"],
    [{ year: 2000, month: 1, day: 31 }, "31/01/2000"],
  ])("%j → %s", (d, text) => {
    expect(formatDateVi(d)).toBe(text);
  });
});

describe("daysInMonth", () => {
  it.each<[number, number, number]>([
    [1900, 2, 28],
    [2000, 2, 29],
    [2024, 2, 29],
    [2023, 2, 28],
    [2023, 4, 30],
    [2023, 12, 31],
  ])("%d-%d has %d days", (y, m, n) => {
    expect(daysInMonth(y, m)).toBe(n);
  });
});

describe("round trip", () => {
  const validDate = fc
    .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) })
    .chain(({ year, month }) =>
      // Days drawn up to 31 and clamped by hand (not by daysInMonth) so the month lengths are checked too.
      fc
        .integer({
          min: 1,
          max: [
            31,
            year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
          ][month - 1],
        })
        .map((day) => ({ year, month, day })),
    );

  it("formatDateVi then parseDateText gives the date back", () => {
    fc.assert(
      fc.property(validDate, (d) => {
        expect(parseDateText(formatDateVi(d))).toEqual({ date: d });
      }),
    );
  });

  it("month/year round-trips too", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        expect(parseDateText(formatDateVi({ year, month }))).toEqual({ date: { year, month } });
      }),
    );
  });

  it("Excel serials agree with day counting from 01/01/1970 (25569)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const d = excelSerialToDate(serial);
        const days = Date.UTC(d.year, d.month - 1, d.day ?? 1) / 86_400_000;
        expect(days).toBe(serial - 25569);
      }),
    );
  });
});
