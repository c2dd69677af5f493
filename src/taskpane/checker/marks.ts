/** Marks in the workbook follow the findings that are not accepted. */
import type { ReviewedFinding } from "../../engine/accept";
import type { MarkResult } from "../port";
import type { CheckerContext } from "./context";

const open = (findings: readonly ReviewedFinding[]) => findings.filter((f) => !f.accepted);

/** Every mark again (after a check). */
export async function markAll(
  ctx: CheckerContext,
  findings: readonly ReviewedFinding[],
): Promise<MarkResult> {
  await ctx.port.clearMarks();
  return ctx.port.mark(open(findings));
}

/** The marks of `sheets` again; in a constant number of syncs where the port can. */
export async function remarkSheets(
  ctx: CheckerContext,
  sheets: readonly string[],
  findings: readonly ReviewedFinding[],
): Promise<MarkResult> {
  const on = new Set(sheets);
  const mine = open(findings).filter((f) => on.has(f.sheet));
  if (ctx.port.remark) return ctx.port.remark(sheets, mine);
  for (const s of sheets) await ctx.port.clearMarks(s);
  return ctx.port.mark(mine);
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

/** Sheets whose findings differ between two lists (in the engine's order), by finding. */
export function changedSheets(
  before: readonly ReviewedFinding[],
  after: readonly ReviewedFinding[],
  same: (a: ReviewedFinding, b: ReviewedFinding) => boolean,
): string[] {
  const bySheet = (list: readonly ReviewedFinding[]) => {
    const m = new Map<string, ReviewedFinding[]>();
    for (const f of list) {
      let l = m.get(f.sheet);
      if (!l) m.set(f.sheet, (l = []));
      l.push(f);
    }
    return m;
  };
  const a = bySheet(before);
  const b = bySheet(after);
  const out: string[] = [];
  for (const sheet of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(sheet) ?? [];
    const y = b.get(sheet) ?? [];
    if (x.length !== y.length || x.some((f, i) => !same(f, y[i]))) out.push(sheet);
  }
  return out;
}
