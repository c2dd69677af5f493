/**
 * Rulebooks on the command line: `--rules` (a built-in id, a JSON file or a rulebook workbook
 * .xlsx) and the department's own folder of rulebooks (`--rules-dir`, or the DEAN_RULES_DIR
 * environment variable), the candidates of the automatic choice.
 *
 * - A bare built-in id (`--rules hai-phong-2024`) is the built-in rulebook, even when the working
 *   folder holds a file of that name; the file is used when named as a path (`./hai-phong-2024`).
 * - A file is read only when it is a regular file of at most RULEBOOK_LIMITS.maxBytes.
 * - A rulebook of the folder with a built-in id is kept beside the built-in one and named by its
 *   file wherever it is used, never silently in its place.
 */
import { open, readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { builtinCandidates, builtinRulebook, builtinRulebookIds } from "../engine/rulebook/builtin";
import type { Locale } from "../engine/i18n";
import type { Candidate } from "../engine/rulebook/choose";
import { RULEBOOK_LIMITS, tooLargeMessage } from "../engine/rulebook/limits";
import { parseRulebookText, RulebookError } from "../engine/rulebook/load";
import type { Rulebook } from "../engine/rulebook/schema";
import type { NamedRulebook } from "../engine/rulebook/select";
import { rulebookFromWorkbook } from "../engine/rulebook/workbook";
import { InputError } from "../io/errors";
import { readXlsx } from "../io/xlsx/read";

/** The environment variable naming the department's folder of rulebooks. */
export const RULES_DIR_ENV = "DEAN_RULES_DIR";

const isRulebookFile = (name: string) =>
  /\.(json|xlsx)$/i.test(name) && !name.startsWith("~$") && !name.startsWith(".");

/** Whether `--rules` names a path rather than a built-in id: a separator or an extension. */
const looksLikePath = (spec: string) => /[\\/]/.test(spec) || extname(spec) !== "";

/** The bytes of a rulebook file: a regular file, not too large (a FIFO or /dev/zero is refused). */
async function readRulebookBytes(file: string, label: string, origin: string): Promise<Buffer> {
  let s;
  try {
    s = await stat(file);
  } catch {
    throw new InputError(`Không đọc được ${label}: không có tệp này.`);
  }
  if (s.isDirectory()) throw new InputError(`Không đọc được ${label}: đó là một thư mục.`);
  if (!s.isFile()) throw new InputError(`Không đọc được ${label}: đó không phải một tệp thường.`);
  if (s.size > RULEBOOK_LIMITS.maxBytes)
    throw new RulebookError(tooLargeMessage("bytes", s.size, "vi", origin), []);
  const handle = await open(file, "r").catch(() => {
    throw new InputError(`Không đọc được ${label}: không có quyền đọc.`);
  });
  try {
    // Read at most one byte more than allowed: a file that grew since stat is still bounded.
    const buf = Buffer.alloc(RULEBOOK_LIMITS.maxBytes + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n > RULEBOOK_LIMITS.maxBytes)
        throw new RulebookError(tooLargeMessage("bytes", n, "vi", origin), []);
    }
    return buf.subarray(0, n);
  } finally {
    await handle.close();
  }
}

/** A rulebook file: JSON, or a rulebook workbook (.xlsx) whose "SỔ QUY TẮC" sheets are read. */
export async function loadRulebookFile(file: string): Promise<Rulebook> {
  const label = `sổ quy tắc "${file}"`;
  const origin = `Sổ quy tắc "${file}"`;
  const bytes = await readRulebookBytes(file, label, origin);
  // A workbook is told by its bytes (a zip), whatever the file is called.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let snapshot;
    try {
      snapshot = await readXlsx(bytes);
    } catch (e) {
      if (e instanceof InputError) throw new InputError(`Không đọc được ${label}: ${e.message}`);
      throw e;
    }
    const found = rulebookFromWorkbook(snapshot, { origin });
    if (!found)
      throw new RulebookError(
        `${origin} không có trang sổ quy tắc nào (trang có tiêu đề "SỔ QUY TẮC — THÔNG TIN CHUNG"…). Tạo một sổ bằng: dean-template rulebook -o so-quy-tac.xlsx`,
        [],
      );
    return found.rulebook;
  }
  return parseRulebookText(bytes.toString("utf8"), origin);
}

export interface RulebookArg {
  candidate: Candidate;
  /** A note when a file of the same name as the built-in id was not used. */
  note?: string;
}

/**
 * `--rules`: the built-in rulebook of that id (a bare id is never a file of the working folder),
 * else the file. Throws InputError (no such file) or RulebookError (invalid), with one Vietnamese line.
 */
export async function loadRulebookArg(spec: string): Promise<RulebookArg> {
  if (!looksLikePath(spec) && builtinRulebookIds.includes(spec)) {
    const shadow = await stat(spec).then(
      (s) => s.isFile(),
      () => false,
    );
    const arg: RulebookArg = { candidate: { rulebook: builtinRulebook(spec), origin: { kind: "builtin" } } };
    if (shadow)
      arg.note = `dùng sổ quy tắc có sẵn ${spec}; tệp "${spec}" cùng tên trong thư mục này không được dùng (ghi ./${spec} để dùng tệp).`;
    return arg;
  }
  const exists = await stat(spec).then(
    () => true,
    () => false,
  );
  if (!exists)
    throw new InputError(
      `Không đọc được sổ quy tắc "${spec}": không có tệp này (các sổ có sẵn: ${builtinRulebookIds.join(", ")}).`,
    );
  return { candidate: { rulebook: await loadRulebookFile(spec), origin: { kind: "file", file: spec } } };
}

/** The rulebook of `--rules` for tools that need exactly one (dean-template): the default when none is given. */
export async function loadOneRulebook(spec: string | undefined): Promise<Rulebook> {
  if (spec === undefined) return builtinRulebook();
  return (await loadRulebookArg(spec)).candidate.rulebook;
}

export interface RulebookFolder {
  candidates: Candidate[];
  /** Lines to say (a file's rulebook that has a built-in id). */
  notes: string[];
}

/**
 * The department's own rulebooks: every .json and .xlsx file of the folder (not its sub-folders),
 * in name order. An invalid file stops the run (its message names it): a department's rulebook
 * that cannot be read must not be passed over silently.
 */
export async function loadRulebookFolder(dir: string): Promise<RulebookFolder> {
  let names: string[];
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) throw new InputError(`Thư mục sổ quy tắc "${dir}" không phải một thư mục.`);
    names = (await readdir(dir)).filter(isRulebookFile).sort((a, b) => a.localeCompare(b, "vi"));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`Không đọc được thư mục sổ quy tắc "${dir}".`);
  }
  const candidates: Candidate[] = [];
  const notes: string[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    const s = await stat(file).catch(() => undefined);
    if (!s?.isFile()) continue;
    const rulebook = await loadRulebookFile(file);
    const twice = seen.get(rulebook.id);
    if (twice)
      throw new RulebookError(
        `Hai sổ quy tắc trong thư mục "${dir}" cùng mã ${rulebook.id}: "${basename(twice)}" và "${name}". Đổi mã (id) của một sổ.`,
        [],
      );
    seen.set(rulebook.id, file);
    if (builtinRulebookIds.includes(rulebook.id))
      notes.push(
        `sổ quy tắc "${file}" có mã ${rulebook.id} trùng sổ có sẵn: cả hai đều được xét khi tự chọn, báo cáo ghi rõ sổ nào được dùng (sổ của tệp được ưu tiên).`,
      );
    candidates.push({ rulebook, origin: { kind: "folder", file } });
  }
  return { candidates, notes };
}

export { builtinCandidates } from "../engine/rulebook/builtin";

export interface RulebookSource {
  /** The rulebook named with --rules, used for every file. */
  named?: NamedRulebook;
  /** The candidates of the automatic choice: the department's folder, then the built-in ones. */
  candidates: Candidate[];
  /** Lines to say once on stderr (a file not used in favour of a built-in id, a folder id like a built-in's). */
  notes: string[];
}

const CHOSEN_WITH_OPTION = { vi: "chọn bằng --rules", en: "chosen with --rules" } as const;

/**
 * Where dean-check's rulebooks come from: --rules (then no choice is made), else the folder of
 * --rules-dir or of the DEAN_RULES_DIR environment variable, and the built-in rulebooks.
 */
export async function rulebookSource(
  options: { rules?: string; rulesDir?: string; locale?: Locale },
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<RulebookSource> {
  const locale = options.locale ?? "vi";
  const notes: string[] = [];
  let named: NamedRulebook | undefined;
  if (options.rules !== undefined) {
    const arg = await loadRulebookArg(options.rules);
    if (arg.note) notes.push(arg.note);
    named = { candidate: arg.candidate, chosenBy: "option", reason: CHOSEN_WITH_OPTION[locale] };
  }
  const dir = options.rulesDir ?? (env[RULES_DIR_ENV] || undefined);
  const folder = dir !== undefined && !named ? await loadRulebookFolder(dir) : { candidates: [], notes: [] };
  notes.push(...folder.notes);
  return { named, candidates: [...folder.candidates, ...builtinCandidates()], notes };
}
