/**
 * The only code that talks to Excel: it implements the task pane's WorkbookPort with Office.js.
 *
 * Round trips are few and do not grow with sheets, rows or findings:
 * - read: 2 syncs (sheets; used ranges and merges) + 1 per ~4 MB of cells (big sheets are
 *   read in row bands so that no request exceeds Excel on the web's 5 MB limit);
 * - mark: 2 syncs whatever the number of findings (sheets and protection; all marks);
 * - clearMarks: 3 syncs (sheets; their conditional formats and notes; delete ours), 4 before ExcelApi 1.14;
 * - writeNotes (ExcelApi 1.18): 3 syncs (sheets; notes on the flagged cells; write).
 * Marks are conditional formats whose rule formula carries MARK_TAG: they never change a value,
 * a formula, a fill, a font or a number format, and removing them restores the sheet exactly.
 */
import { SEVERITY_FILL, type Finding, type Fix, type Severity } from "../engine/findings";
import { columnName } from "../engine/a1";
import { formatNumber } from "../engine/i18n";
import { buildReportSheet } from "../engine/report-sheet";
import { SHEET_LIMITS } from "../engine/limits";
import { findingNotes, ownNote, withOurNote } from "../engine/cell-notes";
import type { Locale } from "../engine/i18n";
import { quoteSheetName, uniqueSheetName } from "../engine/sheet-names";
import type { CellValue, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from "../engine/snapshot";
import type { FixRecord, MarkResult, PaneState, ReadProgress, WorkbookPort } from "../taskpane/port";
import { EMPTY_STATE } from "../taskpane/port";
import type { OfficeHost } from "./host";
import { insertTemplate } from "./insert-template";

/** Written into every mark's rule formula: how the add-in tells its marks from the user's. */
export const MARK_TAG = "DEAN-CHECKER";
/** The rule formula of a mark of each severity; clearing removes exactly these, nothing that merely mentions the tag. */
export const markFormula = (severity: Severity) => `=ISTEXT("${MARK_TAG}:${severity}")`;
const MARK_FORMULAS = new Set((["error", "warning", "info"] as const).map(markFormula));
/** The add-in reads at most this many rows, and cells, of a sheet (as dean-check). */
export const MAX_ROWS = SHEET_LIMITS.maxRows;
const MAX_CELLS = SHEET_LIMITS.maxCells;
/** Document-settings key of the pane's state. */
export const STATE_KEY = "deanChecker.state";

/** Cells per sync when reading values and formulas: ~40 bytes a cell for both keeps a sync under 4 MB. */
export const CELLS_PER_SYNC = 50_000;
/** The smallest band tried when Excel says a request or response is too large. */
const MIN_CELLS_PER_SYNC = 500;

/** Excel on the web's answer to a request or response over 5 MB. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  const text = `${typeof code === "string" ? code : ""} ${(e as Error)?.message ?? ""}`;
  return /PayloadSizeLimitExceeded/i.test(text);
}

/** Addresses per getRanges() call (Excel limits the length of an address list). */
const ADDRESSES_PER_CALL = 400;

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

/** "'PL 1, 2'!A1:B1,'PL 1, 2'!C1:D1" → ["'PL 1, 2'!A1:B1", "'PL 1, 2'!C1:D1"]: commas inside a quoted sheet name stay. */
export function splitAddresses(list: string): string[] {
  return list.split(/,(?=(?:[^']*'[^']*')*[^']*$)/).filter((a) => a !== "");
}

/** "'PL8 KP 2028'!A1:B2" → "A1:B2". */
export function localAddress(address: string): string {
  const i = address.lastIndexOf("!");
  return (i >= 0 ? address.slice(i + 1) : address).replace(/\$/g, "");
}

/** The snapshot cell of an Excel value and formula. */
function cellOf(value: unknown, formula: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  const s = String(value);
  // Excel reports errors as text; only a formula can produce one (typed "#N/A" text stays text).
  if (typeof formula === "string" && formula.startsWith("=") && ERROR_TEXT.test(s)) return { error: s };
  return s;
}

/** A text written as a value must stay text: the apostrophe stops Excel reading "=…", "1.5" or "5.". */
function asTypedText(v: number | string | boolean | null): number | string | boolean {
  if (v === null) return "";
  return typeof v === "string" && v !== "" ? `'${v}` : v;
}

/**
 * The sheet named `sheet` among the loaded ones (names and protection), when the add-in may write
 * on it; otherwise undefined, with the reason added to `result.skipped` ("… `cannot`; …").
 */
function writableSheet(
  items: Excel.Worksheet[],
  sheet: string,
  cannot: string,
  result: MarkResult,
): Excel.Worksheet | undefined {
  const ws = items.find((w) => w.name === sheet);
  const reason = !ws
    ? "Không còn trang tính này trong sổ tính."
    : ws.protection.protected
      ? `Trang tính đang được bảo vệ (Protect Sheet): ${cannot}; bỏ bảo vệ rồi kiểm tra lại.`
      : undefined;
  if (reason === undefined) return ws;
  result.skipped.push({ sheet, reason });
  return undefined;
}

interface Band {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function createExcelAdapter(host: OfficeHost, options: { cellsPerSync?: number } = {}): WorkbookPort {
  const cellsPerSync = options.cellsPerSync ?? CELLS_PER_SYNC;
  // Newer API sets are used when Excel has them, and worked around when it does not.
  const mergedAreas = host.supportsExcelApi("1.13");
  const customOrNull = host.supportsExcelApi("1.14");
  // Notes and selecting several areas: ExcelApi 1.18. Without them the pane offers no notes
  // (the explanation stays in the pane) and a finding selects its first cell.
  const selectAreas = host.supportsExcelApi("1.18");
  const notesApi = host.supportsExcelApi("1.18");

  /** Reads every sheet, or only the sheet named `only` (the live re-check). */
  /**
   * Reads in bands of `cellsPerSync` cells; when Excel refuses a band as too large (long texts),
   * reads again in bands four times smaller, down to a few hundred cells.
   */
  async function read(onProgress?: (p: ReadProgress) => void, only?: string): Promise<WorkbookSnapshot> {
    let merges: MergeScope = mergedAreas ? "sheet" : "none";
    for (let cells = cellsPerSync; ;) {
      try {
        return await readIn(cells, onProgress, only, merges);
      } catch (e) {
        if (e instanceof TooLarge) throw e;
        if (isPayloadTooLarge(e) && cells > MIN_CELLS_PER_SYNC) cells = Math.floor(cells / 4);
        // Too many merged areas makes the request fail: ask for fewer, then for none.
        else if (merges !== "none") merges = merges === "sheet" ? "head" : "none";
        else throw e;
      }
    }
  }

  async function readIn(
    cellsPerSync: number,
    onProgress: ((p: ReadProgress) => void) | undefined,
    only: string | undefined,
    mergeScope: MergeScope,
  ): Promise<WorkbookSnapshot> {
    return host.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/visibility,items/protection/protected");
      await ctx.sync();
      const items = only === undefined ? sheets.items : sheets.items.filter((ws) => ws.name === only);
      const used = items.map((ws) => {
        const r = ws.getUsedRangeOrNullObject(true);
        r.load("rowIndex,columnIndex,rowCount,columnCount");
        const merges =
          mergeScope === "none"
            ? undefined
            : (mergeScope === "sheet" ? ws.getRange() : ws.getRange(HEAD_ROWS)).getMergedAreasOrNullObject();
        merges?.load("address");
        return { ws, r, merges };
      });
      await ctx.sync();

      // Row bands of at most `cellsPerSync` cells, grouped into syncs of at most that many cells.
      const bands: Band[] = [];
      for (const { ws, r } of used) {
        if (r.isNullObject) continue;
        if (r.rowCount > MAX_ROWS) {
          throw new TooLarge(
            `Trang tính "${ws.name}" có ${formatNumber(r.rowCount, "vi")} dòng: quá ${formatNumber(MAX_ROWS, "vi")} dòng để kiểm tra trong Excel; hãy tách bảng hoặc dùng dean-check.`,
          );
        }
        if (r.rowCount * r.columnCount > MAX_CELLS) {
          const last = columnName(r.columnIndex + r.columnCount - 1);
          throw new TooLarge(
            `Trang tính "${ws.name}" có vùng dữ liệu ${formatNumber(r.rowCount, "vi")} dòng × ${formatNumber(r.columnCount, "vi")} cột (đến cột ${last}): quá ${formatNumber(MAX_CELLS, "vi")} ô để kiểm tra trong Excel. Nếu có ô lẻ ở xa bảng, hãy xóa nó; hoặc dùng dean-check.`,
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
      for (const { ws, r, merges } of used) {
        const snap: SheetSnapshot = {
          name: ws.name,
          values: [],
          origin: r.isNullObject ? { row: 0, col: 0 } : { row: r.rowIndex, col: r.columnIndex },
        };
        const vis = VISIBILITY[ws.visibility];
        if (vis && vis !== "visible") snap.visibility = vis;
        if (ws.protection.protected) snap.protected = true;
        if (merges && !merges.isNullObject && merges.address)
          snap.merges = splitAddresses(merges.address).map(localAddress);
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
        for (const { band, range } of group) {
          const snap = snapshots.get(band.sheet) as SheetSnapshot;
          const values = range.values;
          const formulas = range.formulas;
          const base = band.row - (snap.origin?.row ?? 0);
          let anyFormula = false;
          const f: (string | null)[][] = [];
          for (let r = 0; r < values.length; r++) {
            const row: CellValue[] = new Array<CellValue>(values[r].length);
            const frow: (string | null)[] = [];
            for (let c = 0; c < values[r].length; c++) {
              const formula = formulas[r][c];
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

  async function mark(findings: readonly Finding[]): Promise<MarkResult> {
    // sheet → severity → cells; a cell gets the mark of its most severe finding.
    const bySheet = new Map<string, Map<string, Severity>>();
    const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
    for (const f of findings) {
      let cells = bySheet.get(f.sheet);
      if (!cells) bySheet.set(f.sheet, (cells = new Map()));
      for (const c of f.cells) {
        const prev = cells.get(c);
        if (!prev || rank[f.severity] < rank[prev]) cells.set(c, f.severity);
      }
    }
    return host.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/protection/protected");
      await ctx.sync();
      const result: MarkResult = { marked: 0, skipped: [] };
      for (const [sheet, cells] of bySheet) {
        const ws = writableSheet(sheets.items, sheet, "không đánh dấu được", result);
        if (!ws) continue;
        for (const severity of ["error", "warning", "info"] as const) {
          const list = [...cells].filter(([, s]) => s === severity).map(([c]) => c);
          for (let i = 0; i < list.length; i += ADDRESSES_PER_CALL) {
            const part = list.slice(i, i + ADDRESSES_PER_CALL);
            const cf = ws.getRanges(part.join(",")).conditionalFormats.add("Custom");
            cf.custom.rule.formula = markFormula(severity);
            cf.custom.format.fill.color = `#${SEVERITY_FILL[severity]}`;
            result.marked += part.length;
          }
        }
      }
      await ctx.sync();
      return result;
    });
  }

  async function clearMarks(sheet?: string): Promise<number> {
    return host.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/protection/protected");
      await ctx.sync();
      const open = sheets.items.filter(
        (ws) => !ws.protection.protected && (sheet === undefined || ws.name === sheet),
      );
      const noteLists = notesApi ? open.map((ws) => ws.notes.load("items/content")) : [];
      let ours: Excel.ConditionalFormat[];
      if (customOrNull) {
        const collections = open.map((ws) =>
          ws.getRange().conditionalFormats.load("items/type,items/customOrNullObject/rule/formula"),
        );
        await ctx.sync();
        ours = collections.flatMap((cfs) =>
          cfs.items.filter(
            (cf) =>
              !cf.customOrNullObject.isNullObject && MARK_FORMULAS.has(cf.customOrNullObject.rule.formula),
          ),
        );
      } else {
        // Before ExcelApi 1.14: find the custom formats first, then read their rules (one sync more).
        const collections = open.map((ws) => ws.getRange().conditionalFormats.load("items/type"));
        await ctx.sync();
        const custom = collections.flatMap((cfs) => cfs.items.filter((cf) => cf.type === "Custom"));
        for (const cf of custom) cf.custom.rule.load("formula");
        await ctx.sync();
        ours = custom.filter((cf) => MARK_FORMULAS.has(cf.custom.rule.formula));
      }
      for (const cf of ours) cf.delete();
      // The checker's notes (ExcelApi 1.18): removed, or cut back to the user's own note.
      for (const notes of noteLists) {
        for (const n of notes.items) {
          const own = ownNote(n.content);
          if (own === n.content) continue;
          if (own === "") n.delete();
          else n.content = own;
        }
      }
      await ctx.sync();
      return ours.length;
    });
  }

  /**
   * Writes each flagged cell's explanation as a note (ExcelApi 1.18), below the user's own note
   * if the cell has one; a later call replaces the checker's part. 3 syncs: sheets; the notes
   * already on those cells; the writes.
   */
  async function writeNotes(findings: readonly Finding[], locale: Locale): Promise<MarkResult> {
    const notes = findingNotes(findings, locale);
    return host.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/protection/protected");
      await ctx.sync();
      const result: MarkResult = { marked: 0, skipped: [] };
      const pending: { ws: Excel.Worksheet; cell: string; text: string; note: Excel.Note }[] = [];
      for (const [sheet, byCell] of notes) {
        const ws = writableSheet(sheets.items, sheet, "không ghi được ghi chú", result);
        if (!ws) continue;
        for (const [cell, text] of byCell) {
          const note = ws.notes.getItemOrNullObject(cell);
          note.load("content");
          pending.push({ ws, cell, text, note });
        }
      }
      await ctx.sync();
      for (const { ws, cell, text, note } of pending) {
        if (note.isNullObject) ws.notes.add(cell, text);
        else note.content = withOurNote(ownNote(note.content), text);
        result.marked++;
      }
      await ctx.sync();
      return result;
    });
  }

  async function select(sheet: string, cells: readonly string[]): Promise<void> {
    if (cells.length === 0) return;
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      // Every cell of the finding where Excel can select several areas (ExcelApi 1.18), else the first.
      if (cells.length > 1 && selectAreas) ws.getRanges(cells.join(",")).select();
      else ws.getRange(cells[0]).select();
      await ctx.sync();
    });
  }

  async function applyFix(sheet: string, fix: Fix): Promise<FixRecord> {
    return host.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem(sheet).getRange(fix.cell).load("values,formulas");
      await ctx.sync();
      const formula = range.formulas[0][0];
      if (typeof formula === "string" && formula.startsWith("=")) {
        throw new Error(
          `Ô ${fix.cell} có công thức ${formula}: không tự sửa ô có công thức, hãy sửa công thức hoặc các ô nó tham chiếu.`,
        );
      }
      const value = range.values[0][0];
      range.values = [[asTypedText(fix.value)]];
      await ctx.sync();
      return {
        sheet,
        cell: fix.cell,
        before: { value: value === "" ? null : (value as number | string | boolean), formula: null },
        after: fix.value,
      };
    });
  }

  async function undoFix(record: FixRecord): Promise<void> {
    await host.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem(record.sheet).getRange(record.cell);
      if (record.before.formula) range.formulas = [[`=${record.before.formula}`]];
      else range.values = [[asTypedText(record.before.value)]];
      await ctx.sync();
    });
  }

  async function loadState(): Promise<PaneState> {
    const raw = host.settings.get(STATE_KEY);
    if (!raw || typeof raw !== "object") return { ...EMPTY_STATE };
    const s = raw as Partial<PaneState>;
    return {
      accepted: Array.isArray(s.accepted) ? s.accepted : [],
      overrides: s.overrides && typeof s.overrides === "object" ? s.overrides : {},
      ...(typeof s.allocated === "number" && Number.isFinite(s.allocated) ? { allocated: s.allocated } : {}),
      ...(s.rulebook && typeof s.rulebook === "object" ? { rulebook: s.rulebook } : {}),
    };
  }

  async function saveState(state: PaneState): Promise<void> {
    host.settings.set(STATE_KEY, state);
    await new Promise<void>((resolve, reject) =>
      host.settings.saveAsync((r) =>
        r.status === "succeeded"
          ? resolve()
          : reject(new Error(r.error?.message ?? "Không lưu được trạng thái vào sổ tính.")),
      ),
    );
  }

  async function writeReport(
    findings: readonly (Finding & { accepted?: { reason: string } })[],
    locale: Locale,
  ): Promise<string> {
    return host.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      const report = buildReportSheet(findings, { locale });
      const name = uniqueSheetName(
        report.name,
        sheets.items.map((w) => w.name),
      );
      const ws = sheets.add(name);
      // The rows come from the engine's one report builder, shared with dean-check --annotate.
      const width = report.columns.length;
      const pad = (r: (string | number)[]) => [...r, ...Array<string>(width - r.length).fill("")];
      const rows: (string | number)[][] = [
        pad([report.title]),
        pad([report.subtitle]),
        pad([]),
        report.columns.map((c) => c.header),
        ...report.rows.map((r) => r.values),
      ];
      const all = ws.getRangeByIndexes(0, 0, rows.length, width);
      // Text format first: a message or a sheet name starting with "=" must stay text, never a formula.
      all.numberFormat = rows.map((r) => r.map((v) => (typeof v === "number" ? "General" : "@")));
      all.values = rows;
      ws.getRangeByIndexes(report.headerRow - 1, 0, 1, width).format.font.bold = true;
      ws.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
      const linkCol = report.columns.findIndex((c) => c.key === "cell");
      report.rows.forEach((r, i) => {
        if (!r.link || linkCol < 0) return;
        ws.getRangeByIndexes(report.headerRow + i, linkCol, 1, 1).hyperlink = {
          documentReference: `${quoteSheetName(r.link.sheet)}!${r.link.cell}`,
          textToDisplay: String(r.values[linkCol]),
        };
      });
      all.format.autofitColumns();
      ws.activate();
      await ctx.sync();
      return name;
    });
  }

  async function watchChanges(onChange: (sheet: string) => void): Promise<() => Promise<void>> {
    const handler = await host.run(async (ctx) => {
      const result = ctx.workbook.worksheets.onChanged.add(async (e) => {
        // A co-author's edit re-checks in their own pane; re-marking here too would fight over the marks.
        if (e.source === "Remote") return;
        // The sheet's name now (it may have been renamed since the check): one sync per edit.
        const name = await host.run(async (c) => {
          const ws = c.workbook.worksheets.getItemOrNullObject(e.worksheetId).load("name");
          await c.sync();
          return ws.isNullObject ? undefined : ws.name;
        });
        if (name !== undefined) onChange(name);
      });
      await ctx.sync();
      return result;
    });
    return () => host.removeHandler(handler);
  }

  async function readSheet(name: string): Promise<SheetSnapshot> {
    const wb = await read(undefined, name);
    const sheet = wb.sheets[0];
    if (!sheet) throw new Error(`Không còn trang tính "${name}" trong sổ tính.`);
    return sheet;
  }

  /** Recalculates every formula (the DEAN.* functions after the rulebook changed). */
  async function recalculate(): Promise<void> {
    await host.run(async (ctx) => {
      ctx.workbook.application.calculate("Full");
      await ctx.sync();
    });
  }

  return {
    read: (onProgress) => read(onProgress),
    readSheet,
    mark,
    clearMarks,
    select,
    applyFix,
    undoFix,
    loadState,
    saveState,
    writeReport,
    watchChanges,
    recalculate,
    insertTemplate: (t) => insertTemplate(host, t),
    ...(notesApi ? { writeNotes } : {}),
  };
}
