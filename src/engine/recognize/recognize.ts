import type { WorkbookSnapshot } from "../snapshot";
import type { Rulebook } from "../rulebook/schema";
import type { RecognizedWorkbook } from "./model";

export function recognizeWorkbook(snapshot: WorkbookSnapshot, _rulebook: Rulebook): RecognizedWorkbook {
  return { tables: [], skipped: [], sheetOrder: snapshot.sheets.map((s) => s.name) };
}
