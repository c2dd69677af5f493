/**
 * Plain messages for rulebook mistakes: "thiếu mã sổ quy tắc (id)", "đơn giá phải là một số",
 * never the schema library's "mong đợi string, nhận được undefined". Each field of the rulebook
 * has a name in Vietnamese and English (with the JSON key in parentheses, so that a person editing
 * the JSON finds it); a problem is worded from the kind of problem, the field and the value found.
 * The location ("courses[3].offerings[0].year" in JSON, "Nội dung & đơn giá!D7" in a rulebook
 * workbook) is the caller's.
 */
import type { z } from "zod";
import { catalogue, formatNumber, type Bilingual, type Locale } from "../i18n";
import { refinementMessage, type RefinementKey, REFINEMENT_MESSAGES } from "./schema";

/**
 * Field names by path pattern: array indices as "[]", keys of a record (counts by level, rules by
 * id, standards by level) as "*".
 */
const FIELDS: Record<string, Bilingual> = {
  "": { vi: "sổ quy tắc", en: "the rulebook" },
  $schema: { vi: "đường dẫn lược đồ ($schema)", en: "schema path ($schema)" },
  id: { vi: "mã sổ quy tắc (id)", en: "rulebook id (id)" },
  name: { vi: "tên kế hoạch (name)", en: "plan name (name)" },
  province: { vi: "tỉnh, thành phố (province)", en: "province (province)" },
  source: { vi: "nguồn (source)", en: "source (source)" },
  years: { vi: "các năm của kế hoạch (years)", en: "years of the plan (years)" },
  "years[]": { vi: "năm (years)", en: "year (years)" },
  defaultScale: { vi: "đơn vị tính mặc định (defaultScale)", en: "default unit (defaultScale)" },
  levels: { vi: "danh sách cấp học (levels)", en: "list of levels (levels)" },
  "levels[]": { vi: "cấp học", en: "level" },
  "levels[].id": { vi: "mã cấp học (id)", en: "level id (id)" },
  "levels[].name": { vi: "tên cấp học (name)", en: "level name (name)" },
  "levels[].aliases": { vi: "tên khác của cấp học (aliases)", en: "other names of the level (aliases)" },
  "levels[].aliases[]": { vi: "tên khác của cấp học (aliases)", en: "other name of the level (aliases)" },
  "levels[].schools": { vi: "số trường (schools)", en: "number of schools (schools)" },
  courses: { vi: "danh sách nội dung (courses)", en: "list of contents (courses)" },
  "courses[]": { vi: "nội dung", en: "content" },
  "courses[].id": { vi: "mã nội dung (id)", en: "content id (id)" },
  "courses[].name": { vi: "tên nội dung (name)", en: "content name (name)" },
  "courses[].aliases": { vi: "tên khác của nội dung (aliases)", en: "other names of the content (aliases)" },
  "courses[].aliases[]": { vi: "tên khác của nội dung (aliases)", en: "other name of the content (aliases)" },
  "courses[].kind": { vi: "loại nội dung (kind)", en: "kind of content (kind)" },
  "courses[].parent": { vi: "nội dung cha (parent)", en: "parent content (parent)" },
  "courses[].target": { vi: "đối tượng (target)", en: "target group (target)" },
  "courses[].programme": { vi: "chương trình nâng chuẩn (programme)", en: "upgrade programme (programme)" },
  "courses[].programme.from": {
    vi: "trình độ ban đầu (programme.from)",
    en: "starting qualification (programme.from)",
  },
  "courses[].programme.to": {
    vi: "trình độ đạt được (programme.to)",
    en: "target qualification (programme.to)",
  },
  "courses[].sector": { vi: "loại hình trường (sector)", en: "school sector (sector)" },
  "courses[].groups": { vi: "nhóm đối tượng (groups)", en: "target groups (groups)" },
  "courses[].groups[]": { vi: "nhóm đối tượng", en: "target group" },
  "courses[].groups[].id": { vi: "mã nhóm đối tượng (groups.id)", en: "target group id (groups.id)" },
  "courses[].groups[].name": {
    vi: "tên nhóm đối tượng (groups.name)",
    en: "target group name (groups.name)",
  },
  "courses[].groups[].description": {
    vi: "mô tả nhóm đối tượng (groups.description)",
    en: "description of the target group (groups.description)",
  },
  "courses[].levels": { vi: "cấp học được tham gia (levels)", en: "eligible levels (levels)" },
  "courses[].levels[]": { vi: "cấp học được tham gia (levels)", en: "eligible level (levels)" },
  "courses[].pricing": { vi: "cách tính đơn giá (pricing)", en: "pricing (pricing)" },
  "courses[].pricing.type": { vi: "cách tính đơn giá (pricing.type)", en: "pricing (pricing.type)" },
  "courses[].pricing.pricePerCredit": {
    vi: "giá một tín chỉ (pricing.pricePerCredit)",
    en: "price per credit (pricing.pricePerCredit)",
  },
  "courses[].pricing.totalCredits": {
    vi: "tổng số tín chỉ (pricing.totalCredits)",
    en: "total credits (pricing.totalCredits)",
  },
  "courses[].offerings": { vi: "các năm của nội dung (offerings)", en: "years of the content (offerings)" },
  "courses[].offerings[]": { vi: "năm của nội dung", en: "year of the content" },
  "courses[].offerings[].year": { vi: "năm (year)", en: "year (year)" },
  "courses[].offerings[].price": { vi: "đơn giá (price)", en: "unit price (price)" },
  "courses[].offerings[].credits": {
    vi: "số tín chỉ trong năm (credits)",
    en: "credits of the year (credits)",
  },
  "courses[].offerings[].quotaPerSchool": {
    vi: "định mức người/trường (quotaPerSchool)",
    en: "quota per school (quotaPerSchool)",
  },
  "courses[].offerings[].counts": { vi: "số người cố định (counts)", en: "fixed head-counts (counts)" },
  "courses[].offerings[].counts.*": { vi: "số người cố định (counts)", en: "fixed head-count (counts)" },
  "courses[].offerings[].total": {
    vi: "tổng số người (total)",
    en: "head-count over several levels (total)",
  },
  "courses[].offerings[].parts": { vi: "số người chi tiết (parts)", en: "head-counts of parts (parts)" },
  "courses[].offerings[].parts[]": { vi: "số người chi tiết", en: "head-count of a part" },
  "courses[].offerings[].parts[].level": { vi: "cấp học (parts.level)", en: "level (parts.level)" },
  "courses[].offerings[].parts[].sector": {
    vi: "loại hình trường (parts.sector)",
    en: "school sector (parts.sector)",
  },
  "courses[].offerings[].parts[].group": {
    vi: "nhóm đối tượng (parts.group)",
    en: "target group (parts.group)",
  },
  "courses[].offerings[].parts[].count": { vi: "số người (parts.count)", en: "head-count (parts.count)" },
  "courses[].offerings[].amount": { vi: "thành tiền khoán (amount)", en: "lump amount (amount)" },
  "courses[].offerings[].note": { vi: "ghi chú (note)", en: "note (note)" },
  "courses[].offerings[].time": { vi: "thời gian (time)", en: "timing (time)" },
  "courses[].offerings[].form": { vi: "hình thức (form)", en: "form of delivery (form)" },
  "courses[].offerings[].lead": { vi: "đơn vị chủ trì (lead)", en: "lead unit (lead)" },
  "courses[].offerings[].partner": { vi: "đơn vị phối hợp (partner)", en: "partner units (partner)" },
  totals: { vi: "cách cộng dòng tổng (totals)", en: "totals convention (totals)" },
  "totals.levelTotals": {
    vi: "dòng tổng số người tính (totals.levelTotals)",
    en: "head-count totals count (totals.levelTotals)",
  },
  "totals.amountTotal": {
    vi: "dòng tổng thành tiền tính (totals.amountTotal)",
    en: "money total counts (totals.amountTotal)",
  },
  planTotal: { vi: "tổng kinh phí kế hoạch (planTotal)", en: "plan total (planTotal)" },
  "planTotal.amount": {
    vi: "tổng kinh phí kế hoạch (planTotal.amount)",
    en: "plan total (planTotal.amount)",
  },
  "planTotal.words": {
    vi: "tổng kinh phí bằng chữ (planTotal.words)",
    en: "plan total in words (planTotal.words)",
  },
  "planTotal.derived": {
    vi: "tổng kinh phí suy ra từ các dòng (planTotal.derived)",
    en: "plan total derived from the lines (planTotal.derived)",
  },
  tolerance: { vi: "sai số làm tròn mỗi dòng (tolerance)", en: "rounding tolerance per line (tolerance)" },
  units: { vi: "danh sách đơn vị hành chính (units)", en: "administrative unit lists (units)" },
  "units[]": { vi: "danh sách đơn vị", en: "unit list" },
  "units[].label": { vi: "tên danh sách đơn vị (label)", en: "name of the unit list (label)" },
  "units[].validFrom": { vi: "áp dụng từ tháng (validFrom)", en: "valid from (validFrom)" },
  "units[].validTo": { vi: "áp dụng đến tháng (validTo)", en: "valid to (validTo)" },
  "units[].names": { vi: "tên các đơn vị (names)", en: "unit names (names)" },
  "units[].names[]": { vi: "tên đơn vị (names)", en: "unit name (names)" },
  "units[].extra": { vi: "dòng thêm (extra)", en: "extra rows (extra)" },
  "units[].extra[]": { vi: "dòng thêm (extra)", en: "extra row (extra)" },
  upgrade: { vi: "quy định nâng chuẩn (upgrade)", en: "upgrade rules (upgrade)" },
  "upgrade.from": {
    vi: "tính thời gian công tác từ tháng (upgrade.from)",
    en: "service counted from (upgrade.from)",
  },
  "upgrade.minMonthsLeft": {
    vi: "số tháng công tác còn lại tối thiểu (upgrade.minMonthsLeft)",
    en: "minimum months of service left (upgrade.minMonthsLeft)",
  },
  "upgrade.standard": {
    vi: "trình độ chuẩn theo cấp học (upgrade.standard)",
    en: "standard by level (upgrade.standard)",
  },
  "upgrade.standard.*": {
    vi: "trình độ chuẩn (upgrade.standard)",
    en: "standard qualification (upgrade.standard)",
  },
  "upgrade.exceptions": {
    vi: "trường hợp riêng (upgrade.exceptions)",
    en: "exceptions (upgrade.exceptions)",
  },
  "upgrade.exceptions[]": { vi: "trường hợp riêng", en: "exception" },
  "upgrade.exceptions[].level": { vi: "cấp học (level)", en: "level (level)" },
  "upgrade.exceptions[].qualification": {
    vi: "trình độ (qualification)",
    en: "qualification (qualification)",
  },
  "upgrade.exceptions[].minMonthsLeft": {
    vi: "số tháng còn lại tối thiểu (minMonthsLeft)",
    en: "minimum months left (minMonthsLeft)",
  },
  bdtx: { vi: "bồi dưỡng thường xuyên (bdtx)", en: "regular in-service training (bdtx)" },
  "bdtx.schoolYear": { vi: "năm học (bdtx.schoolYear)", en: "school year (bdtx.schoolYear)" },
  "bdtx.start": { vi: "tháng bắt đầu (bdtx.start)", en: "first month (bdtx.start)" },
  "bdtx.end": { vi: "tháng kết thúc (bdtx.end)", en: "last month (bdtx.end)" },
  "bdtx.minModules": { vi: "số mô đun tối thiểu (bdtx.minModules)", en: "minimum modules (bdtx.minModules)" },
  "bdtx.periodsPerModule": {
    vi: "số tiết mỗi mô đun (bdtx.periodsPerModule)",
    en: "periods per module (bdtx.periodsPerModule)",
  },
  "bdtx.levels": { vi: "cấp học tham gia (bdtx.levels)", en: "levels taking part (bdtx.levels)" },
  "bdtx.levels[]": { vi: "cấp học tham gia (bdtx.levels)", en: "level taking part (bdtx.levels)" },
  rules: { vi: "mức độ quy tắc (rules)", en: "rule severities (rules)" },
  "rules.*": { vi: "mức độ quy tắc (rules)", en: "rule severity (rules)" },
};

/** Fields that hold an id (letters without accents, digits, "-", "_"). */
const ID_FIELDS = new Set(["id", "levels[].id", "courses[].id", "courses[].parent", "courses[].levels[]"]);
/** Fields that hold a year-month. */
const MONTH_FIELDS = new Set(["upgrade.from", "bdtx.start", "bdtx.end"]);

/** Parents whose keys are data (a level id, a rule id), not field names. */
const RECORDS = new Set(["counts", "standard", "rules"]);

/** "courses[].offerings[].counts.*" for ["courses", 3, "offerings", 0, "counts", "MN"]. */
export function fieldPattern(path: readonly PropertyKey[]): string {
  let out = "";
  path.forEach((p, i) => {
    if (typeof p === "number") out += "[]";
    else if (i > 0 && RECORDS.has(String(path[i - 1]))) out += ".*";
    else out += out ? `.${String(p)}` : String(p);
  });
  return out;
}

/**
 * The field's name in the locale ("mã sổ quy tắc (id)"), or its JSON path when not catalogued.
 * Without `json` (a rulebook workbook), the JSON key in parentheses is left out ("đơn giá").
 */
export function fieldName(
  path: readonly PropertyKey[],
  locale: Locale,
  options: WordingOptions = {},
): string {
  const f = FIELDS[fieldPattern(path)];
  if (!f) return pathText(path);
  return options.json === false ? f[locale].replace(/ \([^()]*\)$/, "") : f[locale];
}

export interface WordingOptions {
  /** Name fields with their JSON key (default true); false for a rulebook workbook. */
  json?: boolean;
}

/** "courses[3].offerings[0].year" */
export function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0
    ? "(gốc)"
    : path
        .map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
        .join(".")
        .replace(/\.\[/g, "[");
}

const TYPES: Record<string, Bilingual> = {
  string: { vi: "chữ", en: "a text" },
  number: { vi: "một số", en: "a number" },
  int: { vi: "một số nguyên", en: "a whole number" },
  boolean: { vi: "có hoặc không (true/false)", en: "true or false" },
  array: { vi: "một danh sách", en: "a list" },
  object: { vi: "một nhóm thông tin", en: "a group of fields" },
  record: { vi: "một nhóm thông tin", en: "a group of fields" },
  null: { vi: "trống", en: "empty" },
};

/** The sentences of a schema problem, by language: {field}, {must}, {found}, {min}, {max}… */
const ISSUES = {
  vi: {
    or: " hoặc ",
    oneOf: "một trong {list}",
    aList: "một danh sách",
    aGroup: "một nhóm thông tin",
    empty: "trống (null)",
    missing: "thiếu {field}",
    mustBe: "{field} phải là {must}, không phải {found}",
    atLeastItems: "{field} cần ít nhất {min} mục",
    blank: "{field} không được để trống",
    negative: "{field} không được âm",
    positive: "{field} phải lớn hơn 0",
    atLeast: "{field} phải từ {min} trở lên",
    greater: "{field} phải lớn hơn {min}",
    atMostItems: "{field} có nhiều nhất {max} mục",
    tooLong: "{field} quá dài (tối đa {max} ký tự)",
    atMost: "{field} phải từ {max} trở xuống",
    idFormat: '{field} chỉ gồm chữ không dấu, số, "-" và "_", bắt đầu bằng chữ hoặc số (đang ghi {found})',
    monthFormat: "{field} phải ghi dạng năm-tháng, ví dụ 2020-07 (đang ghi {found})",
    format: "{field} không đúng dạng (đang ghi {found})",
    multipleOf: "{field} phải là bội của {divisor}",
    invalid: "{field} không hợp lệ",
  },
  en: {
    or: " or ",
    oneOf: "one of {list}",
    aList: "a list",
    aGroup: "a group of fields",
    empty: "empty (null)",
    missing: "{field} is missing",
    mustBe: "{field} must be {must}, not {found}",
    atLeastItems: "{field} needs at least {min} item(s)",
    blank: "{field} must not be blank",
    negative: "{field} must not be negative",
    positive: "{field} must be greater than 0",
    atLeast: "{field} must be at least {min}",
    greater: "{field} must be greater than {min}",
    atMostItems: "{field} has at most {max} items",
    tooLong: "{field} is too long (at most {max} characters)",
    atMost: "{field} must be at most {max}",
    idFormat:
      '{field} may only hold letters without accents, digits, "-" and "_", starting with a letter or digit (found {found})',
    monthFormat: "{field} must be written year-month, e.g. 2020-07 (found {found})",
    format: "{field} is not written the expected way (found {found})",
    multipleOf: "{field} must be a multiple of {divisor}",
    invalid: "{field} is not valid",
  },
} as const;

type IssueKey = keyof typeof ISSUES.vi;

const say = catalogue(ISSUES);

const cap = (s: string) => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);

function list(values: readonly unknown[], locale: Locale): string {
  const shown = values.map((v) => (typeof v === "string" ? `"${v}"` : String(v)));
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")}${ISSUES[locale].or}${shown[shown.length - 1]}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = Object.hasOwn(v, p) ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  }
  return v;
}

/** The value as found, shortened: "abc", 12, a list, nothing. */
function shownValue(v: unknown, locale: Locale): string {
  if (typeof v === "string") return `"${v.length > 40 ? `${v.slice(0, 39)}…` : v}"`;
  if (typeof v === "number") return formatNumber(v, locale);
  if (Array.isArray(v)) return ISSUES[locale].aList;
  if (v === null) return ISSUES[locale].empty;
  if (typeof v === "object") return ISSUES[locale].aGroup;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a primitive by now
  return String(v);
}

/** What a field must be, from the issue (for messages on values of the wrong shape). */
function mustBe(issue: z.core.$ZodIssue, locale: Locale): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return (TYPES[issue.expected] ?? { vi: issue.expected, en: issue.expected })[locale];
    case "invalid_value":
      return say(locale, "oneOf", { list: list(issue.values, locale) });
    case "invalid_union": {
      // A union of literals (the default unit) or of objects (pricing): say what each accepts.
      const values = issue.errors.flatMap((e) =>
        e.flatMap((x) => (x.code === "invalid_value" ? x.values : [])),
      );
      return values.length > 0 ? say(locale, "oneOf", { list: list(values, locale) }) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * One schema problem in plain words, without its location: "thiếu mã sổ quy tắc (id)",
 * "đơn giá (price) phải là một số, không phải "hai triệu"", "loại nội dung (kind) phải là một trong
 * "dao-tao", "boi-duong" hoặc "nhom"".
 */
export function issueText(
  issue: z.core.$ZodIssue,
  data: unknown,
  locale: Locale = "vi",
  options: WordingOptions = {},
): string {
  const field = fieldName(issue.path, locale, options);
  const found = valueAt(data, issue.path);
  // Years and small bounds read better without digit grouping ("1990", not "1.990").
  const n = (x: number | bigint) =>
    Math.abs(Number(x)) < 10_000 ? String(x) : formatNumber(Number(x), locale);
  const as = (key: IssueKey, data: Record<string, string | number> = {}) =>
    say(locale, key, { field, ...data });
  switch (issue.code) {
    case "invalid_type":
    case "invalid_value":
    case "invalid_union": {
      if (found === undefined) return as("missing");
      const must = mustBe(issue, locale);
      if (!must) break;
      return as("mustBe", { must, found: shownValue(found, locale) });
    }
    case "too_small": {
      const min = n(issue.minimum);
      if (issue.origin === "array" || issue.origin === "set") return as("atLeastItems", { min });
      if (issue.origin === "string") return as("blank");
      if (Number(issue.minimum) === 0) return as(issue.inclusive ? "negative" : "positive");
      return as(issue.inclusive ? "atLeast" : "greater", { min });
    }
    case "too_big": {
      const max = n(issue.maximum);
      if (issue.origin === "array" || issue.origin === "set") return as("atMostItems", { max });
      if (issue.origin === "string") return as("tooLong", { max });
      return as("atMost", { max });
    }
    case "invalid_format": {
      const pattern = fieldPattern(issue.path);
      const key = ID_FIELDS.has(pattern) ? "idFormat" : MONTH_FIELDS.has(pattern) ? "monthFormat" : "format";
      return as(key, { found: shownValue(found, locale) });
    }
    case "not_multiple_of":
      return as("multipleOf", { divisor: String(issue.divisor) });
    case "custom": {
      const key = (issue.params as { key?: string } | undefined)?.key;
      if (key && key in REFINEMENT_MESSAGES)
        return refinementMessage(key as RefinementKey, issue.params as Record<string, unknown>, locale);
      return issue.message;
    }
    default:
      break;
  }
  return as("invalid");
}

/**
 * What `inferRulebook` (./infer.ts) says to the person drafting a rulebook from a plan: why no
 * draft can be made, and each head-count it did not adopt. The draft itself (names, the "Cách suy
 * ra" notes) is the department's document and stays Vietnamese.
 */
const INFER = {
  vi: {
    cannotInfer: "Không suy ra được sổ quy tắc:",
    noTables:
      "Không suy ra được sổ quy tắc: không nhận ra phụ lục kinh phí hay nhiệm vụ nào có năm trong sổ tính (cần dòng tiêu đề cột TT, Nội dung, các cấp học, Đơn giá, Thành tiền và tiêu đề ghi năm).",
    noLevels:
      'không nhận ra cấp học nào: các phụ lục không có cột cấp học (MN, TH, THCS…) hay chữ ghi cấp học ở cột Cấp học hoặc Số lượng ("TH: 100").',
    draftOrigin: "Bản nháp sổ quy tắc",
    onContents: "{problem}: nội dung {contents}",
    moreContents: "{contents} và {more} nội dung khác",
    doubt:
      '"{name}" năm {year}, {level}: phụ lục ghi {count} người ({cell}), nhưng ghi chú của dòng là {k} người/trường × {schools} trường = {expected}: bản nháp giữ định mức {k}/trường, không lấy số {count}; nếu {count} đúng, hãy ghi số cố định',
  },
  en: {
    cannotInfer: "No rulebook can be drafted:",
    noTables:
      'No rulebook can be drafted: no cost or task appendix with a year was recognised in the workbook (it needs a header row "TT", "Nội dung", the levels, "Đơn giá", "Thành tiền", and a title naming the year).',
    noLevels:
      'no level recognised: the appendices have no level columns (MN, TH, THCS…) and name no level in a "Cấp học" or "Số lượng" column ("TH: 100").',
    draftOrigin: "The draft rulebook",
    onContents: "{problem}: content {contents}",
    moreContents: "{contents} and {more} more",
    doubt:
      '"{name}" {year}, {level}: the appendix has {count} people ({cell}), but the line\'s note says {k} per school × {schools} schools = {expected}: the draft keeps the quota of {k} per school, not {count}; if {count} is right, enter it as a fixed count',
  },
} as const;

/** A sentence of `inferRulebook` in the reader's language, `{name}` placeholders filled. */
export const inferText = catalogue(INFER);

/** The first letter in capitals, for a message that starts a line. */
export const sentence = cap;
