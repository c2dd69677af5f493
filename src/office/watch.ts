/** "Kiểm tra tự động": the user's edits, by sheet name, until told to stop. */
import type { AdapterContext } from "./context";

export async function watchChanges(
  ax: AdapterContext,
  onChange: (sheet: string) => void,
): Promise<() => Promise<void>> {
  const { host } = ax;
  const handler = await host.run(async (ctx) => {
    const result = ctx.workbook.worksheets.onChanged.add(async (e) => {
      // A co-author's edit re-checks in their own pane; re-marking here too would fight over the marks.
      if (e.source === "Remote") return;
      // The sheet's name now (it may have been renamed since the check): one sync per edit.
      const name = await host.run(async (c) => {
        const ws = c.workbook.worksheets.getItemOrNullObject(e.worksheetId).load("name");
        await c.sync();
        return ws.isNullObject ? undefined : ws.name;
      });
      if (name !== undefined) onChange(name);
    });
    await ctx.sync();
    return result;
  });
  return () => host.removeHandler(handler);
}
