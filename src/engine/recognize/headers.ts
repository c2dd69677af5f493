/**
 * Column roles by header text, in any order, over one or two header rows with merged cells.
 */
import { LruCache } from "../cache";
import type { Rulebook } from "../rulebook/schema";
import { fold } from "../text/normalize";
import { hasMarks, TonePattern, ToneTable } from "../text/tone";
import { keyed, type ColumnMap } from "./model";
import type { Grid } from "./grid";

export type Role =
  | "tt"
  | "content"
  | "unitPrice"
  | "amount"
  | "note"
  | "form"
  | "lead"
  | "partner"
  | "unit"
  | "year"
  | "quantity"
  | "levelList"
  | "time"
  | "product"
  | "person";

/** Header patterns on folded text (no diacritics, lower case, punctuation → spaces). */
const rolePatterns: [Role, RegExp][] = [
  ["tt", /^(s ?tt|tt|so tt|so thu tu)$/],
  ["unitPrice", /^don gia\b/],
  ["amount", /^(thanh tien|tong kinh phi|kinh phi|so tien|du toan|tong tien)\b/],
  ["note", /^ghi chu\b/],
  ["form", /^hinh thuc\b/],
  ["lead", /\bchu tri\b/],
  ["partner", /\bphoi hop\b/],
  ["unit", /^(quan huyen|quan huyen thi xa|huyen|don vi|xa phuong|xa phuong dac khu|dia phuong|ten don vi)$/],
  // "Năm" (year) is not "Nam" (male): see YEAR below; a header "nam" without marks is a year.
  ["year", /^nam$/],
  ["person", /^(ho ten|ho va ten)$/],
  ["content", /^(noi dung|hoat dong|ten (khoa|lop|chuong trinh|noi dung)|chuong trinh|nhiem vu)\b/],
  ["quantity", /^(so luong|tong so nguoi|so nguoi)\b/],
  ["levelList", /^(cap hoc|bac hoc|cap hoc bac hoc|doi tuong cap hoc)$/],
  ["time", /^(thoi gian|thoi gian thuc hien|thoi diem|tien do)\b/],
  ["product", /^(san pham|ket qua dau ra)\b/],
];

/** The year header with its marks: "Năm", never "Nam" (a gender column). */
const YEAR = new TonePattern("^năm$");

/**
 * The one table of unit-price headers, with their tone marks: "Đơn giá/người", "Đơn giá (triệu
 * đồng)", "Mức chi", "Mức chi/người", "Định mức", "Định mức chi", "Kinh phí/người", "Kinh phí bình
 * quân/người". Finance officers write "Mức chi" as often as "Đơn giá". A header with marks must
 * carry the right ones ("Mực chi" is no price); one typed without any is read folded.
 */
const UNIT_PRICE_WORDS = [
  "đơn giá",
  "mức chi",
  "mức hỗ trợ",
  "định mức",
  "định mức chi",
  "giá (1 |một )?(người|học viên)",
  "(kinh phí|chi phí|học phí)( bình quân)? (1 |một )?(người|học viên|lượt người|ng)",
  "(kinh phí|chi phí|học phí) mỗi (người|học viên)",
] as const;

const UNIT_PRICE = new TonePattern(`^(${UNIT_PRICE_WORDS.join("|")})\\b`);

const roles = new LruCache<string, Role | null>(5_000);

/**
 * The role a header text names (undefined: none). Remembered by text: the same header cells come
 * back on every sheet of a plan (ten appendices with one layout) and on every check.
 */
export function roleOf(text: string): Role | undefined {
  return roles.getOr(text, findRole) ?? undefined;
}

function findRole(text: string): Role | null {
  // Before the folded table: "Kinh phí/người" is a price, not an amount ("Kinh phí").
  if (UNIT_PRICE.test(text)) return "unitPrice";
  const role = roleOfFolded(fold(text));
  if (role === "unitPrice") return hasMarks(text) ? null : role;
  return (role === "year" && !YEAR.test(text)) || role === undefined ? null : role;
}

/** roleOf for a text already folded. */
function roleOfFolded(f: string): Role | undefined {
  if (!f) return undefined;
  for (const [role, re] of rolePatterns) if (re.test(f)) return role;
  return undefined;
}

/**
 * Level names → level id, exact matches only ("TH" must never be read as "THCS"), with their tone
 * marks ("Tiêu học" is not "Tiểu học"; "Tieu hoc" typed without marks is).
 */
export function levelLookup(rulebook: Rulebook): ToneTable<string> {
  const m = new ToneTable<string>();
  for (const l of rulebook.levels) {
    for (const name of [l.id, l.name, ...l.aliases]) m.add(name, l.id);
    m.add(`Cấp ${l.name}`, l.id);
  }
  // The law's other names of the standard levels, after the rulebook's own (which win).
  for (const l of rulebook.levels) for (const name of LEVEL_SYNONYMS.get(l.id) ?? []) m.add(name, l.id);
  return m;
}

/**
 * Other names officers type for the standard levels (Luật Giáo dục 2019, art. 23: giáo dục mầm non
 * is nhà trẻ and mẫu giáo), used for a rulebook level of that id unless the rulebook gives the name
 * to a level of its own.
 */
const LEVEL_SYNONYMS = new Map<string, readonly string[]>([
  [
    "MN",
    [
      "Mẫu giáo",
      "Nhà trẻ - Mẫu giáo",
      "Nhà trẻ, mẫu giáo",
      "Nhà trẻ và mẫu giáo",
      "Nhà trẻ mẫu giáo",
      "Giáo dục mầm non",
      "GDMN",
      "MG",
    ],
  ],
  ["TH", ["Giáo dục tiểu học", "GDTH"]],
  ["THCS", ["Trung học cơ sở", "Cấp THCS"]],
  ["THPT", ["Trung học phổ thông", "Cấp THPT"]],
  ["GDTX", ["Giáo dục thường xuyên", "TTGDTX", "Trung tâm GDTX"]],
  ["GDNN", ["Giáo dục nghề nghiệp"]],
]);

/**
 * What officers write after a level name in a header: the unit of the column ("Mầm non
 * (người)", "THCS (GV)", "Tiểu học\n(người)", "MN - người"), never another meaning.
 */
const HEADER_UNIT = new TonePattern(
  "^(người|ng|người học|số người|lượt người|lượt|học viên|hv|gv|cbql|cbgv|cbql gv|gv cbql|cb gv|sl|số lượng)$",
);

/**
 * The level a header cell names: the rulebook's names, or one of them followed by the column's
 * unit in parentheses or after a dash ("Mầm non (người)"); undefined for anything else.
 */
function headerLevel(levels: ToneTable<string>, text: string): string | undefined {
  let memo = headerLevels.get(levels);
  if (!memo) headerLevels.set(levels, (memo = new LruCache(2_000)));
  return memo.getOr(text, (t) => levelOfHeader(levels, t) ?? null) ?? undefined;
}

/** headerLevel's answers by level table (one per rulebook) and text. */
const headerLevels = new WeakMap<ToneTable<string>, LruCache<string, string | null>>();

function levelOfHeader(levels: ToneTable<string>, text: string): string | undefined {
  const direct = levels.get(text);
  if (direct !== undefined || text.length > 80) return direct;
  const m = /^(.+?)\s*(?:\(([^()]{1,20})\)|\[([^[\]]{1,20})\]|[-–/]\s*([^-–/]{1,20}))\s*$/u.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? m[3] ?? m[4]).trim();
  return HEADER_UNIT.test(unit) ? levels.get(m[1]) : undefined;
}

export interface HeaderReading {
  rows: number[];
  columns: ColumnMap;
  /** Header text of every column (header rows joined), for value columns. */
  texts: Map<number, string>;
  /** Columns whose header was recognised as nothing in particular. */
  other: number[];
  /** Columns whose header names a level that an earlier column already has (column → level id). */
  repeated: Map<number, string>;
  score: number;
}

/** Score a single row as a header row: how many cells carry a known role or a level name. */
function rowScore(grid: Grid, r: number, levels: ToneTable<string>): number {
  let score = 0;
  for (let c = grid.firstCol; c < grid.colCount; c++) {
    if (grid.isMergeSlave(r, c)) continue;
    const t = grid.text(r, c);
    if (!t || t.length > 80) continue;
    if (roleOf(t) || headerLevel(levels, t) !== undefined) score++;
  }
  return score;
}

/**
 * Find the header: the first row among the top rows with at least `minScore` recognised cells,
 * plus a second row beneath it when that row holds level names or sub-headings under merged
 * cells.
 */
export function findHeader(grid: Grid, levels: ToneTable<string>, maxScan = 40): HeaderReading | undefined {
  const last = Math.min(grid.rowCount, grid.firstRow + maxScan);
  for (let r = grid.firstRow; r < last; r++) {
    const s = rowScore(grid, r, levels);
    if (s < 2) continue;
    const rows = [r];
    const next = r + 1;
    if (next < grid.rowCount && isSecondHeaderRow(grid, r, next, levels)) rows.push(next);
    const reading = readColumns(grid, rows, levels);
    const roles = Object.keys(reading.columns).filter((k) => k !== "levels").length;
    const nLevels = Object.keys(reading.columns.levels).length;
    const cols = reading.columns;
    const meaningful =
      (cols.content !== undefined &&
        (nLevels > 0 ||
          cols.amount !== undefined ||
          // Levels and head-counts as text (seed 000), or duties without figures (seed 002).
          cols.levelList !== undefined ||
          (cols.quantity !== undefined &&
            (cols.form ?? cols.lead ?? cols.partner ?? cols.unitPrice) !== undefined) ||
          (cols.lead ?? cols.partner) !== undefined)) ||
      (reading.columns.unit !== undefined && reading.other.length > 0) ||
      (reading.columns.year !== undefined && reading.columns.amount !== undefined) ||
      reading.columns.person !== undefined ||
      nLevels >= 2;
    if (meaningful && roles + nLevels >= 2) return { ...reading, score: roles + nLevels };
  }
  return undefined;
}

function isSecondHeaderRow(grid: Grid, r: number, next: number, levels: ToneTable<string>): boolean {
  let levelNames = 0;
  let numbers = 0;
  let texts = 0;
  let underMerged = 0;
  for (let c = grid.firstCol; c < grid.colCount; c++) {
    const t = grid.text(next, c);
    if (!t) continue;
    if (headerLevel(levels, t) !== undefined) levelNames++;
    else if (/^[\d.,\s]+$/.test(t)) numbers++;
    else texts++;
    if (grid.isMergeSlave(r, c) || grid.colSpan(r, c) > 1 || grid.isBlank(r, c)) underMerged++;
  }
  if (levelNames >= 2) return true;
  // Sub-headings under a merged group heading ("Số lượng" over "TC-ĐH", "TC-CĐ").
  return numbers === 0 && texts > 0 && underMerged === texts && texts <= 12;
}

function readColumns(grid: Grid, rows: number[], levels: ToneTable<string>): Omit<HeaderReading, "score"> {
  const columns: ColumnMap = { levels: keyed<number>() };
  const texts = new Map<number, string>();
  const other: number[] = [];
  const repeated = new Map<number, string>();
  for (let c = grid.firstCol; c < grid.colCount; c++) {
    // The distinct texts shown over the header rows, and the cells' own texts (one loop, no arrays
    // to filter: this runs for every column of every candidate header row).
    const parts: string[] = [];
    let own = "";
    let owned = 0;
    for (const r of rows) {
      const shown = grid.shownText(r, c);
      if (shown && !parts.includes(shown)) parts.push(shown);
      const t = grid.text(r, c);
      if (t) {
        own = t;
        owned++;
      }
    }
    if (parts.length === 0) continue;
    const joined = parts.join(" ");
    texts.set(c, joined);
    // A level name in the lowest header row decides: "Số lượng dự kiến" / "MN".
    const bottom = grid.shownText(rows[rows.length - 1], c);
    const level = headerLevel(levels, bottom) ?? (owned === 1 ? headerLevel(levels, own) : undefined);
    if (level !== undefined) {
      if (columns.levels[level] === undefined) columns.levels[level] = c;
      else repeated.set(c, level); // a second "Mẫu giáo" beside "Nhà trẻ": said, never dropped
      continue;
    }
    const role = roleOf(bottom) ?? roleOf(parts[0]) ?? roleOf(joined);
    if (role && role !== "quantity" && columns[role] === undefined) {
      columns[role] = c;
      continue;
    }
    // "Số lượng" and unnamed headings are value columns (registration tables); the first "Số
    // lượng" is also the head-count column of a task or cost table without level columns.
    if (role === "quantity" && columns.quantity === undefined) columns.quantity = c;
    other.push(c);
  }
  return { rows, columns, texts, other, repeated };
}
