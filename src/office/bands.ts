/**
 * Writes in bands sized by a byte budget: Excel on the web refuses a request over 5 MB, counted
 * in UTF-8 bytes (Vietnamese letters take two or three) plus each operation's object path and
 * envelope. The estimate is generous, so that a band the adapter sends is never refused.
 */

/** What one operation costs besides its arguments: its path (sheet name, address) and envelope. */
export const OPERATION_BYTES = 400;

const encoder = new TextEncoder();

/** UTF-8 bytes of a value as a request carries it (JSON). */
export function payloadBytes(value: unknown): number {
  if (value === undefined || value === null) return 4;
  if (typeof value === "number" || typeof value === "boolean") return 24;
  return encoder.encode(JSON.stringify(value)).length;
}

/**
 * Queues operations and syncs whenever the next one would take the queued bytes over the budget;
 * `flush` syncs what is left. The number of syncs is that of bands, not of operations.
 */
export class Bander {
  private queued = 0;
  syncs = 0;
  constructor(
    private readonly sync: () => Promise<void>,
    private readonly budget: number,
  ) {}

  /** Makes room for an operation of `bytes` (its arguments; the operation's own cost is added). */
  async room(bytes: number): Promise<void> {
    const cost = bytes + OPERATION_BYTES;
    if (this.queued > 0 && this.queued + cost > this.budget) await this.flush();
    this.queued += cost;
  }

  async flush(): Promise<void> {
    if (this.queued === 0) return;
    this.queued = 0;
    this.syncs++;
    await this.sync();
  }

  get pending(): boolean {
    return this.queued > 0;
  }
}
