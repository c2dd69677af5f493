/**
 * The pane's side of the checker: the same requests over a Web Worker (the add-in) or in-process
 * (tests, and a host without workers). The snapshot goes to the worker in slices, one task each,
 * and the findings come back in slices, so that no task of the pane's thread grows with the
 * workbook.
 */
import type { Acceptance, ReviewedFinding } from "../../engine/accept";
import type { Locale } from "../../engine/i18n";
import type { ReportRow, ReportSheet } from "../../engine/report-sheet";
import type { Rulebook } from "../../engine/rulebook/schema";
import { NO_SPLIT, type PlanSplit } from "../../engine/rulebook/select";
import type { MarkLayout } from "../../office/mark-layout";
import type { SheetSnapshot, WorkbookSnapshot } from "../../engine/snapshot";
import { rulebookChoice, splitMessage } from "../rulebook-choice";
import { CheckerHost } from "./host";
import {
  CELLS_PER_MESSAGE,
  type CheckOutcome,
  type Envelope,
  type EvalOptions,
  type ListFilter,
  type ListView,
  type Request,
  type Response,
  type ReviewOutcome,
  type WorkbookSummary,
} from "./protocol";

export interface CheckProgress {
  /** "sending": the snapshot goes to the checker; "checking": the engine runs; "receiving": findings come back. */
  stage: "sending" | "checking" | "receiving";
  done: number;
  total: number;
}

export interface EngineClient {
  /**
   * The rulebook of the next checks (sent once per rulebook), and the sheets of other plans checked
   * with their own rulebooks (none: every sheet with this one).
   */
  setRulebook(rulebook: Rulebook, split?: PlanSplit): void;
  /** Checks a new snapshot. */
  check(
    snapshot: WorkbookSnapshot,
    options: EvalOptions,
    onProgress?: (p: CheckProgress) => void,
  ): Promise<CheckOutcome>;
  /** Checks the last snapshot again (another language, rulebook or recognition correction). */
  evaluate(options: EvalOptions, onProgress?: (p: CheckProgress) => void): Promise<CheckOutcome>;
  /** Some sheets changed: recognises them again and re-runs the rules. */
  recheck(sheets: SheetSnapshot[], options: EvalOptions): Promise<CheckOutcome>;
  accept(
    indices: number[],
    reason: string,
    at: Date,
    accepted: readonly Acceptance[],
  ): Promise<ReviewOutcome>;
  unaccept(indices: number[], accepted: readonly Acceptance[]): Promise<ReviewOutcome>;
  /** The findings under another list of acceptances (after one was withdrawn elsewhere). */
  review(accepted: readonly Acceptance[]): Promise<ReviewOutcome>;
  view(filter: ListFilter): Promise<ListView>;
  /** The report sheet of the findings as they are now, built by the checker (rows received in slices). */
  report(locale: Locale): Promise<ReportSheet>;
  /** Where the marks of the open findings go (on `sheets`, or every sheet), grouped by the checker. */
  marks(sheets?: readonly string[]): Promise<MarkLayout>;
  dispose(): void;
}

/** A failure of the checker itself (its script did not load, it crashed). */
class CheckerFailure extends Error {
  override readonly name = "CheckerFailure";
}

/** Lets the pane paint and answer clicks between two slices of work. */
export function yieldToPane(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A slice of a long answer (findings, report rows) that comes before the answer itself. */
interface Parts {
  findings?(start: number, total: number, f: ReviewedFinding[]): void;
  rows?(start: number, total: number, rows: ReportRow[]): void;
}

interface Transport {
  /** Sends a request; `parts` gets each slice of findings or rows before the answer. */
  send(req: Request, parts?: Parts): Promise<unknown>;
  /** Sends without waiting for the answer (slices of a snapshot). */
  post(req: Request): void;
  close(): void;
}

function rowSlices(sheet: SheetSnapshot): { start: number; end: number }[] {
  const width = Math.max(1, ...sheet.values.slice(0, 50).map((r) => r?.length ?? 0));
  const rows = Math.max(1, Math.floor(CELLS_PER_MESSAGE / width));
  const out: { start: number; end: number }[] = [];
  for (let start = 0; start < sheet.values.length; start += rows)
    out.push({ start, end: Math.min(sheet.values.length, start + rows) });
  return out;
}

function clientOver(transport: Transport, slices: boolean): EngineClient {
  let sentRulebook: Rulebook | undefined;
  let pendingRulebook: Rulebook | undefined;
  let sentSplit: PlanSplit = NO_SPLIT;
  let pendingSplit: PlanSplit = NO_SPLIT;
  const flushRulebook = () => {
    if (pendingRulebook && (pendingRulebook !== sentRulebook || pendingSplit !== sentSplit)) {
      const split = pendingSplit === NO_SPLIT ? {} : { split: splitMessage(pendingSplit) };
      transport.post({ type: "rulebook", choice: rulebookChoice(pendingRulebook), ...split });
      sentRulebook = pendingRulebook;
      sentSplit = pendingSplit;
    }
  };
  async function run(req: Request, onProgress?: (p: CheckProgress) => void): Promise<CheckOutcome> {
    flushRulebook();
    let findings: ReviewedFinding[] = [];
    onProgress?.({ stage: "checking", done: 0, total: 0 });
    // The engine's end, on the pane's timeline (for DevTools and bench/pane.ts).
    let done = false;
    const engineDone = () => {
      if (!done) globalThis.performance?.mark?.("dean:engine-done");
      done = true;
    };
    const summary = (await transport.send(req, {
      findings: (start, total, part) => {
        engineDone();
        if (findings.length !== total) findings.length = total;
        for (let k = 0; k < part.length; k++) findings[start + k] = part[k];
        onProgress?.({ stage: "receiving", done: start + part.length, total });
      },
    })) as WorkbookSummary;
    engineDone();
    if (findings.length === 0) findings = [];
    return { findings, summary };
  }
  /**
   * One call after another: a check sends its snapshot over several tasks, and a request made
   * meanwhile (the list's rows) must not reach the checker before the check it depends on.
   */
  let chain: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(f: () => Promise<T>): Promise<T> => {
    const run = chain.then(f);
    chain = run.catch(() => undefined);
    return run;
  };
  const client: EngineClient = {
    setRulebook(rb, split = NO_SPLIT) {
      pendingRulebook = rb;
      pendingSplit = split;
    },
    async check(snapshot, options, onProgress) {
      flushRulebook();
      if (!slices) {
        transport.post({ type: "begin", sheets: snapshot.sheets });
      } else {
        transport.post({
          type: "begin",
          sheets: snapshot.sheets.map((s) => ({ ...s, values: [], ...(s.formulas ? { formulas: [] } : {}) })),
        });
        const total = snapshot.sheets.reduce((n, s) => n + s.values.length, 0);
        let done = 0;
        for (let i = 0; i < snapshot.sheets.length; i++) {
          const sheet = snapshot.sheets[i];
          for (const { start, end } of rowSlices(sheet)) {
            await yieldToPane();
            transport.post({
              type: "rows",
              sheet: i,
              start,
              values: sheet.values.slice(start, end),
              ...(sheet.formulas ? { formulas: sheet.formulas.slice(start, end) } : {}),
            });
            done += end - start;
            onProgress?.({ stage: "sending", done, total });
          }
        }
      }
      return run({ type: "check", options }, onProgress);
    },
    evaluate: (options, onProgress) => run({ type: "check", options }, onProgress),
    recheck: (sheets, options) => run({ type: "recheck", sheets, options }),
    accept: (indices, reason, at, accepted) =>
      transport.send({
        type: "accept",
        indices,
        reason,
        at: at.toISOString(),
        accepted,
      }) as Promise<ReviewOutcome>,
    unaccept: (indices, accepted) =>
      transport.send({ type: "unaccept", indices, accepted }) as Promise<ReviewOutcome>,
    review: (accepted) => transport.send({ type: "review", accepted }) as Promise<ReviewOutcome>,
    view: (filter) => transport.send({ type: "view", filter }) as Promise<ListView>,
    async report(locale) {
      const rows: ReportRow[] = [];
      const sheet = (await transport.send(
        { type: "report", locale },
        {
          rows: (start, total, part) => {
            if (rows.length !== total) rows.length = total;
            for (let k = 0; k < part.length; k++) rows[start + k] = part[k];
          },
        },
      )) as ReportSheet;
      return { ...sheet, rows: sheet.rows.length > 0 ? sheet.rows : rows };
    },
    marks: (sheets) =>
      transport.send({ type: "marks", ...(sheets ? { sheets: [...sheets] } : {}) }) as Promise<MarkLayout>,
    dispose: () => transport.close(),
  };
  return {
    setRulebook: (...a) => client.setRulebook(...a),
    check: (...a) => inTurn(() => client.check(...a)),
    evaluate: (...a) => inTurn(() => client.evaluate(...a)),
    recheck: (...a) => inTurn(() => client.recheck(...a)),
    accept: (...a) => inTurn(() => client.accept(...a)),
    unaccept: (...a) => inTurn(() => client.unaccept(...a)),
    review: (...a) => inTurn(() => client.review(...a)),
    view: (...a) => inTurn(() => client.view(...a)),
    report: (...a) => inTurn(() => client.report(...a)),
    marks: (...a) => inTurn(() => client.marks(...a)),
    dispose: () => client.dispose(),
  };
}

/** The checker in this thread: for tests and hosts without Web Workers. Same answers, same order. */
export function inProcessEngine(): EngineClient {
  const host = new CheckerHost();
  let queue: Promise<unknown> = Promise.resolve();
  const transport: Transport = {
    send(req, parts) {
      const run = queue.then(() =>
        host.handle(req, {
          findings: (start, total, f) => parts?.findings?.(start, total, f),
          rows: (start, total, r) => parts?.rows?.(start, total, r),
        }),
      );
      queue = run.catch(() => undefined);
      return run;
    },
    post(req) {
      void transport.send(req);
    },
    close: () => undefined,
  };
  return clientOver(transport, false);
}

/** The part of a Worker the client uses. */
export interface WorkerLike {
  postMessage(message: Envelope): void;
  onmessage: ((e: MessageEvent<Response>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

/** The checker in a Web Worker running ./worker.ts. */
export function workerEngine(worker: WorkerLike): EngineClient {
  let next = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; parts?: Parts }>();
  let broken: Error | undefined;
  worker.onmessage = (e) => {
    const msg = e.data;
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.type === "findings") {
      p.parts?.findings?.(msg.start, msg.total, msg.findings);
      return;
    }
    if (msg.type === "rows") {
      p.parts?.rows?.(msg.start, msg.total, msg.rows);
      return;
    }
    pending.delete(msg.id);
    if (msg.type === "result") p.resolve(msg.value);
    else p.reject(new Error(msg.message));
  };
  worker.onerror = (e) => {
    broken = new CheckerFailure(e.message || "checker");
    for (const p of pending.values()) p.reject(broken);
    pending.clear();
  };
  const transport: Transport = {
    send(req, parts) {
      if (broken) return Promise.reject(broken);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, parts });
        worker.postMessage({ ...req, id });
      });
    },
    post(req) {
      // Slices of a snapshot: a failure shows in the answer to the check that follows them.
      void transport.send(req).catch(() => undefined);
    },
    close: () => worker.terminate(),
  };
  return clientOver(transport, true);
}
