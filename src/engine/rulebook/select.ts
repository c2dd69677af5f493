/**
 * The rulebook a workbook is checked with, and the workbook as the check sees it: what the CLI
 * and the pane do for every workbook, in one place. Pure.
 *
 * - A rulebook the user named (--rules, the pane's picker or its saved choice) is used as it is.
 * - Otherwise a rulebook kept in the workbook's own "SỔ QUY TẮC" sheets is used (an invalid one
 *   is an error pointing at its cells), else the automatic choice among the candidates
 *   (./choose.ts); a workbook that no candidate fits is an error naming what was found and which
 *   rulebooks exist.
 * - The rulebook's own sheets are never checked as appendices: they are kept out of recognition and
 *   listed as skipped.
 */
import { checkWorkbook, type CheckOptions, type CheckResult } from "../check";
import { formatMessage, type Locale } from "../i18n";
import type { WorkbookSnapshot } from "../snapshot";
import {
  chooseRulebook,
  noChoiceText,
  othersText,
  reasonText,
  type Candidate,
  type CandidateOrigin,
  type ChosenBy,
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
  /** Sheets that belong to another plan, one line, when there are some. */
  others?: string;
}

export type Prepared =
  | {
      ok: true;
      used: UsedRulebook;
      /** The workbook without its rulebook sheets: what recognition reads. */
      snapshot: WorkbookSnapshot;
      /** The rulebook sheets kept out of the check. */
      rulebookSheets: string[];
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
    return {
      ok: true,
      used: { rulebook: n.candidate.rulebook, chosenBy: n.chosenBy, origin: n.candidate.origin, reason },
      snapshot: rest,
      rulebookSheets,
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
  const others = othersText(choice.others, locale);
  if (others) used.others = others;
  return { ok: true, used, snapshot: rest, rulebookSheets };
}

/** Checks a prepared workbook: its rulebook sheets are listed as skipped, in their place. */
export function checkPrepared(
  prepared: Extract<Prepared, { ok: true }>,
  options: Omit<CheckOptions, "rulebook"> & { order?: readonly string[] },
): CheckResult {
  const result = checkWorkbook(prepared.snapshot, { ...options, rulebook: prepared.used.rulebook });
  if (prepared.rulebookSheets.length === 0) return result;
  const order = options.order ?? [...result.workbook.sheetOrder, ...prepared.rulebookSheets];
  const position = new Map(order.map((s, i) => [s, i]));
  const skipped = [
    ...result.workbook.skipped,
    ...prepared.rulebookSheets.map((sheet) => ({ sheet, reason: { id: "sheet.rulebook" as const } })),
  ].sort((a, b) => (position.get(a.sheet) ?? 0) - (position.get(b.sheet) ?? 0));
  return { ...result, workbook: { ...result.workbook, sheetOrder: [...order], skipped } };
}
