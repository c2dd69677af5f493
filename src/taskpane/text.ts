/** Texts that must fit a narrow pane: cut at a word boundary, never inside a syllable. */

/**
 * `text` cut to at most `max` characters at the last space (or dash) before the limit, with "…";
 * the whole text when it fits. A single word longer than `max` is cut at `max`.
 */
export function cutAtWord(text: string, max: number): string {
  const s = text.trim();
  if (s.length <= max) return s;
  const head = s.slice(0, max);
  const at = Math.max(head.lastIndexOf(" "), head.lastIndexOf("–"), head.lastIndexOf("-"));
  const cut = at > max / 3 ? head.slice(0, at) : head;
  return `${cut.replace(/[\s,;:–-]+$/u, "")}…`;
}
