/**
 * Which rulebook a workbook is checked with, when the user does not say: the one that covers
 * what the workbook's titles say (./clues.ts). Pure: a snapshot and the candidate rulebooks in
 * (built-in ones, the department's own folder, a rulebook kept inside the workbook), a choice
 * with its reason out. The CLI and the task pane share it.
 *
 * 1. A rulebook kept inside the workbook (its "SỔ QUY TẮC" sheets) is the workbook's own: it wins.
 * 2. Otherwise each sheet that names its years ("NĂM 2024", "năm học 2023-2024", "giai đoạn
 *    2026-2030", else a year in the sheet's name) is covered by the rulebooks whose years hold all
 *    of them, of the same kind of plan (BDTX or training plan) when the title says, and of the
 *    province the workbook names, if it names one. The rulebook covering the most sheets wins;
 *    ties go to the one of the named province, then the department's own over a built-in, then the
 *    one with fewer years (the more specific plan), then the order given.
 * 3. Sheets the winner does not cover are said (`others`), with the rulebook that covers them (the
 *    best of those that do, by the same order); ./select.ts checks them against it, and leaves out
 *    a sheet that no rulebook covers.
 * 4. No year anywhere: the first candidate of the named province and kind (the default built-in
 *    rulebook when nothing is named), said as such.
 * 5. Years that no candidate covers: no choice (`ok: false`) — the workbook must not be checked
 *    against a plan it does not belong to.
 */
import { catalogue, type Locale } from "../i18n";
import type { WorkbookSnapshot } from "../snapshot";
import { levelWords, toneText, workbookClues, type PlanKind, type SheetClues, type YearClue } from "./clues";
import type { Rulebook } from "./schema";

export type CandidateOrigin =
  /** Shipped with the checker. */
  | { kind: "builtin" }
  /** A file of the department's own folder of rulebooks (--rules-dir, DEAN_RULES_DIR). */
  | { kind: "folder"; file: string }
  /** A file named with --rules or opened in the pane. */
  | { kind: "file"; file: string }
  /** The rulebook sheets kept inside the checked workbook. */
  | { kind: "workbook"; sheet: string };

export interface Candidate {
  rulebook: Rulebook;
  origin: CandidateOrigin;
}

export interface SheetYears {
  sheet: string;
  clue: YearClue;
}

export type ChoiceReason =
  | { kind: "workbook"; sheet: string }
  | {
      kind: "years";
      /** The first covered sheet's clue, e.g. "NĂM 2024" at PL1 MN!A3. */
      clue: SheetYears;
      /** Sheets covered, of the sheets that name years. */
      covered: number;
      of: number;
      province?: string;
    }
  | { kind: "default"; province?: string; planKind?: PlanKind };

export interface OtherPlanSheet extends SheetYears {
  /** The candidate that covers this sheet, if one does. */
  coveredBy?: Candidate;
}

export type Choice =
  | { ok: true; candidate: Candidate; reason: ChoiceReason; others: OtherPlanSheet[] }
  | {
      ok: false;
      /** What the workbook says: the years of each sheet, the province, the kind of plan. */
      found: SheetYears[];
      province?: string;
      planKind?: PlanKind;
      candidates: Candidate[];
    };

export const planKindOf = (rb: Rulebook): PlanKind => (rb.bdtx ? "bdtx" : "plan");

const PRIORITY: Record<CandidateOrigin["kind"], number> = { workbook: 3, folder: 2, file: 2, builtin: 1 };

const sameProvince = (a: string, b: string) => toneText(a) === toneText(b);

/**
 * Chooses among `candidates` for a workbook. `workbookRulebook` is the rulebook read from the
 * workbook's own rulebook sheets, when it has them (its sheets are no appendices and say nothing).
 */
export function chooseRulebook(
  snapshot: WorkbookSnapshot,
  candidates: readonly Candidate[],
  options: { skipSheets?: ReadonlySet<string> } = {},
): Choice {
  const own = candidates.find((c) => c.origin.kind === "workbook");
  if (own && own.origin.kind === "workbook")
    return { ok: true, candidate: own, reason: { kind: "workbook", sheet: own.origin.sheet }, others: [] };
  const clues = workbookClues(snapshot, {
    provinces: candidates.map((c) => c.rulebook.province),
    skip: options.skipSheets,
    levels: levelWords(candidates.map((c) => c.rulebook)),
  });
  return chooseByClues(clues.sheets, candidates);
}

/** The choice from sheets' clues (exported for tests and for callers that read clues themselves). */
export function chooseByClues(sheets: readonly SheetClues[], candidates: readonly Candidate[]): Choice {
  const provinces = [...new Set(sheets.flatMap((s) => s.provinces))];
  const kinds = [...new Set(sheets.map((s) => s.kind).filter((k): k is PlanKind => k !== undefined))];
  const planKind = kinds.length === 1 ? kinds[0] : undefined;
  const province = provinces.length > 0 ? provinces[0] : undefined;
  // A workbook that names a province is not checked against another province's plan.
  const pool = candidates.filter(
    (c) => provinces.length === 0 || provinces.some((p) => sameProvince(p, c.rulebook.province)),
  );
  // The date of a cited plan counts only where no sheet says more.
  const all: SheetYears[] = sheets.flatMap((s) => (s.years ? [{ sheet: s.sheet, clue: s.years }] : []));
  const strong = all.filter((s) => s.clue.how !== "cited");
  const dated = strong.length > 0 ? strong : all;
  const kindOf = new Map(sheets.map((s) => [s.sheet, s.kind ?? planKind]));
  const covers = (c: Candidate, s: SheetYears) => {
    const k = kindOf.get(s.sheet);
    if (k !== undefined && k !== planKindOf(c.rulebook)) return false;
    const years = new Set(c.rulebook.years);
    return s.clue.years.every((y) => years.has(y));
  };
  const rank = (c: Candidate, i: number, covered: number) => [
    covered,
    province !== undefined ? 1 : 0,
    PRIORITY[c.origin.kind],
    -c.rulebook.years.length,
    -i,
  ];
  const better = (a: number[], b: number[]) => {
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] > b[k];
    return false;
  };
  const failed = (): Choice => {
    const out: Choice = { ok: false, found: dated, candidates: [...candidates] };
    if (province !== undefined) out.province = province;
    if (planKind !== undefined) out.planKind = planKind;
    return out;
  };

  if (dated.length === 0) {
    const fit = pool.filter((c) => planKind === undefined || planKindOf(c.rulebook) === planKind);
    if (fit.length === 0) return failed();
    // The order given decides (the default built-in rulebook comes first among built-ins), the
    // department's own before a built-in.
    let best = 0;
    fit.forEach((c, i) => {
      if (PRIORITY[c.origin.kind] > PRIORITY[fit[best].origin.kind]) best = i;
    });
    const reason: ChoiceReason = { kind: "default" };
    if (province !== undefined) reason.province = province;
    if (planKind !== undefined) reason.planKind = planKind;
    return { ok: true, candidate: fit[best], reason, others: [] };
  }

  /** The best candidate covering one sheet, by the same order (the count of sheets left aside). */
  const bestFor = (s: SheetYears): Candidate | undefined => {
    let top: { c: Candidate; rank: number[] } | undefined;
    pool.forEach((c, i) => {
      if (!covers(c, s)) return;
      const r = rank(c, i, 0);
      if (!top || better(r, top.rank)) top = { c, rank: r };
    });
    return top?.c;
  };
  let best: { c: Candidate; rank: number[]; covered: SheetYears[] } | undefined;
  pool.forEach((c, i) => {
    const covered = dated.filter((s) => covers(c, s));
    if (covered.length === 0) return;
    const r = rank(c, i, covered.length);
    if (!best || better(r, best.rank)) best = { c, rank: r, covered };
  });
  if (!best) return failed();
  const winner = best;
  const coveredSheets = new Set(winner.covered.map((s) => s.sheet));
  const others: OtherPlanSheet[] = dated
    .filter((s) => !coveredSheets.has(s.sheet))
    .map((s) => {
      const by = bestFor(s);
      return by ? { ...s, coveredBy: by } : { ...s };
    });
  const reason: ChoiceReason = {
    kind: "years",
    clue: winner.covered[0],
    covered: winner.covered.length,
    of: dated.length,
  };
  if (province !== undefined) reason.province = province;
  return { ok: true, candidate: winner.c, reason, others };
}

/**
 * The sheets that name years (their plan's years, else the cited plan's date, as the choice
 * reads them) which `rulebook` does not cover, and how many such sheets there are: what a
 * rulebook the user named (--rules, the pane's picker, a saved choice) is said not to cover.
 */
export function uncoveredSheets(
  snapshot: WorkbookSnapshot,
  rulebook: Rulebook,
  candidates: readonly Candidate[] = [],
): { uncovered: SheetYears[]; dated: number } {
  const sheets = workbookClues(snapshot, {
    provinces: [rulebook.province, ...candidates.map((c) => c.rulebook.province)],
    levels: levelWords([rulebook, ...candidates.map((c) => c.rulebook)]),
  }).sheets;
  const kinds = [...new Set(sheets.map((s) => s.kind).filter((k): k is PlanKind => k !== undefined))];
  const planKind = kinds.length === 1 ? kinds[0] : undefined;
  const kindOf = new Map(sheets.map((s) => [s.sheet, s.kind ?? planKind]));
  const all: SheetYears[] = sheets.flatMap((s) => (s.years ? [{ sheet: s.sheet, clue: s.years }] : []));
  const strong = all.filter((s) => s.clue.how !== "cited");
  const dated = strong.length > 0 ? strong : all;
  const years = new Set(rulebook.years);
  const uncovered = dated.filter((s) => {
    const k = kindOf.get(s.sheet);
    return (k !== undefined && k !== planKindOf(rulebook)) || !s.clue.years.every((y) => years.has(y));
  });
  return { uncovered, dated: dated.length };
}

// ---------------------------------------------------------------------------------------------
// Words

const WORDS = {
  vi: {
    workbook: 'sổ quy tắc để trong sổ tính (trang "{sheet}")',
    years: 'tiêu đề ghi "{text}" ({where})',
    cited: 'tiêu đề không ghi năm; văn bản kèm theo ghi "{text}" ({where})',
    yearsOf: "{covered}/{of} trang có năm thuộc sổ này",
    sheetName: 'tên trang "{text}"',
    province: "tỉnh/thành phố {province}",
    default: "không trang nào ghi năm của kế hoạch: dùng sổ {id}",
    otherPlans: "Trang thuộc kế hoạch khác, kiểm tra theo sổ quy tắc của kế hoạch đó: {list}",
    otherPlan: '{sheets} ("{text}": sổ {id})',
    unchecked:
      "Trang không kiểm tra: {list} — không sổ quy tắc nào có năm của trang; chọn sổ bằng --rules, hoặc thêm sổ của đơn vị vào thư mục --rules-dir (hoặc DEAN_RULES_DIR)",
    uncheckedOne: '"{sheet}" ("{text}")',
    uncovered:
      "Sổ quy tắc {id} ({years}) không có năm của trang: {list} — vẫn kiểm tra theo sổ đã chọn, nhưng các trang này thuộc kế hoạch khác: kết quả của chúng không đáng tin; chọn sổ khác, hoặc để tự chọn sổ của từng trang",
    uncoveredAll:
      "Sổ quy tắc {id} ({years}) không có năm của trang nào: {list} — đã kiểm tra theo sổ đã chọn, nhưng sổ tính thuộc kế hoạch khác: kết quả không đáng tin; chọn sổ khác, hoặc để tự chọn sổ",
    uncoveredReason: 'tiêu đề ghi "{text}", sổ {id} không có năm này',
    none: "Không có sổ quy tắc nào cho sổ tính này: {found}. Các sổ quy tắc có: {list}. Chọn sổ bằng --rules, hoặc thêm sổ của đơn vị vào thư mục --rules-dir (hoặc DEAN_RULES_DIR).",
    foundYears: '"{text}" ở {where}',
    foundProvince: "tỉnh/thành phố {province}",
    foundKind: "{kind}",
    foundNothing: "không đọc được năm, tỉnh hay loại kế hoạch trong tiêu đề",
    kindBdtx: "kế hoạch bồi dưỡng thường xuyên",
    kindPlan: "kế hoạch đào tạo, bồi dưỡng",
    years1: "năm {years}",
    fromFolder: "tệp {file}",
    fromFile: "tệp {file}",
    builtin: "có sẵn",
  },
  en: {
    workbook: 'the rulebook kept in the workbook (sheet "{sheet}")',
    years: 'the title says "{text}" ({where})',
    cited: 'no year in the title; the plan it belongs to is dated "{text}" ({where})',
    yearsOf: "{covered}/{of} sheets with years belong to it",
    sheetName: 'the sheet name "{text}"',
    province: "province {province}",
    default: "no sheet names a year of the plan: using {id}",
    otherPlans: "Sheets of another plan, checked with that plan's rulebook: {list}",
    otherPlan: '{sheets} ("{text}": rulebook {id})',
    unchecked:
      "Sheets not checked: {list} — no rulebook has their years; choose one with --rules, or add the department's own to the --rules-dir folder (or DEAN_RULES_DIR)",
    uncheckedOne: '"{sheet}" ("{text}")',
    uncovered:
      "The rulebook {id} ({years}) does not have the years of: {list} — checked with the chosen rulebook all the same, but these sheets belong to another plan: their results cannot be trusted; choose another rulebook, or let each sheet's be chosen automatically",
    uncoveredAll:
      "The rulebook {id} ({years}) has the years of no sheet: {list} — checked with the chosen rulebook, but the workbook belongs to another plan: the results cannot be trusted; choose another rulebook, or let it be chosen automatically",
    uncoveredReason: 'the title says "{text}"; {id} does not have that year',
    none: "No rulebook fits this workbook: {found}. The rulebooks: {list}. Choose one with --rules, or add the department's own to the --rules-dir folder (or DEAN_RULES_DIR).",
    foundYears: '"{text}" at {where}',
    foundProvince: "province {province}",
    foundKind: "{kind}",
    foundNothing: "no year, province or kind of plan in the titles",
    kindBdtx: "a regular in-service training plan",
    kindPlan: "a training plan",
    years1: "years {years}",
    fromFolder: "file {file}",
    fromFile: "file {file}",
    builtin: "built in",
  },
} as const;

const w = catalogue(WORDS);

/** "2026–2030" for consecutive years, "2023, 2025" otherwise. */
export function yearsText(years: readonly number[]): string {
  const ys = [...years].sort((a, b) => a - b);
  const consecutive = ys.every((y, i) => i === 0 || y === ys[i - 1] + 1);
  return consecutive && ys.length > 2 ? `${ys[0]}–${ys[ys.length - 1]}` : ys.join(", ");
}

const where = (s: SheetYears) => (s.clue.cell ? `${s.sheet}!${s.clue.cell}` : s.sheet);

/** Where a candidate comes from, for a reader: "có sẵn", "tệp quy-tac/hp.json", "trang Thông tin chung". */
export function originText(c: Pick<Candidate, "origin">, locale: Locale): string {
  switch (c.origin.kind) {
    case "builtin":
      return w(locale, "builtin");
    case "folder":
      return w(locale, "fromFolder", { file: c.origin.file });
    case "file":
      return w(locale, "fromFile", { file: c.origin.file });
    case "workbook":
      return w(locale, "workbook", { sheet: c.origin.sheet });
  }
}

/** "hai-phong-2024 (2024)" */
const candidateText = (c: Candidate) => `${c.rulebook.id} (${yearsText(c.rulebook.years)})`;

/** Why the choice was made, in one line: 'tiêu đề ghi "NĂM 2024" (PL1 MN!A3); 6/6 trang có năm thuộc sổ này'. */
export function reasonText(reason: ChoiceReason, rulebook: Rulebook, locale: Locale): string {
  switch (reason.kind) {
    case "workbook":
      return w(locale, "workbook", { sheet: reason.sheet });
    case "default":
      return w(locale, "default", { id: rulebook.id });
    case "years": {
      const parts = [clueText(reason.clue, locale)];
      if (reason.of > 1) parts.push(w(locale, "yearsOf", { covered: reason.covered, of: reason.of }));
      if (reason.province) parts.push(w(locale, "province", { province: reason.province }));
      return parts.join("; ");
    }
  }
}

/** A group of sheets checked with another plan's rulebook (./select.ts). */
export interface OtherPlanGroup {
  candidate: Candidate;
  sheets: SheetYears[];
}

/** The groups of sheets of other plans, in one line: '"PL1 MN", "PL2 TH" ("NĂM 2024": sổ hai-phong-2024)'. */
export function otherPlansText(groups: readonly OtherPlanGroup[], locale: Locale): string | undefined {
  if (groups.length === 0) return undefined;
  const list = groups.map((g) =>
    w(locale, "otherPlan", {
      sheets: g.sheets.map((s) => `"${s.sheet}"`).join(", "),
      text: g.sheets[0].clue.text,
      id:
        g.candidate.origin.kind === "builtin"
          ? g.candidate.rulebook.id
          : `${g.candidate.rulebook.id}, ${originText(g.candidate, locale)}`,
    }),
  );
  return w(locale, "otherPlans", { list: list.join("; ") });
}

/** The sheets no rulebook covers, in one line, or undefined when there are none. */
export function uncheckedText(sheets: readonly SheetYears[], locale: Locale): string | undefined {
  if (sheets.length === 0) return undefined;
  const list = sheets.map((s) => w(locale, "uncheckedOne", { sheet: s.sheet, text: s.clue.text }));
  return w(locale, "unchecked", { list: list.join(", ") });
}

/**
 * The sheets a named rulebook does not cover, in one line (`all`: it covers none of the sheets that
 * name years), or undefined when there are none.
 */
export function uncoveredText(
  sheets: readonly SheetYears[],
  rulebook: Rulebook,
  locale: Locale,
  all = false,
): string | undefined {
  if (sheets.length === 0) return undefined;
  const shown = sheets
    .slice(0, 6)
    .map((s) => w(locale, "uncheckedOne", { sheet: s.sheet, text: s.clue.text }));
  if (sheets.length > 6) shown.push(`(+${sheets.length - 6})`);
  return w(locale, all ? "uncoveredAll" : "uncovered", {
    id: rulebook.id,
    years: yearsText(rulebook.years),
    list: shown.join(", "),
  });
}

/** Why one sheet is not covered by a named rulebook (--json's "uncovered"). */
export function uncoveredReason(s: SheetYears, rulebook: Rulebook, locale: Locale): string {
  return w(locale, "uncoveredReason", { text: s.clue.text, id: rulebook.id });
}

/** The reason of a rulebook chosen for some sheets only: the first sheet's clue. */
export function clueText(s: SheetYears, locale: Locale): string {
  return s.clue.how === "sheet-name"
    ? w(locale, "sheetName", { text: s.clue.text })
    : w(locale, s.clue.how === "cited" ? "cited" : "years", { text: s.clue.text, where: where(s) });
}

/** The message of a workbook no rulebook fits: what was found and which rulebooks exist. */
export function noChoiceText(choice: Extract<Choice, { ok: false }>, locale: Locale): string {
  const found: string[] = choice.found
    .slice(0, 3)
    .map((s) => w(locale, "foundYears", { text: s.clue.text, where: where(s) }));
  if (choice.province) found.push(w(locale, "foundProvince", { province: choice.province }));
  if (choice.planKind)
    found.push(
      w(locale, "foundKind", { kind: w(locale, choice.planKind === "bdtx" ? "kindBdtx" : "kindPlan") }),
    );
  return w(locale, "none", {
    found: found.length > 0 ? found.join(", ") : w(locale, "foundNothing"),
    list: choice.candidates.map(candidateText).join(", "),
  });
}

/** How a rulebook came to be used. */
export type ChosenBy = "auto" | "option" | "saved";
