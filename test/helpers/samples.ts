/** The samples in samples/ with cells typed over, as a reviewer's scripts (mut.js, one.js) make them. */
import { join } from "node:path";
import { parseA1 } from "../../src/engine/a1";
import type { CellValue, WorkbookSnapshot } from "../../src/engine/snapshot";
import { readXlsxSnapshot } from "../fixtures/xlsx";

const SAMPLES = join(__dirname, "..", "..", "samples");

/** The sample with cells typed over, as the reviewer's mut.js / one.js do. */
export async function sample(
  file: string,
  sheet: string,
  edits: Record<string, CellValue>,
): Promise<WorkbookSnapshot> {
  const wb = await readXlsxSnapshot(join(SAMPLES, file));
  const ws = wb.sheets.find((s) => s.name === sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  for (const [a1, value] of Object.entries(edits)) {
    const at = parseA1(a1);
    if (!at) throw new Error(a1);
    const r = at.row - (ws.origin?.row ?? 0);
    const c = at.col - (ws.origin?.col ?? 0);
    while (ws.values.length <= r) ws.values.push([]);
    ws.values[r][c] = value;
  }
  return wb;
}
