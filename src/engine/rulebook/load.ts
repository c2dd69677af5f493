import { z } from "zod";
import { allRules } from "../rules";
import { rulebookSchema, type Rulebook } from "./schema";

/** A rulebook that cannot be used, with every violation in Vietnamese. */
export class RulebookError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
    this.name = "RulebookError";
  }
}

const viErrors = z.locales.vi().localeError;
const ruleIds = new Set(allRules.map((r) => r.meta.id));

function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0
    ? "(gốc)"
    : path
        .map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
        .join(".")
        .replace(/\.\[/g, "[");
}

/** Validate parsed JSON as a rulebook. Throws RulebookError naming every violation. */
export function parseRulebook(data: unknown, origin = "Sổ quy tắc"): Rulebook {
  const r = rulebookSchema.safeParse(data, { error: viErrors });
  const problems = r.success ? [] : r.error.issues.map((i) => `${pathText(i.path)}: ${i.message}`);
  // Severity overrides must name rules that exist: a typo would silently switch nothing off.
  if (r.success) {
    for (const id of Object.keys(r.data.rules)) {
      if (!ruleIds.has(id))
        problems.push(`rules.${id}: Không có quy tắc "${id}" (các quy tắc: ${[...ruleIds].join(", ")})`);
    }
    if (problems.length === 0) return r.data;
  }
  throw new RulebookError(
    `${origin} không hợp lệ (${problems.length} lỗi): ${problems.join("; ")}`,
    problems,
  );
}

/** " ở dòng 3, cột 7" from V8's "… at position 41", or "" when the message gives no position. */
function jsonErrorPlace(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return text.trim() === "" ? " (tệp rỗng)" : "";
  const before = text.slice(0, Number(m[1]));
  const line = before.split("\n").length;
  const col = before.length - before.lastIndexOf("\n");
  return ` ở dòng ${line}, cột ${col}`;
}

/** Parse rulebook text (JSON). Throws RulebookError with a Vietnamese message. */
export function parseRulebookText(text: string, origin = "Sổ quy tắc"): Rulebook {
  // Notepad on Windows saves UTF-8 with a byte order mark, which JSON.parse refuses.
  const json = text.replace(/^\uFEFF/, "");
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    const where = jsonErrorPlace(json, (e as Error).message);
    const why = `${origin} không phải JSON hợp lệ: lỗi cú pháp${where}.`;
    throw new RulebookError(why, [why]);
  }
  return parseRulebook(data, origin);
}
