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
 * reach the pane as Vietnamese sentences.
 */
import type { WorkbookPort } from "../taskpane/port";
import { remark } from "./bulk";
import { adapterContext } from "./context";
import { applyFix, applyFixes, recalculate, select, undoFix, undoFixes } from "./edit";
import { inVietnamese } from "./errors";
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
export { reportTable, writeTable } from "./report";
export { localAddress, splitAddresses } from "./sheets";
export { STATE_KEY } from "./state";

export function createExcelAdapter(
  host: OfficeHost,
  options: { cellsPerSync?: number; writeBudget?: number } = {},
): WorkbookPort {
  const ax = adapterContext(host, options);
  return {
    read: (onProgress) => inVietnamese(() => readWorkbook(ax, onProgress)),
    readSheet: (name) => inVietnamese(() => readSheet(ax, name)),
    mark: (findings) => inVietnamese(() => mark(ax, findings)),
    clearMarks: (sheet, thorough) => inVietnamese(() => clearMarks(ax, sheet, thorough)),
    select: (sheet, cells) => inVietnamese(() => select(ax, sheet, cells)),
    applyFix: (sheet, fix) => inVietnamese(() => applyFix(ax, sheet, fix)),
    undoFix: (record) => inVietnamese(() => undoFix(ax, record)),
    applyFixes: (fixes) => inVietnamese(() => applyFixes(ax, fixes)),
    undoFixes: (records) => inVietnamese(() => undoFixes(ax, records)),
    remark: (sheets, findings) => inVietnamese(() => remark(ax, sheets, findings)),
    loadState: () => loadState(ax),
    saveState: (state) => saveState(ax, state),
    writeReport: (findings, locale) => inVietnamese(() => writeReport(ax, findings, locale)),
    watchChanges: (onChange) => inVietnamese(() => watchChanges(ax, onChange)),
    recalculate: () => inVietnamese(() => recalculate(ax)),
    insertTemplate: (t) => inVietnamese(() => insertTemplate(ax, t)),
    ...(ax.api.notes
      ? {
          writeNotes: (
            findings: Parameters<typeof writeNotes>[1],
            locale: Parameters<typeof writeNotes>[2],
          ) => inVietnamese(() => writeNotes(ax, findings, locale)),
        }
      : {}),
  };
}
