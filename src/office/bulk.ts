/**
 * The pane's bulk actions, in a number of syncs that does not grow with the findings (one more
 * per band of BULK_BAND cells, so that no request nears Excel on the web's 5 MB):
 * - applyFixes: 2 syncs per band (the cells as they are; the writes); a cell holding a formula
 *   refuses the whole batch before anything is written;
 * - undoFixes: 1 sync per band;
 * - remark: the marks of several sheets replaced at once (clearMarks of those sheets, then mark).
 */
import type { Finding } from "../engine/findings";
import type { FixRecord, MarkResult, SheetFix } from "../taskpane/port";
import type { AdapterContext } from "./context";
import { clearMarks, mark } from "./mark";
import { asTypedText } from "./sheets";

/** Cells per sync: ~200 bytes of request each (path, value) keeps a band near 2 MB. */
export const BULK_BAND = 10_000;

function bands<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += BULK_BAND) out.push(list.slice(i, i + BULK_BAND));
  return out;
}

export async function applyFixes(ax: AdapterContext, orders: readonly SheetFix[]): Promise<FixRecord[]> {
  if (orders.length === 0) return [];
  return ax.host.run(async (ctx) => {
    // Every cell as it is first, so that a formula anywhere stops the batch before any write.
    const read: { order: SheetFix; range: Excel.Range }[] = [];
    for (const band of bands(orders)) {
      const ranges = band.map((order) => ({
        order,
        range: ctx.workbook.worksheets.getItem(order.sheet).getRange(order.fix.cell).load("values,formulas"),
      }));
      await ctx.sync();
      read.push(...ranges);
    }
    for (const { order, range } of read) {
      const formula = range.formulas[0][0];
      if (typeof formula === "string" && formula.startsWith("=")) {
        throw new Error(
          `Ô ${order.fix.cell} (trang ${order.sheet}) có công thức ${formula}: không tự sửa ô có công thức, hãy sửa công thức hoặc các ô nó tham chiếu. Chưa ô nào được sửa.`,
        );
      }
    }
    const records = read.map(({ order, range }): FixRecord => {
      const value = range.values[0][0];
      return {
        sheet: order.sheet,
        cell: order.fix.cell,
        before: { value: value === "" ? null : (value as number | string | boolean), formula: null },
        after: order.fix.value,
      };
    });
    for (const band of bands(read)) {
      for (const { order, range } of band) range.values = [[asTypedText(order.fix.value)]];
      await ctx.sync();
    }
    return records;
  });
}

export async function undoFixes(ax: AdapterContext, records: readonly FixRecord[]): Promise<void> {
  if (records.length === 0) return;
  await ax.host.run(async (ctx) => {
    for (const band of bands(records)) {
      for (const record of band) {
        const range = ctx.workbook.worksheets.getItem(record.sheet).getRange(record.cell);
        if (record.before.formula) range.formulas = [[`=${record.before.formula}`]];
        else range.values = [[asTypedText(record.before.value)]];
      }
      await ctx.sync();
    }
  });
}

/** Replaces the add-in's marks on `sheets` by marks of `findings` (those on these sheets). */
export async function remark(
  ax: AdapterContext,
  sheets: readonly string[],
  findings: readonly Finding[],
): Promise<MarkResult> {
  if (sheets.length === 0) return { marked: 0, skipped: [] };
  const on = new Set(sheets);
  await clearMarks(ax, sheets);
  return mark(
    ax,
    findings.filter((f) => on.has(f.sheet)),
  );
}
