/**
 * Long work on the pane's thread, cut into slices: between two syncs the adapter may queue tens
 * of thousands of operations (marks, the report's rows, notes); a loop that asks `due()` and then
 * `await pause()` lets the pane paint and answer clicks at least every few milliseconds, so that
 * no task of the pane's thread grows with the number of findings. Syncs do not change: queued
 * operations wait in the request until the next `context.sync()`.
 */

/** Milliseconds of work before the thread is given back (well under a 100 ms long task). */
export const SLICE_MS = 12;

const clock = (): number =>
  typeof performance !== "undefined" && typeof performance.now === "function"
    ? performance.now()
    : Date.now();

interface Scheduler {
  yield?: () => Promise<void>;
}

/** The next task of the event loop: `scheduler.yield()` where the browser has it, else a timer. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class Slicer {
  private since: number;

  constructor(
    private readonly budgetMs: number = SLICE_MS,
    private readonly now: () => number = clock,
    private readonly next: () => Promise<void> = nextTask,
  ) {
    this.since = now();
  }

  /** True when the current slice is used up: the caller should `await pause()`. */
  due(): boolean {
    return this.now() - this.since >= this.budgetMs;
  }

  /** Gives the thread back for one task, then starts a new slice. */
  async pause(): Promise<void> {
    await this.next();
    this.since = this.now();
  }

  /** A new slice starts (after an await that gave the thread back, such as a sync). */
  restart(): void {
    this.since = this.now();
  }
}
