import { formatMessage, type Locale } from "../i18n";
import { allRules } from "../rules";
import { rulebookSizeProblem } from "./limits";
import { issueText, pathText, type WordingOptions } from "./messages";
import { rulebookSchema, type Rulebook } from "./schema";

/** One problem of a rulebook: where (a JSON path) and what, in plain words. */
export interface RulebookProblem {
  /** Where to say it is: the value's path, or for a missing value the path of what lacks it. */
  path: PropertyKey[];
  text: string;
  /** The schema's own path of the problem (for a missing value, the value's path). */
  issuePath?: PropertyKey[];
  /** The sheet and cell, for a rulebook workbook: "Nội dung & đơn giá!D7". */
  cell?: string;
}

/** A rulebook that cannot be used, with every violation in plain words. */
export class RulebookError extends Error {
  constructor(
    message: string,
    /** Each problem as one line: "courses[3].offerings[0].year: Năm 2031 …". */
    readonly problems: string[],
    /** The same problems with their paths, for a rulebook workbook to point at its cells. */
    readonly located: RulebookProblem[] = [],
  ) {
    super(message);
    this.name = "RulebookError";
  }
}

const ruleIds = new Set(allRules.map((r) => r.meta.id));

const WORDS = {
  vi: {
    origin: "Sổ quy tắc",
    invalid: "{origin} không hợp lệ ({n} lỗi): {problems}",
    noRule: 'Không có quy tắc "{id}" (các quy tắc: {ids})',
    notJson: "{origin} không phải JSON hợp lệ: lỗi cú pháp{where}.",
    empty: " (tệp rỗng)",
    at: " ở dòng {line}, cột {col}",
  },
  en: {
    origin: "The rulebook",
    invalid: "{origin} is not valid ({n} problems): {problems}",
    noRule: 'There is no rule "{id}" (the rules: {ids})',
    notJson: "{origin} is not valid JSON: syntax error{where}.",
    empty: " (empty file)",
    at: " at line {line}, column {col}",
  },
} as const;

const fill = formatMessage;

/** "courses[3]: thiếu mã nội dung (id)"; a missing field is located at its parent. */
function problemLine(p: RulebookProblem): string {
  return p.path.length === 0 ? p.text : `${pathText(p.path)}: ${p.text}`;
}

/** The problems of data that is not a valid rulebook (empty when it is one), located by JSON path. */
export function rulebookProblems(
  data: unknown,
  locale: Locale = "vi",
  options: WordingOptions = {},
): { rulebook?: Rulebook; problems: RulebookProblem[] } {
  const size = rulebookSizeProblem(data, locale);
  if (size) return { problems: [{ path: [], text: size }] };
  const r = rulebookSchema.safeParse(data);
  if (!r.success) {
    return {
      problems: r.error.issues.map((i) => {
        const text = issueText(i, data, locale, options);
        const missing = /^(thiếu |.* is missing$)/.test(text);
        return { path: missing ? i.path.slice(0, -1) : [...i.path], text, issuePath: [...i.path] };
      }),
    };
  }
  // Severity overrides must name rules that exist: a typo would silently switch nothing off.
  const problems: RulebookProblem[] = [];
  for (const id of Object.keys(r.data.rules)) {
    if (!ruleIds.has(id))
      problems.push({
        path: ["rules", id],
        issuePath: ["rules", id],
        text: fill(WORDS[locale].noRule, { id, ids: [...ruleIds].join(", ") }),
      });
  }
  return problems.length > 0 ? { problems } : { rulebook: r.data, problems };
}

/** Validate parsed JSON as a rulebook. Throws RulebookError naming every violation in plain words. */
export function parseRulebook(data: unknown, origin?: string, locale: Locale = "vi"): Rulebook {
  // Too large: said alone, before the schema walks it.
  const size = rulebookSizeProblem(data, locale, origin);
  if (size) throw new RulebookError(size, [size], [{ path: [], text: size }]);
  const { rulebook, problems } = rulebookProblems(data, locale);
  if (rulebook) return rulebook;
  throw invalidRulebook(problems, origin, locale);
}

/** The error for a list of problems (each a line), e.g. from a rulebook workbook whose problems point at cells. */
export function invalidRulebook(
  problems: readonly RulebookProblem[],
  origin: string | undefined,
  locale: Locale = "vi",
  line: (p: RulebookProblem) => string = problemLine,
): RulebookError {
  const lines = problems.map(line);
  return new RulebookError(
    fill(WORDS[locale].invalid, {
      origin: origin ?? WORDS[locale].origin,
      n: lines.length,
      problems: lines.join("; "),
    }),
    lines,
    [...problems],
  );
}

/** " ở dòng 3, cột 7" from V8's "… at position 41", or "" when the message gives no position. */
function jsonErrorPlace(text: string, message: string, locale: Locale): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return text.trim() === "" ? WORDS[locale].empty : "";
  const before = text.slice(0, Number(m[1]));
  const line = before.split("\n").length;
  const col = before.length - before.lastIndexOf("\n");
  return fill(WORDS[locale].at, { line, col });
}

/** Parse rulebook text (JSON). Throws RulebookError with a plain message. */
export function parseRulebookText(text: string, origin?: string, locale: Locale = "vi"): Rulebook {
  // Notepad on Windows saves UTF-8 with a byte order mark, which JSON.parse refuses.
  const json = text.replace(/^\uFEFF/, "");
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    const where = jsonErrorPlace(json, (e as Error).message, locale);
    const why = fill(WORDS[locale].notJson, { origin: origin ?? WORDS[locale].origin, where });
    throw new RulebookError(why, [why]);
  }
  return parseRulebook(data, origin, locale);
}
