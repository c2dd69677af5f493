/**
 * The checker's explanations as cell notes (ExcelApi 1.18), below the user's own note if the cell
 * has one; a later call replaces the checker's part, and clearing gives the user's note back.
 * A cell holding a threaded comment cannot hold a note too: it is skipped and said so. Lookups and
 * writes go in bands by a byte budget, so that 50 000 notes pass Excel on the web's 5 MB limit.
 */
import { findingNotes, ownNote, withOurNote } from "../engine/cell-notes";
import type { Finding } from "../engine/findings";
import { formatNumber, type Locale } from "../engine/i18n";
import type { MarkResult } from "../taskpane/port";
import { Bander, payloadBytes } from "./bands";
import type { AdapterContext } from "./context";
import { loadSheets, localAddress, writableSheet } from "./sheets";

/** How many cells a skipped-cells message names before "…". */
const NAMED_CELLS = 10;

/**
 * Writes each flagged cell's explanation as a note. Syncs: sheets (1); the sheets' threaded
 * comments (1, and 1 more where there are some); the notes already on the flagged cells and the
 * writes (1 each per ~3 MB).
 */
export async function writeNotes(
  ax: AdapterContext,
  findings: readonly Finding[],
  locale: Locale,
): Promise<MarkResult> {
  const notes = findingNotes(findings, locale);
  return ax.run(
    async (ctx) => {
      const sheets = await loadSheets(ax, ctx, true);
      const result: MarkResult = { marked: 0, skipped: [] };
      const targets: { ws: Excel.Worksheet; byCell: Map<string, string> }[] = [];
      for (const [sheet, byCell] of notes) {
        const ws = writableSheet(ax, sheets.items, sheet, "skippedProtectedNotes", result);
        if (ws) targets.push({ ws, byCell });
      }
      if (targets.length === 0) return result;
      // Threaded comments: where they are (a comment's cell is its location).
      const comments = targets.map(({ ws }) => ws.comments.load("items/id"));
      await ctx.sync();
      const locations = comments.map((c) => c.items.map((item) => item.getLocation().load("address")));
      if (locations.some((l) => l.length > 0)) await ctx.sync();

      const lookups = new Bander(() => ctx.sync(), ax.writeBudget);
      const pending: { ws: Excel.Worksheet; cell: string; text: string; note: Excel.Note }[] = [];
      for (let t = 0; t < targets.length; t++) {
        const { ws, byCell } = targets[t];
        const commented = new Set(locations[t].map((r) => localAddress(r.address)));
        const skipped: string[] = [];
        for (const [cell, text] of byCell) {
          if (commented.has(cell)) {
            skipped.push(cell);
            continue;
          }
          await lookups.room(0, 2); // the note's isNullObject and its content
          const note = ws.notes.getItemOrNullObject(cell);
          note.load("content");
          pending.push({ ws, cell, text, note });
        }
        if (skipped.length > 0) {
          const named =
            skipped.slice(0, NAMED_CELLS).join(", ") + (skipped.length > NAMED_CELLS ? ", …" : "");
          result.skipped.push({
            sheet: ws.name,
            reason: ax.say("notesCommented", {
              count: formatNumber(skipped.length, ax.locale),
              cells: named,
            }),
          });
        }
      }
      await lookups.flush();
      const writes = new Bander(() => ctx.sync(), ax.writeBudget);
      for (const { ws, cell, text, note } of pending) {
        const content = note.isNullObject ? text : withOurNote(ownNote(note.content), text);
        await writes.room(payloadBytes(content));
        if (note.isNullObject) ws.notes.add(cell, content);
        else note.content = content;
        result.marked++;
      }
      await writes.flush();
      return result;
    },
    { writes: true },
  );
}

/** Queues a load of the notes of `sheets`, to be cut back by clearOurNotes after the next sync. */
export function loadNotes(sheets: Excel.Worksheet[]): Excel.NoteCollection[] {
  return sheets.map((ws) => ws.notes.load("items/content"));
}

/** Queues the removal of the checker's part of every loaded note; the user's own part stays. Returns how many notes change. */
export function clearOurNotes(lists: Excel.NoteCollection[]): number {
  let changed = 0;
  for (const notes of lists) {
    for (const n of notes.items) {
      const own = ownNote(n.content);
      if (own === n.content) continue;
      if (own === "") n.delete();
      else n.content = own;
      changed++;
    }
  }
  return changed;
}
