/**
 * What every template sheet shares: the official title block, a row-by-row sheet builder,
 * SUM ranges, row heights for wrapped text, and the rulebook look-ups (the courses of a year in
 * rulebook order, level labels, the unit list, programme labels).
 */
import { parseA1, toA1 } from "../a1";
import type { Course, Level, Offering, Rulebook, UnitList } from "../rulebook/schema";
import { cleanSheetName } from "../sheet-names";
import { provinceTitle } from "../rulebook/provinces";
import { roleOf } from "../recognize/headers";
import { fold } from "../text/normalize";
import type { CellStyle, TemplateCell, TemplateKind, TemplateSheet, Validation } from "./spec";

/** A cell with a value (null: empty but styled, e.g. a bordered input cell). */
export const v = (value: string | number | null, style: CellStyle): TemplateCell => ({ value, style });
/** A cell with a formula (without "="). */
export const f = (formula: string, style: CellStyle): TemplateCell => ({ formula, style });

/** Points per line of 12-pt Times New Roman. */
const LINE_HEIGHT = 15.75;
/** Characters of 12-pt Times New Roman per unit of Excel column width (calibrated on LibreOffice's print). */
const CHARS_PER_WIDTH = 1.3;

/** Lines a wrapped text takes in `width` (Excel column width units): an estimate of autofit. */
function linesOf(text: string, width: number): number {
  const perLine = Math.max(1, (width - 1) * CHARS_PER_WIDTH);
  return text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

const WRAPPED = new Set<CellStyle>(["text", "header", "note", "center"]);

/** Builds a sheet row by row. */
export class SheetBuilder {
  readonly rows: (TemplateCell | null)[][] = [];
  readonly merges: string[] = [];
  readonly validations: Validation[] = [];
  private readonly heights: (number | undefined)[] = [];

  constructor(readonly columnWidths: number[]) {}

  get width(): number {
    return this.columnWidths.length;
  }

  /** The 0-based index the next row will have. */
  get next(): number {
    return this.rows.length;
  }

  /** Adds a row (its height fits its wrapped texts unless given, in points). */
  add(cells: (TemplateCell | null)[], height?: number): number {
    this.rows.push(cells);
    this.heights.push(height);
    return this.rows.length - 1;
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 !== r2 || c1 !== c2) this.merges.push(`${toA1(r1, c1)}:${toA1(r2, c2)}`);
  }

  /** A line merged across the whole table width. */
  line(value: string, style: CellStyle): number {
    const r = this.add([v(value, style)]);
    this.merge(r, 0, r, this.width - 1);
    return r;
  }

  /**
   * Heights that fit the wrapped texts: a text merged across columns has their widths together;
   * a text merged down several rows is left to them (the header rows are tall enough).
   */
  private rowHeights(): (number | null)[] {
    const spans = new Map<string, { cols: number; rows: number }>();
    const inside = new Set<string>();
    for (const m of this.merges) {
      const [a, b] = m.split(":").map(parseA1);
      spans.set(`${a.row}:${a.col}`, { cols: b.col - a.col + 1, rows: b.row - a.row + 1 });
      for (let r = a.row; r <= b.row; r++)
        for (let c = a.col; c <= b.col; c++) if (r !== a.row || c !== a.col) inside.add(`${r}:${c}`);
    }
    return this.rows.map((cells, r) => {
      const given = this.heights[r];
      if (given !== undefined) return given;
      let lines = 1;
      cells.forEach((c, col) => {
        if (
          !c ||
          typeof c.value !== "string" ||
          !WRAPPED.has(c.style ?? "plain") ||
          inside.has(`${r}:${col}`)
        )
          return;
        const span = spans.get(`${r}:${col}`) ?? { cols: 1, rows: 1 };
        if (span.rows > 1) return;
        let width = 0;
        for (let k = 0; k < span.cols; k++) width += this.columnWidths[col + k] ?? 10;
        lines = Math.max(lines, linesOf(c.value, width));
      });
      return lines > 1 ? Math.min(409, Math.ceil(lines * LINE_HEIGHT + 4)) : null;
    });
  }

  sheet(
    meta: Pick<TemplateSheet, "name" | "kind" | "year" | "printTitleRows" | "freeze"> & { hidden?: boolean },
  ): TemplateSheet {
    const s: TemplateSheet = {
      name: meta.name,
      kind: meta.kind,
      rows: this.rows,
      merges: this.merges,
      columnWidths: this.columnWidths,
      rowHeights: this.rowHeights(),
      printTitleRows: meta.printTitleRows,
      freeze: meta.freeze,
      validations: this.validations,
    };
    if (meta.year !== undefined) s.year = meta.year;
    if (meta.hidden) s.hidden = true;
    return s;
  }
}

/** The blank citation line every appendix carries, to be completed when the plan is signed. */
const ATTACHED = "(Kèm theo Kế hoạch số           /KH-UBND ngày      tháng      năm          )";

/**
 * The citation line naming the plan's province, as the seeds print it ("… của Ủy ban nhân dân
 * thành phố Hải Phòng)"): a template made from a department's rulebook is chosen back with it.
 */
const attachedLine = (province?: string): string =>
  province ? `${ATTACHED.slice(0, -1)} của Ủy ban nhân dân ${provinceTitle(province)})` : ATTACHED;
export const UNIT_LINES: Readonly<Record<number, string>> = {
  1: "Đơn vị tính: đồng",
  1000: "Đơn vị tính: nghìn đồng",
  1000000: "Đơn vị tính: triệu đồng",
};

/**
 * The official title block: "PHỤ LỤC n" (or "PHỤ LỤC" to be numbered), the title lines in
 * capitals, the citation line, a blank row, and for money tables the unit line at the right.
 * Returns the row the header starts at.
 */
export function titleBlock(
  b: SheetBuilder,
  t: { appendix?: number; titles: string[]; unit?: string; unitCols?: number; province?: string },
): number {
  b.line(t.appendix !== undefined ? `PHỤ LỤC ${t.appendix}` : "PHỤ LỤC", "title");
  for (const title of t.titles) b.line(title.toLocaleUpperCase("vi"), "title");
  b.line(attachedLine(t.province), "attached");
  b.add([]);
  if (t.unit) {
    const span = Math.min(b.width, t.unitCols ?? 2);
    const first = b.width - span;
    const r = b.add(
      Array.from({ length: b.width }, (_, c) => (c === first ? v(t.unit as string, "unit") : null)),
    );
    b.merge(r, first, r, b.width - 1);
  }
  return b.next;
}

/** "SUM(C7:C11,C14)" over the given rows of a column, consecutive rows as ranges. */
export function sumOf(col: number, rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = -1;
  sorted.forEach((r, i) => {
    if (start < 0) start = r;
    if (sorted[i + 1] !== r + 1) {
      ranges.push(start === r ? toA1(r, col) : `${toA1(start, col)}:${toA1(r, col)}`);
      start = -1;
    }
  });
  return ranges.length > 0 ? `SUM(${ranges.join(",")})` : "0";
}

/** "IF(B9="","",MAX($A$8:A8)+1)": the row's number once its label is typed (the header row above counts as 0). */
export function autoNumber(r: number, headerRow: number, labelCol: number, ttCol = 0): string {
  return `IF(${toA1(r, labelCol)}="","",MAX(${abs(headerRow, ttCol)}:${toA1(r - 1, ttCol)})+1)`;
}

/** An absolute A1 reference: $A$1. */
export function abs(row: number, col: number): string {
  return toA1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
}

/** A level's column header: its name when short ("Mầm non"), else its id ("THCS"), as the plans print them. */
export function levelLabel(level: Level): string {
  return level.name.length <= 9 ? level.name : level.id;
}

/** One line of a year's appendix: a course offered that year, numbered or a "- …" sub-line. */
export interface PlanLine {
  course: Course;
  offering: Offering;
  /** A sub-line under its parent (group) line: "- name", not numbered. */
  sub: boolean;
}

/**
 * The courses offered in a year, in rulebook order, each child right under its parent (a child
 * whose parent is not offered that year stands on its own).
 */
export function yearLines(rulebook: Rulebook, year: number): PlanLine[] {
  const offered = new Map<string, Offering>();
  // Each parent's offered children in rulebook order: one pass, never a search of all courses per course.
  const children = new Map<string, Course[]>();
  for (const c of rulebook.courses) {
    const o = c.offerings.find((x) => x.year === year);
    if (!o) continue;
    offered.set(c.id, o);
    if (c.parent) {
      const list = children.get(c.parent);
      if (list) list.push(c);
      else children.set(c.parent, [c]);
    }
  }
  const lines: PlanLine[] = [];
  for (const c of rulebook.courses) {
    const o = offered.get(c.id);
    if (!o || (c.parent && offered.has(c.parent))) continue;
    lines.push({ course: c, offering: o, sub: false });
    for (const child of children.get(c.id) ?? [])
      lines.push({ course: child, offering: offered.get(child.id) as Offering, sub: true });
  }
  return lines;
}

/** Numbers 1, 2, 3… for the numbered lines; null for sub-lines. */
export function lineNumbers(lines: readonly PlanLine[]): (number | null)[] {
  let n = 0;
  return lines.map((l) => (l.sub ? null : ++n));
}

/** The content text of a line: the course name, "- name" for a sub-line. */
export function lineLabel(l: PlanLine): string {
  return l.sub ? `- ${l.course.name}` : l.course.name;
}

const QUALIFICATION_SHORT: Readonly<Record<string, string>> = { TC: "TC", CD: "CĐ", DH: "ĐH", ThS: "ThS" };
/** Qualifications, lowest first, as a person list spells them. */
export const QUALIFICATIONS = ["Trung cấp", "Cao đẳng", "Đại học", "Thạc sĩ"] as const;

/** "TC-ĐH" for a degree upgrade with a programme; the course name otherwise. */
export function programmeLabel(c: Course): string {
  return c.programme
    ? `${QUALIFICATION_SHORT[c.programme.from]}-${QUALIFICATION_SHORT[c.programme.to]}`
    : c.name;
}

/** The degree upgrades offered in a year, in rulebook order. */
export function yearUpgrades(rulebook: Rulebook, year: number): Course[] {
  return rulebook.courses.filter((c) => c.kind === "dao-tao" && c.offerings.some((o) => o.year === year));
}

export type UnitKind = "districts" | "communes";

export interface Units {
  kind: UnitKind;
  /** Column header, one the engine recognises as a unit column. */
  label: string;
  /** The rulebook's unit names; empty when it has none (rows are left blank to fill). */
  names: string[];
}

const DEFAULT_UNIT_LABELS: Readonly<Record<UnitKind, string>> = {
  districts: "Quận/huyện",
  communes: "Xã, phường, đặc khu",
};

const unitKindOf = (l: UnitList): UnitKind | undefined => {
  const x = fold(l.label);
  return /\b(xa|phuong|dac khu)\b/.test(x)
    ? "communes"
    : /\b(quan|huyen)\b/.test(x)
      ? "districts"
      : undefined;
};

/** Whether a unit list is in force at some time of a year. */
const validIn = (l: UnitList, year: number): boolean =>
  (l.validFrom === undefined || l.validFrom <= `${year}-12-31`) &&
  (l.validTo === undefined || l.validTo >= `${year}-01-01`);

/**
 * The units of a registration or person list: the rulebook's list of the requested kind, else
 * the list in force that year; districts before the reform of 1 July 2025, communes after.
 */
export function unitsFor(rulebook: Rulebook, year: number, kind?: UnitKind): Units {
  const list =
    kind !== undefined
      ? rulebook.units.find((l) => unitKindOf(l) === kind)
      : rulebook.units.find((l) => validIn(l, year));
  const k: UnitKind =
    kind ?? (list ? unitKindOf(list) : undefined) ?? (year >= 2026 ? "communes" : "districts");
  const label = list && roleOf(list.label) === "unit" ? list.label : DEFAULT_UNIT_LABELS[k];
  return { kind: k, label, names: list ? [...list.names] : [] };
}

/** The default appendix number: task appendices first (1…n), then cost (n+1…2n), as the 2026–2030 plan. */
export function defaultAppendix(rulebook: Rulebook, kind: TemplateKind, year: number): number | undefined {
  const i = rulebook.years.indexOf(year);
  if (kind === "task") return i + 1;
  if (kind === "cost") return rulebook.years.length + i + 1;
  return undefined;
}

/** A sheet name Excel accepts. */
export const sheetName = (name: string): string => cleanSheetName(name);

/** Whether Excel accepts a list inline ("a,b,c": at most 255 characters, no comma or quote in an item). */
export function fitsInline(list: readonly string[]): boolean {
  return list.join(",").length <= 250 && list.every((x) => !x.includes(",") && !x.includes('"'));
}

/** What a kind's builder needs, checked and with defaults applied by ./build.ts. */
export interface BuildContext {
  rulebook: Rulebook;
  year: number;
  /** The table's unit in đồng: 1 000 000 (triệu đồng) by default. */
  scale: number;
  /** Amounts (and prices) as =DEAN.* custom functions instead of plain formulas. */
  functions: boolean;
  /** Blank rows to fill, when the kind has some (undefined: the kind's default). */
  rows?: number;
  appendix?: number;
  units?: UnitKind;
}
