/** The workbooks named on the command line: files as given, folders searched for .xlsx files. */
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";

export interface Input {
  /** The path as the user gave it (or joined under the folder they gave). */
  file: string;
  /** Why it cannot be read, when it cannot even be listed. */
  error?: string;
}

/** Excel's lock files ("~$Kế hoạch.xlsx") and hidden files are not workbooks. */
const isWorkbook = (name: string) => /\.xlsx$/i.test(name) && !name.startsWith("~$") && !name.startsWith(".");

/**
 * Workbooks under `dir`, in name order. Links are followed (a shared folder often holds links to
 * the districts' files); each folder is walked once, so a link back up cannot loop.
 */
async function walk(dir: string, out: Input[], seen = new Set<string>()): Promise<void> {
  const real = await realpath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, "vi"));
  for (const e of entries) {
    const p = join(dir, e.name);
    const kind = e.isSymbolicLink() ? await stat(p).catch(() => undefined) : e;
    if (!kind) continue; // a broken link
    if (kind.isDirectory()) await walk(p, out, seen);
    else if (kind.isFile() && isWorkbook(e.name)) out.push({ file: p });
  }
}

export async function expandInputs(paths: readonly string[]): Promise<Input[]> {
  const out: Input[] = [];
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch {
      out.push({ file: p, error: "Không tìm thấy tệp hoặc thư mục." });
      continue;
    }
    if (s.isDirectory()) {
      const before = out.length;
      await walk(p, out);
      if (out.length === before) out.push({ file: p, error: "Thư mục không có tệp .xlsx nào." });
    } else {
      out.push({ file: p });
    }
  }
  return out;
}
