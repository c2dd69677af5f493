/**
 * `dean-check [--rules f.json] [--json] [--annotate out.xlsx] [--lang vi|en] <file.xlsx|folder>...`
 *
 * Public contract (other tools depend on it):
 * - `--json` prints exactly `{"files":[{"file": "...", "findings": [...]}]}`; a file that cannot be
 *   read gets `"error": "..."` instead of `findings`.
 * - Exit 0 when there is no error finding, 1 when there is, 2 when an input or the rulebook cannot
 *   be read (then one Vietnamese line per problem on stderr, never a stack trace).
 * - `--annotate` writes a marked copy; it never overwrites an input.
 */
import { realpath, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { SingleBar } from "cli-progress";
import { toPublicFinding, type Finding } from "../engine/findings";
import { builtinRulebookIds } from "../engine/rulebook/builtin";
import type { Locale } from "../engine/i18n";
import type { CheckJob, CheckOutcome } from "./check-file";
import { expandInputs } from "./inputs";
import { checkFiles } from "./pool";
import { loadRulebookArg } from "./rulebook-arg";
import { nodeIo, parseCliArgs, runCli, UsageError, type CliIo } from "./shared";
import { escapeStrings, escapeTerminal, stderrLine } from "./terminal";
import { textReport, type FileReport } from "./report";

export const EXIT = { clean: 0, errors: 1, unreadable: 2 } as const;

export type { CliIo } from "./shared";
export { nodeIo } from "./shared";

const USAGE = `Cách dùng: dean-check [--rules sổ-quy-tắc.json] [--json] [--annotate bản-đánh-dấu.xlsx] [--lang vi|en] <tệp.xlsx|thư mục>...

  --rules     sổ quy tắc (tệp JSON, hoặc tên có sẵn: ${builtinRulebookIds.join(", ")})
  --json      in kết quả dạng JSON: {"files":[{"file": "...", "findings": [...]}]}
  --annotate  ghi một bản sao có đánh dấu các ô và trang "Kết quả kiểm tra" (không bao giờ ghi đè tệp gốc);
              khi kiểm tra nhiều tệp, đây là thư mục chứa các bản sao
  --lang      ngôn ngữ của thông báo: vi (mặc định) hoặc en

Mã thoát: 0 không có lỗi, 1 có lỗi, 2 không đọc được tệp hoặc sổ quy tắc.
`;

/** Where the annotated copy of each file goes; refuses any path that is one of the inputs. */
async function annotationTargets(out: string, files: readonly string[]): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  // A folder: several inputs, an existing folder, or a path ending with a separator ("ket-qua/").
  const many =
    files.length > 1 ||
    /[\\/]$/.test(out) ||
    (await stat(out).then(
      (s) => s.isDirectory(),
      () => false,
    ));
  if (!many && !/\.xlsx$/i.test(out))
    throw new UsageError(
      `Bản đánh dấu phải có đuôi .xlsx, không phải "${out}" (hoặc chỉ một thư mục, kết thúc bằng "/").`,
    );
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
      throw new UsageError(
        `Không ghi bản đánh dấu vào "${t}": đó là tệp đang kiểm tra (dean-check không bao giờ ghi đè tệp gốc).`,
      );
    }
  }
  return targets;
}

export async function main(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  return runCli("dean-check", io, EXIT.unreadable, () => run(argv, io));
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs("dean-check", argv, {
    rules: { type: "string" },
    json: { type: "boolean", default: false },
    annotate: { type: "string" },
    lang: { type: "string", default: "vi" },
    help: { type: "boolean", short: "h", default: false },
  });
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.clean;
  }
  if (positionals.length === 0)
    throw new UsageError(
      "Chưa chọn tệp .xlsx hoặc thư mục nào để kiểm tra. Gõ dean-check --help để xem cách dùng.",
    );
  if (values.lang !== "vi" && values.lang !== "en")
    throw new UsageError(`Ngôn ngữ "${values.lang}" không có: chọn vi hoặc en.`);
  const locale: Locale = values.lang;
  const rulebook = await loadRulebookArg(values.rules);
  const inputs = await expandInputs(positionals);
  const targets =
    values.annotate !== undefined
      ? await annotationTargets(
          values.annotate,
          inputs.filter((i) => !i.error).map((i) => i.file),
        )
      : undefined;

  const bar = inputs.length > 1 && io.interactive ? await progressBar(inputs.length) : undefined;
  const readable = inputs.filter((i) => i.error === undefined);
  const jobs: CheckJob[] = readable.map((i) => ({ file: i.file, annotate: targets?.get(i.file) }));
  const outcomes = await checkFiles(jobs, { rulebook, locale }, {}, (o) =>
    bar?.increment({ file: escapeTerminal(basename(o.file)) }),
  );
  bar?.stop();
  const checked = new Map(readable.map((input, i) => [input, outcomes[i]]));
  const reports: FileReport[] = [];
  let unwritten = 0;
  for (const input of inputs) {
    const o: CheckOutcome = checked.get(input) ?? { file: input.file, error: input.error };
    if (o.annotateError !== undefined) {
      unwritten++;
      io.stderr(
        stderrLine(
          `dean-check: không ghi được bản đánh dấu "${jobs.find((j) => j.file === o.file)?.annotate}": ${o.annotateError}.`,
        ),
      );
    }
    reports.push({ file: o.file, error: o.error, findings: o.findings, workbook: o.workbook });
  }

  for (const r of reports)
    if (r.error !== undefined) io.stderr(stderrLine(`dean-check: ${r.file}: ${r.error}`));
  if (values.json) io.stdout(`${JSON.stringify(jsonReport(reports))}\n`);
  else io.stdout(escapeTerminal(textReport(escapeStrings(reports), locale), true));

  // A copy that was asked for and not written is a failure, as an unreadable input is.
  if (unwritten > 0 || reports.some((r) => r.error !== undefined)) return EXIT.unreadable;
  return reports.some((r) => r.findings?.some((f) => f.severity === "error")) ? EXIT.errors : EXIT.clean;
}

/** The progress bar on stderr (cli-progress is loaded only when a bar is drawn). */
async function progressBar(total: number): Promise<SingleBar> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SingleBar: Bar } = require("cli-progress") as typeof import("cli-progress");
  const bar = new Bar({
    format: "Đang kiểm tra [{bar}] {value}/{total} tệp  {file}",
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, { file: "" });
  return bar;
}

/** The `--json` document: exactly the contract's fields. */
export function jsonReport(reports: readonly FileReport[]): {
  files: ({ file: string; findings: Finding[] } | { file: string; error: string })[];
} {
  return {
    files: reports.map((r) =>
      r.error !== undefined
        ? { file: r.file, error: r.error }
        : { file: r.file, findings: (r.findings ?? []).map(toPublicFinding) },
    ),
  };
}
