/**
 * The notes the checker writes on flagged cells (the annotated copy of dean-check, and the add-in
 * where Excel has notes): the findings of a cell under a tag, below the user's own note if there
 * is one, so that removing ours gives the user's note back exactly.
 */
import type { Finding } from "./findings";
import { label } from "./i18n";
import type { Locale } from "./i18n";

/** Starts the checker's part of every note: how a person (or a later run) tells it apart. */
const NOTE_PREFIX = "[Đề án Checker]";
const SEPARATOR = "\n\n";

/** sheet → cell → the checker's note text for that cell (every finding on it, in order). */
export function findingNotes(findings: readonly Finding[], locale: Locale): Map<string, Map<string, string>> {
  const lines = new Map<string, Map<string, string[]>>();
  for (const f of findings) {
    let byCell = lines.get(f.sheet);
    if (!byCell) lines.set(f.sheet, (byCell = new Map<string, string[]>()));
    for (const cell of f.cells) {
      const list = byCell.get(cell) ?? [];
      list.push(`${label(locale, f.severity)} (${f.rule}): ${f.message}`);
      byCell.set(cell, list);
    }
  }
  return new Map(
    [...lines].map(([sheet, byCell]) => [
      sheet,
      new Map([...byCell].map(([cell, list]) => [cell, `${NOTE_PREFIX}\n${list.join("\n")}`])),
    ]),
  );
}

/** The user's own part of a note (all of it when the checker added nothing). */
export function ownNote(content: string): string {
  if (content.startsWith(NOTE_PREFIX)) return "";
  const i = content.indexOf(`${SEPARATOR}${NOTE_PREFIX}`);
  return i >= 0 ? content.slice(0, i) : content;
}

/** The user's note (maybe empty) with the checker's below it. */
export function withOurNote(own: string, ours: string): string {
  return own ? `${own}${SEPARATOR}${ours}` : ours;
}
