/**
 * The only code that talks to Excel: it implements the task pane's WorkbookPort with Office.js,
 * composed of one module per concern, each a set of functions of the shared AdapterContext:
 * - read.ts: the workbook as a snapshot, 2 syncs + 1 per ~4 MB of cells;
 * - mark.ts: marks (conditional formats tagged MARK_TAG), 2 syncs; clearing, 3 (4 before ExcelApi 1.14);
 * - notes.ts: explanations as cell notes (ExcelApi 1.18), 3 syncs;
 * - edit.ts: selection, fixes and their undo, recalculation;
 * - report.ts, state.ts, watch.ts, insert-template.ts: the report sheet, the pane's saved state,
 *   auto-check's change events, appendix templates.
 * Round trips are few and do not grow with sheets, rows or findings.
 */
import type { WorkbookPort } from "../taskpane/port";
import { adapterContext } from "./context";
import { applyFix, recalculate, select, undoFix } from "./edit";
import type { OfficeHost } from "./host";
import { insertTemplate } from "./insert-template";
import { clearMarks, mark } from "./mark";
import { writeNotes } from "./notes";
import { readSheet, readWorkbook } from "./read";
import { writeReport } from "./report";
import { loadState, saveState } from "./state";
import { watchChanges } from "./watch";

export { CELLS_PER_SYNC } from "./context";
export { MARK_TAG, markFormula } from "./mark";
export { isPayloadTooLarge, MAX_ROWS } from "./read";
export { localAddress, splitAddresses } from "./sheets";
export { STATE_KEY } from "./state";

export function createExcelAdapter(host: OfficeHost, options: { cellsPerSync?: number } = {}): WorkbookPort {
  const ax = adapterContext(host, options);
  return {
    read: (onProgress) => readWorkbook(ax, onProgress),
    readSheet: (name) => readSheet(ax, name),
    mark: (findings) => mark(ax, findings),
    clearMarks: (sheet) => clearMarks(ax, sheet),
    select: (sheet, cells) => select(ax, sheet, cells),
    applyFix: (sheet, fix) => applyFix(ax, sheet, fix),
    undoFix: (record) => undoFix(ax, record),
    loadState: () => loadState(ax),
    saveState: (state) => saveState(ax, state),
    writeReport: (findings, locale) => writeReport(ax, findings, locale),
    watchChanges: (onChange) => watchChanges(ax, onChange),
    recalculate: () => recalculate(ax),
    insertTemplate: (t) => insertTemplate(host, t),
    ...(ax.api.notes ? { writeNotes: (findings, locale) => writeNotes(ax, findings, locale) } : {}),
  };
}
