/**
 * "Kiểm tra tự động": the user's edits, by sheet name, until told to stop. The add-in's own writes
 * (a fix, the report sheet, a template) fire change events too: they are told apart by the event's
 * triggerSource (ExcelApi 1.14), or before that by the add-in's record of what it just wrote.
 */
import type { AdapterContext } from "./context";

export async function watchChanges(
  ax: AdapterContext,
  onChange: (sheet: string) => void,
): Promise<() => Promise<void>> {
  const handler = await ax.run(async (ctx) => {
    const result = ctx.workbook.worksheets.onChanged.add(async (e) => {
      // A co-author's edit re-checks in their own pane; re-marking here too would fight over the marks.
      if (e.source === "Remote") return;
      if ((e as { triggerSource?: string }).triggerSource === "ThisLocalAddin") return;
      // The sheet's name now (it may have been renamed since the check): one sync per edit.
      const name = await ax.run(async (c) => {
        const ws = c.workbook.worksheets.getItemOrNullObject(e.worksheetId).load("name");
        await c.sync();
        return ws.isNullObject ? undefined : ws.name;
      });
      if (name === undefined) return;
      if (!ax.api.triggerSource && ax.selfWrites.isOwn(name, e.address)) return;
      onChange(name);
    });
    await ctx.sync();
    return result;
  });
  return () => ax.host.removeHandler(handler);
}
