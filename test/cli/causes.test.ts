/**
 * The terminal report's count line ("N lỗi (x lỗi gốc, y lỗi kéo theo)") and `--json`'s
 * `causedBy` tell the same story: y is the number of error findings with `causedBy`, x the others
 * (review items 7 and 8, the reviewer's exact files).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import type { CellValue } from "../../src/engine/snapshot";
import { runMain } from "../helpers/cli";
import { sample } from "../helpers/samples";
import { snapshotToXlsxBuffer } from "../fixtures/xlsx";

const cli = (...argv: string[]) => runMain(main, argv);
const dir = mkdtempSync(join(tmpdir(), "dean-causes-"));

async function file(name: string, from: string, sheet: string, edits: Record<string, CellValue>) {
  const path = join(dir, name);
  writeFileSync(path, await snapshotToXlsxBuffer(await sample(from, sheet, edits)));
  return path;
}

interface JsonFinding {
  severity: string;
  sheet: string;
  cells: string[];
  rule: string;
  fix?: unknown;
  causedBy?: { sheet: string; cell: string; rule: string };
}

it.each<[string, string, string, Record<string, CellValue>, [number, number, number]]>([
  ["q1.xlsx", "ke-hoach-2026-2030.xlsx", "PL6 KP 2026", { D7: 1749 }, [17, 7, 10]],
  ["d1.xlsx", "dang-ky-2024.xlsx", "PL1 MN", { C9: 2, C22: 43 }, [2, 2, 0]],
  [
    "n1.xlsx",
    "nhiem-vu-2023.xlsx",
    "PL I NV 2023",
    {
      E8: "MN CL: 35 \nMNNCL: 200 \nTH: 100 \nTHCS: 54",
      E11: "Đối tượng A: \n478 \nĐối tượng B: \n150",
      E12: 654,
    },
    [5, 3, 2],
  ],
])(
  "%s: the count line and --json's causedBy agree",
  async (name, from, sheet, edits, [errors, roots, follow]) => {
    const path = await file(name, from, sheet, edits);
    const text = await cli(path);
    const json = await cli("--json", path);
    expect([text.code, json.code]).toEqual([1, 1]);
    const findings = JSON.parse(json.out).files[0].findings as JsonFinding[];
    const errs = findings.filter((f) => f.severity === "error");
    const linked = errs.filter((f) => f.causedBy).length;
    expect([errs.length, errs.length - linked, linked]).toEqual([errors, roots, follow]);
    const line = follow > 0 ? `${errors} lỗi (${roots} lỗi gốc, ${follow} lỗi kéo theo)` : `${errors} lỗi,`;
    expect(text.out).toContain(`${name}: ${line}`);
    // No cell gets two different fixes; a consequence offers none.
    const fixes = new Map<string, string>();
    for (const f of errs) {
      if (f.causedBy) expect(f.fix).toBeUndefined();
      if (!f.fix) continue;
      const k = `${f.sheet}!${f.cells[0]}`;
      expect(fixes.get(k) ?? JSON.stringify(f.fix)).toBe(JSON.stringify(f.fix));
      fixes.set(k, JSON.stringify(f.fix));
    }
  },
);
