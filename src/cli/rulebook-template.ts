/** `dean-template rulebook [--from <id|file.json|file.xlsx>] -o plan.xlsx`: a rulebook workbook to fill in. */
import { rulebookTemplate } from "../engine/rulebook/workbook";
import { UsageError } from "./shared";
import { loadOneRulebook } from "./rulebook-arg";

export async function writeRulebookWorkbook(o: {
  from?: string;
  output: string;
  force: boolean;
  write(target: string, bytes: Buffer, force: boolean): Promise<void>;
}): Promise<string> {
  if (!/\.xlsx$/i.test(o.output))
    throw new UsageError(`Tệp ghi ra phải có đuôi .xlsx, không phải "${o.output}".`);
  const rulebook = o.from === undefined ? undefined : await loadOneRulebook(o.from);
  const template = rulebookTemplate(rulebook);
  // ExcelJS (through the template writer) is loaded only now: --help and refusals never load it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { templateXlsxBuffer } = require("../io/xlsx/template") as typeof import("../io/xlsx/template");
  await o.write(o.output, await templateXlsxBuffer(template), o.force);
  const sheets = template.sheets.map((s) => s.name).join(", ");
  return rulebook
    ? `Đã ghi sổ quy tắc ${rulebook.id} vào ${o.output}: ${sheets}. Sửa trong Excel rồi dùng: dean-check --rules ${o.output} …\n`
    : `Đã ghi sổ quy tắc trống vào ${o.output}: ${sheets}. Điền trong Excel rồi dùng: dean-check --rules ${o.output} …\n`;
}
