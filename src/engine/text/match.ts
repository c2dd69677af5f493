/**
 * Fuzzy matching of a typed name against a list of known names (courses, levels, units).
 *
 * Users write course names with or without diacritics, with typos ("ưng dụng"), extra words
 * ("Bồi dưỡng …", "(trực tuyến)") or a leading bullet ("- ", "1."). The score combines
 * token coverage (how many words of the known name appear, each allowed a small edit distance)
 * with the character similarity of the whole folded strings, so that near names that differ
 * by one decisive word ("trung cấp" vs "cao đẳng") are told apart. A word that differs from a
 * known word only by its tone marks ("Công" for "Cộng") is a typo: it counts, but less than the
 * word itself, so that of two names differing only by marks the one typed wins.
 *
 * Memoised and indexed (issue 14), so that contents the rulebook does not know cost about what
 * known ones do: each distinct query word is compared with the known vocabulary once (an LRU of
 * words; a table's texts share most of their words), the word part of every name's score is then
 * additions over that, and the costly whole-string distance is computed only for the names that
 * can still reach the top (branch and bound: the word part plus the distance's upper bound).
 * Results per text are kept in an LRU cache, never cleared whole.
 */
import { distance } from "fastest-levenshtein";
import { LruCache } from "../cache";
import { fold } from "./normalize";
import { hasMarks, marked } from "./tone";

export interface MatchEntry<K> {
  key: K;
  names: readonly string[];
}

interface MatchResult<K> {
  key: K;
  /** 0..1, 1 is an exact match after folding. */
  score: number;
  /** The known name that matched best. */
  name: string;
}

export interface Matcher<K> {
  /** The best entry scoring at least the threshold, when it is clearly ahead of the next key. */
  match(text: string): MatchResult<K> | undefined;
  /**
   * The n best keys (for "did you mean" messages), those scoring at least `floor` (default: any
   * score). A floor lets the index skip every name that shares no word with the text.
   */
  suggest(text: string, n: number, floor?: number): MatchResult<K>[];
}

/** Characters of a typed text that are matched (known names are under 200 characters). */
export const MAX_QUERY = 500;

/** Texts whose ranking is remembered, and distinct query words whose similarities are. */
const TEXTS_CACHED = 20_000;
const WORDS_CACHED = 20_000;

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

/** Score of a word that matches a known word except for its tone marks. */
const TONE_TYPO = 0.9;

/** Edit distance allowed between two words of this length. */
function tolerance(len: number): number {
  return len <= 3 ? 0 : len <= 6 ? 1 : 2;
}

/** A word: folded, and marked when it has marks (for the tone comparison). */
interface Word {
  folded: string;
  marked?: string;
}

function wordsOf(text: string): Word[] {
  const f = fold(text);
  if (!f) return [];
  const folded = f.split(" ");
  if (!hasMarks(text)) return folded.map((w) => ({ folded: w }));
  const m = marked(text).split(" ");
  // Marks and folding split words alike (both turn every non-letter into a space); if a rare
  // character makes them disagree, the tone comparison is left out.
  if (m.length !== folded.length) return folded.map((w) => ({ folded: w }));
  return folded.map((w, i) => (hasMarks(m[i]) ? { folded: w, marked: m[i] } : { folded: w }));
}

/** Letters, digits and the space: the only characters of a folded text. */
const ALPHABET = 37;

/** How many of each character a folded text has (a–z, 0–9, space). */
function histogram(folded: string): Int16Array {
  const h = new Int16Array(ALPHABET);
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    h[c >= 97 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36]++;
  }
  return h;
}

/**
 * A lower bound of the edit distance of two texts: an edit adds, removes or replaces one
 * character, so the distance is at least the characters one text has beyond the other.
 */
function distanceAtLeast(a: Int16Array, b: Int16Array): number {
  let more = 0;
  let less = 0;
  for (let i = 0; i < ALPHABET; i++) {
    const d = a[i] - b[i];
    if (d > 0) more += d;
    else less -= d;
  }
  return more > less ? more : less;
}

interface Prepared<K> {
  key: K;
  name: string;
  folded: string;
  histogram: Int16Array;
  /** Vocabulary ids of its words, with their weights. */
  words: number[];
  weights: number[];
  total: number;
  /** Its distinct vocabulary ids, for the precision count. */
  set: Set<number>;
}

/** Similarity of a query word to a vocabulary word (ids), sparse: only those above 0. */
type Similar = { id: number; sim: number }[];

/** Which letters (bits 0–25) and digits (bits 0–9 of the second number) a word has. */
function charSets(w: string): [number, number] {
  let letters = 0;
  let digits = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 97 && c <= 122) letters |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) digits |= 1 << (c - 48);
  }
  return [letters, digits];
}

function bits(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}

/**
 * A lower bound of the edit distance from the kinds of characters alone: an edit brings in at
 * most one kind of character and removes at most one.
 */
function kindsApart(a: [number, number], b: [number, number]): number {
  const more = bits(a[0] & ~b[0]) + bits(a[1] & ~b[1]);
  const less = bits(b[0] & ~a[0]) + bits(b[1] & ~a[1]);
  return more > less ? more : less;
}

export function createMatcher<K>(
  entries: readonly MatchEntry<K>[],
  options: { threshold: number },
): Matcher<K> {
  // The vocabulary: every distinct word of the known names, folded and (when it has marks) marked.
  const vocab: Word[] = [];
  const vocabIds = new Map<string, number>(); // folded|marked → id
  const byLength = new Map<number, number[]>(); // folded length → ids
  const kinds: [number, number][] = []; // id → its kinds of characters
  const idOf = (w: Word): number => {
    const k = `${w.folded}|${w.marked ?? ""}`;
    let id = vocabIds.get(k);
    if (id === undefined) {
      id = vocab.length;
      vocab.push(w);
      kinds.push(charSets(w.folded));
      vocabIds.set(k, id);
      const list = byLength.get(w.folded.length);
      if (list) list.push(id);
      else byLength.set(w.folded.length, [id]);
    }
    return id;
  };
  const prepared: Prepared<K>[] = [];
  /** Folded name → the names having it, for exact matches without ranking. */
  const exact = new Map<string, Prepared<K>[]>();
  for (const e of entries) {
    for (const name of e.names) {
      const words = wordsOf(name);
      if (words.length === 0) continue;
      const folded = words.map((w) => w.folded).join(" ");
      const ids = words.map(idOf);
      const weights = words.map((w) => (EXTRA_WORDS.has(w.folded) ? 0.5 : Math.min(w.folded.length, 6)));
      const p: Prepared<K> = {
        key: e.key,
        name,
        folded,
        histogram: histogram(folded),
        words: ids,
        weights,
        total: weights.reduce((a, b) => a + b, 0),
        set: new Set(ids),
      };
      prepared.push(p);
      const same = exact.get(folded);
      if (same) same.push(p);
      else exact.set(folded, [p]);
    }
  }

  /** How a query word scores against each vocabulary word (as the old per-word comparison did). */
  const similar = new LruCache<string, Similar>(WORDS_CACHED);
  function similarTo(q: Word): Similar {
    const cacheKey = `${q.folded}|${q.marked ?? ""}`;
    return similar.getOr(cacheKey, () => {
      const out: Similar = [];
      const len = q.folded.length;
      const qKinds = charSets(q.folded);
      for (let l = Math.max(1, len - 2); l <= len + 2; l++) {
        const ids = byLength.get(l);
        if (!ids) continue;
        const tol = tolerance(Math.max(len, l));
        if (Math.abs(len - l) > tol) continue;
        for (const id of ids) {
          const w = vocab[id];
          let sim: number;
          if (w.folded === q.folded) {
            sim = q.marked !== undefined && w.marked !== undefined && q.marked !== w.marked ? TONE_TYPO : 1;
          } else {
            if (tol === 0 || kindsApart(qKinds, kinds[id]) > tol) continue;
            const d = distance(q.folded, w.folded);
            if (d > tol) continue;
            sim = 1 - d / (w.folded.length + 1);
          }
          out.push({ id, sim });
        }
      }
      return out;
    });
  }

  interface Ranked {
    k: number;
    /** The best keys scoring at least `floor`, best first (every key when -Infinity). */
    list: MatchResult<K>[];
    floor: number;
  }
  const cache = new LruCache<string, Ranked>(TEXTS_CACHED);
  const best = new Float64Array(vocab.length);

  /** True when a word of the query and the same word of the name carry different marks. */
  function toneClash(query: readonly Word[], p: Prepared<K>): boolean {
    for (let i = 0; i < query.length; i++) {
      const m = query[i].marked;
      const w = vocab[p.words[i]];
      if (m !== undefined && w.marked !== undefined && m !== w.marked) return true;
    }
    return false;
  }

  function queryOf(text: string): Word[] {
    // Scoring costs time in proportion to the text: a cell of 32 767 characters would take
    // 150 ms a row. No name is that long; its first MAX_QUERY characters decide.
    const t = text.length > MAX_QUERY ? text.slice(0, MAX_QUERY) : text;
    return wordsOf(t.replace(LEADING_BULLET, ""));
  }

  // Inverted index: vocabulary id → the names holding it, with the word's weight in each.
  const holders: { name: number; weight: number }[][] = vocab.map(() => []);
  prepared.forEach((p, n) => {
    p.words.forEach((id, i) => {
      holders[id].push({ name: n, weight: p.weights[i] });
    });
  });
  const got = new Float64Array(prepared.length);
  const explained = new Int32Array(prepared.length);
  const stamp = new Int32Array(prepared.length).fill(-1);
  const bound = new Float64Array(prepared.length);
  const part = new Float64Array(prepared.length);
  const order = prepared.map((_p, i) => i);
  const touchedName = new Uint8Array(prepared.length);
  /** A name that shares no word with the text scores at most 0.1 (extra words) + 0.2 (characters). */
  const UNTOUCHED_MAX = 0.3;

  /**
   * The `k` best keys for a text, exactly as if every name had been scored in full; none when
   * no name can reach `floor` (then nothing is remembered).
   */
  function rank(text: string, k: number, floor = -Infinity, words?: Word[]): MatchResult<K>[] {
    const hit = cache.get(text);
    if (hit && hit.k >= k && hit.floor <= floor) return hit.list.slice(0, k);
    const query = words ?? queryOf(text);
    const folded = query.map((w) => w.folded).join(" ");
    const h = histogram(folded);
    // Best similarity of each vocabulary word to any query word, and for each name how many
    // query words it explains: additions over the names that hold a word met (an index walk).
    best.fill(0);
    got.fill(0);
    explained.fill(0);
    stamp.fill(-1);
    touchedName.fill(0);
    let extra = 0;
    const touched: number[] = [];
    query.forEach((q, i) => {
      const isExtra = EXTRA_WORDS.has(q.folded);
      if (isExtra) extra++;
      for (const { id, sim } of similarTo(q)) {
        if (best[id] === 0) {
          touched.push(id);
          for (const { name } of holders[id]) touchedName[name] = 1;
        }
        if (sim > best[id]) best[id] = sim;
        if (isExtra) continue;
        for (const { name } of holders[id])
          if (stamp[name] !== i) {
            stamp[name] = i;
            explained[name]++;
          }
      }
    });
    for (const id of touched) for (const { name, weight } of holders[id]) got[name] += weight * best[id];
    // The word part of each name's score, and an upper bound of its whole score. With a floor
    // above what a name sharing no word can score, only the names the index reached are scored.
    const indexOnly = floor > UNTOUCHED_MAX && query.length > 0;
    let top = -Infinity;
    for (let n = 0; n < prepared.length; n++) {
      const p = prepared[n];
      if (indexOnly && !touchedName[n]) part[n] = bound[n] = -1;
      else if (query.length === 0) part[n] = bound[n] = 0;
      else if (folded === p.folded && !toneClash(query, p))
        part[n] = bound[n] = 2; // exact: scored 1
      else {
        part[n] = 0.7 * (got[n] / p.total) + 0.1 * ((explained[n] + extra) / query.length);
        const longest = Math.max(folded.length, p.folded.length);
        bound[n] = part[n] + 0.2 * (1 - distanceAtLeast(h, p.histogram) / longest);
      }
      if (bound[n] > top) top = bound[n];
    }
    const remember = (list: MatchResult<K>[]) => {
      if (hit && hit.floor < floor && hit.k >= k) return; // a wider ranking is kept
      const kept = Math.max(k, 3);
      cache.set(text, { k: kept, list: list.slice(0, kept), floor: indexOnly ? floor : -Infinity });
    };
    if (prepared.length === 0 || Math.min(top, 1) < floor) {
      remember([]);
      return [];
    }
    order.sort((x, y) => bound[y] - bound[x]);
    const byKey = new Map<K, MatchResult<K>>();
    let kth = -Infinity;
    for (const n of order) {
      // Every name left is bounded below the k-th key found, or below the floor: none can count.
      if (bound[n] < kth || bound[n] < floor) break;
      const p = prepared[n];
      let score: number;
      if (bound[n] === 2) score = 1;
      else if (query.length === 0) score = 0;
      else {
        const longest = Math.max(folded.length, p.folded.length);
        score = part[n] + 0.2 * (1 - distance(folded, p.folded) / longest);
      }
      const prev = byKey.get(p.key);
      if (!prev || score > prev.score) {
        byKey.set(p.key, { key: p.key, score, name: p.name });
        if (byKey.size >= k) kth = [...byKey.values()].map((r) => r.score).sort((x, y) => y - x)[k - 1];
      }
    }
    const list = [...byKey.values()].sort((x, y) => y.score - x.score || x.name.localeCompare(y.name));
    remember(list);
    return list.slice(0, k);
  }

  return {
    match(text) {
      // A name of one key, typed exactly (folded, marks agreeing), needs no ranking.
      const query = queryOf(text);
      const names = exact.get(query.map((w) => w.folded).join(" "));
      if (names && names.every((p) => p.key === names[0].key)) {
        const p = names.find((x) => !toneClash(query, x));
        if (p) return { key: p.key, score: 1, name: p.name };
      }
      // The floor leaves room for the tie check: a second key within 0.03 of the first must be seen.
      const [first, second] = rank(text, 2, options.threshold - 0.03, query);
      if (!first || first.score < options.threshold) return undefined;
      // Two keys nearly tied: the text does not decide between them.
      if (second && first.score < 1 && first.score - second.score < 0.03) return undefined;
      return first;
    },
    suggest(text, n, floor = -Infinity) {
      return rank(text, Math.max(n, 1), floor)
        .filter((r) => r.score >= floor)
        .slice(0, n);
    },
  };
}
