/** Selecting a finding's cells, writing a mechanical fix and undoing it. */
import type { Fix } from "../engine/findings";
import type { FixRecord } from "../taskpane/port";
import type { AdapterContext } from "./context";
import { asTypedText } from "./sheets";

export async function select(ax: AdapterContext, sheet: string, cells: readonly string[]): Promise<void> {
  if (cells.length === 0) return;
  await ax.host.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    // Every cell of the finding where Excel can select several areas (ExcelApi 1.18), else the first.
    if (cells.length > 1 && ax.api.selectAreas) ws.getRanges(cells.join(",")).select();
    else ws.getRange(cells[0]).select();
    await ctx.sync();
  });
}

export async function applyFix(ax: AdapterContext, sheet: string, fix: Fix): Promise<FixRecord> {
  return ax.host.run(async (ctx) => {
    const range = ctx.workbook.worksheets.getItem(sheet).getRange(fix.cell).load("values,formulas");
    await ctx.sync();
    const formula = range.formulas[0][0];
    if (typeof formula === "string" && formula.startsWith("=")) {
      throw new Error(
        `Ô ${fix.cell} có công thức ${formula}: không tự sửa ô có công thức, hãy sửa công thức hoặc các ô nó tham chiếu.`,
      );
    }
    const value = range.values[0][0];
    range.values = [[asTypedText(fix.value)]];
    await ctx.sync();
    return {
      sheet,
      cell: fix.cell,
      before: { value: value === "" ? null : (value as number | string | boolean), formula: null },
      after: fix.value,
    };
  });
}

export async function undoFix(ax: AdapterContext, record: FixRecord): Promise<void> {
  await ax.host.run(async (ctx) => {
    const range = ctx.workbook.worksheets.getItem(record.sheet).getRange(record.cell);
    if (record.before.formula) range.formulas = [[`=${record.before.formula}`]];
    else range.values = [[asTypedText(record.before.value)]];
    await ctx.sync();
  });
}

/** Recalculates every formula (the DEAN.* functions after the rulebook changed). */
export async function recalculate(ax: AdapterContext): Promise<void> {
  await ax.host.run(async (ctx) => {
    ctx.workbook.application.calculate("Full");
    await ctx.sync();
  });
}
