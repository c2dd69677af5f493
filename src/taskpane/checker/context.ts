/**
 * What every part of the checker shares: the workbook (port), the engine (a worker client), a
 * clock, the state the pane draws, and one queue in which every action that reads or writes the
 * workbook runs after the previous one (a re-check started while another is reading, or a fix
 * during a check, would otherwise each work from a stale snapshot, and the last to finish would
 * win). No React and no Office.js here.
 */
import type { ReviewedFinding } from "../../engine/accept";
import type { Locale } from "../../engine/i18n";
import type { Rulebook } from "../../engine/rulebook/schema";
import type { PlanSplit } from "../../engine/rulebook/select";
import type { SheetSnapshot, WorkbookSnapshot } from "../../engine/snapshot";
import type { EngineClient } from "../engine/client";
import type { EvalOptions, WorkbookSummary } from "../engine/protocol";
import { describeError } from "../errors";
import { EMPTY_STATE, type MarkResult, type PaneState, type WorkbookPort } from "../port";
import type { FixBook } from "./fix-book";
import { EMPTY_BOOK } from "./fix-book";

export type Phase =
  | { kind: "idle" }
  | { kind: "reading"; done: number; total: number }
  /** The snapshot goes to the checker (a worker). */
  | { kind: "sending"; done: number; total: number }
  | { kind: "checking" }
  /** The findings come back. */
  | { kind: "receiving"; done: number; total: number }
  | { kind: "done" }
  | { kind: "error"; message: string };

interface Notice {
  intent: "success" | "error" | "info" | "warning";
  text: string;
}

export interface CheckerState {
  phase: Phase;
  findings: ReviewedFinding[];
  /** How the workbook was recognised, its budget, its protected sheets. */
  summary?: WorkbookSummary;
  marks?: MarkResult;
  /** Fixes applied in this session (they outlive the finding and a new check), to undo them. */
  fixes: FixBook;
  pane: PaneState;
  /** A one-line notice (cleared marks, exported report, a failed action). */
  notice?: Notice;
  /** "Kiểm tra tự động": re-check a sheet as the user edits it. */
  auto: boolean;
  /** Milliseconds the last re-check took in the pane (reading, engine, marks). */
  lastCheckMs?: number;
  /** Bumped when a check or re-check gives a new list: a selection by index no longer holds. */
  generation: number;
  /** Bumped when acceptances change: the list's rows and counts are asked for again. */
  revision: number;
  /** The finding the pane gives focus back to after an action on it (by key; `n` counts requests). */
  focus?: { key: string; n: number };
}

/** Time as the checker sees it: injected, so that tests need not sleep. */
export interface Clock {
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): Date;
}

export const realClock: Clock = {
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => new Date(),
};

/** A minimal observable store (read by React through useSyncExternalStore). */
class Store<S> {
  private listeners = new Set<() => void>();
  constructor(private state: S) {}
  get = (): S => this.state;
  set(patch: Partial<S> | ((s: S) => Partial<S>)): void {
    const p = typeof patch === "function" ? patch(this.state) : patch;
    this.state = { ...this.state, ...p };
    for (const l of [...this.listeners]) l();
  }
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

function initialState(): CheckerState {
  return {
    phase: { kind: "idle" },
    findings: [],
    fixes: EMPTY_BOOK,
    pane: EMPTY_STATE,
    auto: false,
    generation: 0,
    revision: 0,
  };
}

/** What the pane decides about a workbook it has just read (the rulebook: ../rulebook-choice.ts). */
export interface Decision {
  /** The rulebook to check with (it replaces the one set, without a second check). */
  rulebook?: Rulebook;
  /** What of the workbook is checked (without the rulebook's own sheets). */
  snapshot: WorkbookSnapshot;
  /** Sheets of other plans, checked with their own rulebooks, and those no rulebook has. */
  split?: PlanSplit;
  /** Do not check; say why. */
  error?: string;
}

export class CheckerContext {
  locale: Locale = "vi";
  rulebook?: Rulebook;
  /** Decides the rulebook of each workbook read (issue #11); none: the rulebook set is used as it is. */
  decide?: (snapshot: WorkbookSnapshot) => Decision;
  /** Sheets the live re-check leaves alone (the rulebook's own sheets). */
  ignore?: (sheet: SheetSnapshot) => boolean;
  /** The pane's saved state as it is now (queued actions read it; the store mirrors it). */
  pane: PaneState = EMPTY_STATE;
  /** The findings as they are now (with acceptances), in the engine's order. */
  findings: ReviewedFinding[] = [];
  /** True once the engine holds a snapshot (a check finished). */
  checked = false;
  readonly store = new Store<CheckerState>(initialState());
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly port: WorkbookPort,
    readonly engine: EngineClient,
    readonly clock: Clock,
  ) {}

  set(patch: Partial<CheckerState> | ((s: CheckerState) => Partial<CheckerState>)): void {
    this.store.set(patch);
  }

  /** Runs `task` after every action queued before it. */
  serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Runs an action in the queue; what it returns is merged into the state, a failure becomes a notice. */
  act(task: () => Promise<Partial<CheckerState> | void>): Promise<void> {
    return this.serial(async () => {
      try {
        const patch = await task();
        if (patch) this.set(patch);
      } catch (e) {
        this.set({ notice: { intent: "error", text: this.describe(e) } });
      }
    });
  }

  describe(e: unknown): string {
    return describeError(e, this.locale);
  }

  evalOptions(): EvalOptions {
    return { locale: this.locale, overrides: this.pane.overrides, accepted: this.pane.accepted };
  }

  /** Asks the pane to give focus back to the finding `key` once it is drawn. */
  focusOn(key: string | undefined): Partial<CheckerState> {
    if (key === undefined) return {};
    return { focus: { key, n: (this.store.get().focus?.n ?? 0) + 1 } };
  }
}
