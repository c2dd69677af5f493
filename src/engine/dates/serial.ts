/**
 * Excel serial dates (1900 date system), both ways: the one conversion every part of the
 * program uses (the .xlsx reader, date cells, the template formulas, the =DEAN.* functions).
 *
 * Serial 1 is 01/01/1900. Excel counts a day 29/02/1900 that never existed (a Lotus 1-2-3
 * bug it kept): serial 60 is that day and Excel shows it as 29/02/1900, so serials before 61
 * are one day off a plain day count from 31/12/1899, and serials from 61 on count from
 * 30/12/1899. The largest serial Excel shows as a date is 2 958 465 (31/12/9999); 0 and
 * negative serials are no date (Excel shows 00/01/1900 or #####).
 */

/** Largest Excel serial date: 31/12/9999. */
export const EXCEL_MAX_SERIAL = 2_958_465;

/** Days between the 1900 and 1904 date systems (a 1904 serial + 1462 = the 1900 serial). */
export const DATE1904_OFFSET = 1462;

const DAY_MS = 86_400_000;
/** Serials 1–59 count days from here (31/12/1899). */
const BEFORE_MARCH_1900 = Date.UTC(1899, 11, 31);
/** Serials from 61 on count days from here (30/12/1899). */
const FROM_MARCH_1900 = Date.UTC(1899, 11, 30);

export interface SerialDay {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** Whether `serial` (its whole part) is a day Excel shows as a date: 1 … 2 958 465. */
function isExcelDateSerial(serial: number): boolean {
  const whole = Math.floor(serial);
  return whole >= 1 && whole <= EXCEL_MAX_SERIAL;
}

/**
 * The day Excel shows for a serial (the time of day, its fraction, is dropped); undefined when
 * Excel shows no date for it (not finite, below 1, above 31/12/9999). Serial 60 is 29/02/1900,
 * as Excel shows it.
 */
export function serialToDay(serial: number): SerialDay | undefined {
  if (!Number.isFinite(serial) || !isExcelDateSerial(serial)) return undefined;
  const whole = Math.floor(serial);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const d = new Date((whole < 60 ? BEFORE_MARCH_1900 : FROM_MARCH_1900) + whole * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");

/** `yyyy-mm-dd` of a serial (the engine's CellDate), or undefined as serialToDay. */
export function serialToIso(serial: number): string | undefined {
  const d = serialToDay(serial);
  return d && `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/**
 * The serial of a day, as Excel's DATE(year, month, day): a month or day out of range rolls
 * over (DATE(2024, 13, 1) is 01/01/2025; day 0 is the last day of the month before), and
 * DATE(1900, 2, 29) is Excel's serial 60. Days before 01/01/1900 give serials below 1.
 */
export function dayToSerial(year: number, month: number, day: number): number {
  if (year === 1900 && month === 2 && day === 29) return 60;
  const t = Date.UTC(year, month - 1, day);
  const fromMarch = (t - FROM_MARCH_1900) / DAY_MS;
  return fromMarch >= 61 ? fromMarch : (t - BEFORE_MARCH_1900) / DAY_MS;
}

/** The serial of an ISO `yyyy-mm-dd` date; undefined when the text is not one. */
export function isoToSerial(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? dayToSerial(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}
