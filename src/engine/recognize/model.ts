/**
 * What the recogniser understood of a sheet. Rules read this model, never raw grids, so every
 * rule sees the same reading of a number, a course name or a total row.
 */
import type { DateReading } from "../dates/parse";
import type { Phrase } from "../i18n";
import type { Gender } from "../law/retirement";
import type { Qualification } from "../rulebook/schema";
import type { CellValue } from "../snapshot";

export type TableKind =
  /** Kinh phí: head-counts per level × unit price = amount (Phụ lục 6–10 of the 2026–2030 plan). */
  | "cost"
  /** Nhiệm vụ: head-counts per level with delivery form, lead and partner units (Phụ lục 1–5). */
  | "task"
  /** Registrations per district or commune (2024 plan, Phụ lục 1–6). */
  | "registration"
  /** A summary of yearly totals against the plan total. */
  | "summary"
  /** A list of people (Danh sách). */
  | "person-list"
  /** Phân công thực hiện: duties with lead and partner units, time and product, no figures (seed 002). */
  | "assignment";

/** Tables whose figures are money, so their unit (đồng, triệu đồng…) matters; the others count people. */
export function holdsMoney(kind: TableKind): boolean {
  return kind === "cost" || kind === "summary";
}

/**
 * A record keyed by level ids (or any key from a rulebook or a sheet), without a prototype: a
 * level called "constructor" or "__proto__" is an ordinary key, never Object.prototype's.
 */
export function keyed<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/**
 * The own value of a key of a record, never an inherited one ("constructor", "toString"…). The
 * records this reads hold numbers, strings or plain objects, never functions, and what they
 * inherit from Object.prototype is functions (or, for "__proto__", the prototype itself): so a
 * property read and a type test decide, without Object.hasOwn on every row.
 */
export function own<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  if (record === undefined) return undefined;
  const v = record[key];
  if (v === undefined || typeof v === "function") return undefined;
  if (key === "__proto__") return Object.hasOwn(record, key) ? v : undefined;
  return v;
}

export type Sector = "cong-lap" | "ngoai-cong-lap";

/** A number read from a cell, with how it was read. */
export interface NumberCell {
  value: number;
  cell: string;
  /** Present when the cell held text that was parsed as a number. */
  text?: string;
  /** How an ambiguous text was read (e.g. "dấu chấm là phân cách hàng nghìn"), as catalogue phrases. */
  reading?: Phrase[];
  /** The cell's formula (without "="), when it has one: a fix must not overwrite it silently. */
  formula?: string;
  /**
   * Present when the number is part of a text of several parts ("MN CL: 34, MNNCL: 200"), or of one
   * part naming a sector or target group ("Đối tượng B: 150"): what it adds up. No mechanical fix
   * may overwrite such a cell with one number.
   */
  derived?: string;
}

/** One part of a head-count written as text: "MN CL: 34", "Đối tượng A: 477", a plain "653". */
export interface CountPart {
  level?: string;
  sector?: Sector;
  /** A target group of the course, by its letter ("A" for "Đối tượng A"). */
  group?: string;
  value: number;
  /** The part as written. */
  text: string;
}

/** A head-count column holding text (seed 000's "Số lượng dự kiến"): its parts and their sum. */
interface Quantity {
  /** The sum of the parts (a plain number is one part). */
  total: NumberCell;
  parts: CountPart[];
  /** Parts whose label was not understood ("Khác: 5"): their numbers are in the total only. */
  unread: string[];
}

export interface TextCell {
  text: string;
  cell: string;
}

export interface CourseMatch {
  courseId: string;
  /** 1 for an exact (normalised) match of the name or an alias, lower for fuzzy matches. */
  score: number;
}

export type RowKind =
  /** A numbered line (a course). */
  | "item"
  /** A "- …" line under a group heading. */
  | "sub"
  /** A total line (Tổng số, Cộng, Tổng cộng). */
  | "total"
  /** A section heading without numbers ("I. ĐÀO TẠO", "A. BỒI DƯỠNG"); numbering restarts under it. */
  | "section";

export interface TableRow {
  /** 0-based sheet row. */
  r: number;
  kind: RowKind;
  /** The TT/STT cell, if the table has that column (text as shown; may be blank). */
  tt?: TextCell;
  /** The content cell (Nội dung; Quận/huyện for registration tables). */
  label?: TextCell;
  course?: CourseMatch;
  /**
   * Head-counts by level id; a level with a blank cell is absent. Read from the level columns,
   * or from a text "Số lượng" column ("TH: 100"; a plain number when one level is named).
   * Keyed by rulebook level ids: read with own() ("constructor" is an ordinary id). A plain
   * object, not a null-prototype one, because V8 makes those dictionaries, several times slower
   * on every row.
   */
  counts: Record<string, NumberCell>;
  /** Levels named in a "Cấp học" cell ("MN, TH, THCS"), in order, and the cell. */
  levels?: { ids: string[]; cell: TextCell; unread: string[] };
  /** A head-count written as text in one "Số lượng" cell, with its breakdown. */
  quantity?: Quantity;
  /** Thời gian thực hiện, Sản phẩm (task and assignment tables). */
  time?: TextCell;
  product?: TextCell;
  unitPrice?: NumberCell;
  amount?: NumberCell;
  note?: TextCell;
  form?: TextCell;
  lead?: TextCell;
  partner?: TextCell;
  /** Registration tables: numbers by column key (see RecognizedTable.valueColumns). */
  values: Record<string, NumberCell>;
  /** Summary tables: the year a line is about. */
  year?: number;
  /** Cells that hold text which is not a number where a number belongs. */
  badNumbers: TextCell[];
}

export interface ValueColumn {
  key: string;
  col: number;
  header: string;
  /** The rulebook course this column counts, when its header names one. */
  courseId?: string;
  level?: string;
}

/**
 * A column among a table's figure columns whose header holds numbers beneath it but was not
 * understood (or repeats a level another column already has): nothing computed over the row may
 * be trusted without it, so the unreadable-table rule reports it and the arithmetic is not fixed.
 */
export interface UnreadColumn {
  col: number;
  /** The header cell as typed and where (the lowest header row that has text in the column). */
  header: TextCell;
  /** The level the header names when it repeats a column already read for that level. */
  repeats?: string;
  /** A cost table without a unit-price column: this column may well be the price. */
  maybePrice?: boolean;
}

export interface ColumnMap {
  tt?: number;
  content?: number;
  /** Level id → column (a null-prototype record, see keyed()). */
  levels: Record<string, number>;
  /** "Cấp học": the levels of each line named as text. */
  levelList?: number;
  /** "Số lượng (dự kiến)" as one column of text or numbers, when there are no level columns. */
  quantity?: number;
  /** "Thời gian thực hiện", "Sản phẩm". */
  time?: number;
  product?: number;
  unitPrice?: number;
  amount?: number;
  note?: number;
  form?: number;
  lead?: number;
  partner?: number;
  /** Registration tables: the unit column (Quận/huyện, Đơn vị, Xã/phường). */
  unit?: number;
  /** Summary tables: the year column. */
  year?: number;
  /** Person lists: the name column (Họ và tên). */
  person?: number;
}

/** Columns of a per-person list (Danh sách), in any order. */
export type PersonField =
  | "name"
  | "birth"
  | "gender"
  | "school"
  | "area"
  | "level"
  | "sector"
  | "qualification"
  | "position"
  | "programme"
  | "modules"
  | "periods"
  /** BDTX lists (seed 004): the list's own status columns. */
  | "result"
  | "exemption"
  | "remark";

/** One cell of a person row: the value as stored, its text and address. */
export interface PersonCell {
  value: CellValue;
  text: string;
  cell: string;
}

/** A person of a list, with the fields read into the plan's vocabulary where they could be. */
export interface PersonRow {
  r: number;
  cells: Partial<Record<PersonField, PersonCell>>;
  /** Level id ("MN"…), qualification ("TC"…), sector, gender, course id of the programme. */
  level?: string;
  qualification?: Qualification;
  sector?: "cong-lap" | "ngoai-cong-lap";
  gender?: Gender;
  programme?: string;
  birth?: DateReading;
}

export interface RecognizedTable {
  sheet: string;
  kind: TableKind;
  /** "Phụ lục 6" → 6; Roman numerals are read too. */
  appendix?: number;
  year?: number;
  title: string;
  /** Multiplier from the table's unit to đồng: 1 or 1 000 000. */
  scale: number;
  /** Where the unit was read (or why the default was taken). */
  scaleSource: string;
  /** What the user corrected, if anything (kind, year, unit as the user set them). */
  overridden?: RecognitionOverride;
  /** 0-based rows of the header. */
  headerRows: number[];
  columns: ColumnMap;
  valueColumns: ValueColumn[];
  /** Header cells over numbers among the figure columns that were not read (see UnreadColumn). */
  unreadColumns?: UnreadColumn[];
  /** In row order (read top to bottom): a finding's line is found by binary search (check.ts lineAt). */
  rows: TableRow[];
  /**
   * The amount in words found under the table, if any, without its label ("Bằng chữ:", "Tổng số
   * tiền bằng chữ:"…): its cell is where the words begin.
   */
  words?: TextCell;
  /** Grand total stated in a summary (in the table's unit). */
  grandTotal?: NumberCell;
  /** Person lists: the columns found and the people. */
  personColumns?: Partial<Record<PersonField, number>>;
  /** In row order, as `rows`. */
  people?: PersonRow[];
}

export interface SkippedSheet {
  sheet: string;
  /** Why (a catalogue phrase: word it with `phrase(reason, locale)`). */
  reason: Phrase;
  /**
   * Present when the sheet looks like an appendix (a "PHỤ LỤC…", "KINH PHÍ", "DANH SÁCH" title or
   * a TT/STT header) but could not be read: the unreadable-table rule reports it as an error.
   */
  unreadable?: UnreadableSheet;
}

/** What made a sheet look like an appendix, and what the recogniser could not find in it. */
export interface UnreadableSheet {
  /** As rules report on tables: the sheet and, for the finding's subject, a kind and a year. */
  sheet: string;
  kind: "unreadable";
  year?: number;
  /** The title or TT cell that made it look like an appendix, and where. */
  evidence: TextCell;
  /** "header": no header row of columns; "kind": a header whose columns fit no kind of appendix. */
  missing: "header" | "kind";
  /** Column headers that were recognised (their texts as typed), when a header was found. */
  found: string[];
}

/** A user's correction of how a sheet was recognised (the task pane's "Sửa nhận dạng"). */
export interface RecognitionOverride {
  /** "ignore": the sheet is no appendix; do not check it. */
  kind?: TableKind | "ignore";
  year?: number;
  /** Multiplier of the table's unit to đồng: 1, 1000 or 1 000 000. */
  scale?: number;
}

export interface RecognizedWorkbook {
  tables: RecognizedTable[];
  skipped: SkippedSheet[];
  sheetOrder: string[];
}
