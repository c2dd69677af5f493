/**
 * The pane's state and actions, for React: a Checker (./checker) per workbook and engine, its
 * store read with useSyncExternalStore. Nothing else lives here.
 */
import { useEffect, useLayoutEffect, useMemo, useSyncExternalStore } from "react";
import type { Locale } from "../engine/i18n";
import type { Rulebook } from "../engine/rulebook/schema";
import { Checker } from "./checker/checker";
import { realClock, type CheckerContext, type CheckerState, type Clock } from "./checker/context";
import type { EngineClient } from "./engine/client";
import type { WorkbookPort } from "./port";

export { AUTO_CHECK_DELAY_MS } from "./checker/auto-check";
export type { CheckerState, Clock } from "./checker/context";
export interface CheckerOptions {
  engine: EngineClient;
  clock?: Clock;
  /** Decides the rulebook of each workbook read (issue #11: ./rulebook-choice.ts). */
  decide?: CheckerContext["decide"];
  /** Sheets the live re-check leaves alone. */
  ignore?: CheckerContext["ignore"];
}

export function useChecker(
  port: WorkbookPort,
  rulebook: Rulebook,
  locale: Locale,
  { engine, clock = realClock, decide, ignore }: CheckerOptions,
): { state: CheckerState; checker: Checker } {
  const checker = useMemo(() => new Checker(port, engine, clock), [port, engine, clock]);
  useEffect(() => {
    void checker.load();
    return () => checker.dispose();
  }, [checker]);
  useEffect(() => checker.setEnvironment(locale, rulebook), [checker, locale, rulebook]);
  // The latest decisions (they close over the pane's rulebook state), in place after each render
  // is committed and before any effect (the first check among them) can ask for them.
  useLayoutEffect(() => checker.decideWith(decide, ignore));
  const state = useSyncExternalStore(checker.store.subscribe, checker.store.get);
  return { state, checker };
}
