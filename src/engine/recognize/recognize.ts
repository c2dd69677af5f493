/**
 * Sheet recognition by content: title lines (Phụ lục N, year), unit line, one- or two-row
 * headers with merged cells, column roles in any order, item / sub / section / total rows.
 * Never by sheet name or fixed position (the sheet name is only a last resort for the year).
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import type { Rulebook } from "../rulebook/schema";
import { LruCache } from "../cache";
import { isBlankNumber, readCellNumber } from "../numbers/parse";
import { statedScale } from "../numbers/units";
import { both, scaleName, type Phrase } from "../i18n";
import { fold } from "../text/normalize";
import { createMatcher, type Matcher } from "../text/match";
import { TonePattern, type ToneTable } from "../text/tone";
import { Grid } from "./grid";
import { findHeader, levelLookup, roleOf, type HeaderReading } from "./headers";
import { readPeople } from "./people";
import { isTotalLabel, wordsAfterLabel } from "./labels";
import { readCountParts, readLevelList } from "./quantity";
import {
  type CourseMatch,
  type NumberCell,
  type RecognizedTable,
  type RecognizedWorkbook,
  type RecognitionOverride,
  type RowKind,
  type SkippedSheet,
  type TableKind,
  type TableRow,
  type TextCell,
  type UnreadableSheet,
  type UnreadColumn,
  type ValueColumn,
} from "./model";

/** Everything recognition derives from a rulebook once, shared by all sheets. */
export class RecognitionContext {
  /** Level names (with their tone marks) → level id. */
  readonly levels: ToneTable<string>;
  readonly courses: Matcher<string>;
  /** Folded level names for reading a level out of a title ("SỐ LƯỢNG CBQL, GV MẦM NON"). */
  readonly levelWords: [string, string][];

  /** Course matches by label (null: no course), shared by every sheet of every check. */
  readonly matches = new LruCache<string, CourseMatch | null>(20_000);

  constructor(readonly rulebook: Rulebook) {
    this.levels = levelLookup(rulebook);
    this.courses = createMatcher(
      rulebook.courses.map((c) => ({ key: c.id, names: [c.name, ...c.aliases] })),
      { threshold: 0.72 },
    );
    this.levelWords = rulebook.levels
      .flatMap((l) =>
        [l.name, ...l.aliases.filter((a) => a.length > 4)].map((n) => [fold(n), l.id] as [string, string]),
      )
      .sort((a, b) => b[0].length - a[0].length);
  }
}

const contexts = new WeakMap<Rulebook, RecognitionContext>();

/** Sheets the checker itself writes: the results sheet (in either language) and the templates' lookup sheet. */
const OWN_SHEET = /^(Kết quả kiểm tra|Check results|Bảng tuổi nghỉ hưu)( \(\d+\))?$/;

export function recognitionContext(rulebook: Rulebook): RecognitionContext {
  let ctx = contexts.get(rulebook);
  if (!ctx) {
    ctx = new RecognitionContext(rulebook);
    contexts.set(rulebook, ctx);
  }
  return ctx;
}

export function recognizeWorkbook(
  snapshot: WorkbookSnapshot,
  rulebook: Rulebook,
  overrides: Readonly<Record<string, RecognitionOverride>> = {},
): RecognizedWorkbook {
  const ctx = recognitionContext(rulebook);
  const out: RecognizedWorkbook = { tables: [], skipped: [], sheetOrder: snapshot.sheets.map((s) => s.name) };
  for (const sheet of snapshot.sheets) {
    const o = Object.hasOwn(overrides, sheet.name) ? overrides[sheet.name] : undefined;
    if (o?.kind === "ignore") {
      out.skipped.push({ sheet: sheet.name, reason: { id: "sheet.ignored" } });
      continue;
    }
    const r = recognizeSheet(sheet, ctx, o);
    if ("table" in r) out.tables.push(r.table);
    else {
      const skipped: SkippedSheet = { sheet: sheet.name, reason: r.reason };
      if (r.unreadable) skipped.unreadable = r.unreadable;
      out.skipped.push(skipped);
    }
  }
  return out;
}

export type SheetRecognition = { table: RecognizedTable } | { reason: Phrase; unreadable?: UnreadableSheet };

export function recognizeSheet(
  sheet: SheetSnapshot,
  ctx: RecognitionContext,
  override?: RecognitionOverride,
): SheetRecognition {
  let grid: Grid;
  try {
    grid = new Grid(sheet);
  } catch (e) {
    return { reason: { id: "sheet.unreadable", data: { reason: (e as Error).message } } };
  }
  if (grid.rowCount === 0 || grid.colCount === 0) return { reason: { id: "sheet.empty" } };
  const own = OWN_SHEET.test(sheet.name);
  const header = findHeader(grid, ctx.levels);
  if (!header) {
    // The report already says "Không nhận ra"; the reason says what was missing.
    if (own) return { reason: { id: "sheet.ours" } };
    const reason: Phrase = { id: "sheet.noHeader" };
    const evidence = appendixEvidence(grid);
    return evidence
      ? { reason, unreadable: unreadable(sheet.name, grid, evidence, "header", []) }
      : { reason };
  }
  const titleLines = readTitleLines(grid, header.rows[0]);
  const title = titleLines.map((l) => l.text).join(" — ");
  const kind = override?.kind && override.kind !== "ignore" ? override.kind : decideKind(header, titleLines);
  if (!kind) {
    const reason: Phrase = { id: "sheet.noKind" };
    const evidence = own ? undefined : appendixEvidence(grid);
    const found = [...header.texts.entries()].filter(([c]) => !header.other.includes(c)).map(([, t]) => t);
    return evidence
      ? { reason, unreadable: unreadable(sheet.name, grid, evidence, "kind", found) }
      : { reason };
  }
  const scale =
    override?.scale !== undefined
      ? { scale: override.scale, source: "người dùng chọn" }
      : readScale(titleLines, header, ctx.rulebook);
  const table: RecognizedTable = {
    sheet: sheet.name,
    kind,
    appendix: readAppendix(titleLines),
    year: override?.year ?? readYear(titleLines, sheet.name, ctx.rulebook),
    title,
    scale: scale.scale,
    scaleSource: scale.source,
    headerRows: header.rows,
    columns: header.columns,
    valueColumns: [],
    rows: [],
  };
  if (kind === "registration") {
    table.valueColumns = registrationColumns(header, title, ctx);
    delete table.columns.quantity;
  } else if (Object.keys(table.columns.levels).length > 0) delete table.columns.quantity;
  if (kind === "summary" && table.columns.amount === undefined) {
    const c = header.other[0];
    if (c !== undefined) table.columns.amount = c;
  }
  if (override && Object.keys(override).length > 0) table.overridden = { ...override };
  if (kind === "person-list") readPeople(grid, table, header, ctx);
  else readRows(grid, table, header, ctx);
  const unread = unreadColumns(grid, table, header);
  if (unread.length > 0) table.unreadColumns = unread;
  return { table };
}

interface TitleLine {
  r: number;
  text: string;
  folded: string;
}

function readTitleLines(grid: Grid, headerRow: number): TitleLine[] {
  const lines: TitleLine[] = [];
  for (let r = grid.firstRow; r < headerRow; r++) {
    const text = grid.rowText(r);
    if (text) lines.push({ r, text, folded: fold(text) });
  }
  return lines;
}

const romans: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function romanToInt(s: string): number | undefined {
  let total = 0;
  let prev = 0;
  for (const ch of s.toLowerCase().split("").reverse()) {
    const v = romans[ch];
    if (!v) return undefined;
    total += v < prev ? -v : v;
    prev = Math.max(prev, v);
  }
  return total || undefined;
}

function readAppendix(lines: TitleLine[]): number | undefined {
  for (const l of lines) {
    const m = /\bphu luc (?:so )?(\d{1,3}|[ivxlc]{1,6})\b/.exec(l.folded);
    if (m) return /^\d+$/.test(m[1]) ? Number(m[1]) : romanToInt(m[1]);
  }
  return undefined;
}

/** A line that cites the plan document ("Kèm theo Kế hoạch số … năm 2025") names no table year. */
const citation = /\b(kem theo|ban hanh kem|ke hoach so|quyet dinh so|cong van so)\b/;

function readYear(lines: TitleLine[], sheetName: string, rulebook: Rulebook): number | undefined {
  for (const l of lines) {
    if (citation.test(l.folded)) continue;
    const m = /\bnam (?:hoc )?(20\d\d|19\d\d)\b/.exec(l.folded);
    if (m) return Number(m[1]);
  }
  const fromName = /(?:^|\D)(20\d\d)(?:\D|$)/.exec(sheetName);
  if (fromName) return Number(fromName[1]);
  return rulebook.years.length === 1 ? rulebook.years[0] : undefined;
}

/** "Đơn vị tính: triệu đồng", "ĐVT: 1.000 đồng", "Đơn vị: đồng": the stated unit, up to a ")" or a line's end. */
const UNIT_LINE =
  /(?<![\p{L}\p{N}])(?:đơn vị tính|đơn vị|đvt|don vi tinh|don vi|dvt)\s*(?:là\s*|la\s*)?[:：]?\s*([^)\n;]{1,30})/iu;

/** "(triệu đồng)", "(tr.đ)" in a header such as "Thành tiền (triệu đồng)". */
function unitInParentheses(text: string): number | undefined {
  // Only up to the last ")": a "(" after it closes nothing, and the pattern scanned from each one
  // to the end of the text (quadratic: seconds on a cell of "((((…").
  const closed = text.slice(0, text.lastIndexOf(")") + 1);
  if (!closed.includes("(")) return undefined;
  for (const m of closed.matchAll(/\(([^)]*)\)/g)) {
    const scale = statedScale(m[1].replace(/^\s*(?:đvt|đơn vị tính|đơn vị)\s*[:：]?\s*/iu, ""));
    if (scale !== undefined) return scale;
  }
  return undefined;
}

/** unitOfLine's readings by text: titles and headers repeat on every sheet and every re-check. */
const unitsOfLines = new LruCache<string, number | null>(2_000);

/** The scale a unit line states (the one table of unit words: numbers/units.ts). */
function unitOfLine(text: string, folded: string): number | undefined {
  return unitsOfLines.getOr(text, () => readUnitOfLine(text, folded) ?? null) ?? undefined;
}

function readUnitOfLine(text: string, folded: string): number | undefined {
  const m = folded.includes("don vi") || folded.includes("dvt") ? UNIT_LINE.exec(text) : null;
  if (m) {
    // "triệu đồng", "1.000 đồng", "đồng/người": the longest leading words that name a unit.
    const words = m[1].trim().split(/\s+/);
    for (let n = Math.min(words.length, 4); n >= 1; n--) {
      const scale = statedScale(words.slice(0, n).join(" "));
      if (scale !== undefined) return scale;
    }
  }
  return unitInParentheses(text);
}

function readScale(
  lines: TitleLine[],
  header: HeaderReading,
  rulebook: Rulebook,
): { scale: number; source: string } {
  const candidates = [...lines];
  // The unit is sometimes written in the header ("Thành tiền (triệu đồng)").
  for (const [c, t] of header.texts)
    if (c === header.columns.amount || c === header.columns.unitPrice)
      candidates.push({ r: header.rows[0], text: t, folded: fold(t) });
  for (const l of candidates) {
    const scale = unitOfLine(l.text, l.folded);
    if (scale !== undefined) return { scale, source: `"${l.text}" (dòng ${l.r + 1})` };
  }
  return {
    scale: rulebook.defaultScale,
    source: `không ghi đơn vị tính: lấy mặc định của sổ quy tắc (${scaleName(rulebook.defaultScale, "vi")})`,
  };
}

function decideKind(header: HeaderReading, lines: TitleLine[]): TableKind | undefined {
  const c = header.columns;
  const nLevels = Object.keys(c.levels).length;
  const titled = lines.map((l) => l.folded).join(" ");
  const money = c.amount !== undefined || c.unitPrice !== undefined;
  const duties = c.form !== undefined || c.lead !== undefined || c.partner !== undefined;
  if (c.person !== undefined) return "person-list";
  if (nLevels > 0 && money) return "cost";
  if (nLevels > 0 && duties) return "task";
  if (nLevels > 0 && c.content !== undefined) return /\bkinh phi\b/.test(titled) ? "cost" : "task";
  if (c.unit !== undefined && header.other.length > 0) return "registration";
  if (c.year !== undefined && (c.amount !== undefined || header.other.length > 0)) return "summary";
  if (c.content !== undefined && c.amount !== undefined && /\btong hop\b/.test(titled)) return "summary";
  // Levels in a "Cấp học" column and head-counts in one "Số lượng" column (seed 000).
  const textCounts = c.levelList !== undefined || c.quantity !== undefined;
  if (c.content !== undefined && textCounts && money) return "cost";
  if (c.content !== undefined && textCounts && duties) return "task";
  if (c.content !== undefined && textCounts) return /\bkinh phi\b/.test(titled) ? "cost" : "task";
  // Phân công thực hiện: duties with their lead and partner units, no figures (seed 002).
  if (c.content !== undefined && (c.lead !== undefined || c.partner !== undefined)) return "assignment";
  return undefined;
}

/** Title words of an appendix (tone-aware), at the start of a line of the sheet's top rows. */
const APPENDIX_TITLE = new TonePattern(
  "^(phụ lục|kinh phí|dự toán|danh sách|tổng hợp (kinh phí|các nội dung|số lượng|danh sách)|bảng tổng hợp|số lượng)\\b",
);
const TT_HEADER = /^(s ?tt|tt|so tt|so thu tu)$/;

/** What makes a sheet look like an appendix: a title of one, or a TT/STT header cell. */
function appendixEvidence(grid: Grid): TextCell | undefined {
  const last = Math.min(grid.rowCount, grid.firstRow + 40);
  for (let r = grid.firstRow; r < last; r++) {
    for (let c = grid.firstCol; c < Math.min(grid.colCount, grid.firstCol + 30); c++) {
      const t = grid.text(r, c);
      if (!t || t.length > 300) continue;
      // A TT/STT cell counts as a header when the row has another heading beside it.
      const tt = TT_HEADER.test(fold(t)) && grid.rowText(r) !== t;
      if (APPENDIX_TITLE.test(t) || /\bkinh phi\b/.test(fold(t)) || tt)
        return { text: t.length > 80 ? `${t.slice(0, 77)}…` : t, cell: grid.a1(r, c) };
    }
  }
  return undefined;
}

function unreadable(
  sheet: string,
  grid: Grid,
  evidence: TextCell,
  missing: UnreadableSheet["missing"],
  found: string[],
): UnreadableSheet {
  const titleYear = readTitleLines(grid, Math.min(grid.rowCount, grid.firstRow + 8))
    .map((l) => (citation.test(l.folded) ? null : /\bnam (?:hoc )?(20\d\d)\b/.exec(l.folded)))
    .find((m) => m);
  return {
    sheet,
    kind: "unreadable",
    ...(titleYear ? { year: Number(titleYear[1]) } : {}),
    evidence,
    missing,
    found,
  };
}

/**
 * Figure columns that are neither head-counts nor money ("Số trường", "Số tín chỉ"), or the row's
 * own total ("Tổng số", "Cộng"): read as nothing, rightly.
 */
const AUX_HEADER = new TonePattern(
  "^(số trường|số lớp|số tín chỉ|số tiết|số ngày|số buổi|số mô đun|số module|thời lượng|tổng số|tổng cộng|tổng|cộng|năm)\\b",
);

/**
 * Header cells over numbers among a task or cost table's figure columns (from just before the
 * first of them to the last) that were not read as a level, a price or an amount: "Mầm non (xyz)",
 * "Mức chi hỗ trợ", a second "Mẫu giáo". Nothing unrecognised passes: the unreadable-table rule
 * names each one, and the row arithmetic is not fixed without it.
 */
function unreadColumns(grid: Grid, table: RecognizedTable, header: HeaderReading): UnreadColumn[] {
  if (table.kind !== "cost" && table.kind !== "task") return [];
  const c = table.columns;
  const levelCols = Object.values(c.levels);
  const figures = [...levelCols, c.quantity, c.unitPrice, c.amount].filter((x) => x !== undefined);
  if (figures.length === 0) return [];
  const lo = Math.min(...figures) - 1;
  const hi = Math.max(...figures);
  const lastLevel = levelCols.length > 0 ? Math.max(...levelCols) : lo;
  const candidates = [...header.other, ...header.repeated.keys()].filter(
    (col) => col >= lo && col <= hi && col !== c.quantity,
  );
  const out: UnreadColumn[] = [];
  for (const col of candidates.sort((a, b) => a - b)) {
    const text = header.texts.get(col) ?? "";
    if (!header.repeated.has(col) && (AUX_HEADER.test(text) || roleOf(text) === "quantity")) continue;
    const overNumbers = table.rows.some((row) => readCellNumber(grid.value(row.r, col)).kind === "number");
    if (!overNumbers) continue;
    const r = [...header.rows].reverse().find((hr) => grid.text(hr, col)) ?? header.rows[0];
    const u: UnreadColumn = { col, header: { text: grid.text(r, col) || text, cell: grid.a1(r, col) } };
    const level = header.repeated.get(col);
    if (level !== undefined) u.repeats = level;
    else if (table.kind === "cost" && c.unitPrice === undefined && col > lastLevel) u.maybePrice = true;
    out.push(u);
  }
  return out;
}

function registrationColumns(header: HeaderReading, title: string, ctx: RecognitionContext): ValueColumn[] {
  const titleLevel = levelInText(fold(title), ctx);
  const titleCourse = ctx.courses.match(title);
  return header.other
    .filter((c) => c !== header.columns.tt && c !== header.columns.unit && c !== header.columns.note)
    .map((col, i) => {
      const text = header.texts.get(col) ?? "";
      const m = ctx.courses.match(text);
      const generic = /^(so luong|tong so|so nguoi)/.test(fold(text));
      const courseId = m?.key ?? (generic || header.other.length === 1 ? titleCourse?.key : undefined);
      return {
        key: `c${i + 1}`,
        col,
        header: text,
        courseId,
        level: levelInText(fold(text), ctx) ?? titleLevel,
      };
    });
}

function levelInText(folded: string, ctx: RecognitionContext): string | undefined {
  for (const [word, id] of ctx.levelWords) if (new RegExp(`\\b${word}\\b`).test(folded)) return id;
  return undefined;
}

const sectionTT = /^([IVXLC]+|[A-Z])[.)]?$/;
const subLabel = /^[-–—+•]\s*/;

function isNumberingRow(grid: Grid, r: number): boolean {
  let n = 0;
  let prev = 0;
  for (let c = grid.firstCol; c < grid.colCount; c++) {
    const t = grid.text(r, c);
    if (!t) continue;
    const m = /^\(?(\d{1,2})\)?$/.exec(t);
    if (m) {
      const v = Number(m[1]);
      if (prev && v !== prev + 1) return false;
      prev = v;
    } else if (!/^\(?[A-Z]\)?$/.test(t) && !/^\(\d+\)\s*=/.test(t)) return false;
    n++;
  }
  return n >= 3;
}

const TEXT_ROLES = ["note", "form", "lead", "partner", "time", "product"] as const;

function readRows(grid: Grid, table: RecognizedTable, header: HeaderReading, ctx: RecognitionContext): void {
  const cols = table.columns;
  // Level columns as pairs, and every number column, made once per table with plain loops
  // (cols.levels is a null-prototype record: Object.entries/values on it cost more than the rows).
  const levelColumns: [string, number][] = [];
  const numericCols: number[] = [];
  for (const level in cols.levels) {
    levelColumns.push([level, cols.levels[level]]);
    numericCols.push(cols.levels[level]);
  }
  if (cols.unitPrice !== undefined) numericCols.push(cols.unitPrice);
  if (cols.amount !== undefined) numericCols.push(cols.amount);
  for (const v of table.valueColumns) numericCols.push(v.col);
  if (cols.quantity !== undefined) numericCols.push(cols.quantity);
  const labelCol =
    table.kind === "registration"
      ? cols.unit
      : table.kind === "summary"
        ? (cols.content ?? cols.year)
        : (cols.content ?? cols.person);
  let start = header.rows[header.rows.length - 1] + 1;
  if (start < grid.rowCount && isNumberingRow(grid, start)) start++;
  let afterTotal = false;
  const headerTexts = [...header.texts.keys()]
    .map((c) => [c, grid.text(header.rows[0], c)] as const)
    .filter(([, t]) => t);
  for (let r = start; r < grid.rowCount; r++) {
    if (grid.rowIsBlank(r)) continue;
    const tt = cols.tt !== undefined ? filledTextCell(grid, r, cols.tt) : undefined;
    const label = labelCol !== undefined ? filledTextCell(grid, r, labelCol) : undefined;
    const words = wordsLine(grid, r, labelCol);
    if (words) {
      table.words = words;
      continue;
    }
    let hasNumbers = false;
    for (let i = 0; i < numericCols.length && !hasNumbers; i++)
      hasNumbers = !isBlankNumber(grid.value(r, numericCols[i]));
    let kind: RowKind;
    if (repeatedHeader(grid, r, headerTexts)) continue; // the header again, on the next printed page
    if (
      (label && isTotalLabel(label.text)) ||
      (tt && isTotalLabel(tt.text)) ||
      (!label && !tt && firstTextIsTotal(grid, r))
    ) {
      kind = "total";
    } else if (afterTotal && !hasNumbers) {
      continue; // notes, signatures and the like under the table
    } else if (tt && sectionTT.test(tt.text) && !hasNumbers && table.kind !== "summary") {
      kind = "section";
    } else if (label && subLabel.test(label.text) && !tt) {
      kind = "sub";
    } else if (label || tt || hasNumbers) {
      kind = "item";
    } else {
      continue;
    }
    // Plain objects (null-prototype ones are dictionaries in V8, several times slower on every row):
    // keys are level ids from the rulebook, read back with own() or Object.hasOwn only.
    const row: TableRow = { r, kind, counts: {}, values: {}, badNumbers: [] };
    if (tt) row.tt = tt;
    if (label) row.label = label;
    for (const [level, c] of levelColumns) {
      const n = numberCell(grid, r, c, row, INTEGER);
      if (n) row.counts[level] = n;
    }
    if (cols.unitPrice !== undefined)
      row.unitPrice = numberCell(grid, r, cols.unitPrice, row, { scale: table.scale });
    if (cols.amount !== undefined) row.amount = numberCell(grid, r, cols.amount, row, { scale: table.scale });
    for (const v of table.valueColumns) {
      const n = numberCell(grid, r, v.col, row, INTEGER);
      if (n) row.values[v.key] = n;
    }
    for (const role of TEXT_ROLES) {
      const c = cols[role];
      const cell = c === undefined ? undefined : filledTextCell(grid, r, c);
      if (cell) row[role] = cell;
    }
    const levelList = cols.levelList === undefined ? undefined : filledTextCell(grid, r, cols.levelList);
    if (levelList) row.levels = { ...readLevelList(levelList.text, ctx.levels), cell: levelList };
    if (cols.quantity !== undefined) readQuantity(grid, r, cols.quantity, row, ctx);
    if (
      (kind === "item" || kind === "sub") &&
      (table.kind === "cost" || table.kind === "task") &&
      row.label
    ) {
      row.course = matchCourse(row.label.text, ctx);
    }
    if (table.kind === "summary") row.year = summaryYear(grid, r, table, row);
    if (kind === "total") {
      afterTotal = true;
      if (table.kind === "summary" && row.amount) table.grandTotal = row.amount;
    }
    table.rows.push(row);
  }
}

function firstTextIsTotal(grid: Grid, r: number): boolean {
  for (let c = grid.firstCol; c < Math.min(grid.colCount, grid.firstCol + 3); c++) {
    const t = grid.text(r, c);
    if (t) return isTotalLabel(t);
  }
  return false;
}

/**
 * The header printed again on a following page (seed 000's Phụ lục I, seed 002's PL V): at least
 * two cells holding the header's own texts (TT, Nội dung, Cấp học…) in their columns.
 */
function repeatedHeader(grid: Grid, r: number, header: readonly (readonly [number, string])[]): boolean {
  // The first three header cells decide (TT, Nội dung, …); most rows differ at the first two.
  let same = 0;
  for (let i = 0; i < header.length && i < 3; i++) {
    const [c, h] = header[i];
    if (grid.text(r, c) === h) same++;
    else if (i === 1 && same === 0) return false;
  }
  return same >= 2;
}

/** The cell's text with its address; undefined for a blank cell (no address made). */
function filledTextCell(grid: Grid, r: number, c: number): TextCell | undefined {
  const text = grid.text(r, c);
  return text ? { text, cell: grid.a1(r, c) } : undefined;
}

/**
 * The amount in words when the row's first text, or its label cell, starts with a words label
 * ("Bằng chữ:", "(Tổng số tiền bằng chữ: …)"; labels.ts): the words without their label, through
 * the row's following cells ("Bằng chữ:" | "Một trăm … đồng"), at the cell where they begin.
 */
function wordsLine(grid: Grid, r: number, labelCol: number | undefined): TextCell | undefined {
  let c = grid.firstCol;
  while (c < grid.colCount && !grid.text(r, c)) c++;
  if (c === grid.colCount) return undefined;
  let after = wordsAfterLabel(grid.text(r, c));
  if (after === undefined && labelCol !== undefined && labelCol > c) {
    c = labelCol;
    after = wordsAfterLabel(grid.text(r, c));
  }
  if (after === undefined) return undefined;
  let cell = after ? grid.a1(r, c) : undefined;
  const parts = after ? [after] : [];
  for (let k = c + 1; k < grid.colCount; k++) {
    const t = grid.text(r, k);
    if (!t) continue;
    cell ??= grid.a1(r, k);
    parts.push(t);
  }
  return { text: withoutDanglingClose(parts.join(" ").trim()), cell: cell ?? grid.a1(r, c) };
}

/** Closing marks and their openers: "(Bằng chữ: … đồng)" leaves its ")" after the words. */
const OPENER: Readonly<Record<string, string>> = { ")": "(", "]": "[", "”": "“", '"': '"', "»": "«" };

/**
 * The words without a final closing mark whose opener went with the label: one more closer than
 * openers ("… đồng (đã làm tròn))" → "… đồng (đã làm tròn)"; a quote, an odd count). Balanced
 * words ("… đồng (đã làm tròn)") are kept as typed.
 */
function withoutDanglingClose(words: string): string {
  const last = words.charAt(words.length - 1);
  const opener = Object.hasOwn(OPENER, last) ? OPENER[last] : undefined;
  if (opener === undefined) return words;
  let closers = 0;
  let openers = 0;
  for (const ch of words) {
    if (ch === last) closers++;
    else if (ch === opener) openers++;
  }
  const dangling = opener === last ? closers % 2 === 1 : closers > openers;
  return dangling ? words.slice(0, -1).trimEnd() : words;
}

/** readCellNumber's hints, made once (a number cell is read for every level of every line). */
const INTEGER = { integer: true } as const;
const ANY_NUMBER = {} as const;

/**
 * A number cell of a table row. `integer` marks head-count columns; `scale` is the table's unit,
 * so that "438.750.000 đ" typed in a table in million đồng is read as 438.75.
 */
function numberCell(
  grid: Grid,
  r: number,
  c: number,
  row: TableRow,
  how: { integer?: boolean; scale?: number },
): NumberCell | undefined {
  const v = grid.value(r, c);
  if (typeof v === "number" && Number.isFinite(v)) {
    // Most filled cells hold a plain number: read without readCellNumber's intermediate object.
    const n: NumberCell = { value: v, cell: grid.a1(r, c) };
    const f = grid.formula(r, c);
    if (f) n.formula = f;
    return n;
  }
  const read = readCellNumber(v, how.integer ? INTEGER : ANY_NUMBER);
  if (read.kind === "blank") return undefined; // most level cells of a line: no address made
  const cell = grid.a1(r, c);
  switch (read.kind) {
    case "number": {
      const n: NumberCell = { value: read.value, cell };
      const f = grid.formula(r, c);
      if (f) n.formula = f;
      if (read.text !== undefined) n.text = read.text;
      if (read.reading !== undefined) n.reading = [read.reading];
      if (read.unitScale !== undefined && how.scale !== undefined && read.unitScale !== how.scale) {
        n.value = (read.value * read.unitScale) / how.scale;
        const unit = read.unitScale;
        const note: Phrase = { id: "number.converted", data: { from: both((l) => scaleName(unit, l)) } };
        n.reading = [...(n.reading ?? []), note];
      }
      return n;
    }
    case "text":
      row.badNumbers.push({ text: read.text, cell });
      return undefined;
    case "error":
      row.badNumbers.push({ text: read.error, cell });
      return undefined;
  }
}

function matchCourse(label: string, ctx: RecognitionContext): CourseMatch | undefined {
  const key = label.replace(subLabel, "");
  const hit = ctx.matches.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const m = ctx.courses.match(key);
  const result = m ? { courseId: m.key, score: m.score } : null;
  ctx.matches.set(key, result);
  return result ?? undefined;
}

/**
 * A "Số lượng" cell of a table without level columns: a number, or a text of parts ("MN CL: 34,
 * MNNCL: 200, TH: 100"). Parts that name a level count for it; unlabelled parts count for the one
 * level the "Cấp học" cell names, if it names exactly one.
 */
function readQuantity(grid: Grid, r: number, c: number, row: TableRow, ctx: RecognitionContext): void {
  const v = grid.value(r, c);
  const cell = grid.a1(r, c);
  if (isBlankNumber(v)) return;
  const plain = readCellNumber(v, { integer: true });
  let parts;
  if (plain.kind === "number" && plain.unitScale === undefined) {
    parts = { parts: [{ value: plain.value, text: grid.text(r, c) }], unread: [], unreadSum: 0 };
  } else if (typeof v === "string") parts = readCountParts(v, ctx.levels);
  if (!parts) {
    row.badNumbers.push({ text: grid.text(r, c), cell });
    return;
  }
  const total = parts.parts.reduce((s, p) => s + p.value, 0) + parts.unreadSum;
  const text = grid.text(r, c);
  const formula = grid.formula(r, c);
  // A text a plain number would not say again: several parts, or one that names a sector or a
  // target group ("Đối tượng B: 150"). No fix may overwrite it with one number.
  const several =
    parts.parts.length + parts.unread.length > 1 ||
    parts.parts.some((p) => p.sector !== undefined || p.group !== undefined);
  row.quantity = {
    total: {
      value: total,
      cell,
      ...(plain.kind === "number" && plain.text !== undefined ? { text: plain.text } : {}),
      ...(several ? { derived: text } : {}),
      ...(formula ? { formula } : {}),
    },
    parts: parts.parts,
    unread: parts.unread,
  };
  const only = row.levels?.ids.length === 1 ? row.levels.ids[0] : undefined;
  const byLevel = new Map<string, number>();
  for (const p of parts.parts) {
    const level = p.level ?? only;
    if (level === undefined) continue;
    byLevel.set(level, (byLevel.get(level) ?? 0) + p.value);
  }
  // Every part must be attributed for the level counts to be whole; else only the total is known.
  const attributed = [...byLevel.values()].reduce((s, n) => s + n, 0);
  if (attributed !== total) return;
  for (const [level, value] of byLevel) {
    const n: NumberCell = { value, cell };
    if (several) n.derived = text;
    if (formula) n.formula = formula;
    row.counts[level] = n;
  }
}

function summaryYear(grid: Grid, r: number, table: RecognizedTable, row: TableRow): number | undefined {
  const texts = [
    row.label?.text,
    table.columns.year !== undefined ? grid.text(r, table.columns.year) : undefined,
  ];
  for (const t of texts) {
    const m = t ? /(?:^|\D)(20\d\d|19\d\d)(?:\D|$)/.exec(t) : null;
    if (m) return Number(m[1]);
  }
  return undefined;
}
