/**
 * The engine's one bounded cache: least-recently-used eviction, a Map for the look-up and a doubly
 * linked list for the order (so that neither a use nor an eviction ever walks the Map). An entry
 * used again soon after its last move is not moved again (see get): the order is least recently
 * used to within half the capacity, which is all eviction needs.
 *
 * Every cache of the engine goes through this (course matching, text folding, space collapsing,
 * recognition's course look-ups and header words, units of title lines, notes, line labels, number
 * formatting, the templates' formula parser), so that none
 * grows without bound and none forgets everything at once: a sheet with more distinct texts than
 * the capacity keeps its most used ones instead of matching them all again.
 *
 * Hand-written rather than a package: it is the 90 lines below, on the engine's hottest path
 * (every label of every row is folded through one), and the engine stays free of dependencies
 * that a browser bundle and the CLI would both carry.
 */
interface Entry<K, V> {
  key: K;
  value: V;
  /** The tick of its last move to the newest end. */
  tick: number;
  newer: Entry<K, V> | undefined;
  older: Entry<K, V> | undefined;
}

export class LruCache<K, V> {
  private readonly map = new Map<K, Entry<K, V>>();
  /** Most and least recently used entries (a doubly linked list through the entries). */
  private newest: Entry<K, V> | undefined;
  private oldest: Entry<K, V> | undefined;

  /** Moves and insertions so far, and half the capacity (see get). */
  private tick = 0;
  private readonly half: number;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`LruCache capacity must be ≥ 1, not ${capacity}`);
    this.half = Math.floor(capacity / 2);
  }

  get size(): number {
    return this.map.size;
  }

  /**
   * The value, marked as used; undefined when absent. An entry moved to the newest end less than
   * half a capacity of moves ago is left where it is: it is far from eviction, and the hot loops
   * that read the same texts again and again then cost a Map look-up only.
   */
  get(key: K): V | undefined {
    const e = this.map.get(key);
    if (e === undefined) return undefined;
    if (this.tick - e.tick >= this.half) {
      this.unlink(e);
      this.pushNewest(e);
    }
    return e.value;
  }

  /** Whether the key is cached (does not count as a use). */
  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): this {
    const e = this.map.get(key);
    if (e !== undefined) {
      e.value = value;
      if (e !== this.newest) {
        this.unlink(e);
        this.pushNewest(e);
      }
      return this;
    }
    if (this.map.size >= this.capacity && this.oldest) {
      // Evict the least recently used: a keyed delete, never a walk over the Map.
      const old = this.oldest;
      this.unlink(old);
      this.map.delete(old.key);
    }
    const added: Entry<K, V> = { key, value, tick: 0, newer: undefined, older: undefined };
    this.map.set(key, added);
    this.pushNewest(added);
    return this;
  }

  /** The cached value, or `make(key)` computed, cached and returned (values are never undefined). */
  getOr(key: K, make: (key: K) => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const v = make(key);
    this.set(key, v);
    return v;
  }

  clear(): void {
    this.map.clear();
    this.newest = this.oldest = undefined;
  }

  private unlink(e: Entry<K, V>): void {
    if (e.newer) e.newer.older = e.older;
    else this.newest = e.older;
    if (e.older) e.older.newer = e.newer;
    else this.oldest = e.newer;
    e.newer = e.older = undefined;
  }

  private pushNewest(e: Entry<K, V>): void {
    e.tick = ++this.tick;
    e.older = this.newest;
    e.newer = undefined;
    if (this.newest) this.newest.newer = e;
    this.newest = e;
    if (!this.oldest) this.oldest = e;
  }
}
