/**
 * Findings the user accepted ("Bỏ qua" with a reason). An acceptance is remembered by what the
 * finding is about, never by a cell address, so it survives inserted rows and moved tables:
 * the rule; the sheet by its recognised kind and year (and its name when two sheets share them,
 * such as a draft copy "KP2026 (nháp)"); the line, course, level, person or district; and the
 * values that made the finding (what the cell holds, what it should hold). A changed value
 * reopens the finding, and an acceptance covers one finding only: never another line, another
 * sheet, or another finding with the same identity (`nth`). Accepted findings stay listed,
 * marked as accepted.
 *
 * Acceptances saved by earlier versions (keyed by rule, kind, year, course and level only) are
 * read without error; they simply no longer match, since they name no values.
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

const KEYS: readonly (keyof Subject)[] = [
  "rule",
  "sheetKind",
  "year",
  "sheet",
  "course",
  "level",
  "line",
  "person",
  "detail",
  "actual",
  "expected",
];

/** Acceptances saved before the identity named the values: they must never match a finding. */
const CURRENT = "2";

/**
 * A stable text key of a subject (absent and undefined fields are the same), without its
 * occurrence number. A saved subject of any shape (an older version, a hand-edited document)
 * gives a key and never throws.
 */
export function subjectKey(s: Subject): string {
  const o = (s && typeof s === "object" ? s : {}) as Partial<Record<keyof Subject, unknown>>;
  // A subject without values is an older one: give it a key no current finding has (the engine
  // always records both values, "null" for none).
  let key = o.actual === undefined && o.expected === undefined ? "1" : CURRENT;
  for (const k of KEYS) {
    const v = o[k];
    key += v === undefined || v === null ? "\u001f" : `\u001f${String(v)}`;
  }
  return key;
}

/** The key of one finding: its subject's key and its occurrence among findings with that key. */
function findingKey(s: Subject): string {
  const o = (s && typeof s === "object" ? s : {}) as Partial<Subject>;
  return `${subjectKey(s)}#${typeof o.nth === "number" ? o.nth : 0}`;
}

/** The findings with their acceptance attached, where one matches (each acceptance covers one finding). */
export function applyAcceptances(
  findings: readonly EngineFinding[],
  acceptances: readonly Acceptance[],
): ReviewedFinding[] {
  const byKey = new Map<string, Acceptance>();
  for (const a of acceptances) {
    if (!a || typeof a !== "object" || !a.subject || typeof a.subject !== "object") continue;
    byKey.set(findingKey(a.subject), a);
  }
  return findings.map((f) => {
    const a = byKey.get(findingKey(f.subject));
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
  const key = findingKey(f.subject);
  return [
    ...acceptances.filter((a) => !a?.subject || findingKey(a.subject) !== key),
    { subject: { ...f.subject }, reason, at: at.toISOString(), message: f.message },
  ];
}

/** Removes the acceptance of a finding. */
export function unaccept(acceptances: readonly Acceptance[], f: EngineFinding): Acceptance[] {
  const key = findingKey(f.subject);
  return acceptances.filter((a) => !a?.subject || findingKey(a.subject) !== key);
}
