/** How the command line names the rulebook a file was checked with: the report's header lines and `--json`'s "rulebook". */
import { label, phrase, type Locale } from "../engine/i18n";
import { originText, uncoveredReason, type CandidateOrigin, type ChosenBy } from "../engine/rulebook/choose";
import type { Prepared, UsedRulebook } from "../engine/rulebook/select";

/** What the report says of the rulebook a file was checked with (small: it comes back from a worker). */
export interface UsedRulebookLike {
  id: string;
  name: string;
  chosenBy: ChosenBy;
  origin: CandidateOrigin;
  /** Why it was chosen, one line. */
  reason: string;
  /** Sheets of another plan, checked with its rulebook: one line. */
  others?: string;
  /** Sheets of a plan no rulebook has, not checked: one line. */
  unchecked?: string;
  /** The other plans' rulebooks and their sheets. */
  otherPlans?: (Omit<
    UsedRulebookLike,
    "others" | "unchecked" | "otherPlans" | "uncheckedSheets" | "uncoveredSheets" | "noneCovered"
  > & {
    sheets: string[];
  })[];
  /** The sheets not checked, each with why. */
  uncheckedSheets?: { sheet: string; reason: string }[];
  /** A named rulebook: the sheets whose years it does not cover (checked with it all the same), each with why. */
  uncoveredSheets?: { sheet: string; reason: string }[];
  /** A named rulebook that covers none of the sheets naming years: no pass (exit 2). */
  noneCovered?: boolean;
}

const like = (u: UsedRulebook) => ({
  id: u.rulebook.id,
  name: u.rulebook.name,
  chosenBy: u.chosenBy,
  origin: u.origin,
  reason: u.reason,
});

export function usedRulebookLike(
  u: UsedRulebook,
  prepared?: Pick<Extract<Prepared, { ok: true }>, "otherPlans" | "unchecked" | "uncovered">,
  locale: Locale = "vi",
): UsedRulebookLike {
  const out: UsedRulebookLike = like(u);
  if (u.others) out.others = u.others;
  if (u.unchecked) out.unchecked = u.unchecked;
  if (prepared && prepared.otherPlans.length > 0)
    out.otherPlans = prepared.otherPlans.map((p) => ({ ...like(p.used), sheets: [...p.sheets] }));
  if (prepared && prepared.unchecked.length > 0)
    out.uncheckedSheets = prepared.unchecked.map((s) => ({
      sheet: s.sheet,
      reason: phrase({ id: "sheet.noRulebook", data: { text: s.clue.text } }, locale),
    }));
  if (prepared?.uncovered) {
    out.uncoveredSheets = prepared.uncovered.sheets.map((s) => ({
      sheet: s.sheet,
      reason: uncoveredReason(s, u.rulebook, locale),
    }));
    if (prepared.uncovered.none) out.noneCovered = true;
  }
  return out;
}

/**
 * `--json`'s file-level "rulebook" (issue #11): `{id, name, chosenBy}`; a workbook whose sheets
 * belong to several plans adds `otherPlans` (each other rulebook used, and its sheets) and
 * `unchecked` (sheets of a plan no rulebook has, not checked, each with why); a rulebook named with
 * --rules adds `uncovered` (sheets whose years it does not cover, checked with it all the same).
 */
export interface PublicRulebook {
  id: string;
  name: string;
  chosenBy: ChosenBy;
  otherPlans?: { id: string; name: string; chosenBy: ChosenBy; sheets: string[] }[];
  unchecked?: { sheet: string; reason: string }[];
  /** With --rules (or a saved choice): sheets whose years the rulebook does not cover, checked with it all the same. */
  uncovered?: { sheet: string; reason: string }[];
}

export function publicRulebook(u: UsedRulebookLike): PublicRulebook {
  const out: PublicRulebook = { id: u.id, name: u.name, chosenBy: u.chosenBy };
  if (u.otherPlans)
    out.otherPlans = u.otherPlans.map((p) => ({
      id: p.id,
      name: p.name,
      chosenBy: p.chosenBy,
      sheets: p.sheets,
    }));
  if (u.uncheckedSheets) out.unchecked = u.uncheckedSheets.map((s) => ({ sheet: s.sheet, reason: s.reason }));
  if (u.uncoveredSheets) out.uncovered = u.uncoveredSheets.map((s) => ({ sheet: s.sheet, reason: s.reason }));
  return out;
}

/**
 * 'Sổ quy tắc: Kế hoạch … (hai-phong-2024) — tự chọn: tiêu đề ghi "NĂM 2024" (PL1 MN!A3)'; a
 * rulebook from a file names the file, so that a file's rulebook with a built-in id is told apart.
 */
export function rulebookLine(u: UsedRulebookLike, locale: Locale): string {
  // A built-in rulebook, or the workbook's own (its reason already names the sheet): the id alone.
  const where =
    u.origin.kind === "builtin" || u.origin.kind === "workbook" ? u.id : `${u.id}, ${originText(u, locale)}`;
  const how = u.chosenBy === "auto" ? `${label(locale, "chosenAuto")}: ${u.reason}` : u.reason;
  return `${label(locale, "rulebookUsed")}: ${u.name} (${where}) — ${how}`;
}

/** The report's lines about the rulebook: which, why, the sheets of another plan and those not checked. */
export function rulebookLines(u: UsedRulebookLike, locale: Locale): string[] {
  const lines = [rulebookLine(u, locale)];
  if (u.others) lines.push(`⚠ ${u.others}`);
  if (u.unchecked) lines.push(`⚠ ${u.unchecked}`);
  return lines;
}
