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
  | "person-list";

/** Tables whose figures are money, so their unit (đồng, triệu đồng…) matters; the others count people. */
export function holdsMoney(kind: TableKind): boolean {
  return kind === "cost" || kind === "summary";
}

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
  /** Head-counts by level id; a level with a blank cell is absent. */
  counts: Record<string, NumberCell>;
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

export interface ColumnMap {
  tt?: number;
  content?: number;
  /** Level id → column. */
  levels: Record<string, number>;
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
  | "periods";

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
  rows: TableRow[];
  /** Bằng chữ text found under the table, if any. */
  words?: TextCell;
  /** Grand total stated in a summary (in the table's unit). */
  grandTotal?: NumberCell;
  /** Person lists: the columns found and the people. */
  personColumns?: Partial<Record<PersonField, number>>;
  people?: PersonRow[];
}

export interface SkippedSheet {
  sheet: string;
  /** Why (a catalogue phrase: word it with `phrase(reason, locale)`). */
  reason: Phrase;
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
