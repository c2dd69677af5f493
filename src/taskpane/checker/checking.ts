/**
 * Reading the workbook and checking it: the whole workbook on "Kiểm tra Phụ lục", the same
 * snapshot again when the language, the rulebook or a recognition correction changes, and only
 * the sheets that changed after an edit (or an undone fix).
 */
import type { WorkbookSnapshot } from "../../engine/snapshot";
import { yieldToPane, type CheckProgress } from "../engine/client";
import type { CheckOutcome } from "../engine/protocol";
import type { CheckerContext, Phase } from "./context";
import { changedMarks, markAll, mergeMarks, remarkSheets } from "./marks";

function progressPhase(p: CheckProgress): Phase {
  return p.stage === "checking" ? { kind: "checking" } : { kind: p.stage, done: p.done, total: p.total };
}

/** Shows a new list first, then marks the workbook (marking many cells takes Excel a while). */
async function show(ctx: CheckerContext, outcome: CheckOutcome): Promise<void> {
  ctx.findings = outcome.findings;
  ctx.checked = true;
  ctx.set((s) => ({
    phase: { kind: "done" },
    findings: outcome.findings,
    summary: outcome.summary,
    generation: s.generation + 1,
    revision: s.revision + 1,
  }));
  ctx.set({ marks: await markAll(ctx, outcome.findings) });
}

/** Runs `evaluate`; a failure ends in the error phase (the buttons work again). */
async function checking(ctx: CheckerContext, evaluate: () => Promise<CheckOutcome>): Promise<void> {
  try {
    await show(ctx, await evaluate());
  } catch (e) {
    ctx.set({ phase: { kind: "error", message: ctx.describe(e) } });
  }
}

export function check(ctx: CheckerContext): Promise<void> {
  return ctx.serial(() =>
    checking(ctx, async () => {
      ctx.set({ phase: { kind: "reading", done: 0, total: 0 }, notice: undefined });
      const snap: WorkbookSnapshot = await ctx.port.read((p) =>
        ctx.set({ phase: { kind: "reading", done: p.done, total: p.total } }),
      );
      // The rulebook of this workbook (issue #11): chosen here, before the engine sees it, in a
      // task of its own (its first run compiles the clues' patterns), not after the last read's.
      await yieldToPane();
      const decided = ctx.decide?.(snap);
      if (decided?.error !== undefined) throw new Error(decided.error);
      if (decided?.rulebook) {
        // Sent once per rulebook and split (the client keeps what it sent).
        ctx.rulebook = decided.rulebook;
        ctx.engine.setRulebook(decided.rulebook, decided.split);
      }
      return ctx.engine.check(decided?.snapshot ?? snap, ctx.evalOptions(), (p) =>
        ctx.set({ phase: progressPhase(p) }),
      );
    }),
  );
}

/** Checks the last snapshot again (nothing to do before a first check). Runs inside the queue. */
export async function evaluateNow(ctx: CheckerContext): Promise<void> {
  if (!ctx.checked) return;
  await checking(ctx, () =>
    ctx.engine.evaluate(ctx.evalOptions(), (p) => ctx.set({ phase: progressPhase(p) })),
  );
}

export function evaluate(ctx: CheckerContext): Promise<void> {
  return ctx.serial(() => evaluateNow(ctx));
}

/**
 * Re-checks `names` (runs inside the queue): reads only those sheets, recognises only them, and
 * re-marks only the sheets whose marks change. Failures propagate (the caller words them).
 */
export async function recheckSheets(ctx: CheckerContext, names: readonly string[]): Promise<void> {
  if (!ctx.checked || names.length === 0) return;
  const started = ctx.clock.now().getTime();
  const sheets = [];
  for (const name of names) {
    const sheet = await ctx.port.readSheet(name);
    if (!ctx.ignore?.(sheet)) sheets.push(sheet);
  }
  if (sheets.length === 0) return;
  const before = ctx.findings;
  const outcome = await ctx.engine.recheck(sheets, ctx.evalOptions());
  ctx.findings = outcome.findings;
  const touched = changedMarks(before, outcome.findings);
  ctx.set((s) => ({
    findings: outcome.findings,
    summary: outcome.summary,
    generation: s.generation + 1,
    revision: s.revision + 1,
  }));
  if (touched.length > 0) {
    const marks = await remarkSheets(ctx, touched, outcome.findings);
    ctx.set((s) => ({ marks: mergeMarks(s.marks, touched, marks) }));
  }
  ctx.set({ lastCheckMs: ctx.clock.now().getTime() - started });
}
