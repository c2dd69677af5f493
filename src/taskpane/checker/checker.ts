/**
 * The pane's checker: one object per workbook and engine, holding the state the pane draws and
 * the actions it offers. Each concern lives in its own module (checking, acceptance, fixes,
 * workbook actions, auto-check); this class only puts them together. No React here: the hook
 * (../useChecker.ts) subscribes to the store.
 */
import type { ReviewedFinding } from "../../engine/accept";
import type { EngineFinding } from "../../engine/findings";
import type { Locale } from "../../engine/i18n";
import type { RecognitionOverride } from "../../engine/recognize/model";
import type { Rulebook } from "../../engine/rulebook/schema";
import type { Template } from "../../engine/templates/spec";
import type { EngineClient } from "../engine/client";
import { readPaneState } from "../pane-state";
import type { WorkbookPort } from "../port";
import { t } from "../strings";
import * as acceptance from "./acceptance";
import { AutoCheck } from "./auto-check";
import * as checking from "./checking";
import { CheckerContext, type Clock } from "./context";
import * as fixes from "./fixes";
import * as workbook from "./workbook";

export class Checker {
  readonly ctx: CheckerContext;
  private readonly auto: AutoCheck;
  private alive = true;

  constructor(port: WorkbookPort, engine: EngineClient, clock: Clock) {
    this.ctx = new CheckerContext(port, engine, clock);
    this.auto = new AutoCheck(this.ctx);
  }

  get store() {
    return this.ctx.store;
  }

  /** The pane's latest decisions: the rulebook of each workbook read, the sheets left alone. */
  decideWith(decide: CheckerContext["decide"], ignore: CheckerContext["ignore"]): void {
    this.ctx.decide = decide;
    this.ctx.ignore = ignore;
  }

  /** Reads the saved state (validated) once; what could not be read is said. */
  async load(): Promise<void> {
    const { ctx } = this;
    let raw: unknown;
    try {
      raw = await ctx.port.loadState();
    } catch {
      return; // no saved state: start empty
    }
    if (!this.alive) return;
    let read: ReturnType<typeof readPaneState>;
    try {
      read = readPaneState(raw);
    } catch {
      read = readPaneState({ unreadable: raw === null ? null : 1, accepted: 0 });
    }
    const { state, dropped } = read;
    ctx.pane = state;
    ctx.set({
      pane: state,
      ...(dropped > 0
        ? { notice: { intent: "warning", text: t(ctx.locale, "stateDropped", { count: dropped }) } }
        : {}),
    });
  }

  /** The language and rulebook of the next checks; a change re-checks the last snapshot. */
  setEnvironment(locale: Locale, rulebook: Rulebook): void {
    const { ctx } = this;
    const changed = ctx.locale !== locale || ctx.rulebook !== rulebook;
    ctx.locale = locale;
    // The workbook's messages (Excel's refusals, what could not be marked) in the pane's language.
    ctx.port.setLocale?.(locale);
    if (ctx.rulebook !== rulebook) ctx.engine.setRulebook(rulebook);
    ctx.rulebook = rulebook;
    if (changed && ctx.checked) void checking.evaluate(ctx);
  }

  dispose(): void {
    this.alive = false;
    this.auto.dispose();
  }

  // Reading and checking
  check = () => checking.check(this.ctx);
  setAuto = (on: boolean) => this.auto.set(on);

  // What the user decides
  accept = (indices: number[], reason: string) => acceptance.accept(this.ctx, indices, reason);
  unaccept = (indices: number[]) => acceptance.unaccept(this.ctx, indices);
  override = (sheet: string, o: RecognitionOverride | undefined) => acceptance.override(this.ctx, sheet, o);
  setAllocated = (million: number | undefined) => acceptance.setAllocated(this.ctx, million);
  rememberRulebook = (rb: Rulebook) => acceptance.rememberRulebook(this.ctx, rb);

  // Fixes
  fixable = (f: ReviewedFinding) => fixes.fixable(this.ctx, f);
  fix = (f: ReviewedFinding) => fixes.fix(this.ctx, f);
  fixAll = (list: readonly ReviewedFinding[]) => fixes.fixAll(this.ctx, list);
  /** Undoes the fixes of the findings `keys` (see findingKey). */
  undo = (keys: readonly string[]) => fixes.undo(this.ctx, keys);

  // The workbook
  jump = (f: EngineFinding) => workbook.jump(this.ctx, f);
  clear = () => workbook.clear(this.ctx);
  exportReport = () => workbook.exportReport(this.ctx);
  writeNotes = () => workbook.writeNotes(this.ctx);
  insertTemplate = (build: () => Template) => workbook.insertTemplate(this.ctx, build);
  dismissNotice = () => this.ctx.set({ notice: undefined });
}
