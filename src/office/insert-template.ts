/**
 * Inserts a template (src/engine/templates/spec.ts) into the open workbook with Office.js: new
 * sheets under names no sheet has (never overwriting one), values as values, formulas as formulas,
 * the official look (fonts, borders, widths, number formats, merges), A4 landscape with the header
 * rows on every page, drop-down lists. Two syncs whatever the size: the sheet names, then everything.
 * Styles go on rectangles of cells, one range each, never on an address list (whose separator is
 * the regional settings': #1167). Not one undo group: hiding a helper sheet cannot be undone on
 * Windows and Mac, and would fail the group ("Undo capabilities with the Excel JavaScript API").
 */
import { toA1 } from "../engine/a1";
import { withUniqueSheetNames } from "../engine/templates/build";
import {
  FONT,
  PAGE,
  STYLES,
  TABLE_FONT_SIZE,
  type CellStyle,
  type Template,
  type TemplateSheet,
} from "../engine/templates/spec";
import { rectangles } from "./areas";
import type { AdapterContext } from "./context";
import { BORDER_EDGES, columnPoints } from "./format";
import { asTypedText, loadSheets } from "./sheets";

function writeSheet(ws: Excel.Worksheet, sheet: TemplateSheet): void {
  const rows = sheet.rows.length;
  const cols = Math.max(1, ...sheet.rows.map((r) => r.length), sheet.columnWidths.length);
  const all = ws.getRangeByIndexes(0, 0, Math.max(1, rows), cols);
  const formats: string[][] = [];
  const content: (string | number | boolean)[][] = [];
  const byStyle = new Map<CellStyle, string[]>();
  for (let r = 0; r < Math.max(1, rows); r++) {
    const f: string[] = [];
    const c: (string | number | boolean)[] = [];
    for (let k = 0; k < cols; k++) {
      const cell = sheet.rows[r]?.[k] ?? null;
      const style = cell?.style;
      f.push(cell?.numberFormat ?? (style ? STYLES[style].numberFormat : undefined) ?? "General");
      c.push(cell?.formula !== undefined ? `=${cell.formula}` : asTypedText(cell?.value ?? null));
      if (style) {
        const list = byStyle.get(style) ?? [];
        list.push(toA1(r, k));
        byStyle.set(style, list);
      }
    }
    formats.push(f);
    content.push(c);
  }
  all.numberFormat = formats;
  all.formulas = content;
  all.format.font.name = FONT;
  all.format.font.size = TABLE_FONT_SIZE;
  all.format.verticalAlignment = "Center";
  for (const [style, cells] of byStyle) {
    const spec = STYLES[style];
    for (const area of rectangles(cells)) {
      const areas = ws.getRange(area);
      if (spec.font?.bold) areas.format.font.bold = true;
      if (spec.font?.italic) areas.format.font.italic = true;
      if (spec.font?.size) areas.format.font.size = spec.font.size;
      if (spec.align)
        areas.format.horizontalAlignment =
          spec.align === "left" ? "Left" : spec.align === "right" ? "Right" : "Center";
      if (spec.wrap) areas.format.wrapText = true;
      if (spec.border) for (const e of BORDER_EDGES) areas.format.borders.getItem(e).style = "Continuous";
    }
  }
  for (const m of sheet.merges) ws.getRange(m).merge(false);
  sheet.columnWidths.forEach(
    (w, k) => (ws.getRangeByIndexes(0, k, 1, 1).format.columnWidth = columnPoints(w)),
  );
  sheet.rowHeights.forEach((h, r) => {
    if (h !== null) ws.getRangeByIndexes(r, 0, 1, 1).format.rowHeight = h;
  });
  for (const v of sheet.validations) {
    const dv = ws.getRange(v.range).dataValidation;
    dv.rule =
      v.type === "list"
        ? {
            list: {
              inCellDropDown: true,
              source: v.source !== undefined ? `=${v.source}` : v.list.join(","),
            },
          }
        : v.type === "date"
          ? { date: { formula1: v.min, formula2: v.max, operator: "Between" } }
          : {
              [v.type === "whole" ? "wholeNumber" : "decimal"]:
                v.max === undefined
                  ? { formula1: v.min, operator: "GreaterThanOrEqualTo" }
                  : { formula1: v.min, formula2: v.max, operator: "Between" },
            };
    dv.errorAlert = { message: v.error, showAlert: true, style: "Stop", title: "Đề án Checker" };
    dv.ignoreBlanks = true;
  }
  const page = ws.pageLayout;
  page.orientation = "Landscape";
  page.paperSize = "A4";
  page.centerHorizontally = PAGE.horizontalCentered;
  // One page wide; the height follows (Excel rejects a zero page count, so it is left unset).
  page.zoom = { horizontalFitToPages: PAGE.fitToWidth };
  page.leftMargin = PAGE.margins.left * 72;
  page.rightMargin = PAGE.margins.right * 72;
  page.topMargin = PAGE.margins.top * 72;
  page.bottomMargin = PAGE.margins.bottom * 72;
  page.headerMargin = PAGE.margins.header * 72;
  page.footerMargin = PAGE.margins.footer * 72;
  page.setPrintTitleRows(`$${sheet.printTitleRows[0] + 1}:$${sheet.printTitleRows[1] + 1}`);
  if (sheet.freeze.rows > 0) ws.freezePanes.freezeRows(sheet.freeze.rows);
  if (sheet.hidden) ws.visibility = "Hidden";
}

/** Inserts the template's sheets; returns the name of its main sheet (renamed if the name was taken). */
export async function insertTemplate(ax: AdapterContext, template: Template): Promise<string> {
  return ax.run(async (ctx) => {
    const sheets = await loadSheets(ax, ctx, false);
    const t = withUniqueSheetNames(
      template,
      sheets.items.map((s) => s.name),
    );
    // Helper sheets first: the main sheet's formulas and lists refer to them. Their writes fire
    // change events that are not the user's edits (Excel before ExcelApi 1.14 does not say so).
    for (const sheet of [...t.sheets].reverse()) {
      ax.selfWrites.expect(sheet.name);
      writeSheet(sheets.add(sheet.name), sheet);
    }
    sheets.getItem(t.sheets[0].name).activate();
    await ctx.sync();
    return t.sheets[0].name;
  });
}
