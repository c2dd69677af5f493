/** How the command line names the rulebook a file was checked with: the report's header lines and `--json`'s "rulebook". */
import { label, type Locale } from "../engine/i18n";
import { originText, type ChosenBy } from "../engine/rulebook/choose";
import type { UsedRulebook } from "../engine/rulebook/select";

export type UsedRulebookLike = UsedRulebook;

/** `--json`'s file-level "rulebook" (issue #11): exactly these three fields. */
export interface PublicRulebook {
  id: string;
  name: string;
  chosenBy: ChosenBy;
}

export function publicRulebook(u: UsedRulebook): PublicRulebook {
  return { id: u.rulebook.id, name: u.rulebook.name, chosenBy: u.chosenBy };
}

/**
 * 'Sổ quy tắc: Kế hoạch … (hai-phong-2024) — tự chọn: tiêu đề ghi "NĂM 2024" (PL1 MN!A3)'; a
 * rulebook from a file names the file, so that a file's rulebook with a built-in id is told apart.
 */
export function rulebookLine(u: UsedRulebook, locale: Locale): string {
  const where =
    u.origin.kind === "builtin"
      ? u.rulebook.id
      : `${u.rulebook.id}, ${originText({ rulebook: u.rulebook, origin: u.origin }, locale)}`;
  const how = u.chosenBy === "auto" ? `${label(locale, "chosenAuto")}: ${u.reason}` : u.reason;
  return `${label(locale, "rulebookUsed")}: ${u.rulebook.name} (${where}) — ${how}`;
}

/** The report's lines about the rulebook: which, why, and the sheets of another plan. */
export function rulebookLines(u: UsedRulebook, locale: Locale): string[] {
  return u.others ? [rulebookLine(u, locale), `⚠ ${u.others}`] : [rulebookLine(u, locale)];
}
