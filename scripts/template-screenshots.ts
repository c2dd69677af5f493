/**
 * Renders each template kind (year 2027 of the default rulebook) the way it prints: the .xlsx
 * written by the product's writer, printed to PDF by LibreOffice (A4 landscape, fit to width, as
 * the page setup says), the first page turned into a PNG by poppler's pdftoppm:
 *
 *   docs/screenshots/template-<kind>.png
 *
 * Needs LibreOffice (apt-get install libreoffice-calc-nogui) and poppler-utils.
 * Usage: npx tsx scripts/template-screenshots.ts [--out=docs/screenshots] [--year=2027]
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtinRulebook } from "../src/engine/rulebook/builtin";
import { buildTemplate } from "../src/engine/templates/build";
import { TEMPLATE_KINDS } from "../src/engine/templates/spec";
import { templateXlsxBuffer } from "../src/io/xlsx/template";
import { convertWithLibreOffice } from "../test/templates/libreoffice";

function arg(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}

async function main(): Promise<void> {
  const out = arg("out", join("docs", "screenshots"));
  const year = Number(arg("year", "2027"));
  const rulebook = builtinRulebook();
  const work = mkdtempSync(join(tmpdir(), "dean-template-shots-"));
  try {
    const files: string[] = [];
    for (const kind of TEMPLATE_KINDS) {
      // A person list of 200 rows prints on several pages; the first shows the layout.
      const t = buildTemplate(kind, { rulebook, year, rows: kind === "person-list" ? 25 : undefined });
      const file = join(work, `template-${kind}.xlsx`);
      writeFileSync(file, await templateXlsxBuffer(t, { date: new Date(Date.UTC(2025, 11, 1)) }));
      files.push(file);
    }
    convertWithLibreOffice(files, work, "pdf");
    mkdirSync(out, { recursive: true });
    for (const kind of TEMPLATE_KINDS) {
      const stem = join(work, `template-${kind}`);
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "70",
        "-singlefile",
        "-f",
        "1",
        "-l",
        "1",
        `${stem}.pdf`,
        stem,
      ]);
      copyFileSync(`${stem}.png`, join(out, `template-${kind}.png`));
      console.log(join(out, `template-${kind}.png`));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
