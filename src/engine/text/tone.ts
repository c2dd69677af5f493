/**
 * Vietnamese tone marks carry meaning: "Cộng" (total) is not "Công" (as in "Công tác"), "Tổng" is
 * not "Tông", "Năm" (year) is not "Nam" (male), "Tiểu học" is not "Tiêu học". Words that decide
 * how a table is read (total rows, level names, genders, header words) are matched with their
 * marks; folding the marks away (text/normalize.ts) is only a fallback, taken when the cell has no
 * diacritics at all (typed on a keyboard without Vietnamese input) or the known word has none.
 */
import { LruCache } from "../cache";
import { fold } from "./normalize";

/** Latin letters with diacritics (đ included) and combining marks: what "has marks" means. */
// eslint-disable-next-line no-misleading-character-class -- combining marks (U+0300–036F) are meant: text in NFD
const MARKED_CHAR = /[\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff]/;

/** True when the text has at least one Vietnamese (or other Latin) letter with a diacritic, or đ. */
export function hasMarks(s: string): boolean {
  return MARKED_CHAR.test(s);
}

const NON_WORD = /[^\p{L}\p{N}\p{M}]+/gu;

/**
 * Lower case in NFC with the tone marks kept; every run of other characters becomes one space
 * ("TỔNG SỐ:" → "tổng số"). The marked twin of fold().
 */
export function marked(s: string): string {
  if (!hasMarks(s)) return fold(s);
  let m = markedCache.get(s);
  if (m === undefined) {
    m = s.normalize("NFC").toLowerCase().replace(NON_WORD, " ").trim();
    markedCache.set(s, m);
  }
  return m;
}

const markedCache = new LruCache<string, string>(10_000);

/**
 * Regular-expression source written with marks ("^(tổng số|cộng)\b") turned into its folded twin
 * ("^(tong so|cong)\b"); regex syntax is left as it is.
 */
function foldPattern(source: string): string {
  return source
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

/** `\b` for texts with Vietnamese letters, which JavaScript's `\b` takes for non-word characters. */
const WORD_EDGE =
  "(?:(?<=[\\p{L}\\p{N}\\p{M}])(?![\\p{L}\\p{N}\\p{M}])|(?<![\\p{L}\\p{N}\\p{M}])(?=[\\p{L}\\p{N}\\p{M}]))";

/**
 * A pattern over words, written with their marks, that a cell matches with its marks — or, when
 * the cell has none at all, folded. Test texts as they are typed (not folded).
 */
export class TonePattern {
  private readonly withMarks: RegExp;
  private readonly folded: RegExp;

  constructor(source: string) {
    this.withMarks = new RegExp(source.replace(/\\b/g, WORD_EDGE), "u");
    this.folded = new RegExp(foldPattern(source));
  }

  test(text: string): boolean {
    return hasMarks(text) ? this.withMarks.test(marked(text)) : this.folded.test(fold(text));
  }

  /** The match on the text's marked (or folded) form. */
  exec(text: string): RegExpExecArray | null {
    return hasMarks(text) ? this.withMarks.exec(marked(text)) : this.folded.exec(fold(text));
  }
}

/**
 * Known words or names → a value, looked up with the marks when both the text and the known name
 * have them, folded otherwise ("Mầm non", "mam non", "MN" → MN; "Mâm non" → nothing).
 * Keys are kept in Maps: any text, "constructor" or "__proto__" included, is an ordinary key.
 */
export class ToneTable<V> {
  /** marked(name) → value, for names with marks. */
  private readonly byMarked = new Map<string, V>();
  /** fold(name) → value, for every name (texts without marks look here). */
  private readonly byFolded = new Map<string, V>();
  /** fold(name) → value, for names without marks (texts with marks fall back here). */
  private readonly plain = new Map<string, V>();

  /**
   * `plainFallback`: whether a text with marks may match a known name typed without any (a
   * rulebook alias "Mam non"). Off where the unmarked names are words of their own: "Nam" (male)
   * must not take "Năm" (year).
   */
  constructor(
    entries: Iterable<readonly [string, V]> = [],
    private readonly plainFallback = true,
  ) {
    for (const [name, value] of entries) this.add(name, value);
  }

  /** Adds a name; the first value given for a name is kept. */
  add(name: string, value: V): this {
    this.memo.clear();
    const f = fold(name);
    if (!f) return this;
    if (!this.byFolded.has(f)) this.byFolded.set(f, value);
    if (hasMarks(name)) {
      const m = marked(name);
      if (!this.byMarked.has(m)) this.byMarked.set(m, value);
    } else if (!this.plain.has(f)) this.plain.set(f, value);
    return this;
  }

  get(text: string): V | undefined {
    // Header cells and level names come back on every check: remember the answers.
    const memo = this.memo.get(text);
    if (memo !== undefined) return memo ?? undefined;
    const v = this.lookup(text);
    this.memo.set(text, v ?? null);
    return v;
  }

  private readonly memo = new LruCache<string, V | null>(2_000);

  private lookup(text: string): V | undefined {
    if (!hasMarks(text)) return this.byFolded.get(fold(text));
    const hit = this.byMarked.get(marked(text));
    return hit !== undefined || !this.plainFallback ? hit : this.plain.get(fold(text));
  }

  has(text: string): boolean {
    return this.get(text) !== undefined;
  }
}
