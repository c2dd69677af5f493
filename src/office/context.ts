/**
 * What every part of the adapter shares: the Office host, the API sets this Excel has, and the
 * read band size. The parts (read, mark, notes, edit, report, state, watch, templates) are plain
 * functions of this context, so that a new action is one more function beside them.
 */
import type { OfficeHost } from "./host";

/** Features of newer ExcelApi sets, detected once; each is worked around where absent. */
export interface ApiLevels {
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
  mergedAreas: boolean;
  /** ConditionalFormat.customOrNullObject (ExcelApi 1.14): one sync less when clearing marks. */
  customOrNull: boolean;
  /** RangeAreas.select (ExcelApi 1.18): a finding selects all of its cells, else its first. */
  selectAreas: boolean;
  /** Worksheet.notes (ExcelApi 1.18). */
  notes: boolean;
}

export interface AdapterContext {
  host: OfficeHost;
  api: ApiLevels;
  /** Cells per sync when reading values and formulas. */
  cellsPerSync: number;
}

/** Cells per sync when reading values and formulas: ~40 bytes a cell for both keeps a sync under 4 MB. */
export const CELLS_PER_SYNC = 50_000;

export function adapterContext(host: OfficeHost, options: { cellsPerSync?: number } = {}): AdapterContext {
  return {
    host,
    api: {
      mergedAreas: host.supportsExcelApi("1.13"),
      customOrNull: host.supportsExcelApi("1.14"),
      selectAreas: host.supportsExcelApi("1.18"),
      notes: host.supportsExcelApi("1.18"),
    },
    cellsPerSync: options.cellsPerSync ?? CELLS_PER_SYNC,
  };
}
