/**
 * Which rulebook the pane checks a workbook with, and how it came to be used:
 * - "option": the user picked it in this session (the picker); it decides;
 * - "saved": kept in the workbook — its own "SỔ QUY TẮC" sheets, or the choice saved in its
 *   settings when it was last checked (a built-in rulebook by id, one opened from a file by its
 *   whole content: the file may not be on the next computer);
 * - "auto": chosen from what the workbook says (src/engine/rulebook/choose.ts), then remembered.
 * When the rulebook in use does not fit the workbook the pane suggests the one that does.
 */
import { builtinCandidates, builtinRulebook, builtinRulebookIds } from "../engine/rulebook/builtin";
import { type CandidateOrigin, type ChosenBy } from "../engine/rulebook/choose";
import type { Locale } from "../engine/i18n";
import { parseRulebook } from "../engine/rulebook/load";
import type { Rulebook } from "../engine/rulebook/schema";
import { NO_SPLIT, planSplit, prepareCheck, type PlanSplit } from "../engine/rulebook/select";
import { rulebookSheetNames } from "../engine/rulebook/workbook";
import type { WorkbookSnapshot } from "../engine/snapshot";
import type { SplitMessage } from "./engine/protocol";
import { t } from "./strings";

export interface RulebookChoice {
  id: string;
  /** The rulebook itself, when it is not a built-in one. */
  custom?: unknown;
}

export function isBuiltin(rulebook: Rulebook): boolean {
  return builtinRulebookIds.includes(rulebook.id) && builtinRulebook(rulebook.id) === rulebook;
}

export function rulebookChoice(rulebook: Rulebook): RulebookChoice {
  return isBuiltin(rulebook) ? { id: rulebook.id } : { id: rulebook.id, custom: rulebook };
}

/** The rulebook a saved choice names; undefined when none was saved or it can no longer be used. */
export function restoreRulebook(choice: unknown): Rulebook | undefined {
  if (!choice || typeof choice !== "object") return undefined;
  const { id, custom } = choice as Partial<RulebookChoice>;
  if (custom !== undefined) {
    try {
      return parseRulebook(custom);
    } catch {
      return undefined; // edited by hand into something invalid: the default rulebook applies
    }
  }
  return typeof id === "string" && builtinRulebookIds.includes(id) ? builtinRulebook(id) : undefined;
}

/** A split as the pane sends it to its checker (rulebooks by choice, as `rulebookChoice`). */
export function splitMessage(split: PlanSplit): SplitMessage {
  return {
    otherPlans: split.otherPlans.map((p) => ({ choice: rulebookChoice(p.rulebook), sheets: [...p.sheets] })),
    unchecked: split.unchecked.map((u) => ({ ...u })),
  };
}

/** The split a message names; undefined when one of its rulebooks can no longer be used. */
export function restoreSplit(message: SplitMessage): PlanSplit | undefined {
  const otherPlans: PlanSplit["otherPlans"] = [];
  for (const p of message.otherPlans) {
    const rulebook = restoreRulebook(p.choice);
    if (!rulebook) return undefined;
    otherPlans.push({ rulebook, sheets: [...p.sheets] });
  }
  return { otherPlans, unchecked: message.unchecked.map((u) => ({ ...u })) };
}

/** The rulebook in use in the pane, how it came to be used and why (one line in the locale). */
export interface PaneRulebook {
  rulebook: Rulebook;
  chosenBy: ChosenBy;
  reason: string;
  origin?: CandidateOrigin;
  /** Sheets of the workbook that belong to another plan, checked with its rulebook: one line. */
  others?: string;
  /** Sheets of a plan no rulebook has, not checked: one line. */
  unchecked?: string;
}

/** What the pane does with a workbook it has just read. */
export interface PaneDecision {
  /** The rulebook to check with (absent: none fits; `error` says why). */
  use?: PaneRulebook;
  /** The workbook without its rulebook sheets: what is checked. */
  snapshot: WorkbookSnapshot;
  /** The sheets of other plans checked with their own rulebooks, and those not checked. */
  split: PlanSplit;
  /** A rulebook that fits the workbook better than the one the user chose, with why. */
  suggestion?: PaneRulebook;
  error?: string;
}

/**
 * Decides the rulebook of a workbook read by the pane. `current` is the rulebook in use: one the
 * user picked ("option") decides; one saved in the workbook's settings ("saved") decides unless
 * the workbook keeps its own rulebook sheets; otherwise the workbook's own sheets, then the
 * automatic choice.
 */
export function decideRulebook(
  snapshot: WorkbookSnapshot,
  current: PaneRulebook | undefined,
  locale: Locale,
): PaneDecision {
  const candidates = builtinCandidates();
  const auto = prepareCheck(snapshot, { candidates, locale });
  const keep =
    current && (current.chosenBy === "option" || current.chosenBy === "saved") ? current : undefined;
  // The workbook's own rulebook sheets come before a choice saved in its settings (an invalid one is said).
  const own = rulebookSheetNames(snapshot).size > 0;
  if (keep && !(own && keep.chosenBy === "saved")) {
    const named = prepareCheck(snapshot, {
      candidates,
      locale,
      named: {
        candidate: { rulebook: keep.rulebook, origin: keep.origin ?? { kind: "builtin" } },
        chosenBy: keep.chosenBy as "option" | "saved",
        reason: keep.reason,
      },
    });
    // The sheets the picked rulebook does not cover are said (the picker's warning line), never passed silently.
    const use: PaneRulebook = { ...keep };
    if (named.ok && named.used.others) use.others = named.used.others;
    else delete use.others;
    const decision: PaneDecision = {
      use,
      snapshot: named.ok ? named.snapshot : snapshot,
      split: NO_SPLIT,
    };
    if (auto.ok && auto.used.rulebook.id !== keep.rulebook.id)
      decision.suggestion = {
        ...auto.used,
        reason: t(locale, "rulebookSuggestWhy", { reason: auto.used.reason }),
      };
    return decision;
  }
  if (!auto.ok) return { snapshot, error: auto.error, split: NO_SPLIT };
  // Sheets of another plan are checked with their plan's rulebook, as dean-check does, and said.
  const split = planSplit(auto);
  return {
    use: { ...auto.used },
    snapshot: auto.snapshot,
    split: split.otherPlans.length + split.unchecked.length === 0 ? NO_SPLIT : split,
  };
}

/** The reason line of a rulebook the user picked, or restored from the workbook's settings. */
export function pickedReason(chosenBy: "option" | "saved", locale: Locale): string {
  return t(locale, chosenBy === "option" ? "rulebookPicked" : "rulebookSaved");
}
