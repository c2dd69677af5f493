/** Words that decide how a row is read, matched with their tone marks (text/tone.ts). */
import { fold } from "../text/normalize";
import { hasMarks, TonePattern } from "../text/tone";

/**
 * A total line: "Tổng số:", "Tổng cộng", "Cộng", "TỔNG", "Tổng kinh phí", "Cộng I", "Tổng cộng
 * (I+II)" — with the marks: "Công tác truyền thông…" is a course, "Tông" is no total. The words
 * after the total word are few and known, so that "Tổng kết, đánh giá…" stays a line. No text
 * is two sequences of those words ("c" is a numeral, not a letter; "nhu cầu kinh phí" is "nhu
 * cầu" and "kinh phí"): two readings of each repeated word made the match exponential ("Tổng c c
 * … c z", 24 words: a second; 40: hours).
 */
export const TOTAL_LABEL = new TonePattern(
  "^(tổng số|tổng cộng|cộng tổng|cộng|tổng)( (số|cộng|chung|toàn bộ|kinh phí|nhu cầu|số tiền|số người|các năm|cả năm|giai đoạn|toàn thành phố|mục|phần|năm \\d{4}|[ivxlc]{1,4}|[abd-h]|\\d{1,2}))*$",
);

/** TOTAL_LABEL on a cell's text, quickly false for the many lines that start with another word. */
export function isTotalLabel(text: string): boolean {
  const first = text.charCodeAt(0) | 32;
  // "Tổng…", "Cộng…" start with t or c (any case), and fold to "tong", "cong".
  if (first !== 116 && first !== 99) return false;
  const head = fold(text.slice(0, 6));
  if (!head.startsWith("tong") && !head.startsWith("cong")) return false;
  return TOTAL_LABEL.test(text);
}

/**
 * The label of an amount in words, at the start of a line: "Bằng chữ", "Số tiền bằng chữ", "Tổng
 * số tiền bằng chữ", "Tổng kinh phí bằng chữ", "Số tiền (viết bằng chữ)" — with the marks: "Mua
 * bảng chữ cái" (alphabet charts) is a line of the table, and so is "Dạy học bằng chữ nổi"
 * (Braille), whose "bằng chữ" is no label. Fixed words, each group tried once: linear.
 */
const WORDS_LABEL = new TonePattern("^((tổng )?(số tiền|kinh phí|số|cộng) |tổng )?(viết )?bằng chữ\\b");

/**
 * Any other label: up to six words before "bằng chữ" ("Tổng kinh phí thực hiện bằng chữ", "Số tiền
 * đề nghị (bằng chữ)", "Thành tiền bằng chữ") — a label only when the typed text closes it there
 * (labelEnds). The first "bằng chữ" is taken (lazy count). Each word is a run without a space and
 * ends at one, so a text splits into words one way only; at most seven tries: linear.
 */
const WORDS_LABEL_AFTER_WORDS = new TonePattern("^([^ ]+ ){0,6}?bằng chữ\\b");

/** A character of a word as marked() splits words (letters, digits, marks). */
const MARKED_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * The text after the words label that starts `text`, from its first letter or digit ("(Tổng số tiền
 * bằng chữ: Một tỷ đồng)" → "Một tỷ đồng)", "Bằng chữ:" → ""); undefined when the text does not
 * start with such a label. A "Tổng…" line that is this label is no total line.
 */
export function wordsAfterLabel(text: string): string | undefined {
  // Most lines hold no "bằng chữ" at all: one folded look (fold() keeps long texts).
  if (!fold(text).includes("bang chu")) return undefined;
  const known = WORDS_LABEL.exec(text);
  const m = known ?? WORDS_LABEL_AFTER_WORDS.exec(text);
  if (!m) return undefined;
  // Find the label's words in the typed text, counted as the match counted them: marked() splits
  // at any character that is no letter, digit or mark; fold() also at letters it drops (Greek, CJK).
  const withMarks = hasMarks(text);
  const isWordChar = (ch: string) => (withMarks ? MARKED_WORD_CHAR.test(ch) : fold(ch) !== "");
  let words = m[0].split(" ").length;
  let inWord = false;
  let end = -1; // where the label's last word ends
  let i = 0;
  for (const ch of text) {
    const w = isWordChar(ch);
    if (w && !inWord && words-- === 0) break; // the first letter after the label
    if (!w && inWord && words === 0 && end < 0) end = i;
    inWord = w;
    i += ch.length;
  }
  if (!known && !labelEnds(text, end < 0 ? i : end)) return undefined;
  return text.slice(i);
}

/**
 * Whether the typed text closes a words label at `end` (just after "chữ"): with ":", with ")" that
 * closes a "(" before it ("Số tiền đề nghị (bằng chữ): …"), or at the end of the cell (the words in
 * the next one). "Dạy học bằng chữ nổi Braille", "ghi số tiền bằng chữ và bằng số" go on: no label.
 */
function labelEnds(text: string, end: number): boolean {
  const rest = text.slice(end).trimStart();
  if (rest === "" || rest.startsWith(":") || rest.startsWith("：")) return true;
  if (!rest.startsWith(")")) return false;
  let open = 0;
  for (let k = 0; k < end; k++) {
    if (text[k] === "(") open++;
    else if (text[k] === ")" && open > 0) open--;
  }
  return open > 0;
}
