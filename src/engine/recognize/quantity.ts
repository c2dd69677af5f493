/**
 * Levels and head-counts written as text in one cell, as seed 000 (the 2023 plan) prints them:
 * a "Cấp học" cell "MN, TH, THCS, THPT" and a "Số lượng dự kiến" cell "MN CL: 34 / MNNCL: 200 /
 * TH: 100 / THCS: 54", "Đối tượng A: 477 / Đối tượng B: 150" or a plain "653".
 */
import { parseNumberText } from "../numbers/parse";
import { fold } from "../text/normalize";
import type { ToneTable } from "../text/tone";
import type { CountPart, Sector } from "./model";

/**
 * Separators between the levels of a "Cấp học" cell, with the spaces around them. The spaces
 * before one are taken only from the start of a run of spaces ("(?<!\s)"): the same matches as a
 * plain "\s*", without retrying every position of a long run of spaces (quadratic on a hostile cell).
 * "và" is a word between letter edges: JavaScript's \b takes "à" for a non-word character, so
 * "\bvà\b" matched inside a word ("vào", "vàTHPT") and never between words ("Mầm non và THCS").
 */
const LEVEL_SEPARATORS =
  /(?:(?<!\s)\s+)?(?:[,;/+&\n]|\s-\s|(?<![\p{L}\p{N}\p{M}])(?:và|va)(?![\p{L}\p{N}\p{M}]))\s*/u;

/** The levels a "Cấp học" cell names, in order, and the pieces that name none. */
export function readLevelList(text: string, levels: ToneTable<string>): { ids: string[]; unread: string[] } {
  const ids: string[] = [];
  const unread: string[] = [];
  for (const piece of text.split(LEVEL_SEPARATORS)) {
    const t = piece.replace(/^(?:cấp|cap)\s+/iu, "").trim();
    if (!t) continue;
    const id = levels.get(t) ?? levels.get(piece.trim());
    if (id === undefined) unread.push(piece.trim());
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, unread };
}

const SECTORS: [RegExp, Sector][] = [
  [/^(.*?)\s*(?:ngoai cong lap|ncl|tu thuc|dan lap)$/, "ngoai-cong-lap"],
  [/^(.*?)\s*(?:cong lap|cl)$/, "cong-lap"],
];

/** "Đối tượng A", "ĐT B", "Nhóm 1": a target group by its letter or number. */
const GROUP = /^(?:doi tuong|dt|nhom)\s*([a-z0-9]{1,2})$/;

/** What a part's label names: a level, a level and a sector, a sector, or a target group. */
function readLabel(
  label: string,
  levels: ToneTable<string>,
): Pick<CountPart, "level" | "sector" | "group"> | undefined {
  const f = fold(label);
  if (!f) return {};
  const g = GROUP.exec(f);
  if (g) return { group: g[1].toUpperCase() };
  const level = levels.get(label);
  if (level !== undefined) return { level };
  for (const [re, sector] of SECTORS) {
    const m = re.exec(f) ?? re.exec(f.replace(/ /g, ""));
    if (!m) continue;
    if (!m[1]) return { sector };
    const l = levels.get(m[1]);
    if (l !== undefined) return { level: l, sector };
  }
  return undefined;
}

/** Separators between the parts of a head-count cell; the leading spaces as in LEVEL_SEPARATORS. */
const COUNT_SEPARATORS = /(?:(?<!\s)\s+)?(?:\n|;|,\s+(?=\p{L})|\s\/\s)\s*/u;

/**
 * The longest part of a head-count cell read as a count ("Giáo viên THCS công lập: 477 người" has
 * 34 characters); a longer part is unread. The pattern that reads a part backtracks in cubic time
 * on a hostile text, which this bound keeps to milliseconds.
 */
const MAX_COUNT_PART = 120;

/**
 * The parts of a head-count cell. Lines and ";" separate parts, and ", " before a letter; a label
 * ends with ":" (a line ending with ":" continues on the next: "Đối tượng A:\n477"). A part without
 * a label ("653") is a plain count. Returns undefined when the text holds no count at all.
 */
export function readCountParts(
  text: string,
  levels: ToneTable<string>,
): { parts: CountPart[]; unread: string[]; unreadSum: number } | undefined {
  const joined = text.normalize("NFC").replace(/:\s*\n\s*/g, ": ");
  const pieces = joined
    .split(COUNT_SEPARATORS)
    .map((p) => p.trim())
    .filter(Boolean);
  const parts: CountPart[] = [];
  const unread: string[] = [];
  let unreadSum = 0;
  for (const piece of pieces) {
    // "MN CL: 34", "TH - 100", "THCS 54", "653 người", "Đối tượng A: 477 GV"
    const m =
      piece.length <= MAX_COUNT_PART
        ? /^(.*?)[\s:=–-]*(\d[\d.,\s]*?)\s*(?:người|ng|gv|cbql|cbgv|học viên|hv)?\.?$/iu.exec(piece)
        : null;
    const n = m ? parseNumberText(m[2].trim(), { integer: true }) : undefined;
    if (!m || !n || n.unitScale !== undefined || !Number.isInteger(n.value)) {
      unread.push(piece);
      continue;
    }
    const label = m[1].replace(/[\s:=–-]+$/u, "").trim();
    const what = readLabel(label, levels);
    if (what === undefined) {
      // A count whose label names nothing the rulebook knows: in the total, attributed to nothing.
      unread.push(piece);
      unreadSum += n.value;
      continue;
    }
    parts.push({ ...what, value: n.value, text: piece });
  }
  return parts.length > 0 || unreadSum > 0 ? { parts, unread, unreadSum } : undefined;
}
