/**
 * The one table of money units: the words Vietnamese plans use for đồng and its multiples, and
 * their names in the report. The number reader ("438.750.000 đ", "1,5 tỷ", "500 nghìn đ"), the
 * recogniser's unit line ("Đơn vị tính: triệu đồng", "ĐVT: 1.000 đồng", "(tr.đ)"), the =DEAN.*
 * functions' unit argument and the report's unit names (i18n's scaleName) all read it from here.
 */
import { fold } from "../text/normalize";

export interface MoneyUnit {
  /** Multiplier to đồng. */
  scale: number;
  /** How the report names the unit: in English, the currency's code (VND), as English texts write it. */
  name: { vi: string; en: string };
  /** Every spelling, folded (no diacritics, lower case, punctuation as one space): "tr d" is "tr.đ". */
  words: readonly string[];
}

/** The đồng itself: its name also words a multiple the table has no name for ("100 đồng", "100 VND"). */
export const DONG: MoneyUnit = {
  scale: 1,
  name: { vi: "đồng", en: "VND" },
  words: ["dong", "d", "vnd", "vn d", "vnd dong"],
};

/** đồng, nghìn, triệu, tỷ đồng: smallest first. */
export const MONEY_UNITS: readonly MoneyUnit[] = [
  DONG,
  {
    scale: 1_000,
    name: { vi: "nghìn đồng", en: "thousand VND" },
    words: ["nghin dong", "nghin d", "nghin", "ngan dong", "ngan d", "ngan", "ng d", "ngd", "k"],
  },
  {
    scale: 1_000_000,
    name: { vi: "triệu đồng", en: "million VND" },
    words: ["trieu dong", "trieu d", "trieu", "tr dong", "tr d", "trd", "tr"],
  },
  {
    scale: 1_000_000_000,
    name: { vi: "tỷ đồng", en: "billion VND" },
    words: ["ty dong", "ty d", "ty", "ti dong", "ti d", "ti"],
  },
];

/** The scales the engine knows, smallest first. */
export const SCALES: readonly number[] = MONEY_UNITS.map((u) => u.scale);

const byWord = new Map<string, number>();
for (const u of MONEY_UNITS) for (const w of u.words) byWord.set(w, u.scale);

/**
 * The scale a unit word names, folded or not: "triệu đồng", "tr.đ", "Đ", "nghìn" → 1 000 000,
 * 1 000 000, 1, 1 000; undefined for anything else. A per-person suffix ("đồng/người") is allowed.
 */
export function unitScale(text: string): number | undefined {
  const f = fold(text).replace(/ (?:nguoi|1 nguoi|hoc vien|ng)$/, "");
  return byWord.get(f);
}

/**
 * The longest text that may state a unit: the longest spelling ("1.000.000.000 nghìn đồng/1 người")
 * is about 35 characters; a longer text is no unit. The bound keeps the pattern below, quadratic on
 * a long run of spaces, from taking seconds on a cell (or a =DEAN.* argument) of 32 767 characters.
 */
const MAX_UNIT_TEXT = 100;

/**
 * A unit as a table's unit line states it: a unit word ("triệu đồng"), or a number of a unit word
 * ("1.000 đồng", "1000đ", "1 triệu đồng"): 1 000 000, 1 000, 1 000 000. Undefined for a text longer
 * than MAX_UNIT_TEXT.
 */
export function statedScale(text: string): number | undefined {
  if (text.length > MAX_UNIT_TEXT) return undefined;
  const direct = unitScale(text);
  if (direct !== undefined) return direct;
  const m = /^\s*(1(?:[.,  ]?000)*)\s*(.+)$/.exec(text.normalize("NFC"));
  if (!m) return undefined;
  const unit = unitScale(m[2]);
  if (unit === undefined) return undefined;
  const n = Number(m[1].replace(/[.,  ]/g, ""));
  return n * unit;
}

/** The unit's name by its scale; undefined for a scale without a name (the caller words it). */
export function unitName(scale: number, locale: "vi" | "en"): string | undefined {
  return MONEY_UNITS.find((u) => u.scale === scale)?.name[locale];
}
