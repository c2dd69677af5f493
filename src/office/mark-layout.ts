/**
 * Where the marks go: each flagged cell once, with its most severe finding's colour, as rectangles
 * of cells (never an address list: #1167). Pure: the checker's worker computes it for the pane
 * (grouping 50 000 cells into rectangles is the checker's work, not the pane's thread's), and
 * the adapter computes it itself when given findings only.
 */
import type { Finding, Severity } from "../engine/findings";
import { rectangles } from "./areas";

/** The marks of one sheet: rectangles by severity, the most severe first. */
export interface SheetMarkLayout {
  sheet: string;
  areas: { severity: Severity; ranges: string[] }[];
}

export type MarkLayout = SheetMarkLayout[];

export const SEVERITIES = ["error", "warning", "info"] as const;
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The marks of `findings` (all of them: filter out the accepted ones before), sheet by sheet in order of first finding. */
export function markLayoutOf(findings: readonly Finding[]): MarkLayout {
  const bySheet = new Map<string, Map<string, Severity>>();
  for (const f of findings) {
    let cells = bySheet.get(f.sheet);
    if (!cells) bySheet.set(f.sheet, (cells = new Map<string, Severity>()));
    for (const c of f.cells) {
      const prev = cells.get(c);
      if (!prev || RANK[f.severity] < RANK[prev]) cells.set(c, f.severity);
    }
  }
  const out: MarkLayout = [];
  for (const [sheet, cells] of bySheet) {
    const bySeverity = new Map<Severity, string[]>(SEVERITIES.map((s) => [s, []]));
    for (const [cell, severity] of cells) bySeverity.get(severity)?.push(cell);
    out.push({
      sheet,
      areas: SEVERITIES.map((severity) => ({ severity, ranges: rectangles(bySeverity.get(severity) ?? []) })),
    });
  }
  return out;
}
