/** The languages of every user-facing text: Vietnamese first, English second. */
import { LruCache } from "./cache";
import { DONG, unitName } from "./numbers/units";

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

/**
 * A table's money unit by its scale: 1 000 000 → "triệu đồng" (vi) or "million VND" (en); a scale
 * without a name → "100 đồng" or "100 VND".
 */
export function scaleName(scale: number, locale: Locale): string {
  return unitName(scale, locale) ?? `${formatNumber(scale, locale)} ${DONG.name[locale]}`;
}

/** One sentence in both languages of the product (Vietnamese first). */
export interface Bilingual {
  vi: string;
  en: string;
}

/**
 * An error whose message is a sentence for the user in both languages: `message` is the Vietnamese
 * one; `in(locale)` the one to show (the CLI's --lang, the pane's language). A sentence made in one
 * language only (already in the user's) is the same in both.
 */
export class LocalizedError extends Error {
  readonly en: string;
  constructor(message: string | Bilingual, options?: { cause?: unknown }) {
    super(typeof message === "string" ? message : message.vi, options);
    this.en = typeof message === "string" ? message : message.en;
  }

  in(locale: Locale): string {
    return locale === "en" ? this.en : this.message;
  }
}

/**
 * Fill `{name}` placeholders: the one message formatter of the product (rules, labels, the CLI,
 * the pane's strings). Unknown placeholders are left as they are; a value is inserted as it is
 * (never read as a template itself, so a cell's "{x}" stays "{x}").
 */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>>): string {
  // A scan for "{", not a replace with a callback: every finding of every check is worded here.
  let out = "";
  let from = 0;
  for (let open = template.indexOf("{"); open !== -1; open = template.indexOf("{", open + 1)) {
    let end = open + 1;
    while (end < template.length && isWordChar(template.charCodeAt(end))) end++;
    if (end === open + 1 || template.charCodeAt(end) !== 125) continue; // "}"
    const key = template.slice(open + 1, end);
    if (!Object.hasOwn(data, key)) continue;
    out += template.slice(from, open) + String(data[key]);
    from = end + 1;
    open = end;
  }
  return from === 0 ? template : out + template.slice(from);
}

/** `\w` of a regular expression: A–Z, a–z, 0–9 and "_". */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * The lookup of a catalogue of sentences by language, `{name}` placeholders filled: the CLI's
 * cliText, the pane's t and the rulebook's tables are each one of these.
 */
export function catalogue<K extends string>(table: Readonly<Record<Locale, Readonly<Record<K, string>>>>) {
  return (locale: Locale, key: K, data: Readonly<Record<string, string | number>> = {}): string =>
    formatMessage(table[locale][key], data);
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
    acceptedBecause: "Đã bỏ qua: {reason}",
    checkedBy: "Kiểm tra bằng Đề án Checker, sổ quy tắc",
    rulebookUsed: "Sổ quy tắc",
    chosenAuto: "tự chọn",
    notRecognized: "Không nhận ra",
    skippedSheet: "Bỏ qua",
    noAppendix:
      "Không nhận ra phụ lục nào trong sổ tính. Mỗi trang phải có dòng tiêu đề cột (TT, Nội dung, các cấp học, Đơn giá, Thành tiền…).",
    emptyBook: "Sổ tính trống: không có trang tính nào có dữ liệu để kiểm tra.",
    sheetsRead: "Các trang đã đọc",
    summaryCounts: "{error} lỗi, {warning} cảnh báo, {info} lưu ý",
    summaryCauses:
      "{error} lỗi ({causes} lỗi gốc, {consequences} lỗi kéo theo), {warning} cảnh báo, {info} lưu ý",
    causedBy: "kéo theo từ lỗi ở {cell} ({rule}): sửa lỗi đó trước rồi kiểm tra lại",
    consequenceOf: "Kéo theo từ lỗi ở {cell}",
    files: "{count} tệp",
    "kind.task": "nhiệm vụ",
    "kind.cost": "kinh phí",
    "kind.summary": "tổng hợp",
    "kind.registration": "đăng ký",
    "kind.person-list": "danh sách",
    "kind.assignment": "phân công",
    year: "năm",
    unit: "đơn vị",
    columnsRead: "cột đọc được",
    "col.quantity": "số lượng",
    "col.levelList": "cấp học",
    "col.unitPrice": "đơn giá",
    "col.amount": "thành tiền",
    "col.unread": "cột không đọc được",
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
    rulebookUsed: "Rulebook",
    chosenAuto: "chosen automatically",
    notRecognized: "Not recognised",
    skippedSheet: "Skipped",
    noAppendix:
      'No appendix was recognised. Each sheet needs a header row ("TT", "Nội dung", the levels, "Đơn giá", "Thành tiền"…).',
    emptyBook: "The workbook is empty: no sheet has data to check.",
    sheetsRead: "Sheets read",
    summaryCounts: "{error} errors, {warning} warnings, {info} notes", // countsText makes one "error"
    summaryCauses:
      "{error} errors ({causes} root causes, {consequences} consequences), {warning} warnings, {info} notes",
    causedBy: "follows from the finding at {cell} ({rule}): fix that one first, then check again",
    consequenceOf: "Follows from the finding at {cell}",
    files: "{count} files",
    "kind.task": "tasks",
    "kind.cost": "costs",
    "kind.summary": "summary",
    "kind.registration": "registrations",
    "kind.person-list": "list of people",
    "kind.assignment": "assignments",
    year: "year",
    unit: "unit",
    columnsRead: "columns read",
    "col.quantity": "head-count",
    "col.levelList": "levels",
    "col.unitPrice": "unit price",
    "col.amount": "amount",
    "col.unread": "columns not read",
  },
} as const;

export type LabelKey = keyof (typeof LABELS)["vi"];

export function label(locale: Locale, key: LabelKey): string {
  return LABELS[locale][key];
}

/**
 * "11 lỗi, 15 cảnh báo, 0 lưu ý", or, when some errors follow from others (`countFindings`),
 * "11 lỗi (3 lỗi gốc, 8 lỗi kéo theo), 15 cảnh báo, 0 lưu ý". The CLI report, the annotated copy
 * and the pane's summary line all say it with this function.
 */
export function countsText(
  c: Record<"error" | "warning" | "info", number> & { causes?: number; consequences?: number },
  locale: Locale,
): string {
  const split = (c.consequences ?? 0) > 0;
  if (locale === "en") {
    const n = (v: number, one: string, many: string) => `${formatNumber(v, locale)} ${v === 1 ? one : many}`;
    const errors = n(c.error, "error", "errors");
    const causes = split
      ? ` (${n(c.causes ?? 0, "root cause", "root causes")}, ${n(c.consequences ?? 0, "consequence", "consequences")})`
      : "";
    return `${errors}${causes}, ${n(c.warning, "warning", "warnings")}, ${n(c.info, "note", "notes")}`;
  }
  return formatMessage(LABELS[locale][split ? "summaryCauses" : "summaryCounts"], {
    error: formatNumber(c.error, locale),
    warning: formatNumber(c.warning, locale),
    info: formatNumber(c.info, locale),
    causes: formatNumber(c.causes ?? 0, locale),
    consequences: formatNumber(c.consequences ?? 0, locale),
  });
}

/**
 * School levels in English (the rulebook names them in Vietnamese): "preschool (MN)". A level
 * this table does not know reads as its id in English.
 */
const LEVEL_EN: Readonly<Record<string, string>> = {
  MN: "preschool",
  TH: "primary",
  THCS: "lower secondary",
  THPT: "upper secondary",
  GDTX: "continuing education",
  GDNN: "vocational",
};

/** A school level's name for messages: the rulebook's name in Vietnamese, "preschool (MN)" in English. */
export function levelText(id: string, rulebookName: string | undefined, locale: Locale): string {
  if (locale === "vi") return rulebookName ?? id;
  const en = Object.hasOwn(LEVEL_EN, id) ? LEVEL_EN[id] : undefined;
  return en ? `${en} (${id})` : id;
}

/** Qualifications (trình độ) for messages. */
const QUALIFICATIONS: Readonly<Record<string, Localized>> = {
  TC: { vi: "trung cấp", en: "intermediate diploma" },
  CD: { vi: "cao đẳng", en: "college degree" },
  DH: { vi: "đại học", en: "bachelor's degree" },
  ThS: { vi: "thạc sĩ", en: "master's degree" },
};

export function qualificationText(id: string, locale: Locale): string {
  return Object.hasOwn(QUALIFICATIONS, id) ? QUALIFICATIONS[id][locale] : id;
}

/** Public / non-public schools (công lập / ngoài công lập). */
const SECTORS: Readonly<Record<string, Localized>> = {
  "cong-lap": { vi: "công lập", en: "public" },
  "ngoai-cong-lap": { vi: "ngoài công lập", en: "non-public" },
};

export function sectorText(id: string, locale: Locale): string {
  return Object.hasOwn(SECTORS, id) ? SECTORS[id][locale] : id;
}

/**
 * A sentence or phrase the engine produces outside a rule's messages (how a number or a date was
 * read, why a date is not one, why a sheet was skipped), kept as its catalogue id and data until
 * a front door words it in the reader's language. Data values are inserted as they are; a
 * Localized value is taken in the reader's language.
 */
export interface Phrase {
  id: PhraseId;
  data?: Readonly<Record<string, string | number | Localized>>;
}

const PHRASES = {
  // How a number typed as text was read (numbers/parse, recognize).
  "number.dotThousands": { vi: "dấu chấm là phân cách hàng nghìn", en: "the dot separates thousands" },
  "number.dotDecimal": { vi: "dấu chấm là dấu thập phân", en: "the dot is the decimal mark" },
  "number.commaThousands": { vi: "dấu phẩy là phân cách hàng nghìn", en: "the comma separates thousands" },
  "number.usStyle": {
    vi: "kiểu Mỹ: dấu phẩy phân cách hàng nghìn, dấu chấm thập phân",
    en: "US style: comma for thousands, dot for decimals",
  },
  "number.converted": {
    vi: "đổi từ {from} sang đơn vị của bảng",
    en: "converted from {from} to the table's unit",
  },
  // How a date was read, and why a text or a number is not a date (dates/parse).
  "date.noMonth": {
    vi: "{what} {date} không có thật (không có tháng {month})",
    en: "{what} {date} does not exist (there is no month {month})",
  },
  "date.noMonthOrder": {
    vi: "{what} {date} không có thật (không có tháng {month}; ngày tháng viết theo thứ tự ngày/tháng/năm)",
    en: "{what} {date} does not exist (there is no month {month}; dates are written day/month/year)",
  },
  "date.noDayZero": {
    vi: "{what} {date} không có thật (không có ngày 0)",
    en: "{what} {date} does not exist (there is no day 0)",
  },
  "date.februaryDays": {
    vi: "{what} {date} không có thật (tháng 2 năm {year} chỉ có {last} ngày)",
    en: "{what} {date} does not exist (February {year} has only {last} days)",
  },
  "date.monthDays": {
    vi: "{what} {date} không có thật (tháng {month} chỉ có {last} ngày)",
    en: "{what} {date} does not exist (month {month} has only {last} days)",
  },
  "date.twoDigitYear": {
    vi: 'năm viết tắt "{text}" được hiểu là {year}',
    en: 'the two-digit year "{text}" is read as {year}',
  },
  "date.badYear": { vi: "Năm {text} không hợp lệ", en: "The year {text} is not valid" },
  "date.yearOnly": { vi: "Chỉ có năm sinh, thiếu tháng", en: "Only the year is given; the month is missing" },
  "date.monthYearShort": {
    vi: "hiểu là tháng/năm viết tắt: tháng {month} năm {year}",
    en: "read as month/two-digit year: month {month} of {year}",
  },
  "date.dayMonthOnly": {
    vi: "Chỉ có ngày và tháng ({dayMonth}), thiếu năm",
    en: "Only a day and a month ({dayMonth}); the year is missing",
  },
  "date.serialRange": {
    vi: "Số {n} không phải là ngày (ngày của Excel là số từ 1 đến {max})",
    en: "{n} is not a date (Excel dates are numbers from 1 to {max})",
  },
  "date.serial60": {
    vi: "Số 60 là ngày 29/02/1900, ngày không có thật (Excel coi năm 1900 là năm nhuận)",
    en: "60 is 29/02/1900, a day that does not exist (Excel counts 1900 as a leap year)",
  },
  "date.serialYear": {
    vi: "số {n} được hiểu là ngày Excel {date}; nếu đây là năm thì thiếu tháng",
    en: "{n} is read as the Excel date {date}; if it is a year, the month is missing",
  },
  "date.notDate": { vi: '"{text}" không phải là ngày tháng', en: '"{text}" is not a date' },
  "date.notDateValue": { vi: "{text} không phải là ngày tháng", en: "{text} is not a date" },
  "date.boolean": {
    vi: "Ô chứa giá trị {value}, không phải ngày tháng",
    en: "The cell holds {value}, not a date",
  },
  "date.cellError": {
    vi: "Ô bị lỗi {error}, không đọc được ngày tháng",
    en: "The cell shows the error {error}; no date can be read",
  },
  // Why a sheet is not checked (recognize).
  "sheet.ignored": { vi: "Người dùng đã chọn bỏ qua trang tính này.", en: "You chose to skip this sheet." },
  "sheet.unreadable": { vi: "Không đọc được trang tính: {reason}", en: "The sheet cannot be read: {reason}" },
  "sheet.empty": { vi: "Trang tính trống.", en: "The sheet is empty." },
  "sheet.ours": {
    vi: "trang do Đề án Checker tạo (kết quả kiểm tra, bảng tra cứu), không phải phụ lục.",
    en: "a sheet made by Đề án Checker (check results, a lookup table), not an appendix.",
  },
  "sheet.rulebook": {
    vi: "trang của sổ quy tắc, không phải phụ lục",
    en: "a sheet of the rulebook, not an appendix",
  },
  "sheet.noRulebook": {
    vi: 'thuộc kế hoạch khác (tiêu đề ghi "{text}"), không sổ quy tắc nào có: không kiểm tra',
    en: 'of another plan (the title says "{text}"), which no rulebook has: not checked',
  },
  "sheet.noHeader": {
    vi: "không tìm thấy dòng tiêu đề cột (TT, Nội dung, các cấp học, Đơn giá, Thành tiền, Quận/huyện…).",
    en: 'no header row found ("TT", "Nội dung", the levels, "Đơn giá", "Thành tiền", "Quận/huyện"…).',
  },
  "sheet.noKind": {
    vi: "Có dòng tiêu đề cột nhưng không đủ cột để nhận ra loại phụ lục (nhiệm vụ, kinh phí, đăng ký…).",
    en: "There is a header row, but not enough columns to tell which kind of appendix it is (tasks, costs, registrations…).",
  },
} as const satisfies Record<string, Localized>;

type PhraseId = keyof typeof PHRASES;

/** A phrase in the reader's language. */
export function phrase(p: Phrase, locale: Locale): string {
  const data: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.data ?? {})) data[k] = typeof v === "object" ? v[locale] : v;
  return formatMessage(PHRASES[p.id][locale], data);
}

/** Several phrases in one: "dấu chấm là phân cách hàng nghìn; đổi từ đồng sang đơn vị của bảng". */
export function phrases(list: readonly Phrase[] | undefined, locale: Locale): string {
  return (list ?? []).map((p) => phrase(p, locale)).join("; ");
}

/** A text in both languages, for a phrase's data ("triệu đồng" / "million VND"). */
export function both(f: (locale: Locale) => string): Localized {
  return { vi: f("vi"), en: f("en") };
}

/**
 * Why a workbook in which no appendix was recognised cannot be checked (issue 12: it is an
 * unreadable input, never a pass): empty, or which sheets were read and why none is an appendix,
 * in the reader's language. One line.
 * dean-check and the task pane say exactly this.
 */
export function noAppendixReason(
  workbook: { tables: readonly unknown[]; skipped: readonly { sheet: string; reason: Phrase }[] },
  locale: Locale,
): string | undefined {
  if (workbook.tables.length > 0) return undefined;
  const withData = workbook.skipped.filter((s) => s.reason.id !== "sheet.empty");
  if (withData.length === 0) return label(locale, "emptyBook");
  const sheets = withData
    .slice(0, 5)
    .map((s) => `"${s.sheet}": ${phrase(s.reason, locale).replace(/\.$/, "")}`)
    .join("; ");
  const more = withData.length > 5 ? ` (+${withData.length - 5})` : "";
  return `${label(locale, "noAppendix")} ${label(locale, "sheetsRead")}: ${sheets}${more}.`;
}
