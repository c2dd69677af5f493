/**
 * Text folding for matching what users type: diacritics, case, punctuation and spacing do not
 * matter ("Ứng dụng CNTT", "ung dung cntt", "ỨNG  DỤNG-CNTT" fold to the same string).
 */
import { LruCache } from "../cache";

const MARKS = /[\u0300-\u036f]/g;
const NON_ALNUM = /[^a-z0-9]+/g;
/** Non-breaking and other unusual spaces that Excel users paste from Word. */
const SPACES = /[\s\u00a0\u2007\u202f\u200b\ufeff]+/g;

/** Lower case, no diacritics (đ → d), every run of non-alphanumerics as one space, trimmed. */
export function fold(s: string): string {
  // Long texts (course names, headers, titles) come back again and again; short ones are cheap.
  if (s.length < 24) return foldText(s);
  let f = folded.get(s);
  if (f === undefined) {
    f = foldText(s);
    folded.set(s, f);
  }
  return f;
}

const folded = new LruCache<string, string>(10_000);

/** Folded form of each non-ASCII character met so far ("ế" → "e", "Đ" → "d", "–" → ""). */
const foldedChars = new Map<number, string>();

function foldChar(code: number): string {
  let f = foldedChars.get(code);
  if (f === undefined) {
    f = String.fromCharCode(code)
      .normalize("NFD")
      .replace(MARKS, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase()
      .replace(NON_ALNUM, "");
    foldedChars.set(code, f);
  }
  return f;
}

// One pass over the characters (no regular expressions): this runs on every label of every row.
function foldText(s: string): string {
  let out = "";
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    let piece: string;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) piece = s[i];
    else if (code >= 65 && code <= 90) piece = String.fromCharCode(code + 32);
    else if (code < 128) piece = "";
    else if (code >= 0x300 && code <= 0x36f)
      continue; // a combining mark (text in NFD)
    else piece = foldChar(code);
    if (piece === "") {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += " ";
      space = false;
    }
    out += piece;
  }
  return out;
}

/** The folded words of a text. */
export function tokens(s: string): string[] {
  const f = fold(s);
  return f ? f.split(" ") : [];
}

const CLEAN = 0;
const SPACES_ONLY = 1;
const NEEDS_NFC = 2;

/**
 * What a text needs: nothing (CLEAN), its spaces collapsed (SPACES_ONLY), or NFC first
 * (NEEDS_NFC). Characters of Vietnamese and Latin text, punctuation and currency signs are
 * already in NFC when precomposed; combining marks and other scripts go through normalize().
 */
function scan(s: string): number {
  let need = CLEAN;
  const n = s.length;
  if (n === 0) return CLEAN;
  if (s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) need = SPACES_ONLY;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) need = SPACES_ONLY;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c < 32 || c === 0x85 || c === 0xa0) need = SPACES_ONLY;
    else if (c >= 0x300 && !(c >= 0x1e00 && c <= 0x1eff) && !(c >= 0x2000 && c <= 0x20cf)) {
      if (c <= 0x36f || c > 0x24f) return NEEDS_NFC;
    } else if (c >= 0x2000 && c <= 0x200b) need = SPACES_ONLY;
    else if (c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f) need = SPACES_ONLY;
  }
  return need;
}

/** One plain space between words, trimmed, in NFC (the text itself is otherwise kept). */
export function collapseSpaces(s: string): string {
  const need = scan(s);
  if (need === CLEAN) return s;
  // Messy texts (Word's spaces, line breaks, NFD) are few but read many times: remember them.
  let out = collapsed.get(s);
  if (out === undefined) {
    out = (need === NEEDS_NFC ? s.normalize("NFC") : s).replace(SPACES, " ").trim();
    collapsed.set(s, out);
  }
  return out;
}

const collapsed = new LruCache<string, string>(10_000);
