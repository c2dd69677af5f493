#!/usr/bin/env node
/**
 * `dean-rulebook infer <kế-hoạch.xlsx> -o <bản-nháp.xlsx|.json> [--force] [--lang vi|en]`
 *
 * Drafts a rulebook from a plan's own appendices (src/engine/rulebook/infer.ts): the workbook
 * draft has a "Cách suy ra" sheet saying how each value was found, for the department to confirm.
 * - Never overwrites an existing file unless `--force`; never the plan it reads.
 * - Exit 0 when the draft is written, 2 otherwise (one line on stderr; several short ones for a
 *   plan it cannot draft from).
 * - What it prints is in the language of `--lang` (Vietnamese by default); the draft it writes is
 *   Vietnamese whatever the language (the department's rulebook, and its "Cách suy ra" notes).
 */
import { basename } from "node:path";
import { InferError, inferRulebook } from "../engine/rulebook/infer";
import { rulebookTemplate } from "../engine/rulebook/workbook";
import { InputError } from "../io/errors";
import { READ_LIMITS } from "../io/xlsx/limits";
import { readXlsx } from "../io/xlsx/read";
import { FileReadError, readRegularFile } from "./files";
import { realpath } from "node:fs/promises";
import { resolve } from "node:path";
import { formatNumber } from "../engine/i18n";
import { writeTarget } from "./dean-template";
import { cliText, requestedLocale } from "./messages";
import { nodeIo, parseToolArgs, runCli, UsageError, type CliIo } from "./shared";
import { escapeTerminal, stderrLine } from "./terminal";

export const EXIT = { written: 0, failed: 2 } as const;

export async function main(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  return runCli("dean-rulebook", io, EXIT.failed, () => run(argv, io), [InferError], requestedLocale(argv));
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals, locale } = parseToolArgs("dean-rulebook", argv, {
    output: { type: "string", short: "o" },
    force: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    io.stdout(cliText(locale, "inferUsage"));
    return EXIT.written;
  }
  const [command, plan, ...rest] = positionals;
  if (command !== "infer")
    throw new UsageError(
      command === undefined
        ? cliText(locale, "inferNoCommand")
        : cliText(locale, "inferUnknownCommand", { command }),
    );
  if (plan === undefined) throw new UsageError(cliText(locale, "inferNoPlan"));
  if (rest.length > 0) throw new UsageError(cliText(locale, "inferOnePlan", { count: rest.length + 1 }));
  const out = values.output;
  if (out === undefined) throw new UsageError(cliText(locale, "inferNoOutput"));
  if (!/\.(xlsx|json)$/i.test(out)) throw new UsageError(cliText(locale, "inferBadOutput", { path: out }));
  const real = (p: string) => realpath(p).catch(() => resolve(p));
  if (resolve(out) === resolve(plan) || (await real(out)) === (await real(plan)))
    throw new UsageError(cliText(locale, "inferIsPlan", { path: out }));
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(plan, READ_LIMITS.maxFileBytes);
  } catch (e) {
    const why = e instanceof FileReadError ? e.in(locale) : cliText(locale, "cannotRead");
    const reason = why.replace(/^./, (c) => c.toLocaleLowerCase(locale));
    throw new InputError(cliText(locale, "inferPlanUnreadable", { file: plan, reason }));
  }
  const snapshot = await readXlsx(bytes);
  let inferred: ReturnType<typeof inferRulebook>;
  try {
    inferred = inferRulebook(snapshot, { source: basename(plan), locale });
  } catch (e) {
    if (!(e instanceof InferError) || e.problems.length === 0) throw e;
    // What could not be read, one short line each (never one line of every schema message).
    const head = e.message.slice(0, e.message.length - e.problems.join("; ").length).trim();
    io.stderr(stderrLine(`dean-rulebook: ${head}`));
    for (const p of e.problems) io.stderr(stderrLine(`dean-rulebook: – ${p}`));
    return EXIT.failed;
  }
  const { rulebook, provenance, doubts } = inferred;
  const json = /\.json$/i.test(out);
  // ExcelJS (through the template writer) is loaded only to write a workbook.
  const xlsx = () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require("../io/xlsx/template") as typeof import("../io/xlsx/template")).templateXlsxBuffer(
      rulebookTemplate(rulebook, { provenance }),
    );
  const data = json
    ? Buffer.from(`${JSON.stringify({ $schema: "./rulebook.schema.json", ...rulebook }, null, 2)}\n`)
    : await xlsx();
  await writeTarget(out, data, values.force, locale);
  const total = rulebook.planTotal
    ? cliText(locale, "inferPlanTotal", { amount: formatNumber(rulebook.planTotal.amount, locale) })
    : "";
  const written = cliText(locale, "inferWritten", {
    path: out,
    contents: rulebook.courses.filter((c) => c.kind !== "nhom").length,
    levels: rulebook.levels.length,
    years: rulebook.years.join(", "),
    total,
  });
  const review = cliText(locale, json ? "inferReviewJson" : "inferReviewXlsx", { path: out, plan });
  io.stdout(escapeTerminal(`${written} ${review}\n`, true));
  // Figures of the plan that contradict its own notes: not adopted, said.
  if (doubts.length > 0) {
    io.stdout(`${cliText(locale, json ? "inferDoubtsJson" : "inferDoubtsXlsx", { count: doubts.length })}\n`);
    for (const d of doubts.slice(0, 20)) io.stdout(`  – ${escapeTerminal(d)}\n`);
    if (doubts.length > 20)
      io.stdout(`  ${cliText(locale, "inferMoreDoubts", { count: doubts.length - 20 })}\n`);
  }
  return EXIT.written;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
