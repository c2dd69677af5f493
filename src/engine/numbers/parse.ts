/**
 * Numbers as Vietnamese users type them into cells.
 *
 * vi-VN writes "1.250.000" (dot for thousands) and "13,26" (comma for decimals); people also
 * paste "13 008" (space or no-break space), US-style "1,250,000" and amounts with a unit
 * ("438.750.000 đ", "1,5 tỷ"). A text that could be read two ways is read the vi-VN way and the
 * reading is reported, so a rule can say how the text was understood.
 */
import { isCellDate, isCellError, type CellValue } from "../snapshot";
import { collapseSpaces } from "../text/normalize";
import type { Phrase } from "../i18n";
import { unitScale as unitScaleOf } from "./units";

export interface ParsedNumber {
  /** The number as written, before any unit is applied. */
  value: number;
  /** How the text was read when it could be read another way (a catalogue phrase: vi and en). */
  reading?: Phrase;
  /** Multiplier to đồng when the text names a unit ("đ" → 1, "triệu" → 1 000 000). */
  unitScale?: number;
}

export interface ParseHint {
  /** The number is a head-count or another whole number: "1,250" is then 1250, not 1.25. */
  integer?: boolean;
}

const SPACE_CLASS = "[ \\u00a0\\u2007\\u202f]";
const GROUPED = (sep: string) => new RegExp(`^\\d{1,3}(?:${sep}\\d{3})+$`);
const DOT_GROUPS = GROUPED("\\.");
const COMMA_GROUPS = GROUPED(",");
const SPACE_GROUPS = GROUPED(SPACE_CLASS);

/** Reads a number from text, or undefined when the text is not a number. */
export function parseNumberText(text: string, hint: ParseHint = {}): ParsedNumber | undefined {
  let s = text.normalize("NFC").trim();
  if (!s) return undefined;
  let sign = 1;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    sign = -1;
    s = paren[1].trim();
  }
  if (/^[-−–]/.test(s)) {
    sign = -sign;
    s = s.slice(1).trim();
  } else if (s.startsWith("+")) s = s.slice(1).trim();
  // Split the digits from a trailing unit. Neither matches a line break ("." does not): a text
  // with one is no number, said at once (the pattern retried every digit before it: quadratic).
  if (/[\n\r\u2028\u2029]/.test(s)) return undefined;
  const m = new RegExp(`^([0-9][0-9.,]*(?:${SPACE_CLASS}+[0-9]{3}(?![0-9]))*(?:[.,][0-9]+)?)(.*)$`).exec(s);
  if (!m) return undefined;
  const digits = m[1];
  const rest = m[2].trim();
  let unitScale: number | undefined;
  if (rest) {
    unitScale = unitScaleOf(rest);
    if (unitScale === undefined) return undefined;
  }
  const read = readDigits(digits.replace(new RegExp(`${SPACE_CLASS}+`, "g"), " "), hint);
  if (!read) return undefined;
  // 400 digits make Infinity: that is a text, not a number.
  if (!Number.isFinite(read.value)) return undefined;
  const out: ParsedNumber = { value: sign * read.value };
  if (Object.is(out.value, -0)) out.value = 0;
  if (read.reading) out.reading = read.reading;
  if (unitScale !== undefined) out.unitScale = unitScale;
  return out;
}

function readDigits(s: string, hint: ParseHint): { value: number; reading?: Phrase } | undefined {
  if (/^\d+$/.test(s)) return { value: Number(s) };
  if (SPACE_GROUPS.test(s)) return { value: Number(s.replace(/ /g, "")) };
  if (s.includes(" ")) {
    // "1 312,74": spaces group the thousands, so the one mark left is the decimal mark.
    const m = /^(\d{1,3}(?: \d{3})+)[.,](\d+)$/.exec(s);
    return m ? { value: Number(`${m[1].replace(/ /g, "")}.${m[2]}`) } : undefined;
  }
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  if (dots > 0 && commas === 0) {
    if (dots > 1) return DOT_GROUPS.test(s) ? { value: Number(s.replace(/\./g, "")) } : undefined;
    // One dot: "1.250" is 1250 in vi-VN; "13.5" or "13.26" can only be a decimal.
    if (DOT_GROUPS.test(s))
      return { value: Number(s.replace(/\./g, "")), reading: { id: "number.dotThousands" } };
    return { value: Number(s), reading: { id: "number.dotDecimal" } };
  }
  if (commas > 0 && dots === 0) {
    if (commas > 1) {
      return COMMA_GROUPS.test(s)
        ? { value: Number(s.replace(/,/g, "")), reading: { id: "number.commaThousands" } }
        : undefined;
    }
    // One comma: vi-VN decimal ("13,26"), unless a whole number is expected ("1,250" head-counts).
    if (hint.integer && COMMA_GROUPS.test(s)) {
      return { value: Number(s.replace(/,/g, "")), reading: { id: "number.commaThousands" } };
    }
    const value = Number(s.replace(",", "."));
    return Number.isFinite(value) ? { value } : undefined;
  }
  // Both: the last one is the decimal mark ("1.250,5" vi-VN; "1,250.5" US).
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  if (lastComma > lastDot) {
    const [int, frac] = [s.slice(0, lastComma), s.slice(lastComma + 1)];
    if (!DOT_GROUPS.test(int) || !/^\d+$/.test(frac)) return undefined;
    return { value: Number(`${int.replace(/\./g, "")}.${frac}`) };
  }
  const [int, frac] = [s.slice(0, lastDot), s.slice(lastDot + 1)];
  if (!COMMA_GROUPS.test(int) || !/^\d+$/.test(frac)) return undefined;
  return {
    value: Number(`${int.replace(/,/g, "")}.${frac}`),
    reading: { id: "number.usStyle" },
  };
}

export type CellNumber =
  | { kind: "blank" }
  | { kind: "number"; value: number; text?: string; reading?: Phrase; unitScale?: number }
  | { kind: "text"; text: string }
  | { kind: "error"; error: string };

/**
 * Texts that mean "nothing here" in a number column. Written so that it cannot backtrack:
 * `^\s*[-x]?\s*$` takes quadratic time on 32 767 spaces followed by a letter.
 */
const BLANK_TEXT = /^[\s\u00a0\u200b]*(?:[-–—xX][\s\u00a0\u200b]*)?$/;

const BLANK: CellNumber = Object.freeze({ kind: "blank" });

/** True when a number column's cell holds nothing (readCellNumber would say "blank"), without parsing. */
export function isBlankNumber(v: CellValue | undefined): boolean {
  if (v === null || v === undefined || v === "") return true;
  return typeof v === "string" && BLANK_TEXT.test(v);
}

/** What a cell of a number column holds. */
export function readCellNumber(v: CellValue | undefined, hint: ParseHint = {}): CellNumber {
  if (v === null || v === undefined || v === "") return BLANK;
  if (typeof v === "number")
    return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "error", error: String(v) };
  if (typeof v === "boolean") return { kind: "text", text: v ? "TRUE" : "FALSE" };
  if (isCellError(v)) return { kind: "error", error: v.error };
  if (isCellDate(v)) return { kind: "text", text: v.date };
  if (BLANK_TEXT.test(v)) return BLANK;
  const parsed = parseNumberText(v, hint);
  if (!parsed) return { kind: "text", text: v };
  const out: CellNumber = { kind: "number", value: parsed.value, text: collapseSpaces(v) };
  if (parsed.reading) out.reading = parsed.reading;
  if (parsed.unitScale !== undefined) out.unitScale = parsed.unitScale;
  return out;
}
