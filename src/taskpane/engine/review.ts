/**
 * Accepting and withdrawing many findings at once. Which findings one acceptance covers is the
 * engine's decision (src/engine/accept.ts): these helpers ask it through `applyAcceptances`, in
 * one pass over the selection, instead of calling `accept` once per finding (each call scans
 * every acceptance: thousands of findings would take quadratic time).
 */
import { accept, applyAcceptances, type Acceptance } from "../../engine/accept";
import type { EngineFinding } from "../../engine/findings";

const present = <T>(x: T | undefined): x is T => x !== undefined;

/** `list` with every finding of `findings` accepted for `reason` (replacing what covered them). */
export function acceptAll(
  list: readonly Acceptance[],
  findings: readonly EngineFinding[],
  reason: string,
  at: Date,
): Acceptance[] {
  if (findings.length === 0) return [...list];
  const replaced = new Set(
    applyAcceptances(findings, list)
      .map((f) => f.accepted)
      .filter(present),
  );
  const fresh = findings.map((f) => accept([], f, reason, at)[0]);
  // Two selected findings the engine takes for one (same identity) need one acceptance.
  const used = new Set(
    applyAcceptances(findings, fresh)
      .map((f) => f.accepted)
      .filter(present),
  );
  return [...list.filter((a) => !replaced.has(a)), ...fresh.filter((a) => used.has(a))];
}

/** `list` without the acceptances that cover any of `findings`. */
export function unacceptAll(list: readonly Acceptance[], findings: readonly EngineFinding[]): Acceptance[] {
  const covering = new Set(
    applyAcceptances(findings, list)
      .map((f) => f.accepted)
      .filter(present),
  );
  return list.filter((a) => !covering.has(a));
}
