/** `dean-template rulebook [--from <id|file.json|file.xlsx>] -o plan.xlsx`: a rulebook workbook to fill in. */
import type { Locale } from "../engine/i18n";
import { rulebookTemplate } from "../engine/rulebook/workbook";
import { cliText } from "./messages";
import { UsageError } from "./shared";
import { loadOneRulebook } from "./rulebook-arg";

/**
 * Writes the workbook and says what was written, in `locale`; the workbook itself (sheet names,
 * headings, instructions) is Vietnamese whatever the locale: it is the department's document.
 */
export async function writeRulebookWorkbook(o: {
  from?: string;
  output: string;
  force: boolean;
  locale: Locale;
  write(target: string, bytes: Buffer, force: boolean): Promise<void>;
}): Promise<string> {
  if (!/\.xlsx$/i.test(o.output))
    throw new UsageError(cliText(o.locale, "outputNotXlsx", { path: o.output }));
  const rulebook = o.from === undefined ? undefined : await loadOneRulebook(o.from, o.locale);
  const template = rulebookTemplate(rulebook);
  // ExcelJS (through the template writer) is loaded only now: --help and refusals never load it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { templateXlsxBuffer } = require("../io/xlsx/template") as typeof import("../io/xlsx/template");
  await o.write(o.output, await templateXlsxBuffer(template), o.force);
  const sheets = template.sheets.map((s) => s.name).join(", ");
  const line = rulebook
    ? cliText(o.locale, "rulebookWritten", { id: rulebook.id, path: o.output, sheets })
    : cliText(o.locale, "blankRulebookWritten", { path: o.output, sheets });
  return `${line}\n`;
}
