/** Shared by the per-person rules: the lists, a person's label, retirement and thresholds. */
import { formatDateVi, type YearMonth } from "../dates/parse";
import { fold } from "../text/normalize";
import { monthsLeft, retirementOf } from "../law/retirement";
import type { PersonRow, RecognizedTable } from "../recognize/model";
import type { Qualification, Rulebook } from "../rulebook/schema";
import type { Locale } from "../i18n";
import type { RuleContext } from "./api";
import { tablesOf } from "./util";
import { courseById } from "../plan/lookup";

export const QUALIFICATION_RANK: Record<Qualification, number> = { TC: 1, CD: 2, DH: 3, ThS: 4 };

export function personLists(ctx: RuleContext): RecognizedTable[] {
  return tablesOf(ctx, "person-list").filter((t) => (t.people ?? []).length > 0);
}

/** "dòng 12" (vi), "row 12" (en): a sheet row as messages name it. */
export function rowName(r: number, locale: Locale): string {
  return `${locale === "vi" ? "dòng" : "row"} ${r + 1}`;
}

/** "Nguyễn Văn A (dòng 12)" */
export function personLabel(p: PersonRow, locale: Locale): string {
  return `${p.cells.name?.text ?? "?"} (${rowName(p.r, locale)})`;
}

export function ym(s: string): YearMonth {
  const [year, month] = s.split("-").map(Number);
  return { year, month };
}

/** "06/2027" */
export const mm = (d: YearMonth): string => formatDateVi(d);

/**
 * What a finding names as the value of a person's birth cell (or, without one, the name cell):
 * the text as typed, or a date cell as it shows, day/month/year.
 */
export function birthShown(p: PersonRow): string | null {
  const b = p.cells.birth;
  if (!b) return p.cells.name?.text ?? null;
  if (typeof b.value !== "string" && p.birth && "date" in p.birth) return formatDateVi(p.birth.date);
  return b.text;
}

/** The person's birth month, when the birth date was read. */
export function birthOf(p: PersonRow): YearMonth | undefined {
  return p.birth && "date" in p.birth ? { year: p.birth.date.year, month: p.birth.date.month } : undefined;
}

/** Retirement month and months left from `from`, when birth and gender are known. */
export function retirementFacts(
  p: PersonRow,
  from: YearMonth,
): { retire: YearMonth; left: number } | undefined {
  const birth = birthOf(p);
  if (!birth || !p.gender) return undefined;
  const r = retirementOf(birth, p.gender);
  return { retire: { year: r.year, month: r.month }, left: monthsLeft(birth, p.gender, from) };
}

/** True when the person's list is about degree upgrades (a programme that is one, or the title says so). */
export function inUpgradeList(rulebook: Rulebook, table: RecognizedTable, p: PersonRow): boolean {
  if (p.programme) return courseById(rulebook, p.programme)?.kind === "dao-tao";
  return /\b(nang chuan|nang trinh do)\b/.test(fold(table.title));
}

/** The months a person must have left to be required to upgrade (exceptions first). */
export function monthsThreshold(rulebook: Rulebook, p: PersonRow): number | undefined {
  const u = rulebook.upgrade;
  if (!u) return undefined;
  const e = u.exceptions.find((x) => x.level === p.level && x.qualification === p.qualification);
  return e?.minMonthsLeft ?? u.minMonthsLeft;
}
