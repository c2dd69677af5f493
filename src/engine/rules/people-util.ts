/** Shared by the per-person rules: the lists, a person's label, retirement and thresholds. */
import { formatDateVi, type ParsedDate, type YearMonth } from "../dates/parse";
import { fold } from "../text/normalize";
import { monthsLeft, retirementOf } from "../law/retirement";
import type { PersonRow, RecognizedTable } from "../recognize/model";
import type { Qualification, Rulebook, UpgradeRules } from "../rulebook/schema";
import type { Locale } from "../i18n";
import type { RuleContext } from "./api";
import { tablesOf } from "./util";
import { courseById } from "../plan/lookup";

export const QUALIFICATION_RANK: Record<Qualification, number> = { TC: 1, CD: 2, DH: 3, ThS: 4 };

/** A person list as the recogniser gives it: recognize/people.ts sets `people` on every one. */
export type PersonList = RecognizedTable & { people: PersonRow[] };

export function personLists(ctx: RuleContext): PersonList[] {
  // Stryker disable next-line MethodExpression,ConditionalExpression: every person list has its people (recognize/people.ts), so the filter only tells the compiler
  return tablesOf(ctx, "person-list").filter((t): t is PersonList => t.people !== undefined);
}

/** "dòng 12" (vi), "row 12" (en): a sheet row as messages name it. */
export function rowName(r: number, locale: Locale): string {
  return `${locale === "vi" ? "dòng" : "row"} ${r + 1}`;
}

/**
 * What a finding about a person is remembered by (its subject's detail): the name and the birth
 * date as typed.
 */
export function personKey(p: PersonRow): string {
  // Stryker disable next-line OptionalChaining,StringLiteral: a person row always has its name cell (recognize/people.ts keeps only rows with a name)
  const name = p.cells.name?.text ?? "";
  return `${name}|${p.cells.birth?.text ?? ""}`;
}

/** "Nguyễn Văn A (dòng 12)" */
export function personLabel(p: PersonRow, locale: Locale): string {
  // Stryker disable next-line OptionalChaining,StringLiteral: a person row always has its name cell (recognize/people.ts keeps only rows with a name)
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
  // Stryker disable next-line OptionalChaining: a person row always has its name cell (recognize/people.ts keeps only rows with a name)
  if (!b) return p.cells.name?.text ?? null;
  if (typeof b.value !== "string" && p.birth && "date" in p.birth) return formatDateVi(p.birth.date);
  return b.text;
}

/** The person's birth date (a month at least), when it was read. */
export function birthOf(p: PersonRow): ParsedDate | undefined {
  return p.birth && "date" in p.birth ? p.birth.date : undefined;
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
  // Stryker disable next-line OptionalChaining: p.programme is the key of a course the matcher found in this rulebook, so courseById finds it
  if (p.programme) return courseById(rulebook, p.programme)?.kind === "dao-tao";
  return /\b(nang chuan|nang trinh do)\b/.test(fold(table.title));
}

/** The months a person must have left to be required to upgrade (exceptions first). */
export function monthsThreshold(u: UpgradeRules, p: PersonRow): number {
  const e = u.exceptions.find((x) => x.level === p.level && x.qualification === p.qualification);
  return e?.minMonthsLeft ?? u.minMonthsLeft;
}
