/**
 * How big a rulebook may be. A plan has a few dozen contents, a handful of levels and years, and at
 * most a few thousand administrative units (the whole country has about 10 000 communes); the
 * bounds leave a wide margin above that and refuse, with a plain message, a file that would only
 * cost memory and time (a generated rulebook of 120 000 contents). They are checked on the parsed
 * JSON (or the rulebook workbook) before the schema walks it.
 */
import { formatMessage, formatNumber, type Locale } from "../i18n";

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

/** The words of a refusal, by language: what is counted, and the sentences. */
const WORDS = {
  vi: {
    rulebook: "Sổ quy tắc",
    bytes:
      "{who} quá lớn: {count} MB (tối đa {max} MB). Một sổ quy tắc thường chỉ vài chục KB: hãy kiểm tra lại tệp.",
    text: "chữ quá dài: {count} ký tự (tối đa {max})",
    many: "{who} quá lớn: {count} {what} (tối đa {max}). Một kế hoạch thường chỉ có vài chục nội dung: hãy kiểm tra lại tệp.",
    courses: "nội dung",
    levels: "cấp học",
    years: "năm",
    offerings: "năm của một nội dung",
    aliases: "tên khác",
    unitLists: "danh sách đơn vị",
    unitNames: "tên đơn vị trong một danh sách",
  },
  en: {
    rulebook: "The rulebook",
    bytes:
      "{who} is too large: {count} MB (at most {max} MB). A rulebook is usually a few dozen KB: check the file.",
    text: "text too long: {count} characters (at most {max})",
    many: "{who} is too large: {count} {what} (at most {max}). A plan usually has a few dozen contents: check the file.",
    courses: "contents",
    levels: "levels",
    years: "years",
    offerings: "years of one content",
    aliases: "other names",
    unitLists: "unit lists",
    unitNames: "unit names in one list",
  },
} as const satisfies Record<Locale, Record<Limited | "rulebook" | "bytes" | "text" | "many", string>>;

/** "Sổ quy tắc quá lớn: 120.000 nội dung (tối đa 5.000)." */
export function tooLargeMessage(
  what: Limited | "bytes" | "text",
  count: number,
  locale: Locale = "vi",
  origin?: string,
): string {
  const words = WORDS[locale];
  const n = (x: number) => formatNumber(x, locale);
  const who = origin ?? words.rulebook;
  if (what === "bytes") {
    const mb = (x: number) => n(Math.round((x / 1024 / 1024) * 10) / 10);
    return formatMessage(words.bytes, { who, count: mb(count), max: mb(RULEBOOK_LIMITS.maxBytes) });
  }
  if (what === "text") return formatMessage(words.text, { count: n(count), max: n(RULEBOOK_LIMITS.text) });
  return formatMessage(words.many, {
    who,
    count: n(count),
    what: words[what],
    max: n(RULEBOOK_LIMITS[what]),
  });
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
