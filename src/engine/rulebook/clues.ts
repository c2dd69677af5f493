/**
 * What a workbook says about the plan it belongs to, read from the title lines of each sheet
 * before any rulebook is known: the years ("NĂM 2024", "năm học 2023-2024", "giai đoạn
 * 2026-2030"), the province ("Ủy ban nhân dân thành phố Hải Phòng", "UBND TỈNH BÌNH PHƯỚC") and the
 * kind of plan (regular in-service training, BDTX, or a training plan). Pure: a snapshot in, clues out.
 *
 * Title lines are the rows above the column header, found as the recognizer finds it (the row
 * whose cells are column words: TT, Nội dung, the levels, Đơn giá… — recognize/headers.ts), at
 * most MAX_TITLE_ROWS. A title merged across A1:E1 whose text an exporter repeats in every cell
 * is a title line, not a header. Lines that cite another document ("Kèm theo Kế hoạch số …
 * năm 2025"), dates ("Hải Phòng, ngày … tháng … năm 2023") and horizons ("tầm nhìn đến năm
 * 2030") name no year of the plan. Vietnamese words are matched with their tone marks (a title
 * typed without any diacritics is matched folded).
 */
import { toA1 } from "../a1";
import { cellText, Grid } from "../recognize/grid";
import { findHeader, roleOf } from "../recognize/headers";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { fold } from "../text/normalize";
import { ToneTable } from "../text/tone";
import { PROVINCES } from "./provinces";

export const MAX_TITLE_ROWS = 15;

export type PlanKind = "bdtx" | "plan";

/** A year (or years) read from a title line, with the words that said it and where. */
export interface YearClue {
  /** Every year the clue names: one, a school year's two, or a period's. */
  years: number[];
  /** "cited": only the date of the plan a line cites ("Kèm theo Kế hoạch số 03 … năm 2022"), the weakest. */
  how: "year" | "school-year" | "period" | "sheet-name" | "cited";
  /** The words as typed, e.g. "NĂM 2024", "năm học 2023-2024", or the sheet's name. */
  text: string;
  /** The cell that holds it (A1), absent for a sheet name. */
  cell?: string;
}

export interface SheetClues {
  sheet: string;
  /** The clue that decides the sheet's years: a year of the plan first, then a school year, a period, the sheet's name. */
  years?: YearClue;
  /** Province names found in the title lines, as written in PROVINCES or by a candidate. */
  provinces: string[];
  kind?: PlanKind;
}

export interface WorkbookClues {
  sheets: SheetClues[];
}

/** Old and new tone placement ("hoà"/"hòa", "thuý"/"thúy") read as one: the mark moves to the first vowel. */
const TONE_PLACE = /o([àáảãạèéẻẽẹ])|u([ỳýỷỹỵ])/g;
const MOVE: Record<string, string> = {
  à: "òa",
  á: "óa",
  ả: "ỏa",
  ã: "õa",
  ạ: "ọa",
  è: "òe",
  é: "óe",
  ẻ: "ỏe",
  ẽ: "õe",
  ẹ: "ọe",
  ỳ: "ùy",
  ý: "úy",
  ỷ: "ủy",
  ỹ: "ũy",
  ỵ: "ụy",
};

/** Lower case, NFC, single spaces: what the patterns read. */
const lower = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();

/** lower(), with one tone placement: what province names are compared with. */
export function toneText(s: string): string {
  return s
    .normalize("NFC")
    .toLocaleLowerCase("vi")
    .replace(/\s+/g, " ")
    .trim()
    .replace(TONE_PLACE, (m, a?: string, b?: string) => MOVE[a ?? b ?? ""] ?? m);
}

/** Whether a text has any Vietnamese letter with a mark (else it is matched folded). */
const hasMarks = (s: string) => /[^ -~\s]/.test(s);

interface Line {
  text: string;
  cell: string;
  /** lower() of the line, or its folded form when it has no marks at all. */
  norm: string;
  marked: boolean;
}

/**
 * Level names of the candidates' rulebooks (with the usual ones), which a header may carry as its
 * only column words ("MN", "TH", "THCS").
 */
export function levelWords(
  rulebooks: readonly { levels: readonly { id: string; name: string; aliases: readonly string[] }[] }[] = [],
): ToneTable<string> {
  const t = new ToneTable<string>();
  for (const [id, name] of COMMON_LEVELS) t.add(id, id).add(name, id);
  for (const rb of rulebooks)
    for (const l of rb.levels) for (const n of [l.id, l.name, ...l.aliases]) t.add(n, l.id);
  return t;
}

const COMMON_LEVELS = [
  ["MN", "Mầm non"],
  ["TH", "Tiểu học"],
  ["THCS", "Trung học cơ sở"],
  ["THPT", "Trung học phổ thông"],
  ["GDTX", "Giáo dục thường xuyên"],
] as const;

let defaultLevels: ToneTable<string> | undefined;

/**
 * The row (0-based, from the sheet's first row) of the column header: the recognizer's header
 * (recognize/headers.ts findHeader), else the first row with two cells that are column words or
 * level names, or else the first row of three figures; undefined when no row is (then every row
 * up to MAX_TITLE_ROWS may be a title line).
 */
function headerRow(sheet: SheetSnapshot, levels: ToneTable<string>): number | undefined {
  const r0 = sheet.origin?.row ?? 0;
  let grid: Grid;
  try {
    grid = new Grid(sheet);
  } catch {
    return undefined;
  }
  const found = findHeader(grid, levels, MAX_TITLE_ROWS + 5);
  if (found) return found.rows[0] - r0;
  const rows = Math.min(sheet.values.length, MAX_TITLE_ROWS);
  for (let r = 0; r < rows; r++) {
    let words = 0;
    let numbers = 0;
    for (const v of sheet.values[r] ?? []) {
      if (typeof v === "number") numbers++;
      const t = typeof v === "string" ? v.trim() : "";
      if (t && t.length <= 80 && (roleOf(t) !== undefined || levels.has(t))) words++;
    }
    // Column words, or the table's first row of figures: the titles are above.
    if (words >= 2 || numbers >= 3) return r;
  }
  return undefined;
}

/** The title lines of a sheet: rows above the header, each joined, with its first cell. */
export function titleLines(
  sheet: SheetSnapshot,
  max = MAX_TITLE_ROWS,
  levels: ToneTable<string> = (defaultLevels ??= levelWords()),
): Line[] {
  const out: Line[] = [];
  const r0 = sheet.origin?.row ?? 0;
  const c0 = sheet.origin?.col ?? 0;
  const rows = Math.min(sheet.values.length, max, headerRow(sheet, levels) ?? Infinity);
  for (let r = 0; r < rows; r++) {
    const row = sheet.values[r] ?? [];
    const texts: string[] = [];
    let first = -1;
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]);
      if (!t || typeof row[c] !== "string") continue;
      // A merged title repeated in every cell of its merge (as exporters write it) is said once.
      if (texts.length > 0 && texts[texts.length - 1] === (t.length > 500 ? t.slice(0, 500) : t)) continue;
      if (first < 0) first = c;
      texts.push(t.length > 500 ? t.slice(0, 500) : t);
    }
    if (texts.length === 0) continue;
    const text = texts.join(" ");
    const marked = hasMarks(text);
    out.push({ text, cell: toA1(r0 + r, c0 + first), norm: marked ? lower(text) : fold(text), marked });
  }
  return out;
}

// Patterns on toneText (marked) and on fold (unmarked) lines.
const P = (marked: string, folded: string) => ({
  marked: new RegExp(marked, "gu"),
  folded: new RegExp(folded, "g"),
});
const W = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";
const CITATION = P(
  `${W}(kèm theo|ban hành kèm|kế hoạch số|quyết định số|công văn số|thông tư số|nghị định số)${E}`,
  "\\b(kem theo|ban hanh kem|ke hoach so|quyet dinh so|cong van so|thong tu so|nghi dinh so)\\b",
);
const DATE = P(`${W}ngày${E}.*${W}tháng${E}.*${W}năm \\d{4}`, "\\bngay\\b.*\\bthang\\b.*\\bnam \\d{4}");
const HORIZON = P(
  `${W}(?:tầm nhìn |định hướng )?(?:đến|tới) năm \\d{4}`,
  "\\b(?:tam nhin |dinh huong )?(?:den|toi) nam \\d{4}",
);
const SCHOOL_YEAR = P(`${W}năm học (\\d{4}) ?[-–—] ?(\\d{4})${E}`, "\\bnam hoc (\\d{4}) (\\d{4})\\b");
const PERIOD = P(
  `(?:${W}giai đoạn )?${W}(\\d{4}) ?[-–—] ?(\\d{4})${E}`,
  "(?:\\bgiai doan )?\\b(\\d{4}) (\\d{4})\\b",
);
const YEAR = P(`${W}năm (\\d{4})${E}`, "\\bnam (\\d{4})\\b");
const BDTX = P(`${W}(bồi dưỡng thường xuyên|bdtx)${E}`, "\\b(boi duong thuong xuyen|bdtx)\\b");
const PLAN = P(
  `${W}(đào tạo|nâng chuẩn|nâng trình độ|kinh phí|nhiệm vụ|đăng ký|đề án)${E}`,
  "\\b(dao tao|nang chuan|nang trinh do|kinh phi|nhiem vu|dang ky|de an)\\b",
);

const pick = (p: { marked: RegExp; folded: RegExp }, l: Line) => {
  const re = l.marked ? p.marked : p.folded;
  re.lastIndex = 0;
  return re;
};
const test = (p: { marked: RegExp; folded: RegExp }, l: Line) => pick(p, l).test(l.norm);
const plausible = (y: number) => y >= 1990 && y <= 2100;

/** The words of the original line that a match on its normalised form covers (same length when marked). */
function original(l: Line, m: RegExpExecArray): string {
  if (l.marked) {
    const flat = l.text.normalize("NFC").replace(/\s+/g, " ").trim();
    if (flat.length === l.norm.length) return flat.slice(m.index, m.index + m[0].length);
  }
  return m[0];
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let y = a; y <= b; y++) out.push(y);
  return out;
}

type Found = { year?: YearClue; school?: YearClue; period?: YearClue; cited?: YearClue };

function yearClues(lines: readonly Line[]): Found {
  const found: Found = {};
  const years = new Set<number>();
  let yearText: string[] = [];
  let yearCell: string | undefined;
  for (const l of lines) {
    if (test(CITATION, l) || test(DATE, l)) {
      // The plan's own date, when a title says nothing else (the 2022 plan's appendices).
      const m = [...l.norm.matchAll(pick(YEAR, l))].pop();
      if (m && plausible(Number(m[1])))
        found.cited ??= { years: [Number(m[1])], how: "cited", text: original(l, m), cell: l.cell };
      continue;
    }
    let rest = l.norm.replace(pick(HORIZON, l), (m) => " ".repeat(m.length));
    for (const m of rest.matchAll(pick(SCHOOL_YEAR, l))) {
      const [a, b] = [Number(m[1]), Number(m[2])];
      if (plausible(a) && b === a + 1)
        found.school ??= { years: [a, b], how: "school-year", text: original(l, m), cell: l.cell };
    }
    rest = rest.replace(pick(SCHOOL_YEAR, l), (m) => " ".repeat(m.length));
    for (const m of rest.matchAll(pick(PERIOD, l))) {
      const [a, b] = [Number(m[1]), Number(m[2])];
      if (plausible(a) && plausible(b) && b > a && b - a <= 15)
        found.period ??= { years: range(a, b), how: "period", text: original(l, m), cell: l.cell };
    }
    rest = rest.replace(pick(PERIOD, l), (m) => " ".repeat(m.length));
    for (const m of rest.matchAll(pick(YEAR, l))) {
      const y = Number(m[1]);
      if (!plausible(y) || years.has(y)) continue;
      years.add(y);
      yearText.push(original(l, m));
      yearCell ??= l.cell;
    }
  }
  if (years.size > 0) {
    yearText = yearText.slice(0, 3);
    found.year = {
      years: [...years].sort((a, b) => a - b),
      how: "year",
      text: yearText.join(", "),
      cell: yearCell,
    };
  }
  return found;
}

/**
 * Names of provinces (and of the candidates' provinces) that the lines name as the plan's
 * province: after "tỉnh", "thành phố" or "TP", or before ", ngày" (the place and date line).
 * A name alone ("tư tưởng Hồ Chí Minh") is no province.
 */
export function provincesIn(lines: readonly Line[], extra: readonly string[] = []): string[] {
  const names = [...new Set([...PROVINCES, ...extra])];
  const out: string[] = [];
  for (const name of names) {
    const t = escape(toneText(name));
    const f = escape(fold(name));
    if (!f) continue;
    const re = new RegExp(`${W}(?:tỉnh|thành phố|tp\\.?) ?${t}${E}|${W}${t} ?, ?ngày${E}`, "u");
    const reFolded = new RegExp(`\\b(?:tinh|thanh pho|tp) ${f}\\b|\\b${f} ngay\\b`);
    if (lines.some((l) => (l.marked ? re.test(toneText(l.norm)) : reFolded.test(l.norm)))) out.push(name);
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Sheets the checker writes itself, which say nothing about the plan. */
const OWN_SHEET = /^(Kết quả kiểm tra|Check results|Bảng tuổi nghỉ hưu)( \(\d+\))?$/;

/** The clues of one sheet. */
export function sheetClues(
  sheet: SheetSnapshot,
  provinces: readonly string[] = [],
  levels?: ToneTable<string>,
): SheetClues {
  const lines = titleLines(sheet, MAX_TITLE_ROWS, levels);
  const y = yearClues(lines);
  const fromName = /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/.exec(sheet.name);
  const years =
    y.year ??
    y.school ??
    y.period ??
    (fromName && plausible(Number(fromName[1]))
      ? { years: [Number(fromName[1])], how: "sheet-name" as const, text: sheet.name }
      : y.cited);
  const kind: PlanKind | undefined = lines.some((l) => test(BDTX, l))
    ? "bdtx"
    : lines.some((l) => test(PLAN, l))
      ? "plan"
      : undefined;
  const out: SheetClues = { sheet: sheet.name, provinces: provincesIn(lines, provinces) };
  if (years) out.years = years;
  if (kind) out.kind = kind;
  return out;
}

/**
 * The clues of every sheet that may be an appendix: the checker's own sheets and the sheets
 * listed in `skip` (a rulebook's own sheets) say nothing about the plan.
 */
export function workbookClues(
  snapshot: WorkbookSnapshot,
  options: {
    provinces?: readonly string[];
    skip?: ReadonlySet<string>;
    /** The level names a header may carry (levelWords of the candidates). */
    levels?: ToneTable<string>;
  } = {},
): WorkbookClues {
  return {
    sheets: snapshot.sheets
      .filter((s) => !OWN_SHEET.test(s.name) && !options.skip?.has(s.name))
      .map((s) => sheetClues(s, options.provinces, options.levels)),
  };
}
