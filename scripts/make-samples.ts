/**
 * Writes the sample workbooks from the test fixtures (npm run samples):
 *
 *   samples/ke-hoach-2026-2030.xlsx  Phụ lục 1–10 of the 2026–2030 plan and a summary, as printed
 *                                    (inconsistencies included), amounts as numbers
 *   samples/dang-ky-2024.xlsx        Phụ lục 1–6 of the 2024 plan: registrations per district
 *   samples/nhiem-vu-2023.xlsx       Phụ lục I of the 2023 plan (seed 000): levels and counts as text
 *   samples/kinh-phi-2022.xlsx       the 2022 plan (seed 002): cost lines, one per level, and Phụ lục I–V
 *   samples/bdtx-2023-2024.xlsx      a BDTX result list for Bình Phước 2023–2024 (seed 004)
 *
 * Options: --amounts=number|text|formula, --corrected (the 2026–2030 plan with every
 * inconsistency fixed), --out=<folder>. The output is deterministic (fixed dates).
 */
import { join } from "node:path";
import { seed2022AsPrinted } from "../test/fixtures/seed2022";
import { seed2023AsPrinted } from "../test/fixtures/seed2023";
import { seed2024AsPrinted } from "../test/fixtures/seed2024";
import { seedBdtxAsPrinted } from "../test/fixtures/seedBdtx";
import { seed2026AsPrinted, seed2026Corrected, type Seed2026Options } from "../test/fixtures/seed2026";
import { writeSnapshotXlsx } from "../test/fixtures/xlsx";

export { writeSnapshotXlsx } from "../test/fixtures/xlsx";

function arg(name: string): string | undefined {
  const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (hit === undefined) return undefined;
  return hit.includes("=") ? hit.slice(hit.indexOf("=") + 1) : "";
}

async function main(): Promise<void> {
  const out = arg("out") || "samples";
  const amounts = (arg("amounts") || "number") as NonNullable<Seed2026Options["amountsAs"]>;
  if (!["number", "text", "formula"].includes(amounts))
    throw new Error(`--amounts=${amounts}: number, text or formula`);
  const corrected = arg("corrected") !== undefined;
  const plan = corrected
    ? seed2026Corrected({ amountsAs: amounts })
    : seed2026AsPrinted({ amountsAs: amounts });
  const files: [string, Parameters<typeof writeSnapshotXlsx>[0]][] = [
    [join(out, corrected ? "ke-hoach-2026-2030-da-sua.xlsx" : "ke-hoach-2026-2030.xlsx"), plan],
    [join(out, "dang-ky-2024.xlsx"), seed2024AsPrinted()],
    [join(out, "nhiem-vu-2023.xlsx"), seed2023AsPrinted()],
    [join(out, "kinh-phi-2022.xlsx"), seed2022AsPrinted()],
    [join(out, "bdtx-2023-2024.xlsx"), seedBdtxAsPrinted()],
  ];
  for (const [path, snapshot] of files) {
    await writeSnapshotXlsx(snapshot, path);
    console.log(`${path}: ${snapshot.sheets.map((s) => s.name).join(", ")}`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
