/**
 * What the user decides and the workbook keeps (document settings): findings accepted with a
 * reason ("Bỏ qua"), one at a time or a selection at once, recognition corrections, the
 * allocated budget, the rulebook. The engine (in the checker) decides which findings an
 * acceptance covers; the pane gets back only the findings that changed.
 */
import { accept as acceptOne, type ReviewedFinding } from "../../engine/accept";
import type { RecognitionOverride } from "../../engine/recognize/model";
import type { Rulebook } from "../../engine/rulebook/schema";
import type { ReviewOutcome } from "../engine/protocol";
import type { PaneState } from "../port";
import { rulebookChoice } from "../rulebook-choice";
import { t } from "../strings";
import { evaluateNow } from "./checking";
import type { CheckerContext } from "./context";
import { findingKey } from "./fix-book";
import { mergeMarks, remarkSheets } from "./marks";

/**
 * Saves the pane's state in the workbook, then uses it: a state that could not be saved (too
 * large for Excel, or refused) changes nothing, so that what the pane shows is what the workbook
 * keeps.
 */
async function savePane(ctx: CheckerContext, next: PaneState): Promise<void> {
  await ctx.port.saveState(next);
  ctx.pane = next;
  ctx.set({ pane: next });
}

/** `findings` with the checker's patches applied; the sheets they are on. */
function patched(findings: readonly ReviewedFinding[], r: ReviewOutcome) {
  const next = findings.slice();
  const sheets = new Set<string>();
  for (const p of r.patches) {
    const f = next[p.index];
    if (!f) continue;
    if (p.accepted) next[p.index] = { ...f, accepted: p.accepted };
    else {
      const { accepted: _gone, ...rest } = f;
      next[p.index] = rest;
    }
    sheets.add(f.sheet);
  }
  return { next, sheets };
}

/**
 * The checker's answer made real: the state saved first (nothing else changes if it cannot be:
 * the checker and the list go back to the saved acceptances, `before` being the list as it was),
 * then the list, then the marks.
 */
async function commit(
  ctx: CheckerContext,
  r: ReviewOutcome,
  before: readonly ReviewedFinding[],
  focus?: string,
): Promise<void> {
  try {
    await savePane(ctx, { ...ctx.pane, accepted: r.accepted });
  } catch (e) {
    await ctx.engine.review(ctx.pane.accepted);
    ctx.findings = before.slice();
    ctx.set((s) => ({ findings: ctx.findings, revision: s.revision + 1, ...ctx.focusOn(focus) }));
    throw e;
  }
  const { next, sheets } = patched(before, r);
  ctx.findings = next;
  ctx.set((s) => ({ findings: next, revision: s.revision + 1, ...ctx.focusOn(focus) }));
  if (sheets.size > 0 && ctx.checked) {
    const list = [...sheets];
    const marks = await remarkSheets(ctx, list, next);
    ctx.set((s) => ({ marks: mergeMarks(s.marks, list, marks) }));
  }
}

const keyAt = (ctx: CheckerContext, indices: readonly number[]) =>
  indices.length === 1 && ctx.findings[indices[0]] ? findingKey(ctx.findings[indices[0]]) : undefined;

/**
 * Accepts the findings at `indices` (of the current list) with one reason. The pane shows them
 * accepted at once; the checker's answer (which findings the acceptance covers, decided by the
 * engine over every finding) follows, then the saved state and the marks.
 */
export function accept(ctx: CheckerContext, indices: number[], reason: string): Promise<void> {
  return ctx.act(async () => {
    if (indices.length === 0) return;
    const at = ctx.clock.now();
    const before = ctx.findings;
    const shown = ctx.findings.slice();
    for (const i of indices) {
      const f = shown[i];
      if (f && !f.accepted) shown[i] = { ...f, accepted: acceptOne([], f, reason, at)[0] };
    }
    ctx.findings = shown;
    ctx.set({ findings: shown, ...ctx.focusOn(keyAt(ctx, indices)) });
    const r = await ctx.engine.accept(indices, reason, at, ctx.pane.accepted);
    await commit(ctx, r, before, keyAt(ctx, indices));
    if (indices.length > 1)
      return {
        notice: { intent: "success", text: t(ctx.locale, "acceptedMany", { count: indices.length }) },
      };
  });
}

export function unaccept(ctx: CheckerContext, indices: number[]): Promise<void> {
  return ctx.act(async () => {
    if (indices.length === 0) return;
    const r = await ctx.engine.unaccept(indices, ctx.pane.accepted);
    await commit(ctx, r, ctx.findings, keyAt(ctx, indices));
  });
}

export function override(
  ctx: CheckerContext,
  sheet: string,
  o: RecognitionOverride | undefined,
): Promise<void> {
  return ctx.act(async () => {
    const overrides = { ...ctx.pane.overrides };
    if (o && Object.keys(o).length > 0) overrides[sheet] = o;
    else delete overrides[sheet];
    await savePane(ctx, { ...ctx.pane, overrides });
    await evaluateNow(ctx);
  });
}

export function setAllocated(ctx: CheckerContext, million: number | undefined): Promise<void> {
  return ctx.act(async () => {
    const next: PaneState = { ...ctx.pane };
    if (million === undefined) delete next.allocated;
    else next.allocated = million;
    await savePane(ctx, next);
  });
}

/** Remembers the rulebook chosen for this workbook (restored when it is opened again). */
export function rememberRulebook(ctx: CheckerContext, rb: Rulebook): Promise<void> {
  return ctx.act(() => savePane(ctx, { ...ctx.pane, rulebook: rulebookChoice(rb) }));
}
