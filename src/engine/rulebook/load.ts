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

/** Parse rulebook text (JSON). Throws RulebookError with a Vietnamese message. */
export function parseRulebookText(text: string, origin = "Sổ quy tắc"): Rulebook {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new RulebookError(`${origin} không phải JSON hợp lệ: ${(e as Error).message}`, [
      (e as Error).message,
    ]);
  }
  return parseRulebook(data, origin);
}
