/**
 * The checker's explanations as cell notes (ExcelApi 1.18), below the user's own note if the cell
 * has one; a later call replaces the checker's part, and clearing gives the user's note back.
 */
import { findingNotes, ownNote, withOurNote } from "../engine/cell-notes";
import type { Finding } from "../engine/findings";
import type { Locale } from "../engine/i18n";
import type { MarkResult } from "../taskpane/port";
import type { AdapterContext } from "./context";
import { writableSheet } from "./sheets";

/**
 * Writes each flagged cell's explanation as a note. 3 syncs: sheets; the notes already on those
 * cells; the writes.
 */
export async function writeNotes(
  ax: AdapterContext,
  findings: readonly Finding[],
  locale: Locale,
): Promise<MarkResult> {
  const notes = findingNotes(findings, locale);
  return ax.host.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name,items/protection/protected");
    await ctx.sync();
    const result: MarkResult = { marked: 0, skipped: [] };
    const pending: { ws: Excel.Worksheet; cell: string; text: string; note: Excel.Note }[] = [];
    for (const [sheet, byCell] of notes) {
      const ws = writableSheet(sheets.items, sheet, "không ghi được ghi chú", result);
      if (!ws) continue;
      for (const [cell, text] of byCell) {
        const note = ws.notes.getItemOrNullObject(cell);
        note.load("content");
        pending.push({ ws, cell, text, note });
      }
    }
    await ctx.sync();
    for (const { ws, cell, text, note } of pending) {
      if (note.isNullObject) ws.notes.add(cell, text);
      else note.content = withOurNote(ownNote(note.content), text);
      result.marked++;
    }
    await ctx.sync();
    return result;
  });
}

/** Queues a load of the notes of `sheets`, to be cut back by clearOurNotes after the next sync. */
export function loadNotes(sheets: Excel.Worksheet[]): Excel.NoteCollection[] {
  return sheets.map((ws) => ws.notes.load("items/content"));
}

/** Queues the removal of the checker's part of every loaded note; the user's own part stays. */
export function clearOurNotes(lists: Excel.NoteCollection[]): void {
  for (const notes of lists) {
    for (const n of notes.items) {
      const own = ownNote(n.content);
      if (own === n.content) continue;
      if (own === "") n.delete();
      else n.content = own;
    }
  }
}
