/** Selecting a finding's cells, writing mechanical fixes and undoing them, recalculating. */
import type { Fix } from "../engine/findings";
import type { FixRecord } from "../taskpane/port";
import { rectangles } from "./areas";
import { Bander, payloadBytes } from "./bands";
import type { AdapterContext } from "./context";
import { errorCode } from "./errors";
import { asTypedText } from "./sheets";

/**
 * Activates the sheet and selects the finding's cells: all of them when they make one rectangle,
 * else the first (several areas would need an address list, which depends on the regional
 * settings: #1167). 1 sync; a sheet that is hidden (Excel cannot select on it) is said so in one
 * more.
 */
export async function select(ax: AdapterContext, sheet: string, cells: readonly string[]): Promise<void> {
  if (cells.length === 0) return;
  const areas = rectangles(cells);
  const target = areas.length === 1 ? areas[0] : cells[0];
  try {
    await ax.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(target).select();
      await ctx.sync();
    });
  } catch (e) {
    if (errorCode(e) === undefined) throw e;
    const visibility = await ax
      .run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet).load("visibility");
        await ctx.sync();
        return ws.isNullObject ? undefined : ws.visibility;
      })
      .catch(() => undefined);
    if (visibility === "Hidden") throw new Error(ax.say("sheetHidden", { sheet, cell: cells[0] }));
    if (visibility === "VeryHidden") throw new Error(ax.say("sheetVeryHidden", { sheet, cell: cells[0] }));
    throw e;
  }
}

/** A fix to write: the finding's sheet and its mechanical correction. */
export interface FixOrder {
  sheet: string;
  fix: Fix;
}

/**
 * Writes fixes, refusing any whose cell holds a formula (nothing is written then), and returns
 * what undoes each. One Excel.run, one undo step (ExcelApi 1.20): 2 syncs (the cells as they are;
 * the writes), one more per ~3 MB of writes, whatever the number of fixes.
 */
export async function applyFixes(ax: AdapterContext, orders: readonly FixOrder[]): Promise<FixRecord[]> {
  if (orders.length === 0) return [];
  return ax.run(
    async (ctx) => {
      const ranges = orders.map(({ sheet, fix }) =>
        ctx.workbook.worksheets.getItem(sheet).getRange(fix.cell).load("values,formulas"),
      );
      await ctx.sync();
      ranges.forEach((range, i) => {
        const formula: unknown = range.formulas[0][0];
        if (typeof formula === "string" && formula.startsWith("=")) {
          const cell = orders[i].fix.cell;
          throw new Error(ax.say("fixFormula", { cell, formula }));
        }
      });
      const records = orders.map(({ sheet, fix }, i): FixRecord => {
        const value: unknown = ranges[i].values[0][0];
        return {
          sheet,
          cell: fix.cell,
          before: { value: value === "" ? null : (value as number | string | boolean), formula: null },
          after: fix.value,
        };
      });
      const bands = new Bander(() => ctx.sync(), ax.writeBudget);
      for (let i = 0; i < orders.length; i++) {
        const { sheet, fix } = orders[i];
        const typed = asTypedText(fix.value);
        await bands.room(payloadBytes(typed));
        ax.selfWrites.expect(sheet, fix.cell);
        ranges[i].values = [[typed]];
      }
      await bands.flush();
      return records;
    },
    { writes: true },
  );
}

export async function applyFix(ax: AdapterContext, sheet: string, fix: Fix): Promise<FixRecord> {
  const [record] = await applyFixes(ax, [{ sheet, fix }]);
  return record;
}

/** Puts back what fixes replaced: one Excel.run, one undo step, 1 sync per ~3 MB. */
export async function undoFixes(ax: AdapterContext, records: readonly FixRecord[]): Promise<void> {
  if (records.length === 0) return;
  await ax.run(
    async (ctx) => {
      const bands = new Bander(() => ctx.sync(), ax.writeBudget);
      for (const record of records) {
        const range = ctx.workbook.worksheets.getItem(record.sheet).getRange(record.cell);
        ax.selfWrites.expect(record.sheet, record.cell);
        if (record.before.formula) {
          const formula = `=${record.before.formula}`;
          await bands.room(payloadBytes(formula));
          range.formulas = [[formula]];
        } else {
          const typed = asTypedText(record.before.value);
          await bands.room(payloadBytes(typed));
          range.values = [[typed]];
        }
      }
      await bands.flush();
    },
    { writes: true },
  );
}

export function undoFix(ax: AdapterContext, record: FixRecord): Promise<void> {
  return undoFixes(ax, [record]);
}

/**
 * Recalculates every formula (the DEAN.* functions after the rulebook changed), unless the user
 * chose manual calculation: then their F9 decides, as they asked. 2 syncs.
 */
export async function recalculate(ax: AdapterContext): Promise<void> {
  await ax.run(async (ctx) => {
    const app = ctx.workbook.application;
    app.load("calculationMode");
    await ctx.sync();
    if (app.calculationMode === "Manual") return;
    app.calculate("Full");
    await ctx.sync();
  });
}
