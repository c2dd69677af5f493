/**
 * The annotated copy of a checked workbook: flagged cells highlighted by conditional formats
 * (the cells' own values, formulas and formats are left as they are), a note on each, and a
 * "Kết quả kiểm tra" sheet listing the findings with links to their cells. Every text written is
 * a plain string value, never a formula.
 */
import type ExcelJS from "exceljs";
import { countBySeverity, SEVERITY_FILL, type Finding, type Severity } from "../../engine/findings";
import { countsText, label } from "../../engine/i18n";
import { findingNotes, ownNote, withOurNote } from "../../engine/cell-notes";
import type { Locale } from "../../engine/i18n";
import { uniqueSheetName, quoteSheetName } from "../../engine/sheet-names";

export interface AnnotateOptions {
  locale?: Locale;
  /** Shown at the top of the results sheet (e.g. the rulebook's name). */
  rulebookName?: string;
  /** Which rulebook and why it was chosen, one line under the summary. */
  rulebookWhy?: string;
}

/** Adds the marks, notes and the results sheet to a loaded workbook, in place. */
export function annotateWorkbook(
  wb: ExcelJS.Workbook,
  findings: readonly Finding[],
  options: AnnotateOptions = {},
): void {
  const locale = options.locale ?? "vi";
  markCells(wb, findings, locale);
  addResultsSheet(wb, findings, locale, options.rulebookName, options.rulebookWhy);
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
      if (!bySev) marks.set(f.sheet, (bySev = new Map()));
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

function addResultsSheet(
  wb: ExcelJS.Workbook,
  findings: readonly Finding[],
  locale: Locale,
  rulebookName?: string,
  rulebookWhy?: string,
): void {
  const name = uniqueSheetName(
    label(locale, "resultsSheet"),
    wb.worksheets.map((w) => w.name),
  );
  const ws = wb.addWorksheet(name);
  const font = { name: "Times New Roman", size: 12 };
  ws.getCell("A1").value = label(locale, "resultsTitle");
  ws.getCell("A1").font = { ...font, bold: true, size: 14 };
  const summary = countsText(countBySeverity(findings), locale);
  ws.getCell("A2").value = rulebookName
    ? `${label(locale, "checkedBy")} "${rulebookName}": ${summary}`
    : summary;
  ws.getCell("A2").font = { ...font, italic: true };
  if (rulebookWhy) {
    ws.getCell("A3").value = rulebookWhy;
    ws.getCell("A3").font = { ...font, italic: true };
  }
  const headers = (
    ["no", "sheet", "cell", "severity", "rule", "message", "expected", "actual", "fix"] as const
  ).map((k) => label(locale, k));
  const header = ws.getRow(4);
  headers.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  [6, 18, 10, 11, 16, 70, 16, 16, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  if (findings.length === 0) ws.getCell("A5").value = label(locale, "noFindings");
  findings.forEach((f, i) => {
    const row = ws.getRow(5 + i);
    const first = f.cells[0];
    row.getCell(1).value = i + 1;
    row.getCell(2).value = f.sheet;
    if (first && wb.getWorksheet(f.sheet)) {
      row.getCell(3).value = { text: f.cells.join(", "), hyperlink: `#${quoteSheetName(f.sheet)}!${first}` };
      row.getCell(3).font = { ...font, color: { argb: "FF0563C1" }, underline: true };
    } else {
      row.getCell(3).value = f.cells.join(", ");
    }
    row.getCell(4).value = label(locale, f.severity);
    row.getCell(5).value = f.rule;
    row.getCell(6).value = f.message;
    row.getCell(7).value = f.expected;
    row.getCell(8).value = f.actual;
    row.getCell(9).value = f.fix ? f.fix.value : null;
    row.eachCell((c, col) => {
      if (col !== 3) c.font = font;
      c.alignment = { vertical: "top", wrapText: col === 6 };
    });
  });
  ws.views = [{ state: "frozen", ySplit: 4 }];
  if (findings.length > 0)
    ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4 + findings.length, column: 9 } };
}
