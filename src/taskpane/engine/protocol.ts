/**
 * What the pane and its checker (a Web Worker in the add-in, the same code in-process in tests)
 * say to each other. Everything here is structured-clonable: plain objects, arrays, typed arrays.
 *
 * The checker keeps the snapshot, the last result and the findings; the pane keeps only what it
 * draws (the findings, the list's rows as a typed array) and what it saves (acceptances).
 */
import type { Acceptance, ReviewedFinding } from "../../engine/accept";
import type { BudgetSummary } from "../../engine/budget";
import type { FindingCounts, Severity } from "../../engine/findings";
import type { Locale } from "../../engine/i18n";
import type { RecognitionOverride, SkippedSheet, TableKind } from "../../engine/recognize/model";
import type { ReportRow } from "../../engine/report-sheet";
import type { SheetSnapshot } from "../../engine/snapshot";
import type { RulebookChoice } from "../rulebook-choice";

/** What a check depends on besides the workbook. */
export interface EvalOptions {
  locale: Locale;
  overrides: Readonly<Record<string, RecognitionOverride>>;
  accepted: readonly Acceptance[];
}

/** How a sheet was recognised, as the pane shows it (the rows stay in the checker). */
export interface TableSummary {
  sheet: string;
  kind: TableKind;
  year?: number;
  scale: number;
  overridden?: RecognitionOverride;
}

export interface WorkbookSummary {
  sheetOrder: string[];
  tables: TableSummary[];
  skipped: SkippedSheet[];
  /** Sheets the add-in may not write on (Protect Sheet): no Fix is offered there. */
  protectedSheets: string[];
  /** No sheet has data. */
  empty: boolean;
  budget: BudgetSummary;
  /** Milliseconds the engine took (recognition and rules). */
  engineMs: number;
}

export interface CheckOutcome {
  findings: ReviewedFinding[];
  summary: WorkbookSummary;
}

/** An acceptance that changed on the finding at `index` (null: no longer accepted). */
export interface Patch {
  index: number;
  accepted: Acceptance | null;
}

export interface ReviewOutcome {
  accepted: Acceptance[];
  patches: Patch[];
}

export type StatusFilter = "all" | "open" | "accepted";

export interface ListFilter {
  /** Severities shown; empty: all. */
  severities: readonly Severity[];
  /** A rule id, or "" for every rule. */
  rule: string;
  /** A sheet name, or "" for every sheet. */
  sheet: string;
  /** Words the message, the cells or the sheet must contain (with tone marks when typed with them). */
  text: string;
  status: StatusFilter;
}

export const NO_FILTER: ListFilter = { severities: [], rule: "", sheet: "", text: "", status: "all" };

/** A heading of the list: a sheet, or a rule within a sheet. */
export interface ListGroup {
  level: 1 | 2;
  /** "sheet" or "sheet\u001frule": stable across checks, to keep groups folded. */
  key: string;
  sheet: string;
  rule?: string;
  /** Findings of the group that pass the filter. */
  shown: number;
  /** …of which not accepted. */
  open: number;
  /** …of which have a mechanical fix on a sheet the add-in may write on. */
  fixable: number;
  /** Row (in `rows`) just after the group's last row. */
  end: number;
}

/**
 * The list as the filter leaves it, grouped by sheet and by rule, in the engine's order. Row i
 * is a finding when `rows[i] >= 0` (its index in the findings) or the heading `groups[-rows[i]-1]`.
 */
export interface ListView {
  rows: Int32Array;
  groups: ListGroup[];
  /** Findings that pass the filter. */
  matched: number;
  /** Sheets and rules that have findings (for the filter's choices), in the engine's order. */
  sheets: string[];
  rules: string[];
  /**
   * Findings not accepted, by severity, whatever the filter; their errors split into causes and
   * consequences (errors that follow from another finding: `causedBy`).
   */
  open: FindingCounts;
  accepted: number;
}

// ---------------------------------------------------------------------------------------------
// Messages

/** The sheets of other plans, each with its plan's rulebook, and those no rulebook has (issue #11). */
export interface SplitMessage {
  otherPlans: { choice: RulebookChoice; sheets: string[] }[];
  unchecked: { sheet: string; text: string }[];
}

export type Request =
  | { type: "rulebook"; choice: RulebookChoice; split?: SplitMessage }
  /** A new snapshot begins: the sheets without their rows (they follow in "rows" messages). */
  | { type: "begin"; sheets: SheetSnapshot[] }
  | {
      type: "rows";
      sheet: number;
      start: number;
      values: SheetSnapshot["values"];
      formulas?: (string | null)[][];
    }
  /** Check the snapshot sent since "begin" (also: again, with other options). */
  | { type: "check"; options: EvalOptions }
  /** One sheet changed: recognise it again and re-run the rules. */
  | { type: "recheck"; sheets: SheetSnapshot[]; options: EvalOptions }
  | { type: "accept"; indices: number[]; reason: string; at: string; accepted: readonly Acceptance[] }
  | { type: "unaccept"; indices: number[]; accepted: readonly Acceptance[] }
  | { type: "review"; accepted: readonly Acceptance[] }
  | { type: "view"; filter: ListFilter }
  /** The report sheet of the findings as they are (rows in "rows" messages). */
  | { type: "report"; locale: Locale }
  /** Where the marks of the open findings go (on `sheets`, or every sheet): rectangles by severity. */
  | { type: "marks"; sheets?: string[] };

/** A request with the number its answers carry. */
export type Envelope = Request & { id: number };

export type Response =
  | { id: number; type: "findings"; start: number; total: number; findings: ReviewedFinding[] }
  | { id: number; type: "rows"; start: number; total: number; rows: ReportRow[] }
  | { id: number; type: "result"; value: unknown }
  | { id: number; type: "error"; message: string };

/** Findings per message from the checker: small enough that unpacking one never blocks the pane. */
export const FINDINGS_PER_MESSAGE = 2_000;
/** Report rows per message from the checker (each unpacked in its own short task). */
export const ROWS_PER_MESSAGE = 2_000;
/** Cells per message to the checker (the pane packs each message in one task). */
export const CELLS_PER_MESSAGE = 20_000;
