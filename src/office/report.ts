/**
 * The report sheet ("Xuất báo cáo"), fit for paper: the engine's report builder
 * (engine/report-sheet.ts, shared with dean-check --annotate) decides the content and the look —
 * the title rows, the columns and their widths, rules by their Vietnamese title, figures with
 * their unit, the status column, the rows' heights for their wrapped text, A4 landscape one page
 * wide with the header repeated — and this writer applies all of it with Office.js:
 * - every text is written as a value under the text number format ("@"), never read as a formula;
 * - values, heights, alignments and links go in bands by a UTF-8 byte budget with each
 *   operation's own cost counted, so that 50 000 findings pass Excel on the web's 5 MB limit, and
 *   the loops give the pane's thread back between slices;
 * - Excel's own limits are kept: a row at most 409 points tall, at most 66 530 links a sheet;
 * - print settings need ExcelApi 1.9 (detected at run time); where they are missing, or where
 *   Excel leaves the fit-to-one-page-wide zoom unset (office-js #1860), one line says what to set
 *   by hand.
 * Syncs: the sheet names (1), then 1 per ~3 MB of operations.
 */
import type { Finding } from "../engine/findings";
import { formatNumber, type Locale } from "../engine/i18n";
import { buildReportSheet, type ReportColumn, type ReportSheet } from "../engine/report-sheet";
import { quoteSheetName, uniqueSheetName } from "../engine/sheet-names";
import { Bander, OPERATION_BYTES, payloadBytes } from "./bands";
import type { AdapterContext } from "./context";
import { BORDER_EDGES, columnPoints } from "./format";
import { loadSheets } from "./sheets";

/** "Row height: 409 points" (Excel specifications and limits). */
export const MAX_ROW_HEIGHT = 409;
/** "Hyperlinks in a worksheet: 66,530 hyperlinks" (Excel specifications and limits). */
export const MAX_HYPERLINKS = 66_530;

/** Fill of the header row, and the colour of the table's borders (as dean-check --annotate). */
const HEADER_FILL = "#D9E1F2";
const BORDER_COLOR = "#808080";
/** Page margins in inches (as dean-check --annotate), written in points. */
const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

const ALIGN: Record<ReportColumn["align"], Excel.HorizontalAlignment> = {
  left: "Left" as Excel.HorizontalAlignment,
  center: "Center" as Excel.HorizontalAlignment,
  right: "Right" as Excel.HorizontalAlignment,
};

/** Consecutive runs [first, last] (0-based, inclusive) of `n` items where `key` gives the same value. */
export function runs<T>(n: number, key: (i: number) => T): { first: number; last: number; value: T }[] {
  const out: { first: number; last: number; value: T }[] = [];
  for (let i = 0; i < n; i++) {
    const value = key(i);
    const open = out[out.length - 1];
    if (open && open.last === i - 1 && open.value === value) open.last = i;
    else out.push({ first: i, last: i, value });
  }
  return out;
}

export interface ReportOptions {
  /** The report as the checker built it (with the recognised workbook, for the figures' units). */
  report?: ReportSheet;
  /** One line for each print setting Excel did not take (said to the user with the notice). */
  onNotice?: (text: string) => void;
}

/** Writes the report of `findings` (or the report already built) to a new sheet; returns its name. */
export function writeReport(
  ax: AdapterContext,
  findings: readonly (Finding & { accepted?: { reason: string } })[],
  locale: Locale,
  options: ReportOptions = {},
): Promise<string> {
  return writeReportSheet(ax, options.report ?? buildReportSheet(findings, { locale }), options.onNotice);
}

/** Adds a sheet holding `report` under a name no sheet has, and activates it; returns its name. */
export async function writeReportSheet(
  ax: AdapterContext,
  report: ReportSheet,
  onNotice: (text: string) => void = () => undefined,
): Promise<string> {
  return ax.run(
    async (ctx) => {
      const sheets = await loadSheets(ax, ctx, false);
      const name = uniqueSheetName(
        report.name,
        sheets.items.map((w) => w.name),
      );
      // Its own writes fire change events: not the user's edits (Excel before ExcelApi 1.14 does not say).
      ax.selfWrites.expect(name);
      const ws = sheets.add(name);
      const bands = new Bander(async () => {
        await ctx.sync();
        ax.slice.restart();
      }, ax.writeBudget);
      const { columns, rows, font } = report;
      const width = columns.length;
      const head = report.headerRow - 1; // 0-based row of the column headers
      const first = head + 1; // 0-based row of the first finding
      const count = rows.length;
      const last = first + count - 1;

      // The title rows and the header, the whole table's font and the columns: a fixed number of operations.
      const title = ws.getRangeByIndexes(0, 0, 1, width);
      const subtitle = ws.getRangeByIndexes(1, 0, 1, width);
      await bands.room(2 * payloadBytes(report.title) + 2 * payloadBytes(report.subtitle), 40);
      const all = ws.getRangeByIndexes(0, 0, last + 1, width);
      all.format.font.name = font.name;
      all.format.font.size = font.size;
      all.format.verticalAlignment = "Top";
      const a1 = ws.getRangeByIndexes(0, 0, 1, 1);
      a1.numberFormat = [["@"]];
      a1.values = [[report.title]];
      title.format.font.bold = true;
      title.format.font.size = font.size + 2;
      title.merge(false);
      const a2 = ws.getRangeByIndexes(1, 0, 1, 1);
      a2.numberFormat = [["@"]];
      a2.values = [[report.subtitle]];
      subtitle.format.font.italic = true;
      subtitle.format.wrapText = true;
      subtitle.merge(false);
      subtitle.format.rowHeight = Math.min(MAX_ROW_HEIGHT, report.subtitleHeight);

      const header = columns.map((c) => c.header);
      await bands.room(2 * payloadBytes(header), 10);
      const headRange = ws.getRangeByIndexes(head, 0, 1, width);
      headRange.numberFormat = [header.map(() => "@")];
      headRange.values = [header];
      headRange.format.font.bold = true;
      headRange.format.horizontalAlignment = "Center";
      headRange.format.verticalAlignment = "Center";
      headRange.format.wrapText = true;
      headRange.format.fill.color = HEADER_FILL;

      await bands.room(0, 4 * width + 2 * BORDER_EDGES.length);
      columns.forEach((c, j) => {
        ws.getRangeByIndexes(0, j, 1, 1).format.columnWidth = columnPoints(c.width);
        if (count === 0) return;
        const column = ws.getRangeByIndexes(first, j, count, 1);
        column.format.horizontalAlignment = ALIGN[c.align];
        if (c.wrap) column.format.wrapText = true;
      });
      const table = ws.getRangeByIndexes(head, 0, count + 1, width);
      for (const edge of BORDER_EDGES) {
        const border = table.format.borders.getItem(edge);
        border.style = "Continuous";
        border.color = BORDER_COLOR;
      }

      // The findings, in bands: text format first, so that a message or a sheet name starting
      // with "=" stays text.
      let start = 0;
      let bytes = 0;
      const writeRows = async (end: number) => {
        if (end <= start) return;
        await bands.room(bytes, 2);
        const part = rows.slice(start, end).map((r) => r.values);
        const range = ws.getRangeByIndexes(first + start, 0, part.length, width);
        range.numberFormat = part.map((r) => r.map((v) => (typeof v === "number" ? "General" : "@")));
        range.values = part;
        start = end;
        bytes = 0;
      };
      // A band of rows fills what the current request has left (the first shares it with the title).
      let room = bands.free - 2 * OPERATION_BYTES;
      for (let r = 0; r < count; r++) {
        if (ax.slice.due()) await ax.slice.pause();
        const cost = payloadBytes(rows[r].values) + 12 * width; // the values, and their number formats
        if (r > start && bytes + cost > room) {
          await writeRows(r);
          room = ax.writeBudget - 2 * OPERATION_BYTES;
        }
        bytes += cost;
      }
      await writeRows(count);

      // Rows tall enough for their wrapped text (Excel's limit: 409 points), one operation per run.
      for (const run of runs(count, (i) => Math.min(MAX_ROW_HEIGHT, rows[i].height))) {
        if (ax.slice.due()) await ax.slice.pause();
        await bands.room(0);
        ws.getRangeByIndexes(first + run.first, 0, run.last - run.first + 1, 1).format.rowHeight = run.value;
      }
      // Texts in a column of figures go left (the column's own alignment is the figures'), a run each.
      for (let j = 0; j < width; j++) {
        const own = columns[j].align;
        const differs = (i: number) => rows[i].values[j] !== "" && rows[i].aligns[j] !== own;
        for (const run of runs(count, (i) => (differs(i) ? rows[i].aligns[j] : own))) {
          if (run.value === own) continue;
          if (ax.slice.due()) await ax.slice.pause();
          await bands.room(0);
          ws.getRangeByIndexes(first + run.first, j, run.last - run.first + 1, 1).format.horizontalAlignment =
            ALIGN[run.value];
        }
      }

      // A link from each finding to its cell (Excel keeps at most 66 530 links a sheet).
      const linkCol = columns.findIndex((c) => c.key === "cell");
      let links = 0;
      let linkless = 0;
      for (let r = 0; r < count && linkCol >= 0; r++) {
        const link = rows[r].link;
        if (!link) continue;
        if (links >= MAX_HYPERLINKS) {
          linkless++;
          continue;
        }
        if (ax.slice.due()) await ax.slice.pause();
        const value = {
          documentReference: `${quoteSheetName(link.sheet)}!${link.cell}`,
          textToDisplay: String(rows[r].values[linkCol]),
        };
        await bands.room(payloadBytes(value));
        ws.getRangeByIndexes(first + r, linkCol, 1, 1).hyperlink = value;
        links++;
      }
      if (linkless > 0) onNotice(ax.say("reportLinksCut", { count: formatNumber(links, ax.locale) }));

      // Frozen header, a filter on it, and the print settings (ExcelApi 1.9).
      await bands.room(200, 16);
      ws.freezePanes.freezeRows(report.headerRow);
      let zoom: Excel.PageLayout | undefined;
      if (ax.api.pageLayout) {
        if (count > 0) ws.autoFilter.apply(table);
        const page = ws.pageLayout;
        page.orientation = "Landscape";
        page.paperSize = "A4";
        // One page wide, as many tall as needed (the height is left unset: "null if not used").
        page.zoom = { horizontalFitToPages: report.page.fitToWidth };
        page.leftMargin = MARGINS.left * 72;
        page.rightMargin = MARGINS.right * 72;
        page.topMargin = MARGINS.top * 72;
        page.bottomMargin = MARGINS.bottom * 72;
        page.headerMargin = MARGINS.header * 72;
        page.footerMargin = MARGINS.footer * 72;
        const [top, bottom] = report.page.printTitleRows;
        page.setPrintTitleRows(`$${top}:$${bottom}`);
        // Read back after the writes (same request): Excel may leave the zoom unset (office-js #1860).
        zoom = page.load("zoom");
      } else onNotice(ax.say("reportNoPageLayout"));
      ws.activate();
      await bands.flush();
      if (zoom && zoom.zoom?.horizontalFitToPages !== report.page.fitToWidth)
        onNotice(ax.say("reportFitNotSet"));
      return name;
    },
    { writes: true },
  );
}
