/** The report sheet ("Xuất báo cáo"): the findings under a new sheet, every text as text, with links. */
import type { Finding } from "../engine/findings";
import { formatMessage, label } from "../engine/i18n";
import type { Locale } from "../engine/i18n";
import { quoteSheetName, uniqueSheetName } from "../engine/sheet-names";
import type { AdapterContext } from "./context";

export async function writeReport(
  ax: AdapterContext,
  findings: readonly (Finding & { accepted?: { reason: string } })[],
  locale: Locale,
): Promise<string> {
  return ax.host.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    await ctx.sync();
    const name = uniqueSheetName(
      label(locale, "resultsSheet"),
      sheets.items.map((w) => w.name),
    );
    const ws = sheets.add(name);
    const header = (
      ["no", "sheet", "cell", "severity", "rule", "message", "expected", "actual", "status"] as const
    ).map((k) => label(locale, k));
    const rows: (string | number)[][] = [
      header,
      ...findings.map((f, i) => [
        i + 1,
        f.sheet,
        f.cells.join(", "),
        label(locale, f.severity),
        f.rule,
        f.message,
        f.expected ?? "",
        f.actual ?? "",
        f.accepted ? formatMessage(label(locale, "acceptedBecause"), { reason: f.accepted.reason }) : "",
      ]),
    ];
    if (findings.length === 0) rows.push(["", "", "", "", "", label(locale, "noFindings"), "", "", ""]);
    const all = ws.getRangeByIndexes(0, 0, rows.length, header.length);
    // Text format first: a message or a sheet name starting with "=" must stay text, never a formula.
    all.numberFormat = rows.map((r) => r.map((v) => (typeof v === "number" ? "General" : "@")));
    all.values = rows;
    ws.getRangeByIndexes(0, 0, 1, header.length).format.font.bold = true;
    findings.forEach((f, i) => {
      if (!f.cells[0]) return;
      ws.getRangeByIndexes(i + 1, 2, 1, 1).hyperlink = {
        documentReference: `${quoteSheetName(f.sheet)}!${f.cells[0]}`,
        textToDisplay: f.cells.join(", "),
      };
    });
    all.format.autofitColumns();
    ws.activate();
    await ctx.sync();
    return name;
  });
}
