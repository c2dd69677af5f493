/** The `--rules` argument of the command-line tools: a rulebook JSON file or a built-in rulebook's id. */
import { builtinRulebook, builtinRulebookIds } from "../engine/rulebook/builtin";
import { parseRulebookText } from "../engine/rulebook/load";
import type { Rulebook } from "../engine/rulebook/schema";
import { InputError } from "../io/errors";
import { FileReadError, readRegularFile } from "./files";

/** A rulebook file is read only when it is a regular file of at most this many bytes (a FIFO or /dev/zero is refused). */
const MAX_RULEBOOK_FILE = 64 * 1024 * 1024;

/**
 * The default rulebook when `spec` is undefined, else the JSON file `spec`, else the built-in
 * rulebook of that id. Throws InputError (no such file) or RulebookError (invalid), with one
 * Vietnamese line.
 */
export async function loadRulebookArg(spec: string | undefined): Promise<Rulebook> {
  if (spec === undefined) return builtinRulebook();
  let text: string;
  try {
    text = (await readRegularFile(spec, MAX_RULEBOOK_FILE)).toString("utf8");
  } catch (e) {
    const missing = !(e instanceof FileReadError) || e.code === "ENOENT" || e.code === "ENOTDIR";
    if (missing && builtinRulebookIds.includes(spec)) return builtinRulebook(spec);
    throw new InputError(
      missing
        ? `Không đọc được sổ quy tắc "${spec}": không có tệp này (các sổ có sẵn: ${builtinRulebookIds.join(", ")}).`
        : `Không đọc được sổ quy tắc "${spec}": ${(e as Error).message.replace(/^./, (c) => c.toLocaleLowerCase("vi"))}`,
    );
  }
  return parseRulebookText(text, `Sổ quy tắc "${spec}"`);
}
