import { compareA1 } from "./a1";

export type Severity = "error" | "warning" | "info";
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

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

/** A finding as the engine keeps it: the contract plus its subject. */
export interface EngineFinding extends Finding {
  subject: Subject;
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
  return [...findings].sort((a, b) => {
    const sa = pos.get(a.sheet) ?? Number.MAX_SAFE_INTEGER;
    const sb = pos.get(b.sheet) ?? Number.MAX_SAFE_INTEGER;
    if (sa !== sb) return sa - sb;
    if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
    const ca = a.cells[0];
    const cb = b.cells[0];
    if (ca && cb) {
      const c = compareA1(ca, cb);
      if (c !== 0) return c;
    } else if (ca || cb) {
      return ca ? 1 : -1;
    }
    return (
      severityRank[a.severity] - severityRank[b.severity] ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
    );
  });
}
