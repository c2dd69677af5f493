/**
 * Fuzzy matching of a typed name against a list of known names (courses, levels, units).
 *
 * Users write course names with or without diacritics, with typos ("ưng dụng"), extra words
 * ("Bồi dưỡng …", "(trực tuyến)") or a leading bullet ("- ", "1."). The score combines
 * token coverage (how many words of the known name appear, each allowed a small edit distance)
 * with the character similarity of the whole folded strings, so that near names that differ
 * by one decisive word ("trung cấp" vs "cao đẳng") are told apart.
 */
import { distance } from "fastest-levenshtein";
import { fold } from "./normalize";

export interface MatchEntry<K> {
  key: K;
  names: readonly string[];
}

export interface MatchResult<K> {
  key: K;
  /** 0..1, 1 is an exact match after folding. */
  score: number;
  /** The known name that matched best. */
  name: string;
}

export interface Matcher<K> {
  /** The best entry scoring at least the threshold, when it is clearly ahead of the next key. */
  match(text: string): MatchResult<K> | undefined;
  /** The n best keys whatever their score (for "did you mean" messages). */
  suggest(text: string, n: number): MatchResult<K>[];
}

interface Prepared<K> {
  key: K;
  name: string;
  folded: string;
  words: string[];
}

/** Characters of a typed text that are matched (known names are under 200 characters). */
export const MAX_QUERY = 500;

/** "- ", "+ ", "1.", "2)", "iv.", "a)" before a name. */
const LEADING_BULLET = /^\s*(?:[-+*•–—]|\(?[0-9]{1,3}[.)]|[ivxIVX]{1,4}[.)]|[a-zA-Z][.)])\s*/;
const EXTRA_WORDS = new Set([
  "boi",
  "duong",
  "dao",
  "tao",
  "chuong",
  "trinh",
  "lop",
  "khoa",
  "cho",
  "ve",
  "va",
  "cac",
]);

function prepareQuery(text: string): string[] {
  const f = fold(text.replace(LEADING_BULLET, ""));
  return f ? f.split(" ") : [];
}

/** Edit distance allowed between two words of this length. */
function tolerance(len: number): number {
  return len <= 3 ? 0 : len <= 6 ? 1 : 2;
}

function wordScore(word: string, query: readonly string[]): number {
  let best = 0;
  for (const q of query) {
    if (q === word) return 1;
    const tol = tolerance(Math.max(word.length, q.length));
    if (tol === 0) continue;
    const d = distance(q, word);
    if (d <= tol) best = Math.max(best, 1 - d / (word.length + 1));
  }
  return best;
}

function score(entry: Prepared<unknown>, query: readonly string[], folded: string): number {
  if (folded === entry.folded) return 1;
  if (entry.words.length === 0 || query.length === 0) return 0;
  // Coverage of the known name's words, weighted by length (short filler words count less).
  let got = 0;
  let total = 0;
  for (const w of entry.words) {
    const weight = EXTRA_WORDS.has(w) ? 0.5 : Math.min(w.length, 6);
    total += weight;
    got += weight * wordScore(w, query);
  }
  const coverage = got / total;
  // Precision: how much of the query is explained by the name (extra words cost a little).
  let explained = 0;
  for (const q of query) if (EXTRA_WORDS.has(q) || wordScore(q, entry.words) > 0) explained++;
  const precision = explained / query.length;
  const chars = 1 - distance(folded, entry.folded) / Math.max(folded.length, entry.folded.length);
  return 0.7 * coverage + 0.1 * precision + 0.2 * chars;
}

export function createMatcher<K>(
  entries: readonly MatchEntry<K>[],
  options: { threshold: number },
): Matcher<K> {
  const prepared: Prepared<K>[] = [];
  for (const e of entries) {
    for (const name of e.names) {
      const folded = fold(name);
      if (folded) prepared.push({ key: e.key, name, folded, words: folded.split(" ") });
    }
  }
  const cache = new Map<string, MatchResult<K>[]>();

  function ranked(text: string): MatchResult<K>[] {
    const hit = cache.get(text);
    if (hit) return hit;
    // Scoring costs time in proportion to the text: a cell of 32 767 characters would take
    // 150 ms a row. No name is that long; its first MAX_QUERY characters decide.
    const query = prepareQuery(text.length > MAX_QUERY ? text.slice(0, MAX_QUERY) : text);
    const folded = query.join(" ");
    const best = new Map<K, MatchResult<K>>();
    for (const p of prepared) {
      const s = score(p, query, folded);
      const prev = best.get(p.key);
      if (!prev || s > prev.score) best.set(p.key, { key: p.key, score: s, name: p.name });
    }
    const list = [...best.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    if (cache.size > 5000) cache.clear();
    cache.set(text, list);
    return list;
  }

  return {
    match(text) {
      const [first, second] = ranked(text);
      if (!first || first.score < options.threshold) return undefined;
      // Two keys nearly tied: the text does not decide between them.
      if (second && first.score < 1 && first.score - second.score < 0.03) return undefined;
      return first;
    },
    suggest(text, n) {
      return ranked(text).slice(0, n);
    },
  };
}
