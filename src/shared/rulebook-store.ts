/**
 * The rulebook in use, shared by the task pane and the =DEAN.* functions (shared runtime: one
 * page, one JavaScript context). No Office.js here.
 *
 * The state lives on globalThis under a registered symbol, so that two bundles loaded in the
 * same page (the task pane entry and the functions entry) still share one rulebook even if each
 * bundle carries its own copy of this module.
 */
import { builtinRulebook } from "../engine/rulebook/builtin";
import type { Rulebook } from "../engine/rulebook/schema";

export type RulebookListener = (rulebook: Rulebook) => void;

interface StoreState {
  rulebook: Rulebook | undefined;
  listeners: Set<RulebookListener>;
}

const KEY = Symbol.for("dean-checker.rulebook-store");

function state(): StoreState {
  const g = globalThis as unknown as Record<symbol, StoreState | undefined>;
  let s = g[KEY];
  if (!s) {
    s = { rulebook: undefined, listeners: new Set() };
    g[KEY] = s;
  }
  return s;
}

/** The current rulebook: the last one set, else the default built-in rulebook. */
export function getRulebook(): Rulebook {
  return state().rulebook ?? builtinRulebook();
}

/**
 * Make `rulebook` the current one and tell every listener (the task pane recalculates the DEAN.*
 * formulas from its listener). A listener that throws does not stop the others; the first
 * error is rethrown once all have been told.
 */
export function setRulebook(rulebook: Rulebook): void {
  const s = state();
  s.rulebook = rulebook;
  let failure: unknown;
  let failed = false;
  for (const listener of [...s.listeners]) {
    try {
      listener(rulebook);
    } catch (e) {
      if (!failed) failure = e;
      failed = true;
    }
  }
  if (failed) throw failure;
}

/** Call `listener` with each new rulebook; returns the function that stops it. */
export function subscribe(listener: RulebookListener): () => void {
  const s = state();
  s.listeners.add(listener);
  return () => {
    s.listeners.delete(listener);
  };
}
