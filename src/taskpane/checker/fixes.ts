/**
 * Fixes: one finding ("Sửa thành …"), or every mechanical finding of a kind at once ("Sửa cả"),
 * in a constant number of syncs where the port can; each click is one entry to undo. Undoing
 * re-checks the sheet at once, so the cell is flagged again without waiting for a new check.
 */
import type { ReviewedFinding } from "../../engine/accept";
import type { FixRecord, SheetFix } from "../port";
import { t } from "../strings";
import { recheckSheets } from "./checking";
import type { CheckerContext } from "./context";
import { addEntry, findingKey, withoutKeys } from "./fix-book";

/** Findings a fix may be written for: a mechanical fix, not accepted, not fixed yet, on a sheet the add-in may write on. */
export function fixable(ctx: CheckerContext, f: ReviewedFinding): boolean {
  const s = ctx.store.get();
  return (
    !!f.fix &&
    !f.accepted &&
    !s.fixes.byKey.has(findingKey(f)) &&
    !(s.summary?.protectedSheets ?? []).includes(f.sheet)
  );
}

export function fix(ctx: CheckerContext, f: ReviewedFinding): Promise<void> {
  return ctx.act(async () => {
    if (!f.fix) return;
    const key = findingKey(f);
    const record = await ctx.port.applyFix(f.sheet, f.fix);
    return { fixes: addEntry(ctx.store.get().fixes, [key], [record]), ...ctx.focusOn(key) };
  });
}

interface Written {
  records: FixRecord[];
  /** Cells left as they were, with the reason. */
  skipped: { sheet: string; cell: string; reason: string }[];
}

async function writeFixes(ctx: CheckerContext, fixes: SheetFix[]): Promise<Written> {
  if (ctx.port.applyFixes) return { records: await ctx.port.applyFixes(fixes), skipped: [] };
  // A port without batches: one write each, failures reported per cell.
  const out: Written = { records: [], skipped: [] };
  for (const { sheet, fix } of fixes) {
    try {
      out.records.push(await ctx.port.applyFix(sheet, fix));
    } catch (e) {
      out.skipped.push({ sheet, cell: fix.cell, reason: ctx.describe(e) });
    }
  }
  return out;
}

/** Fixes every finding of `findings` that can be fixed, as one undoable entry. */
export function fixAll(ctx: CheckerContext, findings: readonly ReviewedFinding[]): Promise<void> {
  return ctx.act(async () => {
    const todo = findings.filter((f) => fixable(ctx, f));
    if (todo.length === 0) return;
    const result = await writeFixes(
      ctx,
      todo.map((f) => ({ sheet: f.sheet, fix: f.fix as NonNullable<ReviewedFinding["fix"]> })),
    );
    const at = new Map(todo.map((f) => [`${f.sheet}!${f.fix?.cell}`, findingKey(f)]));
    const keys = result.records.map((r) => at.get(`${r.sheet}!${r.cell}`) ?? `${r.sheet}!${r.cell}`);
    const fixes = addEntry(ctx.store.get().fixes, keys, result.records);
    const text =
      t(ctx.locale, "fixedMany", { count: result.records.length }) +
      (result.skipped.length ? ` ${t(ctx.locale, "fixedSkipped", { count: result.skipped.length })}` : "");
    return { fixes, notice: { intent: result.skipped.length ? "warning" : "success", text } };
  });
}

async function undoRecords(ctx: CheckerContext, records: readonly FixRecord[]): Promise<void> {
  if (ctx.port.undoFixes) await ctx.port.undoFixes(records);
  else for (const r of records) await ctx.port.undoFix(r);
}

/** Undoes the fixes of the findings `keys` (one finding, or an entry), then re-checks their sheets. */
export function undo(ctx: CheckerContext, keys: readonly string[]): Promise<void> {
  return ctx.act(async () => {
    const book = ctx.store.get().fixes;
    const records = keys.map((k) => book.byKey.get(k)).filter((r): r is FixRecord => r !== undefined);
    if (records.length === 0) return;
    await undoRecords(ctx, records);
    ctx.set({ fixes: withoutKeys(ctx.store.get().fixes, keys) });
    // The cell is flagged again at once, whether or not its finding was still listed.
    await recheckSheets(ctx, [...new Set(records.map((r) => r.sheet))]);
    return keys.length === 1 ? ctx.focusOn(keys[0]) : undefined;
  });
}
