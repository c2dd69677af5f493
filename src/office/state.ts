/**
 * The pane's state (acceptances, recognition fixes, budget, rulebook), kept in the document's
 * settings (Office.Settings), which Excel limits: 2 MB for an add-in (office-js #621, Microsoft's
 * answer quoting the Office.Settings reference), and Excel on Windows has been reported to fail
 * saving settings above about 1 MB ("The argument is invalid or missing or has an incorrect
 * format", office-js #3957). So:
 * - the state is saved only when it changed (saving settings clears the user's undo stack,
 *   office-js #3141);
 * - up to a thousand acceptances are saved whole (their identity readable in the file); more are
 *   saved compactly, grouped by rule, reason and date, each as the 22-character digest of its
 *   finding's identity (engine/accept.ts), which covers the same one finding: 20 000 acceptances
 *   take about 450 KB instead of 9.5 MB;
 * - a state over STATE_BUDGET bytes is refused before anything is written, with a sentence that
 *   says so; what was saved before stays, in the document and in memory. A save Excel refuses
 *   leaves the settings as they were saved.
 */
import { DIGEST_LENGTH, findingDigest, WHOLE_ACCEPTANCES, type Acceptance } from "../engine/accept";
import { formatNumber } from "../engine/i18n";
import { EMPTY_STATE, type PaneState } from "../taskpane/port";
import { utf8Length } from "./bands";
import type { AdapterContext } from "./context";

/** Document-settings key of the pane's state. */
export const STATE_KEY = "deanChecker.state";
/** UTF-8 bytes of the saved state, at most: half of Excel's 2 MB, where Excel on Windows was seen to fail (#3957). */
export const STATE_BUDGET = 1_000_000;
export { WHOLE_ACCEPTANCES };

/** Acceptances made together (one rule, reason and date): their findings' digests, concatenated. */
interface CompactGroup {
  rule: string;
  reason: string;
  at: string;
  keys: string;
}

/** The state as it is saved when it holds more acceptances than WHOLE_ACCEPTANCES. */
interface CompactState {
  v: 3;
  accepted: CompactGroup[];
  overrides: PaneState["overrides"];
  allocated?: number;
  rulebook?: PaneState["rulebook"];
}

/** The digest an acceptance keeps or stands for. */
function digestOf(a: Acceptance): string {
  const key = (a.subject as { key?: unknown }).key;
  return typeof key === "string" && key.length === DIGEST_LENGTH ? key : findingDigest(a.subject);
}

function compact(state: PaneState): CompactState {
  const groups: CompactGroup[] = [];
  const keys: string[][] = [];
  for (const a of state.accepted) {
    const last = groups[groups.length - 1];
    const rule = String(a.subject.rule);
    if (last && last.rule === rule && last.reason === a.reason && last.at === a.at)
      keys[keys.length - 1].push(digestOf(a));
    else {
      groups.push({ rule, reason: a.reason, at: a.at, keys: "" });
      keys.push([digestOf(a)]);
    }
  }
  groups.forEach((g, i) => (g.keys = keys[i].join("")));
  return {
    v: 3,
    accepted: groups,
    overrides: state.overrides,
    ...(state.allocated !== undefined ? { allocated: state.allocated } : {}),
    ...(state.rulebook ? { rulebook: state.rulebook } : {}),
  };
}

/** The acceptances of a compact state (an entry that cannot be read stays, as null, for the pane to count). */
function expand(groups: unknown): unknown[] {
  if (!Array.isArray(groups)) return [null];
  return groups.flatMap((g: Partial<CompactGroup> | null) => {
    if (
      !g ||
      typeof g.rule !== "string" ||
      typeof g.reason !== "string" ||
      typeof g.at !== "string" ||
      typeof g.keys !== "string" ||
      g.keys.length % DIGEST_LENGTH !== 0
    )
      return [null];
    const out: Acceptance[] = [];
    for (let i = 0; i < g.keys.length; i += DIGEST_LENGTH)
      out.push({
        subject: {
          rule: g.rule,
          key: g.keys.slice(i, i + DIGEST_LENGTH),
        } as unknown as Acceptance["subject"],
        reason: g.reason,
        at: g.at,
      });
    return out;
  });
}

/** The state as it is saved: whole when it is small, else compact. */
function stored(state: PaneState): unknown {
  return state.accepted.length <= WHOLE_ACCEPTANCES ? state : compact(state);
}

/**
 * The saved state, as saved (whole) or expanded from its compact form. Entries are checked by the
 * pane (taskpane/pane-state.ts): what cannot be read is left out and said.
 */
export async function loadState(ax: AdapterContext): Promise<PaneState> {
  const raw = ax.host.settings.get(STATE_KEY);
  if (!raw || typeof raw !== "object") return { ...EMPTY_STATE };
  const s = raw as Partial<PaneState> & { v?: unknown };
  const accepted = s.v === 3 ? expand(s.accepted) : Array.isArray(s.accepted) ? s.accepted : [];
  return {
    accepted: accepted as Acceptance[],
    overrides: s.overrides && typeof s.overrides === "object" ? s.overrides : {},
    ...(typeof s.allocated === "number" && Number.isFinite(s.allocated) ? { allocated: s.allocated } : {}),
    ...(s.rulebook && typeof s.rulebook === "object" ? { rulebook: s.rulebook } : {}),
  };
}

/**
 * Saves the state in the document's settings, only when it changed. A state too large for Excel
 * is refused before anything is written (the error says how many acceptances did not fit); a save
 * Excel refuses leaves the settings as they were.
 */
export async function saveState(ax: AdapterContext, state: PaneState): Promise<void> {
  const settings = ax.host.settings;
  const value = stored(state);
  const text = canonical(value);
  const before = settings.get(STATE_KEY) ?? null;
  if (canonical(before) === text) return;
  if (utf8Length(text) > STATE_BUDGET)
    throw new Error(ax.say("stateTooLarge", { count: formatNumber(state.accepted.length, ax.locale) }));
  settings.set(STATE_KEY, value);
  await new Promise<void>((resolve, reject) =>
    settings.saveAsync((r) => {
      if (r.status === "succeeded") return resolve();
      // Nothing saved: the settings in memory go back to what the document holds.
      if (before === null) settings.remove(STATE_KEY);
      else settings.set(STATE_KEY, before);
      // Office's own text ("An internal error has occurred.") is English whatever the pane's language.
      reject(new Error(ax.say("stateNotSaved")));
    }),
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
