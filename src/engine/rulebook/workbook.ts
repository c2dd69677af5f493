/**
 * A rulebook as a workbook that finance staff fill in, in the official look: sheets of its own,
 * each titled "SỔ QUY TẮC — …", with drop-down lists and input checks. Pure, both ways:
 *
 *   rulebookTemplate(rulebook?)   → Template (src/engine/templates/spec.ts), written to .xlsx by
 *                                   src/io/xlsx/template.ts or inserted by the add-in
 *   findRulebookSheets(snapshot)  → the rulebook's sheets in a workbook, if it has them
 *   rulebookFromWorkbook(snapshot) → the Rulebook, or a RulebookError whose problems point at
 *                                   sheet and cell ("Nội dung & đơn giá!D7: đơn giá phải là một số")
 *
 * JSON → workbook → JSON gives back the same rulebook, every field of the schema
 * (test/rulebooks/workbook.property.test.ts), within what a cell can hold: texts are trimmed, and
 * the other names of a level or a content are one per line in their cell.
 *
 * Sheets (found by their title, so that a renamed sheet — "Cấp học (2)" — is still read):
 * - Thông tin chung: the plan (id, name, province, years, unit, tolerance), the plan total and its
 *   words, the totals convention, who must upgrade, regular in-service training (BDTX).
 * - Cấp học: levels, their other names and number of schools.
 * - Nội dung & đơn giá: one row per content and year (TT | Nội dung | Năm | Đơn giá …): a content's
 *   first row carries its kind, target, eligible levels, pricing, parent, id and other names; the
 *   rows under it with a blank "Nội dung" are its other years. Each year's row also holds the
 *   head-count over several levels and what the task appendix states: timing, form, lead and
 *   partner units.
 * - Nhóm đối tượng: a content's target groups (Đối tượng A, B), one per row, by the content's id.
 * - Số người chi tiết: head-counts of parts of a year's line, by level, sector and target group
 *   ("MN CL: 34", "Đối tượng A: 477"), one per row, by the content's id and the year.
 * - Đơn vị hành chính: the unit lists, one name per row.
 * - Mức độ quy tắc: every rule with its default severity, and the plan's own where it differs.
 * - Cách suy ra (drafts from dean-rulebook infer only): how each value was found; not read back.
 */
import { toA1 } from "../a1";
import { catalogue, formatMessage, type Locale } from "../i18n";
import { readCellNumber } from "../numbers/parse";
import { cellText } from "../recognize/grid";
import { allRules } from "../rules";
import { isCellDate, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../snapshot";
import { quoteSheetName } from "../sheet-names";
import { abs, SheetBuilder, v } from "../templates/layout";
import type { CellStyle, Template, TemplateCell, TemplateSheet, Validation } from "../templates/spec";
import { fold } from "../text/normalize";
import { RULEBOOK_LIMITS, rulebookSizeProblem } from "./limits";
import { invalidRulebook, rulebookProblems, RulebookError, type RulebookProblem } from "./load";
import { fieldName, pathText } from "./messages";
import type { Course, Rulebook } from "./schema";

// ---------------------------------------------------------------------------------------------
// Sheets and vocabulary

export type RulebookSheetKey =
  "info" | "levels" | "courses" | "groups" | "parts" | "units" | "rules" | "provenance";

export const RULEBOOK_SHEETS: Readonly<Record<RulebookSheetKey, { name: string; title: string }>> = {
  info: { name: "Thông tin chung", title: "SỔ QUY TẮC — THÔNG TIN CHUNG" },
  levels: { name: "Cấp học", title: "SỔ QUY TẮC — CẤP HỌC VÀ SỐ TRƯỜNG" },
  courses: { name: "Nội dung & đơn giá", title: "SỔ QUY TẮC — NỘI DUNG VÀ ĐƠN GIÁ" },
  groups: { name: "Nhóm đối tượng", title: "SỔ QUY TẮC — NHÓM ĐỐI TƯỢNG CỦA NỘI DUNG" },
  parts: { name: "Số người chi tiết", title: "SỔ QUY TẮC — SỐ NGƯỜI THEO CẤP HỌC, LOẠI HÌNH, NHÓM" },
  units: { name: "Đơn vị hành chính", title: "SỔ QUY TẮC — ĐƠN VỊ HÀNH CHÍNH" },
  rules: { name: "Mức độ quy tắc", title: "SỔ QUY TẮC — MỨC ĐỘ CÁC QUY TẮC" },
  provenance: { name: "Cách suy ra", title: "SỔ QUY TẮC — CÁCH SUY RA TỪNG GIÁ TRỊ" },
};

/** The rulebook sheets in the order they are written (the provenance only in a draft). */
export const SHEET_ORDER: readonly RulebookSheetKey[] = [
  "info",
  "levels",
  "courses",
  "groups",
  "parts",
  "units",
  "rules",
  "provenance",
];

/** A value of the JSON and its words in the workbook (drop-down lists). */
type Vocabulary<T extends string | number | boolean> = readonly (readonly [T, string])[];

const KINDS: Vocabulary<Course["kind"]> = [
  ["dao-tao", "Đào tạo nâng chuẩn"],
  ["boi-duong", "Bồi dưỡng"],
  ["nhom", "Nhóm (tiêu đề)"],
];
const TARGETS: Vocabulary<"GV" | "CBQL" | "CBGV"> = [
  ["GV", "GV"],
  ["CBQL", "CBQL"],
  ["CBGV", "CBGV"],
];
const SECTORS: Vocabulary<"cong-lap" | "ngoai-cong-lap"> = [
  ["cong-lap", "Công lập"],
  ["ngoai-cong-lap", "Ngoài công lập"],
];
const SCALES: Vocabulary<number> = [
  [1, "đồng"],
  [1000, "nghìn đồng"],
  [1_000_000, "triệu đồng"],
];
const TOTALS: Vocabulary<"all" | "boi-duong-only"> = [
  ["all", "Tất cả các dòng"],
  ["boi-duong-only", "Chỉ các dòng bồi dưỡng"],
];
const YES_NO: Vocabulary<boolean> = [
  [true, "Có"],
  [false, "Không"],
];
const SEVERITIES: Vocabulary<"error" | "warning" | "info" | "off"> = [
  ["error", "Lỗi"],
  ["warning", "Cảnh báo"],
  ["info", "Lưu ý"],
  ["off", "Tắt"],
];
const QUALIFICATIONS: Vocabulary<"TC" | "CD" | "DH" | "ThS"> = [
  ["TC", "TC"],
  ["CD", "CĐ"],
  ["DH", "ĐH"],
  ["ThS", "ThS"],
];
const PROGRAMMES: Vocabulary<string> = (["TC", "CD", "DH"] as const).flatMap((from) =>
  (["CD", "DH", "ThS"] as const).map(
    (to) => [`${from}>${to}`, `${wordOf(QUALIFICATIONS, from)}-${wordOf(QUALIFICATIONS, to)}`] as const,
  ),
);

/** "TC-ĐH" goes up; "ĐH-CĐ", "CĐ-CĐ" do not. */
const RANK = ["TC", "CĐ", "ĐH", "ThS"];
const upward = (word: string) => {
  const [from, to] = word.split("-");
  return RANK.indexOf(to) > RANK.indexOf(from);
};

function wordOf<T extends string | number | boolean>(vocab: Vocabulary<T>, value: T): string {
  return vocab.find(([v]) => v === value)?.[1] ?? String(value);
}

/** The value of a word typed in a cell (its folded word, or the JSON value itself), or undefined. */
function valueOf<T extends string | number | boolean>(vocab: Vocabulary<T>, text: string): T | undefined {
  const f = fold(text);
  for (const [value, word] of vocab) if (fold(word) === f || fold(String(value)) === f) return value;
  return undefined;
}

const words = <T extends string | number | boolean>(vocab: Vocabulary<T>) => vocab.map(([, w]) => w);

// ---------------------------------------------------------------------------------------------
// Layout of each sheet

const TITLE_ROWS = 4; // title, plan name, instructions, blank

interface InfoField {
  path: string;
  label: string;
  hint?: string;
  heading?: string;
}

const INFO: readonly InfoField[] = [
  { heading: "I. KẾ HOẠCH", path: "", label: "" },
  { path: "id", label: "Mã sổ quy tắc", hint: "Chữ không dấu, số, '-' và '_', ví dụ hai-phong-2026-2030." },
  { path: "name", label: "Tên kế hoạch" },
  { path: "province", label: "Tỉnh, thành phố", hint: "Như tiêu đề phụ lục ghi, ví dụ Hải Phòng." },
  { path: "source", label: "Nguồn (văn bản kế hoạch)" },
  { path: "years", label: "Các năm của kế hoạch", hint: "Cách nhau bằng dấu phẩy: 2026, 2027, 2028." },
  {
    path: "defaultScale",
    label: "Đơn vị tính khi bảng không ghi",
    hint: "đồng, nghìn đồng hoặc triệu đồng.",
  },
  {
    path: "tolerance",
    label: "Sai số làm tròn mỗi dòng",
    hint: "Theo đơn vị của bảng: 0,5 là nửa đơn vị.",
  },
  { heading: "II. TỔNG KINH PHÍ VÀ DÒNG TỔNG", path: "", label: "" },
  {
    path: "planTotal.amount",
    label: "Tổng kinh phí kế hoạch (đồng)",
    hint: "Để trống nếu kế hoạch không ghi.",
  },
  { path: "planTotal.words", label: "Tổng kinh phí bằng chữ" },
  {
    path: "planTotal.derived",
    label: "Tổng kinh phí là tổng các dòng",
    hint: "Có: văn bản không ghi tổng, con số được cộng từ các dòng.",
  },
  {
    path: "totals.levelTotals",
    label: "Dòng tổng số người cộng",
    hint: "Kế hoạch 2026–2030: chỉ các dòng bồi dưỡng.",
  },
  { path: "totals.amountTotal", label: "Dòng tổng thành tiền cộng" },
  { heading: "III. NÂNG CHUẨN (DANH SÁCH NGƯỜI HỌC)", path: "", label: "" },
  { path: "upgrade.from", label: "Tính thời gian công tác từ tháng", hint: "Năm-tháng, ví dụ 2020-07." },
  {
    path: "upgrade.minMonthsLeft",
    label: "Số tháng công tác còn lại tối thiểu",
    hint: "Nghị định 71/2020: 84.",
  },
  {
    path: "upgrade.standard",
    label: "Trình độ chuẩn theo cấp học",
    hint: "Mỗi cấp một dòng hoặc cách nhau bằng dấu chấm phẩy: MN: CĐ; TH: ĐH.",
  },
  {
    path: "upgrade.exceptions",
    label: "Trường hợp riêng",
    hint: "Cấp học, trình độ: số tháng; ví dụ TH, TC: 96.",
  },
  { heading: "IV. BỒI DƯỠNG THƯỜNG XUYÊN (BDTX)", path: "", label: "" },
  { path: "bdtx.schoolYear", label: "Năm học", hint: "Ví dụ 2023-2024." },
  { path: "bdtx.start", label: "Tháng bắt đầu", hint: "Năm-tháng, ví dụ 2023-09." },
  { path: "bdtx.end", label: "Tháng kết thúc", hint: "Năm-tháng, ví dụ 2024-08." },
  { path: "bdtx.minModules", label: "Số mô đun tối thiểu để hoàn thành" },
  { path: "bdtx.periodsPerModule", label: "Số tiết mỗi mô đun" },
  { path: "bdtx.levels", label: "Cấp học tham gia", hint: "Mã cấp học, cách nhau bằng dấu phẩy." },
  { heading: "V. KHÁC", path: "", label: "" },
  { path: "$schema", label: "Lược đồ JSON ($schema)", hint: "Chỉ dùng khi lưu sổ dưới dạng JSON." },
];

/** Columns of "Nội dung & đơn giá" before the level columns, and after them. */
type CourseCol =
  | "tt"
  | "name"
  | "year"
  | "price"
  | "pricePerCredit"
  | "credits"
  | "totalCredits"
  | "quota"
  | "total"
  | "amount"
  | "note"
  | "time"
  | "form"
  | "lead"
  | "partner"
  | "kind"
  | "target"
  | "levels"
  | "programme"
  | "sector"
  | "parent"
  | "id"
  | "aliases";

const BEFORE_LEVELS: readonly CourseCol[] = [
  "tt",
  "name",
  "year",
  "price",
  "pricePerCredit",
  "credits",
  "totalCredits",
  "quota",
];
/** What a content is, whatever the year: the last columns. */
const CONTENT_ATTRS: readonly CourseCol[] = [
  "kind",
  "target",
  "levels",
  "programme",
  "sector",
  "parent",
  "id",
  "aliases",
];
const AFTER_LEVELS: readonly CourseCol[] = [
  "total",
  "amount",
  "note",
  "time",
  "form",
  "lead",
  "partner",
  ...CONTENT_ATTRS,
];

/** Column headers (second header row) and widths. */
const COURSE_HEAD: Readonly<Record<CourseCol, { label: string; width: number }>> = {
  tt: { label: "TT", width: 5 },
  name: { label: "Nội dung", width: 40 },
  year: { label: "Năm", width: 7 },
  price: { label: "Mỗi người", width: 13 },
  pricePerCredit: { label: "Mỗi tín chỉ", width: 11 },
  credits: { label: "Tín chỉ trong năm", width: 9 },
  totalCredits: { label: "Tổng tín chỉ", width: 8 },
  quota: { label: "Định mức (người/trường)", width: 11 },
  total: { label: "Tổng số người (nhiều cấp học)", width: 11 },
  amount: { label: "Thành tiền khoán (đồng)", width: 14 },
  note: { label: "Ghi chú", width: 20 },
  time: { label: "Thời gian", width: 14 },
  form: { label: "Hình thức", width: 18 },
  lead: { label: "Đơn vị chủ trì", width: 16 },
  partner: { label: "Đơn vị phối hợp", width: 24 },
  kind: { label: "Loại", width: 14 },
  target: { label: "Đối tượng", width: 9 },
  levels: { label: "Cấp học được tham gia", width: 26 },
  programme: { label: "Chương trình nâng chuẩn", width: 11 },
  sector: { label: "Loại hình trường", width: 12 },
  parent: { label: "Nội dung cha (mã)", width: 14 },
  id: { label: "Mã nội dung", width: 20 },
  aliases: { label: "Tên khác (mỗi tên một dòng)", width: 24 },
};

/** Columns under one heading: the prices and credits, and what the task appendix states of a line. */
const PRICE_GROUP: readonly CourseCol[] = ["price", "pricePerCredit", "credits", "totalCredits"];
const DUTY_GROUP: readonly CourseCol[] = ["time", "form", "lead", "partner"];

/** Course columns that belong to the content (its first row), not to a year. */
const COURSE_LEVEL: ReadonlySet<CourseCol> = new Set<CourseCol>([
  "tt",
  "name",
  "pricePerCredit",
  "totalCredits",
  ...CONTENT_ATTRS,
]);

/** Course columns that belong to a year of the content: all the others. */
const PER_YEAR: readonly CourseCol[] = [...BEFORE_LEVELS, ...AFTER_LEVELS].filter(
  (c) => !COURSE_LEVEL.has(c),
);

const LEVEL_HEAD = ["STT", "Mã cấp học", "Tên cấp học", "Tên khác (mỗi tên một dòng)", "Số trường"] as const;
const UNIT_HEAD = [
  "STT",
  "Danh sách",
  "Áp dụng từ tháng",
  "Áp dụng đến tháng",
  "Tên đơn vị",
  "Dòng thêm (không phải đơn vị)",
] as const;
const GROUP_HEAD = ["STT", "Mã nội dung", "Mã nhóm", "Tên nhóm", "Mô tả (ai thuộc nhóm)"] as const;
export const PART_HEAD = [
  "STT",
  "Mã nội dung",
  "Năm",
  "Cấp học",
  "Loại hình trường",
  "Nhóm đối tượng",
  "Số người",
] as const;
const RULE_HEAD = ["STT", "Mã quy tắc", "Quy tắc", "Mức độ mặc định", "Mức độ trong kế hoạch này"] as const;
const PROVENANCE_HEAD = ["STT", "Ô", "Giá trị", "Cách suy ra", "Từ ô của kế hoạch"] as const;

// ---------------------------------------------------------------------------------------------
// Writing

/** How a draft's value was found (dean-rulebook infer): shown on the "Cách suy ra" sheet. */
export interface Provenance {
  /** The JSON path of the value, e.g. ["courses", 3, "offerings", 0, "price"]. */
  path: (string | number)[];
  /** In Vietnamese: "đơn giá của dòng", "4 GV/trường × 437 trường". */
  how: string;
  /** Where in the plan it was read: "PL6 KP 2026!I7". */
  from?: string;
}

export interface RulebookTemplateOptions {
  /** A draft's provenance, one row per value on the "Cách suy ra" sheet. */
  provenance?: readonly Provenance[];
  /** Blank content rows to leave under the contents (default 20 for a blank rulebook, 5 otherwise). */
  blankRows?: number;
}

/**
 * A data row, as tall as its longest wrapped text. Conservative (about one character per unit of
 * column width): a spreadsheet without Times New Roman draws it with a wider font, and a clipped
 * rulebook value is worse than a tall row.
 */
function addRow(b: SheetBuilder, cells: (TemplateCell | null)[]): number {
  let lines = 1;
  cells.forEach((c, col) => {
    if (!c || typeof c.value !== "string") return;
    const per = Math.max(1, (b.columnWidths[col] ?? 10) - 2);
    lines = Math.max(
      lines,
      c.value.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / per)), 0),
    );
  });
  return b.add(cells, lines > 1 ? Math.min(409, Math.ceil(lines * 15.75 + 4)) : undefined);
}

/** A check that a range holds numbers: whole or decimal, from `min` (to `max`), with its message. */
function numberCheck(
  type: "whole" | "decimal",
  range: string,
  min: number,
  error: string,
  max?: number,
): Validation {
  return max === undefined ? { type, range, min, error } : { type, range, min, max, error };
}

/** A year of the plan. */
const yearCheck = (range: string) => numberCheck("whole", range, 1990, "Năm là số từ 1990 đến 2100.", 2100);

/** Blank rows to fill in under a table, each cell styled as its column. */
function blankRows(b: SheetBuilder, styles: readonly CellStyle[], count = 10): void {
  for (let k = 0; k < count; k++) b.add(styles.map((style) => v(null, style)));
}

/** A rulebook sheet with one header row: printed on every page, the rows below it scrolling. */
function rulebookSheet(b: SheetBuilder, name: string, header: number): TemplateSheet {
  return b.sheet({
    name,
    kind: "rulebook",
    printTitleRows: [header, header],
    freeze: { rows: header + 1, cols: 0 },
  });
}

/** An empty list of levels with a duty, written out. */
const NONE = "Không có";

/** Text of a cell that holds a list: one item per line. */
const lines = (items: readonly string[]) => items.join("\n");

function titleRows(b: SheetBuilder, key: RulebookSheetKey, planName: string, help: string): void {
  b.line(RULEBOOK_SHEETS[key].title, "title");
  b.line(planName, "attached");
  b.line(help, "note");
  b.add([]);
}

/** Where each value was written: JSON path → "Sheet!A1" (used to point at a value's cell). */
type CellIndex = Map<string, string>;

/** Ranges the drop-down lists of later sheets take their items from ("'Cấp học'!$B$6:$B$20"). */
interface ListSources {
  levelIds?: string;
  courseIds?: string;
  groupIds?: string;
}

const sourceRange = (sheet: string, col: number, first: number, last: number) =>
  `${quoteSheetName(sheet)}!${abs(first, col)}:${abs(last, col)}`;

const HELP = {
  info: "Điền cột Giá trị. Ô có danh sách thả xuống chỉ nhận giá trị trong danh sách; ô số chỉ nhận số.",
  levels: "Mỗi cấp học một dòng. Số trường để trống khi số người của cấp học không tính theo trường (GDNN).",
  courses:
    "Mỗi nội dung một dòng cho mỗi năm; các năm sau để trống cột Nội dung. Đơn giá tính bằng đồng. Nội dung đào tạo nâng chuẩn ghi giá mỗi tín chỉ, tổng tín chỉ và tín chỉ trong năm.",
  groups:
    'Các nhóm đối tượng của một nội dung như kế hoạch định nghĩa (ví dụ Đối tượng A, B của môn KHTN), mỗi nhóm một dòng. Mã nhóm là 1–2 chữ in hoa hoặc chữ số (A, B): bảng ghi "Đối tượng A: 477" được đọc theo mã này.',
  parts:
    "Khi kế hoạch ghi số người của từng phần một nội dung (MN công lập: 34; MN ngoài công lập: 200; Đối tượng A: 477): mỗi phần một dòng, nội dung ghi bằng mã (trang Nội dung & đơn giá), năm là một năm của nội dung đó; ghi cấp học, loại hình trường, nhóm đối tượng hoặc cả ba.",
  units:
    "Mỗi đơn vị một dòng; dòng đầu của mỗi danh sách ghi tên danh sách và thời gian áp dụng (năm-tháng).",
  rules: "Để trống cột cuối để dùng mức độ mặc định; chọn Tắt để không kiểm tra quy tắc đó.",
  provenance: "Các giá trị của bản nháp và cách chúng được suy ra từ kế hoạch: hãy xem lại từng giá trị.",
} as const;

function infoSheet(rb: Rulebook | undefined, index: CellIndex): TemplateSheet {
  const b = new SheetBuilder([40, 52, 52]);
  titleRows(b, "info", rb?.name ?? "", HELP.info);
  const header = b.add([v("Mục", "header"), v("Giá trị", "header"), v("Hướng dẫn", "header")]);
  const list = (vocab: readonly string[], r: number, error: string): Validation => ({
    type: "list",
    range: toA1(r, 1),
    list: [...vocab],
    error,
  });
  for (const f of INFO) {
    if (f.heading) {
      const r = b.add([v(f.heading, "totalLabel"), v(null, "text"), v(null, "text")]);
      b.merge(r, 0, r, 2);
      continue;
    }
    const value = rb ? infoValue(rb, f.path) : null;
    const r = b.next;
    const cell: TemplateCell = v(value, typeof value === "number" ? "money" : "text");
    if (f.path === "tolerance") cell.numberFormat = "0.0##";
    addRow(b, [v(f.label, "text"), cell, v(f.hint ?? null, "note")]);
    index.set(f.path, `${RULEBOOK_SHEETS.info.name}!${toA1(r, 1)}`);
    if (f.path === "defaultScale")
      b.validations.push(list(words(SCALES), r, "Chọn đồng, nghìn đồng hoặc triệu đồng."));
    if (f.path === "planTotal.derived") b.validations.push(list(words(YES_NO), r, "Chọn Có hoặc Không."));
    if (f.path.startsWith("totals."))
      b.validations.push(list(words(TOTALS), r, "Chọn một cách cộng trong danh sách."));
    if (f.path === "tolerance")
      b.validations.push(numberCheck("decimal", toA1(r, 1), 0, "Sai số là một số từ 0 đến 10.", 10));
    if (f.path === "planTotal.amount")
      b.validations.push(numberCheck("decimal", toA1(r, 1), 0, "Tổng kinh phí là một số không âm (đồng)."));
    if (["upgrade.minMonthsLeft", "bdtx.minModules", "bdtx.periodsPerModule"].includes(f.path))
      b.validations.push(numberCheck("whole", toA1(r, 1), 1, "Ô này nhận một số nguyên dương."));
  }
  return rulebookSheet(b, RULEBOOK_SHEETS.info.name, header);
}

function infoValue(rb: Rulebook, path: string): string | number | null {
  switch (path) {
    case "id":
    case "name":
    case "province":
      return rb[path];
    case "source":
      return rb.source ?? null;
    case "$schema":
      return rb.$schema ?? null;
    case "years":
      return rb.years.length === 1 ? rb.years[0] : rb.years.join(", ");
    case "defaultScale":
      return wordOf(SCALES, rb.defaultScale);
    case "tolerance":
      return rb.tolerance;
    case "planTotal.amount":
      return rb.planTotal?.amount ?? null;
    case "planTotal.words":
      return rb.planTotal?.words ?? null;
    case "planTotal.derived":
      return rb.planTotal ? wordOf(YES_NO, rb.planTotal.derived) : null;
    case "totals.levelTotals":
      return wordOf(TOTALS, rb.totals.levelTotals);
    case "totals.amountTotal":
      return wordOf(TOTALS, rb.totals.amountTotal);
    case "upgrade.from":
      return rb.upgrade?.from ?? null;
    case "upgrade.minMonthsLeft":
      return rb.upgrade?.minMonthsLeft ?? null;
    case "upgrade.standard":
      if (!rb.upgrade) return null;
      // No level at all is said, so that a blank cell stays a missing value.
      if (Object.keys(rb.upgrade.standard).length === 0) return NONE;
      return lines(Object.entries(rb.upgrade.standard).map(([l, q]) => `${l}: ${wordOf(QUALIFICATIONS, q)}`));
    case "upgrade.exceptions":
      return rb.upgrade && rb.upgrade.exceptions.length > 0
        ? lines(
            rb.upgrade.exceptions.map(
              (e) => `${e.level}, ${wordOf(QUALIFICATIONS, e.qualification)}: ${e.minMonthsLeft}`,
            ),
          )
        : null;
    case "bdtx.schoolYear":
      return rb.bdtx?.schoolYear ?? null;
    case "bdtx.start":
      return rb.bdtx?.start ?? null;
    case "bdtx.end":
      return rb.bdtx?.end ?? null;
    case "bdtx.minModules":
      return rb.bdtx?.minModules ?? null;
    case "bdtx.periodsPerModule":
      return rb.bdtx?.periodsPerModule ?? null;
    case "bdtx.levels":
      return rb.bdtx ? rb.bdtx.levels.join(", ") : null;
    default:
      return null;
  }
}

/** Standard levels offered in a blank rulebook (the department corrects the school counts). */
const BLANK_LEVELS: readonly [string, string][] = [
  ["MN", "Mầm non"],
  ["TH", "Tiểu học"],
  ["THCS", "THCS"],
  ["THPT", "THPT"],
  ["GDTX", "GDTX"],
];

function levelsSheet(rb: Rulebook | undefined, index: CellIndex, sources: ListSources): TemplateSheet {
  const b = new SheetBuilder([6, 14, 28, 28, 12]);
  titleRows(b, "levels", rb?.name ?? "", HELP.levels);
  const header = b.add(LEVEL_HEAD.map((h) => v(h, "header")));
  const levels = rb
    ? rb.levels.map((l) => ({ id: l.id, name: l.name, aliases: l.aliases, schools: l.schools }))
    : BLANK_LEVELS.map(([id, name]) => ({ id, name, aliases: [] as string[], schools: null }));
  const first = b.next;
  levels.forEach((l, i) => {
    const r = addRow(b, [
      v(i + 1, "center"),
      v(l.id, "center"),
      v(l.name, "text"),
      v(l.aliases.length > 0 ? lines(l.aliases) : null, "text"),
      v(l.schools, "count"),
    ]);
    index.set(`levels[${i}]`, `${RULEBOOK_SHEETS.levels.name}!${toA1(r, 1)}`);
  });
  blankRows(b, ["center", "center", "text", "text", "count"]);
  sources.levelIds = sourceRange(RULEBOOK_SHEETS.levels.name, 1, first, b.next - 1);
  b.validations.push(
    numberCheck(
      "whole",
      `${toA1(first, 4)}:${toA1(b.next - 1, 4)}`,
      0,
      "Số trường là một số nguyên không âm (để trống nếu không tính theo trường).",
    ),
  );
  return rulebookSheet(b, RULEBOOK_SHEETS.levels.name, header);
}

interface CourseLayout {
  cols: CourseCol[];
  levelIds: string[];
  /** Column of each named column; level columns by level id. */
  col: Map<CourseCol, number>;
  levelCol: Map<string, number>;
}

function courseLayout(levelIds: readonly string[]): CourseLayout {
  const col = new Map<CourseCol, number>();
  BEFORE_LEVELS.forEach((c, i) => col.set(c, i));
  const levelCol = new Map<string, number>();
  levelIds.forEach((l, i) => levelCol.set(l, BEFORE_LEVELS.length + i));
  AFTER_LEVELS.forEach((c, i) => col.set(c, BEFORE_LEVELS.length + levelIds.length + i));
  return { cols: [...BEFORE_LEVELS, ...AFTER_LEVELS], levelIds: [...levelIds], col, levelCol };
}

function coursesSheet(
  rb: Rulebook | undefined,
  index: CellIndex,
  blankRows: number,
  sources: ListSources,
): TemplateSheet {
  const levelIds = rb ? rb.levels.map((l) => l.id) : BLANK_LEVELS.map(([id]) => id);
  const L = courseLayout(levelIds);
  const width = BEFORE_LEVELS.length + levelIds.length + AFTER_LEVELS.length;
  const widths: number[] = [];
  for (const c of BEFORE_LEVELS) widths.push(COURSE_HEAD[c].width);
  for (const _ of levelIds) widths.push(8);
  for (const c of AFTER_LEVELS) widths.push(COURSE_HEAD[c].width);
  const b = new SheetBuilder(widths);
  titleRows(b, "courses", rb?.name ?? "", HELP.courses);
  // Two header rows: groups over the prices and the fixed head-counts.
  const top = b.next;
  const row1: TemplateCell[] = Array.from({ length: width }, () => v(null, "header"));
  const row2: TemplateCell[] = Array.from({ length: width }, () => v(null, "header"));
  const at = (c: CourseCol) => L.col.get(c) as number;
  const grouped = (c: CourseCol) => PRICE_GROUP.includes(c) || DUTY_GROUP.includes(c);
  for (const c of L.cols) {
    const k = at(c);
    if (grouped(c)) row2[k] = v(COURSE_HEAD[c].label, "header");
    else row1[k] = v(COURSE_HEAD[c].label, "header");
  }
  row1[at("price")] = v("Đơn giá (đồng) và tín chỉ", "header");
  row1[at("time")] = v("Thực hiện (như phụ lục nhiệm vụ ghi)", "header");
  const firstLevel = BEFORE_LEVELS.length;
  if (levelIds.length > 0) {
    row1[firstLevel] = v("Số người cố định theo cấp học (để trống khi tính theo định mức)", "header");
    levelIds.forEach((id, i) => (row2[firstLevel + i] = v(id, "header")));
  }
  b.add(row1);
  b.add(row2);
  for (const c of L.cols) if (!grouped(c)) b.merge(top, at(c), top + 1, at(c));
  b.merge(top, at("price"), top, at("totalCredits"));
  b.merge(top, at("time"), top, at("partner"));
  if (levelIds.length > 0) b.merge(top, firstLevel, top, firstLevel + levelIds.length - 1);

  const first = b.next;
  const name = RULEBOOK_SHEETS.courses.name;
  const style = (c: CourseCol): CellStyle =>
    c === "tt" || c === "year" || c === "target" || c === "programme"
      ? "center"
      : ["price", "pricePerCredit", "amount"].includes(c)
        ? "money"
        : ["credits", "totalCredits", "quota", "total"].includes(c)
          ? "count"
          : c === "note"
            ? "note"
            : "text";
  const blankRow = () => {
    const cells: TemplateCell[] = [];
    for (const c of BEFORE_LEVELS) cells.push(v(null, style(c)));
    for (const _ of levelIds) cells.push(v(null, "count"));
    for (const c of AFTER_LEVELS) cells.push(v(null, style(c)));
    return cells;
  };
  (rb?.courses ?? []).forEach((course, i) => {
    const offerings = course.offerings.length > 0 ? course.offerings : [undefined];
    offerings.forEach((o, j) => {
      const cells = blankRow();
      const r = b.next;
      const put = (c: CourseCol, value: string | number | null | undefined) => {
        if (value !== undefined && value !== null) cells[at(c)].value = value;
      };
      const cellOf = (c: CourseCol) => `${name}!${toA1(r, at(c))}`;
      if (j === 0) {
        put("tt", i + 1);
        put("name", course.name);
        if (course.pricing.type === "per-credit") {
          put("pricePerCredit", course.pricing.pricePerCredit);
          put("totalCredits", course.pricing.totalCredits);
        }
        put("kind", wordOf(KINDS, course.kind));
        put("target", course.target ? wordOf(TARGETS, course.target) : undefined);
        put("levels", course.levels.join(", "));
        put(
          "programme",
          course.programme
            ? wordOf(PROGRAMMES, `${course.programme.from}>${course.programme.to}`)
            : undefined,
        );
        put("sector", course.sector ? wordOf(SECTORS, course.sector) : undefined);
        put("parent", course.parent);
        put("id", course.id);
        put("aliases", course.aliases.length > 0 ? lines(course.aliases) : undefined);
        index.set(`courses[${i}]`, cellOf("name"));
      }
      if (o) {
        put("year", o.year);
        put("price", o.price);
        put("credits", o.credits);
        put("quota", o.quotaPerSchool);
        for (const [level, n] of Object.entries(o.counts)) {
          const k = L.levelCol.get(level);
          if (k !== undefined) cells[k].value = n;
        }
        put("total", o.total);
        put("amount", o.amount);
        put("note", o.note);
        put("time", o.time);
        put("form", o.form);
        put("lead", o.lead);
        put("partner", o.partner);
        index.set(`courses[${i}].offerings[${j}]`, cellOf("year"));
      }
      addRow(b, cells);
    });
  });
  for (let k = 0; k < blankRows; k++) b.add(blankRow());
  const last = b.next - 1;
  // Room for contents added under the last row: a 21st one is offered in the drop-downs too.
  sources.courseIds = sourceRange(name, at("id"), first, last + 200);
  const colRange = (c: number) => `${toA1(first, c)}:${toA1(last, c)}`;
  const list = (c: CourseCol, vocab: readonly string[], error: string) =>
    b.validations.push({ type: "list", range: colRange(at(c)), list: [...vocab], error });
  list("kind", words(KINDS), "Chọn Đào tạo nâng chuẩn, Bồi dưỡng hoặc Nhóm (tiêu đề).");
  list("target", words(TARGETS), "Chọn GV, CBQL hoặc CBGV.");
  list("sector", words(SECTORS), "Chọn Công lập hoặc Ngoài công lập.");
  b.validations.push({
    type: "list",
    range: colRange(at("programme")),
    // Upgrades go up (TC-ĐH, CĐ-ĐH…), never ĐH-CĐ; a rulebook's own other value stays readable.
    list: words(PROGRAMMES).filter(
      (w) =>
        upward(w) ||
        (rb?.courses ?? []).some(
          (c) => c.programme && wordOf(PROGRAMMES, `${c.programme.from}>${c.programme.to}`) === w,
        ),
    ),
    error: "Chọn một chương trình trong danh sách, ví dụ TC-ĐH.",
  });
  b.validations.push(yearCheck(colRange(at("year"))));
  for (const c of ["price", "pricePerCredit", "amount"] as const)
    b.validations.push(numberCheck("decimal", colRange(at(c)), 0, "Số tiền (đồng) là một số không âm."));
  for (const c of ["credits", "totalCredits", "quota"] as const)
    b.validations.push(numberCheck("whole", colRange(at(c)), 1, "Ô này nhận một số nguyên dương."));
  b.validations.push(
    numberCheck("whole", colRange(at("total")), 0, "Tổng số người là một số nguyên không âm."),
  );
  if (levelIds.length > 0)
    b.validations.push(
      numberCheck(
        "whole",
        `${toA1(first, firstLevel)}:${toA1(last, firstLevel + levelIds.length - 1)}`,
        0,
        "Số người là một số nguyên không âm.",
      ),
    );
  return b.sheet({
    name,
    kind: "rulebook",
    printTitleRows: [top, top + 1],
    freeze: { rows: top + 2, cols: 2 },
  });
}

function groupsSheet(rb: Rulebook | undefined, index: CellIndex, sources: ListSources): TemplateSheet {
  const b = new SheetBuilder([6, 20, 9, 22, 70]);
  const name = RULEBOOK_SHEETS.groups.name;
  titleRows(b, "groups", rb?.name ?? "", HELP.groups);
  const header = b.add(GROUP_HEAD.map((h) => v(h, "header")));
  const first = b.next;
  let n = 0;
  (rb?.courses ?? []).forEach((course, i) => {
    course.groups.forEach((g, k) => {
      const r = addRow(b, [
        v(++n, "center"),
        v(course.id, "text"),
        v(g.id, "center"),
        v(g.name, "text"),
        v(g.description ?? null, "text"),
      ]);
      index.set(`courses[${i}].groups[${k}]`, `${name}!${toA1(r, 2)}`);
    });
  });
  blankRows(b, ["center", "text", "center", "text", "text"]);
  const last = b.next - 1;
  sources.groupIds = sourceRange(name, 2, first, last);
  if (sources.courseIds)
    b.validations.push({
      type: "list",
      range: `${toA1(first, 1)}:${toA1(last, 1)}`,
      list: [],
      source: sources.courseIds,
      error: "Chọn mã một nội dung của trang Nội dung & đơn giá.",
    });
  return rulebookSheet(b, name, header);
}

function partsSheet(rb: Rulebook | undefined, index: CellIndex, sources: ListSources): TemplateSheet {
  const b = new SheetBuilder([6, 24, 8, 12, 18, 16, 12]);
  const name = RULEBOOK_SHEETS.parts.name;
  titleRows(b, "parts", rb?.name ?? "", HELP.parts);
  const header = b.add(PART_HEAD.map((h) => v(h, "header")));
  const first = b.next;
  let n = 0;
  (rb?.courses ?? []).forEach((course, i) => {
    course.offerings.forEach((o, j) => {
      o.parts.forEach((part, k) => {
        const r = addRow(b, [
          v(++n, "center"),
          v(course.id, "text"),
          v(o.year, "center"),
          v(part.level ?? null, "center"),
          v(part.sector ? wordOf(SECTORS, part.sector) : null, "center"),
          v(part.group ?? null, "center"),
          v(part.count, "count"),
        ]);
        index.set(`courses[${i}].offerings[${j}].parts[${k}]`, `${name}!${toA1(r, 6)}`);
      });
    });
  });
  blankRows(b, ["center", "text", "center", "center", "center", "center", "count"]);
  const last = b.next - 1;
  const col = (c: number) => `${toA1(first, c)}:${toA1(last, c)}`;
  const from = (c: number, source: string | undefined, error: string) => {
    if (source) b.validations.push({ type: "list", range: col(c), list: [], source, error });
  };
  from(1, sources.courseIds, "Chọn mã một nội dung của trang Nội dung & đơn giá.");
  b.validations.push(yearCheck(col(2)));
  from(3, sources.levelIds, "Chọn mã một cấp học của trang Cấp học (hoặc để trống).");
  b.validations.push({
    type: "list",
    range: col(4),
    list: words(SECTORS),
    error: "Chọn Công lập hoặc Ngoài công lập (hoặc để trống).",
  });
  from(5, sources.groupIds, "Chọn mã một nhóm của trang Nhóm đối tượng (hoặc để trống).");
  b.validations.push(numberCheck("whole", col(6), 0, "Số người là một số nguyên không âm."));
  return rulebookSheet(b, name, header);
}

function unitsSheet(rb: Rulebook | undefined, index: CellIndex): TemplateSheet {
  const b = new SheetBuilder([6, 24, 12, 12, 28, 14]);
  titleRows(b, "units", rb?.name ?? "", HELP.units);
  const header = b.add(UNIT_HEAD.map((h) => v(h, "header")));
  const first = b.next;
  let n = 0;
  (rb?.units ?? []).forEach((u, i) => {
    const names = [...u.names.map((x) => [x, false] as const), ...u.extra.map((x) => [x, true] as const)];
    names.forEach(([unit, extra], j) => {
      const r = addRow(b, [
        v(++n, "center"),
        v(j === 0 ? u.label : null, "text"),
        v(j === 0 ? (u.validFrom ?? null) : null, "center"),
        v(j === 0 ? (u.validTo ?? null) : null, "center"),
        v(unit, "text"),
        v(extra ? wordOf(YES_NO, true) : null, "center"),
      ]);
      if (j === 0) index.set(`units[${i}]`, `${RULEBOOK_SHEETS.units.name}!${toA1(r, 1)}`);
    });
  });
  blankRows(b, ["center", "text", "center", "center", "text", "center"]);
  b.validations.push({
    type: "list",
    range: `${toA1(first, 5)}:${toA1(b.next - 1, 5)}`,
    list: [wordOf(YES_NO, true)],
    error: "Chọn Có cho dòng không phải đơn vị (ví dụ Các trường THPT), hoặc để trống.",
  });
  return rulebookSheet(b, RULEBOOK_SHEETS.units.name, header);
}

function rulesSheet(rb: Rulebook | undefined, index: CellIndex): TemplateSheet {
  const b = new SheetBuilder([6, 22, 56, 14, 16]);
  titleRows(b, "rules", rb?.name ?? "", HELP.rules);
  const header = b.add(RULE_HEAD.map((h) => v(h, "header")));
  const first = b.next;
  const ids = [
    ...allRules.map((r) => r.meta.id),
    ...Object.keys(rb?.rules ?? {}).filter((id) => !allRules.some((r) => r.meta.id === id)),
  ];
  ids.forEach((id, i) => {
    const rule = allRules.find((r) => r.meta.id === id);
    const own = rb?.rules[id];
    const r = addRow(b, [
      v(i + 1, "center"),
      v(id, "text"),
      v(rule ? rule.meta.title.vi : null, "text"),
      v(rule ? wordOf(SEVERITIES, rule.meta.defaultSeverity) : null, "center"),
      v(own ? wordOf(SEVERITIES, own) : null, "center"),
    ]);
    index.set(`rules.${id}`, `${RULEBOOK_SHEETS.rules.name}!${toA1(r, 4)}`);
  });
  b.validations.push({
    type: "list",
    range: `${toA1(first, 4)}:${toA1(b.next - 1, 4)}`,
    list: words(SEVERITIES),
    error: "Chọn Lỗi, Cảnh báo, Lưu ý hoặc Tắt (để trống: mức mặc định).",
  });
  return rulebookSheet(b, RULEBOOK_SHEETS.rules.name, header);
}

function provenanceSheet(
  rb: Rulebook | undefined,
  list: readonly Provenance[],
  index: CellIndex,
): TemplateSheet {
  const b = new SheetBuilder([6, 26, 18, 60, 22]);
  titleRows(b, "provenance", rb?.name ?? "", HELP.provenance);
  const header = b.add(PROVENANCE_HEAD.map((h) => v(h, "header")));
  list.forEach((p, i) => {
    const path = pathText(p.path);
    const value = valueAtPath(rb, p.path);
    addRow(b, [
      v(i + 1, "center"),
      v(cellFor(index, p.path) ?? path, "text"),
      v(
        typeof value === "number" || typeof value === "string"
          ? value
          : value === undefined
            ? null
            : JSON.stringify(value),
        typeof value === "number" ? "money" : "text",
      ),
      v(p.how, "text"),
      v(p.from ?? null, "text"),
    ]);
  });
  return rulebookSheet(b, RULEBOOK_SHEETS.provenance.name, header);
}

function valueAtPath(data: unknown, path: readonly PropertyKey[]): unknown {
  let x: unknown = data;
  for (const p of path) {
    if (x === null || typeof x !== "object") return undefined;
    x = (x as Record<PropertyKey, unknown>)[p];
  }
  return x;
}

/** The cell a JSON path was written to or read from: itself, else its nearest ancestor's. */
function cellFor(index: ReadonlyMap<string, string>, path: readonly PropertyKey[]): string | undefined {
  for (let n = path.length; n >= 0; n--) {
    const hit = index.get(pathText(path.slice(0, n)));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The workbook of a rulebook (blank when none is given), every sheet in the official look.
 * Sheets: Thông tin chung, Cấp học, Nội dung & đơn giá, Đơn vị hành chính, Mức độ quy tắc, and
 * for a draft Cách suy ra.
 */
export function rulebookTemplate(rb?: Rulebook, options: RulebookTemplateOptions = {}): Template {
  const index: CellIndex = new Map();
  const sources: ListSources = {};
  const sheets = [
    infoSheet(rb, index),
    levelsSheet(rb, index, sources),
    coursesSheet(rb, index, options.blankRows ?? (rb ? 5 : 20), sources),
    groupsSheet(rb, index, sources),
    partsSheet(rb, index, sources),
    unitsSheet(rb, index),
    rulesSheet(rb, index),
  ];
  if (options.provenance && options.provenance.length > 0)
    sheets.push(provenanceSheet(rb, options.provenance, index));
  return { kind: "rulebook", year: rb?.years[0] ?? 0, sheets };
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A sheet's section by its title ("SỔ QUY TẮC — CẤP HỌC …"), whatever the sheet is named. */
export function rulebookSheetKey(sheet: SheetSnapshot): RulebookSheetKey | undefined {
  const first = (sheet.values[0] ?? []).find((c) => cellText(c) !== "");
  if (first === undefined || (sheet.origin && sheet.origin.row > 0)) return undefined;
  const f = fold(cellText(first));
  if (!f.startsWith("so quy tac")) return undefined;
  for (const key of SHEET_ORDER) if (f === fold(RULEBOOK_SHEETS[key].title)) return key;
  return undefined;
}

/** The rulebook sheets of a workbook by section (the first sheet of each section), in workbook order. */
export function findRulebookSheets(snapshot: WorkbookSnapshot): Map<RulebookSheetKey, SheetSnapshot> {
  const out = new Map<RulebookSheetKey, SheetSnapshot>();
  for (const s of snapshot.sheets) {
    const key = rulebookSheetKey(s);
    if (key && !out.has(key)) out.set(key, s);
  }
  return out;
}

/** Every sheet of the workbook that belongs to a rulebook (to keep them out of the appendix check). */
export function rulebookSheetNames(snapshot: WorkbookSnapshot): Set<string> {
  return new Set(snapshot.sheets.filter((s) => rulebookSheetKey(s) !== undefined).map((s) => s.name));
}

/** A cell's value in a sheet snapshot (0-based row and column of the sheet). */
function at(s: SheetSnapshot, r: number, c: number): CellValue {
  const r0 = s.origin?.row ?? 0;
  const c0 = s.origin?.col ?? 0;
  return s.values[r - r0]?.[c - c0] ?? null;
}

const rowsOf = (s: SheetSnapshot) => (s.origin?.row ?? 0) + s.values.length;

/** A text cell, trimmed; a number becomes its digits; a date its yyyy-mm-dd. */
function textOf(x: CellValue): string {
  if (typeof x === "string") return x.replace(/\r\n?/g, "\n").trim();
  return cellText(x).trim();
}

/**
 * Other names in a cell: one per line (Alt+Enter in Excel). Never split at ";": a name may hold
 * one ("Rà soát nhu cầu …; lập danh sách …").
 */
function namesOf(text: string): string[] {
  return text
    .split("\n")
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** Items of a list cell: one per line, else separated by ";". */
function itemsOf(text: string): string[] {
  const parts = text.includes("\n") ? text.split("\n") : text.split(";");
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/**
 * "MN: CĐ" split as /^([^:]+):\s*(.+)$/ split it, without its backtracking (quadratic on a run of
 * spaces before a U+2028, a line break that itemsOf does not split at; the exceptions' pattern was
 * cubic): the text before the first colon, not empty, and the text after the spaces that follow
 * the colon, not empty and on one line. `item` ends with no space (itemsOf trims it).
 */
function keyValue(item: string): [key: string, value: string] | undefined {
  const colon = item.indexOf(":");
  const value = item.slice(colon + 1).trimStart();
  if (colon < 1 || value === "" || /[\n\r\u2028\u2029]/.test(value)) return undefined;
  return [item.slice(0, colon), value];
}

/** A year-month cell: "2020-07", "07/2020", or a date Excel made of what was typed. */
function monthOf(x: CellValue): string | CellValue {
  if (isCellDate(x)) return x.date.slice(0, 7);
  const t = textOf(x);
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (m) return `${m[2]}-${m[1].padStart(2, "0")}`;
  return t === "" ? null : t;
}

/** The reader's own problems (values that are not in a drop-down list, lists written wrongly). */
const READ_WORDS = {
  vi: {
    oneOf: '{field} phải là một trong: {list} (đang ghi "{found}")',
    standard: 'trình độ chuẩn ghi "Cấp học: trình độ", ví dụ MN: CĐ (đang ghi "{found}")',
    exception: 'trường hợp riêng ghi "Cấp học, trình độ: số tháng", ví dụ TH, TC: 96 (đang ghi "{found}")',
    differs: "{field} khác với dòng trên của cùng nội dung ({cell})",
    courseMissing: 'thiếu mã nội dung (một mã ở trang "{sheet}")',
    courseUnknown: 'không có nội dung mã "{found}" ở trang "{sheet}"',
    partYearMissing: 'thiếu năm: nội dung "{course}" có nhiều năm ở trang "{sheet}"',
    partYearUnknown: 'nội dung "{course}" không có dòng năm {year} ở trang "{sheet}"',
  },
  en: {
    oneOf: '{field} must be one of: {list} (found "{found}")',
    standard: 'write the standard as "Level: qualification", e.g. MN: CĐ (found "{found}")',
    exception: 'write an exception as "Level, qualification: months", e.g. TH, TC: 96 (found "{found}")',
    differs: "{field} differs from the row above of the same content ({cell})",
    courseMissing: 'the content\'s id is missing (an id of the sheet "{sheet}")',
    courseUnknown: 'there is no content with the id "{found}" on the sheet "{sheet}"',
    partYearMissing: 'the year is missing: the content "{course}" has several years on the sheet "{sheet}"',
    partYearUnknown: 'the content "{course}" has no line of the year {year} on the sheet "{sheet}"',
  },
} as const;

type ReadKey = keyof (typeof READ_WORDS)["vi"];

const readWords = catalogue(READ_WORDS);
const say = (rd: Reading, key: ReadKey, data: Record<string, string>) => readWords(rd.locale, key, data);

/**
 * A problem of the reader's own at `cell`, in the reader's language; `flag`: the path whose schema
 * problem would only repeat it.
 */
function problem(
  rd: Reading,
  at: { path: (string | number)[]; cell: string; flag?: string },
  key: ReadKey,
  data: Record<string, string>,
): void {
  if (at.flag !== undefined) rd.flagged.add(at.flag);
  rd.problems.push({ path: at.path, text: say(rd, key, data), cell: at.cell });
}

/** What the reader builds, with the cell of each value and its own problems. */
interface Reading {
  locale: Locale;
  data: Record<string, unknown>;
  index: CellIndex;
  problems: RulebookProblem[];
  /** Paths with a problem of the reader's own (the schema's would repeat it). */
  flagged: Set<string>;
}

const at1 = (sheet: SheetSnapshot, r: number, c: number) => `${sheet.name}!${toA1(r, c)}`;

/**
 * A number typed in a cell: the number (a text like "2.000.000" or "2 triệu" is read the
 * Vietnamese way, a money text with its unit), or the text itself for the schema to refuse.
 */
function numberOf(x: CellValue, money = false): number | string | undefined {
  const n = readCellNumber(x, { integer: !money });
  switch (n.kind) {
    case "blank":
      return undefined;
    case "number":
      return money && n.unitScale !== undefined ? n.value * n.unitScale : n.value;
    case "text":
      return n.text;
    case "error":
      return n.error;
  }
}

function setPath(obj: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let o: Record<string | number, unknown> = obj;
  path.forEach((p, i) => {
    if (i === path.length - 1) {
      o[p] = value;
      return;
    }
    if (o[p] === undefined) o[p] = typeof path[i + 1] === "number" ? [] : {};
    o = o[p] as Record<string | number, unknown>;
  });
}

function vocabValue<T extends string | number | boolean>(
  rd: Reading,
  vocab: Vocabulary<T>,
  x: CellValue,
  path: (string | number)[],
  where: string,
): T | undefined {
  const t = textOf(x);
  if (t === "") return undefined;
  const value = valueOf(vocab, t);
  if (value === undefined) {
    problem(rd, { path, cell: where, flag: pathText(path) }, "oneOf", {
      field: fieldName(path, rd.locale, { json: false }),
      list: words(vocab).join(", "),
      found: t.length > 40 ? `${t.slice(0, 39)}…` : t,
    });
  }
  return value;
}

function readInfo(rd: Reading, sheet: SheetSnapshot): void {
  const byLabel = new Map(INFO.filter((f) => !f.heading).map((f) => [fold(f.label), f]));
  for (let r = 0; r < rowsOf(sheet); r++) {
    const f = byLabel.get(fold(textOf(at(sheet, r, 0))));
    if (!f) continue;
    const x = at(sheet, r, 1);
    const where = at1(sheet, r, 1);
    const path = f.path.split(".");
    rd.index.set(f.path, where);
    const put = (value: unknown) => {
      if (value !== undefined && value !== null && value !== "") setPath(rd.data, path, value);
    };
    switch (f.path) {
      case "years": {
        const t = textOf(x);
        if (t === "") break;
        const items =
          typeof x === "number"
            ? [x]
            : t
                .split(/[,;\s]+/)
                .filter(Boolean)
                .map((y) => numberOf(y) ?? y);
        put(items);
        items.forEach((_, i) => rd.index.set(`years[${i}]`, where));
        break;
      }
      case "defaultScale":
        put(vocabValue(rd, SCALES, x, path, where));
        break;
      case "planTotal.derived":
        put(vocabValue(rd, YES_NO, x, path, where));
        break;
      case "totals.levelTotals":
      case "totals.amountTotal":
        put(vocabValue(rd, TOTALS, x, path, where));
        break;
      case "tolerance":
      case "planTotal.amount":
        put(numberOf(x, true));
        break;
      case "upgrade.minMonthsLeft":
      case "bdtx.minModules":
      case "bdtx.periodsPerModule":
        put(numberOf(x));
        break;
      case "upgrade.from":
      case "bdtx.start":
      case "bdtx.end":
        put(monthOf(x));
        break;
      case "upgrade.standard": {
        const t = textOf(x);
        if (t === "") break;
        const standard: Record<string, unknown> = {};
        if (fold(t) === fold(NONE)) {
          put(standard);
          break;
        }
        for (const item of itemsOf(t)) {
          const m = keyValue(item);
          const level = m ? m[0].trim() : item;
          const q = m ? valueOf(QUALIFICATIONS, m[1]) : undefined;
          if (!m || q === undefined) {
            problem(rd, { path, cell: where, flag: "upgrade.standard" }, "standard", { found: item });
            continue;
          }
          standard[level] = q;
          rd.index.set(`upgrade.standard.${level}`, where);
        }
        put(standard);
        break;
      }
      case "upgrade.exceptions": {
        const t = textOf(x);
        const list: unknown[] = [];
        for (const item of itemsOf(t)) {
          // "TH, TC: 96": the level before the first comma, then a qualification and its months.
          const comma = item.indexOf(",");
          const m = comma > 0 ? keyValue(item.slice(comma + 1)) : undefined;
          const q = m ? valueOf(QUALIFICATIONS, m[0]) : undefined;
          if (!m || q === undefined) {
            problem(rd, { path, cell: where, flag: "upgrade.exceptions" }, "exception", { found: item });
            continue;
          }
          rd.index.set(`upgrade.exceptions[${list.length}]`, where);
          const level = item.slice(0, comma).trim();
          list.push({ level, qualification: q, minMonthsLeft: numberOf(m[1].trim()) ?? m[1] });
        }
        if (t !== "" || rd.data.upgrade !== undefined) put(list);
        break;
      }
      case "bdtx.levels": {
        const t = textOf(x);
        if (t !== "") put(t.split(/[,;\s]+/).filter(Boolean));
        break;
      }
      default: {
        const t = textOf(x);
        put(t);
      }
    }
  }
  // The exceptions of an upgrade section written before its other rows, or without them.
  const upgrade = rd.data.upgrade as Record<string, unknown> | undefined;
  if (upgrade && upgrade.exceptions === undefined) upgrade.exceptions = [];
}

/** The header row of a table sheet: the first row (after the title) whose first cells match `head`. */
function headerRow(sheet: SheetSnapshot, first: string): number | undefined {
  const f = fold(first);
  for (let r = 1; r < Math.min(rowsOf(sheet), TITLE_ROWS + 6); r++) {
    for (let c = 0; c < 4; c++) if (fold(textOf(at(sheet, r, c))) === f) return r;
  }
  return undefined;
}

function readLevels(rd: Reading, sheet: SheetSnapshot): void {
  const h = headerRow(sheet, LEVEL_HEAD[1]);
  if (h === undefined) return;
  const levels: unknown[] = [];
  for (let r = h + 1; r < rowsOf(sheet); r++) {
    const cells = [1, 2, 3, 4].map((c) => at(sheet, r, c));
    if (cells.every((x) => textOf(x) === "")) continue;
    const i = levels.length;
    const level: Record<string, unknown> = {};
    const id = textOf(cells[0]);
    const name = textOf(cells[1]);
    if (id !== "") level.id = id;
    if (name !== "") level.name = name;
    level.aliases = namesOf(textOf(cells[2]));
    const schools = numberOf(cells[3]);
    level.schools = schools === undefined ? null : schools;
    rd.index.set(`levels[${i}]`, at1(sheet, r, 1));
    rd.index.set(`levels[${i}].id`, at1(sheet, r, 1));
    rd.index.set(`levels[${i}].name`, at1(sheet, r, 2));
    rd.index.set(`levels[${i}].aliases`, at1(sheet, r, 3));
    rd.index.set(`levels[${i}].schools`, at1(sheet, r, 4));
    levels.push(level);
    if (levels.length > RULEBOOK_LIMITS.levels) break;
  }
  rd.index.set("levels", at1(sheet, h + 1, 1));
  rd.data.levels = levels;
}

/** Which course column a header names (second header row first, then the first). */
function courseColumn(label: string): CourseCol | undefined {
  const f = fold(label);
  for (const [c, h] of Object.entries(COURSE_HEAD) as [CourseCol, { label: string }][])
    if (fold(h.label) === f) return c;
  return undefined;
}

function readCourses(rd: Reading, sheet: SheetSnapshot): void {
  const h = headerRow(sheet, COURSE_HEAD.tt.label);
  if (h === undefined) return;
  const levelIds = ((rd.data.levels as { id?: string }[] | undefined) ?? [])
    .map((l) => l.id)
    .filter((x): x is string => typeof x === "string");
  const col = new Map<CourseCol, number>();
  const levelCol = new Map<string, number>();
  const width =
    Math.max(...[h, h + 1].map((r) => (sheet.values[r - (sheet.origin?.row ?? 0)] ?? []).length), 0) +
    (sheet.origin?.col ?? 0);
  for (let c = 0; c < width; c++) {
    const low = textOf(at(sheet, h + 1, c));
    const high = textOf(at(sheet, h, c));
    const named = (low && courseColumn(low)) || (high && courseColumn(high));
    if (named) {
      if (!col.has(named)) col.set(named, c);
      continue;
    }
    const level = levelIds.find((id) => id === low);
    if (level !== undefined && !levelCol.has(level)) levelCol.set(level, c);
  }
  const cell = (r: number, c: CourseCol) => {
    const k = col.get(c);
    return k === undefined ? null : at(sheet, r, k);
  };
  const where = (r: number, c: CourseCol) => at1(sheet, r, col.get(c) ?? col.get("name") ?? 1);
  const courses: Record<string, unknown>[] = [];
  const byId = new Map<string, number>();
  const firstRowOf: number[] = [];
  let current = -1;
  for (let r = h + 2; r < rowsOf(sheet); r++) {
    const name = textOf(cell(r, "name"));
    const id = textOf(cell(r, "id"));
    const yearFilled =
      PER_YEAR.some((c) => textOf(cell(r, c)) !== "") ||
      [...levelCol.values()].some((k) => textOf(at(sheet, r, k)) !== "");
    const attrFilled = [...COURSE_LEVEL].some((c) => c !== "tt" && textOf(cell(r, c)) !== "");
    if (!yearFilled && !attrFilled) continue;
    // A row with a name or an id starts (or returns to) a content; without, it continues the last.
    if (name !== "" || id !== "") {
      const key = id !== "" ? `id:${id}` : `name:${name}`;
      const known = byId.get(key);
      if (known !== undefined) current = known;
      else {
        current = courses.length;
        byId.set(key, current);
        if (name !== "" && id !== "") byId.set(`name:${name}`, current);
        courses.push({ offerings: [] });
        firstRowOf.push(r);
        if (courses.length > RULEBOOK_LIMITS.courses) break;
      }
    } else if (current < 0) {
      current = courses.length;
      courses.push({ offerings: [] });
      firstRowOf.push(r);
    }
    const i = current;
    const course = courses[i];
    const base = `courses[${i}]`;
    if (!rd.index.has(base)) rd.index.set(base, where(r, "name"));
    // The content's own cells: the first row that fills each decides; a later row that differs is a mistake.
    const own = (c: CourseCol, key: string, value: unknown) => {
      if (value === undefined || value === "") return;
      const prev = course[key];
      if (prev === undefined) {
        course[key] = value;
        rd.index.set(`${base}.${key}`, where(r, c));
      } else if (JSON.stringify(prev) !== JSON.stringify(value)) {
        problem(rd, { path: ["courses", i, key], cell: where(r, c) }, "differs", {
          field: fieldName(["courses", i, key], rd.locale, { json: false }),
          cell: rd.index.get(`${base}.${key}`) ?? "",
        });
      }
    };
    own("name", "name", name);
    own("id", "id", id);
    const kind = vocabValue(rd, KINDS, cell(r, "kind"), ["courses", i, "kind"], where(r, "kind"));
    own("kind", "kind", kind);
    own(
      "target",
      "target",
      vocabValue(rd, TARGETS, cell(r, "target"), ["courses", i, "target"], where(r, "target")),
    );
    const lv = textOf(cell(r, "levels"));
    own("levels", "levels", lv === "" ? undefined : lv.split(/[,;\s]+/).filter(Boolean));
    const prog = vocabValue(
      rd,
      PROGRAMMES,
      cell(r, "programme"),
      ["courses", i, "programme"],
      where(r, "programme"),
    );
    if (prog !== undefined) {
      const [from, to] = prog.split(">");
      own("programme", "programme", { from, to });
    }
    own(
      "sector",
      "sector",
      vocabValue(rd, SECTORS, cell(r, "sector"), ["courses", i, "sector"], where(r, "sector")),
    );
    own("parent", "parent", textOf(cell(r, "parent")) || undefined);
    const aliases = textOf(cell(r, "aliases"));
    own("aliases", "aliases", aliases === "" ? undefined : namesOf(aliases));
    const ppc = numberOf(cell(r, "pricePerCredit"), true);
    const total = numberOf(cell(r, "totalCredits"));
    if (ppc !== undefined || total !== undefined) {
      own("pricePerCredit", "pricing", { type: "per-credit", pricePerCredit: ppc, totalCredits: total });
      rd.index.set(`${base}.pricing.pricePerCredit`, where(r, "pricePerCredit"));
      rd.index.set(`${base}.pricing.totalCredits`, where(r, "totalCredits"));
    }
    if (!yearFilled) continue;
    const offerings = course.offerings as Record<string, unknown>[];
    const j = offerings.length;
    const o: Record<string, unknown> = {};
    const ob = `${base}.offerings[${j}]`;
    rd.index.set(ob, where(r, "year"));
    const num = (c: CourseCol, key: string, money = false) => {
      rd.index.set(`${ob}.${key}`, where(r, c));
      const value = numberOf(cell(r, c), money);
      if (value !== undefined) o[key] = value;
    };
    num("year", "year");
    num("price", "price", true);
    num("credits", "credits");
    num("quota", "quotaPerSchool");
    const counts: Record<string, unknown> = {};
    for (const [level, k] of levelCol) {
      rd.index.set(`${ob}.counts.${level}`, at1(sheet, r, k));
      const value = numberOf(at(sheet, r, k));
      if (value !== undefined) counts[level] = value;
    }
    o.counts = counts;
    num("total", "total");
    num("amount", "amount", true);
    for (const c of ["note", "time", "form", "lead", "partner"] as const) {
      rd.index.set(`${ob}.${c}`, where(r, c));
      const t = textOf(cell(r, c));
      if (t !== "") o[c] = t;
    }
    offerings.push(o);
    if (offerings.length > RULEBOOK_LIMITS.offerings) break;
  }
  // Parents may be written by name: the name of a content above becomes its id.
  const ids = new Set(courses.map((c) => c.id));
  const idByName = new Map(courses.map((c) => [c.name, c.id]));
  for (const c of courses) {
    if (typeof c.parent === "string" && !ids.has(c.parent) && idByName.has(c.parent))
      c.parent = idByName.get(c.parent);
  }
  rd.index.set("courses", at1(sheet, h + 2, col.get("name") ?? 1));
  rd.data.courses = courses;
}

/** The content a cell names, by its id or (as a parent may be) by its name: its index, or undefined. */
function courseNamed(rd: Reading, text: string): number | undefined {
  const courses = (rd.data.courses as Record<string, unknown>[] | undefined) ?? [];
  const byId = courses.findIndex((c) => c.id === text);
  if (byId >= 0) return byId;
  const byName = courses.findIndex((c) => c.name === text);
  return byName >= 0 ? byName : undefined;
}

/** A row naming a content that the contents sheet does not have: said at its cell. */
function unknownCourse(rd: Reading, where: string, found: string): void {
  problem(rd, { path: [], cell: where }, found === "" ? "courseMissing" : "courseUnknown", {
    found,
    sheet: RULEBOOK_SHEETS.courses.name,
  });
}

function readGroups(rd: Reading, sheet: SheetSnapshot): void {
  const h = headerRow(sheet, GROUP_HEAD[2]);
  if (h === undefined) return;
  const courses = (rd.data.courses as Record<string, unknown>[] | undefined) ?? [];
  for (let r = h + 1; r < rowsOf(sheet); r++) {
    const cells = [1, 2, 3, 4].map((c) => at(sheet, r, c));
    if (cells.every((x) => textOf(x) === "")) continue;
    const i = courseNamed(rd, textOf(cells[0]));
    if (i === undefined) {
      unknownCourse(rd, at1(sheet, r, 1), textOf(cells[0]));
      continue;
    }
    const course = courses[i];
    const groups = (course.groups ??= []) as Record<string, unknown>[];
    const k = groups.length;
    const group: Record<string, unknown> = {};
    const [id, name, description] = cells.slice(1).map(textOf);
    if (id !== "") group.id = id;
    if (name !== "") group.name = name;
    if (description !== "") group.description = description;
    const base = `courses[${i}].groups[${k}]`;
    rd.index.set(base, at1(sheet, r, 2));
    rd.index.set(`${base}.id`, at1(sheet, r, 2));
    rd.index.set(`${base}.name`, at1(sheet, r, 3));
    rd.index.set(`${base}.description`, at1(sheet, r, 4));
    groups.push(group);
    if (groups.length > RULEBOOK_LIMITS.levels) break;
  }
}

function readParts(rd: Reading, sheet: SheetSnapshot): void {
  const h = headerRow(sheet, PART_HEAD[1]);
  if (h === undefined) return;
  const courses = (rd.data.courses as Record<string, unknown>[] | undefined) ?? [];
  for (let r = h + 1; r < rowsOf(sheet); r++) {
    const cells = [1, 2, 3, 4, 5, 6].map((c) => at(sheet, r, c));
    if (cells.every((x) => textOf(x) === "")) continue;
    const named = textOf(cells[0]);
    const i = courseNamed(rd, named);
    if (i === undefined) {
      unknownCourse(rd, at1(sheet, r, 1), named);
      continue;
    }
    const offerings = (courses[i].offerings ?? []) as Record<string, unknown>[];
    // The year of the line; blank when the content has a single year.
    const year = numberOf(cells[1]);
    const j =
      year === undefined ? (offerings.length === 1 ? 0 : -1) : offerings.findIndex((o) => o.year === year);
    if (j < 0) {
      problem(
        rd,
        { path: [], cell: at1(sheet, r, 2) },
        year === undefined ? "partYearMissing" : "partYearUnknown",
        {
          course: named,
          year: String(year ?? ""),
          sheet: RULEBOOK_SHEETS.courses.name,
        },
      );
      continue;
    }
    const o = offerings[j];
    const parts = (o.parts ??= []) as Record<string, unknown>[];
    const k = parts.length;
    const base = `courses[${i}].offerings[${j}].parts[${k}]`;
    const path = ["courses", i, "offerings", j, "parts", k];
    const part: Record<string, unknown> = {};
    const level = textOf(cells[2]);
    if (level !== "") part.level = level;
    const sector = vocabValue(rd, SECTORS, cells[3], [...path, "sector"], at1(sheet, r, 4));
    if (sector !== undefined) part.sector = sector;
    const group = textOf(cells[4]);
    if (group !== "") part.group = group;
    const count = numberOf(cells[5]);
    if (count !== undefined) part.count = count;
    rd.index.set(base, at1(sheet, r, 6));
    rd.index.set(`${base}.level`, at1(sheet, r, 3));
    rd.index.set(`${base}.sector`, at1(sheet, r, 4));
    rd.index.set(`${base}.group`, at1(sheet, r, 5));
    rd.index.set(`${base}.count`, at1(sheet, r, 6));
    parts.push(part);
    if (parts.length > RULEBOOK_LIMITS.levels * 4) break;
  }
}

function readUnits(rd: Reading, sheet: SheetSnapshot): void {
  const h = headerRow(sheet, UNIT_HEAD[1]);
  if (h === undefined) return;
  const units: Record<string, unknown>[] = [];
  for (let r = h + 1; r < rowsOf(sheet); r++) {
    const [label, from, to, unit, extra] = [1, 2, 3, 4, 5].map((c) => at(sheet, r, c));
    if ([label, from, to, unit, extra].every((x) => textOf(x) === "")) continue;
    const l = textOf(label);
    if (l !== "" || units.length === 0) {
      const u: Record<string, unknown> = { names: [], extra: [] };
      if (l !== "") u.label = l;
      const f = monthOf(from);
      const t = monthOf(to);
      if (f !== null) u.validFrom = f;
      if (t !== null) u.validTo = t;
      const i = units.length;
      rd.index.set(`units[${i}]`, at1(sheet, r, 1));
      rd.index.set(`units[${i}].label`, at1(sheet, r, 1));
      rd.index.set(`units[${i}].validFrom`, at1(sheet, r, 2));
      rd.index.set(`units[${i}].validTo`, at1(sheet, r, 3));
      rd.index.set(`units[${i}].names`, at1(sheet, r, 4));
      units.push(u);
      if (units.length > RULEBOOK_LIMITS.unitLists) break;
    }
    const i = units.length - 1;
    const u = units[i];
    const name = textOf(unit);
    const isExtra =
      textOf(extra) !== "" && vocabValue(rd, YES_NO, extra, ["units", i, "extra"], at1(sheet, r, 5));
    if (name === "") continue;
    const list = (isExtra ? u.extra : u.names) as string[];
    rd.index.set(`units[${i}].${isExtra ? "extra" : "names"}[${list.length}]`, at1(sheet, r, 4));
    list.push(name);
    if (list.length > RULEBOOK_LIMITS.unitNames) break;
  }
  rd.data.units = units;
}

function readRules(rd: Reading, sheet: SheetSnapshot): void {
  const h = headerRow(sheet, RULE_HEAD[1]);
  if (h === undefined) return;
  const rules: Record<string, unknown> = {};
  for (let r = h + 1; r < rowsOf(sheet); r++) {
    const id = textOf(at(sheet, r, 1));
    const x = at(sheet, r, 4);
    if (id === "" || textOf(x) === "") continue;
    rd.index.set(`rules.${id}`, at1(sheet, r, 4));
    const s = vocabValue(rd, SEVERITIES, x, ["rules", id], at1(sheet, r, 4));
    if (s !== undefined) rules[id] = s;
  }
  rd.data.rules = rules;
}

const MISSING_SHEET = {
  vi: 'Sổ quy tắc trong sổ tính thiếu trang "{name}" (tiêu đề "{title}").',
  en: 'The rulebook in the workbook has no sheet "{name}" (titled "{title}").',
} as const;

/**
 * The rulebook kept in a workbook's "SỔ QUY TẮC" sheets: undefined when the workbook has none,
 * else the rulebook and the sheets it was read from. Throws RulebookError when it cannot be used,
 * each problem pointing at its sheet and cell ("Nội dung & đơn giá!D7: đơn giá phải là một số").
 */
export function rulebookFromWorkbook(
  snapshot: WorkbookSnapshot,
  options: { origin?: string; locale?: Locale } = {},
): { rulebook: Rulebook; sheets: string[] } | undefined {
  const found = findRulebookSheets(snapshot);
  if (found.size === 0) return undefined;
  const locale = options.locale ?? "vi";
  const sheets = [...found.values()].map((s) => s.name);
  const rd: Reading = { locale, data: {}, index: new Map(), problems: [], flagged: new Set() };
  for (const key of ["info", "levels", "courses"] as const) {
    if (!found.has(key)) {
      const s = RULEBOOK_SHEETS[key];
      const text = formatMessage(MISSING_SHEET[locale], { name: s.name, title: s.title });
      throw invalidRulebook([{ path: [], text }], options.origin, locale, (p) => p.text);
    }
  }
  readInfo(rd, found.get("info") as SheetSnapshot);
  readLevels(rd, found.get("levels") as SheetSnapshot);
  readCourses(rd, found.get("courses") as SheetSnapshot);
  if (found.has("groups")) readGroups(rd, found.get("groups") as SheetSnapshot);
  if (found.has("parts")) readParts(rd, found.get("parts") as SheetSnapshot);
  if (found.has("units")) readUnits(rd, found.get("units") as SheetSnapshot);
  if (found.has("rules")) readRules(rd, found.get("rules") as SheetSnapshot);

  const size = rulebookSizeProblem(rd.data, locale, options.origin);
  if (size) throw new RulebookError(size, [size], [{ path: [], text: size }]);
  const { rulebook, problems } = rulebookProblems(rd.data, locale, { json: false });
  const mine = rd.problems;
  const theirs = problems.filter((p) => !rd.flagged.has(pathText(p.issuePath ?? p.path)));
  if (rulebook && mine.length === 0) return { rulebook, sheets };
  const all = [...mine, ...theirs.map((p) => ({ ...p, cell: cellFor(rd.index, p.issuePath ?? p.path) }))];
  throw invalidRulebook(all, options.origin, locale, (p) => (p.cell ? `${p.cell}: ${p.text}` : p.text));
}

export { RulebookError };
