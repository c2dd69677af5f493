/**
 * The report sheet ("Xuất báo cáo"). Its content (the table: header, rows, links) is built
 * apart from the writing, which goes in bands by a UTF-8 byte budget with each operation's cost
 * counted, so that any number of rows (50 000 findings) passes Excel on the web's 5 MB limit.
 */
import type { Finding } from "../engine/findings";
import { formatMessage, label } from "../engine/i18n";
import type { Locale } from "../engine/i18n";
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

/** The report's content: one row per finding, what the user accepted and why, a link to each finding's cell. */
export function reportTable(
  findings: readonly (Finding & { accepted?: { reason: string } })[],
  locale: Locale,
): ReportTable {
  const header = (
    ["no", "sheet", "cell", "severity", "rule", "message", "expected", "actual", "status"] as const
  ).map((k) => label(locale, k));
  const rows: (string | number)[][] = findings.map((f, i) => [
    i + 1,
    f.sheet,
    f.cells.join(", "),
    label(locale, f.severity),
    f.rule,
    f.message,
    f.expected ?? "",
    f.actual ?? "",
    f.accepted ? formatMessage(label(locale, "acceptedBecause"), { reason: f.accepted.reason }) : "",
  ]);
  if (findings.length === 0) rows.push(["", "", "", "", "", label(locale, "noFindings"), "", "", ""]);
  const links = findings.flatMap((f, i) =>
    f.cells[0]
      ? [{ row: i, col: 2, reference: `${quoteSheetName(f.sheet)}!${f.cells[0]}`, text: f.cells.join(", ") }]
      : [],
  );
  return { name: label(locale, "resultsSheet"), header, rows, links };
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
