import { parseA1 } from "./a1";

export type Severity = "error" | "warning" | "info";
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Light fill of a flagged cell by severity (hex RGB; black text stays readable), for every front door. */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = {
  error: "FFC7CE",
  warning: "FFEB9C",
  info: "DDEBF7",
};

/** How many findings of each severity. */
export function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** A mechanical correction: write `value` into `cell` of the finding's sheet. */
export interface Fix {
  cell: string;
  value: number | string;
}

/**
 * What a finding is about, independent of cell addresses: used to remember a finding the user
 * accepted so that the acceptance survives inserted rows. Not part of the CLI's JSON contract.
 */
export interface Subject {
  rule: string;
  sheetKind: string;
  year?: number;
  course?: string;
  level?: string;
  detail?: string;
}

/** One place where the workbook breaks a rule. This shape is the public `--json` contract. */
export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string;
  cells: string[];
  message: string;
  expected: number | string | null;
  actual: number | string | null;
  fix?: Fix;
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
