/**
 * A strict fake of the part of the Excel JavaScript API that src/office uses, for adapter tests
 * (jest) and the browser end-to-end harness (no Node imports here). It is the project's model of
 * Excel: every behaviour below is one real Excel has, documented or reported (the source is named
 * where the behaviour is modelled), never a convenience.
 *
 * The request model (Office.js's generated proxies, excel.js; "Excel JavaScript API core concepts"):
 * - reading a property that was neither loaded and synced nor set on that proxy throws
 *   (PropertyNotLoaded); a property just set is readable on its proxy (its setter keeps the value);
 * - operations and loads run at `context.sync()` in the order they were queued: a load queued before
 *   a write sees the old value; an operation that fails stops the batch (those before it stay done);
 * - `Excel.run` ends with a sync when operations are still queued; a proxy used after its run
 *   fails (InvalidObjectPath) unless the run is re-entered with `Excel.run(thatContext, …)`;
 * - `Excel.run` takes `(batch)`, `(options, batch)` or `(context or object, batch)`;
 * - every sync is counted; a request or response over Excel on the web's 5 MB payload limit fails,
 *   counted as UTF-8 bytes plus each operation's and load's object path ("Resource limits and
 *   performance optimization for Office Add-ins": 5 MB for requests and responses);
 * - an API newer than the host's ExcelApi version fails at sync (ApiNotFound); versions compare
 *   numerically (1.13 > 1.9).
 * What users hit first (issue #15):
 * - cell-edit mode: while the user edits a cell a batch fails with InvalidOperationInCellEditMode,
 *   unless run with `delayForCellEdit: true`, then it waits until the edit ends (Excel.RunOptions);
 * - `getRanges("A1,B2")` needs the locale's list separator (";" in Vietnamese regional settings on
 *   Windows): a list joined with the other one is refused (OfficeDev/office-js #1167, #1985);
 * - undo: from ExcelApi 1.20 each sync that writes is an undo step (one per run with
 *   `mergeUndoGroup`), before it an add-in's write clears the user's undo stack, and
 *   `settings.saveAsync` always does (office-js #3141; "Undo capabilities with the Excel
 *   JavaScript API", and office-js-docs-pr #5042);
 * - users' own conditional formats that cannot be read: a duplicated rule, or a second cell-value
 *   rule on one range, fails any read of it (office-js #6835, #6827) and deleting it by position
 *   fails (ItemNotFound, #5222); loading `custom/rule/formula` when a format of another type is
 *   there fails (#2180);
 * - the add-in's own writes of values and formulas fire `worksheets.onChanged`, with
 *   `triggerSource: "ThisLocalAddin"` from ExcelApi 1.14 (Excel.WorksheetChangedEventArgs);
 * - a cell holds a note or a threaded comment, not both, and `notes.add` takes one cell
 *   (Excel.NoteCollection.add: InvalidCellAddress; "The difference between threaded comments and
 *   notes", Microsoft support);
 * - a hidden sheet cannot be activated, nor a cell on it selected (xlwings #2166: "Select method of
 *   Worksheet class failed");
 * - more than 512 merged areas in one request: the request fails, or the OrNullObject method gives a
 *   null object (Range.getMergedAreasOrNullObject: "will fail to return the result"); both are
 *   modelled (`mergedAreasOverLimit`);
 * - a protected sheet refuses formats and values.
 * The report sheet's print layout and sizes ("Excel specifications and limits", Microsoft support;
 * the Excel.PageLayout reference):
 * - `worksheet.pageLayout` needs ExcelApi 1.9: orientation, paperSize (Excel.PaperType), margins in
 *   points, `zoom` set as a whole object (`{ horizontalFitToPages: 1 }`; a scale from 10 to 400),
 *   `setPrintTitleRows("$4:$4")` of whole rows; Excel on Windows has been reported to leave the
 *   fit-to-pages zoom unset unless the Page Layout tab is shown (office-js #1860: `fitToPagesIgnored`);
 * - a row is at most 409 points tall, and a worksheet holds at most 66,530 hyperlinks;
 * - `worksheet.autoFilter` needs ExcelApi 1.9.
 */
/* eslint-disable @typescript-eslint/no-this-alias -- nested property objects (range.format.fill, cf.custom.rule) read their owner proxy, as Office.js objects do */
import { columnName, parseA1, parseRange, toA1 } from "../../src/engine/a1";
import { utf8Length } from "../../src/office/bands";

export type Scalar = number | string | boolean;

export interface FakeConditionalFormat {
  id: string;
  type: string;
  /** Range addresses (A1, no sheet) the format applies to. */
  ranges: string[];
  formula?: string;
  fill?: string;
  fontColor?: string;
  /**
   * A rule of the user's that Office.js cannot read (a duplicated rule, #6835; a second cell-value
   * rule on one range, #6827): any load of it fails the batch, deleting it by position fails.
   */
  unreadable?: boolean;
}

export interface FakeSheetModel {
  id: string;
  hyperlinks: Map<string, { documentReference?: string; address?: string; textToDisplay?: string }>;
  bold: Set<string>;
  /** Writes and calls on format-like objects (format, pageLayout, freezePanes, dataValidation), in order. */
  formatOps: { address: string; path: string; value: unknown }[];
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  /** Sparse cells keyed by A1 address. */
  values: Map<string, Scalar>;
  formulas: Map<string, string>;
  fills: Map<string, string>;
  numberFormats: Map<string, string>;
  merges: string[];
  conditionalFormats: FakeConditionalFormat[];
  /** Cell notes (ExcelApi 1.18) by A1 address. */
  notes: Map<string, string>;
  /** Threaded comments (ExcelApi 1.10) by A1 address. */
  comments: Map<string, string>;
  /** Worksheet custom properties (ExcelApi 1.12), saved with the workbook. */
  customProperties: Map<string, string>;
  /** Print settings (ExcelApi 1.9). */
  pageLayout: FakePageLayoutModel;
  /** Row heights set by the add-in, in points, by 0-based row. */
  rowHeights: Map<number, number>;
}

/** What Excel.PageLayout holds (the part the fake models), with Excel's defaults for a new sheet. */
export interface FakePageLayoutModel {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** Whole rows repeated at the top of every printed page ("$4:$4"), or null. */
  printTitleRows: string | null;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
}

export type CalculationMode = "Automatic" | "AutomaticExceptTables" | "Manual";

export interface FakeWorkbookModel {
  sheets: FakeSheetModel[];
  selection?: { sheet: string; address: string };
  activeSheet?: string;
  calculations: number;
  calculationMode: CalculationMode;
  /** The host's ExcelApi version ("1.9" … "1.20"). */
  excelApi: string;
  /** The list separator of the regional settings, which getRanges insists on (#1167). */
  listSeparator: "," | ";";
  /** What Range.getMergedAreasOrNullObject does over 512 merged areas: fail the request, or give a null object. */
  mergedAreasOverLimit: "throw" | "null";
  /**
   * Excel on Windows has been reported to leave `zoom = { horizontalFitToPages }` unset unless the
   * Page Layout tab is shown (office-js #1860): the write succeeds, the zoom stays as it was.
   */
  fitToPagesIgnored: boolean;
  /** Set while the user edits a cell. */
  cellEdit?: { ended: Promise<void>; end: () => void };
  /** The user's undo stack, newest last ("edit …" by the user, "add-in" for an add-in's step). */
  undo: string[];
  /** Operations that changed the workbook, applied for add-ins (not loads, selections or calculation). */
  writes: number;
  syncs: number;
}

export interface FakeSheetInit {
  name: string;
  /** Rows of values; null or "" is empty. A string starting with "=" is a formula. */
  values?: (Scalar | null | undefined)[][];
  /** Cached results of formulas, by A1 address (default 0). */
  results?: Record<string, Scalar>;
  merges?: string[];
  visibility?: FakeSheetModel["visibility"];
  protected?: boolean;
}

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** "Row height: 409 points" (Excel specifications and limits). */
export const MAX_ROW_HEIGHT = 409;
/** "Hyperlinks in a worksheet: 66,530 hyperlinks" (Excel specifications and limits). */
export const MAX_HYPERLINKS = 66_530;
/** What an operation or a load costs in a request besides its path and arguments (its JSON envelope). */
const ENVELOPE_BYTES = 64;
/** The API sets whose features the fake gates; the newest is the default host. */
export const LATEST_EXCEL_API = "1.20";

let nextId = 1;

/** "1.13" ≥ "1.9": requirement set versions compare by number, part by part. */
export function apiAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/**
 * Bytes of a text in UTF-8 (Vietnamese letters take 2–3): the adapter's own count, pinned to
 * Node's UTF-8 encoder by fake-excel.test.ts, so that the fake and the adapter cannot drift apart.
 */
export const utf8Bytes = utf8Length;

export function fakeSheet(init: FakeSheetInit): FakeSheetModel {
  const sheet: FakeSheetModel = {
    id: `{sheet-${nextId++}}`,
    name: init.name,
    visibility: init.visibility ?? "Visible",
    protected: init.protected ?? false,
    values: new Map(),
    formulas: new Map(),
    fills: new Map(),
    numberFormats: new Map(),
    merges: [...(init.merges ?? [])],
    conditionalFormats: [],
    hyperlinks: new Map(),
    bold: new Set(),
    formatOps: [],
    notes: new Map(),
    comments: new Map(),
    customProperties: new Map(),
    pageLayout: {
      orientation: "Portrait",
      paperSize: "Letter",
      zoom: { scale: 100 },
      printTitleRows: null,
      centerHorizontally: false,
      centerVertically: false,
      printGridlines: false,
      // Excel's "Normal" margins, in points.
      leftMargin: 50.4,
      rightMargin: 50.4,
      topMargin: 54,
      bottomMargin: 54,
      headerMargin: 21.6,
      footerMargin: 21.6,
    },
    rowHeights: new Map(),
  };
  (init.values ?? []).forEach((row, r) =>
    (row ?? []).forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      const a = toA1(r, c);
      if (typeof v === "string" && v.startsWith("=")) {
        sheet.formulas.set(a, v);
        sheet.values.set(a, init.results?.[a] ?? 0);
      } else sheet.values.set(a, v);
    }),
  );
  return sheet;
}

export class FakeApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const boxes = new Map<string, Box>();
function boxOf(address: string): Box {
  let b = boxes.get(address);
  if (!b) {
    const { start, end } = parseRange(address);
    b = { r0: start.row, c0: start.col, r1: end.row, c1: end.col };
    if (boxes.size > 100_000) boxes.clear();
    boxes.set(address, b);
  }
  return { ...b };
}

function boxAddress(b: Box): string {
  const a = toA1(b.r0, b.c0);
  return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:${toA1(b.r1, b.c1)}`;
}

function qualified(sheet: string, address: string): string {
  const q = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${q}!${address}`;
}

/** Strips an optional "Sheet!" prefix from an address. */
function local(address: string): string {
  const i = address.lastIndexOf("!");
  return (i >= 0 ? address.slice(i + 1) : address).replace(/\$/g, "");
}

/**
 * An address list as getRanges reads it: areas separated by the locale's list separator, outside
 * quoted sheet names. The other separator outside quotes is refused, as Excel on Windows refuses
 * "A1,B2" under Czech, German or Vietnamese regional settings (#1167, #1985).
 */
function splitList(list: string, separator: "," | ";"): string[] {
  const other = separator === "," ? ";" : ",";
  const areas: string[] = [];
  let quoted = false;
  let current = "";
  for (const ch of list) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && ch === other)
      throw new FakeApiError("InvalidArgument", `The argument is invalid or missing: "${list}".`);
    if (!quoted && ch === separator) {
      areas.push(current);
      current = "";
    } else current += ch;
  }
  areas.push(current);
  return areas.map((a) => local(a.trim())).filter(Boolean);
}

type Op = () => unknown;

interface Queued {
  kind: "op" | "load";
  run: Op;
  bytes: number;
  /** The operation changes the workbook (an undo step, a counted write). */
  write: boolean;
}

/** Handlers of worksheets.onChanged over every context of a workbook. */
const changeSources = new WeakMap<FakeWorkbookModel, Set<FakeEventSource>>();

interface ChangedArgs {
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
  type: string;
  triggerSource?: string;
}

function fireChanged(model: FakeWorkbookModel, args: ChangedArgs): Promise<unknown[]> {
  const all: Promise<unknown>[] = [];
  for (const src of changeSources.get(model) ?? [])
    for (const h of src.handlers) all.push(Promise.resolve(h(args)));
  return Promise.all(all);
}

/** Everything a proxy needs from its context. */
class Ctx {
  items: Queued[] = [];
  open = true;
  options: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean } = {};
  /** This run already pushed its undo step (mergeUndoGroup). */
  undoGrouped = false;
  /** Cells whose values or formulas this sync changed, by sheet: they fire onChanged. */
  private changed?: Map<FakeSheetModel, string[]>;
  constructor(readonly model: FakeWorkbookModel) {}

  private usable(path: string): void {
    if (!this.open) {
      throw new FakeApiError(
        "InvalidObjectPath",
        `The object path '${path}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
      );
    }
  }

  private bytesOf(path: string, payload: unknown): number {
    return (
      ENVELOPE_BYTES + utf8Bytes(path) + (payload === undefined ? 0 : utf8Bytes(JSON.stringify(payload)))
    );
  }

  /** Queues an operation at `path` with its arguments (`payload`); `write: false` for selections and calculation. */
  queue(op: Op, payload: unknown, path: string, write = true): void {
    this.usable(path);
    this.items.push({ kind: "op", run: op, bytes: this.bytesOf(path, payload), write });
  }

  /** Queues a load; `read` computes what the response carries. */
  load(read: () => unknown, path: string): void {
    this.usable(path);
    this.items.push({ kind: "load", run: read, bytes: this.bytesOf(path, undefined), write: false });
  }

  /** An API of a newer set than the host's fails at sync. */
  need(version: string, api: string, path: string): void {
    if (apiAtLeast(this.model.excelApi, version)) return;
    this.queue(
      () => {
        throw new FakeApiError(
          "ApiNotFound",
          `${api} needs ExcelApi ${version}; this Excel has ${this.model.excelApi}.`,
        );
      },
      undefined,
      path,
      false,
    );
  }

  /** Records that a cell range's values or formulas changed (fires onChanged after the sync). */
  noteChange(m: FakeSheetModel, address: string): void {
    const list = this.changed?.get(m) ?? [];
    list.push(address);
    this.changed?.set(m, list);
  }

  /** A sheet by name (or by id, as worksheets.getItem accepts both). */
  sheet(name: string): FakeSheetModel {
    const s = this.model.sheets.find((x) => x.name === name || x.id === name);
    if (!s) throw new FakeApiError("ItemNotFound", `The worksheet "${name}" does not exist.`);
    return s;
  }

  get pending(): boolean {
    return this.items.length > 0;
  }

  async sync(): Promise<void> {
    this.usable("context.sync()");
    this.model.syncs++;
    const items = this.items.splice(0);
    const request = items.reduce((n, o) => n + o.bytes, 0);
    if (request > PAYLOAD_LIMIT)
      throw new FakeApiError("RequestPayloadSizeLimitExceeded", `request of ${request} bytes`);
    if (this.model.cellEdit) {
      if (!this.options.delayForCellEdit)
        throw new FakeApiError(
          "InvalidOperationInCellEditMode",
          "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
        );
      await this.model.cellEdit.ended;
    }
    let response = 0;
    let wrote = false;
    const changed = new Map<FakeSheetModel, string[]>();
    this.changed = changed;
    try {
      for (const item of items) {
        const out = item.run();
        if (item.kind === "load") response += utf8Bytes(JSON.stringify(out ?? null));
        else if (item.write) {
          wrote = true;
          this.model.writes++;
        }
      }
    } finally {
      this.changed = undefined;
      if (wrote) this.undoStep();
      this.fire(changed);
    }
    if (response > PAYLOAD_LIMIT)
      throw new FakeApiError("ResponsePayloadSizeLimitExceeded", `response of ${response} bytes`);
  }

  /** ExcelApi 1.20: each sync that writes is an undo step (one per run when merged); before, the stack is cleared. */
  private undoStep(): void {
    if (!apiAtLeast(this.model.excelApi, "1.20")) {
      this.model.undo.length = 0;
      return;
    }
    if (this.options.mergeUndoGroup && this.undoGrouped) return;
    this.model.undo.push("add-in");
    this.undoGrouped = true;
  }

  /** The add-in's own writes fire onChanged too, after the sync (triggerSource from ExcelApi 1.14). */
  private fire(changed: Map<FakeSheetModel, string[]>): void {
    const model = this.model;
    const marked = apiAtLeast(model.excelApi, "1.14");
    for (const [m, addresses] of changed) {
      for (const address of addresses) {
        void Promise.resolve().then(() =>
          fireChanged(model, {
            worksheetId: m.id,
            address,
            changeType: "RangeEdited",
            source: "Local",
            type: "WorksheetChanged",
            ...(marked ? { triggerSource: "ThisLocalAddin" } : {}),
          }),
        );
      }
    }
  }
}

/** Base of every proxy: loaded properties are readable only after load + sync (or after being set). */
class Proxy {
  protected readonly loaded = new Map<string, unknown>();
  /** A proxy from a `…OrNullObject` call: its `isNullObject` is loaded at sync. */
  protected readonly nullable: boolean = false;
  constructor(
    protected readonly ctx: Ctx,
    readonly path: string,
  ) {}

  get isNullObject(): boolean {
    return this.nullable ? this.get("isNullObject") : false;
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeApiError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  /** The properties loaded so far (what a load answers with). */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  /** A property set on a proxy is readable on it at once (Office.js's setters keep the value). */
  protected keep(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }

  /** Queues a load of `props` computed by `read` at sync. */
  protected queueLoad(props: string[], read: (prop: string) => unknown): void {
    this.ctx.load(
      () => {
        const out: Record<string, unknown> = {};
        for (const p of props) {
          const v = read(p);
          this.loaded.set(p, v);
          out[p] = v;
        }
        return out;
      },
      `${this.path}.load(${props.join(",")})`,
    );
  }
}

function propList(props?: string | string[] | { select?: string }): string[] {
  if (props === undefined) return [];
  const list =
    typeof props === "string"
      ? props.split(",")
      : Array.isArray(props)
        ? props
        : (props.select ?? "").split(",");
  return list.map((p) => p.trim()).filter(Boolean);
}

const str = (s: string) => JSON.stringify(s);

/** A collection: its items are readable only after a load and a sync. */
abstract class FakeCollection<T extends Proxy> extends Proxy {
  get items(): T[] {
    return this.get("items");
  }

  /** Queues a load of the items `make` builds, with the item properties asked ("items/name" → "name"). */
  protected loadItems(
    props: string | string[] | { select?: string } | undefined,
    make: (sub: string[]) => T[],
  ): this {
    const sub = propList(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.load(
      () => {
        const items = make(sub);
        this.loaded.set("items", items);
        return items.map((i) => i.snapshot());
      },
      `${this.path}.load(${sub.join(",")})`,
    );
    return this;
  }
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  /** @internal */
  readonly ctx: Ctx;
  constructor(model: FakeWorkbookModel) {
    this.ctx = new Ctx(model);
    this.workbook = new FakeWorkbook(this.ctx, this);
  }
  sync(): Promise<void> {
    return this.ctx.sync();
  }
  /** Proxy-tracking is not needed by the fake; present because the adapter may call it. */
  trackedObjects = { add: () => undefined, remove: () => undefined };
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  constructor(ctx: Ctx, context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx, context);
    this.application = new FakeApplication(ctx, "workbook.application");
  }
}

class FakeApplication extends Proxy {
  get calculationMode(): CalculationMode {
    return this.get("calculationMode");
  }
  load(props?: string | string[] | { select?: string }): this {
    const list = propList(props);
    this.queueLoad(list.length ? list : ["calculationMode"], (p) => {
      if (p === "calculationMode") return this.ctx.model.calculationMode;
      throw new FakeApiError("InvalidArgument", `Unknown application property "${p}"`);
    });
    return this;
  }
  /** Recalculates (whatever the calculation mode, which it leaves as it is). */
  calculate(type: string): void {
    this.ctx.queue(() => void this.ctx.model.calculations++, type, `${this.path}.calculate`, false);
  }
}

export class FakeEventSource {
  handlers = new Set<(args: ChangedArgs) => Promise<unknown> | void>();
  constructor(
    private readonly ctx: Ctx,
    private readonly context: FakeRequestContext,
  ) {}
  add(handler: (args: ChangedArgs) => Promise<unknown> | void): {
    context: FakeRequestContext;
    remove: () => void;
  } {
    const ctx = this.ctx;
    const sources = () => {
      let set = changeSources.get(ctx.model);
      if (!set) changeSources.set(ctx.model, (set = new Set()));
      return set;
    };
    ctx.queue(
      () => {
        this.handlers.add(handler);
        sources().add(this);
      },
      undefined,
      "worksheets.onChanged.add",
      false,
    );
    return {
      context: this.context,
      // Removal is queued in the handler's own context: Excel.run(handler.context, …) re-enters it.
      remove: () =>
        ctx.queue(
          () => {
            this.handlers.delete(handler);
            if (this.handlers.size === 0) sources().delete(this);
          },
          undefined,
          "worksheets.onChanged.remove",
          false,
        ),
    };
  }
}

class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  readonly onChanged: FakeEventSource;
  constructor(ctx: Ctx, context: FakeRequestContext) {
    super(ctx, "worksheets");
    this.onChanged = new FakeEventSource(ctx, context);
  }

  load(props?: string | string[] | { select?: string }): this {
    // "items/name,items/visibility,items/protection/protected"
    return this.loadItems(props, (sub) =>
      this.ctx.model.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, s.name);
        ws.fill(sub.length ? sub : ["name", "id"]);
        return ws;
      }),
    );
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, name, true);
    this.ctx.load(() => ws.resolveNull(), `${ws.path}.isNullObject`);
    return ws;
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.ctx.model.activeSheet ?? this.ctx.model.sheets[0]?.name ?? "");
  }

  add(name: string): FakeWorksheet {
    this.ctx.queue(
      () => {
        if (this.ctx.model.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
          throw new FakeApiError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
        }
        this.ctx.model.sheets.push(fakeSheet({ name }));
      },
      name,
      `${this.path}.add`,
    );
    return new FakeWorksheet(this.ctx, name);
  }
}

class FakeWorksheet extends Proxy {
  readonly protection: { protected: boolean };
  protected override readonly nullable: boolean;
  constructor(
    ctx: Ctx,
    readonly sheetName: string,
    nullable = false,
  ) {
    super(ctx, `worksheets.getItem(${str(sheetName)})`);
    this.nullable = nullable;
    const self = this;
    this.protection = {
      get protected(): boolean {
        return self.get<boolean>("protection/protected");
      },
    };
  }

  get notes(): FakeNoteCollection {
    this.ctx.need("1.18", "Worksheet.notes", `${this.path}.notes`);
    return new FakeNoteCollection(this.ctx, this.sheetName, `${this.path}.notes`);
  }

  get comments(): FakeCommentCollection {
    this.ctx.need("1.10", "Worksheet.comments", `${this.path}.comments`);
    return new FakeCommentCollection(this.ctx, this.sheetName, `${this.path}.comments`);
  }

  get customProperties(): FakeCustomPropertyCollection {
    this.ctx.need("1.12", "Worksheet.customProperties", `${this.path}.customProperties`);
    return new FakeCustomPropertyCollection(this.ctx, this.sheetName, `${this.path}.customProperties`);
  }

  private model(): FakeSheetModel {
    return this.ctx.sheet(this.sheetName);
  }

  /** Fills loaded properties now (used when a collection load is applied). */
  fill(props: string[]): void {
    const m = this.model();
    for (const p of props) this.loaded.set(p, this.read(m, p));
  }

  resolveNull(): boolean {
    const exists = this.ctx.model.sheets.some((s) => s.name === this.sheetName || s.id === this.sheetName);
    this.loaded.set("isNullObject", !exists);
    return !exists;
  }

  private read(m: FakeSheetModel, p: string): unknown {
    switch (p) {
      case "name":
        return m.name;
      case "id":
        return m.id;
      case "visibility":
        return m.visibility;
      case "position":
        return this.ctx.model.sheets.indexOf(m);
      case "protection/protected":
        return m.protected;
      default:
        throw new FakeApiError("InvalidArgument", `Unknown worksheet property "${p}"`);
    }
  }

  get name(): string {
    return this.get("name");
  }
  get id(): string {
    return this.get("id");
  }
  get visibility(): string {
    return this.get("visibility");
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = propList(props);
    this.queueLoad(list.length ? list : ["name", "id"], (p) => {
      if (
        this.nullable &&
        !this.ctx.model.sheets.some((s) => s.name === this.sheetName || s.id === this.sheetName)
      )
        return undefined; // a null object: properties load as nothing
      return this.read(this.model(), p);
    });
    return this;
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.ctx,
      this.sheetName,
      `${this.path}.getRange(${address ? str(address) : ""})`,
      () => (address ? boxOf(local(address)) : { r0: 0, c0: 0, r1: 1048575, c1: 16383 }),
    );
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(
      this.ctx,
      this.sheetName,
      `${this.path}.getRangeByIndexes(${row},${col},${rows},${cols})`,
      () => ({
        r0: row,
        c0: col,
        r1: row + rows - 1,
        c1: col + cols - 1,
      }),
    );
  }

  getRanges(addresses: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.sheetName, `${this.path}.getRanges(${str(addresses)})`, () =>
      splitList(addresses, this.ctx.model.listSeparator),
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      this.sheetName,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        const m = this.model();
        let b: Box | null = null;
        const cover = (k: string) => {
          const { row, col } = parseA1(k);
          if (!b) b = { r0: row, c0: col, r1: row, c1: col };
          else {
            b.r0 = Math.min(b.r0, row);
            b.c0 = Math.min(b.c0, col);
            b.r1 = Math.max(b.r1, row);
            b.c1 = Math.max(b.c1, col);
          }
        };
        for (const k of m.values.keys()) cover(k);
        for (const k of m.formulas.keys()) cover(k);
        if (!valuesOnly) for (const k of m.fills.keys()) cover(k);
        return b;
      },
      true,
    );
  }

  /** A hidden sheet cannot be activated. */
  activate(): void {
    this.ctx.queue(
      () => {
        const m = this.model();
        refuseHidden(m);
        this.ctx.model.activeSheet = m.name;
      },
      undefined,
      `${this.path}.activate`,
      false,
    );
  }

  /** Excel.PageLayout (ExcelApi 1.9). */
  get pageLayout(): FakePageLayout {
    this.ctx.need("1.9", "Worksheet.pageLayout", `${this.path}.pageLayout`);
    return new FakePageLayout(this.ctx, this.sheetName, `${this.path}.pageLayout`);
  }

  /** Excel.AutoFilter (ExcelApi 1.9): recorded, like a range's format. */
  get autoFilter(): Record<string, unknown> {
    this.ctx.need("1.9", "Worksheet.autoFilter", `${this.path}.autoFilter`);
    return recorder(this.ctx, this.sheetName, () => "", ["autoFilter"], this.path) as Record<string, unknown>;
  }

  get freezePanes(): Record<string, unknown> {
    return recorder(this.ctx, this.sheetName, () => "", ["freezePanes"], this.path) as Record<
      string,
      unknown
    >;
  }

  set visibility(v: string) {
    this.keep("visibility", v);
    this.ctx.queue(
      () => {
        this.model().visibility = v as FakeSheetModel["visibility"];
      },
      v,
      `${this.path}.visibility`,
    );
  }
}

function refuseHidden(m: FakeSheetModel): void {
  if (m.visibility !== "Visible")
    throw new FakeApiError(
      "InvalidOperation",
      `The worksheet "${m.name}" is hidden: it cannot be activated or selected.`,
    );
}

class FakeRange extends Proxy {
  /** Recorded (see recorder): writes land in the sheet's formatOps at sync. */
  readonly format: {
    fill: { color: string };
    font: { bold: boolean; name: string };
    autofitColumns: () => void;
  } & Record<string, unknown>;
  readonly dataValidation: Record<string, unknown>;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  constructor(
    ctx: Ctx,
    readonly sheetName: string,
    path: string,
    private readonly resolve: () => Box | null,
    protected override readonly nullable = false,
  ) {
    super(ctx, path);
    this.conditionalFormats = new FakeConditionalFormatCollection(
      ctx,
      sheetName,
      `${path}.conditionalFormats`,
      () => {
        const b = this.box();
        return b ? [boxAddress(b)] : [];
      },
    );
    const where = () => {
      const b = this.box();
      return b ? boxAddress(b) : "";
    };
    this.format = recorder(ctx, sheetName, where, ["format"], path, formatEffects) as FakeRange["format"];
    this.dataValidation = recorder(ctx, sheetName, where, ["dataValidation"], path) as Record<
      string,
      unknown
    >;
    if (nullable)
      ctx.load(() => this.loaded.set("isNullObject", this.resolve() === null), `${path}.isNullObject`);
  }

  private box(): Box | null {
    return this.resolve();
  }

  private model(): FakeSheetModel {
    return this.ctx.sheet(this.sheetName);
  }

  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): Scalar[][] {
    return this.get("values");
  }
  set values(v: Scalar[][]) {
    this.keep("values", v);
    this.write((m, b) => grid(b, v, (a, x) => setValue(m, a, x, false)), v, "values", true);
  }
  get formulas(): Scalar[][] {
    return this.get("formulas");
  }
  set formulas(v: Scalar[][]) {
    this.keep("formulas", v);
    this.write((m, b) => grid(b, v, (a, x) => setValue(m, a, x, true)), v, "formulas", true);
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.keep("numberFormat", v);
    this.write((m, b) => grid(b, v, (a, x) => m.numberFormats.set(a, String(x))), v, "numberFormat");
  }

  private write(
    apply: (m: FakeSheetModel, b: Box) => void,
    payload: unknown,
    prop: string,
    content = false,
  ): void {
    this.ctx.queue(
      () => {
        const m = this.model();
        if (m.protected) throw new FakeApiError("AccessDenied", `The sheet "${m.name}" is protected.`);
        const b = this.box();
        if (!b) return;
        apply(m, b);
        if (content) this.ctx.noteChange(m, boxAddress(b));
      },
      payload,
      `${this.path}.${prop}`,
    );
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = propList(props);
    this.queueLoad(list.length ? list : ["address", "values"], (p) => this.read(p));
    return this;
  }

  private read(p: string): unknown {
    const m = this.model();
    const b = this.box();
    if (!b) {
      if (this.nullable) return undefined; // a null object: properties load as nothing
      throw new FakeApiError("InvalidReference", "The range is a null object.");
    }
    const rows = b.r1 - b.r0 + 1;
    const cols = b.c1 - b.c0 + 1;
    if ((p === "values" || p === "formulas" || p === "numberFormat") && rows * cols > 5_000_000) {
      throw new FakeApiError("ResponsePayloadSizeLimitExceeded", `${rows * cols} cells`);
    }
    switch (p) {
      case "address":
        return qualified(m.name, boxAddress(b));
      case "rowIndex":
        return b.r0;
      case "columnIndex":
        return b.c0;
      case "rowCount":
        return rows;
      case "columnCount":
        return cols;
      case "values":
        return matrix(b, (a) => m.values.get(a) ?? "");
      case "formulas":
        return matrix(b, (a) => m.formulas.get(a) ?? m.values.get(a) ?? "");
      case "numberFormat":
        return matrix(b, (a) => m.numberFormats.get(a) ?? "General");
      case "format/fill/color":
        return m.fills.get(toA1(b.r0, b.c0)) ?? "#FFFFFF";
      default:
        throw new FakeApiError("InvalidArgument", `Unknown range property "${p}"`);
    }
  }

  merge(across = false): void {
    this.write(
      (m, b) => {
        const a = boxAddress(b);
        if (!m.merges.includes(a)) m.merges.push(a);
      },
      across,
      "merge",
    );
  }

  set hyperlink(h: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.keep("hyperlink", h);
    this.write(
      (m, b) => {
        const cell = toA1(b.r0, b.c0);
        // The error Excel gives past the limit is not documented: a general one.
        if (!m.hyperlinks.has(cell) && m.hyperlinks.size >= MAX_HYPERLINKS)
          throw new FakeApiError(
            "GeneralException",
            `More than ${MAX_HYPERLINKS} hyperlinks in a worksheet.`,
          );
        m.hyperlinks.set(cell, { ...h });
      },
      h,
      "hyperlink",
    );
  }

  /** Selecting a cell of a hidden sheet fails. */
  select(): void {
    this.ctx.queue(
      () => {
        const m = this.model();
        refuseHidden(m);
        const b = this.box();
        if (b) this.ctx.model.selection = { sheet: m.name, address: boxAddress(b) };
        this.ctx.model.activeSheet = m.name;
      },
      undefined,
      `${this.path}.select`,
      false,
    );
  }

  /**
   * The merged areas (ExcelApi 1.13). Over 512 of them Excel "will fail to return the result": the
   * request fails, or a null object comes back, as the workbook's `mergedAreasOverLimit` says.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.need("1.13", "Range.getMergedAreasOrNullObject", `${this.path}.getMergedAreasOrNullObject`);
    const areas = new FakeRangeAreas(
      this.ctx,
      this.sheetName,
      `${this.path}.getMergedAreasOrNullObject()`,
      () => {
        const b = this.box();
        if (!b) return [];
        return this.model().merges.filter((mg) => {
          const x = boxOf(mg);
          return x.r0 <= b.r1 && x.r1 >= b.r0 && x.c0 <= b.c1 && x.c1 >= b.c0;
        });
      },
      true,
      MAX_MERGED_AREAS,
    );
    return areas;
  }
}

const MAX_MERGED_AREAS = 512;

type Effect = (m: FakeSheetModel, address: string, path: string, value: unknown) => void;

/**
 * Format-like objects (range.format, worksheet.pageLayout, freezePanes, dataValidation…): every
 * property write and method call is queued and recorded at sync in the sheet's `formatOps`, with
 * the effects the fake models (fills, bold); a protected sheet refuses them.
 */
function recorder(
  ctx: Ctx,
  sheetName: string,
  address: () => string,
  path: string[],
  owner: string,
  effect?: Effect,
): unknown {
  const target = function () {
    /* callable, so that methods can be recorded */
  };
  return new globalThis.Proxy(target, {
    get(_t, prop) {
      if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return undefined;
      return recorder(ctx, sheetName, address, [...path, prop], owner, effect);
    },
    set(_t, prop, value) {
      const p = [...path, String(prop)].join(".");
      ctx.queue(
        () => {
          const m = ctx.sheet(sheetName);
          if (m.protected) throw new FakeApiError("AccessDenied", `The sheet "${m.name}" is protected.`);
          effect?.(m, address(), p, value);
          m.formatOps.push({ address: address(), path: p, value });
        },
        value,
        `${owner}.${p}`,
      );
      return true;
    },
    apply(_t, _this, given: unknown[]) {
      // An Office.js object passed as an argument travels as a reference to it (its path), not as data.
      const args = given.map((a) => (a instanceof Proxy ? { reference: a.path } : a));
      const called = [
        ...path.slice(0, -1),
        `${path.at(-1) ?? ""}(${args.map((a) => JSON.stringify(a)).join(",")})`,
      ];
      ctx.queue(
        () => {
          const m = ctx.sheet(sheetName);
          m.formatOps.push({ address: address(), path: called.join("."), value: args });
        },
        undefined,
        `${owner}.${called.join(".")}`,
      );
      return recorder(ctx, sheetName, address, called, owner, effect);
    },
  });
}

/** Excel.PaperType's values (the Excel.PageLayout reference). */
const PAPER_TYPES = new Set([
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
  "Folio",
  "Quatro",
  "Paper10x14",
  "Paper11x17",
  "Note",
  "Envelope9",
  "Envelope10",
  "Envelope11",
  "Envelope12",
  "Envelope14",
  "Csheet",
  "Dsheet",
  "Esheet",
  "EnvelopeDL",
  "EnvelopeC5",
  "EnvelopeC3",
  "EnvelopeC4",
  "EnvelopeC6",
  "EnvelopeC65",
  "EnvelopeB4",
  "EnvelopeB5",
  "EnvelopeB6",
  "EnvelopeItaly",
  "EnvelopeMonarch",
  "EnvelopePersonal",
  "FanfoldUS",
  "FanfoldStdGerman",
  "FanfoldLegalGerman",
]);

const MARGINS = [
  "leftMargin",
  "rightMargin",
  "topMargin",
  "bottomMargin",
  "headerMargin",
  "footerMargin",
] as const;
const FLAGS = ["centerHorizontally", "centerVertically", "printGridlines"] as const;

/**
 * Excel.PageLayout (ExcelApi 1.9): the print settings of a sheet. Writes are validated and land
 * at sync (recorded in the sheet's formatOps too); `zoom` is one object, set whole (reading
 * `pageLayout.zoom.scale` before a load throws, as in Office.js). A protected sheet refuses them.
 */
export class FakePageLayout extends Proxy {
  constructor(
    ctx: Ctx,
    private readonly sheetName: string,
    path: string,
  ) {
    super(ctx, path);
    const self = this;
    for (const prop of [...MARGINS, ...FLAGS, "orientation", "paperSize", "zoom"] as const)
      Object.defineProperty(this, prop, {
        get: () => self.get(prop),
        set: (v: unknown) => self.set(prop, v),
        enumerable: true,
      });
  }

  private set(prop: keyof FakePageLayoutModel, value: unknown): void {
    this.keep(prop, value);
    this.ctx.queue(
      () => {
        const m = this.ctx.sheet(this.sheetName);
        if (m.protected) throw new FakeApiError("AccessDenied", `The sheet "${m.name}" is protected.`);
        const layout = m.pageLayout;
        const bad = () =>
          new FakeApiError("InvalidArgument", `pageLayout.${prop} cannot be ${JSON.stringify(value)}.`);
        if (prop === "orientation") {
          if (value !== "Portrait" && value !== "Landscape") throw bad();
          layout.orientation = value;
        } else if (prop === "paperSize") {
          if (typeof value !== "string" || !PAPER_TYPES.has(value)) throw bad();
          layout.paperSize = value;
        } else if (prop === "zoom") {
          const z = value as FakePageLayoutModel["zoom"] | null;
          if (!z || typeof z !== "object") throw bad();
          if (z.scale !== undefined && !(z.scale >= 10 && z.scale <= 400)) throw bad();
          const fits = [z.horizontalFitToPages, z.verticalFitToPages].filter(
            (x) => x !== undefined && x !== null,
          );
          if (fits.some((x) => !Number.isInteger(x) || x < 0)) throw bad();
          if (fits.length > 0 && this.ctx.model.fitToPagesIgnored) return; // office-js #1860
          layout.zoom = { ...z };
        } else if ((MARGINS as readonly string[]).includes(prop)) {
          if (typeof value !== "number" || !(value >= 0)) throw bad();
          (layout as unknown as Record<string, number>)[prop] = value;
        } else {
          if (typeof value !== "boolean") throw bad();
          (layout as unknown as Record<string, boolean>)[prop] = value;
        }
        m.formatOps.push({ address: "", path: `pageLayout.${prop}`, value });
      },
      value,
      `${this.path}.${prop}`,
    );
  }

  /** Rows repeated at the top of every printed page: whole rows, "$4:$4" or "4:5". */
  setPrintTitleRows(rows: string): void {
    this.ctx.queue(
      () => {
        const m = this.ctx.sheet(this.sheetName);
        if (m.protected) throw new FakeApiError("AccessDenied", `The sheet "${m.name}" is protected.`);
        const r = /^\$?(\d+):\$?(\d+)$/.exec(local(String(rows)));
        if (!r || Number(r[1]) < 1 || Number(r[2]) < Number(r[1]))
          throw new FakeApiError("InvalidArgument", `Title rows must be whole rows, not "${rows}".`);
        m.pageLayout.printTitleRows = `$${r[1]}:$${r[2]}`;
        m.formatOps.push({
          address: "",
          path: `pageLayout.setPrintTitleRows(${JSON.stringify(rows)})`,
          value: [rows],
        });
      },
      rows,
      `${this.path}.setPrintTitleRows`,
    );
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = propList(props);
    this.queueLoad(list.length ? list : ["orientation", "paperSize", "zoom"], (p) => {
      const layout = this.ctx.sheet(this.sheetName).pageLayout as unknown as Record<string, unknown>;
      if (!(p in layout) || p === "printTitleRows")
        throw new FakeApiError("InvalidArgument", `Unknown page layout property "${p}"`);
      const v = layout[p];
      return v && typeof v === "object" ? { ...v } : v;
    });
    return this;
  }
}

/** What the fake models of format writes: fills and bold, to compare cells before and after. */
const formatEffects: Effect = (m, address, path, value) => {
  if (!address) return;
  if (path === "format.rowHeight" && !(typeof value === "number" && value >= 0 && value <= MAX_ROW_HEIGHT))
    throw new FakeApiError(
      "InvalidArgument",
      `A row height is 0 to ${MAX_ROW_HEIGHT} points, not ${String(value)}.`,
    );
  for (const a of address.split(",").map((x) => x.trim())) {
    const box = boxOf(a);
    if (path === "format.rowHeight")
      for (let r = box.r0; r <= box.r1; r++) m.rowHeights.set(r, value as number);
    if (path === "format.fill.color") eachCell(box, (c) => m.fills.set(c, String(value)));
    if (path === "format.font.bold") eachCell(box, (c) => (value ? m.bold.add(c) : m.bold.delete(c)));
  }
};

function eachCell(b: Box, f: (a: string) => void): void {
  for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) f(toA1(r, c));
}

function matrix<T>(b: Box, f: (a: string) => T): T[][] {
  const out: T[][] = [];
  for (let r = b.r0; r <= b.r1; r++) {
    const row: T[] = [];
    for (let c = b.c0; c <= b.c1; c++) row.push(f(`${columnName(c)}${r + 1}`));
    out.push(row);
  }
  return out;
}

function grid<T>(b: Box, v: T[][] | T, f: (a: string, x: T) => void): void {
  const rows = b.r1 - b.r0 + 1;
  const cols = b.c1 - b.c0 + 1;
  if (!Array.isArray(v)) return eachCell(b, (a) => f(a, v));
  if (v.length !== rows || v.some((r) => r.length !== cols)) {
    throw new FakeApiError("InvalidArgument", `Expected ${rows}×${cols} values for ${boxAddress(b)}.`);
  }
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) f(toA1(b.r0 + r, b.c0 + c), v[r][c]);
}

/** Excel's reading of a typed value: "=…" is a formula, "'…" a text, unless the cell is formatted as text. */
function setValue(m: FakeSheetModel, a: string, x: Scalar, asFormula: boolean): void {
  const textFormat = m.numberFormats.get(a) === "@";
  if (typeof x === "string" && x.startsWith("=") && !textFormat) {
    m.formulas.set(a, x);
    m.values.set(a, 0);
    return;
  }
  m.formulas.delete(a);
  if (x === "" || x === null) m.values.delete(a);
  else m.values.set(a, typeof x === "string" && x.startsWith("'") && !textFormat ? x.slice(1) : x);
  void asFormula;
}

class FakeRangeAreas extends Proxy {
  readonly conditionalFormats: FakeConditionalFormatCollection;
  /** Recorded, like a range's format. */
  readonly format: Record<string, unknown>;
  readonly areas: { items: FakeRange[]; load: (p?: string) => void };
  constructor(
    ctx: Ctx,
    readonly sheetName: string,
    path: string,
    private readonly resolve: () => string[],
    protected override readonly nullable = false,
    private readonly maxAreas = Infinity,
  ) {
    super(ctx, path);
    this.conditionalFormats = new FakeConditionalFormatCollection(
      ctx,
      sheetName,
      `${path}.conditionalFormats`,
      () => this.resolve(),
    );
    this.format = recorder(
      ctx,
      sheetName,
      () => this.resolve().join(","),
      ["format"],
      path,
      formatEffects,
    ) as Record<string, unknown>;
    const self = this;
    this.areas = {
      get items(): FakeRange[] {
        return self.get("areas/items");
      },
      load: () => void self.load("areas/items/address"),
    };
    if (nullable)
      ctx.load(() => {
        const list = this.resolve();
        const over = list.length > this.maxAreas;
        if (over && this.ctx.model.mergedAreasOverLimit === "throw")
          throw new FakeApiError("InvalidOperation", `More than ${this.maxAreas} merged areas in the range.`);
        this.loaded.set("isNullObject", over || list.length === 0);
        return over || list.length === 0;
      }, `${path}.isNullObject`);
  }

  private list(): string[] {
    const list = this.resolve();
    if (list.length > this.maxAreas) {
      if (this.ctx.model.mergedAreasOverLimit === "throw")
        throw new FakeApiError("InvalidOperation", `More than ${this.maxAreas} merged areas in the range.`);
      return [];
    }
    return list;
  }

  /** Selects every area (ExcelApi 1.18); not on a hidden sheet. */
  select(): void {
    this.ctx.need("1.18", "RangeAreas.select", `${this.path}.select`);
    this.ctx.queue(
      () => {
        const m = this.ctx.sheet(this.sheetName);
        refuseHidden(m);
        this.ctx.model.selection = { sheet: m.name, address: this.resolve().join(",") };
        this.ctx.model.activeSheet = m.name;
      },
      undefined,
      `${this.path}.select`,
      false,
    );
  }

  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = propList(props);
    this.queueLoad(list.length ? list : ["address"], (p) => {
      const list2 = this.list();
      if (this.nullable && list2.length === 0) return undefined;
      const sheet = this.ctx.sheet(this.sheetName).name;
      if (p === "address") return list2.map((a) => qualified(sheet, a)).join(",");
      if (p === "areaCount") return list2.length;
      if (p === "cellCount")
        return list2.reduce((n, a) => {
          const b = boxOf(a);
          return n + (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
        }, 0);
      if (p === "areas/items/address" || p === "areas/items") {
        const items = list2.map((a) => {
          const r = new FakeRange(this.ctx, this.sheetName, `${this.path}.areas`, () => boxOf(a));
          (r as unknown as { loaded: Map<string, unknown> }).loaded.set("address", qualified(sheet, a));
          return r;
        });
        this.loaded.set("areas/items", items);
        return list2;
      }
      throw new FakeApiError("InvalidArgument", `Unknown range areas property "${p}"`);
    });
    return this;
  }
}

/** Reading a rule Office.js cannot read (#6827, #6835). */
function refuseUnreadable(cf: FakeConditionalFormat): void {
  if (cf.unreadable) throw new FakeApiError("GeneralException", "An internal error has occurred.");
}

class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat_> {
  constructor(
    ctx: Ctx,
    readonly sheetName: string,
    path: string,
    private readonly ranges: () => string[],
  ) {
    super(ctx, path);
  }

  /** The formats overlapping this collection's ranges, in priority order. */
  private overlapping(): FakeConditionalFormat[] {
    const m = this.ctx.sheet(this.sheetName);
    const mine = this.ranges().map(boxOf);
    return m.conditionalFormats.filter((cf) =>
      cf.ranges.some((a) => mine.some((b) => overlaps(boxOf(a), b))),
    );
  }

  add(type: string): FakeConditionalFormat_ {
    const cf = new FakeConditionalFormat_(this.ctx, this.sheetName, `${this.path}.add(${str(type)})`);
    this.ctx.queue(
      () => {
        const m = this.ctx.sheet(this.sheetName);
        if (m.protected) throw new FakeApiError("AccessDenied", `The sheet "${m.name}" is protected.`);
        const model: FakeConditionalFormat = { id: `{cf-${nextId++}}`, type, ranges: this.ranges() };
        // add() puts the new format first (top priority).
        m.conditionalFormats.unshift(model);
        cf.bind(model);
      },
      type,
      `${this.path}.add`,
    );
    return cf;
  }

  load(props?: string | string[] | { select?: string }): this {
    return this.loadItems(props, (sub) =>
      this.overlapping().map((model) => {
        const cf = new FakeConditionalFormat_(this.ctx, this.sheetName, `${this.path}.items`);
        cf.bind(model);
        cf.fill(sub.length ? sub : ["id", "type"]);
        return cf;
      }),
    );
  }

  getCount(): { value: number } {
    const result = { value: Number.NaN };
    this.ctx.load(() => (result.value = this.overlapping().length), `${this.path}.getCount()`);
    return result;
  }

  /** The format at a position; resolved at sync (a duplicated rule's position is not found, #5222). */
  getItemAt(index: number): FakeConditionalFormat_ {
    const cf = new FakeConditionalFormat_(this.ctx, this.sheetName, `${this.path}.getItemAt(${index})`);
    cf.bindLater(() => {
      const model = this.overlapping()[index];
      if (!model) throw new FakeApiError("ItemNotFound", `No conditional format at ${index}.`);
      return model;
    });
    return cf;
  }

  clearAll(): void {
    this.ctx.queue(
      () => {
        const m = this.ctx.sheet(this.sheetName);
        const mine = this.ranges().map(boxOf);
        m.conditionalFormats = m.conditionalFormats.filter(
          (cf) => !cf.ranges.some((a) => mine.some((b) => overlaps(boxOf(a), b))),
        );
      },
      undefined,
      `${this.path}.clearAll`,
    );
  }
}

function overlaps(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && a.r1 >= b.r0 && a.c0 <= b.c1 && a.c1 >= b.c0;
}

/** A conditional format proxy; `custom.rule.formula` and `custom.format.fill.color` as in Office.js. */
class FakeConditionalFormat_ extends Proxy {
  private model?: FakeConditionalFormat;
  private later?: () => FakeConditionalFormat;
  readonly custom: {
    rule: { formula: string; load: (p?: string) => void };
    format: { fill: { color: string }; font: { color: string } };
  };
  constructor(
    ctx: Ctx,
    readonly sheetName: string,
    path: string,
  ) {
    super(ctx, path);
    const self = this;
    const set = (f: (m: FakeConditionalFormat) => void, payload: unknown, prop: string) =>
      ctx.queue(
        () => {
          const m = self.resolved();
          f(m);
        },
        payload,
        `${path}.${prop}`,
      );
    this.custom = {
      rule: {
        load: (_p?: string) => {
          ctx.load(() => self.fill(["custom/rule/formula"]), `${path}.custom.rule.load(formula)`);
        },
        get formula(): string {
          return self.get("custom/rule/formula");
        },
        set formula(f: string) {
          self.keep("custom/rule/formula", f);
          set((m) => (m.formula = f), f, "custom.rule.formula");
        },
      },
      format: {
        fill: {
          get color(): string {
            return self.get("custom/format/fill/color");
          },
          set color(c: string) {
            self.keep("custom/format/fill/color", c);
            set((m) => (m.fill = c), c, "custom.format.fill.color");
          },
        },
        font: {
          get color(): string {
            return self.get("custom/format/font/color");
          },
          set color(c: string) {
            set((m) => (m.fontColor = c), c, "custom.format.font.color");
          },
        },
      },
    };
  }

  bind(model: FakeConditionalFormat): void {
    this.model = model;
  }

  bindLater(find: () => FakeConditionalFormat): void {
    this.later = find;
  }

  private resolved(): FakeConditionalFormat {
    if (!this.model && this.later) this.model = this.later();
    if (!this.model) throw new FakeApiError("InvalidOperation", "Conditional format not created.");
    return this.model;
  }

  fill(props: string[]): Record<string, unknown> {
    const m = this.resolved();
    refuseUnreadable(m);
    for (const p of props) {
      if (p === "customOrNullObject/rule/formula" && !apiAtLeast(this.ctx.model.excelApi, "1.14"))
        throw new FakeApiError("ApiNotFound", "ConditionalFormat.customOrNullObject needs ExcelApi 1.14.");
      // #2180: the custom part of a format of another type cannot be loaded.
      if (p === "custom/rule/formula" && m.type !== "Custom")
        throw new FakeApiError("InvalidOperation", "This operation is not permitted for the current object.");
      const v =
        p === "id"
          ? m.id
          : p === "type"
            ? m.type
            : p === "custom/rule/formula"
              ? (m.formula ?? "")
              : p === "customOrNullObject/rule/formula"
                ? m.type === "Custom"
                  ? (m.formula ?? "")
                  : null
                : p === "custom/format/fill/color"
                  ? (m.fill ?? "")
                  : undefined;
      if (v === undefined)
        throw new FakeApiError("InvalidArgument", `Unknown conditional format property "${p}"`);
      this.loaded.set(p, v);
    }
    return this.snapshot();
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = propList(props);
    this.ctx.load(
      () => this.fill(list.length ? list : ["id", "type"]),
      `${this.path}.load(${list.join(",")})`,
    );
    return this;
  }

  get id(): string {
    return this.get("id");
  }
  get type(): string {
    return this.get("type");
  }
  /** ExcelApi 1.14: the custom part, or a null object for other types. */
  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string } } {
    const formula = this.get<string | null>("customOrNullObject/rule/formula");
    return { isNullObject: formula === null, rule: { formula: formula ?? "" } };
  }

  /** The ranges the format applies to (ExcelApi 1.9), as they are when the load runs in the batch. */
  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.sheetName, `${this.path}.getRanges()`, () => [
      ...this.resolved().ranges,
    ]);
  }

  delete(): void {
    this.ctx.queue(
      () => {
        const target = this.resolved();
        if (target.unreadable) throw new FakeApiError("ItemNotFound", "Item Not Found."); // #5222
        const m = this.ctx.sheet(this.sheetName);
        m.conditionalFormats = m.conditionalFormats.filter((cf) => cf !== target);
      },
      undefined,
      `${this.path}.delete`,
    );
  }
}

/**
 * "We only support 2MB maximum for settings" (Microsoft, office-js #621, quoting the Office.Settings
 * reference): a save of more fails and leaves the document as it was. Excel on Windows has been
 * reported to fail from about 1 MB, with "The argument is invalid or missing or has an incorrect
 * format" (office-js #3957): `settingsLimit` models that host.
 */
export const SETTINGS_LIMIT = 2 * 1024 * 1024;

/**
 * Office's document settings (persisted with the workbook): get/set/remove work on a copy in
 * memory, saveAsync writes it to the document (over the size limit it fails, and the copy in
 * memory keeps what was set). Saving them clears the user's undo stack (#3141).
 */
export class FakeSettings {
  readonly saved = new Map<string, unknown>();
  private readonly pending = new Map<string, unknown>();
  saves = 0;
  constructor(
    private readonly model?: FakeWorkbookModel,
    private readonly limit = SETTINGS_LIMIT,
  ) {}
  get(name: string): unknown {
    return this.pending.has(name) ? this.pending.get(name) : null;
  }
  set(name: string, value: unknown): void {
    this.pending.set(name, JSON.parse(JSON.stringify(value)));
  }
  remove(name: string): void {
    this.pending.delete(name);
  }
  saveAsync(callback?: (r: { status: string; error?: { message: string } }) => void): void {
    const size = utf8Bytes(JSON.stringify(Object.fromEntries(this.pending)));
    if (size > this.limit) {
      callback?.({
        status: "failed",
        error: { message: "The argument is invalid or missing or has an incorrect format." },
      });
      return;
    }
    this.saves++;
    this.saved.clear();
    for (const [k, v] of this.pending) this.saved.set(k, v);
    if (this.model) this.model.undo.length = 0;
    callback?.({ status: "succeeded" });
  }
}

export interface RunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

type Batch<T> = (context: FakeRequestContext) => Promise<T>;

export interface FakeExcel {
  model: FakeWorkbookModel;
  settings: FakeSettings;
  /**
   * Excel.run: `(batch)`, `(options, batch)`, or `(context | object with a context, batch)` to
   * re-enter an earlier run's context; a new context per batch otherwise.
   */
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(
    first: RunOptions | FakeRequestContext | { context: FakeRequestContext },
    batch: Batch<T>,
  ): Promise<T>;
  /** Syncs over all runs so far. */
  readonly syncs: number;
  /** Office.context.requirements.isSetSupported("ExcelApi", version), comparing versions numerically. */
  isSetSupported(name: string, version: string): boolean;
  /**
   * A user edit (or a co-author's, source "Remote"): sets the cell, adds an undo step and fires
   * worksheets.onChanged handlers (triggerSource "Unknown" from ExcelApi 1.14).
   */
  edit(sheet: string, address: string, value: Scalar, source?: "Local" | "Remote"): Promise<void>;
  /** The user starts editing a cell (typing, F2): batches fail or wait until endCellEdit. */
  beginCellEdit(): void;
  endCellEdit(): void;
}

export interface FakeExcelOptions {
  /** ExcelApi version of the host, as a string ("1.9", "1.13", …; default the newest). */
  excelApi?: string;
  listSeparator?: "," | ";";
  mergedAreasOverLimit?: "throw" | "null";
  /** Excel on Windows ignoring a fit-to-pages zoom unless the Page Layout tab is shown (office-js #1860). */
  fitToPagesIgnored?: boolean;
  /** Bytes of settings an add-in may save (2 MB; about 1 MB reported on Windows, office-js #3957). */
  settingsLimit?: number;
}

export function createFakeExcel(sheets: FakeSheetInit[], options: FakeExcelOptions = {}): FakeExcel {
  const model: FakeWorkbookModel = {
    sheets: sheets.map(fakeSheet),
    calculations: 0,
    calculationMode: "Automatic",
    excelApi: options.excelApi ?? LATEST_EXCEL_API,
    listSeparator: options.listSeparator ?? ",",
    mergedAreasOverLimit: options.mergedAreasOverLimit ?? "throw",
    fitToPagesIgnored: options.fitToPagesIgnored ?? false,
    undo: [],
    writes: 0,
    syncs: 0,
  };
  const settings = new FakeSettings(model, options.settingsLimit);
  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1];
    if (typeof batch !== "function")
      throw new TypeError("Excel.run needs a batch function as its last argument.");
    const first = args.length > 1 ? args[0] : undefined;
    const previous =
      first instanceof FakeRequestContext
        ? first
        : first &&
            typeof first === "object" &&
            (first as { context?: unknown }).context instanceof FakeRequestContext
          ? (first as { context: FakeRequestContext }).context
          : undefined;
    const context = previous ?? new FakeRequestContext(model);
    if (!previous && first) context.ctx.options = { ...(first as RunOptions) };
    context.ctx.open = true;
    context.ctx.undoGrouped = false;
    try {
      const out = await (batch as Batch<T>)(context);
      // Excel.run ends with a sync of whatever is still queued.
      if (context.ctx.pending) await context.ctx.sync();
      return out;
    } finally {
      context.ctx.items = [];
      context.ctx.open = false;
    }
  }
  const fake: FakeExcel = {
    model,
    settings,
    run: run,
    get syncs() {
      return model.syncs;
    },
    isSetSupported: (name, version) => name === "ExcelApi" && apiAtLeast(model.excelApi, version),
    async edit(sheet, address, value, source = "Local") {
      const m = model.sheets.find((s) => s.name === sheet);
      if (!m) throw new Error(`no sheet ${sheet}`);
      setValue(m, address, value, false);
      if (source === "Local") model.undo.push(`edit ${sheet}!${address}`);
      await fireChanged(model, {
        worksheetId: m.id,
        address,
        changeType: "RangeEdited",
        source,
        type: "WorksheetChanged",
        ...(apiAtLeast(model.excelApi, "1.14") ? { triggerSource: "Unknown" } : {}),
      });
    },
    beginCellEdit() {
      if (model.cellEdit) return;
      let end = () => undefined as void;
      const ended = new Promise<void>((resolve) => (end = resolve));
      model.cellEdit = { ended, end };
    },
    endCellEdit() {
      const edit = model.cellEdit;
      model.cellEdit = undefined;
      edit?.end();
    },
  };
  return fake;
}

/**
 * A sheet's cells as a plain object (values, formulas, fills, number formats, merges, notes,
 * comments), to compare before/after; not its custom properties, where the add-in records its marks.
 */
export function cellsOf(m: FakeSheetModel): Record<string, unknown> {
  return {
    values: Object.fromEntries(m.values),
    formulas: Object.fromEntries(m.formulas),
    fills: Object.fromEntries(m.fills),
    numberFormats: Object.fromEntries(m.numberFormats),
    merges: [...m.merges],
    notes: Object.fromEntries(m.notes),
    comments: Object.fromEntries(m.comments),
  };
}

/**
 * worksheet.notes (ExcelApi 1.18). As in Excel: adding a note where one exists fails the request,
 * a note goes on one cell (InvalidCellAddress otherwise), a cell with a threaded comment takes no
 * note, a protected sheet refuses changes, and item properties are readable only after load and sync.
 */
class FakeNoteCollection extends FakeCollection<FakeNote> {
  constructor(
    ctx: Ctx,
    private readonly sheetName: string,
    path: string,
  ) {
    super(ctx, path);
  }

  private model(): FakeSheetModel {
    return this.ctx.sheet(this.sheetName);
  }

  add(address: string, content: string): FakeNote {
    const cell = local(address).replace(/\$/g, "");
    this.ctx.queue(
      () => {
        const m = this.model();
        if (!/^[A-Z]{1,3}\d+$/i.test(cell))
          throw new FakeApiError("InvalidCellAddress", `A note goes on one cell, not "${address}".`);
        if (m.protected) throw new FakeApiError("AccessDenied", `The sheet "${m.name}" is protected.`);
        if (m.comments.has(cell))
          throw new FakeApiError(
            "InvalidOperation",
            `Cell ${cell} has a threaded comment: it cannot have a note too.`,
          );
        if (m.notes.has(cell)) throw new FakeApiError("InvalidArgument", `Cell ${cell} already has a note.`);
        m.notes.set(cell, String(content));
      },
      content,
      `${this.path}.add(${str(cell)})`,
    );
    return new FakeNote(this.ctx, this.sheetName, cell, `${this.path}.getItem(${str(cell)})`);
  }

  getItemOrNullObject(address: string): FakeNote {
    const cell = local(address).replace(/\$/g, "");
    const note = new FakeNote(
      this.ctx,
      this.sheetName,
      cell,
      `${this.path}.getItemOrNullObject(${str(cell)})`,
      true,
    );
    this.ctx.load(() => note.resolveNull(), `${note.path}.isNullObject`);
    return note;
  }

  load(props?: string | string[] | { select?: string }): this {
    return this.loadItems(props, (list) =>
      [...this.model().notes.keys()].map((cell) => {
        const n = new FakeNote(this.ctx, this.sheetName, cell, `${this.path}.getItem(${str(cell)})`);
        n.fill(list.length ? list : ["content"]);
        return n;
      }),
    );
  }
}

class FakeNote extends Proxy {
  constructor(
    ctx: Ctx,
    private readonly sheetName: string,
    readonly cell: string,
    path: string,
    protected override readonly nullable = false,
  ) {
    super(ctx, path);
  }

  private model(): FakeSheetModel {
    return this.ctx.sheet(this.sheetName);
  }

  resolveNull(): boolean {
    const missing = !this.model().notes.has(this.cell);
    this.loaded.set("isNullObject", missing);
    return missing;
  }

  fill(props: string[]): void {
    for (const p of props) this.loaded.set(p, this.read(p));
  }

  private read(p: string): unknown {
    if (p === "content") return this.model().notes.get(this.cell);
    throw new FakeApiError("InvalidArgument", `Unknown note property "${p}"`);
  }

  get content(): string {
    return this.get("content");
  }
  set content(text: string) {
    this.keep("content", text);
    this.ctx.queue(
      () => {
        const m = this.model();
        if (m.protected) throw new FakeApiError("AccessDenied", `The sheet "${m.name}" is protected.`);
        if (!m.notes.has(this.cell)) throw new FakeApiError("ItemNotFound", `No note at ${this.cell}.`);
        m.notes.set(this.cell, text);
      },
      text,
      `${this.path}.content`,
    );
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = propList(props);
    this.queueLoad(list.length ? list : ["content"], (p) => {
      if (this.nullable && !this.model().notes.has(this.cell)) return undefined;
      return this.read(p);
    });
    return this;
  }

  delete(): void {
    this.ctx.queue(
      () => {
        const m = this.model();
        if (m.protected) throw new FakeApiError("AccessDenied", `The sheet "${m.name}" is protected.`);
        m.notes.delete(this.cell);
      },
      undefined,
      `${this.path}.delete`,
    );
  }
}

/** worksheet.comments (ExcelApi 1.10): threaded comments; a comment's cell is `getLocation()`. */
class FakeCommentCollection extends FakeCollection<FakeComment> {
  constructor(
    ctx: Ctx,
    private readonly sheetName: string,
    path: string,
  ) {
    super(ctx, path);
  }

  load(props?: string | string[] | { select?: string }): this {
    return this.loadItems(props, (list) =>
      [...this.ctx.sheet(this.sheetName).comments].map(([cell, content], i) => {
        const c = new FakeComment(this.ctx, this.sheetName, cell, `${this.path}.getItemAt(${i})`);
        for (const p of list.length ? list : ["id"])
          c.fill(p, p === "content" ? content : `{comment-${cell}}`);
        return c;
      }),
    );
  }
}

class FakeComment extends Proxy {
  constructor(
    ctx: Ctx,
    private readonly sheetName: string,
    private readonly cell: string,
    path: string,
  ) {
    super(ctx, path);
  }
  fill(p: string, v: unknown): void {
    if (p !== "id" && p !== "content")
      throw new FakeApiError("InvalidArgument", `Unknown comment property "${p}"`);
    this.loaded.set(p, v);
  }
  get id(): string {
    return this.get("id");
  }
  get content(): string {
    return this.get("content");
  }
  getLocation(): FakeRange {
    const cell = this.cell;
    return new FakeRange(this.ctx, this.sheetName, `${this.path}.getLocation()`, () => boxOf(cell));
  }
}

/** worksheet.customProperties (ExcelApi 1.12): keys of at most 255 characters, values saved with the workbook. */
class FakeCustomPropertyCollection extends FakeCollection<FakeCustomProperty> {
  constructor(
    ctx: Ctx,
    private readonly sheetName: string,
    path: string,
  ) {
    super(ctx, path);
  }

  /** Creates the property, or sets it when the key exists. */
  add(key: string, value: string): void {
    this.ctx.queue(
      () => {
        if (key.length > 255)
          throw new FakeApiError("InvalidArgument", "A custom property key is 255 characters at most.");
        const m = this.ctx.sheet(this.sheetName);
        if (m.protected) throw new FakeApiError("AccessDenied", `The sheet "${m.name}" is protected.`);
        const existing = [...m.customProperties.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
        m.customProperties.set(existing ?? key, String(value));
      },
      [key, value],
      `${this.path}.add`,
    );
  }

  load(props?: string | string[] | { select?: string }): this {
    return this.loadItems(props, (list) =>
      [...this.ctx.sheet(this.sheetName).customProperties.keys()].map((key) => {
        const p = new FakeCustomProperty(this.ctx, this.sheetName, key, `${this.path}.getItem(${str(key)})`);
        p.fill(list.length ? list : ["key", "value"]);
        return p;
      }),
    );
  }

  getItemOrNullObject(key: string): FakeCustomProperty {
    const p = new FakeCustomProperty(
      this.ctx,
      this.sheetName,
      key,
      `${this.path}.getItemOrNullObject(${str(key)})`,
    );
    this.ctx.load(() => p.resolveNull(), `${p.path}.isNullObject`);
    return p;
  }
}

class FakeCustomProperty extends Proxy {
  constructor(
    ctx: Ctx,
    private readonly sheetName: string,
    private readonly wanted: string,
    path: string,
  ) {
    super(ctx, path);
  }
  private found(): string | undefined {
    const m = this.ctx.sheet(this.sheetName);
    return [...m.customProperties.keys()].find((k) => k.toLowerCase() === this.wanted.toLowerCase());
  }
  resolveNull(): boolean {
    const missing = this.found() === undefined;
    this.loaded.set("isNullObject", missing);
    return missing;
  }
  fill(props: string[]): void {
    const k = this.found();
    const m = this.ctx.sheet(this.sheetName);
    for (const p of props) {
      if (p === "key") this.loaded.set(p, k);
      else if (p === "value") this.loaded.set(p, k === undefined ? undefined : m.customProperties.get(k));
      else throw new FakeApiError("InvalidArgument", `Unknown custom property "${p}"`);
    }
  }
  override get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get key(): string {
    return this.get("key");
  }
  get value(): string {
    return this.get("value");
  }
  load(props?: string | string[] | { select?: string }): this {
    const list = propList(props);
    this.queueLoad(list.length ? list : ["key", "value"], (p) => {
      const k = this.found();
      if (k === undefined) return undefined;
      if (p === "key") return k;
      if (p === "value") return this.ctx.sheet(this.sheetName).customProperties.get(k);
      throw new FakeApiError("InvalidArgument", `Unknown custom property "${p}"`);
    });
    return this;
  }
  delete(): void {
    this.ctx.queue(
      () => {
        const k = this.found();
        if (k === undefined) throw new FakeApiError("ItemNotFound", `No custom property ${this.wanted}.`);
        this.ctx.sheet(this.sheetName).customProperties.delete(k);
      },
      undefined,
      `${this.path}.delete`,
    );
  }
}
