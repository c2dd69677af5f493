/** Small helpers every part of the adapter uses: addresses, typed text, sheets the add-in may write on. */
import type { MarkResult } from "../taskpane/port";
import type { StringKey } from "../taskpane/strings";
import type { AdapterContext } from "./context";

/** "'PL 1, 2'!A1:B1,'PL 1, 2'!C1:D1" → ["'PL 1, 2'!A1:B1", "'PL 1, 2'!C1:D1"]: commas inside a quoted sheet name stay. */
export function splitAddresses(list: string): string[] {
  // A comma splits when an even number of quotes follows it (it is outside any quoted name): one
  // pass, where the pattern ,(?=(?:[^']*'[^']*')*[^']*$) counted the quotes after every comma
  // again (quadratic: 0.5 s on 32 767 commas).
  let after = 0;
  for (let i = 0; i < list.length; i++) if (list[i] === "'") after++;
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === "'") after--;
    else if (list[i] === "," && after % 2 === 0) {
      out.push(list.slice(from, i));
      from = i + 1;
    }
  }
  out.push(list.slice(from));
  return out.filter((a) => a !== "");
}

/** "'PL8 KP 2028'!A1:B2" → "A1:B2". */
export function localAddress(address: string): string {
  const i = address.lastIndexOf("!");
  return (i >= 0 ? address.slice(i + 1) : address).replace(/\$/g, "");
}

/** A text written as a value must stay text: the apostrophe stops Excel reading "=…", "1.5" or "5.". */
export function asTypedText(v: number | string | boolean | null): number | string | boolean {
  if (v === null) return "";
  return typeof v === "string" && v !== "" ? `'${v}` : v;
}

/**
 * The sheet named `sheet` among the loaded ones (names and protection), when the add-in may write
 * on it; otherwise undefined, with the reason (`protectedReason` when the sheet is protected) added
 * to `result.skipped`.
 */
export function writableSheet(
  ax: AdapterContext,
  items: Excel.Worksheet[],
  sheet: string,
  protectedReason: StringKey,
  result: MarkResult,
): Excel.Worksheet | undefined {
  const ws = items.find((w) => w.name === sheet);
  const reason = !ws ? ax.say("skippedGone") : ws.protection.protected ? ax.say(protectedReason) : undefined;
  if (reason === undefined) return ws;
  result.skipped.push({ sheet, reason });
  return undefined;
}

/**
 * The workbook's sheets, their names loaded (and their protection, for a part that writes on
 * them): one sync, after which a new slice of the pane's thread starts.
 */
export async function loadSheets(
  ax: AdapterContext,
  ctx: Excel.RequestContext,
  protection: boolean,
): Promise<Excel.WorksheetCollection> {
  const sheets = ctx.workbook.worksheets;
  sheets.load(protection ? "items/name,items/protection/protected" : "items/name");
  await ctx.sync();
  ax.slice.restart();
  return sheets;
}
