/**
 * "Kiểm tra tự động": after the user edits a sheet, wait for a pause (edits arrive cell by cell),
 * then re-check only the sheets edited. Time comes from the injected clock.
 */
import type { CheckerContext } from "./context";
import { recheckSheets } from "./checking";

/** Edits arrive cell by cell: wait for a pause before re-checking. */
export const AUTO_CHECK_DELAY_MS = 400;

export class AutoCheck {
  private stopWatching?: () => Promise<void>;
  private pending = new Set<string>();
  private timer?: unknown;

  constructor(private readonly ctx: CheckerContext) {}

  async set(on: boolean): Promise<void> {
    const { ctx } = this;
    try {
      if (on && !this.stopWatching && ctx.port.watchChanges) {
        this.stopWatching = await ctx.port.watchChanges((sheet) => this.changed(sheet));
      } else if (!on && this.stopWatching) {
        const stop = this.stopWatching;
        this.stopWatching = undefined;
        this.cancel();
        await stop();
      }
      ctx.set({ auto: on });
    } catch (e) {
      ctx.set({ notice: { intent: "error", text: ctx.describe(e) } });
    }
  }

  private changed(sheet: string): void {
    this.pending.add(sheet);
    if (this.timer !== undefined) this.ctx.clock.clearTimeout(this.timer);
    this.timer = this.ctx.clock.setTimeout(() => {
      this.timer = undefined;
      void this.ctx.serial(() => this.run());
    }, AUTO_CHECK_DELAY_MS);
  }

  /** Runs in the queue: the sheets edited until now; later edits wait for the next run. */
  private async run(): Promise<void> {
    const sheets = [...this.pending];
    this.pending.clear();
    try {
      await recheckSheets(this.ctx, sheets);
    } catch (e) {
      this.ctx.set({ notice: { intent: "error", text: this.ctx.describe(e) } });
    }
  }

  private cancel(): void {
    if (this.timer !== undefined) this.ctx.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  dispose(): void {
    this.cancel();
    const stop = this.stopWatching;
    this.stopWatching = undefined;
    void stop?.().catch(() => undefined);
  }
}
