/** The pane's state (acceptances, recognition fixes, budget, rulebook), kept in the document settings. */
import { EMPTY_STATE, type PaneState } from "../taskpane/port";
import type { AdapterContext } from "./context";

/** Document-settings key of the pane's state. */
export const STATE_KEY = "deanChecker.state";

export async function loadState(ax: AdapterContext): Promise<PaneState> {
  const raw = ax.host.settings.get(STATE_KEY);
  if (!raw || typeof raw !== "object") return { ...EMPTY_STATE };
  const s = raw as Partial<PaneState>;
  return {
    accepted: Array.isArray(s.accepted) ? s.accepted : [],
    overrides: s.overrides && typeof s.overrides === "object" ? s.overrides : {},
    ...(typeof s.allocated === "number" && Number.isFinite(s.allocated) ? { allocated: s.allocated } : {}),
    ...(s.rulebook && typeof s.rulebook === "object" ? { rulebook: s.rulebook } : {}),
  };
}

/**
 * Saves the state in the document's settings, only when it changed: saving settings clears the
 * user's undo stack (office-js #3141), so nothing is saved that is already there.
 */
export async function saveState(ax: AdapterContext, state: PaneState): Promise<void> {
  if (canonical(ax.host.settings.get(STATE_KEY) ?? null) === canonical(state)) return;
  ax.host.settings.set(STATE_KEY, state);
  await new Promise<void>((resolve, reject) =>
    ax.host.settings.saveAsync((r) =>
      r.status === "succeeded"
        ? resolve()
        : // Office's own text ("An internal error has occurred.") is English whatever the pane's language.
          reject(new Error(ax.say("stateNotSaved"))),
    ),
  );
}

/** JSON with the keys of every object sorted, so that equal states compare equal whatever their key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : x,
  );
}
