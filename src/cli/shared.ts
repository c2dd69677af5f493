/**
 * What the command-line tools share: their I/O, argument parsing (with the `--lang` option every
 * tool takes) and the one-line error contract.
 */
import { mkdir } from "node:fs/promises";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { catalogue, LocalizedError, type Locale } from "../engine/i18n";
import { RulebookError } from "../engine/rulebook/load";
import { InputError } from "../io/errors";
import { cliText, requestedLocale } from "./messages";
import { stderrLine } from "./terminal";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (the progress bar is drawn only there). */
  interactive: boolean;
}

export const nodeIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  interactive: Boolean(process.stderr.isTTY),
};

/** A problem with the command line or an output path: one line in the reader's language, exit 2. */
export class UsageError extends Error {}

// "(?<!\s)": a run of spaces is tried once, from its start (a plain "\s*" retries each of its
// positions: quadratic on a long run of spaces without a line feed).
const oneLine = (s: string) => s.replace(/(?<!\s)\s*\n\s*/g, " ").trim();

const FS_REASONS: Record<Locale, Record<string, string>> = {
  vi: {
    ENOENT: "thư mục chứa nó không có và không tạo được",
    ENOTDIR: "một phần của đường dẫn không phải thư mục",
    EISDIR: "đó là một thư mục",
    EACCES: "không có quyền ghi",
    EPERM: "không có quyền ghi",
    EROFS: "ổ đĩa chỉ cho đọc",
    ENOSPC: "ổ đĩa đã đầy",
    EEXIST: "tệp đã có",
    other: "lỗi hệ thống",
  },
  en: {
    ENOENT: "its folder does not exist and cannot be made",
    ENOTDIR: "a part of the path is not a folder",
    EISDIR: "that is a folder",
    EACCES: "no permission to write",
    EPERM: "no permission to write",
    EROFS: "the disk is read-only",
    ENOSPC: "the disk is full",
    EEXIST: "the file exists",
    other: "system error",
  },
};

/** Creates the folder a file goes into; a file already standing in its place reads as ENOTDIR. */
export async function ensureFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") (e as NodeJS.ErrnoException).code = "ENOTDIR";
    throw e;
  }
}

/** Why a file could not be written, in the locale (the system's own text is English and names temporary files). */
export function writeErrorText(e: unknown, locale: Locale = "vi"): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const reasons = FS_REASONS[locale];
  return code && code !== "other" && Object.hasOwn(reasons, code)
    ? reasons[code]
    : `${reasons.other}${code ? ` ${code}` : ""}`;
}

const USAGE = catalogue({
  vi: {
    bad: "Tham số không hợp lệ{option}. Gõ {tool} --help để xem cách dùng.",
    missing: 'Tham số "{option}" cần một giá trị. Gõ {tool} --help để xem cách dùng.',
    unexpected: "lỗi không mong đợi: {reason}",
  },
  en: {
    bad: "Invalid argument{option}. Type {tool} --help for usage.",
    missing: 'The option "{option}" needs a value. Type {tool} --help for usage.',
    unexpected: "unexpected error: {reason}",
  },
});

/**
 * node:util parseArgs, with a one-line UsageError naming the offending option, in the language
 * the command line asks for (`--lang en` is looked for before the arguments are parsed).
 */
function parseCliArgs<O extends NonNullable<ParseArgsConfig["options"]>>(
  tool: string,
  argv: readonly string[],
  options: O,
  locale: Locale = "vi",
) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options });
  } catch (e) {
    const m = /'([^']+)'/.exec((e as Error).message);
    if ((e as { code?: string }).code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && m)
      throw new UsageError(USAGE(locale, "missing", { option: m[1].replace(/ <value>$/, ""), tool }));
    throw new UsageError(USAGE(locale, "bad", { option: m ? ` "${m[1]}"` : "", tool }));
  }
}

/** `--lang vi|en`, the option of every tool (dean-check, dean-template, dean-rulebook). */
const LANG_OPTION = { lang: { type: "string", default: "vi" } } as const;

/**
 * A tool's arguments with `--lang` among its options, and the language (`locale`) everything it
 * prints is in. Parsing speaks the language asked for (looked for before parsing, so that a mistake
 * in the arguments is already told in it). `--lang` is checked here, before anything else is done,
 * `--help` included: a language the tools do not have is refused (exit 2), never answered with the
 * Vietnamese help.
 */
export function parseToolArgs<O extends NonNullable<ParseArgsConfig["options"]>>(
  tool: string,
  argv: readonly string[],
  options: O,
) {
  const parsed = parseCliArgs(tool, argv, { ...options, ...LANG_OPTION }, requestedLocale(argv));
  return { ...parsed, locale: chosenLocale(String((parsed.values as { lang?: unknown }).lang)) };
}

/**
 * The language of `--lang`: vi or en. Any other is refused in both languages at once (the reader
 * asked for one the tools do not have: neither of ours can be assumed to be theirs).
 */
function chosenLocale(lang: string): Locale {
  if (lang === "vi" || lang === "en") return lang;
  throw new UsageError(`${cliText("vi", "badLang", { lang })} / ${cliText("en", "badLang", { lang })}`);
}

/**
 * Runs a tool's body: known errors (usage, rulebook, input, and `also`) become one line on stderr
 * in `locale` (the language asked for, requestedLocale) and `failed`; anything else "lỗi không
 * mong đợi" / "unexpected error" — never a stack trace.
 */
export async function runCli(
  tool: string,
  io: CliIo,
  failed: number,
  body: () => Promise<number>,
  also: (new (...args: never[]) => Error)[] = [],
  locale: Locale = "vi",
): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (
      e instanceof UsageError ||
      e instanceof RulebookError ||
      e instanceof InputError ||
      also.some((k) => e instanceof k)
    ) {
      const text = e instanceof LocalizedError ? e.in(locale) : (e as Error).message;
      io.stderr(stderrLine(`${tool}: ${oneLine(text)}`));
      return failed;
    }
    const reason = oneLine(String((e as Error)?.message ?? e));
    io.stderr(stderrLine(`${tool}: ${USAGE(locale, "unexpected", { reason })}`));
    return failed;
  }
}
