/**
 * Writes a template (src/engine/templates/spec.ts) to an .xlsx file with ExcelJS: Times New
 * Roman, the styles of STYLES (bold centred titles, italic citation and unit lines, bordered
 * table, number formats, wrapped text), column widths and row heights, merges, A4 landscape fit
 * to one page wide with the header rows repeated on every page, frozen header, drop-down lists
 * and date checks, hidden helper sheets, and formulas with their computed results cached (or
 * without, to let a spreadsheet compute them: the LibreOffice test does that).
 *
 * Values are always written as values: a text that starts with "=" stays a text. Only a cell's
 * `formula` becomes a formula.
 */
import ExcelJS from "exceljs";
import {
  FONT,
  PAGE,
  STYLES,
  TABLE_FONT_SIZE,
  type CellResult,
  type Template,
  type TemplateCell,
  type TemplateSheet,
} from "../../engine/templates/spec";
import { encodeWorkbookTexts } from "./ooxml-text";

export interface TemplateXlsxOptions {
  /** Store each formula's computed result in the file (default true), so that it shows before any recalculation. */
  cachedResults?: boolean;
  /** Creation and modification date of the document (default: now). */
  date?: Date;
}

const THIN = { style: "thin" as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Error title of every drop-down list and date check. */
const INVALID = "Giá trị không hợp lệ";

function cachedResult(result: CellResult | undefined): ExcelJS.CellFormulaValue["result"] {
  if (result === undefined) return undefined;
  if (typeof result === "object") return { error: result.error } as ExcelJS.CellErrorValue;
  return result;
}

/** Writes a template cell's value or formula (with its cached result when asked). */
function setValue(cell: ExcelJS.Cell, c: TemplateCell, cached: boolean): void {
  if (c.formula !== undefined) {
    cell.value = { formula: c.formula, date1904: false };
    const result = cached ? cachedResult(c.result) : undefined;
    // On the model: ExcelJS's value setter drops falsy results (0, "", FALSE), its model keeps them.
    if (result !== undefined) (cell.model as unknown as { result?: unknown }).result = result;
    return;
  }
  // A text is written as a shared string whatever it starts with: never as a formula.
  if (c.value !== undefined && c.value !== null) cell.value = c.value;
}

function styleCell(cell: ExcelJS.Cell, c: TemplateCell): void {
  const s = STYLES[c.style ?? "plain"];
  cell.font = {
    name: FONT,
    size: s.font?.size ?? TABLE_FONT_SIZE,
    bold: s.font?.bold ?? false,
    italic: s.font?.italic ?? false,
  };
  cell.alignment = { horizontal: s.align ?? "left", vertical: "middle", wrapText: s.wrap ?? false };
  if (s.border) cell.border = BORDER;
  const numFmt = c.numberFormat ?? s.numberFormat;
  if (numFmt) cell.numFmt = numFmt;
}

function writeSheet(wb: ExcelJS.Workbook, sheet: TemplateSheet, cached: boolean): void {
  const frozen = sheet.freeze.rows > 0 || sheet.freeze.cols > 0;
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.hidden ? "hidden" : "visible",
    views: [
      frozen
        ? { state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows, showGridLines: false }
        : { state: "normal", showGridLines: false },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: PAGE.orientation,
      fitToPage: true,
      fitToWidth: PAGE.fitToWidth,
      fitToHeight: PAGE.fitToHeight,
      horizontalCentered: PAGE.horizontalCentered,
      margins: { ...PAGE.margins },
    },
  });
  const [first, last] = sheet.printTitleRows;
  ws.pageSetup.printTitlesRow = `${first + 1}:${last + 1}`;
  sheet.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  sheet.rows.forEach((row, r) => {
    row.forEach((c, col) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, col + 1);
      setValue(cell, c, cached);
      styleCell(cell, c);
    });
    const h = sheet.rowHeights[r];
    if (h !== null && h !== undefined) ws.getRow(r + 1).height = h;
  });
  for (const m of sheet.merges) ws.mergeCells(m);
  // ExcelJS 4 supports validations on whole ranges (ws.dataValidations) but its typings omit it.
  const validations = (
    ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const val of sheet.validations) {
    const common = {
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: INVALID,
      error: val.error,
    };
    if (val.type === "list") {
      const formula = val.source ?? `"${val.list.join(",")}"`;
      validations.add(val.range, { type: "list", formulae: [formula], ...common });
    } else if (val.type === "whole" || val.type === "decimal") {
      validations.add(val.range, {
        type: val.type,
        operator: val.max === undefined ? "greaterThanOrEqual" : "between",
        formulae: val.max === undefined ? [val.min] : [val.min, val.max],
        ...common,
      });
    } else {
      validations.add(val.range, {
        type: "date",
        operator: "between",
        formulae: [new Date(`${val.min}T00:00:00Z`), new Date(`${val.max}T00:00:00Z`)],
        ...common,
      });
    }
  }
}

/** The ExcelJS workbook of a template (before writing). */
function templateWorkbook(t: Template, options: TemplateXlsxOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const date = options.date ?? new Date();
  wb.creator = "Đề án Checker";
  wb.lastModifiedBy = wb.creator;
  wb.created = date;
  wb.modified = date;
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of t.sheets) writeSheet(wb, sheet, options.cachedResults ?? true);
  return wb;
}

/** The .xlsx bytes of a template (every text encoded as OOXML requires, src/io/xlsx/ooxml-text.ts). */
export async function templateXlsxBuffer(t: Template, options: TemplateXlsxOptions = {}): Promise<Buffer> {
  const wb = templateWorkbook(t, options);
  encodeWorkbookTexts(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
