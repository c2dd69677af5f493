/**
 * `dean-check [--rules f.json|f.xlsx|id] [--rules-dir dir] [--json] [--annotate out.xlsx] [--lang vi|en] <file.xlsx|folder>...`
 *
 * Public contract (other tools depend on it):
 * - `--json` prints exactly `{"files":[{"file": "...", "rulebook": {"id", "name", "chosenBy"}, "findings": [...]}]}`;
 *   a file that cannot be read, or that no rulebook fits, gets `"error": "..."` instead.
 * - Without --rules each file's rulebook is chosen from what it says (src/engine/rulebook/select.ts).
 * - Exit 0 when there is no error finding, 1 when there is, 2 when an input or the rulebook cannot
 *   be read (then one Vietnamese line per problem on stderr, never a stack trace).
 * - `--annotate` writes a marked copy; it never overwrites an input.
 */
import { readFile, realpath, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { SingleBar } from "cli-progress";
import { toPublicFinding, type Finding } from "../engine/findings";
import { builtinRulebookIds } from "../engine/rulebook/builtin";
import type { Locale } from "../engine/i18n";
import type { CheckJob, CheckOutcome } from "./check-file";
import { expandInputs, type Input } from "./inputs";
import { cliText, requestedLocale } from "./messages";
import { checkFiles } from "./pool";
import { RULES_DIR_ENV, rulebookSource } from "./rulebook-arg";
import { nodeIo, parseToolArgs, runCli, UsageError, type CliIo } from "./shared";
import { escapeStrings, escapeTerminal, stderrLine } from "./terminal";
import { publicRulebook, textReport, type FileReport, type PublicRulebook } from "./report";

const EXIT = { clean: 0, errors: 1, unreadable: 2 } as const;

export type { CliIo } from "./shared";
/**
 * Where the annotated copy of each file goes; refuses any path that is one of the inputs, and a
 * file name (….xlsx) for several inputs (it would silently become a folder of that name).
 */
async function annotationTargets(
  out: string,
  files: readonly string[],
  locale: Locale,
): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  const isFolder = await stat(out).then(
    (s) => s.isDirectory(),
    () => false,
  );
  // A folder: several inputs, an existing folder, or a path ending with a separator ("ket-qua/").
  const many = files.length > 1 || /[\\/]$/.test(out) || isFolder;
  if (files.length > 1 && !isFolder && /\.xlsx$/i.test(out))
    throw new UsageError(cliText(locale, "annotateManyToFile", { count: files.length, path: out }));
  if (!many && !/\.xlsx$/i.test(out)) throw new UsageError(cliText(locale, "annotateNotXlsx", { path: out }));
  const used = new Set<string>();
  for (const f of files) {
    let target = out;
    if (many) {
      const stem = basename(f).replace(/\.xlsx$/i, "");
      let name = `${stem}.kiem-tra.xlsx`;
      for (let i = 2; used.has(resolve(out, name)); i++) name = `${stem} (${i}).kiem-tra.xlsx`;
      target = join(out, name);
    }
    used.add(resolve(target));
    targets.set(f, target);
  }
  const inputs = new Set<string>();
  for (const f of files) {
    inputs.add(resolve(f));
    inputs.add(await realpath(f).catch(() => resolve(f)));
  }
  for (const t of targets.values()) {
    const real = await realpath(t).catch(() => resolve(t));
    if (inputs.has(resolve(t)) || inputs.has(real)) {
      throw new UsageError(cliText(locale, "annotateIsInput", { path: t }));
    }
  }
  return targets;
}

export async function main(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  return runCli("dean-check", io, EXIT.unreadable, () => run(argv, io), [], requestedLocale(argv));
}

/** The version of dean-check: package.json's, found above this file (src/cli or dist/node/cli). */
async function version(): Promise<string> {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const text = await readFile(join(dir, "package.json"), "utf8").catch(() => undefined);
    if (text !== undefined) {
      const pkg = JSON.parse(text) as { name?: string; version?: string };
      if (pkg.name === "dean-checker" && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return "?";
  }
}

/** The inputs, each file once: the same file named twice, or reached through a folder and by name, is checked once. */
async function unique(inputs: readonly Input[]): Promise<Input[]> {
  const seen = new Set<string>();
  const out: Input[] = [];
  for (const input of inputs) {
    const key =
      input.error !== undefined
        ? `?${resolve(input.file)}`
        : await realpath(input.file).catch(() => resolve(input.file));
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(input);
  }
  return out;
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals, locale } = parseToolArgs("dean-check", argv, {
    rules: { type: "string" },
    "rules-dir": { type: "string" },
    json: { type: "boolean", default: false },
    annotate: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
    version: { type: "boolean", default: false },
  });
  if (values.help) {
    io.stdout(cliText(locale, "usage", { builtins: builtinRulebookIds.join(", "), env: RULES_DIR_ENV }));
    return EXIT.clean;
  }
  if (values.version) {
    io.stdout(`dean-check ${await version()}\n`);
    return EXIT.clean;
  }
  if (positionals.length === 0) throw new UsageError(cliText(locale, "noInput"));
  const rules = await rulebookSource({ rules: values.rules, rulesDir: values["rules-dir"], locale });
  for (const note of rules.notes) io.stderr(stderrLine(`dean-check: ${note}`));
  const inputs = await unique(await expandInputs(positionals, locale));
  const targets =
    values.annotate !== undefined
      ? await annotationTargets(
          values.annotate,
          inputs.filter((i) => !i.error).map((i) => i.file),
          locale,
        )
      : undefined;

  const bar = inputs.length > 1 && io.interactive ? progressBar(inputs.length, locale) : undefined;
  // Each file read, checked and copied in a worker thread (src/cli/pool.ts); only findings come back.
  const readable = inputs.filter((i) => i.error === undefined);
  const jobs: CheckJob[] = readable.map((i) => ({ file: i.file, annotate: targets?.get(i.file) }));
  const settings = { rules: { named: rules.named, candidates: rules.candidates }, locale };
  const outcomes = await checkFiles(jobs, settings, {}, (o) =>
    bar?.increment({ file: escapeTerminal(basename(o.file)) }),
  );
  bar?.stop();
  const checked = new Map(
    readable.map((input, i) => [input, { outcome: outcomes[i], target: jobs[i].annotate }]),
  );
  const reports: FileReport[] = [];
  let unwritten = 0;
  for (const input of inputs) {
    const c = checked.get(input);
    const o: CheckOutcome = c?.outcome ?? { file: input.file, error: input.error };
    const report: FileReport = {
      file: o.file,
      error: o.error,
      findings: o.findings,
      workbook: o.workbook,
      rulebook: o.rulebook,
    };
    const target = c?.target;
    if (target !== undefined && o.error === undefined) {
      if (o.annotateError !== undefined) {
        unwritten++;
        io.stderr(
          stderrLine(
            `dean-check: ${cliText(locale, "annotateFailed", { path: target, reason: o.annotateError })}`,
          ),
        );
      } else {
        report.annotated = target;
        // The report says where the copy went; with --json, stdout is the JSON alone.
        if (values.json)
          io.stderr(stderrLine(`dean-check: ${cliText(locale, "annotatedTo", { path: target })}`));
      }
    }
    reports.push(report);
  }

  for (const r of reports)
    if (r.error !== undefined) io.stderr(stderrLine(`dean-check: ${r.file}: ${r.error}`));
  if (values.json) io.stdout(`${JSON.stringify(jsonReport(reports))}\n`);
  else io.stdout(escapeTerminal(textReport(escapeStrings(reports), locale), true));

  // A rulebook named with --rules that covers no sheet of a file: checked and shown, but no pass.
  const uncovered = reports.filter((r) => r.rulebook?.noneCovered);
  for (const r of uncovered)
    if (r.rulebook?.others) io.stderr(stderrLine(`dean-check: ${r.file}: ${r.rulebook.others}`));
  // A copy that was locale for and not written is a failure, as an unreadable input is.
  if (unwritten > 0 || uncovered.length > 0 || reports.some((r) => r.error !== undefined))
    return EXIT.unreadable;
  return reports.some((r) => r.findings?.some((f) => f.severity === "error")) ? EXIT.errors : EXIT.clean;
}

/** The progress bar on stderr (cli-progress is loaded only when a bar is drawn). */
function progressBar(total: number, locale: Locale): SingleBar {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SingleBar: Bar } = require("cli-progress") as typeof import("cli-progress");
  const bar = new Bar({
    format: cliText(locale, "progress"),
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, { file: "" });
  return bar;
}

/** The `--json` document: exactly the contract's fields (the rulebook of each checked file: issue #11). */
function jsonReport(reports: readonly FileReport[]): {
  files: (
    { file: string; rulebook?: PublicRulebook; findings: Finding[] } | { file: string; error: string }
  )[];
} {
  return {
    files: reports.map((r) =>
      r.error !== undefined
        ? { file: r.file, error: r.error }
        : {
            file: r.file,
            ...(r.rulebook ? { rulebook: publicRulebook(r.rulebook) } : {}),
            findings: (r.findings ?? []).map(toPublicFinding),
          },
    ),
  };
}
