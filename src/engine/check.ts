/**
 * The engine's entry point: a workbook snapshot and a rulebook in, findings out.
 * Pure TypeScript: no Office.js, no file system. All three front doors (task pane, custom
 * functions, CLI) call this.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import {
  sortFindings,
  type CellRef,
  type EngineFinding,
  type Severity,
  type Subject,
  type SumCheck,
  type SumPart,
} from "./findings";
import { parseA1 } from "./a1";
import { courseById } from "./plan/lookup";
import { subjectKey } from "./accept";
import { fold } from "./text/normalize";
import type { Rulebook } from "./rulebook/schema";
import { recognizeWorkbook } from "./recognize/recognize";
import type {
  RecognitionOverride,
  RecognizedTable,
  RecognizedWorkbook,
  UnreadableSheet,
} from "./recognize/model";
import type { Rule, RuleContext, Report } from "./rules/api";
import type { Locale } from "./i18n";
import { allRules } from "./rules";
import { formatMessage, formatNumber, label, levelText } from "./i18n";

export interface CheckOptions {
  rulebook: Rulebook;
  locale?: Locale;
  /** Rules to run (default: every rule). */
  rules?: readonly Rule[];
  /** The user's corrections of sheet recognition, by sheet name. */
  overrides?: Readonly<Record<string, RecognitionOverride>>;
}

export interface CheckResult {
  findings: EngineFinding[];
  workbook: RecognizedWorkbook;
}

/** Severity of a rule after the rulebook's overrides; undefined when switched off. */
function effectiveSeverity(rule: Rule, rulebook: Rulebook): Severity | undefined {
  const o = rulebook.rules[rule.meta.id];
  if (o === "off") return undefined;
  return o ?? rule.meta.defaultSeverity;
}

/**
 * The severity of one report: the rulebook's setting for the rule wins for every finding of the
 * rule, as in ESLint (a rule "set to info" gives notes only); without one, the report's own
 * variant (a warning-level case of an error rule) or the rule's default.
 */
function reportSeverity(rule: Rule, rulebook: Rulebook, report: Pick<Report, "severity">): Severity {
  const o = rulebook.rules[rule.meta.id];
  if (o !== undefined && o !== "off") return o;
  return report.severity ?? rule.meta.defaultSeverity;
}

/** A finding as collected, before causes are linked. */
interface Collected {
  finding: EngineFinding;
  dependsOn?: readonly CellRef[];
  sum?: SumCheck;
}

/** Run rules over an already recognised workbook. */
function runRules(workbook: RecognizedWorkbook, options: CheckOptions): EngineFinding[] {
  const locale = options.locale ?? "vi";
  const { rulebook } = options;
  const collected: Collected[] = [];
  const identity = sheetIdentity(workbook);
  for (const rule of options.rules ?? allRules) {
    if (!effectiveSeverity(rule, rulebook)) continue;
    const ctx: RuleContext = {
      workbook,
      rulebook,
      locale,
      num: (n) => formatNumber(n, locale),
      blank: label(locale, "blank"),
      courseName: (id) => courseById(rulebook, id)?.name ?? id,
      levelName: (id) => levelText(id, rulebook.levels.find((l) => l.id === id)?.name, locale),
      text: (t, data) => formatMessage(t[locale], data ?? {}),
      report(r: Report) {
        const template = rule.meta.messages[r.messageId];
        if (!template) throw new Error(`Rule ${rule.meta.id} has no message ${r.messageId}`);
        const expected = r.expected ?? null;
        const actual = r.actual ?? null;
        const subject: Subject = { rule: rule.meta.id, sheetKind: r.table.kind, year: r.table.year };
        identity(subject, r.table, r.cells[0]);
        if (r.subject) Object.assign(subject, r.subject);
        subject.actual = JSON.stringify(actual);
        subject.expected = JSON.stringify(expected);
        const finding: EngineFinding = {
          rule: rule.meta.id,
          severity: reportSeverity(rule, rulebook, r),
          sheet: r.table.sheet,
          cells: r.cells,
          message: formatMessage(template[locale], r.data ?? {}),
          expected,
          actual,
          messageId: r.messageId,
          subject,
        };
        if (r.fix) finding.fix = r.fix;
        const c: Collected = { finding };
        if (r.dependsOn?.length) c.dependsOn = r.dependsOn;
        if (r.sum) c.sum = r.sum;
        collected.push(c);
      },
    };
    rule.check(ctx);
  }
  linkCauses(collected);
  const sorted = sortFindings(
    collected.map((c) => c.finding),
    workbook.sheetOrder,
  );
  numberOccurrences(sorted);
  return sorted;
}

/**
 * The line of a table (or person of a list) on sheet row `r`, by binary search: recognition reads
 * lines top to bottom, so they are in row order. (An index of every line cost a 30 000-line table
 * with three findings a Map of 30 000 entries.)
 */
function lineAt<T extends { r: number }>(lines: readonly T[], r: number): T | undefined {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = lines[mid].r;
    if (at === r) return lines[mid];
    if (at < r) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * Where a finding stands, for remembering an acceptance: the sheet by kind and year (and by name
 * when another recognised sheet has the same kind and year, such as a draft copy), and the line
 * under its first cell (the course, else its text; a person of a list). Never a cell address,
 * so that an acceptance survives inserted rows.
 */
function sheetIdentity(workbook: RecognizedWorkbook) {
  const shared = new Map<string, number>();
  const kindYear = (t: RecognizedTable) => `${t.kind}|${t.year ?? ""}`;
  for (const t of workbook.tables) shared.set(kindYear(t), (shared.get(kindYear(t)) ?? 0) + 1);
  return (out: Subject, table: RecognizedTable | UnreadableSheet, cell: string | undefined): void => {
    // A sheet that looks like an appendix but could not be read (unreadable-table): by its name.
    if (table.kind === "unreadable") {
      out.sheet = table.sheet;
      return;
    }
    if ((shared.get(kindYear(table)) ?? 0) > 1) out.sheet = table.sheet;
    const at = cell ? parseA1(cell) : undefined;
    if (!at) return;
    const row = lineAt(table.rows, at.row);
    if (row) {
      const text = row.label?.text ?? row.tt?.text;
      out.line = row.course?.courseId ?? (text ? fold(text) : row.kind);
    }
    if (table.people) {
      const p = lineAt(table.people, at.row);
      if (p) out.person = fold(`${p.cells.name?.text ?? ""}|${p.cells.birth?.text ?? ""}`);
    }
  };
}

/**
 * Links each finding that follows from another to its root cause, and names that cause
 * (`causedBy`); a consequence offers no fix: the fix is offered on the cause, and what the
 * consequence should become depends on how the cause is mended. Two ways a finding follows:
 *
 * - Its rule declared `dependsOn` cells (a summary line copying a year's total, a total adding up
 *   the amounts as typed) and another finding (not a note) stands on one of them.
 * - It is a sum that does not come out right (`sum`), and mending what other findings call wrong
 *   among its parts, and in its own cell, makes it right: fixing the cause makes the total right,
 *   so the total's finding is caused by it. When mending them does not make it right, the sum's
 *   finding stays a cause with its own arithmetic, but where another finding decides its own
 *   cell's value (the rulebook's head-count for a registration total), that finding wins: the
 *   sum's finding names no other value and offers no fix for that cell (one cell, one fix).
 */
function linkCauses(collected: Collected[]): void {
  if (!collected.some((c) => c.dependsOn || c.sum)) return;
  const at = new Map<string, Collected[]>();
  const key = (sheet: string, cell: string) => `${sheet}\u001f${cell}`;
  for (const c of collected) {
    if (c.finding.severity === "info") continue;
    for (const cell of c.finding.cells) {
      const k = key(c.finding.sheet, cell);
      const list = at.get(k);
      if (list) list.push(c);
      else at.set(k, [c]);
    }
  }
  const direct = new Map<Collected, Collected>();
  for (const c of collected) {
    if (c.sum) {
      const cause = sumCause(c, c.sum, (p) => at.get(key(p.sheet, p.cell)) ?? []);
      if (cause) {
        direct.set(c, cause);
        continue;
      }
      // No part's figure explains it; which rows are added up may (a registration total over a
      // district listed twice or not of the province: unit-list on the row's name).
    }
    if (!c.dependsOn) continue;
    const candidates = c.dependsOn.flatMap((d) => at.get(key(d.sheet, d.cell)) ?? []).filter((x) => x !== c);
    // Prefer a finding that follows from nothing itself: the likelier cause; among several, the
    // one that accounts for most of the difference (a grand total copying a 2026 line off by 2 and
    // a 2028 line off by 1 093 names the 2028 cause).
    const cause = candidates.find((x) => !x.dependsOn) ?? largestDifference(candidates);
    if (cause) direct.set(c, cause);
  }
  for (const [c] of direct) {
    const seen = new Set<Collected>([c]);
    let root = direct.get(c) as Collected;
    while (direct.has(root) && !seen.has(root)) {
      seen.add(root);
      root = direct.get(root) as Collected;
    }
    if (root === c) continue; // a loop leads back: no cause to name
    const f = c.finding;
    f.causedBy = { sheet: root.finding.sheet, cell: root.finding.cells[0] ?? "", rule: root.finding.rule };
    delete f.fix;
  }
}

function largestDifference(candidates: readonly Collected[]): Collected | undefined {
  const gap = (c: Collected) => {
    const { expected, actual } = c.finding;
    return typeof expected === "number" && typeof actual === "number" ? Math.abs(expected - actual) : 0;
  };
  let best = candidates[0];
  for (const c of candidates) if (gap(c) > gap(best)) best = c;
  return best;
}

/**
 * The finding a sum's finding follows from, if mending the figures other findings call wrong
 * makes the sum right (see linkCauses). A figure is mended to the value its finding decides
 * (`expected`); only findings that name that very figure (first cell, value, and subject where
 * one cell holds several figures) and decide a number count. Sum findings are never the cause
 * of another sum here: what they decide is arithmetic, not the figure's own value.
 */
function sumCause(
  c: Collected,
  sum: SumCheck,
  findingsAt: (p: SumPart) => readonly Collected[],
): Collected | undefined {
  const decided = (p: SumPart): Collected | undefined =>
    findingsAt(p).find((x) => {
      const f = x.finding;
      return (
        x !== c &&
        !x.sum &&
        f.sheet === p.sheet &&
        f.cells[0] === p.cell &&
        typeof f.expected === "number" &&
        f.actual === p.value &&
        (p.subject?.level === undefined || f.subject.level === p.subject.level) &&
        (p.subject?.detail === undefined || f.subject.detail === p.subject.detail)
      );
    });
  const causes: Collected[] = [];
  let mended = 0;
  for (const p of sum.parts) {
    const d = decided(p);
    if (d) causes.push(d);
    mended += d ? (d.finding.expected as number) : p.value;
  }
  const own = typeof sum.total === "number" ? undefined : decided(sum.total);
  const total =
    typeof sum.total === "number" ? sum.total : own ? (own.finding.expected as number) : sum.total.value;
  if (!own && causes.length === 0) return undefined;
  if (Math.abs(total - mended) < 1e-9) {
    // The sum's own cell was wrong and the arithmetic agrees with the value decided for it: the
    // fix, if the sum's finding offered one, is offered on the cause.
    const fix = c.finding.fix;
    if (own && fix && !own.finding.fix && fix.cell === own.finding.cells[0] && fix.value === total)
      own.finding.fix = fix;
    return own ?? causes[0];
  }
  if (own && own.finding.expected !== c.finding.expected) {
    delete c.finding.fix;
    c.finding.expected = null;
  }
  return undefined;
}

/** Tells findings with the same identity apart by their order (see Subject.nth). */
function numberOccurrences(findings: EngineFinding[]): void {
  const seen = new Map<string, number>();
  for (const f of findings) {
    const k = subjectKey(f.subject);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    if (n > 0) f.subject.nth = n;
  }
}

/** Check a workbook snapshot against a rulebook. */
export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions): CheckResult {
  const workbook = recognizeWorkbook(snapshot, options.rulebook, options.overrides);
  return { findings: runRules(workbook, options), workbook };
}

/**
 * Re-checks after one sheet changed: only that sheet is recognised again; the other sheets'
 * recognised tables are reused, and the rules (cheap next to recognition) run over the whole
 * workbook so that cross-sheet rules see the change. The cost grows with the changed sheet.
 */
export function recheckSheet(
  previous: CheckResult,
  sheet: SheetSnapshot,
  options: CheckOptions,
): CheckResult {
  const one = recognizeWorkbook({ sheets: [sheet] }, options.rulebook, options.overrides);
  const order = previous.workbook.sheetOrder.includes(sheet.name)
    ? previous.workbook.sheetOrder
    : [...previous.workbook.sheetOrder, sheet.name];
  const position = new Map(order.map((s, i) => [s, i]));
  const byOrder = <T extends { sheet: string }>(a: T, b: T) =>
    (position.get(a.sheet) ?? 0) - (position.get(b.sheet) ?? 0);
  const workbook: RecognizedWorkbook = {
    sheetOrder: order,
    tables: [...previous.workbook.tables.filter((t) => t.sheet !== sheet.name), ...one.tables].sort(byOrder),
    skipped: [...previous.workbook.skipped.filter((s) => s.sheet !== sheet.name), ...one.skipped].sort(
      byOrder,
    ),
  };
  return { findings: runRules(workbook, options), workbook };
}
