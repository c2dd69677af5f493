/**
 * Renders the rulebook workbook (`dean-template rulebook --from hai-phong-2026-2030`) the way it
 * prints: the .xlsx written by the product's writer, printed to PDF by LibreOffice, the first page
 * of a sheet turned into a PNG by poppler's pdftoppm:
 *
 *   docs/screenshots/rulebook-info.png      "Thông tin chung"
 *   docs/screenshots/rulebook-contents.png  "Nội dung & đơn giá" (its top half, where the first lines are)
 *   docs/screenshots/rulebook-parts.png     "Số người chi tiết" of the 2023 plan (hai-phong-2023): the
 *                                           head-counts by level and sector, and by target group
 *
 * Needs LibreOffice (apt-get install libreoffice-calc-nogui) and poppler-utils.
 * Usage: npx tsx scripts/rulebook-screenshots.ts [--out=docs/screenshots] [--from=hai-phong-2026-2030]
 * (--from names the rulebook of the first two; the third is always the 2023 plan's)
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtinRulebook } from "../src/engine/rulebook/builtin";
import { rulebookTemplate } from "../src/engine/rulebook/workbook";
import { templateXlsxBuffer } from "../src/io/xlsx/template";
import { convertWithLibreOffice } from "../test/templates/libreoffice";

function arg(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}

/** Sheet of the rulebook workbook → picture name, resolution and the share of the page's height kept. */
const SHOTS = [
  { sheet: 0, name: "rulebook-info", dpi: 80, height: 0.62, from: undefined },
  { sheet: 2, name: "rulebook-contents", dpi: 110, height: 0.5, from: undefined },
  { sheet: 4, name: "rulebook-parts", dpi: 90, height: 0.42, from: "hai-phong-2023" },
] as const;

async function main(): Promise<void> {
  const out = arg("out", join("docs", "screenshots"));
  const from = arg("from", "hai-phong-2026-2030");
  const work = mkdtempSync(join(tmpdir(), "dean-rulebook-shots-"));
  try {
    const files: string[] = [];
    for (const shot of SHOTS) {
      const full = rulebookTemplate(builtinRulebook(shot.from ?? from));
      // One sheet per file: its first page is the picture.
      const one = { ...full, sheets: [full.sheets[shot.sheet]] };
      const file = join(work, `${shot.name}.xlsx`);
      writeFileSync(file, await templateXlsxBuffer(one, { date: new Date(Date.UTC(2025, 11, 1)) }));
      files.push(file);
    }
    convertWithLibreOffice(files, work, "pdf");
    mkdirSync(out, { recursive: true });
    for (const shot of SHOTS) {
      const stem = join(work, shot.name);
      // A4 landscape at `dpi`: 11.69 × 8.27 inches; keep the top of the page.
      const width = Math.round(11.69 * shot.dpi);
      const height = Math.round(8.27 * shot.dpi * shot.height);
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        String(shot.dpi),
        "-singlefile",
        "-f",
        "1",
        "-l",
        "1",
        "-x",
        "0",
        "-y",
        "0",
        "-W",
        String(width),
        "-H",
        String(height),
        `${stem}.pdf`,
        stem,
      ]);
      copyFileSync(`${stem}.png`, join(out, `${shot.name}.png`));
      console.log(join(out, `${shot.name}.png`));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
