/**
 * Reading the "Ghi chú" notes of cost appendices: quotas per school ("4 GV/trường",
 * "2CBQ,GV/trường", "Hiệu trưởng", "CBQL") and per-credit prices ("442.000đ/tín chỉ x 30 tín chỉ").
 */
import { parseNumberText } from "../numbers/parse";
import { fold } from "../text/normalize";

/** Head-count per school stated by a note, or undefined when the note states none. */
export function parseQuotaNote(note: string): number | undefined {
  const f = fold(note);
  if (!f) return undefined;
  // "4 GV/trường", "2CBQ,GV/trường", "3 CBQL, GV/trường", "2CBGV/trường", "02 giáo viên/trường"
  const m = /^(\d{1,3})\s*(?:[a-z]+\s*)*(?:truong|co so|csgd|don vi)\b/.exec(f);
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
  const lower = note.toLowerCase().normalize("NFC");
  const m = /([\d.,\s]+)\s*(?:đ|đồng|d|vnđ)?\s*\/\s*tín\s*chỉ\s*[x×*]\s*(\d{1,3})\s*tín\s*chỉ/.exec(lower);
  if (!m) return undefined;
  const price = parseNumberText(m[1].trim());
  if (!price) return undefined;
  return { pricePerCredit: price.value, credits: Number(m[2]) };
}
