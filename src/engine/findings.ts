import { parseA1 } from "./a1";

export type Severity = "error" | "warning" | "info";
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Light fill of a flagged cell by severity (hex RGB; black text stays readable), for every front door. */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = {
  error: "FFC7CE",
  warning: "FFEB9C",
  info: "DDEBF7",
};

/**
 * Counts for a summary line: findings per severity, and the error findings split into causes
 * (root errors) and consequences (errors that follow from another finding, see `causedBy`).
 */
export interface FindingCounts extends Record<Severity, number> {
  /** Error findings that are no consequence of another finding. */
  causes: number;
  /** Error findings that follow from another finding (they carry `causedBy`). */
  consequences: number;
}

export function countFindings(
  findings: readonly { severity: Severity; causedBy?: CauseRef }[],
): FindingCounts {
  const c: FindingCounts = { error: 0, warning: 0, info: 0, causes: 0, consequences: 0 };
  for (const f of findings) {
    c[f.severity]++;
    if (f.severity === "error") {
      if (f.causedBy) c.consequences++;
      else c.causes++;
    }
  }
  return c;
}

/** A mechanical correction: write `value` into `cell` of the finding's sheet. */
export interface Fix {
  cell: string;
  value: number | string;
}

/**
 * What a finding is about, independent of cell addresses: used to remember a finding the user
 * accepted so that the acceptance survives inserted rows and never covers another finding. Not
 * part of the CLI's JSON contract. The engine fills in the sheet (kind, year, and its name when
 * another recognised sheet has the same kind and year), the line, the values and the occurrence;
 * rules add what else tells their findings apart (course, level, person, district, detail).
 */
export interface Subject {
  rule: string;
  sheetKind: string;
  year?: number;
  /** The sheet's name, only when another recognised sheet has the same kind and year (a draft copy). */
  sheet?: string;
  course?: string;
  level?: string;
  /** The line the finding's first cell stands on: its course id, or its text (district, a line the rulebook does not know). */
  line?: string;
  /** A person of a list: name and birth date as typed. */
  person?: string;
  detail?: string;
  /** The values that made the finding (`actual`, `expected` as JSON, "null" for none): a changed value reopens it. */
  actual?: string;
  expected?: string;
  /** Which of several findings with the same identity (0 for the first, in the report's order). */
  nth?: number;
}

/** The cause a consequence follows from: its sheet, first cell and rule (`causedBy` in `--json`). */
export interface CauseRef {
  sheet: string;
  cell: string;
  rule: string;
}

/** A cell of a sheet a finding's figure follows from (see Report.dependsOn). */
export interface CellRef {
  sheet: string;
  cell: string;
}

/**
 * One place where the workbook breaks a rule. This shape is the public `--json` contract:
 * `actual` is always the value of the first named cell (null when blank); `expected` and `fix`
 * only where the rulebook or arithmetic decides; `causedBy` (additive) names the root cause of a
 * finding that follows from another one — the fix is offered on the cause, never on its
 * consequences.
 */
export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string;
  cells: string[];
  message: string;
  expected: number | string | null;
  actual: number | string | null;
  fix?: Fix;
  causedBy?: CauseRef;
}

/** A finding as the engine keeps it: the contract plus its subject and the rule's message id. */
export interface EngineFinding extends Finding {
  subject: Subject;
  /** Which of the rule's `meta.messages` worded it (tests and the pane's grouping use it). */
  messageId: string;
}

/** The public JSON form of a finding: exactly the contract's fields, in a fixed order. */
export function toPublicFinding(f: Finding): Finding {
  const out: Finding = {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cells: [...f.cells],
    message: f.message,
    expected: f.expected,
    actual: f.actual,
  };
  if (f.fix) out.fix = { cell: f.fix.cell, value: f.fix.value };
  if (f.causedBy) out.causedBy = { sheet: f.causedBy.sheet, cell: f.causedBy.cell, rule: f.causedBy.rule };
  return out;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Deterministic order: by sheet position in the workbook, then first cell in reading order,
 * then severity, then rule id, then message.
 */
export function sortFindings<T extends Finding>(findings: T[], sheetOrder: string[]): T[] {
  const pos = new Map(sheetOrder.map((s, i) => [s, i]));
  // Decorate once: parsing A1 addresses inside the comparator would parse each n·log n times.
  const keyed = findings.map((f) => {
    const c = f.cells[0] ? parseA1(f.cells[0]) : undefined;
    return { f, sheet: pos.get(f.sheet) ?? Number.MAX_SAFE_INTEGER, row: c?.row ?? -1, col: c?.col ?? -1 };
  });
  keyed.sort((a, b) => {
    if (a.sheet !== b.sheet) return a.sheet - b.sheet;
    if (a.f.sheet !== b.f.sheet) return a.f.sheet < b.f.sheet ? -1 : 1;
    if (a.row !== b.row) return a.row - b.row;
    if (a.col !== b.col) return a.col - b.col;
    return (
      severityRank[a.f.severity] - severityRank[b.f.severity] ||
      (a.f.rule < b.f.rule ? -1 : a.f.rule > b.f.rule ? 1 : 0) ||
      (a.f.message < b.f.message ? -1 : a.f.message > b.f.message ? 1 : 0)
    );
  });
  return keyed.map((k) => k.f);
}

/**
 * The order to read findings in (the CLI report, the results sheet, the pane): by sheet in
 * workbook order; within a sheet errors, then warnings, then notes; within a severity causes
 * before their consequences; then by cell. `--json` keeps `sortFindings`' order.
 */
export function readingOrder<T extends Finding>(findings: readonly T[], sheetOrder: readonly string[]): T[] {
  const pos = new Map(sheetOrder.map((s, i) => [s, i]));
  const keyed = findings.map((f, i) => ({
    f,
    i,
    sheet: pos.get(f.sheet) ?? Number.MAX_SAFE_INTEGER,
    sev: severityRank[f.severity],
    consequence: f.causedBy ? 1 : 0,
  }));
  keyed.sort(
    (a, b) =>
      a.sheet - b.sheet ||
      (a.f.sheet < b.f.sheet ? -1 : a.f.sheet > b.f.sheet ? 1 : 0) ||
      a.sev - b.sev ||
      a.consequence - b.consequence ||
      a.i - b.i,
  );
  return keyed.map((k) => k.f);
}
