/** The languages of every user-facing text: Vietnamese first, English second. */
import { LruCache } from "./cache";
import { unitName } from "./numbers/units";

export type Locale = "vi" | "en";

/** A text in every locale. */
export interface Localized {
  vi: string;
  en: string;
}

const formats: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 }),
  en: new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 }),
};

/**
 * From a million billion up (no plan's figure comes near), numbers read as "1,798 × 10^308" rather
 * than hundreds of digits.
 */
const HUGE = 1e15;
function huge(n: number, locale: Locale): string {
  const exp = Math.floor(Math.log10(Math.abs(n)));
  const mantissa = Math.round((n / 10 ** exp) * 1000) / 1000;
  return `${formats[locale].format(mantissa)} × 10^${exp}`;
}

/** Numbers already formatted: Intl formatting costs microseconds, and messages repeat numbers. */
const formatted: Record<Locale, LruCache<number, string>> = {
  vi: new LruCache(10_000),
  en: new LruCache(10_000),
};

/**
 * 13008 → "13.008" (vi) or "13,008" (en); 1312.74 → "1.312,74" (vi).
 * Negative zero (0 × a negative price, a rounded tiny negative) reads as 0: Intl would write
 * "-0", and the cache (a Map, which treats 0 and -0 as one key) made the text depend on which
 * of the two was formatted first.
 */
export function formatNumber(value: number, locale: Locale): string {
  const n = value === 0 ? 0 : value;
  const cache = formatted[locale];
  let s = cache.get(n);
  if (s === undefined) {
    s = Math.abs(n) >= HUGE ? huge(n, locale) : formats[locale].format(n);
    cache.set(n, s);
  }
  return s;
}

/** The money units the engine knows, smallest first: đồng, nghìn, triệu, tỷ đồng (numbers/units.ts). */
export { SCALES } from "./numbers/units";

/** A table's money unit by its scale: 1 000 000 → "triệu đồng" (vi) or "million đồng" (en). */
export function scaleName(scale: number, locale: Locale): string {
  return unitName(scale, locale) ?? `${formatNumber(scale, locale)} đồng`;
}

/** Fill `{name}` placeholders. Unknown placeholders are left as they are. */
export function formatMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

/** Words shared by every front door (CLI report, annotated copy, task pane). */
const LABELS = {
  vi: {
    error: "Lỗi",
    warning: "Cảnh báo",
    info: "Lưu ý",
    sheet: "Trang tính",
    cell: "Ô",
    severity: "Mức độ",
    rule: "Quy tắc",
    message: "Nội dung",
    expected: "Đúng là",
    actual: "Đang ghi",
    fix: "Sửa thành",
    no: "STT",
    resultsSheet: "Kết quả kiểm tra",
    resultsTitle: "KẾT QUẢ KIỂM TRA PHỤ LỤC",
    noFindings: "Không có phát hiện nào.",
    blank: "(trống)",
    status: "Trạng thái",
    acceptedBecause: "Đã chấp nhận: {reason}",
    checkedBy: "Kiểm tra bằng Đề án Checker, sổ quy tắc",
    notRecognized: "Không nhận ra",
    noAppendix:
      "Không nhận ra phụ lục nào trong sổ tính. Mỗi trang phải có dòng tiêu đề cột (TT, Nội dung, các cấp học, Đơn giá, Thành tiền…).",
    emptyBook: "Sổ tính trống: không có trang tính nào có dữ liệu để kiểm tra.",
    sheetsRead: "Các trang đã đọc",
    summaryCounts: "{error} lỗi, {warning} cảnh báo, {info} lưu ý",
    "kind.task": "nhiệm vụ",
    "kind.cost": "kinh phí",
    "kind.summary": "tổng hợp",
    "kind.registration": "đăng ký",
    "kind.person-list": "danh sách",
    "kind.assignment": "phân công",
    year: "năm",
    unit: "đơn vị",
  },
  en: {
    error: "Error",
    warning: "Warning",
    info: "Info",
    sheet: "Sheet",
    cell: "Cell",
    severity: "Severity",
    rule: "Rule",
    message: "Message",
    expected: "Expected",
    actual: "Found",
    fix: "Fix to",
    no: "No.",
    resultsSheet: "Check results",
    resultsTitle: "APPENDIX CHECK RESULTS",
    noFindings: "No findings.",
    blank: "(blank)",
    status: "Status",
    acceptedBecause: "Accepted: {reason}",
    checkedBy: "Checked by Đề án Checker, rulebook",
    notRecognized: "Not recognised",
    noAppendix:
      "No appendix was recognised. Each sheet needs a header row (TT, Nội dung, the levels, Đơn giá, Thành tiền…).",
    emptyBook: "The workbook is empty: no sheet has data to check.",
    sheetsRead: "Sheets read",
    summaryCounts: "{error} errors, {warning} warnings, {info} notes", // countsText makes one "error"
    "kind.task": "tasks",
    "kind.cost": "costs",
    "kind.summary": "summary",
    "kind.registration": "registrations",
    "kind.person-list": "list of people",
    "kind.assignment": "assignments",
    year: "year",
    unit: "unit",
  },
} as const;

export type LabelKey = keyof (typeof LABELS)["vi"];

export function label(locale: Locale, key: LabelKey): string {
  return LABELS[locale][key];
}

/** "11 lỗi, 15 cảnh báo, 0 lưu ý" */
export function countsText(c: Record<"error" | "warning" | "info", number>, locale: Locale): string {
  if (locale === "en") {
    const n = (k: keyof typeof c, one: string, many: string) =>
      `${formatNumber(c[k], locale)} ${c[k] === 1 ? one : many}`;
    return `${n("error", "error", "errors")}, ${n("warning", "warning", "warnings")}, ${n("info", "note", "notes")}`;
  }
  return formatMessage(LABELS[locale].summaryCounts, {
    error: formatNumber(c.error, locale),
    warning: formatNumber(c.warning, locale),
    info: formatNumber(c.info, locale),
  });
}

/**
 * Why a workbook in which no appendix was recognised cannot be checked (issue 12: it is an
 * unreadable input, never a pass): empty, or which sheets were read and why none is an appendix
 * (the per-sheet reasons are Vietnamese; in English only the sheet names are given). One line.
 * dean-check and the task pane say exactly this.
 */
export function noAppendixReason(
  workbook: { tables: readonly unknown[]; skipped: readonly { sheet: string; reason: string }[] },
  locale: Locale,
): string | undefined {
  if (workbook.tables.length > 0) return undefined;
  const withData = workbook.skipped.filter((s) => s.reason !== "Trang tính trống.");
  if (withData.length === 0) return label(locale, "emptyBook");
  const sheets = withData
    .slice(0, 5)
    .map((s) => (locale === "vi" ? `"${s.sheet}": ${s.reason.replace(/\.$/, "")}` : `"${s.sheet}"`))
    .join(locale === "vi" ? "; " : ", ");
  const more = withData.length > 5 ? ` (+${withData.length - 5})` : "";
  return `${label(locale, "noAppendix")} ${label(locale, "sheetsRead")}: ${sheets}${more}.`;
}
