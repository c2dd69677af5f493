/**
 * The rule API, modelled on ESLint's: a rule is a module with metadata (id, Vietnamese and
 * English title and rationale, default severity, message templates) and a `check` function that
 * reports through its context. Rules never format findings themselves.
 */
import type { CellRef, Fix, Severity, Subject } from "../findings";
import type { RecognizedTable, RecognizedWorkbook, UnreadableSheet } from "../recognize/model";
import type { Rulebook } from "../rulebook/schema";
import type { Locale, Localized } from "../i18n";

interface RuleMeta {
  id: string;
  title: Localized;
  /** Why the rule exists, for the task pane's explanation. */
  rationale: Localized;
  defaultSeverity: Severity;
  /** Message templates by id; `{name}` placeholders are filled from `data`. */
  messages: Record<string, Localized>;
}

type MessageData = Record<string, string | number>;

export interface Report {
  /** The table reported on; or a sheet that looks like an appendix but could not be read. */
  table: RecognizedTable | UnreadableSheet;
  messageId: string;
  data?: MessageData;
  cells: string[];
  expected?: number | string | null;
  actual?: number | string | null;
  fix?: Fix;
  /**
   * What the finding is about beyond its sheet, line and values (which the engine fills in):
   * course, level, person, district, detail.
   */
  subject?: Omit<Subject, "rule" | "sheetKind" | "sheet" | "actual" | "expected" | "nth">;
  /**
   * This report's severity when the rulebook does not set the rule's (e.g. a warning-level
   * variant). A severity set in the rulebook's `rules` wins for every finding of the rule.
   */
  severity?: Severity;
  /**
   * Cells the reported figure follows from: when another finding (not a note) stands on one of
   * them, this finding is its consequence (`causedBy`, no fix of its own). Rules declare it only
   * where the figure really follows, e.g. a summary line that copies a year's wrong total.
   */
  dependsOn?: CellRef[];
}

export interface RuleContext {
  readonly workbook: RecognizedWorkbook;
  readonly rulebook: Rulebook;
  readonly locale: Locale;
  report(r: Report): void;
  /** Format a number for messages in the locale (vi: 13.008; 1.312,74). */
  num(n: number): string;
  /** How a message shows a blank cell: "(trống)", "(blank)". */
  readonly blank: string;
  /** A course's display name in the rulebook. */
  courseName(courseId: string): string;
  /** A level's name in the reader's language ("Mầm non"; "preschool (MN)"). */
  levelName(levelId: string): string;
  /** A catalogue text (vi and en) in the reader's language, `{name}` placeholders filled. */
  text(t: Localized, data?: MessageData): string;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
