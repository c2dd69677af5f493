/**
 * The only code that talks to Excel: it implements the task pane's WorkbookPort with Office.js,
 * composed of one module per concern, each a set of functions of the shared AdapterContext:
 * - read.ts: the workbook as a snapshot, 2 syncs + 1 per ~4 MB of cells;
 * - mark.ts: marks (conditional formats tagged MARK_TAG, recorded on each sheet), 2 syncs; clearing, 3–4;
 * - notes.ts: explanations as cell notes (ExcelApi 1.18), 4 syncs, banded;
 * - edit.ts: selection, fixes (one undo step for any number) and their undo, recalculation;
 * - bulk.ts: the pane's bulk actions: the marks of several sheets replaced at once;
 * - report.ts, state.ts, watch.ts, insert-template.ts: the report sheet (banded), the pane's
 *   saved state, auto-check's change events, appendix templates.
 * Round trips are few and do not grow with sheets, rows or findings; large writes go in bands by
 * a UTF-8 byte budget. Every batch waits while the user is typing in a cell, and Excel's errors
 * reach the pane as sentences in its language (Vietnamese or English), from the pane's catalogue.
 */
import type { WorkbookPort } from "../taskpane/port";
import { remark } from "./bulk";
import { adapterContext, type AdapterOptions } from "./context";
import { applyFix, applyFixes, recalculate, select, undoFix, undoFixes } from "./edit";
import { inWords } from "./errors";
import type { OfficeHost } from "./host";
import { insertTemplate } from "./insert-template";
import { clearMarks, mark } from "./mark";
import { writeNotes } from "./notes";
import { readSheet, readWorkbook } from "./read";
import { writeReport } from "./report";
import { loadState, saveState } from "./state";
import { watchChanges } from "./watch";

export { CELLS_PER_SYNC, WRITE_BUDGET } from "./context";
export { applyFixes, undoFixes } from "./edit";
export { MARK_TAG, markFormula, RECORD_PREFIX } from "./mark";
export { isPayloadTooLarge, MAX_ROWS } from "./read";
export { columnPoints } from "./format";
export { MAX_HYPERLINKS, MAX_ROW_HEIGHT, writeReportSheet } from "./report";
export { localAddress, splitAddresses } from "./sheets";
export { STATE_KEY } from "./state";

export function createExcelAdapter(host: OfficeHost, options: AdapterOptions = {}): WorkbookPort {
  const ax = adapterContext(host, options);
  // Excel's errors and the adapter's own, in the pane's language at the time they happen.
  const inLocale = <T>(f: () => Promise<T>) => inWords(() => ax.locale, f);
  return {
    setLocale: (locale) => {
      ax.locale = locale;
    },
    read: (onProgress) => inLocale(() => readWorkbook(ax, onProgress)),
    readSheet: (name) => inLocale(() => readSheet(ax, name)),
    mark: (findings, layout) => inLocale(() => mark(ax, findings, layout)),
    clearMarks: (sheet, thorough) => inLocale(() => clearMarks(ax, sheet, thorough)),
    select: (sheet, cells) => inLocale(() => select(ax, sheet, cells)),
    applyFix: (sheet, fix) => inLocale(() => applyFix(ax, sheet, fix)),
    undoFix: (record) => inLocale(() => undoFix(ax, record)),
    applyFixes: (fixes) => inLocale(() => applyFixes(ax, fixes)),
    undoFixes: (records) => inLocale(() => undoFixes(ax, records)),
    remark: (sheets, findings, layout) => inLocale(() => remark(ax, sheets, findings, layout)),
    loadState: () => loadState(ax),
    saveState: (state) => inLocale(() => saveState(ax, state)),
    writeReport: (findings, locale, options) => inLocale(() => writeReport(ax, findings, locale, options)),
    watchChanges: (onChange) => inLocale(() => watchChanges(ax, onChange)),
    recalculate: () => inLocale(() => recalculate(ax)),
    insertTemplate: (t) => inLocale(() => insertTemplate(ax, t)),
    ...(ax.api.notes
      ? {
          writeNotes: (
            findings: Parameters<typeof writeNotes>[1],
            locale: Parameters<typeof writeNotes>[2],
          ) => inLocale(() => writeNotes(ax, findings, locale)),
        }
      : {}),
  };
}
