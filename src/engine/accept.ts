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
 *
 * Where thousands of acceptances must fit the workbook's settings (Excel keeps at most 2 MB for
 * an add-in), each can be kept as the digest of its finding's identity instead of the identity
 * itself (`{ subject: { rule, key } }`, see `findingDigest`): it covers the same one finding.
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
    // A hand-edited subject may hold anything: it still gives a key (never throws).
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    key += v === undefined || v === null ? "\u001f" : `\u001f${String(v)}`;
  }
  return key;
}

/** The key of one finding: its subject's key and its occurrence among findings with that key. */
function findingKey(s: Subject): string {
  const o = (s && typeof s === "object" ? s : {}) as Partial<Subject>;
  return `${subjectKey(s)}#${typeof o.nth === "number" ? o.nth : 0}`;
}

/**
 * cyrb53 (a public-domain 53-bit string hash by bryc), with a seed: two seeds give 106 bits, so
 * that among a hundred thousand acceptances two findings never share a digest in practice.
 */
function cyrb53(s: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Length of a digest: two 53-bit hashes in base 36, 11 characters each. */
export const DIGEST_LENGTH = 22;
/** Up to this many acceptances are kept whole (their identity readable); more, as digests. */
export const WHOLE_ACCEPTANCES = 1000;

function digestOf(key: string): string {
  return cyrb53(key, 0).toString(36).padStart(11, "0") + cyrb53(key, 1).toString(36).padStart(11, "0");
}

/** Digests already computed, by subject (a checker reviews the same findings again and again). */
const digests = new WeakMap<object, string>();

/** The digest of a finding's identity (its subject and occurrence): what a compact acceptance keeps. */
export function findingDigest(s: Subject): string {
  let d = digests.get(s);
  if (d === undefined) digests.set(s, (d = digestOf(findingKey(s))));
  return d;
}

/**
 * The acceptances as they are kept: whole up to WHOLE_ACCEPTANCES, else each as the digest of its
 * finding's identity, with its rule, reason and date (what the workbook's settings can hold for
 * tens of thousands). Either form covers the same one finding.
 */
export function keptAcceptances(list: readonly Acceptance[]): Acceptance[] {
  if (list.length <= WHOLE_ACCEPTANCES) return [...list];
  return list.map((a) =>
    !usable(a) || digestIn(a) !== undefined
      ? a
      : {
          subject: { rule: a.subject.rule, key: findingDigest(a.subject) } as unknown as Subject,
          reason: a.reason,
          at: a.at,
        },
  );
}

/** The digest a compact acceptance keeps (`subject.key`), if it is one. */
function digestIn(a: Acceptance): string | undefined {
  const key = (a.subject as { key?: unknown }).key;
  return typeof key === "string" && key.length === DIGEST_LENGTH ? key : undefined;
}

function usable(a: Acceptance | null | undefined): a is Acceptance {
  return !!a && typeof a === "object" && !!a.subject && typeof a.subject === "object";
}

/** True when acceptance `a` is about the finding whose key is `key` (and digest `digest`, when asked for). */
function covers(a: Acceptance, key: string, digest: () => string): boolean {
  const d = digestIn(a);
  return d !== undefined ? d === digest() : findingKey(a.subject) === key;
}

/** The findings with their acceptance attached, where one matches (each acceptance covers one finding). */
export function applyAcceptances(
  findings: readonly EngineFinding[],
  acceptances: readonly Acceptance[],
): ReviewedFinding[] {
  const byKey = new Map<string, Acceptance>();
  const byDigest = new Map<string, Acceptance>();
  for (const a of acceptances) {
    if (!usable(a)) continue;
    const d = digestIn(a);
    if (d !== undefined) byDigest.set(d, a);
    else byKey.set(findingKey(a.subject), a);
  }
  return findings.map((f) => {
    const a =
      byKey.get(findingKey(f.subject)) ??
      (byDigest.size > 0 ? byDigest.get(findingDigest(f.subject)) : undefined);
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
  let digest: string | undefined;
  const d = () => (digest ??= digestOf(key));
  return [
    ...acceptances.filter((a) => !usable(a) || !covers(a, key, d)),
    { subject: { ...f.subject }, reason, at: at.toISOString(), message: f.message },
  ];
}

/** Removes the acceptance of a finding. */
export function unaccept(acceptances: readonly Acceptance[], f: EngineFinding): Acceptance[] {
  const key = findingKey(f.subject);
  let digest: string | undefined;
  const d = () => (digest ??= digestOf(key));
  return acceptances.filter((a) => !usable(a) || !covers(a, key, d));
}
