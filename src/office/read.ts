/**
 * Reading the workbook into the engine's snapshot: 2 syncs (sheets; used ranges and merges) + 1
 * per ~4 MB of cells (big sheets are read in row bands so that no request exceeds Excel on the
 * web's 5 MB limit).
 */
import { columnName } from "../engine/a1";
import { formatNumber } from "../engine/i18n";
import { SHEET_LIMITS } from "../engine/limits";
import type { CellValue, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from "../engine/snapshot";
import type { ReadProgress } from "../taskpane/port";
import type { AdapterContext } from "./context";
import { localAddress, splitAddresses } from "./sheets";

/** The add-in reads at most this many rows, and cells, of a sheet (as dean-check). */
export const MAX_ROWS = SHEET_LIMITS.maxRows;
const MAX_CELLS = SHEET_LIMITS.maxCells;

/** The smallest band tried when Excel says a request or response is too large. */
const MIN_CELLS_PER_SYNC = 500;

/** Excel on the web's answer to a request or response over 5 MB. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  const text = `${typeof code === "string" ? code : ""} ${(e as Error)?.message ?? ""}`;
  return /PayloadSizeLimitExceeded/i.test(text);
}

const ERROR_TEXT =
  /^#(?:REF!|DIV\/0!|N\/A|NAME\?|NULL!|NUM!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

const VISIBILITY: Record<string, SheetVisibility> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/**
 * Where merged cells are looked for: the whole sheet, else (Excel refuses more than 512 merged
 * areas in one request) the title and header rows that recognition needs, else nowhere.
 */
type MergeScope = "sheet" | "head" | "none";
const HEAD_ROWS = "A1:XFD60";

/** A sheet beyond the limits: said to the user as it is, never retried. */
class TooLarge extends Error {}

/** The snapshot cell of an Excel value and formula. */
function cellOf(value: unknown, formula: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  // Excel gives text here; anything else as JavaScript prints it.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const s = String(value);
  // Excel reports errors as text; only a formula can produce one (typed "#N/A" text stays text).
  if (typeof formula === "string" && formula.startsWith("=") && ERROR_TEXT.test(s)) return { error: s };
  return s;
}

interface Band {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * Reads every sheet, or only the sheet named `only` (the live re-check). Reads in bands of
 * `cellsPerSync` cells; when Excel refuses a band as too large (long texts), reads again in bands
 * four times smaller, down to a few hundred cells.
 */
export async function readWorkbook(
  ax: AdapterContext,
  onProgress?: (p: ReadProgress) => void,
  only?: string,
): Promise<WorkbookSnapshot> {
  let merges: MergeScope = ax.api.mergedAreas ? "sheet" : "none";
  for (let cells = ax.cellsPerSync; ;) {
    try {
      return await readIn(ax, cells, onProgress, only, merges);
    } catch (e) {
      if (e instanceof TooLarge) throw e;
      if (isPayloadTooLarge(e) && cells > MIN_CELLS_PER_SYNC) cells = Math.floor(cells / 4);
      // Too many merged areas makes the request fail: ask for fewer, then for none.
      else if (merges !== "none") merges = merges === "sheet" ? "head" : "none";
      else throw e;
    }
  }
}

/** One sheet as a snapshot (the live re-check). */
export async function readSheet(ax: AdapterContext, name: string): Promise<SheetSnapshot> {
  const wb = await readWorkbook(ax, undefined, name);
  const sheet = wb.sheets[0];
  if (!sheet) throw new Error(ax.say("sheetGone", { sheet: name }));
  return sheet;
}

async function readIn(
  ax: AdapterContext,
  cellsPerSync: number,
  onProgress: ((p: ReadProgress) => void) | undefined,
  only: string | undefined,
  mergeScope: MergeScope,
): Promise<WorkbookSnapshot> {
  return ax.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name,items/visibility,items/protection/protected");
    await ctx.sync();
    const items = only === undefined ? sheets.items : sheets.items.filter((ws) => ws.name === only);
    const used = items.map((ws) => {
      const r = ws.getUsedRangeOrNullObject(true);
      r.load("rowIndex,columnIndex,rowCount,columnCount");
      // Over 512 merged areas Excel fails the request or answers with a null object: the header
      // rows are asked too, so that a null answer for the sheet still gives the header's merges.
      const merges = mergeScope === "sheet" ? ws.getRange().getMergedAreasOrNullObject() : undefined;
      const head = mergeScope === "none" ? undefined : ws.getRange(HEAD_ROWS).getMergedAreasOrNullObject();
      merges?.load("address");
      head?.load("address");
      return { ws, r, merges, head };
    });
    await ctx.sync();

    // Row bands of at most `cellsPerSync` cells, grouped into syncs of at most that many cells.
    const bands: Band[] = [];
    for (const { ws, r } of used) {
      if (r.isNullObject) continue;
      if (r.rowCount > MAX_ROWS) {
        throw new TooLarge(
          ax.say("sheetTooManyRows", {
            sheet: ws.name,
            rows: formatNumber(r.rowCount, ax.locale),
            max: formatNumber(MAX_ROWS, ax.locale),
          }),
        );
      }
      if (r.rowCount * r.columnCount > MAX_CELLS) {
        const last = columnName(r.columnIndex + r.columnCount - 1);
        throw new TooLarge(
          ax.say("sheetTooManyCells", {
            sheet: ws.name,
            rows: formatNumber(r.rowCount, ax.locale),
            cols: formatNumber(r.columnCount, ax.locale),
            last,
            max: formatNumber(MAX_CELLS, ax.locale),
          }),
        );
      }
      const rowsPerBand = Math.max(1, Math.floor(cellsPerSync / r.columnCount));
      for (let row = 0; row < r.rowCount; row += rowsPerBand) {
        bands.push({
          sheet: ws.name,
          row: r.rowIndex + row,
          col: r.columnIndex,
          rows: Math.min(rowsPerBand, r.rowCount - row),
          cols: r.columnCount,
        });
      }
    }
    const snapshots = new Map<string, SheetSnapshot>();
    for (const { ws, r, merges, head } of used) {
      const snap: SheetSnapshot = {
        name: ws.name,
        values: [],
        origin: r.isNullObject ? { row: 0, col: 0 } : { row: r.rowIndex, col: r.columnIndex },
      };
      const vis = VISIBILITY[ws.visibility];
      if (vis && vis !== "visible") snap.visibility = vis;
      if (ws.protection.protected) snap.protected = true;
      const found = merges && !merges.isNullObject ? merges : head && !head.isNullObject ? head : undefined;
      if (found?.address) snap.merges = splitAddresses(found.address).map(localAddress);
      snapshots.set(ws.name, snap);
    }
    const total = bands.reduce((n, b) => n + b.rows * b.cols, 0);
    let done = 0;
    onProgress?.({ done, total });
    let group: { band: Band; range: Excel.Range }[] = [];
    let groupCells = 0;
    const flush = async () => {
      if (group.length === 0) return;
      await ctx.sync();
      ax.slice.restart();
      for (const { band, range } of group) {
        const snap = snapshots.get(band.sheet) as SheetSnapshot;
        const values = range.values;
        const formulas = range.formulas;
        const base = band.row - (snap.origin?.row ?? 0);
        let anyFormula = false;
        const f: (string | null)[][] = [];
        for (let r = 0; r < values.length; r++) {
          // 50 000 cells a band: the pane's thread breathes between slices of rows.
          if (ax.slice.due()) await ax.slice.pause();
          const row: CellValue[] = new Array<CellValue>(values[r].length);
          const frow: (string | null)[] = [];
          for (let c = 0; c < values[r].length; c++) {
            const formula: unknown = formulas[r][c];
            row[c] = cellOf(values[r][c], formula);
            if (typeof formula === "string" && formula.startsWith("=")) {
              while (frow.length < c) frow.push(null);
              frow[c] = formula.slice(1);
              anyFormula = true;
            }
          }
          snap.values[base + r] = row;
          f.push(frow);
        }
        if (anyFormula) {
          snap.formulas ??= [];
          f.forEach((row, r) => ((snap.formulas as (string | null)[][])[base + r] = row));
        }
        done += band.rows * band.cols;
      }
      onProgress?.({ done, total });
      group = [];
      groupCells = 0;
    };
    for (const band of bands) {
      if (groupCells > 0 && groupCells + band.rows * band.cols > cellsPerSync) await flush();
      const range = ctx.workbook.worksheets
        .getItem(band.sheet)
        .getRangeByIndexes(band.row, band.col, band.rows, band.cols)
        .load("values,formulas");
      group.push({ band, range });
      groupCells += band.rows * band.cols;
    }
    await flush();
    for (const snap of snapshots.values()) {
      for (let r = 0; r < snap.values.length; r++) snap.values[r] ??= [];
      if (snap.formulas) for (let r = 0; r < snap.values.length; r++) snap.formulas[r] ??= [];
    }
    return { sheets: items.map((ws) => snapshots.get(ws.name) as SheetSnapshot) };
  });
}
