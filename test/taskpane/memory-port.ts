/** A WorkbookPort over a snapshot in memory, recording what the pane asks of it (for UI tests). */
import type { Finding } from "../../src/engine/findings";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { EMPTY_STATE, type PaneState, type WorkbookPort } from "../../src/taskpane/port";

export interface MemoryPort extends WorkbookPort {
  calls: string[];
  marked: Finding[];
  saved?: PaneState;
  /** The pane's change listener while it watches (auto-check). */
  listener?: (sheet: string) => void;
}

export function memoryPort(
  snapshot: WorkbookSnapshot | (() => Promise<WorkbookSnapshot>),
  state: PaneState = EMPTY_STATE,
): MemoryPort {
  const port: MemoryPort = {
    calls: [],
    marked: [],
    async read(onProgress) {
      port.calls.push("read");
      onProgress?.({ done: 0, total: 10 });
      const wb = typeof snapshot === "function" ? await snapshot() : snapshot;
      onProgress?.({ done: 10, total: 10 });
      return wb;
    },
    async readSheet(name) {
      port.calls.push(`readSheet ${name}`);
      const wb = typeof snapshot === "function" ? await snapshot() : snapshot;
      const s = wb.sheets.find((x) => x.name === name);
      if (!s) throw new Error(name);
      return s;
    },
    async mark(findings) {
      port.calls.push(`mark ${findings.length}`);
      port.marked = [...findings];
      return { marked: findings.reduce((n, f) => n + f.cells.length, 0), skipped: [] };
    },
    async clearMarks(sheet) {
      port.calls.push(sheet ? `clear ${sheet}` : "clear");
      const n = port.marked.length;
      port.marked = [];
      return n;
    },
    async select(sheet, cells) {
      port.calls.push(`select ${sheet}!${cells[0]}`);
    },
    async applyFix(sheet, fix) {
      port.calls.push(`fix ${sheet}!${fix.cell}=${fix.value}`);
      return { sheet, cell: fix.cell, before: { value: 1, formula: null }, after: fix.value };
    },
    async undoFix(r) {
      port.calls.push(`undo ${r.sheet}!${r.cell}`);
    },
    async loadState() {
      return state;
    },
    async saveState(s) {
      port.saved = s;
      port.calls.push("save");
    },
    async watchChanges(onChange) {
      port.calls.push("watch");
      port.listener = onChange;
      return async () => {
        port.calls.push("unwatch");
        port.listener = undefined;
      };
    },
    async insertTemplate(t) {
      port.calls.push(`insert ${t.kind} ${t.year}`);
      return `${t.sheets[0].name} (2)`;
    },
    async recalculate() {
      port.calls.push("recalculate");
    },
    async writeNotes(findings) {
      port.calls.push(`notes ${findings.length}`);
      return { marked: findings.length, skipped: [] };
    },
    async writeReport(findings) {
      port.calls.push(`report ${findings.length}`);
      return "Kết quả kiểm tra";
    },
  };
  return port;
}
