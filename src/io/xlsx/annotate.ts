/**
 * The annotated copy of a checked workbook: flagged cells highlighted by conditional formats
 * (the cells' own values, formulas and formats are left as they are), a note on each, and a
 * "Kết quả kiểm tra" sheet listing the findings with links to their cells. Every text written is
 * a plain string value, never a formula.
 */
import type ExcelJS from "exceljs";
import { SEVERITY_FILL, type Finding, type Severity } from "../../engine/findings";
import { buildReportSheet } from "../../engine/report-sheet";
import type { RecognizedWorkbook } from "../../engine/recognize/model";
import { findingNotes, ownNote, withOurNote } from "../../engine/cell-notes";
import type { Locale } from "../../engine/i18n";
import { uniqueSheetName, quoteSheetName } from "../../engine/sheet-names";

export interface AnnotateOptions {
  locale?: Locale;
  /** Shown at the top of the results sheet (e.g. the rulebook's name). */
  rulebookName?: string;
  /** Which rulebook and why it was chosen, one line under the subtitle (row 3, blank otherwise). */
  rulebookWhy?: string;
  /** The recognised workbook: the unit of each figure in the results sheet, the sheets' order. */
  workbook?: RecognizedWorkbook;
}

/** Adds the marks, notes and the results sheet to a loaded workbook, in place. */
export function annotateWorkbook(
  wb: ExcelJS.Workbook,
  findings: readonly Finding[],
  options: AnnotateOptions = {},
): void {
  const locale = options.locale ?? "vi";
  markCells(wb, findings, locale);
  addResultsSheet(wb, findings, { ...options, locale });
}

function markCells(wb: ExcelJS.Workbook, findings: readonly Finding[], locale: Locale): void {
  // sheet → severity → cells
  const marks = new Map<string, Map<Severity, Set<string>>>();
  const notes = findingNotes(findings, locale);
  for (const f of findings) {
    const ws = wb.getWorksheet(f.sheet);
    if (!ws) continue;
    for (const cell of f.cells) {
      let bySev = marks.get(f.sheet);
      if (!bySev) marks.set(f.sheet, (bySev = new Map<Severity, Set<string>>()));
      let set = bySev.get(f.severity);
      if (!set) bySev.set(f.severity, (set = new Set()));
      set.add(cell);
    }
  }
  for (const [sheet, bySev] of marks) {
    const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
    // Most severe first: Excel applies the first matching rule's fill.
    (["error", "warning", "info"] as const).forEach((sev, priority) => {
      const cells = bySev.get(sev);
      if (!cells) return;
      ws.addConditionalFormatting({
        ref: [...cells].join(" "),
        rules: [
          {
            type: "expression",
            priority: priority + 1,
            formulae: ["TRUE"],
            style: {
              fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${SEVERITY_FILL[sev]}` } },
            },
          },
        ],
      });
    });
    for (const [cell, ours] of notes.get(sheet) ?? []) {
      const c = ws.getCell(cell);
      c.note = withOurNote(ownNote(noteText(c.note)), ours); // a copy of a copy: ours replaced, not stacked
    }
  }
}

function noteText(note: ExcelJS.Cell["note"]): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

function addResultsSheet(wb: ExcelJS.Workbook, findings: readonly Finding[], options: AnnotateOptions): void {
  const sheet = buildReportSheet(findings, options);
  const ws = wb.addWorksheet(
    uniqueSheetName(
      sheet.name,
      wb.worksheets.map((w) => w.name),
    ),
  );
  const font = sheet.font;
  ws.getCell("A1").value = sheet.title;
  ws.getCell("A1").font = { ...font, bold: true, size: font.size + 2 };
  ws.getCell("A2").value = sheet.subtitle;
  ws.getCell("A2").font = { ...font, italic: true };
  ws.getCell("A2").alignment = { vertical: "top", wrapText: true };
  ws.mergeCells(1, 1, 1, sheet.columns.length);
  ws.mergeCells(2, 1, 2, sheet.columns.length);
  ws.getRow(2).height = sheet.subtitleHeight;
  if (options.rulebookWhy && sheet.headerRow > 3) {
    ws.getCell("A3").value = options.rulebookWhy;
    ws.getCell("A3").font = { ...font, italic: true };
  }
  const header = ws.getRow(sheet.headerRow);
  sheet.columns.forEach((col, i) => {
    const c = header.getCell(i + 1);
    c.value = col.header;
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.border = BORDER;
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    ws.getColumn(i + 1).width = col.width;
  });
  const linkCol = sheet.columns.findIndex((c) => c.key === "cell") + 1;
  sheet.rows.forEach((r, i) => {
    const row = ws.getRow(sheet.headerRow + 1 + i);
    r.values.forEach((v, j) => {
      const c = row.getCell(j + 1);
      const col = sheet.columns[j];
      // Every text is written as a plain string value: ExcelJS never turns it into a formula.
      c.value = v === "" ? null : v;
      c.font = font;
      c.alignment = { vertical: "top", horizontal: r.aligns[j], wrapText: col.wrap };
      c.border = BORDER;
    });
    if (r.link && linkCol > 0 && wb.getWorksheet(r.link.sheet)) {
      const c = row.getCell(linkCol);
      c.value = {
        text: String(r.values[linkCol - 1]),
        hyperlink: `#${quoteSheetName(r.link.sheet)}!${r.link.cell}`,
      };
      c.font = { ...font, color: { argb: "FF0563C1" }, underline: true };
    }
    row.height = r.height;
  });
  ws.views = [{ state: "frozen", ySplit: sheet.headerRow }];
  const last = sheet.headerRow + sheet.rows.length;
  if (findings.length > 0)
    ws.autoFilter = {
      from: { row: sheet.headerRow, column: 1 },
      to: { row: last, column: sheet.columns.length },
    };
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: sheet.page.orientation,
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: sheet.page.fitToWidth,
    fitToHeight: sheet.page.fitToHeight,
    printTitlesRow: `${sheet.page.printTitleRows[0]}:${sheet.page.printTitleRows[1]}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

const THIN = { style: "thin" as const, color: { argb: "FF808080" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
