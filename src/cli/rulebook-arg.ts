/**
 * Rulebooks on the command line: `--rules` (a built-in id, a JSON file or a rulebook workbook
 * .xlsx) and the department's own folder of rulebooks (`--rules-dir`, or the DEAN_RULES_DIR
 * environment variable), the candidates of the automatic choice.
 *
 * - A bare built-in id (`--rules hai-phong-2024`) is the built-in rulebook, even when the working
 *   folder holds a file of that name; the file is used when named as a path (`./hai-phong-2024`).
 * - A file is read only when it is a regular file of at most RULEBOOK_LIMITS.maxBytes (./files.ts);
 *   a workbook is told by its bytes (a zip) and read by the same bounded reader as checked workbooks.
 * - A rulebook of the folder with a built-in id is kept beside the built-in one and named by its
 *   file wherever it is used, never silently in its place.
 */
import { readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { Locale } from "../engine/i18n";
import { builtinCandidates, builtinRulebook, builtinRulebookIds } from "../engine/rulebook/builtin";
import type { Candidate } from "../engine/rulebook/choose";
import { RULEBOOK_LIMITS, tooLargeMessage } from "../engine/rulebook/limits";
import { parseRulebookText, RulebookError } from "../engine/rulebook/load";
import type { Rulebook } from "../engine/rulebook/schema";
import type { NamedRulebook } from "../engine/rulebook/select";
import { rulebookFromWorkbook } from "../engine/rulebook/workbook";
import { InputError } from "../io/errors";
import { readXlsx } from "../io/xlsx/read";
import { FileReadError, readRegularFile } from "./files";
import { cliText, type CliMessageKey } from "./messages";

export { builtinCandidates } from "../engine/rulebook/builtin";

/** The environment variable naming the department's folder of rulebooks. */
export const RULES_DIR_ENV = "DEAN_RULES_DIR";

const isRulebookFile = (name: string) =>
  /\.(json|xlsx)$/i.test(name) && !name.startsWith("~$") && !name.startsWith(".");

/** Whether `--rules` names a path rather than a built-in id: a separator or an extension. */
const looksLikePath = (spec: string) => /[\\/]/.test(spec) || extname(spec) !== "";

/** The bytes of a rulebook file: a regular file of bounded size (a FIFO or /dev/zero is refused, never a hang). */
async function readRulebookBytes(file: string, locale: Locale): Promise<Buffer> {
  try {
    return await readRegularFile(file, RULEBOOK_LIMITS.maxBytes);
  } catch (e) {
    const code = e instanceof FileReadError ? e.code : undefined;
    if (code === "EFBIG") {
      const size = await stat(file).then(
        (st) => st.size,
        () => RULEBOOK_LIMITS.maxBytes + 1,
      );
      const m = tooLargeMessage("bytes", size, locale, cliText(locale, "rulebookOrigin", { file }));
      throw new RulebookError(m, [m]);
    }
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new InputError(cliText(locale, "rulebookNotThere", { file }));
    // The reader's own reason, as dean-check says it of a workbook: a folder, a FIFO, a device…
    const key: CliMessageKey =
      code === "EISDIR"
        ? "isFolder"
        : code === "EACCES" || code === "EPERM"
          ? "noReadPermission"
          : code === "EFIFO"
            ? "notAFifo"
            : code === "EDEVICE"
              ? "notADevice"
              : "notAFile";
    const reason = cliText(locale, key).replace(/^./, (c) => c.toLocaleLowerCase(locale));
    throw new InputError(cliText(locale, "rulebookUnreadable", { file, reason }));
  }
}

/** A workbook that holds no rulebook sheet at all (an appendix, say): no rulebook, and no broken one either. */
class NoRulebookSheets extends RulebookError {}

/** A rulebook file: JSON, or a rulebook workbook (.xlsx) whose "SỔ QUY TẮC" sheets are read. */
async function loadRulebookFile(file: string, locale: Locale = "vi"): Promise<Rulebook> {
  const origin = cliText(locale, "rulebookOrigin", { file });
  const bytes = await readRulebookBytes(file, locale);
  // A workbook is told by its bytes (a zip), whatever the file is called.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let snapshot;
    try {
      snapshot = await readXlsx(bytes);
    } catch (e) {
      if (e instanceof InputError)
        throw new InputError(cliText(locale, "rulebookUnreadable", { file, reason: e.in(locale) }));
      throw e;
    }
    const found = rulebookFromWorkbook(snapshot, { origin, locale });
    if (!found) {
      const m = cliText(locale, "rulebookNoSheets", { origin });
      throw new NoRulebookSheets(m, [m]);
    }
    return found.rulebook;
  }
  return parseRulebookText(bytes.toString("utf8"), origin, locale);
}

interface RulebookArg {
  candidate: Candidate;
  /** A note when a file of the same name as the built-in id was not used. */
  note?: string;
}

/**
 * `--rules`: the built-in rulebook of that id (a bare id is never a file of the working folder),
 * else the file. Throws InputError (no such file) or RulebookError (invalid), with one line.
 */
async function loadRulebookArg(spec: string, locale: Locale = "vi"): Promise<RulebookArg> {
  if (!looksLikePath(spec) && builtinRulebookIds.includes(spec)) {
    const shadow = await stat(spec).then(
      (s) => s.isFile(),
      () => false,
    );
    const arg: RulebookArg = { candidate: { rulebook: builtinRulebook(spec), origin: { kind: "builtin" } } };
    if (shadow) arg.note = cliText(locale, "noteBuiltinNotFile", { id: spec });
    return arg;
  }
  const exists = await stat(spec).then(
    () => true,
    () => false,
  );
  if (!exists)
    throw new InputError(
      cliText(locale, "rulebookMissing", { file: spec, builtins: builtinRulebookIds.join(", ") }),
    );
  return {
    candidate: { rulebook: await loadRulebookFile(spec, locale), origin: { kind: "file", file: spec } },
  };
}

/** The rulebook of `--rules` for tools that need exactly one (dean-template): the default when none is given. */
export async function loadOneRulebook(spec: string | undefined, locale: Locale = "vi"): Promise<Rulebook> {
  if (spec === undefined) return builtinRulebook();
  return (await loadRulebookArg(spec, locale)).candidate.rulebook;
}

interface RulebookFolder {
  candidates: Candidate[];
  /** Lines to say (a file's rulebook that has a built-in id). */
  notes: string[];
}

/**
 * The department's own rulebooks: every .json and .xlsx file of the folder (not its sub-folders),
 * in name order. An invalid file stops the run (its message names it): a department's rulebook
 * that cannot be read must not be passed over silently. A workbook that holds no rulebook sheet
 * at all (the appendices checked, kept in the same folder) is skipped, in one line.
 */
async function loadRulebookFolder(dir: string, locale: Locale = "vi"): Promise<RulebookFolder> {
  let names: string[];
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) throw new InputError(cliText(locale, "rulesDirNotFolder", { dir }));
    names = (await readdir(dir)).filter(isRulebookFile).sort((a, b) => a.localeCompare(b, "vi"));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(cliText(locale, "rulesDirUnreadable", { dir }));
  }
  const candidates: Candidate[] = [];
  const notes: string[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    const s = await stat(file).catch(() => undefined);
    if (!s?.isFile()) continue;
    let rulebook: Rulebook;
    try {
      rulebook = await loadRulebookFile(file, locale);
    } catch (e) {
      // A workbook of appendices kept beside the rulebooks is no rulebook: said, and passed over.
      if (e instanceof NoRulebookSheets) {
        notes.push(cliText(locale, "rulesDirSkipped", { file }));
        continue;
      }
      throw e;
    }
    const twice = seen.get(rulebook.id);
    if (twice) {
      const m = cliText(locale, "rulesDirSameId", {
        dir,
        id: rulebook.id,
        first: basename(twice),
        second: name,
      });
      throw new RulebookError(m, [m]);
    }
    seen.set(rulebook.id, file);
    if (builtinRulebookIds.includes(rulebook.id))
      notes.push(cliText(locale, "noteFileHasBuiltinId", { file, id: rulebook.id }));
    candidates.push({ rulebook, origin: { kind: "folder", file } });
  }
  return { candidates, notes };
}

export interface RulebookSource {
  /** The rulebook named with --rules, used for every file. */
  named?: NamedRulebook;
  /** The candidates of the automatic choice: the department's folder, then the built-in ones. */
  candidates: Candidate[];
  /** Lines to say once on stderr (a file not used in favour of a built-in id, a folder id like a built-in's). */
  notes: string[];
}

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
    const arg = await loadRulebookArg(options.rules, locale);
    if (arg.note) notes.push(arg.note);
    named = { candidate: arg.candidate, chosenBy: "option", reason: cliText(locale, "chosenWithOption") };
  }
  const dir = options.rulesDir ?? (env[RULES_DIR_ENV] || undefined);
  const folder =
    dir !== undefined && !named ? await loadRulebookFolder(dir, locale) : { candidates: [], notes: [] };
  notes.push(...folder.notes);
  return { named, candidates: [...folder.candidates, ...builtinCandidates()], notes };
}
