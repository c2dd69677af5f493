/**
 * Findings the user accepted ("Bỏ qua" with a reason). An acceptance is remembered by what the
 * finding is about (rule, sheet kind, year, course, level, detail), never by a cell address, so it
 * survives inserted rows and moved tables; accepted findings stay listed, marked as accepted.
 */
import type { EngineFinding, Subject } from "./findings";

export interface Acceptance {
  subject: Subject;
  reason: string;
  /** ISO date-time of the acceptance. */
  at: string;
  /** The finding's message when accepted, to show what was accepted if it no longer occurs. */
  message?: string;
}

export interface ReviewedFinding extends EngineFinding {
  accepted?: Acceptance;
}

const KEYS: (keyof Subject)[] = ["rule", "sheetKind", "year", "course", "level", "detail"];

/** A stable text key of a subject (absent and undefined fields are the same). */
export function subjectKey(s: Subject): string {
  return KEYS.map((k) => (s[k] === undefined ? "" : String(s[k]))).join("\u001f");
}

/** The findings with their acceptance attached, where one matches. */
export function applyAcceptances(
  findings: readonly EngineFinding[],
  acceptances: readonly Acceptance[],
): ReviewedFinding[] {
  const byKey = new Map(acceptances.map((a) => [subjectKey(a.subject), a]));
  return findings.map((f) => {
    const a = byKey.get(subjectKey(f.subject));
    return a ? { ...f, accepted: a } : f;
  });
}

/** Adds (or replaces) the acceptance of a finding. */
export function accept(
  acceptances: readonly Acceptance[],
  f: EngineFinding,
  reason: string,
  at: Date,
): Acceptance[] {
  const key = subjectKey(f.subject);
  return [
    ...acceptances.filter((a) => subjectKey(a.subject) !== key),
    { subject: { ...f.subject }, reason, at: at.toISOString(), message: f.message },
  ];
}

/** Removes the acceptance of a finding. */
export function unaccept(acceptances: readonly Acceptance[], f: EngineFinding): Acceptance[] {
  const key = subjectKey(f.subject);
  return acceptances.filter((a) => subjectKey(a.subject) !== key);
}
