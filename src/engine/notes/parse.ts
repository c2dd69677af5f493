/**
 * Reading the "Ghi chú" notes of cost appendices: quotas per school ("4 GV/trường",
 * "2CBQ,GV/trường", "Hiệu trưởng", "CBQL") and per-credit prices ("442.000đ/tín chỉ x 30 tín chỉ").
 */
import { LruCache } from "../cache";
import { parseNumberText } from "../numbers/parse";
import { fold } from "../text/normalize";

/**
 * Notes are read by several rules on every check (quota, credits, unit price) and come back on
 * every re-check: their readings are remembered by text.
 */
const quotaNotes = new LruCache<string, number | null>(5_000);
const creditNotes = new LruCache<string, CreditNote | null>(5_000);

/** Head-count per school stated by a note, or undefined when the note states none. */
export function parseQuotaNote(note: string): number | undefined {
  return quotaNotes.getOr(note, (n) => readQuotaNote(n) ?? null) ?? undefined;
}

function readQuotaNote(note: string): number | undefined {
  const f = fold(note);
  if (!f) return undefined;
  // "4 GV/trường", "2CBQ,GV/trường", "3 CBQL, GV/trường", "2CBGV/trường", "02 giáo viên/trường"
  // Folded text has one space between words, so each word of the loop ends at its space: no two
  // ways to split a run of letters (a note of 30 letters without "trường" once took seconds).
  const m = /^(\d{1,3}) ?(?:[a-z]+ )*[a-z]*?(?:truong|co so|csgd|don vi)\b/.exec(f);
  if (m) return Number(m[1]);
  // One person per school: the principal, or "CBQL" alone.
  if (/^(hieu truong|giam doc|cbql|can bo quan ly|1 cbql)$/.test(f)) return 1;
  return undefined;
}

export interface CreditNote {
  /** đồng per credit */
  pricePerCredit: number;
  credits: number;
}

/** "442.000đ/tín chỉ x 30 tín chỉ" → { pricePerCredit: 442000, credits: 30 }. */
export function parseCreditNote(note: string): CreditNote | undefined {
  const read = creditNotes.getOr(note, (n) => readCreditNote(n) ?? null);
  return read === null ? undefined : { ...read };
}

function readCreditNote(note: string): CreditNote | undefined {
  const lower = note.toLowerCase().normalize("NFC");
  // The figure starts where its run of digits, separators and spaces starts (the look-behind), ends
  // on a digit or separator, and the spaces around the unit are taken once: no run of spaces can be
  // split two ways (a note of thousands of spaces once took seconds).
  const m =
    /(?<![\d.,\s])([\d.,\s]*[\d.,])\s*(?:(?:đ|đồng|d|vnđ)\s*)?\/\s*tín\s*chỉ\s*[x×*]\s*(\d{1,3})\s*tín\s*chỉ/.exec(
      lower,
    );
  if (!m) return undefined;
  const price = parseNumberText(m[1].trim());
  if (!price) return undefined;
  return { pricePerCredit: price.value, credits: Number(m[2]) };
}
