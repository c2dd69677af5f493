/**
 * Marks: conditional formats whose rule formula carries MARK_TAG. They never change a value, a
 * formula, a fill, a font or a number format, and removing them restores the sheet exactly.
 *
 * One format per rectangle of flagged cells (never an address list: #1167). What the add-in
 * added is recorded in the workbook, on each sheet (a worksheet custom property, ExcelApi 1.12),
 * so that clearing reads only the rules on those cells, not every rule of the sheet: a user's
 * rule that Office.js cannot read (#6827, #6835) is left alone. Where the record is missing,
 * stale or cannot be kept (before ExcelApi 1.12), every rule is read, and a rule that cannot be
 * read is skipped, not fatal. The user's rules are never changed.
 * - mark: 2 syncs (sheets; marks and record), one more per ~3 MB of marks;
 * - clearMarks: 4 syncs (sheets; records and notes; the rules on the recorded cells; delete),
 *   3 when nothing is recorded; reading every rule costs 1 (1.14+) or 2 more, and a few more per
 *   unreadable rule.
 */
import { SEVERITY_FILL, type Finding, type Severity } from "../engine/findings";
import { parseRange } from "../engine/a1";
import type { MarkResult } from "../taskpane/port";
import { Bander, chunks, payloadBytes } from "./bands";
import type { AdapterContext } from "./context";
import { markLayoutOf, SEVERITIES, type MarkLayout } from "./mark-layout";
import { errorCode } from "./errors";
import { clearOurNotes, loadNotes } from "./notes";
import { loadSheets, writableSheet } from "./sheets";

/** Written into every mark's rule formula: how the add-in tells its marks from the user's. */
export const MARK_TAG = "DEAN-CHECKER";
/** The rule formula of a mark of each severity; clearing removes exactly these, nothing that merely mentions the tag. */
export const markFormula = (severity: Severity) => `=ISTEXT("${MARK_TAG}:${severity}")`;
const MARK_FORMULAS = new Set(SEVERITIES.map(markFormula));
/** Worksheet custom properties recording the marks added, one per mark() call: "DeanChecker.marks.<id>". */
export const RECORD_PREFIX = "DeanChecker.marks.";
/** A record longer than this keeps only the number of marks (clearing then reads every rule of the sheet). */
const RECORD_MAX_CHARS = 30_000;

/** What a record says: the rectangles marked (null: too many to list) and how many formats were added. */
export interface MarkRecord {
  v: 1;
  areas: string[] | null;
  count: number;
}

function cellCount(area: string): number {
  const { start, end } = parseRange(area);
  return (end.row - start.row + 1) * (end.col - start.col + 1);
}

let recordSerial = 0;
function recordKey(): string {
  return `${RECORD_PREFIX}${Date.now().toString(36)}.${(recordSerial++).toString(36)}`;
}

/**
 * Marks the cells of `findings` (or the layout the checker already computed for them: rectangles
 * by sheet and severity). The operations are queued in slices, so that marking 50 000 cells
 * never holds the pane's thread for long.
 */
export async function mark(
  ax: AdapterContext,
  findings: readonly Finding[],
  layout: MarkLayout = markLayoutOf(findings),
): Promise<MarkResult> {
  return ax.run(
    async (ctx) => {
      const sheets = await loadSheets(ax, ctx, true);
      const result: MarkResult = { marked: 0, skipped: [] };
      const bands = new Bander(async () => {
        await ctx.sync();
        ax.slice.restart();
      }, ax.writeBudget);
      for (const { sheet, areas } of layout) {
        // A sheet the add-in may not write on is said, whatever its findings.
        const ws = writableSheet(ax, sheets.items, sheet, "skippedProtectedMarks", result);
        if (!ws) continue;
        const all = areas.flatMap((a) => a.ranges);
        if (all.length === 0) continue;
        if (ax.api.customProperties) {
          // The record first: a mark is never in the workbook without it.
          const listed = JSON.stringify({ v: 1, areas: all, count: all.length } satisfies MarkRecord);
          const value =
            listed.length <= RECORD_MAX_CHARS
              ? listed
              : JSON.stringify({ v: 1, areas: null, count: all.length } satisfies MarkRecord);
          await bands.room(payloadBytes(value));
          ws.customProperties.add(recordKey(), value);
        }
        for (const { severity, ranges } of areas) {
          const formula = markFormula(severity);
          const fill = `#${SEVERITY_FILL[severity]}`;
          for (const area of ranges) {
            if (ax.slice.due()) await ax.slice.pause();
            await bands.room(2 * payloadBytes(formula), 3);
            const cf = ws.getRange(area).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
            cf.custom.rule.formula = formula;
            cf.custom.format.fill.color = fill;
            result.marked += cellCount(area);
          }
        }
      }
      await bands.flush();
      return result;
    },
    { writes: true },
  );
}

/** A mark of the add-in, found on a sheet, to delete. */
interface Found {
  sheet: string;
  cf: Excel.ConditionalFormat;
  /** Position in its sheet's collection when found one rule at a time (deleted last position first). */
  at?: number;
}

/** What a sheet's records say. */
type Plan = { kind: "none" } | { kind: "recorded"; areas: string[]; count: number } | { kind: "scan" };

function planOf(records: Excel.WorksheetCustomProperty[], thorough: boolean, recordsKept: boolean): Plan {
  if (!recordsKept || thorough) return { kind: "scan" };
  if (records.length === 0) return { kind: "none" };
  const areas: string[] = [];
  let count = 0;
  for (const p of records) {
    try {
      const r = JSON.parse(String(p.value)) as Partial<MarkRecord>;
      if (!Array.isArray(r.areas) || typeof r.count !== "number") return { kind: "scan" };
      areas.push(...r.areas.map(String));
      count += r.count;
    } catch {
      return { kind: "scan" }; // edited by hand: trust nothing, read every rule
    }
  }
  return { kind: "recorded", areas, count };
}

/**
 * Removes every mark (and the checker's part of every note) on one sheet, several or all; returns
 * how many cells had a mark. `thorough` reads every rule of the sheets (the user's "Xóa đánh dấu"): it also finds
 * marks the record does not know, such as marked cells the user copied from another sheet.
 */
export async function clearMarks(
  ax: AdapterContext,
  sheet?: string | readonly string[],
  thorough = false,
): Promise<number> {
  // One sheet, several (the pane's bulk actions: ./bulk.ts) or all.
  const only = sheet === undefined ? undefined : new Set(typeof sheet === "string" ? [sheet] : sheet);
  return ax.run(
    async (ctx) => {
      const sheets = await loadSheets(ax, ctx, true);
      const open = sheets.items.filter(
        (ws) => !ws.protection.protected && (only === undefined || only.has(ws.name)),
      );
      const noteLists = ax.api.notes ? loadNotes(open) : [];
      const props = ax.api.customProperties
        ? open.map((ws) => ws.customProperties.load("items/key,items/value"))
        : undefined;
      if (noteLists.length > 0 || props) await ctx.sync();
      const records = open.map((_, i) =>
        (props?.[i].items ?? []).filter((p) => p.key.toLowerCase().startsWith(RECORD_PREFIX.toLowerCase())),
      );
      const plans = open.map((_, i) => planOf(records[i], thorough, ax.api.customProperties));

      const found: Found[] = [];
      const scan = new Set<number>(plans.flatMap((p, i) => (p.kind === "scan" ? [i] : [])));
      const recorded = plans.flatMap((p, i) => (p.kind === "recorded" ? [i] : []));
      if (recorded.length > 0) {
        const ranges: { i: number; range: Excel.Range }[] = [];
        for (const i of recorded) {
          const p = plans[i] as Extract<Plan, { kind: "recorded" }>;
          for (const a of p.areas) {
            if (ax.slice.due()) await ax.slice.pause();
            ranges.push({ i, range: open[i].getRange(a) });
          }
        }
        try {
          const rules = await readRules(
            ax,
            ctx,
            ranges.map((r) => r.range.conditionalFormats),
          );
          // Each recorded rectangle holds exactly its own mark. Anything else (rows inserted or
          // deleted, marks removed or copied by the user) means the record no longer places the
          // marks: that sheet's rules are all read instead (ids are not compared: Office.js does
          // not promise them stable across collections).
          const bySheet = new Map<number, Excel.ConditionalFormat[][]>();
          rules.forEach((list, k) => {
            const i = ranges[k].i;
            const lists = bySheet.get(i);
            if (lists) lists.push(list);
            else bySheet.set(i, [list]);
          });
          for (const i of recorded) {
            const lists = bySheet.get(i) ?? [];
            const p = plans[i] as Extract<Plan, { kind: "recorded" }>;
            if (lists.length !== p.count || lists.some((l) => l.length !== 1)) scan.add(i);
            else for (const [cf] of lists) found.push({ sheet: open[i].name, cf });
          }
        } catch (e) {
          if (errorCode(e) === undefined) throw e;
          // A rule on the marked cells cannot be read: read the sheets rule by rule.
          for (const i of recorded) scan.add(i);
        }
      }
      const scanned = [...scan].sort((a, b) => a - b);
      found.push(
        ...(await readEveryRule(
          ax,
          ctx,
          scanned.map((i) => open[i]),
        )),
      );

      let writes = false;
      // Last position first: deleting by position must not shift the positions still to delete.
      found.sort((a, b) => (b.at ?? 0) - (a.at ?? 0));
      // How many cells had a mark (what the user counts): read in the batch, before the delete.
      const cells: Excel.RangeAreas[] = [];
      for (const f of found) {
        if (ax.slice.due()) await ax.slice.pause();
        cells.push(f.cf.getRanges().load("cellCount"));
      }
      for (const f of found) {
        if (ax.slice.due()) await ax.slice.pause();
        f.cf.delete();
        writes = true;
      }
      records.forEach((list) =>
        list.forEach((p) => {
          p.delete();
          writes = true;
        }),
      );
      // The checker's notes (ExcelApi 1.18): removed, or cut back to the user's own note.
      if (clearOurNotes(noteLists) > 0) writes = true;
      if (writes) await ctx.sync();
      return cells.reduce((n, r) => n + r.cellCount, 0);
    },
    { writes: true },
  );
}

/**
 * The add-in's marks among the rules of each collection, read in bands of collections (1 sync
 * each, 2 before ExcelApi 1.14); fails if one rule cannot be read.
 */
async function readRules(
  ax: AdapterContext,
  ctx: Excel.RequestContext,
  collections: Excel.ConditionalFormatCollection[],
): Promise<Excel.ConditionalFormat[][]> {
  const out: Excel.ConditionalFormat[][] = [];
  for (const part of chunks(collections, 1, ax.writeBudget)) out.push(...(await readBand(ax, ctx, part)));
  return out;
}

async function readBand(
  ax: AdapterContext,
  ctx: Excel.RequestContext,
  collections: Excel.ConditionalFormatCollection[],
): Promise<Excel.ConditionalFormat[][]> {
  const sync = async () => {
    await ctx.sync();
    ax.slice.restart();
  };
  if (ax.api.customOrNull) {
    for (const c of collections) {
      if (ax.slice.due()) await ax.slice.pause();
      c.load("items/id,items/type,items/customOrNullObject/rule/formula");
    }
    await sync();
    return collections.map((c) =>
      c.items.filter(
        (cf) => !cf.customOrNullObject.isNullObject && MARK_FORMULAS.has(cf.customOrNullObject.rule.formula),
      ),
    );
  }
  // Before ExcelApi 1.14: the types first, then the rules of the custom formats only (#2180).
  for (const c of collections) {
    if (ax.slice.due()) await ax.slice.pause();
    c.load("items/id,items/type");
  }
  await sync();
  const custom = collections.map((c) => c.items.filter((cf) => cf.type === "Custom"));
  for (const list of custom) for (const cf of list) cf.custom.rule.load("formula");
  await sync();
  return custom.map((list) => list.filter((cf) => MARK_FORMULAS.has(cf.custom.rule.formula)));
}

/**
 * The add-in's marks among every rule of the sheets. All at once when every rule can be read;
 * otherwise rule by rule, in halves, so that a few unreadable rules (#6827, #6835) cost a few
 * syncs each and are skipped.
 */
async function readEveryRule(
  ax: AdapterContext,
  ctx: Excel.RequestContext,
  sheets: Excel.Worksheet[],
): Promise<Found[]> {
  if (sheets.length === 0) return [];
  try {
    const rules = await readRules(
      ax,
      ctx,
      sheets.map((ws) => ws.getRange().conditionalFormats),
    );
    return rules.flatMap((list, i) => list.map((cf) => ({ sheet: sheets[i].name, cf })));
  } catch (e) {
    if (errorCode(e) === undefined) throw e;
  }
  const counts = sheets.map((ws) => ws.getRange().conditionalFormats.getCount());
  await ctx.sync();
  const positions = sheets.flatMap((ws, i) =>
    Array.from({ length: counts[i].value }, (_, at) => ({ ws, at })),
  );
  const found: Found[] = [];
  const attempt = async (group: { ws: Excel.Worksheet; at: number }[]): Promise<void> => {
    const items = group.map(({ ws, at }) => ({ ws, at, cf: ws.getRange().conditionalFormats.getItemAt(at) }));
    try {
      if (ax.api.customOrNull) {
        for (const { cf } of items) cf.load("type,customOrNullObject/rule/formula");
        await ctx.sync();
        for (const { ws, at, cf } of items)
          if (!cf.customOrNullObject.isNullObject && MARK_FORMULAS.has(cf.customOrNullObject.rule.formula))
            found.push({ sheet: ws.name, cf, at });
      } else {
        for (const { cf } of items) cf.load("type");
        await ctx.sync();
        const custom = items.filter(({ cf }) => cf.type === "Custom");
        for (const { cf } of custom) cf.custom.rule.load("formula");
        await ctx.sync();
        for (const { ws, at, cf } of custom)
          if (MARK_FORMULAS.has(cf.custom.rule.formula)) found.push({ sheet: ws.name, cf, at });
      }
    } catch (e) {
      if (errorCode(e) === undefined) throw e;
      if (group.length === 1) return; // a rule Office.js cannot read: the user's, left as it is
      const half = Math.ceil(group.length / 2);
      await attempt(group.slice(0, half));
      await attempt(group.slice(half));
    }
  };
  for (const part of chunks(positions, 2, ax.writeBudget)) await attempt(part);
  return found;
}
