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

export async function saveState(ax: AdapterContext, state: PaneState): Promise<void> {
  ax.host.settings.set(STATE_KEY, state);
  await new Promise<void>((resolve, reject) =>
    ax.host.settings.saveAsync((r) =>
      r.status === "succeeded"
        ? resolve()
        : reject(new Error(r.error?.message ?? "Không lưu được trạng thái vào sổ tính.")),
    ),
  );
}
