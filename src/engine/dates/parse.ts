/**
 * Dates as Vietnamese users type them into cells.
 *
 * The order is always day/month/year ("05/12/1966" is 5 December 1966), never the US order;
 * people also write month/year ("12/1966"), ISO ("1966-12-05"), words ("ngày 5 tháng 12 năm
 * 1966") and two-digit years ("05/12/66"). Numbers are Excel serial dates. A date that does not
 * exist comes back as an error naming what is wrong, so a rule can tell the user what to fix;
 * an input that could be read two ways carries the reading that was chosen.
 */
import { isCellDate, isCellError, type CellValue } from "../snapshot";
import { collapseSpaces, fold } from "../text/normalize";
import type { Phrase } from "../i18n";
import { EXCEL_MAX_SERIAL, serialToDay } from "./serial";

export interface YearMonth {
  year: number;
  /** 1–12 */
  month: number;
}

export interface ParsedDate extends YearMonth {
  day?: number;
  /** How an ambiguous input was read (a catalogue phrase: vi and en). */
  reading?: Phrase;
}

/** A date, or why the input is not one (a catalogue phrase: vi and en). */
export type DateReading = { date: ParsedDate } | { error: Phrase };

/** Two-digit years above this are 19yy, the others 20yy ("66" → 1966, "30" → 2030). */
const TWO_DIGIT_PIVOT = 30;

/** Days in a month of the Gregorian calendar (1900 is not a leap year, 2000 is). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const pad4 = (n: number) => String(n).padStart(4, "0");

/** "05/12/1966", or "12/1966" when there is no day. */
export function formatDateVi(d: ParsedDate): string {
  const my = `${pad2(d.month)}/${pad4(d.year)}`;
  return d.day === undefined ? my : `${pad2(d.day)}/${my}`;
}

/**
 * Why a day/month/year does not exist, or undefined when it does. `usHint` adds that the order
 * is day/month/year, for "12/25/1966" typed the US way.
 */
function impossible(
  year: number,
  month: number,
  day: number | undefined,
  usHint = false,
): Phrase | undefined {
  const shown = {
    what: day === undefined ? WHAT.month : WHAT.day,
    date: formatDateVi(day === undefined ? { year, month } : { year, month, day }),
  };
  if (month < 1 || month > 12) {
    const us = usHint && month > 12 && day !== undefined && day >= 1 && day <= 12 && month <= 31;
    return { id: us ? "date.noMonthOrder" : "date.noMonth", data: { ...shown, month } };
  }
  if (day === undefined) return undefined;
  if (day < 1) return { id: "date.noDayZero", data: shown };
  const last = daysInMonth(year, month);
  if (day > last) {
    return month === 2
      ? { id: "date.februaryDays", data: { ...shown, year, last } }
      : { id: "date.monthDays", data: { ...shown, month, last } };
  }
  return undefined;
}

/** "Ngày 31/02/1966" / "The date 31/02/1966"; "Tháng 13/1966" / "The month 13/1966". */
const WHAT = {
  day: { vi: "Ngày", en: "The date" },
  month: { vi: "Tháng", en: "The month" },
};

/** A four- or two-digit year as written; two-digit years are read by the pivot and say so. */
function readYear(text: string): { year: number; reading?: Phrase } | { error: Phrase } {
  const n = Number(text);
  if (text.length === 2) {
    const year = n > TWO_DIGIT_PIVOT ? 1900 + n : 2000 + n;
    return { year, reading: { id: "date.twoDigitYear", data: { text, year } } };
  }
  if (n < 1000) return { error: { id: "date.badYear", data: { text } } };
  return { year: n };
}

/** Builds the reading of day (optional), month and year texts, checking that the date exists. */
function build(yearText: string, monthText: string, dayText?: string, usHint = false): DateReading {
  const y = readYear(yearText);
  if ("error" in y) return y;
  const month = Number(monthText);
  const day = dayText === undefined ? undefined : Number(dayText);
  const why = impossible(y.year, month, day, usHint);
  if (why) return { error: why };
  const date: ParsedDate = { year: y.year, month };
  if (day !== undefined) date.day = day;
  if (y.reading) date.reading = y.reading;
  return { date };
}

// Separators: "/", "-", "." (with or without spaces around them) or spaces alone.
const SEP = String.raw`(?:\s*[-/.]\s*|\s+)`;
const TIME = String.raw`(?:(?:t|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?`;
const YMD = new RegExp(String.raw`^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})${TIME}$`, "i");
const DMY = new RegExp(String.raw`^(\d{1,2})${SEP}(\d{1,2})${SEP}(\d{4}|\d{2})$`);
const YM = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/;
const MY = new RegExp(String.raw`^(\d{1,2})${SEP}(\d{4})$`);
/** "12/66" (month/two-digit year) or "05/12" (day/month, no year): slash only, "1.5" is a number. */
const SHORT = /^(\d{1,2})\s*\/\s*(\d{1,2})$/;
const YEAR = /^[1-9]\d{3}$/;
/** In folded text: "ngày 5 tháng 12 năm 1966", "5 tháng 12 năm 66", "tháng 12/1966". */
const WORDS = /^(?:(?:ngay )?(\d{1,2}) )?thang (\d{1,2})(?: nam)? (\d{4}|\d{2})$/;
const WORDS_YEAR = /^nam ([1-9]\d{3})$/;

const BARE_YEAR: Phrase = { id: "date.yearOnly" };

/** Reads a date from text; undefined when the text is not a date at all. */
export function parseDateText(text: string): DateReading | undefined {
  const s = collapseSpaces(text)
    .toLowerCase()
    .replace(/^ng(?:ày|ay)\s*/, "");
  if (!s) return undefined;
  let m = DMY.exec(s);
  if (m) return build(m[3], m[2], m[1], true);
  if ((m = YMD.exec(s))) return build(m[1], m[3], m[4]);
  if ((m = MY.exec(s))) return build(m[2], m[1]);
  if ((m = YM.exec(s))) return build(m[1], m[2]);
  if ((m = SHORT.exec(s))) return readShort(Number(m[1]), m[2]);
  if (YEAR.test(s)) return { error: BARE_YEAR };
  const f = fold(s);
  if ((m = WORDS.exec(f))) return build(m[3], m[2], m[1]);
  if (WORDS_YEAR.test(f)) return { error: BARE_YEAR };
  return undefined;
}

/** "12/66" → December 1966 (66 cannot be a month); "05/12" → a day and month without a year. */
function readShort(first: number, second: string): DateReading | undefined {
  const n = Number(second);
  if (n > 12 && first >= 1 && first <= 12) {
    const read = build(second.padStart(2, "0"), String(first));
    if ("date" in read)
      read.date.reading = { id: "date.monthYearShort", data: { month: first, year: read.date.year } };
    return read;
  }
  if (first >= 1 && first <= 31 && n >= 1 && n <= 12) {
    return { error: { id: "date.dayMonthOnly", data: { dayMonth: `${pad2(first)}/${pad2(n)}` } } };
  }
  return undefined;
}

/**
 * The date of an Excel serial number (1900 date system): 1 is 01/01/1900, 60 is the fictitious
 * 29/02/1900 that Excel keeps for Lotus 1-2-3, 61 is 01/03/1900. The fractional part (time of day)
 * is ignored.
 */
export function excelSerialToDate(serial: number): ParsedDate {
  const day = serialToDay(serial);
  if (!day) {
    throw new RangeError(`Số ${serial} không phải là ngày của Excel (từ 1 đến ${EXCEL_MAX_SERIAL})`);
  }
  return day;
}

function readSerial(n: number): DateReading {
  const whole = Math.floor(n);
  if (!(whole >= 1 && whole <= EXCEL_MAX_SERIAL)) {
    return { error: { id: "date.serialRange", data: { n, max: EXCEL_MAX_SERIAL } } };
  }
  if (whole === 60) return { error: { id: "date.serial60" } };
  const date = excelSerialToDate(whole);
  // A General-format cell holding 1966 is far more likely a year than 19/05/1905: say how it was read.
  if (n === whole && n >= 1900 && n <= 2100) {
    date.reading = { id: "date.serialYear", data: { n, date: formatDateVi(date) } };
  }
  return { date };
}

/** What a date cell holds; undefined for a blank cell. */
export function readDateCell(v: CellValue | undefined): DateReading | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string") {
    const text = collapseSpaces(v);
    if (!text) return undefined;
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    return parseDateText(text) ?? { error: { id: "date.notDate", data: { text: shown } } };
  }
  if (typeof v === "number") {
    return Number.isFinite(v)
      ? readSerial(v)
      : { error: { id: "date.notDateValue", data: { text: String(v) } } };
  }
  if (typeof v === "boolean") return { error: { id: "date.boolean", data: { value: v ? "TRUE" : "FALSE" } } };
  if (isCellError(v)) return { error: { id: "date.cellError", data: { error: v.error } } };
  if (isCellDate(v)) {
    const m = YMD.exec(v.date.trim());
    return m ? build(m[1], m[3], m[4]) : { error: { id: "date.notDate", data: { text: v.date } } };
  }
  return undefined;
}
