/**
 * The pane's bulk actions that the other modules do not already offer in constant syncs (many
 * fixes and their undo are edit.ts's applyFixes and undoFixes):
 * - remark: the marks of several sheets replaced at once, after an acceptance or a re-check
 *   (clearMarks of those sheets, then mark): the syncs of one clear and one mark, whatever the
 *   number of sheets and findings.
 */
import type { Finding } from "../engine/findings";
import type { MarkResult } from "../taskpane/port";
import type { AdapterContext } from "./context";
import { clearMarks, mark } from "./mark";
import type { MarkLayout } from "./mark-layout";

/** Replaces the add-in's marks on `sheets` by marks of `findings` (those on these sheets). */
export async function remark(
  ax: AdapterContext,
  sheets: readonly string[],
  findings: readonly Finding[],
  layout?: MarkLayout,
): Promise<MarkResult> {
  if (sheets.length === 0) return { marked: 0, skipped: [] };
  const on = new Set(sheets);
  await clearMarks(ax, sheets);
  const mine = findings.filter((f) => on.has(f.sheet));
  return mark(ax, mine, layout ? layout.filter((l) => on.has(l.sheet)) : undefined);
}
