/** How the command line names the rulebook a file was checked with: the report's header lines and `--json`'s "rulebook". */
import { label, type Locale } from "../engine/i18n";
import { originText, type CandidateOrigin, type ChosenBy } from "../engine/rulebook/choose";
import type { UsedRulebook } from "../engine/rulebook/select";

/** What the report says of the rulebook a file was checked with (small: it comes back from a worker). */
export interface UsedRulebookLike {
  id: string;
  name: string;
  chosenBy: ChosenBy;
  origin: CandidateOrigin;
  /** Why it was chosen, one line. */
  reason: string;
  /** Sheets of another plan, one line. */
  others?: string;
}

export function usedRulebookLike(u: UsedRulebook): UsedRulebookLike {
  const out: UsedRulebookLike = {
    id: u.rulebook.id,
    name: u.rulebook.name,
    chosenBy: u.chosenBy,
    origin: u.origin,
    reason: u.reason,
  };
  if (u.others) out.others = u.others;
  return out;
}

/** `--json`'s file-level "rulebook" (issue #11): exactly these three fields. */
export interface PublicRulebook {
  id: string;
  name: string;
  chosenBy: ChosenBy;
}

export function publicRulebook(u: UsedRulebookLike): PublicRulebook {
  return { id: u.id, name: u.name, chosenBy: u.chosenBy };
}

/**
 * 'Sổ quy tắc: Kế hoạch … (hai-phong-2024) — tự chọn: tiêu đề ghi "NĂM 2024" (PL1 MN!A3)'; a
 * rulebook from a file names the file, so that a file's rulebook with a built-in id is told apart.
 */
export function rulebookLine(u: UsedRulebookLike, locale: Locale): string {
  const where =
    u.origin.kind === "builtin"
      ? u.id
      : `${u.id}, ${originText({ rulebook: { id: u.id } as UsedRulebook["rulebook"], origin: u.origin }, locale)}`;
  const how = u.chosenBy === "auto" ? `${label(locale, "chosenAuto")}: ${u.reason}` : u.reason;
  return `${label(locale, "rulebookUsed")}: ${u.name} (${where}) — ${how}`;
}

/** The report's lines about the rulebook: which, why, and the sheets of another plan. */
export function rulebookLines(u: UsedRulebookLike, locale: Locale): string[] {
  return u.others ? [rulebookLine(u, locale), `⚠ ${u.others}`] : [rulebookLine(u, locale)];
}
