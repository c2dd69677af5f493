/**
 * A WorkbookPort over a snapshot in memory, recording what the pane asks of it (for UI tests).
 * Fixes are written into the snapshot (when it is an object), so that a new check sees them and
 * an undo brings the old value back; a protected sheet refuses writes the way Excel does.
 */
import { parseA1 } from "../../src/engine/a1";
import type { Finding } from "../../src/engine/findings";
import type { CellValue, WorkbookSnapshot } from "../../src/engine/snapshot";
import { EMPTY_STATE, type FixRecord, type PaneState, type WorkbookPort } from "../../src/taskpane/port";

export interface MemoryPort extends WorkbookPort {
  calls: string[];
  marked: Finding[];
  saved?: PaneState;
  /** The pane's change listener while it watches (auto-check). */
  listener?: (sheet: string) => void;
}

/** Excel's refusal on a protected sheet (as Office.js reports it: a code and a message). */
function accessDenied(sheet: string): Error {
  return Object.assign(new Error(`AccessDenied: The sheet "${sheet}" is protected.`), {
    code: "AccessDenied",
  });
}

export function memoryPort(
  snapshot: WorkbookSnapshot | (() => Promise<WorkbookSnapshot>),
  state: unknown = EMPTY_STATE,
): MemoryPort {
  const workbook = async () => (typeof snapshot === "function" ? await snapshot() : snapshot);
  /** Reads and writes a cell of the snapshot (an object snapshot only). */
  const cell = (sheet: string, address: string, value?: CellValue) => {
    if (typeof snapshot === "function") return undefined;
    const s = snapshot.sheets.find((x) => x.name === sheet);
    if (!s) throw new Error(`ItemNotFound: ${sheet}`);
    const { row, col } = parseA1(address);
    const r = row - (s.origin?.row ?? 0);
    const c = col - (s.origin?.col ?? 0);
    const before = s.values[r]?.[c] ?? null;
    if (value !== undefined) {
      if (s.protected) throw accessDenied(sheet);
      s.values[r] ??= [];
      s.values[r][c] = value;
    }
    return before;
  };
  const writeFix = (sheet: string, address: string, value: number | string): FixRecord => {
    const before = cell(sheet, address, value);
    // A function snapshot cannot be written: its "before" is a stand-in.
    const plain = before === undefined ? 1 : before === null || typeof before === "object" ? null : before;
    return { sheet, cell: address, before: { value: plain, formula: null }, after: value };
  };
  const port: MemoryPort = {
    calls: [],
    marked: [],
    async read(onProgress) {
      port.calls.push("read");
      onProgress?.({ done: 0, total: 10 });
      const wb = await workbook();
      onProgress?.({ done: 10, total: 10 });
      return wb;
    },
    async readSheet(name) {
      port.calls.push(`readSheet ${name}`);
      const s = (await workbook()).sheets.find((x) => x.name === name);
      if (!s) throw new Error(name);
      return s;
    },
    async mark(findings) {
      port.calls.push(`mark ${findings.length}`);
      port.marked = [...findings];
      return { marked: findings.reduce((n, f) => n + f.cells.length, 0), skipped: [] };
    },
    async remark(sheets, findings) {
      port.calls.push(`remark ${sheets.join("|")} ${findings.length}`);
      const on = new Set(sheets);
      port.marked = [...port.marked.filter((f) => !on.has(f.sheet)), ...findings];
      return { marked: findings.reduce((n, f) => n + f.cells.length, 0), skipped: [] };
    },
    async clearMarks(sheet) {
      port.calls.push(sheet ? `clear ${sheet}` : "clear");
      const gone = port.marked.filter((f) => sheet === undefined || f.sheet === sheet);
      port.marked = port.marked.filter((f) => !gone.includes(f));
      return new Set(gone.flatMap((f) => f.cells.map((c) => `${f.sheet}!${c}`))).size;
    },
    async select(sheet, cells) {
      port.calls.push(`select ${sheet}!${cells[0]}`);
    },
    async applyFix(sheet, fix) {
      port.calls.push(`fix ${sheet}!${fix.cell}=${fix.value}`);
      return writeFix(sheet, fix.cell, fix.value);
    },
    async undoFix(r) {
      port.calls.push(`undo ${r.sheet}!${r.cell}`);
      cell(r.sheet, r.cell, r.before.value);
    },
    async applyFixes(fixes) {
      port.calls.push(`fixes ${fixes.length}`);
      return fixes.map(({ sheet, fix }) => writeFix(sheet, fix.cell, fix.value));
    },
    async undoFixes(records) {
      port.calls.push(`undos ${records.length}`);
      for (const r of records) cell(r.sheet, r.cell, r.before.value);
    },
    async loadState() {
      return state as PaneState;
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
