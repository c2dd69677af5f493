/**
 * What the task pane needs from the workbook, as plain functions. The Office.js adapter
 * (src/office) implements it; UI tests implement it with a few lines; the pane never sees Excel.
 */
import type { Acceptance } from "../engine/accept";
import type { Finding, Fix } from "../engine/findings";
import type { RecognitionOverride } from "../engine/recognize/model";
import type { Locale } from "../engine/i18n";
import type { ReportSheet } from "../engine/report-sheet";
import type { MarkLayout } from "../office/mark-layout";
import type { SheetSnapshot, WorkbookSnapshot } from "../engine/snapshot";
import type { Template } from "../engine/templates/spec";
import type { RulebookChoice } from "./rulebook-choice";

/** What the pane keeps in the workbook (document settings): acceptances and recognition fixes. */
export interface PaneState {
  accepted: Acceptance[];
  overrides: Record<string, RecognitionOverride>;
  /** The budget allocated to the plan, in million đồng, as the user typed it. */
  allocated?: number;
  /** The rulebook last chosen for this workbook. */
  rulebook?: RulebookChoice;
}

export const EMPTY_STATE: PaneState = { accepted: [], overrides: {} };

export interface MarkResult {
  /** Cells marked. */
  marked: number;
  /** Sheets that could not be marked, with the reason (protected, missing). */
  skipped: { sheet: string; reason: string }[];
}

/** Enough to undo a fix: the cell's value or formula before it. */
export interface FixRecord {
  sheet: string;
  cell: string;
  before: { value: number | string | boolean | null; formula: string | null };
  after: number | string;
}

/** A fix to write on a sheet (several at once: WorkbookPort.applyFixes). */
export interface SheetFix {
  sheet: string;
  fix: Fix;
}

export interface ReadProgress {
  done: number;
  total: number;
}

export interface WorkbookPort {
  /** The pane's language: the port's messages and notices (Excel's errors included) follow it. */
  setLocale?(locale: Locale): void;
  /** The whole workbook as a snapshot, in a small constant number of round trips. */
  read(onProgress?: (p: ReadProgress) => void): Promise<WorkbookSnapshot>;
  /** One sheet as a snapshot (the live re-check reads only the sheet that changed). */
  readSheet(name: string): Promise<SheetSnapshot>;
  /**
   * Highlights the findings' cells (removable marks only; values and formats are untouched).
   * `layout` is where the marks go, when the checker has already grouped the cells.
   */
  mark(findings: readonly Finding[], layout?: MarkLayout): Promise<MarkResult>;
  /**
   * Removes every mark the add-in made (on one sheet, or all), and nothing else; returns how many
   * cells had one. `thorough` (the user's "Xóa đánh dấu") also looks beyond the cells the add-in
   * recorded marking.
   */
  clearMarks(sheet?: string, thorough?: boolean): Promise<number>;
  /**
   * Replaces the add-in's marks on `sheets` by marks of `findings` (those on these sheets), in a
   * constant number of syncs whatever the number of sheets and findings.
   */
  remark?(sheets: readonly string[], findings: readonly Finding[], layout?: MarkLayout): Promise<MarkResult>;
  /** Selects (and scrolls to) cells of a sheet. */
  select(sheet: string, cells: readonly string[]): Promise<void>;
  applyFix(sheet: string, fix: Fix): Promise<FixRecord>;
  undoFix(record: FixRecord): Promise<void>;
  /**
   * Writes many fixes in a constant number of syncs (one more per band of a few thousand), one
   * record per fix, in order; refuses them all (writing nothing) when a cell holds a formula.
   */
  applyFixes?(fixes: readonly SheetFix[]): Promise<FixRecord[]>;
  /** Undoes many fixes in a constant number of syncs. */
  undoFixes?(records: readonly FixRecord[]): Promise<void>;
  loadState(): Promise<PaneState>;
  saveState(state: PaneState): Promise<void>;
  /**
   * Writes the findings (with what the user accepted, and why) to a new report sheet with links,
   * fit for paper; returns its name. `report` is the report the checker built (with the figures'
   * units); `onNotice` gets one line for each print setting Excel did not take.
   */
  writeReport(
    findings: readonly (Finding & { accepted?: { reason: string } })[],
    locale: Locale,
    options?: { report?: ReportSheet; onNotice?: (text: string) => void },
  ): Promise<string>;
  /** Calls `onChange(sheet)` after the user edits a sheet; resolves to a function that stops watching. */
  watchChanges?(onChange: (sheet: string) => void): Promise<() => Promise<void>>;
  /** Recalculates the workbook's formulas (DEAN.* results follow a new rulebook). */
  recalculate?(): Promise<void>;
  /**
   * Writes each flagged cell's explanation as a cell note, keeping the user's own note above it;
   * clearMarks removes them. Absent where Excel has no notes (before ExcelApi 1.18).
   */
  writeNotes?(findings: readonly Finding[], locale: Locale): Promise<MarkResult>;
  /** Inserts a standard appendix template as new sheets; returns the main sheet's name. */
  insertTemplate?(template: Template): Promise<string>;
}
