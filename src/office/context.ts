/**
 * What every part of the adapter shares: the Office host, the API sets this Excel has, the read
 * band size, and the add-in's own recent writes. The parts (read, mark, notes, edit, report,
 * state, watch, templates) are plain functions of this context, so that a new action is one more
 * function beside them.
 */
import type { Locale } from "../engine/i18n";
import { t, type StringKey } from "../taskpane/strings";
import type { OfficeHost } from "./host";
import { Slicer } from "./slices";

/** Features of newer ExcelApi sets, detected once; each is worked around where absent. */
export interface ApiLevels {
  /** Worksheet.pageLayout and Worksheet.autoFilter (ExcelApi 1.9): the report's print settings. */
  pageLayout: boolean;
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
  mergedAreas: boolean;
  /** Worksheet.customProperties (ExcelApi 1.12): where the add-in records the marks it added. */
  customProperties: boolean;
  /** ConditionalFormat.customOrNullObject (ExcelApi 1.14): one sync less when clearing marks. */
  customOrNull: boolean;
  /** WorksheetChangedEventArgs.triggerSource (ExcelApi 1.14): the add-in's own writes say so. */
  triggerSource: boolean;
  /** Worksheet.notes (ExcelApi 1.18). */
  notes: boolean;
  /** Excel.run's mergeUndoGroup (ExcelApi 1.20): one action, one undo step. */
  undoGroups: boolean;
}

/**
 * The add-in's own writes, for Excel before ExcelApi 1.14 whose change events do not say who
 * wrote: a change event on a range the add-in wrote moments ago is its own, not the user's.
 */
export class SelfWrites {
  private readonly expected: { sheet: string; box?: Box; until: number }[] = [];
  constructor(private readonly now: () => number = Date.now) {}

  /** The add-in is about to write `address` (every cell of the sheet when omitted) on `sheet`. */
  expect(sheet: string, address?: string): void {
    this.expected.push({
      sheet,
      box: address === undefined ? undefined : boxOf(address),
      until: this.now() + 10_000,
    });
  }

  /** True when a change at `address` of `sheet` is one the add-in made. */
  isOwn(sheet: string, address: string): boolean {
    const t = this.now();
    for (let i = this.expected.length - 1; i >= 0; i--)
      if (this.expected[i].until < t) this.expected.splice(i, 1);
    let box: Box | undefined;
    try {
      box = boxOf(address);
    } catch {
      box = undefined;
    }
    return this.expected.some(
      (e) => e.sheet === sheet && (e.box === undefined || (box !== undefined && within(box, e.box))),
    );
  }
}

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function boxOf(address: string): Box {
  const bang = address.lastIndexOf("!");
  const local = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
  const [a, b = a] = local.split(":");
  const p = (s: string) => {
    const m = /^([A-Za-z]{1,3})(\d+)$/.exec(s);
    if (!m) throw new RangeError(s);
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const x = p(a);
  const y = p(b);
  return {
    r0: Math.min(x.row, y.row),
    c0: Math.min(x.col, y.col),
    r1: Math.max(x.row, y.row),
    c1: Math.max(x.col, y.col),
  };
}

const within = (a: Box, b: Box) => a.r0 >= b.r0 && a.r1 <= b.r1 && a.c0 >= b.c0 && a.c1 <= b.c1;

export interface AdapterContext {
  host: OfficeHost;
  /** The pane's language: every message and notice of the adapter is worded in it. */
  locale: Locale;
  /** A sentence of the pane's catalogue (src/taskpane/strings.ts) in the adapter's language. */
  say(key: StringKey, data?: Record<string, string | number>): string;
  /**
   * The adapter's own work between two syncs, cut into slices: long loops ask `slice.due()` and
   * `await slice.pause()`, so that the pane's thread paints and answers between them.
   */
  slice: Slicer;
  api: ApiLevels;
  /** Cells per sync when reading values and formulas. */
  cellsPerSync: number;
  /** Estimated request bytes per sync when writing (Excel on the web refuses more than 5 MB). */
  writeBudget: number;
  selfWrites: SelfWrites;
  /**
   * Excel.run as the adapter uses it: a batch started while the user is typing in a cell waits
   * for the edit to end (delayForCellEdit) instead of failing; a batch that writes is one undo
   * step where Excel has undo groups (ExcelApi 1.20).
   */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: { writes?: boolean }): Promise<T>;
}

/** Cells per sync when reading values and formulas: ~40 bytes a cell for both keeps a sync under 4 MB. */
export const CELLS_PER_SYNC = 50_000;
/** Estimated bytes per writing sync: well under Excel on the web's 5 MB, the estimate being generous. */
export const WRITE_BUDGET = 3_000_000;

export interface AdapterOptions {
  cellsPerSync?: number;
  writeBudget?: number;
  locale?: Locale;
  /** Milliseconds of the adapter's own work before it lets the pane's thread breathe. */
  sliceMs?: number;
  /** How the adapter cuts its work into slices (tests count the slices). */
  slicer?: Slicer;
}

export function adapterContext(host: OfficeHost, options: AdapterOptions = {}): AdapterContext {
  const api: ApiLevels = {
    pageLayout: host.supportsExcelApi("1.9"),
    mergedAreas: host.supportsExcelApi("1.13"),
    customProperties: host.supportsExcelApi("1.12"),
    customOrNull: host.supportsExcelApi("1.14"),
    triggerSource: host.supportsExcelApi("1.14"),
    notes: host.supportsExcelApi("1.18"),
    undoGroups: host.supportsExcelApi("1.20"),
  };
  const ax: AdapterContext = {
    host,
    locale: options.locale ?? "vi",
    say: (key, data) => t(ax.locale, key, data),
    slice: options.slicer ?? new Slicer(options.sliceMs),
    api,
    cellsPerSync: options.cellsPerSync ?? CELLS_PER_SYNC,
    writeBudget: options.writeBudget ?? WRITE_BUDGET,
    selfWrites: new SelfWrites(),
    run: (batch, o = {}) =>
      host.run(batch, {
        delayForCellEdit: true,
        ...(o.writes && api.undoGroups ? { mergeUndoGroup: true } : {}),
      }),
  };
  return ax;
}
