/**
 * Texts of cells as OOXML stores them (ST_Xstring): a character XML cannot carry, or that an
 * XML reader would change (a carriage return), is written `_xHHHH_`, and a text that holds
 * `_xHHHH_` literally has its underscore escaped as `_x005F_`. Excel decodes these when it opens
 * a file; a writer must encode them, or Excel shows "A" for a cell that held `_x0041_` and loses
 * control characters (issue 16).
 */
import type ExcelJS from "exceljs";

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** The text a stored ST_Xstring stands for. */
export function decodeXstring(s: string): string {
  return s.includes("_x")
    ? s.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;
}

/** Characters an XML 1.0 file cannot carry, and the carriage return (XML readers turn it into a line feed). */
// eslint-disable-next-line no-control-regex -- these are the characters OOXML escapes
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g;

const hex4 = (c: string) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;

/** The ST_Xstring to store for a text, so that Excel shows exactly that text. */
export function encodeXstring(s: string): string {
  let out = s.includes("_x") ? s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_") : s;
  UNSAFE.lastIndex = 0;
  if (UNSAFE.test(out)) out = out.replace(UNSAFE, hex4);
  return out;
}

/** A cell value with its text replaced by `exact` (when given) and encoded; undefined when unchanged. */
function encodeValue(v: ExcelJS.CellValue, exact: string | undefined): ExcelJS.CellValue | undefined {
  if (typeof v === "string") return encodeXstring(exact ?? v);
  if (v && typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) {
      const runs = v.richText;
      // Runs that do not add up to the text read are replaced by the text itself (formatting lost, text kept).
      if (exact !== undefined && runs.map((r) => String(r.text ?? "")).join("") !== exact)
        return encodeXstring(exact);
      return { ...v, richText: runs.map((r) => ({ ...r, text: encodeXstring(String(r.text ?? "")) })) };
    }
    if ("hyperlink" in v && typeof (v as { text?: unknown }).text === "string")
      return { ...v, text: encodeXstring(exact ?? (v as { text: string }).text) };
  }
  return undefined;
}

/**
 * Encodes, in place, every text of an ExcelJS workbook about to be written (cell values, rich
 * text runs, link texts, cached formula texts, notes). ExcelJS decodes `_xHHHH_` in shared strings
 * (not always as Excel does) and not in inline strings, and encodes nothing when it writes: so
 * the texts ExcelJS reads differently are taken from `exact`, what the reader read from the same
 * bytes (per sheet in the workbook's order, as ExcelJS's; keys as cellKey of sheet.ts), and every
 * text is encoded. Call this once, right before writing.
 */
export function encodeWorkbookTexts(
  wb: ExcelJS.Workbook,
  exact?: readonly (ReadonlyMap<number, string> | undefined)[],
): void {
  wb.worksheets.forEach((ws, i) => {
    const texts = exact?.[i];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const text = texts?.get((r - 1) * 16_384 + (c - 1));
        const v = cell.value;
        if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
          const model = cell.model as unknown as { result?: unknown };
          // ExcelJS drops an empty cached text ("" shown as blank); the reader's text puts it back.
          if (text !== undefined) model.result = encodeXstring(text);
          else if (typeof model.result === "string") model.result = encodeXstring(model.result);
        } else if ((cell.type as number) !== 1 /* ExcelJS.ValueType.Merge */) {
          const encoded = encodeValue(v, text);
          if (encoded !== undefined && encoded !== v) cell.value = encoded;
        }
        const note = cell.note as ExcelJS.Comment | string | undefined;
        if (typeof note === "string") cell.note = encodeXstring(note);
        else if (note && Array.isArray(note.texts))
          cell.note = { ...note, texts: note.texts.map((t) => ({ ...t, text: encodeXstring(t.text) })) };
      });
    });
  });
}
