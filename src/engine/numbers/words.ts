/**
 * Amounts in Vietnamese words, as plans write them under a table ("Bằng chữ: …"), and back.
 *
 *   179 292 000 000 → "Một trăm bảy mươi chín tỷ hai trăm chín mươi hai triệu đồng"
 *   1 050 000       → "Một triệu không trăm năm mươi nghìn đồng"
 *   105             → "một trăm linh năm";  21 → "hai mươi mốt";  15 → "mười lăm";  24 → "hai mươi tư"
 *
 * Reading rules: "mốt" for 1 after a tens word above ten, "lăm" for 5 after any tens word, "tư" for
 * 4 after a tens word above ten, "linh" for a zero tens digit, "không trăm" inside a larger
 * number, groups of three zeros skipped, and "tỷ" repeating for numbers of a thousand billion and
 * more ("một nghìn tỷ").
 */
import { fold } from "../text/normalize";

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
const GROUPS = ["", "nghìn", "triệu"];

/** Reads a group of three digits; `full` reads "không trăm"/"linh" as inside a larger number. */
function readGroup(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  if (full || h > 0) out.push(DIGITS[h], "trăm");
  if (t === 0) {
    if (u > 0) {
      if (out.length > 0) out.push("linh");
      out.push(DIGITS[u]);
    }
  } else if (t === 1) {
    out.push("mười");
    if (u === 5) out.push("lăm");
    else if (u > 0) out.push(DIGITS[u]);
  } else {
    out.push(DIGITS[t], "mươi");
    if (u === 1) out.push("mốt");
    else if (u === 4) out.push("tư");
    else if (u === 5) out.push("lăm");
    else if (u > 0) out.push(DIGITS[u]);
  }
  return out;
}

function words(n: number, full: boolean): string[] {
  if (n >= 1e9) {
    const head = words(Math.floor(n / 1e9), full);
    const rest = n % 1e9;
    return rest === 0 ? [...head, "tỷ"] : [...head, "tỷ", ...words(rest, true)];
  }
  const groups: number[] = [];
  for (let m = n; m > 0; m = Math.floor(m / 1000)) groups.push(m % 1000);
  const out: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    if (groups[i] === 0) continue;
    const leading = !full && i === groups.length - 1;
    out.push(...readGroup(groups[i], !leading));
    if (GROUPS[i]) out.push(GROUPS[i]);
  }
  return out;
}

/** Words of a non-negative integer, lower case, without unit ("không" for 0). */
export function numberToWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`Không đọc được số ${n} thành chữ (cần số nguyên không âm).`);
  if (n === 0) return "không";
  return words(n, false).join(" ");
}

/** "Một trăm … đồng" for an amount in đồng (rounded to the đồng; negative amounts read "Âm …"). */
export function amountInWords(dong: number): string {
  const n = Math.round(dong);
  const w = n < 0 ? `âm ${numberToWords(-n)}` : numberToWords(n);
  return `${w.charAt(0).toUpperCase()}${w.slice(1)} đồng`;
}

const DIGIT_WORDS: Record<string, number> = {
  khong: 0,
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  nham: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};
const SKIP = new Set([
  "linh",
  "le",
  "dong",
  "chan",
  "vnd",
  "va",
  "bang",
  "chu",
  "so",
  "tien",
  "tong",
  "cong",
]);

/**
 * The integer that Vietnamese words state, or undefined when the text is not a reading of a
 * number. Accepts the common variants: "ngàn", "tỉ", "lẻ", "mười"/"mươi" without diacritics.
 */
export function wordsToNumber(text: string): number | undefined {
  const colon = text.lastIndexOf(":");
  const toks = fold(colon >= 0 ? text.slice(colon + 1) : text)
    .split(" ")
    .filter(Boolean);
  let total = 0;
  let belowTy = 0;
  let group = 0;
  let digit: number | undefined;
  let any = false;
  for (const t of toks) {
    if (Object.hasOwn(DIGIT_WORDS, t)) {
      if (digit !== undefined) return undefined;
      digit = DIGIT_WORDS[t];
      any = true;
    } else if (t === "tram") {
      if (digit === undefined) return undefined;
      group += digit * 100;
      digit = undefined;
    } else if (t === "muoi") {
      group += (digit ?? 1) * 10;
      digit = undefined;
      any = true;
    } else if (t === "nghin" || t === "ngan" || t === "trieu") {
      belowTy += (group + (digit ?? 0)) * (t === "trieu" ? 1e6 : 1e3);
      group = 0;
      digit = undefined;
    } else if (t === "ty" || t === "ti") {
      total += (belowTy + group + (digit ?? 0)) * 1e9;
      belowTy = group = 0;
      digit = undefined;
    } else if (t === "am" && !any) {
      continue;
    } else if (!SKIP.has(t)) {
      return undefined;
    }
  }
  if (!any) return undefined;
  const n = total + belowTy + group + (digit ?? 0);
  return fold(text).startsWith("am ") ? -n : n;
}

/** True when the words state this amount in đồng (whatever the spelling variant). */
export function wordsMatchAmount(text: string, dong: number): boolean {
  return wordsToNumber(text) === Math.round(dong);
}
