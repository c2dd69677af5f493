#!/usr/bin/env node
/**
 * `dean-template <kind> --year 2027 [--rules f.json] [--units districts|communes] [--rows N]
 * [--appendix N] [--functions] [--force] [--lang vi|en] -o file.xlsx`
 *
 * Writes a standard appendix template (src/engine/templates) as a new .xlsx file.
 * - Never overwrites an existing file unless `--force`; never overwrites the rulebook it reads,
 *   even with `--force`.
 * - Exit 0 when the file is written, 2 otherwise (one line on stderr, never a stack trace):
 *   unknown kind, year or language, bad option, unreadable rulebook, file that cannot be written.
 * - What it prints is in the language of `--lang` (Vietnamese by default); what it writes, the
 *   template, is a Vietnamese official document whatever the language.
 */
import { realpath } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { builtinRulebookIds } from "../engine/rulebook/builtin";
import {
  buildTemplate,
  isTemplateKind,
  TemplateError,
  type TemplateOptions,
} from "../engine/templates/build";
import type { Locale } from "../engine/i18n";
import { templateKindName, TEMPLATE_KINDS } from "../engine/templates/spec";
import { unitsFor } from "../engine/templates/layout";
import { cliText, requestedLocale } from "./messages";
import {
  ensureFolder,
  nodeIo,
  parseToolArgs,
  runCli,
  UsageError,
  writeErrorText,
  type CliIo,
} from "./shared";
import { writeNewFile } from "./files";
import { escapeTerminal } from "./terminal";
import { loadOneRulebook } from "./rulebook-arg";
import { writeRulebookWorkbook } from "./rulebook-template";

export const EXIT = { written: 0, failed: 2 } as const;

/** The kinds a command line may name: the appendix templates and the rulebook workbook. */
const KINDS = [...TEMPLATE_KINDS, "rulebook"].join(", ");

function usage(locale: Locale): string {
  const kinds = TEMPLATE_KINDS.map((k) => `  ${k.padEnd(13)} ${templateKindName(k, locale)}`).join("\n");
  return cliText(locale, "templateUsage", { kinds, builtins: builtinRulebookIds.join(", ") });
}

export async function main(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  return runCli(
    "dean-template",
    io,
    EXIT.failed,
    () => run(argv, io),
    [TemplateError],
    requestedLocale(argv),
  );
}

function integer(
  text: string | undefined,
  what: "templateYear" | "templateRows" | "templateAppendix",
  locale: Locale,
): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()))
    throw new UsageError(cliText(locale, "notInteger", { what: cliText(locale, what), text }));
  return Number(text);
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals, locale } = parseToolArgs("dean-template", argv, {
    year: { type: "string", short: "y" },
    rules: { type: "string" },
    from: { type: "string" },
    units: { type: "string" },
    rows: { type: "string" },
    appendix: { type: "string" },
    functions: { type: "boolean", default: false },
    output: { type: "string", short: "o" },
    force: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    io.stdout(usage(locale));
    return EXIT.written;
  }
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? cliText(locale, "templateNoKind", { kinds: KINDS })
        : cliText(locale, "templateOneKind", { count: positionals.length, kinds: positionals.join(" ") }),
    );
  const kind = positionals[0];
  if (kind === "rulebook") {
    if (values.output === undefined) throw new UsageError(cliText(locale, "templateNoOutput"));
    const from = values.from ?? values.rules;
    if (from !== undefined) await refuseInputs(values.output, from, locale);
    io.stdout(
      escapeTerminal(
        await writeRulebookWorkbook({
          from,
          output: values.output,
          force: values.force,
          locale,
          write: (target, bytes, force) => writeTarget(target, bytes, force, locale),
        }),
        true,
      ),
    );
    return EXIT.written;
  }
  if (!isTemplateKind(kind))
    throw new UsageError(cliText(locale, "templateUnknownKind", { kind, kinds: KINDS }));
  if (values.output === undefined) throw new UsageError(cliText(locale, "templateNoOutput"));
  if (!/\.xlsx$/i.test(values.output))
    throw new UsageError(cliText(locale, "outputNotXlsx", { path: values.output }));
  if (values.units !== undefined && values.units !== "districts" && values.units !== "communes")
    throw new UsageError(cliText(locale, "templateBadUnits", { units: values.units }));

  // The rulebook file is never the output, even with --force: said before it is read.
  await refuseInputs(values.output, values.rules, locale);
  const rulebook = await loadOneRulebook(values.rules, locale);
  let year = integer(values.year, "templateYear", locale);
  if (year === undefined) {
    if (rulebook.years.length !== 1)
      throw new UsageError(cliText(locale, "templateNoYear", { years: rulebook.years.join(", ") }));
    year = rulebook.years[0];
  }
  const options: TemplateOptions = {
    rulebook,
    year,
    functions: values.functions,
    rows: integer(values.rows, "templateRows", locale),
    appendix: integer(values.appendix, "templateAppendix", locale),
    units: values.units,
  };
  const template = buildTemplate(kind, options);

  const target = values.output;
  // ExcelJS (through the template writer) is loaded only now: --help and refusals never load it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { templateXlsxBuffer } = require("../io/xlsx/template") as typeof import("../io/xlsx/template");
  const bytes = await templateXlsxBuffer(template);
  await writeTarget(target, bytes, values.force, locale);
  // The sheets by their names, as written (Vietnamese: the template is an official document).
  const sheets = template.sheets
    .map((s) => (s.hidden ? cliText(locale, "hiddenSheet", { sheet: s.name }) : s.name))
    .join(", ");
  const written = cliText(locale, "templateWritten", {
    kind: templateKindName(kind, locale).toLocaleLowerCase(locale),
    year,
    rulebook: rulebook.id,
    path: target,
    sheets,
  });
  io.stdout(escapeTerminal(`${written}\n`, true));
  if (kind === "registration") {
    // Say which unit list was used, and when the rulebook has none: the rows are left for names.
    // The list's label is the template's own column heading (Vietnamese), quoted as written.
    const units = unitsFor(rulebook, year, options.units);
    const line =
      units.names.length > 0
        ? cliText(locale, "templateUnits", { label: units.label, count: units.names.length })
        : cliText(locale, "templateNoUnits", { label: units.label });
    io.stdout(escapeTerminal(`${line}\n`, true));
  }
  return EXIT.written;
}

/** The output must not be the rulebook file being read, even with --force. */
export async function refuseInputs(target: string, rules: string | undefined, locale: Locale): Promise<void> {
  if (rules === undefined) return;
  const real = (p: string) => realpath(p).catch(() => resolve(p));
  const inputs = new Set([resolve(rules), await real(rules)]);
  if (inputs.has(resolve(target)) || inputs.has(await real(target)))
    throw new UsageError(cliText(locale, "templateIsRulebook", { path: target }));
}

/** Writes a new file; replaces an existing one only with --force (through a private temporary folder). */
export async function writeTarget(
  target: string,
  bytes: Buffer,
  force: boolean,
  locale: Locale,
): Promise<void> {
  const cannot = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "EEXIST" ? cliText(locale, "outputExists") : writeErrorText(e, locale);
    return new UsageError(cliText(locale, "cannotWrite", { path: target, reason }));
  };
  try {
    await ensureFolder(dirname(target));
  } catch (e) {
    throw cannot(e);
  }
  try {
    // A private temporary folder beside the target, the file created exclusively in it, then moved
    // into place: without --force an existing target (or a link planted there) is never replaced.
    await writeNewFile(target, bytes, force);
  } catch (e) {
    throw cannot(e);
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
