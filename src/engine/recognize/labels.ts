/** Words that decide how a row is read, matched with their tone marks (text/tone.ts). */
import { fold } from "../text/normalize";
import { TonePattern } from "../text/tone";

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
