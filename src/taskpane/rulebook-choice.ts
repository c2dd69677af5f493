/**
 * Which rulebook a workbook is checked with, kept in the workbook's settings so that reopening it
 * (and its DEAN.* formulas) uses the same prices: a built-in rulebook by id, a rulebook opened
 * from a file by its whole content (the file may not be on the next computer).
 */
import { builtinRulebook, builtinRulebookIds } from "../engine/rulebook/builtin";
import { parseRulebook } from "../engine/rulebook/load";
import type { Rulebook } from "../engine/rulebook/schema";

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
