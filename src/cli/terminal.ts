/**
 * Text written to a terminal. Cell texts, sheet names and file names come from other people's
 * files: a control character in them could clear lines, retitle the terminal, plant a link or
 * ask for the clipboard (escape sequences, OSC 52), a bidirectional override could reorder what
 * is shown, and a line feed could forge a "dean-check:" line. Every text the command-line tools
 * write to a terminal goes through `escapeTerminal`; `--json` is untouched (JSON escapes them).
 */

/**
 * C0 controls, DEL, C1 controls, and the bidirectional embeddings, overrides, isolates and marks
 * (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069). The line feed is kept only where the
 * caller says so (the report's own lines).
 */
/* eslint-disable no-control-regex -- these are the characters escaped */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_LF =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return (
    NAMED[c] ??
    (code < 0x100
      ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`
      : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`)
  );
}

/**
 * `s` with every control and bidirectional character shown as an escape (`\x1B`, `\n`, `\u202E`),
 * so that it prints as one inert line; `keepLineFeeds` keeps "\n" (a multi-line report of ours).
 */
export function escapeTerminal(s: string, keepLineFeeds = false): string {
  const re = keepLineFeeds ? UNSAFE_BUT_LF : UNSAFE;
  re.lastIndex = 0;
  return re.test(s) ? s.replace(re, visible) : s;
}

/** One line for stderr: the text escaped whole (line feeds inside it too), ending with one "\n". */
export function stderrLine(text: string): string {
  // "(?<!\n)": a run of line feeds is tried once, from its start (a plain /\n+$/ retries each of
  // its positions: quadratic on a long run of line feeds that does not end the text).
  return `${escapeTerminal(text.replace(/(?<!\n)\n+$/, ""))}\n`;
}

/**
 * A copy of a value with every string in it escaped for a terminal (line feeds too): the file
 * reports as the readable report prints them, whatever fields they hold.
 */
export function escapeStrings<T>(value: T): T {
  if (typeof value === "string") return escapeTerminal(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => escapeStrings(v)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeStrings(v);
    return out as T;
  }
  return value;
}
