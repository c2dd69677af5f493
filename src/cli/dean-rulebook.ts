#!/usr/bin/env node
/**
 * `dean-rulebook infer <kế-hoạch.xlsx> -o <bản-nháp.xlsx|.json> [--force]`
 *
 * Drafts a rulebook from a plan's own appendices (src/engine/rulebook/infer.ts): the workbook
 * draft has a "Cách suy ra" sheet saying how each value was found, for the department to confirm.
 * - Never overwrites an existing file unless `--force`; never the plan it reads.
 * - Exit 0 when the draft is written, 2 otherwise (one Vietnamese line on stderr).
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
import { nodeIo, parseCliArgs, runCli, UsageError, type CliIo } from "./shared";
import { escapeTerminal, stderrLine } from "./terminal";

export const EXIT = { written: 0, failed: 2 } as const;

const USAGE = `Cách dùng: dean-rulebook infer <kế-hoạch.xlsx> -o <bản-nháp.xlsx|bản-nháp.json> [--force]

Soạn bản nháp sổ quy tắc từ chính các phụ lục của kế hoạch: các nội dung theo thứ tự, cấp học,
đơn giá từng năm, định mức người/trường (khi số người bằng k × số trường), giá theo tín chỉ đọc từ
ghi chú, cách cộng dòng tổng, tổng kinh phí của bảng tổng hợp. Bản nháp .xlsx có trang "Cách suy ra"
ghi cách tìm ra từng giá trị: hãy xem lại trước khi dùng (dean-check --rules bản-nháp.xlsx).

  --output, -o  tệp sẽ ghi (.xlsx: sổ quy tắc để sửa trong Excel; .json)
  --force       ghi đè tệp đã có (không bao giờ ghi đè kế hoạch đang đọc)

Mã thoát: 0 đã ghi bản nháp, 2 tham số sai, không đọc được kế hoạch hoặc không ghi được tệp.
`;

export async function main(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  return runCli("dean-rulebook", io, EXIT.failed, () => run(argv, io), [InferError]);
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs("dean-rulebook", argv, {
    output: { type: "string", short: "o" },
    force: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.written;
  }
  const [command, plan, ...rest] = positionals;
  if (command !== "infer")
    throw new UsageError(
      command === undefined
        ? "Chưa chọn lệnh: dean-rulebook infer <kế-hoạch.xlsx> -o <bản-nháp.xlsx>. Gõ dean-rulebook --help để xem cách dùng."
        : `Lệnh "${command}" không có: dùng dean-rulebook infer <kế-hoạch.xlsx> -o <bản-nháp.xlsx>.`,
    );
  if (plan === undefined) throw new UsageError("Chưa chọn tệp kế hoạch .xlsx để suy ra sổ quy tắc.");
  if (rest.length > 0)
    throw new UsageError(`Chỉ suy ra từ một kế hoạch mỗi lần, không phải ${rest.length + 1} tệp.`);
  const out = values.output;
  if (out === undefined) throw new UsageError("Chưa chọn tệp để ghi: thêm -o <bản-nháp.xlsx>.");
  if (!/\.(xlsx|json)$/i.test(out))
    throw new UsageError(`Tệp ghi ra phải có đuôi .xlsx hoặc .json, không phải "${out}".`);
  const real = (p: string) => realpath(p).catch(() => resolve(p));
  if (resolve(out) === resolve(plan) || (await real(out)) === (await real(plan)))
    throw new UsageError(
      `Không ghi vào "${out}": đó là kế hoạch đang đọc (dean-rulebook không bao giờ ghi đè tệp đầu vào).`,
    );
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(plan, READ_LIMITS.maxFileBytes);
  } catch (e) {
    const why = e instanceof FileReadError ? e.message : "không đọc được tệp.";
    throw new InputError(
      `Không đọc được kế hoạch "${plan}": ${why.replace(/^./, (c) => c.toLocaleLowerCase("vi"))}`,
    );
  }
  const snapshot = await readXlsx(bytes);
  let inferred: ReturnType<typeof inferRulebook>;
  try {
    inferred = inferRulebook(snapshot, { source: basename(plan) });
  } catch (e) {
    if (!(e instanceof InferError) || e.problems.length === 0) throw e;
    // What could not be read, one short line each (never one line of every schema message).
    const head = e.message.slice(0, e.message.length - e.problems.join("; ").length).trim();
    io.stderr(stderrLine(`dean-rulebook: ${head}`));
    for (const p of e.problems) io.stderr(stderrLine(`dean-rulebook: – ${p}`));
    return EXIT.failed;
  }
  const { rulebook, provenance, doubts } = inferred;
  // ExcelJS (through the template writer) is loaded only to write a workbook.
  const xlsx = () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require("../io/xlsx/template") as typeof import("../io/xlsx/template")).templateXlsxBuffer(
      rulebookTemplate(rulebook, { provenance }),
    );
  const data = /\.json$/i.test(out)
    ? Buffer.from(`${JSON.stringify({ $schema: "./rulebook.schema.json", ...rulebook }, null, 2)}\n`)
    : await xlsx();
  await writeTarget(out, data, values.force);
  const counted = rulebook.courses.filter((c) => c.kind !== "nhom").length;
  io.stdout(
    `Đã ghi bản nháp sổ quy tắc vào ${out}: ${counted} nội dung, ${rulebook.levels.length} cấp học, các năm ${rulebook.years.join(", ")}${rulebook.planTotal ? `, tổng kinh phí ${formatNumber(rulebook.planTotal.amount, "vi")} đồng` : ""}. ${/\.json$/i.test(out) ? "Hãy" : 'Trang "Cách suy ra" ghi cách tìm ra từng giá trị: hãy'} xem lại rồi dùng: dean-check --rules ${out} ${plan}\n`,
  );
  // Figures of the plan that contradict its own notes: not adopted, said.
  if (doubts.length > 0) {
    io.stdout(
      `Cần xem lại ${doubts.length} số người trái với ghi chú của chính dòng đó (không đưa vào bản nháp${/\.json$/i.test(out) ? "" : ', ghi ở trang "Cách suy ra"'}):\n`,
    );
    for (const d of doubts.slice(0, 20)) io.stdout(`  – ${escapeTerminal(d)}\n`);
    if (doubts.length > 20) io.stdout(`  … và ${doubts.length - 20} số khác\n`);
  }
  return EXIT.written;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
