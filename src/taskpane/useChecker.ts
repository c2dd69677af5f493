/**
 * The pane's state and actions, for React: a Checker (./checker) per workbook and engine, its
 * store read with useSyncExternalStore. Nothing else lives here.
 */
import { useEffect, useMemo, useSyncExternalStore } from "react";
import type { Locale } from "../engine/i18n";
import type { Rulebook } from "../engine/rulebook/schema";
import { Checker } from "./checker/checker";
import { realClock, type CheckerState, type Clock } from "./checker/context";
import type { EngineClient } from "./engine/client";
import type { WorkbookPort } from "./port";

export { AUTO_CHECK_DELAY_MS } from "./checker/auto-check";
export type { CheckerState, Clock, Phase } from "./checker/context";
export { findingKey } from "./checker/fix-book";

export interface CheckerOptions {
  engine: EngineClient;
  clock?: Clock;
}

export function useChecker(
  port: WorkbookPort,
  rulebook: Rulebook,
  locale: Locale,
  { engine, clock = realClock }: CheckerOptions,
): { state: CheckerState; checker: Checker } {
  const checker = useMemo(() => new Checker(port, engine, clock), [port, engine, clock]);
  useEffect(() => {
    void checker.load();
    return () => checker.dispose();
  }, [checker]);
  useEffect(() => checker.setEnvironment(locale, rulebook), [checker, locale, rulebook]);
  const state = useSyncExternalStore(checker.store.subscribe, checker.store.get);
  return { state, checker };
}
