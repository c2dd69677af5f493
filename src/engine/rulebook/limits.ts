/**
 * How big a rulebook may be. A plan has a few dozen contents, a handful of levels and years, and at
 * most a few thousand administrative units (the whole country has about 10 000 communes); the
 * bounds leave a wide margin above that and refuse, with a plain message, a file that would only
 * cost memory and time (a generated rulebook of 120 000 contents). They are checked on the parsed
 * JSON (or the rulebook workbook) before the schema walks it.
 */
import { formatNumber, type Locale } from "../i18n";

export const RULEBOOK_LIMITS = Object.freeze({
  /** Bytes of a rulebook file (JSON or .xlsx). */
  maxBytes: 20 * 1024 * 1024,
  courses: 5_000,
  levels: 100,
  years: 100,
  /** Offerings of one content: one per year at most. */
  offerings: 100,
  /** Other names of one level or content. */
  aliases: 100,
  unitLists: 100,
  /** Names of one unit list (and its extra rows). */
  unitNames: 20_000,
  /** Characters of any one text (a name, a note, a unit). */
  text: 2_000,
});

type Limited = "courses" | "levels" | "years" | "offerings" | "aliases" | "unitLists" | "unitNames";

const WHAT: Record<Limited, { vi: string; en: string }> = {
  courses: { vi: "nội dung", en: "contents" },
  levels: { vi: "cấp học", en: "levels" },
  years: { vi: "năm", en: "years" },
  offerings: { vi: "năm của một nội dung", en: "years of one content" },
  aliases: { vi: "tên khác", en: "other names" },
  unitLists: { vi: "danh sách đơn vị", en: "unit lists" },
  unitNames: { vi: "tên đơn vị trong một danh sách", en: "unit names in one list" },
};

/** "Sổ quy tắc quá lớn: 120.000 nội dung (tối đa 5.000)." */
export function tooLargeMessage(
  what: Limited | "bytes" | "text",
  count: number,
  locale: Locale = "vi",
  origin?: string,
): string {
  const n = (x: number) => formatNumber(x, locale);
  const who = origin ?? (locale === "vi" ? "Sổ quy tắc" : "The rulebook");
  if (what === "bytes") {
    const mb = (x: number) => formatNumber(Math.round((x / 1024 / 1024) * 10) / 10, locale);
    return locale === "vi"
      ? `${who} quá lớn: ${mb(count)} MB (tối đa ${mb(RULEBOOK_LIMITS.maxBytes)} MB). Một sổ quy tắc thường chỉ vài chục KB: hãy kiểm tra lại tệp.`
      : `${who} is too large: ${mb(count)} MB (at most ${mb(RULEBOOK_LIMITS.maxBytes)} MB). A rulebook is usually a few dozen KB: check the file.`;
  }
  if (what === "text")
    return locale === "vi"
      ? `chữ quá dài: ${n(count)} ký tự (tối đa ${n(RULEBOOK_LIMITS.text)})`
      : `text too long: ${n(count)} characters (at most ${n(RULEBOOK_LIMITS.text)})`;
  const max = RULEBOOK_LIMITS[what];
  return locale === "vi"
    ? `${who} quá lớn: ${n(count)} ${WHAT[what].vi} (tối đa ${n(max)}). Một kế hoạch thường chỉ có vài chục nội dung: hãy kiểm tra lại tệp.`
    : `${who} is too large: ${n(count)} ${WHAT[what].en} (at most ${n(max)}). A plan usually has a few dozen contents: check the file.`;
}

const arr = (x: unknown): unknown[] | undefined => (Array.isArray(x) ? x : undefined);
const obj = (x: unknown): Record<string, unknown> | undefined =>
  x !== null && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;

/**
 * The first bound a parsed rulebook exceeds, as a plain message, or undefined. One pass over the
 * arrays' lengths (never their contents beyond one level), so that it is cheap whatever the size.
 */
export function rulebookSizeProblem(
  data: unknown,
  locale: Locale = "vi",
  origin?: string,
): string | undefined {
  const rb = obj(data);
  if (!rb) return undefined;
  const over = (what: Limited, list: unknown[] | undefined) =>
    list && list.length > RULEBOOK_LIMITS[what]
      ? tooLargeMessage(what, list.length, locale, origin)
      : undefined;
  const first =
    over("courses", arr(rb.courses)) ??
    over("levels", arr(rb.levels)) ??
    over("years", arr(rb.years)) ??
    over("unitLists", arr(rb.units));
  if (first) return first;
  for (const c of arr(rb.courses) ?? []) {
    const m = over("offerings", arr(obj(c)?.offerings)) ?? over("aliases", arr(obj(c)?.aliases));
    if (m) return m;
  }
  for (const l of arr(rb.levels) ?? []) {
    const m = over("aliases", arr(obj(l)?.aliases));
    if (m) return m;
  }
  for (const u of arr(rb.units) ?? []) {
    const m = over("unitNames", arr(obj(u)?.names)) ?? over("unitNames", arr(obj(u)?.extra));
    if (m) return m;
  }
  return undefined;
}
