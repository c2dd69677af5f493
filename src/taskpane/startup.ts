/**
 * When the pane opens: the rulebook this workbook was last checked with, for the pane and the
 * DEAN.* functions alike. The functions' results are recalculated only when that rulebook is not
 * the one they were computed with (the adapter leaves a workbook in manual calculation mode to
 * the user's F9): a full recalculation of a large workbook at every opening costs the user time.
 */
import type { Rulebook } from "../engine/rulebook/schema";
import { readPaneState } from "./pane-state";
import type { WorkbookPort } from "./port";
import { restoreRulebook } from "./rulebook-choice";

export async function restoreSavedRulebook(
  port: WorkbookPort,
  current: Rulebook,
  apply: (rulebook: Rulebook) => void,
): Promise<void> {
  // The saved state is read through its schema, as the pane reads it.
  const saved = restoreRulebook(readPaneState(await port.loadState().catch(() => undefined)).state.rulebook);
  if (!saved || saved === current) return;
  apply(saved);
  // Not awaited: the pane opens while Excel recalculates.
  void port.recalculate?.().catch(() => undefined);
}
