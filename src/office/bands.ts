/**
 * Writes in bands sized by a byte budget: Excel on the web refuses a request over 5 MB, counted
 * in UTF-8 bytes (Vietnamese letters take two or three) plus each operation's object path and
 * envelope. The estimate is generous, so that a band the adapter sends is never refused.
 */

/** What one operation costs besides its arguments: its path (sheet name, address) and envelope. */
export const OPERATION_BYTES = 400;

/** Bytes of a text in UTF-8 (Vietnamese letters take two or three), without TextEncoder (absent from some hosts' test DOMs). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4; // a surrogate pair: one character of four bytes
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a value as a request carries it (JSON). */
export function payloadBytes(value: unknown): number {
  if (value === undefined || value === null) return 4;
  if (typeof value === "number" || typeof value === "boolean") return 24;
  return utf8Length(JSON.stringify(value));
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

  /** Makes room for `operations` operations whose arguments take `bytes` (each operation's own cost is added). */
  async room(bytes: number, operations = 1): Promise<void> {
    const cost = bytes + operations * OPERATION_BYTES;
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

  /** Bytes the band being queued can still take. */
  get free(): number {
    return Math.max(0, this.budget - this.queued);
  }
}

/** Items in consecutive groups whose operations (`operations` each, of OPERATION_BYTES) fit the budget. */
export function chunks<T>(items: readonly T[], operations: number, budget: number): T[][] {
  const per = Math.max(1, Math.floor(budget / (operations * OPERATION_BYTES)));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += per) out.push(items.slice(i, i + per));
  return out;
}
