/** The workbooks named on the command line: files as given, folders searched for .xlsx files. */
import { readdir, realpath, stat } from "node:fs/promises";
import { join, sep } from "node:path";
import type { Locale } from "../engine/i18n";
import { cliText } from "./messages";

export interface Input {
  /** The path as the user gave it (or joined under the folder they gave). */
  file: string;
  /** Why it cannot be read, when it cannot even be listed. */
  error?: string;
}

/** Excel's lock files ("~$Kế hoạch.xlsx") and hidden files are not workbooks. */
const isWorkbook = (name: string) => /\.xlsx$/i.test(name) && !name.startsWith("~$") && !name.startsWith(".");

const inside = (path: string, root: string) =>
  path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

function folderError(code: string | undefined, locale: Locale): string {
  return code === "EACCES" || code === "EPERM"
    ? cliText(locale, "folderNoPermission")
    : cliText(locale, "folderUnreadable", { code: code ?? "?" });
}

/**
 * Workbooks under `dir`, in name order, never leaving `root` (the real path of the folder the
 * user gave): a link to a workbook is followed (a shared folder often holds links to the
 * districts' files), a link to a folder only when that folder is inside `root` (a link to "/"
 * must not walk the whole machine), and each folder is walked once, so a link back up cannot
 * loop. A sub-folder that cannot be read is one line of its own; the others are still checked.
 */
async function walk(
  dir: string,
  root: string,
  out: Input[],
  seen: Set<string>,
  locale: Locale,
): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    out.push({ file: dir, error: folderError((e as NodeJS.ErrnoException).code, locale) });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name, "vi"));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      const real = await realpath(p).catch(() => p);
      if (seen.has(real)) continue;
      seen.add(real);
      await walk(p, root, out, seen, locale);
    } else if (e.isSymbolicLink()) {
      const target = await stat(p).catch(() => undefined);
      if (!target) continue; // a broken link
      if (target.isDirectory()) {
        const real = await realpath(p).catch(() => undefined);
        if (!real || seen.has(real)) continue;
        if (!inside(real, root)) {
          out.push({ file: p, error: cliText(locale, "linkOutside", { folder: real }) });
          continue;
        }
        seen.add(real);
        await walk(p, root, out, seen, locale);
      } else if (isWorkbook(e.name)) out.push({ file: p });
    } else if (isWorkbook(e.name)) {
      // Regular files, and anything else named .xlsx (a FIFO, a device): the reader says why it is no workbook.
      out.push({ file: p });
    }
  }
}

export async function expandInputs(paths: readonly string[], locale: Locale = "vi"): Promise<Input[]> {
  const out: Input[] = [];
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      out.push({
        file: p,
        error: cliText(locale, code === "EACCES" || code === "EPERM" ? "noPermission" : "noSuchPath"),
      });
      continue;
    }
    if (s.isDirectory()) {
      const before = out.length;
      const root = await realpath(p).catch(() => p);
      await walk(p, root, out, new Set([root]), locale);
      if (out.length === before) out.push({ file: p, error: cliText(locale, "noXlsxInFolder") });
    } else {
      out.push({ file: p });
    }
  }
  return out;
}
