/**
 * The report sheet ("Xuất báo cáo"): the findings under a new sheet, every text as text, with links.
 * Its rows are the engine's report builder's (engine/report-sheet.ts, shared with dean-check
 * --annotate); its page layout (landscape, one page wide, header repeated), column widths and row
 * heights are in that builder's data too, for this adapter to apply.
 */
import type { Finding } from "../engine/findings";
import type { Locale } from "../engine/i18n";
import { buildReportSheet } from "../engine/report-sheet";
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
    // The rows come from the engine's one report builder, shared with dean-check --annotate.
    const report = buildReportSheet(findings, { locale });
    const name = uniqueSheetName(
      report.name,
      sheets.items.map((w) => w.name),
    );
    const ws = sheets.add(name);
    const width = report.columns.length;
    const pad = (r: (string | number)[]) => [...r, ...Array<string>(width - r.length).fill("")];
    const rows: (string | number)[][] = [
      pad([report.title]),
      pad([report.subtitle]),
      pad([]),
      report.columns.map((c) => c.header),
      ...report.rows.map((r) => r.values),
    ];
    const all = ws.getRangeByIndexes(0, 0, rows.length, width);
    // Text format first: a message or a sheet name starting with "=" must stay text, never a formula.
    all.numberFormat = rows.map((r) => r.map((v) => (typeof v === "number" ? "General" : "@")));
    all.values = rows;
    ws.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
    ws.getRangeByIndexes(report.headerRow - 1, 0, 1, width).format.font.bold = true;
    const linkCol = report.columns.findIndex((c) => c.key === "cell");
    report.rows.forEach((r, i) => {
      if (!r.link || linkCol < 0) return;
      ws.getRangeByIndexes(report.headerRow + i, linkCol, 1, 1).hyperlink = {
        documentReference: `${quoteSheetName(r.link.sheet)}!${r.link.cell}`,
        textToDisplay: String(r.values[linkCol]),
      };
    });
    all.format.autofitColumns();
    ws.activate();
    await ctx.sync();
    return name;
  });
}
