/**
 * The engine's entry point: a workbook snapshot and a rulebook in, findings out.
 * Pure TypeScript: no Office.js, no file system. All three front doors (task pane, custom
 * functions, CLI) call this.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { sortFindings, type EngineFinding, type Severity } from "./findings";
import type { Rulebook } from "./rulebook/schema";
import { recognizeWorkbook } from "./recognize/recognize";
import type { RecognitionOverride, RecognizedWorkbook } from "./recognize/model";
import type { Rule, RuleContext, Report } from "./rules/api";
import type { Locale } from "./i18n";
import { allRules } from "./rules";
import { formatMessage, formatNumber, label } from "./i18n";

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
export function effectiveSeverity(rule: Rule, rulebook: Rulebook): Severity | undefined {
  const o = rulebook.rules[rule.meta.id];
  if (o === "off") return undefined;
  return o ?? rule.meta.defaultSeverity;
}

/** Run rules over an already recognised workbook. */
export function runRules(workbook: RecognizedWorkbook, options: CheckOptions): EngineFinding[] {
  const locale = options.locale ?? "vi";
  const { rulebook } = options;
  const findings: EngineFinding[] = [];
  const names = new Map(rulebook.courses.map((c) => [c.id, c.name]));
  for (const rule of options.rules ?? allRules) {
    const severity = effectiveSeverity(rule, rulebook);
    if (!severity) continue;
    const ctx: RuleContext = {
      workbook,
      rulebook,
      locale,
      num: (n) => formatNumber(n, locale),
      blank: label(locale, "blank"),
      courseName: (id) => names.get(id) ?? id,
      report(r: Report) {
        const template = rule.meta.messages[r.messageId];
        if (!template) throw new Error(`Rule ${rule.meta.id} has no message ${r.messageId}`);
        findings.push({
          rule: rule.meta.id,
          severity: r.severity ?? severity,
          sheet: r.table.sheet,
          cells: r.cells,
          message: formatMessage(template[locale], r.data ?? {}),
          expected: r.expected ?? null,
          actual: r.actual ?? null,
          ...(r.fix ? { fix: r.fix } : {}),
          messageId: r.messageId,
          subject: { rule: rule.meta.id, sheetKind: r.table.kind, year: r.table.year, ...r.subject },
        });
      },
    };
    rule.check(ctx);
  }
  return sortFindings(findings, workbook.sheetOrder);
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
