#!/usr/bin/env node
/**
 * `dean-template <kind> --year 2027 [--rules f.json] [--units districts|communes] [--rows N]
 * [--appendix N] [--functions] [--force] -o file.xlsx`
 *
 * Writes a standard appendix template (src/engine/templates) as a new .xlsx file.
 * - Never overwrites an existing file unless `--force`; never overwrites the rulebook it reads,
 *   even with `--force`.
 * - Exit 0 when the file is written, 2 otherwise (one Vietnamese line on stderr, never a stack
 *   trace): unknown kind or year, bad option, unreadable rulebook, file that cannot be written.
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
import { TEMPLATE_KIND_NAMES, TEMPLATE_KINDS } from "../engine/templates/spec";
import { unitsFor } from "../engine/templates/layout";
import { nodeIo, parseCliArgs, runCli, UsageError, ensureFolder, writeErrorText, type CliIo } from "./shared";
import { writeNewFile } from "./files";
import { escapeTerminal } from "./terminal";
import { loadOneRulebook } from "./rulebook-arg";
import { writeRulebookWorkbook } from "./rulebook-template";

export const EXIT = { written: 0, failed: 2 } as const;

const USAGE = `Cách dùng: dean-template <loại> --year <năm> [--rules sổ-quy-tắc.json] [--units districts|communes]
                     [--rows N] [--appendix N] [--functions] [--force] -o <tệp.xlsx>

Loại mẫu:
${TEMPLATE_KINDS.map((k) => `  ${k.padEnd(13)} ${TEMPLATE_KIND_NAMES[k]}`).join("\n")}
  rulebook      Sổ quy tắc để điền (Excel): dean-template rulebook [--from <mã|tệp.json|tệp.xlsx>] -o <tệp.xlsx>

  --year, -y    năm của kế hoạch (bỏ trống khi sổ quy tắc chỉ có một năm)
  --rules       sổ quy tắc (tệp JSON, hoặc tên có sẵn: ${builtinRulebookIds.join(", ")})
  --units       bảng đăng ký, danh sách: districts (quận/huyện) hoặc communes (xã, phường, đặc khu)
  --rows        số dòng trống để điền (danh sách: 200; đăng ký khi sổ không có danh sách đơn vị: 30;
                phân công: 5 dòng thêm)
  --appendix    số phụ lục ghi ở dòng "PHỤ LỤC"
  --functions   thành tiền và đơn giá bằng hàm =DEAN.COST(…), =DEAN.UNITPRICE(…) (cần add-in)
                thay cho công thức Excel thường
  --output, -o  tệp .xlsx sẽ ghi
  --force       ghi đè tệp đã có (không bao giờ ghi đè sổ quy tắc đang đọc)

Mã thoát: 0 đã ghi tệp, 2 tham số sai, không đọc được sổ quy tắc hoặc không ghi được tệp.
`;

export async function main(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  return runCli("dean-template", io, EXIT.failed, () => run(argv, io), [TemplateError]);
}

function integer(text: string | undefined, what: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${what} phải là số nguyên, không phải "${text}".`);
  return Number(text);
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs("dean-template", argv, {
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
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.written;
  }
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? `Chưa chọn loại mẫu: ${[...TEMPLATE_KINDS, "rulebook"].join(", ")}. Gõ dean-template --help để xem cách dùng.`
        : `Chỉ chọn một loại mẫu mỗi lần, không phải ${positionals.length}: ${positionals.join(" ")}.`,
    );
  const kind = positionals[0];
  if (kind === "rulebook") {
    if (values.output === undefined) throw new UsageError("Chưa chọn tệp để ghi: thêm -o <tệp.xlsx>.");
    const from = values.from ?? values.rules;
    if (from !== undefined) await refuseInputs(values.output, from);
    io.stdout(
      escapeTerminal(
        await writeRulebookWorkbook({ from, output: values.output, force: values.force, write: writeTarget }),
        true,
      ),
    );
    return EXIT.written;
  }
  if (!isTemplateKind(kind))
    throw new UsageError(`Loại mẫu "${kind}" không có: chọn ${[...TEMPLATE_KINDS, "rulebook"].join(", ")}.`);
  if (values.output === undefined) throw new UsageError("Chưa chọn tệp để ghi: thêm -o <tệp.xlsx>.");
  if (!/\.xlsx$/i.test(values.output))
    throw new UsageError(`Tệp ghi ra phải có đuôi .xlsx, không phải "${values.output}".`);
  if (values.units !== undefined && values.units !== "districts" && values.units !== "communes")
    throw new UsageError(
      `Đơn vị hành chính "${values.units}" không có: chọn districts (quận/huyện) hoặc communes (xã, phường, đặc khu).`,
    );

  // The rulebook file is never the output, even with --force: said before it is read.
  await refuseInputs(values.output, values.rules);
  const rulebook = await loadOneRulebook(values.rules);
  let year = integer(values.year, "Năm");
  if (year === undefined) {
    if (rulebook.years.length !== 1)
      throw new UsageError(
        `Chưa chọn năm: thêm --year (các năm của sổ quy tắc: ${rulebook.years.join(", ")}).`,
      );
    year = rulebook.years[0];
  }
  const options: TemplateOptions = {
    rulebook,
    year,
    functions: values.functions,
    rows: integer(values.rows, "Số dòng trống"),
    appendix: integer(values.appendix, "Số phụ lục"),
    units: values.units,
  };
  const template = buildTemplate(kind, options);

  const target = values.output;
  // ExcelJS (through the template writer) is loaded only now: --help and refusals never load it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { templateXlsxBuffer } = require("../io/xlsx/template") as typeof import("../io/xlsx/template");
  const bytes = await templateXlsxBuffer(template);
  await writeTarget(target, bytes, values.force);
  const sheets = template.sheets.map((s) => (s.hidden ? `${s.name} (ẩn)` : s.name)).join(", ");
  io.stdout(
    escapeTerminal(
      `Đã ghi mẫu ${TEMPLATE_KIND_NAMES[kind].toLocaleLowerCase("vi")} năm ${year} (sổ quy tắc ${rulebook.id}) vào ${target}: ${sheets}.\n`,
      true,
    ),
  );
  if (kind === "registration") {
    // Say which unit list was used, and when the rulebook has none: the rows are left for names.
    const units = unitsFor(rulebook, year, options.units);
    io.stdout(
      escapeTerminal(
        units.names.length > 0
          ? `Đơn vị: ${units.label} (${units.names.length} đơn vị theo sổ quy tắc).\n`
          : `Đơn vị: ${units.label}. Sổ quy tắc chưa có danh sách này: các dòng để trống, gõ tên đơn vị vào là được đánh số (xem README để thêm danh sách vào sổ quy tắc).\n`,
        true,
      ),
    );
  }
  return EXIT.written;
}

/** The output must not be the rulebook file being read, even with --force. */
export async function refuseInputs(target: string, rules: string | undefined): Promise<void> {
  if (rules === undefined) return;
  const real = (p: string) => realpath(p).catch(() => resolve(p));
  const inputs = new Set([resolve(rules), await real(rules)]);
  if (inputs.has(resolve(target)) || inputs.has(await real(target)))
    throw new UsageError(
      `Không ghi vào "${target}": đó là sổ quy tắc đang đọc (dean-template không bao giờ ghi đè tệp đầu vào).`,
    );
}

/** Writes a new file; replaces an existing one only with --force (through a private temporary folder). */
export async function writeTarget(target: string, bytes: Buffer, force: boolean): Promise<void> {
  const cannot = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "EEXIST" ? "tệp đã có; thêm --force để ghi đè" : writeErrorText(e);
    return new UsageError(`Không ghi được "${target}": ${why}.`);
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
