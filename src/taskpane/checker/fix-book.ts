/**
 * The fixes applied in this session, to undo them: one entry per click (one cell, or every cell
 * of a "Sửa cả" batch), each record under the key of the finding it fixed.
 */
import type { EngineFinding } from "../../engine/findings";
import type { FixRecord } from "../port";

/** A finding's identity within one check (sheet, rule, cells, message). */
export function findingKey(f: EngineFinding): string {
  return `${f.sheet}\u001f${f.rule}\u001f${f.cells.join(",")}\u001f${f.message}`;
}

interface FixEntry {
  id: number;
  /** Keys of the findings fixed, one per record. */
  keys: string[];
  records: FixRecord[];
}

export interface FixBook {
  entries: readonly FixEntry[];
  byKey: ReadonlyMap<string, FixRecord>;
}

export const EMPTY_BOOK: FixBook = { entries: [], byKey: new Map() };

let nextId = 1;

function book(entries: FixEntry[]): FixBook {
  const byKey = new Map<string, FixRecord>();
  for (const e of entries) e.keys.forEach((k, i) => byKey.set(k, e.records[i]));
  return { entries, byKey };
}

export function addEntry(b: FixBook, keys: string[], records: FixRecord[]): FixBook {
  if (records.length === 0) return b;
  return book([...b.entries, { id: nextId++, keys, records }]);
}

/** The book without the records of `keys` (entries left empty go). */
export function withoutKeys(b: FixBook, keys: readonly string[]): FixBook {
  const gone = new Set(keys);
  const entries: FixEntry[] = [];
  for (const e of b.entries) {
    if (!e.keys.some((k) => gone.has(k))) {
      entries.push(e);
      continue;
    }
    const keep = e.keys.map((k, i) => [k, e.records[i]] as const).filter(([k]) => !gone.has(k));
    if (keep.length) entries.push({ id: e.id, keys: keep.map(([k]) => k), records: keep.map(([, r]) => r) });
  }
  return book(entries);
}
