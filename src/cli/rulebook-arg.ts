/** The `--rules` argument of the command-line tools: a rulebook JSON file or a built-in rulebook's id. */
import { readFile } from "node:fs/promises";
import { builtinRulebook, builtinRulebookIds } from "../engine/rulebook/builtin";
import { parseRulebookText } from "../engine/rulebook/load";
import type { Rulebook } from "../engine/rulebook/schema";
import { InputError } from "../io/errors";

/**
 * The default rulebook when `spec` is undefined, else the JSON file `spec`, else the built-in
 * rulebook of that id. Throws InputError (no such file) or RulebookError (invalid), with one
 * Vietnamese line.
 */
export async function loadRulebookArg(spec: string | undefined): Promise<Rulebook> {
  if (spec === undefined) return builtinRulebook();
  let text: string;
  try {
    text = await readFile(spec, "utf8");
  } catch {
    if (builtinRulebookIds.includes(spec)) return builtinRulebook(spec);
    throw new InputError(
      `Không đọc được sổ quy tắc "${spec}": không có tệp này (các sổ có sẵn: ${builtinRulebookIds.join(", ")}).`,
    );
  }
  return parseRulebookText(text, `Sổ quy tắc "${spec}"`);
}
