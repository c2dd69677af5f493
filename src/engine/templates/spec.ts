/**
 * Standard appendix templates as pure data: what every cell holds, how it looks, which cells are
 * merged, how wide the columns are, what repeats on every printed page, which drop-down lists
 * the input columns offer. Built by ./build.ts from a rulebook; written to .xlsx by
 * src/io/xlsx/template.ts and inserted into the open workbook by the add-in. Both writers follow
 * this file and nothing else, so that a template looks and computes the same wherever it lands.
 *
 * Conventions shared by every writer:
 * - Rows and columns are 0-based; ranges (merges, validations) are A1 notation.
 * - `formula` is written as `=` + formula. Every formula uses plain Excel functions only (SUM,
 *   ROUND, IF, INDEX, MATCH, DATE, YEAR, MONTH, EOMONTH, ISBLANK, IFERROR, MAX, MIN, AND, OR),
 *   except the `DEAN.*` custom functions of a template built with `functions: true`.
 * - `value` is written as a value, never as a formula, even when the text starts with "=".
 * - `result` is what the formula computes from the template's own values (./build.ts evaluates
 *   every formula): a writer may store it as the cached value, so that the file shows numbers
 *   before any recalculation.
 * - The whole sheet uses FONT at the size of each style (TABLE_FONT_SIZE by default); pages are
 *   PAGE (A4 landscape, fit to one page wide, the header rows repeated on every page).
 */

import type { Locale, Localized } from "../i18n";

export type TemplateKind = "cost" | "task" | "registration" | "person-list" | "assignment";

export const TEMPLATE_KINDS: readonly TemplateKind[] = [
  "cost",
  "task",
  "registration",
  "person-list",
  "assignment",
];

/** The templates' names in both languages (dean-template's help and lines, the task pane). */
const TEMPLATE_KIND_TEXT: Readonly<Record<TemplateKind, Localized>> = {
  cost: { vi: "Phụ lục kinh phí", en: "Cost appendix" },
  task: { vi: "Phụ lục nhiệm vụ", en: "Task appendix" },
  registration: {
    vi: "Bảng đăng ký theo quận/huyện hoặc xã, phường",
    en: "Registrations by district or commune",
  },
  "person-list": {
    vi: "Danh sách đăng ký đào tạo nâng chuẩn",
    en: "List of people registered for an upgrade",
  },
  assignment: { vi: "Bảng phân công thực hiện", en: "Assignment of duties" },
};

/** A template's name in the reader's language. */
export function templateKindName(kind: TemplateKind, locale: Locale): string {
  return TEMPLATE_KIND_TEXT[kind][locale];
}

/**
 * The look of a cell, by name. Every style has thin borders on all sides unless said otherwise.
 *
 * | style        | used for                                                           |
 * |--------------|--------------------------------------------------------------------|
 * | title        | "PHỤ LỤC n" and the title in capitals: bold, centred, no border    |
 * | attached     | "(Kèm theo Kế hoạch số …)": italic, centred, no border             |
 * | unit         | "Đơn vị tính: triệu đồng": italic, right, no border                |
 * | header       | column headers: bold, centred, wrapped                             |
 * | text         | text cells of the table (content, units, names): left, wrapped     |
 * | center       | short centred text (STT, gender, level, programme)                 |
 * | count        | head-counts: right, #,##0                                          |
 * | money        | amounts: right, #,##0                                              |
 * | price        | unit prices in million đồng: right, 0.00                           |
 * | totalLabel   | "Tổng số:": bold, centred                                          |
 * | totalCount   | head-count totals: bold, #,##0                                     |
 * | totalMoney   | money totals: bold, #,##0                                          |
 * | note         | notes (Ghi chú): centred, wrapped                                  |
 * | date         | dates typed by the user: centred, dd/mm/yyyy                       |
 * | month        | computed months (retirement): centred, mm/yyyy                     |
 * | plain        | helper-sheet texts and numbers: no border, left                    |
 */
export type CellStyle =
  | "title"
  | "attached"
  | "unit"
  | "header"
  | "text"
  | "center"
  | "count"
  | "money"
  | "price"
  | "totalLabel"
  | "totalCount"
  | "totalMoney"
  | "note"
  | "date"
  | "month"
  | "plain";

export interface StyleSpec {
  font?: { bold?: boolean; italic?: boolean; size?: number };
  align?: "left" | "center" | "right";
  /** Always vertically centred; `wrap` wraps text within the column. */
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
  /** Excel number format code. */
  numberFormat?: string;
}

export const FONT = "Times New Roman";
export const TABLE_FONT_SIZE = 12;
const TITLE_FONT_SIZE = 13;

export const STYLES: Readonly<Record<CellStyle, StyleSpec>> = {
  title: { font: { bold: true, size: TITLE_FONT_SIZE }, align: "center" },
  attached: { font: { italic: true, size: TITLE_FONT_SIZE }, align: "center" },
  unit: { font: { italic: true }, align: "right" },
  header: { font: { bold: true }, align: "center", wrap: true, border: true },
  text: { align: "left", wrap: true, border: true },
  center: { align: "center", wrap: true, border: true },
  count: { align: "right", border: true, numberFormat: "#,##0" },
  money: { align: "right", border: true, numberFormat: "#,##0" },
  price: { align: "right", border: true, numberFormat: "0.00" },
  totalLabel: { font: { bold: true }, align: "center", border: true },
  totalCount: { font: { bold: true }, align: "right", border: true, numberFormat: "#,##0" },
  totalMoney: { font: { bold: true }, align: "right", border: true, numberFormat: "#,##0" },
  note: { align: "center", wrap: true, border: true },
  date: { align: "center", border: true, numberFormat: "dd/mm/yyyy" },
  month: { align: "center", border: true, numberFormat: "mm/yyyy" },
  plain: { align: "left" },
};

/** A formula's computed value: a number, a text, TRUE/FALSE or an Excel error such as #N/A. */
export type CellResult = string | number | boolean | { error: string };

export interface TemplateCell {
  /** A value typed into the cell (never a formula, whatever the text). */
  value?: string | number | null;
  /** Formula text without the leading "=". */
  formula?: string;
  /** The formula's computed value (what Excel shows after calculating). */
  result?: CellResult;
  style?: CellStyle;
  /** Overrides the style's number format (e.g. a price in million with more than two decimals). */
  numberFormat?: string;
}

/**
 * A drop-down list on a range: the cell accepts only the items (blank allowed). When `source` is
 * set (an absolute reference to cells of a helper sheet, without "="), the list must be taken
 * from there: the items are too long for an inline list (Excel allows 255 characters) or contain
 * a comma.
 */
interface ListValidation {
  type: "list";
  range: string;
  list: string[];
  source?: string;
  /** Shown when the user types something else (Vietnamese). */
  error: string;
}

/** A date between `min` and `max` (ISO yyyy-mm-dd), blank allowed. */
interface DateValidation {
  type: "date";
  range: string;
  min: string;
  max: string;
  error: string;
}

/** A number between `min` and `max` (whole numbers only for "whole"), blank allowed. */
interface NumberValidation {
  type: "whole" | "decimal";
  range: string;
  min: number;
  max?: number;
  error: string;
}

export type Validation = ListValidation | DateValidation | NumberValidation;

/** What a workbook of sheets is: an appendix template, or a rulebook to fill in (src/engine/rulebook/workbook.ts). */
type WorkbookKind = TemplateKind | "rulebook";

export interface TemplateSheet {
  /** Excel-valid sheet name (see src/engine/sheet-names.ts). */
  name: string;
  kind: WorkbookKind;
  year?: number;
  /** Rows of cells; null or missing cells are empty (and unstyled). */
  rows: (TemplateCell | null)[][];
  merges: string[];
  /** Width of each column in characters (Excel's column width). */
  columnWidths: number[];
  /**
   * Height of each row in points, estimated to fit its wrapped texts (Times New Roman 12); null:
   * the default height. An inserter that can autofit rows may do that instead.
   */
  rowHeights: (number | null)[];
  /** First and last header row (0-based), repeated at the top of every printed page. */
  printTitleRows: [number, number];
  /** Rows and columns kept in view when scrolling (0: none). */
  freeze: { rows: number; cols: number };
  validations: Validation[];
  /** Helper sheets (the retirement table, long lists) are hidden; never very hidden, so they can be audited. */
  hidden?: boolean;
}

/** The main sheet first; hidden helper sheets after. */
export interface Template {
  kind: WorkbookKind;
  year: number;
  sheets: TemplateSheet[];
}

/** Page setup of every template sheet. */
export const PAGE = {
  paper: "A4",
  orientation: "landscape",
  /** One page wide, as many pages tall as needed. */
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  /** Inches. */
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
} as const;
