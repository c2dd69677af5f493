/**
 * The checker behind the pane: it keeps the snapshot, runs the engine, applies acceptances and
 * builds the list's rows. The add-in runs it in a Web Worker (./worker.ts), so that checking
 * 50 000 findings never freezes the pane; tests run the same object in-process (./client.ts).
 * No DOM, no Office.js.
 */
import {
  applyAcceptances,
  keptAcceptances,
  type Acceptance,
  type ReviewedFinding,
} from "../../engine/accept";
import { budgetSummary } from "../../engine/budget";
import { checkWorkbook, recheckSheet, type CheckResult } from "../../engine/check";
import { builtinRulebook } from "../../engine/rulebook/builtin";
import type { Rulebook } from "../../engine/rulebook/schema";
import type { SheetSnapshot } from "../../engine/snapshot";
import { checkByPlan, NO_SPLIT, splitSheets, type PlanSplit } from "../../engine/rulebook/select";
import { restoreRulebook, restoreSplit } from "../rulebook-choice";
import type { Locale } from "../../engine/i18n";
import { buildReportSheet, type ReportRow, type ReportSheet } from "../../engine/report-sheet";
import { markLayoutOf, type MarkLayout } from "../../office/mark-layout";
import {
  FINDINGS_PER_MESSAGE,
  ROWS_PER_MESSAGE,
  type EvalOptions,
  type ListView,
  type Patch,
  type Request,
  type ReviewOutcome,
  type WorkbookSummary,
} from "./protocol";
import { acceptAll, unacceptAll } from "./review";
import { buildView, SearchIndex } from "./view";

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

const same = (a: Acceptance | undefined, b: Acceptance | undefined) =>
  a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));

function isEmpty(sheets: readonly SheetSnapshot[]): boolean {
  return sheets.every((s) => s.values.every((r) => !r || r.every((v) => v === null || v === "")));
}

/** A fault of the add-in, not of the workbook; the pane words it (strings: checkerFailed). */
class CheckerFault extends Error {
  override readonly name = "CheckerFault";
}

export interface HostOutput {
  /** A slice of the findings, from `start` (sent before the result that ends a check). */
  findings(start: number, total: number, findings: ReviewedFinding[]): void;
  /** A slice of the report's rows, from `start` (sent before the report itself). */
  rows(start: number, total: number, rows: ReportRow[]): void;
}

export class CheckerHost {
  private rulebook: Rulebook = builtinRulebook();
  /** Sheets of other plans, checked with their own rulebooks (issue #11). */
  private split: PlanSplit = NO_SPLIT;
  private sheets: SheetSnapshot[] = [];
  private last?: CheckResult;
  private reviewed: ReviewedFinding[] = [];
  private search = new SearchIndex([]);

  /** Answers one request; findings of a check go out through `out` before the answer. */
  handle(req: Request, out: HostOutput): unknown {
    switch (req.type) {
      case "rulebook": {
        const rb = restoreRulebook(req.choice);
        const split = req.split ? restoreSplit(req.split) : NO_SPLIT;
        // The pane validated the rulebook before sending it: this is a fault of the add-in.
        if (!rb || !split) throw new CheckerFault("rulebook");
        this.rulebook = rb;
        this.split = split;
        return undefined;
      }
      case "begin":
        // In a worker the rows follow in "rows" messages; in-process they come with the sheets.
        this.sheets = req.sheets.map((s) => ({ ...s }));
        this.last = undefined;
        return undefined;
      case "rows": {
        const sheet = this.sheets[req.sheet];
        req.values.forEach((row, k) => (sheet.values[req.start + k] = row));
        if (req.formulas) {
          sheet.formulas ??= [];
          req.formulas.forEach((row, k) => ((sheet.formulas as (string | null)[][])[req.start + k] = row));
        }
        return undefined;
      }
      case "check":
        return this.check(req.options, out);
      case "recheck":
        return this.recheck(req.sheets, req.options, out);
      case "review":
        return this.review(req.accepted);
      case "accept":
        return this.review(acceptAll(req.accepted, this.pick(req.indices), req.reason, new Date(req.at)));
      case "unaccept":
        return this.review(unacceptAll(req.accepted, this.pick(req.indices)));
      case "view":
        return this.view(req.filter);
      case "report":
        return this.report(req.locale, out);
      case "marks":
        return this.marks(req.sheets);
    }
  }

  private pick(indices: readonly number[]): ReviewedFinding[] {
    return indices.map((i) => this.reviewed[i]).filter((f) => f !== undefined);
  }

  private check(options: EvalOptions, out: HostOutput): WorkbookSummary {
    const started = now();
    // Sparse rows (never sent: empty) become empty arrays, as the adapter gives them.
    for (const s of this.sheets) for (let r = 0; r < s.values.length; r++) s.values[r] ??= [];
    return this.publish(this.checkAll(options), options, now() - started, out);
  }

  private checkAll(options: EvalOptions): CheckResult {
    const check = { locale: options.locale, overrides: options.overrides };
    return this.split === NO_SPLIT
      ? checkWorkbook({ sheets: this.sheets }, { ...check, rulebook: this.rulebook })
      : checkByPlan({ sheets: this.sheets }, this.rulebook, this.split, check);
  }

  private recheck(sheets: readonly SheetSnapshot[], options: EvalOptions, out: HostOutput): WorkbookSummary {
    if (!this.last) throw new CheckerFault("recheck before check");
    const started = now();
    let result = this.last;
    for (const sheet of sheets) {
      const i = this.sheets.findIndex((s) => s.name === sheet.name);
      if (i >= 0) this.sheets[i] = sheet;
      else this.sheets.push(sheet);
      // A workbook of several plans: each plan's rules read its own sheets, so all are run again.
      if (this.split !== NO_SPLIT) continue;
      result = recheckSheet(result, sheet, {
        rulebook: this.rulebook,
        locale: options.locale,
        overrides: options.overrides,
      });
    }
    if (this.split !== NO_SPLIT) result = this.checkAll(options);
    return this.publish(result, options, now() - started, out);
  }

  private publish(
    result: CheckResult,
    options: EvalOptions,
    engineMs: number,
    out: HostOutput,
  ): WorkbookSummary {
    this.last = result;
    this.reviewed = applyAcceptances(result.findings, options.accepted);
    this.search = new SearchIndex(this.reviewed);
    const all = this.reviewed;
    for (let i = 0; i < all.length; i += FINDINGS_PER_MESSAGE)
      out.findings(i, all.length, all.slice(i, i + FINDINGS_PER_MESSAGE));
    const wb = result.workbook;
    return {
      sheetOrder: wb.sheetOrder,
      tables: wb.tables.map((t) => ({
        sheet: t.sheet,
        kind: t.kind,
        ...(t.year !== undefined ? { year: t.year } : {}),
        scale: t.scale,
        ...(t.overridden ? { overridden: t.overridden } : {}),
      })),
      skipped: wb.skipped,
      protectedSheets: this.sheets.filter((s) => s.protected).map((s) => s.name),
      empty: isEmpty(this.sheets),
      // The plan's budget: the sheets of other plans are not summed against its total.
      budget: budgetSummary(this.ownPlan(wb), this.rulebook),
      engineMs: Math.round(engineMs),
    };
  }

  private ownPlan(wb: CheckResult["workbook"]): CheckResult["workbook"] {
    if (this.split === NO_SPLIT) return wb;
    const aside = splitSheets(this.split);
    return { ...wb, tables: wb.tables.filter((t) => !aside.has(t.sheet)) };
  }

  /**
   * The findings with `accepted` applied; only what changed goes back, with the list as it is
   * kept (thousands of acceptances as digests, so that the pane saves them without work).
   */
  private review(given: readonly Acceptance[]): ReviewOutcome {
    const accepted = keptAcceptances(given);
    const next = applyAcceptances(this.last?.findings ?? [], accepted);
    const patches: Patch[] = [];
    next.forEach((f, i) => {
      if (!same(f.accepted, this.reviewed[i]?.accepted))
        patches.push({ index: i, accepted: f.accepted ?? null });
    });
    this.reviewed = next;
    // The search texts do not depend on acceptances: keep them.
    return { accepted: [...accepted], patches };
  }

  /**
   * The report sheet (the engine's builder, with the recognised workbook for the figures' units
   * and the rulebook's name): its rows go out in slices, the rest is the answer.
   */
  private report(locale: Locale, out: HostOutput): ReportSheet {
    const sheet = buildReportSheet(this.reviewed, {
      locale,
      // A workbook of several plans names each plan's rulebook.
      rulebookName: [this.rulebook, ...this.split.otherPlans.map((p) => p.rulebook)]
        .map((rb) => rb.name)
        .join("; "),
      ...(this.last ? { workbook: this.last.workbook } : {}),
    });
    const rows = sheet.rows;
    for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE)
      out.rows(i, rows.length, rows.slice(i, i + ROWS_PER_MESSAGE));
    return { ...sheet, rows: [] };
  }

  /** Where the marks of the open findings go: the cells grouped into rectangles here, not in the pane. */
  private marks(sheets: readonly string[] | undefined): MarkLayout {
    const on = sheets ? new Set(sheets) : undefined;
    return markLayoutOf(this.reviewed.filter((f) => !f.accepted && (!on || on.has(f.sheet))));
  }

  private view(filter: Parameters<typeof buildView>[1]): ListView {
    const protectedSheets = new Set(this.sheets.filter((s) => s.protected).map((s) => s.name));
    return buildView(this.reviewed, filter, { protectedSheets, search: this.search });
  }
}
