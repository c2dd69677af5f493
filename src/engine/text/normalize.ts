/**
 * Text folding for matching what users type: diacritics, case, punctuation and spacing do not
 * matter ("Ứng dụng CNTT", "ung dung cntt", "ỨNG  DỤNG-CNTT" fold to the same string).
 */

const MARKS = /[\u0300-\u036f]/g;
const NON_ALNUM = /[^a-z0-9]+/g;
/** Non-breaking and other unusual spaces that Excel users paste from Word. */
const SPACES = /[\s\u00a0\u2007\u202f\u200b\ufeff]+/g;

/** Lower case, no diacritics (đ → d), every run of non-alphanumerics as one space, trimmed. */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(NON_ALNUM, " ")
    .trim();
}

/** The folded words of a text. */
export function tokens(s: string): string[] {
  const f = fold(s);
  return f ? f.split(" ") : [];
}

/** One plain space between words, trimmed, in NFC (the text itself is otherwise kept). */
export function collapseSpaces(s: string): string {
  return s.normalize("NFC").replace(SPACES, " ").trim();
}
