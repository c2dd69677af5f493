/**
 * A strict fake of the part of the Excel JavaScript API that src/office uses, for adapter tests
 * (jest) and the browser end-to-end harness (no Node imports here).
 *
 * Strict where office-addin-mock is lenient:
 * - reading a property that was not loaded *and* synced throws (PropertyNotLoaded);
 * - writes and method calls are queued and take effect at `context.sync()`, in order;
 * - every sync is counted, and a sync whose request or response would exceed Excel on the web's
 *   5 MB payload limit fails (RequestPayloadSizeLimitExceeded);
 * - a protected sheet refuses formats and values, as Excel does.
 */
/* eslint-disable @typescript-eslint/no-this-alias -- nested property objects (range.format.fill, cf.custom.rule) read their owner proxy, as Office.js objects do */
import { columnName, parseA1, parseRange, toA1 } from "../../src/engine/a1";

export type Scalar = number | string | boolean;

export interface FakeConditionalFormat {
  id: string;
  type: string;
  /** Range addresses (A1, no sheet) the format applies to. */
  ranges: string[];
  formula?: string;
  fill?: string;
  fontColor?: string;
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
}

export interface FakeWorkbookModel {
  sheets: FakeSheetModel[];
  selection?: { sheet: string; address: string };
  activeSheet?: string;
  calculations: number;
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

let nextId = 1;

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

function boxOf(address: string): Box {
  const { start, end } = parseRange(address);
  return { r0: start.row, c0: start.col, r1: end.row, c1: end.col };
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

type Op = () => void;

/** Everything a proxy needs from its context. */
class Ctx {
  readonly ops: { op: Op; bytes: number }[] = [];
  readonly loads: { apply: () => unknown }[] = [];
  syncs = 0;
  constructor(readonly model: FakeWorkbookModel) {}

  queue(op: Op, payload: unknown = null): void {
    this.ops.push({ op, bytes: payload === null ? 64 : JSON.stringify(payload).length + 64 });
  }

  /** A sheet by name (or by id, as worksheets.getItem accepts both). */
  sheet(name: string): FakeSheetModel {
    const s = this.model.sheets.find((x) => x.name === name || x.id === name);
    if (!s) throw new FakeApiError("ItemNotFound", `The worksheet "${name}" does not exist.`);
    return s;
  }

  async sync(): Promise<void> {
    this.syncs++;
    const ops = this.ops.splice(0);
    const loads = this.loads.splice(0);
    const request = ops.reduce((n, o) => n + o.bytes, 0);
    if (request > PAYLOAD_LIMIT)
      throw new FakeApiError("RequestPayloadSizeLimitExceeded", `request of ${request} bytes`);
    for (const o of ops) o.op();
    let response = 0;
    for (const l of loads) response += JSON.stringify(l.apply() ?? null).length;
    if (response > PAYLOAD_LIMIT)
      throw new FakeApiError("RequestPayloadSizeLimitExceeded", `response of ${response} bytes`);
  }
}

/** Base of every proxy: loaded properties are readable only after load + sync. */
class Proxy {
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: Ctx) {}

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeApiError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Load it and call context.sync() first.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  /** Queues a load of `props` ("a,b" or ["a","b"] or { select }) computed by `read` at sync. */
  protected queueLoad(props: string[], read: (prop: string) => unknown): void {
    this.ctx.loads.push({
      apply: () => {
        const out: Record<string, unknown> = {};
        for (const p of props) {
          const v = read(p);
          this.loaded.set(p, v);
          out[p] = v;
        }
        return out;
      },
    });
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

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private readonly ctx: Ctx;
  constructor(model: FakeWorkbookModel) {
    this.ctx = new Ctx(model);
    this.workbook = new FakeWorkbook(this.ctx);
  }
  sync(): Promise<void> {
    return this.ctx.sync();
  }
  get syncCount(): number {
    return this.ctx.syncs;
  }
  /** Proxy-tracking is not needed by the fake; present because the adapter may call it. */
  trackedObjects = { add: () => undefined, remove: () => undefined };
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: { calculate: (type: string) => void };
  constructor(ctx: Ctx) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.application = { calculate: () => ctx.queue(() => void ctx.model.calculations++) };
  }
}

interface ChangedArgs {
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
  type: string;
}

export class FakeEventSource {
  handlers = new Set<(args: ChangedArgs) => Promise<unknown> | void>();
  add(handler: (args: ChangedArgs) => Promise<unknown> | void): { remove: () => void } {
    this.handlers.add(handler);
    // Office.js removes at the next sync of the handler's own context (the host re-enters it);
    // the fake's contexts end with their run, so removal takes effect at once.
    return { remove: () => void this.handlers.delete(handler) };
  }
}

/** Change listeners of every context, so that a test can fire a change made "by the user". */
const changeSources = new WeakMap<FakeWorkbookModel, Set<FakeEventSource>>();

class FakeWorksheetCollection extends Proxy {
  readonly onChanged: FakeEventSource;
  constructor(ctx: Ctx) {
    super(ctx);
    this.onChanged = new FakeEventSource();
    let set = changeSources.get(ctx.model);
    if (!set) changeSources.set(ctx.model, (set = new Set()));
    set.add(this.onChanged);
  }

  get items(): FakeWorksheet[] {
    return this.get("items");
  }

  load(props?: string | string[] | { select?: string }): this {
    // "items/name,items/visibility,items/protection/protected"
    const sub = propList(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.loads.push({
      apply: () => {
        const items = this.ctx.model.sheets.map((s) => {
          const ws = new FakeWorksheet(this.ctx, s.name);
          ws.fill(sub.length ? sub : ["name", "id"]);
          return ws;
        });
        this.loaded.set("items", items);
        return items.map((i) => i.snapshot());
      },
    });
    return this;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, name, true);
    this.ctx.loads.push({ apply: () => ws.resolveNull() });
    return ws;
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.ctx.model.activeSheet ?? this.ctx.model.sheets[0]?.name ?? "");
  }

  add(name: string): FakeWorksheet {
    this.ctx.queue(() => {
      if (this.ctx.model.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeApiError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
      }
      this.ctx.model.sheets.push(fakeSheet({ name }));
    }, name);
    return new FakeWorksheet(this.ctx, name);
  }
}

class FakeWorksheet extends Proxy {
  readonly protection: { protected: boolean };
  readonly notes: FakeNoteCollection;
  private nullable: boolean;
  constructor(
    ctx: Ctx,
    readonly sheetName: string,
    nullable = false,
  ) {
    super(ctx);
    this.nullable = nullable;
    this.notes = new FakeNoteCollection(ctx, sheetName);
    const self = this;
    this.protection = {
      get protected(): boolean {
        return self.get<boolean>("protection/protected");
      },
    };
  }

  private model(): FakeSheetModel {
    return this.ctx.sheet(this.sheetName);
  }

  /** Fills loaded properties now (used when a collection load is applied). */
  fill(props: string[]): void {
    const m = this.model();
    for (const p of props) this.loaded.set(p, this.read(m, p));
  }

  snapshot(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
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

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this.get("isNullObject");
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
    this.queueLoad(list.length ? list : ["name", "id"], (p) => this.read(this.model(), p));
    return this;
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, () =>
      address ? boxOf(local(address)) : { r0: 0, c0: 0, r1: 1048575, c1: 16383 },
    );
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, () => ({
      r0: row,
      c0: col,
      r1: row + rows - 1,
      c1: col + cols - 1,
    }));
  }

  getRanges(addresses: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.sheetName, () =>
      addresses
        .split(",")
        .map((a) => a.trim())
        .filter(Boolean)
        .map((a) => local(a)),
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      this.sheetName,
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

  activate(): void {
    this.ctx.queue(() => {
      this.ctx.model.activeSheet = this.model().name;
    });
  }

  get pageLayout(): Record<string, unknown> {
    return recorder(this.ctx, this.sheetName, () => "", ["pageLayout"]) as Record<string, unknown>;
  }

  get freezePanes(): Record<string, unknown> {
    return recorder(this.ctx, this.sheetName, () => "", ["freezePanes"]) as Record<string, unknown>;
  }

  set visibility(v: string) {
    this.ctx.queue(() => {
      this.model().visibility = v as FakeSheetModel["visibility"];
    }, v);
  }
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
    private readonly resolve: () => Box | null,
    private readonly nullable = false,
  ) {
    super(ctx);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, sheetName, () => {
      const b = this.box();
      return b ? [boxAddress(b)] : [];
    });
    const where = () => {
      const b = this.box();
      return b ? boxAddress(b) : "";
    };
    this.format = recorder(ctx, sheetName, where, ["format"], formatEffects) as FakeRange["format"];
    this.dataValidation = recorder(ctx, sheetName, where, ["dataValidation"]) as Record<string, unknown>;
    if (nullable) ctx.loads.push({ apply: () => this.loaded.set("isNullObject", this.resolve() === null) });
  }

  private box(): Box | null {
    return this.resolve();
  }

  private model(): FakeSheetModel {
    return this.ctx.sheet(this.sheetName);
  }

  get isNullObject(): boolean {
    return this.nullable ? this.get("isNullObject") : false;
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
    this.write((m, b) => grid(b, v, (a, x) => setValue(m, a, x, false)), v);
  }
  get formulas(): Scalar[][] {
    return this.get("formulas");
  }
  set formulas(v: Scalar[][]) {
    this.write((m, b) => grid(b, v, (a, x) => setValue(m, a, x, true)), v);
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.write((m, b) => grid(b, v, (a, x) => m.numberFormats.set(a, String(x))), v);
  }

  private write(apply: (m: FakeSheetModel, b: Box) => void, payload: unknown): void {
    this.ctx.queue(() => {
      const m = this.model();
      if (m.protected) throw new FakeApiError("AccessDenied", `The sheet "${m.name}" is protected.`);
      const b = this.box();
      if (b) apply(m, b);
    }, payload);
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
    this.write((m, b) => {
      const a = boxAddress(b);
      if (!m.merges.includes(a)) m.merges.push(a);
    }, across);
  }

  set hyperlink(h: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.write((m, b) => m.hyperlinks.set(toA1(b.r0, b.c0), { ...h }), h);
  }

  select(): void {
    this.ctx.queue(() => {
      const b = this.box();
      if (b) this.ctx.model.selection = { sheet: this.sheetName, address: boxAddress(b) };
      this.ctx.model.activeSheet = this.sheetName;
    });
  }

  /** Excel fails the request when the range has more than 512 merged areas. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(
      this.ctx,
      this.sheetName,
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
  effect?: Effect,
): unknown {
  const target = function () {
    /* callable, so that methods can be recorded */
  };
  return new globalThis.Proxy(target, {
    get(_t, prop) {
      if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return undefined;
      return recorder(ctx, sheetName, address, [...path, prop], effect);
    },
    set(_t, prop, value) {
      const p = [...path, String(prop)].join(".");
      ctx.queue(() => {
        const m = ctx.sheet(sheetName);
        if (m.protected) throw new FakeApiError("AccessDenied", `The sheet "${m.name}" is protected.`);
        m.formatOps.push({ address: address(), path: p, value });
        effect?.(m, address(), p, value);
      }, value);
      return true;
    },
    apply(_t, _this, args: unknown[]) {
      const called = [
        ...path.slice(0, -1),
        `${path.at(-1) ?? ""}(${args.map((a) => JSON.stringify(a)).join(",")})`,
      ];
      ctx.queue(() => {
        const m = ctx.sheet(sheetName);
        m.formatOps.push({ address: address(), path: called.join("."), value: args });
      }, args);
      return recorder(ctx, sheetName, address, called, effect);
    },
  });
}

/** What the fake models of format writes: fills and bold, to compare cells before and after. */
const formatEffects: Effect = (m, address, path, value) => {
  if (!address) return;
  for (const a of address.split(",").map((x) => x.trim())) {
    const box = boxOf(a);
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
    private readonly resolve: () => string[],
    private readonly nullable = false,
    private readonly maxAreas = Infinity,
  ) {
    super(ctx);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, sheetName, () => this.resolve());
    this.format = recorder(
      ctx,
      sheetName,
      () => this.resolve().join(","),
      ["format"],
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
      ctx.loads.push({ apply: () => this.loaded.set("isNullObject", this.areasOrFail().length === 0) });
  }

  private areasOrFail(): string[] {
    const list = this.resolve();
    if (list.length > this.maxAreas)
      throw new FakeApiError("InvalidOperation", `More than ${this.maxAreas} merged areas in the range.`);
    return list;
  }

  /** Selects every area (ExcelApi 1.18). */
  select(): void {
    this.ctx.queue(() => {
      this.ctx.model.selection = {
        sheet: this.ctx.sheet(this.sheetName).name,
        address: this.resolve().join(","),
      };
      this.ctx.model.activeSheet = this.ctx.sheet(this.sheetName).name;
    });
  }

  get isNullObject(): boolean {
    return this.nullable ? this.get("isNullObject") : false;
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
      const list2 = this.areasOrFail();
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
          const r = new FakeRange(this.ctx, this.sheetName, () => boxOf(a));
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

class FakeConditionalFormatCollection extends Proxy {
  constructor(
    ctx: Ctx,
    readonly sheetName: string,
    private readonly ranges: () => string[],
  ) {
    super(ctx);
  }

  get items(): FakeConditionalFormat_[] {
    return this.get("items");
  }

  add(type: string): FakeConditionalFormat_ {
    const cf = new FakeConditionalFormat_(this.ctx, this.sheetName);
    this.ctx.queue(() => {
      const m = this.ctx.sheet(this.sheetName);
      if (m.protected) throw new FakeApiError("AccessDenied", `The sheet "${m.name}" is protected.`);
      const model: FakeConditionalFormat = { id: `{cf-${nextId++}}`, type, ranges: this.ranges() };
      m.conditionalFormats.push(model);
      cf.bind(model);
    }, type);
    return cf;
  }

  load(props?: string | string[] | { select?: string }): this {
    const sub = propList(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.loads.push({
      apply: () => {
        const m = this.ctx.sheet(this.sheetName);
        const mine = this.ranges().map(boxOf);
        const items = m.conditionalFormats
          .filter((cf) => cf.ranges.some((a) => mine.some((b) => overlaps(boxOf(a), b))))
          .map((model) => {
            const cf = new FakeConditionalFormat_(this.ctx, this.sheetName);
            cf.bind(model);
            cf.fill(sub.length ? sub : ["id", "type"]);
            return cf;
          });
        this.loaded.set("items", items);
        return items.map((i) => i.snapshot());
      },
    });
    return this;
  }

  clearAll(): void {
    this.ctx.queue(() => {
      const m = this.ctx.sheet(this.sheetName);
      const mine = this.ranges().map(boxOf);
      m.conditionalFormats = m.conditionalFormats.filter(
        (cf) => !cf.ranges.some((a) => mine.some((b) => overlaps(boxOf(a), b))),
      );
    });
  }
}

function overlaps(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && a.r1 >= b.r0 && a.c0 <= b.c1 && a.c1 >= b.c0;
}

/** A conditional format proxy; `custom.rule.formula` and `custom.format.fill.color` as in Office.js. */
class FakeConditionalFormat_ extends Proxy {
  private model?: FakeConditionalFormat;
  readonly custom: {
    rule: { formula: string; load: (p?: string) => void };
    format: { fill: { color: string }; font: { color: string } };
  };
  constructor(
    ctx: Ctx,
    readonly sheetName: string,
  ) {
    super(ctx);
    const self = this;
    const set = (f: (m: FakeConditionalFormat) => void, payload: unknown) =>
      ctx.queue(() => {
        if (!self.model) throw new FakeApiError("InvalidOperation", "Conditional format not created.");
        f(self.model);
      }, payload);
    this.custom = {
      rule: {
        load: (_p?: string) => {
          ctx.loads.push({ apply: () => self.fill(["custom/rule/formula"]) });
        },
        get formula(): string {
          return self.get("custom/rule/formula");
        },
        set formula(f: string) {
          set((m) => (m.formula = f), f);
        },
      },
      format: {
        fill: {
          get color(): string {
            return self.get("custom/format/fill/color");
          },
          set color(c: string) {
            set((m) => (m.fill = c), c);
          },
        },
        font: {
          get color(): string {
            return self.get("custom/format/font/color");
          },
          set color(c: string) {
            set((m) => (m.fontColor = c), c);
          },
        },
      },
    };
  }

  bind(model: FakeConditionalFormat): void {
    this.model = model;
  }

  fill(props: string[]): void {
    const m = this.model as FakeConditionalFormat;
    for (const p of props) {
      const v =
        p === "id"
          ? m.id
          : p === "type"
            ? m.type
            : p === "custom/rule/formula" || p === "customOrNullObject/rule/formula"
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
  }

  snapshot(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
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

  /** The ranges the format applies to (ExcelApi 1.9). */
  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.sheetName, () => [...(this.model?.ranges ?? [])]);
  }

  delete(): void {
    this.ctx.queue(() => {
      const m = this.ctx.sheet(this.sheetName);
      m.conditionalFormats = m.conditionalFormats.filter((cf) => cf !== this.model);
    });
  }
}

/** Office's document settings (persisted with the workbook). */
export class FakeSettings {
  readonly saved = new Map<string, unknown>();
  private readonly pending = new Map<string, unknown>();
  saves = 0;
  get(name: string): unknown {
    return this.pending.has(name) ? this.pending.get(name) : null;
  }
  set(name: string, value: unknown): void {
    this.pending.set(name, JSON.parse(JSON.stringify(value)));
  }
  remove(name: string): void {
    this.pending.delete(name);
  }
  saveAsync(callback?: (r: { status: string }) => void): void {
    this.saves++;
    this.saved.clear();
    for (const [k, v] of this.pending) this.saved.set(k, v);
    callback?.({ status: "succeeded" });
  }
}

export interface FakeExcel {
  model: FakeWorkbookModel;
  settings: FakeSettings;
  /** Excel.run: a new context per batch, as in Office.js. */
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  /** Syncs over all runs so far. */
  readonly syncs: number;
  /** Requirement sets this host claims (default ExcelApi up to 1.17). */
  supported: { ExcelApi: number };
  /** A user edit (or a co-author's, source "Remote"): sets the cell and fires worksheets.onChanged handlers. */
  edit(sheet: string, address: string, value: Scalar, source?: "Local" | "Remote"): Promise<void>;
}

export function createFakeExcel(sheets: FakeSheetInit[], options: { excelApi?: number } = {}): FakeExcel {
  const model: FakeWorkbookModel = { sheets: sheets.map(fakeSheet), calculations: 0 };
  let syncs = 0;
  const settings = new FakeSettings();
  const fake: FakeExcel = {
    model,
    settings,
    supported: { ExcelApi: options.excelApi ?? 1.17 },
    get syncs() {
      return syncs;
    },
    async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
      const context = new FakeRequestContext(model);
      try {
        const out = await batch(context);
        return out;
      } finally {
        syncs += context.syncCount;
      }
    },
    async edit(sheet, address, value, source = "Local") {
      const m = model.sheets.find((s) => s.name === sheet);
      if (!m) throw new Error(`no sheet ${sheet}`);
      setValue(m, address, value, false);
      for (const src of changeSources.get(model) ?? []) {
        for (const h of src.handlers) {
          await h({
            worksheetId: m.id,
            address,
            changeType: "RangeEdited",
            source,
            type: "WorksheetChanged",
          });
        }
      }
    },
  };
  return fake;
}

/** A sheet's cells as a plain object (values, formulas, fills, number formats), to compare before/after. */
export function cellsOf(m: FakeSheetModel): Record<string, unknown> {
  return {
    values: Object.fromEntries(m.values),
    formulas: Object.fromEntries(m.formulas),
    fills: Object.fromEntries(m.fills),
    numberFormats: Object.fromEntries(m.numberFormats),
    merges: [...m.merges],
    notes: Object.fromEntries(m.notes),
  };
}

/**
 * worksheet.notes (ExcelApi 1.18). As in Excel: adding a note where one exists fails the request,
 * a protected sheet refuses changes, and item properties are readable only after load and sync.
 */
class FakeNoteCollection extends Proxy {
  constructor(
    ctx: Ctx,
    private readonly sheetName: string,
  ) {
    super(ctx);
  }

  private model(): FakeSheetModel {
    return this.ctx.sheet(this.sheetName);
  }

  get items(): FakeNote[] {
    return this.get("items");
  }

  add(address: string, content: string): FakeNote {
    const cell = local(address).replace(/\$/g, "");
    this.ctx.queue(() => {
      const m = this.model();
      if (m.protected) throw new FakeApiError("AccessDenied", `The sheet "${m.name}" is protected.`);
      if (m.notes.has(cell)) throw new FakeApiError("InvalidArgument", `Cell ${cell} already has a note.`);
      m.notes.set(cell, String(content));
    }, content);
    return new FakeNote(this.ctx, this.sheetName, cell);
  }

  getItemOrNullObject(address: string): FakeNote {
    const note = new FakeNote(this.ctx, this.sheetName, local(address).replace(/\$/g, ""), true);
    this.ctx.loads.push({ apply: () => note.resolveNull() });
    return note;
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = propList(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.loads.push({
      apply: () => {
        const items = [...this.model().notes.keys()].map((cell) => {
          const n = new FakeNote(this.ctx, this.sheetName, cell);
          n.fill(list.length ? list : ["content"]);
          return n;
        });
        this.loaded.set("items", items);
        return items.length;
      },
    });
    return this;
  }
}

class FakeNote extends Proxy {
  constructor(
    ctx: Ctx,
    private readonly sheetName: string,
    readonly cell: string,
    private readonly nullable = false,
  ) {
    super(ctx);
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

  get isNullObject(): boolean {
    return this.nullable ? this.get("isNullObject") : false;
  }
  get content(): string {
    return this.get("content");
  }
  set content(text: string) {
    this.ctx.queue(() => {
      const m = this.model();
      if (m.protected) throw new FakeApiError("AccessDenied", `The sheet "${m.name}" is protected.`);
      if (!m.notes.has(this.cell)) throw new FakeApiError("ItemNotFound", `No note at ${this.cell}.`);
      m.notes.set(this.cell, text);
    }, text);
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
    this.ctx.queue(() => {
      const m = this.model();
      if (m.protected) throw new FakeApiError("AccessDenied", `The sheet "${m.name}" is protected.`);
      m.notes.delete(this.cell);
    });
  }
}
