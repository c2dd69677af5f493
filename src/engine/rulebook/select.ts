/**
 * The rulebook a workbook is checked with, and the workbook as the check sees it: what the CLI
 * and the pane do for every workbook, in one place. Pure.
 *
 * - A rulebook the user named (--rules, the pane's picker or its saved choice) is used as it is;
 *   the sheets whose years it does not cover are said (never silently passed: `uncovered`).
 * - Otherwise a rulebook kept in the workbook's own "SỔ QUY TẮC" sheets is used (an invalid one
 *   is an error pointing at its cells), else the automatic choice among the candidates
 *   (./choose.ts); a workbook that no candidate fits is an error naming what was found and which
 *   rulebooks exist.
 * - The rulebook's own sheets are never checked as appendices: they are kept out of recognition and
 *   listed as skipped.
 * - Sheets of another plan (an automatic choice only): each is checked against the rulebook of its
 *   own plan — the workbook is split by plan, each part checked, the findings merged in the
 *   report's order; a sheet of years no rulebook has is not checked at all (it would be against a
 *   wrong plan), listed as skipped and said.
 */
import { checkWorkbook, type CheckOptions, type CheckResult } from "../check";
import { sortFindings } from "../findings";
import { formatMessage, type Locale } from "../i18n";
import type { SkippedSheet } from "../recognize/model";
import type { WorkbookSnapshot } from "../snapshot";
import {
  chooseRulebook,
  clueText,
  noChoiceText,
  otherPlansText,
  reasonText,
  uncheckedText,
  uncoveredSheets,
  uncoveredText,
  type Candidate,
  type CandidateOrigin,
  type ChosenBy,
  type OtherPlanGroup,
  type SheetYears,
} from "./choose";
import { RulebookError } from "./load";
import type { Rulebook } from "./schema";
import { rulebookFromWorkbook, rulebookSheetNames } from "./workbook";

export interface UsedRulebook {
  rulebook: Rulebook;
  chosenBy: ChosenBy;
  origin: CandidateOrigin;
  /** Why it was chosen, one line in the locale. */
  reason: string;
  /** Sheets that belong to another plan, checked with its rulebook: one line, when there are some. */
  others?: string;
  /** Sheets of a plan no rulebook has, not checked: one line, when there are some. */
  unchecked?: string;
}

/** Sheets whose years a rulebook the user named does not cover (checked with it all the same). */
interface Uncovered {
  sheets: SheetYears[];
  /** True when it covers none of the sheets that name years: the result is no pass (dean-check exits 2). */
  none: boolean;
}

/** Sheets of another plan, checked against that plan's rulebook. */
interface OtherPlan {
  used: UsedRulebook;
  sheets: string[];
}

export type Prepared =
  | {
      ok: true;
      used: UsedRulebook;
      /** The workbook without its rulebook sheets: what recognition reads. */
      snapshot: WorkbookSnapshot;
      /** The rulebook sheets kept out of the check. */
      rulebookSheets: string[];
      /**
       * Sheets the chosen rulebook does not cover (none when the user named the rulebook): the
       * groups checked with another plan's rulebook (checkPrepared)…
       */
      otherPlans: OtherPlan[];
      /** …and the sheets no rulebook covers, not checked. */
      unchecked: SheetYears[];
      /**
       * A named rulebook only: the sheets whose years it does not cover, checked with it all the
       * same (the user asked for it) and said (`used.others` is the line).
       */
      uncovered?: Uncovered;
    }
  | { ok: false; error: string };

/** A rulebook the user named, and how (words for the reason). */
export interface NamedRulebook {
  candidate: Candidate;
  chosenBy: "option" | "saved";
  /** "chọn bằng --rules", "người dùng chọn", "đã lưu trong sổ tính". */
  reason: string;
}

const WORDS = {
  vi: {
    ownIgnored: 'sổ tính có sổ quy tắc riêng (trang "{sheet}"), không dùng',
  },
  en: {
    ownIgnored: 'the workbook keeps its own rulebook (sheet "{sheet}"), not used',
  },
} as const;

/** Chooses the rulebook of a workbook (see the module's comment). */
export function prepareCheck(
  snapshot: WorkbookSnapshot,
  options: { named?: NamedRulebook; candidates: readonly Candidate[]; locale?: Locale; origin?: string },
): Prepared {
  const locale = options.locale ?? "vi";
  const own = rulebookSheetNames(snapshot);
  const rest: WorkbookSnapshot =
    own.size === 0 ? snapshot : { ...snapshot, sheets: snapshot.sheets.filter((s) => !own.has(s.name)) };
  const rulebookSheets = snapshot.sheets.filter((s) => own.has(s.name)).map((s) => s.name);
  if (options.named) {
    const n = options.named;
    const reason =
      rulebookSheets.length > 0
        ? `${n.reason} (${formatMessage(WORDS[locale].ownIgnored, { sheet: rulebookSheets[0] })})`
        : n.reason;
    const used: UsedRulebook = {
      rulebook: n.candidate.rulebook,
      chosenBy: n.chosenBy,
      origin: n.candidate.origin,
      reason,
    };
    // Never checked against a wrong plan without a word: the sheets it does not cover are said.
    const { uncovered, dated } = uncoveredSheets(rest, n.candidate.rulebook, options.candidates);
    const none = uncovered.length > 0 && uncovered.length === dated;
    const line = uncoveredText(uncovered, n.candidate.rulebook, locale, none);
    if (line) used.others = line;
    return {
      ok: true,
      used,
      snapshot: rest,
      rulebookSheets,
      otherPlans: [],
      unchecked: [],
      ...(uncovered.length > 0 ? { uncovered: { sheets: uncovered, none } } : {}),
    };
  }
  let candidates = options.candidates;
  if (rulebookSheets.length > 0) {
    let kept: { rulebook: Rulebook; sheets: string[] } | undefined;
    try {
      kept = rulebookFromWorkbook(snapshot, { locale, origin: options.origin });
    } catch (e) {
      if (e instanceof RulebookError) return { ok: false, error: e.message };
      throw e;
    }
    if (kept) candidates = [{ rulebook: kept.rulebook, origin: { kind: "workbook", sheet: kept.sheets[0] } }];
  }
  const choice = chooseRulebook(rest, candidates);
  if (!choice.ok) return { ok: false, error: noChoiceText(choice, locale) };
  const used: UsedRulebook = {
    rulebook: choice.candidate.rulebook,
    chosenBy: choice.candidate.origin.kind === "workbook" ? "saved" : "auto",
    origin: choice.candidate.origin,
    reason: reasonText(choice.reason, choice.candidate.rulebook, locale),
  };
  // Sheets of other plans, grouped by the rulebook that covers them (in the order met).
  const groups: OtherPlanGroup[] = [];
  const unchecked: SheetYears[] = [];
  for (const o of choice.others) {
    if (!o.coveredBy) {
      unchecked.push({ sheet: o.sheet, clue: o.clue });
      continue;
    }
    const g = groups.find((x) => x.candidate === o.coveredBy);
    if (g) g.sheets.push({ sheet: o.sheet, clue: o.clue });
    else groups.push({ candidate: o.coveredBy, sheets: [{ sheet: o.sheet, clue: o.clue }] });
  }
  const others = otherPlansText(groups, locale);
  if (others) used.others = others;
  const uncheckedLine = uncheckedText(unchecked, locale);
  if (uncheckedLine) used.unchecked = uncheckedLine;
  const otherPlans: OtherPlan[] = groups.map((g) => ({
    used: {
      rulebook: g.candidate.rulebook,
      chosenBy: "auto",
      origin: g.candidate.origin,
      reason: clueText(g.sheets[0], locale),
    },
    sheets: g.sheets.map((s) => s.sheet),
  }));
  return { ok: true, used, snapshot: rest, rulebookSheets, otherPlans, unchecked };
}

/**
 * How a workbook of several plans is checked besides its chosen rulebook: the sheets of each
 * other plan with that plan's rulebook, and the sheets no rulebook has (not checked). Plain data:
 * the pane sends it to its checker (src/taskpane/engine/host.ts).
 */
export interface PlanSplit {
  otherPlans: { rulebook: Rulebook; sheets: string[] }[];
  /** `text`: what the sheet's title says of its years. */
  unchecked: { sheet: string; text: string }[];
}

export const NO_SPLIT: PlanSplit = { otherPlans: [], unchecked: [] };

export function planSplit(
  prepared: Pick<Extract<Prepared, { ok: true }>, "otherPlans" | "unchecked">,
): PlanSplit {
  return {
    otherPlans: prepared.otherPlans.map((p) => ({ rulebook: p.used.rulebook, sheets: [...p.sheets] })),
    unchecked: prepared.unchecked.map((u) => ({ sheet: u.sheet, text: u.clue.text })),
  };
}

/** The sheets a split takes away from the chosen rulebook. */
export function splitSheets(split: PlanSplit): Set<string> {
  return new Set([...split.otherPlans.flatMap((p) => p.sheets), ...split.unchecked.map((u) => u.sheet)]);
}

/**
 * Checks a workbook split by plan: the sheets of the chosen rulebook's plan against it, the sheets
 * of each other plan against that plan's rulebook (one check per plan: rules across sheets, such
 * as tasks against costs or the plan total, stay within a plan), the findings merged in the
 * report's order. The sheets no rulebook covers and `rulebookSheets` (the rulebook's own, kept out
 * of `snapshot`) are listed as skipped, in their place.
 */
export function checkByPlan(
  snapshot: WorkbookSnapshot,
  rulebook: Rulebook,
  split: PlanSplit,
  options: Omit<CheckOptions, "rulebook"> & { order?: readonly string[]; rulebookSheets?: readonly string[] },
): CheckResult {
  const { order: given, rulebookSheets = [], ...check } = options;
  const aside = splitSheets(split);
  const only = (keep: (name: string) => boolean): WorkbookSnapshot => ({
    ...snapshot,
    sheets: snapshot.sheets.filter((s) => keep(s.name)),
  });
  const main = checkWorkbook(aside.size === 0 ? snapshot : only((n) => !aside.has(n)), {
    ...check,
    rulebook,
  });
  if (aside.size === 0 && rulebookSheets.length === 0) return main;
  const parts = [
    main,
    ...split.otherPlans.map((p) => {
      const sheets = new Set(p.sheets);
      return checkWorkbook(
        only((n) => sheets.has(n)),
        { ...check, rulebook: p.rulebook },
      );
    }),
  ];
  const order = given ?? [...snapshot.sheets.map((s) => s.name), ...rulebookSheets];
  const position = new Map(order.map((s, i) => [s, i]));
  const byOrder = <T extends { sheet: string }>(a: T, b: T) =>
    (position.get(a.sheet) ?? 0) - (position.get(b.sheet) ?? 0);
  const skipped: SkippedSheet[] = [
    ...parts.flatMap((r) => r.workbook.skipped),
    ...split.unchecked.map((u) => ({
      sheet: u.sheet,
      reason: { id: "sheet.noRulebook" as const, data: { text: u.text } },
    })),
    ...rulebookSheets.map((sheet) => ({ sheet, reason: { id: "sheet.rulebook" as const } })),
  ].sort(byOrder);
  return {
    findings:
      parts.length === 1
        ? main.findings
        : sortFindings(
            parts.flatMap((r) => r.findings),
            [...order],
          ),
    workbook: {
      tables: parts.flatMap((r) => r.workbook.tables).sort(byOrder),
      skipped,
      sheetOrder: [...order],
    },
  };
}

/** Checks a prepared workbook (checkByPlan with the choice's split). */
export function checkPrepared(
  prepared: Extract<Prepared, { ok: true }>,
  options: Omit<CheckOptions, "rulebook"> & { order?: readonly string[] },
): CheckResult {
  return checkByPlan(prepared.snapshot, prepared.used.rulebook, planSplit(prepared), {
    ...options,
    rulebookSheets: prepared.rulebookSheets,
  });
}
