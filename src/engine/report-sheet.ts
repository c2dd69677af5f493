/**
 * The "Kết quả kiểm tra" sheet, as data: the rows, the columns and how to print them. One builder
 * for both front doors that write it (dean-check --annotate with ExcelJS, the add-in's "Xuất báo
 * cáo" with Office.js); each writes the rows its own way. Pure: no Office.js, no ExcelJS.
 *
 * Fit for paper: A4 landscape, one page wide, the header repeated on every page, rows tall enough
 * for their wrapped text, figures with their unit and vi-VN separators ("35.604 triệu đồng"),
 * rules by their title, and a status column (an acceptance and its reason, or the cause a
 * consequence follows from). Every text is a plain value: the writer must store strings as text,
 * never as formulas.
 */
import { readingOrder, type Finding, type Severity } from "./findings";
import { countFindings } from "./findings";
import {
  countsText,
  formatMessage,
  formatNumber,
  label,
  scaleName,
  type LabelKey,
  type Locale,
} from "./i18n";
import { parseA1 } from "./a1";
import type { RecognizedTable, RecognizedWorkbook } from "./recognize/model";
import { ruleById } from "./rules";

/** A finding as the report shows it; the pane adds what the user accepted. */
export interface ReportFinding extends Finding {
  accepted?: { reason: string };
}

export interface ReportColumn {
  key: "no" | "sheet" | "cell" | "severity" | "rule" | "message" | "expected" | "actual" | "fix" | "status";
  header: string;
  /** Width in characters of the default font (Excel's column width unit). */
  width: number;
  wrap: boolean;
  align: "left" | "center" | "right";
}

export interface ReportRow {
  /** One value per column; numbers only for the row number, every other value a text. */
  values: (string | number)[];
  /** The cell column links to the finding's first cell. */
  link?: { sheet: string; cell: string };
  /** Alignment of each value: figures right, texts left (a column of figures may hold a text). */
  aligns: ReportColumn["align"][];
  /** Points: tall enough for the longest wrapped text of the row. */
  height: number;
  severity: Severity;
}

export interface ReportSheet {
  /** The sheet's name before it is made unique in the workbook ("Kết quả kiểm tra"). */
  name: string;
  /**
   * Row 1: the title; row 2: the rulebook and the counts, each merged across every column and
   * wrapped (`subtitleHeight` points tall); row 3 blank; row 4 the header.
   */
  title: string;
  subtitle: string;
  subtitleHeight: number;
  /** 1-based row of the column headers (repeated on every printed page). */
  headerRow: number;
  columns: ReportColumn[];
  /** The findings, from row headerRow + 1; one row saying there is none when there is none. */
  rows: ReportRow[];
  font: { name: string; size: number };
  page: {
    orientation: "landscape";
    paperSize: "A4";
    /** Fit to one page wide, as many pages tall as needed. */
    fitToWidth: 1;
    fitToHeight: 0;
    /** 1-based rows repeated at the top of every page. */
    printTitleRows: [number, number];
  };
}

export interface ReportSheetOptions {
  locale?: Locale;
  /** Named in the subtitle. */
  rulebookName?: string;
  /** The recognised workbook, for the unit of each figure and the sheets' order. */
  workbook?: RecognizedWorkbook;
}

const COLUMNS: [ReportColumn["key"], number, boolean, ReportColumn["align"]][] = [
  ["no", 5, false, "center"],
  ["sheet", 16, true, "left"],
  ["cell", 8, false, "center"],
  ["severity", 10, false, "center"],
  ["rule", 20, true, "left"],
  ["message", 60, true, "left"],
  ["expected", 16, true, "right"],
  ["actual", 16, true, "right"],
  ["fix", 16, true, "right"],
  ["status", 24, true, "left"],
];

const FONT = { name: "Times New Roman", size: 12 };
/** A figure as the builder writes it: digits with separators, maybe a unit ("35.604 triệu đồng", "-5"). */
const FIGURE = /^-?[\d.,]+(?: [^\d].*)?$/;
/** Height of one line of 12-point Times New Roman, in points, and a little air. */
const LINE = 15.75;
const PAD = 3;

export function buildReportSheet(
  findings: readonly ReportFinding[],
  options: ReportSheetOptions = {},
): ReportSheet {
  const locale = options.locale ?? "vi";
  const L = (k: LabelKey) => label(locale, k);
  const columns: ReportColumn[] = COLUMNS.map(([key, width, wrap, align]) => ({
    key,
    header: L(key),
    width,
    wrap,
    align,
  }));
  const summary = countsText(countFindings(findings), locale);
  const order = options.workbook?.sheetOrder ?? [...new Set(findings.map((f) => f.sheet))];
  const unitOf = figureUnits(options.workbook);
  const rows: ReportRow[] = readingOrder(findings, order).map((f, i) => {
    const unit = unitOf(f);
    const fig = (v: number | string | null | undefined) => figure(v, unit, locale);
    const status = f.accepted
      ? formatMessage(L("acceptedBecause"), { reason: f.accepted.reason })
      : f.causedBy
        ? formatMessage(L("consequenceOf"), {
            cell: f.causedBy.sheet === f.sheet ? f.causedBy.cell : `${f.causedBy.sheet}!${f.causedBy.cell}`,
          })
        : "";
    const values: (string | number)[] = [
      i + 1,
      f.sheet,
      f.cells.join(", "),
      L(f.severity),
      ruleById(f.rule)?.meta.title[locale] ?? f.rule,
      f.message,
      fig(f.expected),
      fig(f.actual),
      f.fix ? fig(f.fix.value) : "",
      status,
    ];
    const aligns = columns.map((c, j) =>
      c.align === "right" && !FIGURE.test(String(values[j])) ? ("left" as const) : c.align,
    );
    return {
      values,
      ...(f.cells[0] ? { link: { sheet: f.sheet, cell: f.cells[0] } } : {}),
      aligns,
      height: heightOf(values, columns),
      severity: f.severity,
    };
  });
  if (rows.length === 0) {
    const values = columns.map((c) => (c.key === "message" ? L("noFindings") : ""));
    rows.push({
      values,
      aligns: columns.map((c) => c.align),
      height: heightOf(values, columns),
      severity: "info",
    });
  }
  const subtitle = options.rulebookName ? `${L("checkedBy")} "${options.rulebookName}": ${summary}` : summary;
  const fullWidth = columns.reduce((w, c) => w + c.width, 0);
  return {
    name: L("resultsSheet"),
    title: L("resultsTitle"),
    subtitle,
    subtitleHeight: Math.round((linesOf(subtitle, fullWidth) * LINE + PAD) * 100) / 100,
    headerRow: 4,
    columns,
    rows,
    font: FONT,
    page: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: [4, 4],
    },
  };
}

/** Lines a text takes in a column of `width` characters (wrapping at words, as Excel does roughly). */
function linesOf(text: string, width: number): number {
  let n = 0;
  for (const para of text.split("\n")) n += Math.max(1, Math.ceil(para.length / Math.max(1, width - 1)));
  return n;
}

function heightOf(values: readonly (string | number)[], columns: readonly ReportColumn[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (typeof v === "string" && columns[i].wrap) lines = Math.max(lines, linesOf(v, columns[i].width));
  });
  return Math.round((lines * LINE + PAD) * 100) / 100;
}

/** A figure with its unit, in the reader's separators: "35.604 triệu đồng"; texts as they are. */
function figure(v: number | string | null | undefined, unit: number | undefined, locale: Locale): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  return unit === undefined
    ? formatNumber(v, locale)
    : `${formatNumber(v, locale)} ${scaleName(unit, locale)}`;
}

/**
 * The money unit of a finding's figures: the table's unit where its cell is a money cell (unit
 * price, amount, a summary's figures), none for head-counts and texts. Findings about the plan
 * total state đồng in their message; their cell is a money cell too.
 */
function figureUnits(workbook: RecognizedWorkbook | undefined): (f: Finding) => number | undefined {
  const tables = new Map<string, RecognizedTable>();
  for (const t of workbook?.tables ?? []) if (!tables.has(t.sheet)) tables.set(t.sheet, t);
  return (f) => {
    const t = tables.get(f.sheet);
    const at = f.cells[0] ? parseA1(f.cells[0]) : undefined;
    if (!t || !at) return undefined;
    if (t.kind === "summary")
      return at.col === t.columns.amount || f.cells[0] === t.grandTotal?.cell ? t.scale : undefined;
    if (t.kind !== "cost") return undefined;
    return at.col === t.columns.amount || at.col === t.columns.unitPrice ? t.scale : undefined;
  };
}
