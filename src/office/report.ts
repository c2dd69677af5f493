/**
 * The report sheet ("Xuất báo cáo"). Its content (the table: header, rows, links) is built
 * apart from the writing, which goes in bands by a UTF-8 byte budget with each operation's cost
 * counted, so that any number of rows (50 000 findings) passes Excel on the web's 5 MB limit.
 */
import type { Finding } from "../engine/findings";
import type { Locale } from "../engine/i18n";
import { buildReportSheet } from "../engine/report-sheet";
import { quoteSheetName, uniqueSheetName } from "../engine/sheet-names";
import { Bander, payloadBytes } from "./bands";
import type { AdapterContext } from "./context";

/** A table to write on a new sheet: every text is written as text, never read as a formula. */
export interface ReportTable {
  /** The sheet's name (made unique among the workbook's). */
  name: string;
  header: string[];
  rows: (string | number)[][];
  /** Links inside the workbook: row and column within `rows`, the cell they go to, the text shown. */
  links: { row: number; col: number; reference: string; text: string }[];
}

/**
 * The report's content: the engine's report builder's (engine/report-sheet.ts, shared with
 * dean-check --annotate): one row per finding in reading order (a sheet's errors first, causes
 * before their consequences), rules by their title, figures with their unit, what the user
 * accepted and why or the cause a consequence follows from, a link to each finding's cell. The
 * builder's title rows, column widths, row heights and page layout (landscape, one page wide,
 * header repeated) are there for this writer to apply too.
 */
export function reportTable(
  findings: readonly (Finding & { accepted?: { reason: string } })[],
  locale: Locale,
): ReportTable {
  const report = buildReportSheet(findings, { locale });
  const linkCol = report.columns.findIndex((c) => c.key === "cell");
  const links = report.rows.flatMap((r, i) =>
    r.link && linkCol >= 0
      ? [
          {
            row: i,
            col: linkCol,
            reference: `${quoteSheetName(r.link.sheet)}!${r.link.cell}`,
            text: String(r.values[linkCol]),
          },
        ]
      : [],
  );
  return {
    name: report.name,
    header: report.columns.map((c) => c.header),
    rows: report.rows.map((r) => r.values),
    links,
  };
}

/**
 * Adds a sheet holding `table` under a name no sheet has, and activates it; returns its name.
 * Syncs: the sheet names (1), then 1 per ~3 MB of rows and links.
 */
export async function writeTable(ax: AdapterContext, table: ReportTable): Promise<string> {
  return ax.run(
    async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      const name = uniqueSheetName(
        table.name,
        sheets.items.map((w) => w.name),
      );
      // Its own writes fire change events: not the user's edits (Excel before ExcelApi 1.14 does not say).
      ax.selfWrites.expect(name);
      const ws = sheets.add(name);
      const width = table.header.length;
      const bands = new Bander(() => ctx.sync(), ax.writeBudget);
      await bands.room(2 * payloadBytes(table.header), 4);
      const head = ws.getRangeByIndexes(0, 0, 1, width);
      head.numberFormat = [table.header.map(() => "@")];
      head.values = [table.header];
      head.format.font.bold = true;
      // Rows in bands: text format first, so that a message or a sheet name starting with "=" stays text.
      const writeRows = async (start: number, end: number, bytes: number) => {
        if (end <= start) return;
        await bands.room(bytes, 2);
        const part = table.rows.slice(start, end);
        const range = ws.getRangeByIndexes(start + 1, 0, part.length, width);
        range.numberFormat = part.map((r) => r.map((v) => (typeof v === "number" ? "General" : "@")));
        range.values = part;
      };
      let start = 0;
      let bytes = 0;
      for (let r = 0; r < table.rows.length; r++) {
        const cost = payloadBytes(table.rows[r]) + 12 * width; // the values, and their number formats
        if (r > start && bytes + cost > ax.writeBudget / 2) {
          await writeRows(start, r, bytes);
          start = r;
          bytes = 0;
        }
        bytes += cost;
      }
      await writeRows(start, table.rows.length, bytes);
      for (const link of table.links) {
        const value = { documentReference: link.reference, textToDisplay: link.text };
        await bands.room(payloadBytes(value));
        ws.getRangeByIndexes(link.row + 1, link.col, 1, 1).hyperlink = value;
      }
      await bands.room(0, 2);
      ws.getRangeByIndexes(0, 0, table.rows.length + 1, width).format.autofitColumns();
      ws.activate();
      await bands.flush();
      return name;
    },
    { writes: true },
  );
}

export function writeReport(
  ax: AdapterContext,
  findings: readonly (Finding & { accepted?: { reason: string } })[],
  locale: Locale,
): Promise<string> {
  return writeTable(ax, reportTable(findings, locale));
}
