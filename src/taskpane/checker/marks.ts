/** Marks in the workbook follow the findings that are not accepted. */
import type { ReviewedFinding } from "../../engine/accept";
import type { MarkResult } from "../port";
import type { CheckerContext } from "./context";

const open = (findings: readonly ReviewedFinding[]) => findings.filter((f) => !f.accepted);

/** Every mark again (after a check); the checker groups the cells into rectangles, not the pane's thread. */
export async function markAll(
  ctx: CheckerContext,
  findings: readonly ReviewedFinding[],
): Promise<MarkResult> {
  const layout = await ctx.engine.marks();
  await ctx.port.clearMarks();
  return ctx.port.mark(open(findings), layout);
}

/** The marks of `sheets` again; in a constant number of syncs where the port can. */
export async function remarkSheets(
  ctx: CheckerContext,
  sheets: readonly string[],
  findings: readonly ReviewedFinding[],
): Promise<MarkResult> {
  const on = new Set(sheets);
  const mine = open(findings).filter((f) => on.has(f.sheet));
  const layout = await ctx.engine.marks(sheets);
  if (ctx.port.remark) return ctx.port.remark(sheets, mine, layout);
  for (const s of sheets) await ctx.port.clearMarks(s);
  return ctx.port.mark(mine, layout);
}

/** The marks after only `sheets` were marked again. */
export function mergeMarks(
  before: MarkResult | undefined,
  sheets: readonly string[],
  now: MarkResult,
): MarkResult {
  const on = new Set(sheets);
  return {
    marked: now.marked,
    skipped: [...(before?.skipped ?? []).filter((s) => !on.has(s.sheet)), ...now.skipped],
  };
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Each sheet's marks as text to compare: every cell with its most severe open finding. */
function marksBySheet(findings: readonly ReviewedFinding[]): Map<string, string> {
  const bySheet = new Map<string, Map<string, keyof typeof RANK>>();
  for (const f of findings) {
    if (f.accepted) continue;
    let cells = bySheet.get(f.sheet);
    if (!cells) bySheet.set(f.sheet, (cells = new Map<string, keyof typeof RANK>()));
    for (const c of f.cells) {
      const prev = cells.get(c);
      if (!prev || RANK[f.severity] < RANK[prev]) cells.set(c, f.severity);
    }
  }
  const out = new Map<string, string>();
  for (const [sheet, cells] of bySheet) {
    out.set(
      sheet,
      [...cells]
        .map(([c, s]) => `${c}:${s}`)
        .sort()
        .join(","),
    );
  }
  return out;
}

/**
 * Sheets whose marks differ between two lists of findings. Only those are written to after an
 * edit: a write after the user's edit would take their Ctrl+Z (each write is an undo step, or
 * clears the undo stack on older Excel).
 */
export function changedMarks(
  before: readonly ReviewedFinding[],
  after: readonly ReviewedFinding[],
): string[] {
  const a = marksBySheet(before);
  const b = marksBySheet(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((s) => (a.get(s) ?? "") !== (b.get(s) ?? ""));
}
