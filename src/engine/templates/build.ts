/**
 * One generator of standard appendix templates, two front doors: the `dean-template` CLI
 * (src/cli/dean-template.ts, through src/io/xlsx/template.ts) and the task pane's inserter.
 *
 *   buildTemplate("cost", { rulebook, year: 2027 })  → Template (./spec.ts), results computed
 *   templateSnapshot(template)                      → WorkbookSnapshot, as the engine reads it
 *   withUniqueSheetNames(template, existingNames)   → the same template, renamed to fit a workbook
 *
 * Templates are correct by construction: every pre-filled number comes from the rulebook
 * through the engine's own rules (expectedUnitPrice, expectedCount, the retirement law), every
 * amount and total is a live formula, and every formula's cached result is the formula evaluated
 * (./evaluate.ts). The tests check each template with the engine (no error finding) and compare
 * the results with LibreOffice's own recalculation.
 */
import { LocalizedError } from "../i18n";
import type { Rulebook } from "../rulebook/schema";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { quoteSheetName, uniqueSheetName } from "../sheet-names";
import { assignmentSheet } from "./assignment";
import { evaluateTemplate } from "./evaluate";
import { renameSheetRefs } from "./formula";
import { defaultAppendix, type BuildContext, type UnitKind } from "./layout";
import { personListSheets } from "./person-list";
import { costSheet, taskSheet } from "./plan";
import { registrationSheet } from "./registration";
import { TEMPLATE_KINDS, type Template, type TemplateKind, type TemplateSheet } from "./spec";

export interface TemplateOptions {
  rulebook: Rulebook;
  /** A year of the rulebook. */
  year: number;
  /** Registration and person lists: districts (Quận/huyện) or communes (Xã, phường, đặc khu). Default: the list in force that year. */
  units?: UnitKind;
  /** Amounts as =DEAN.COST(…) and prices as =DEAN.UNITPRICE(…) (they need the add-in). Default false: plain formulas. */
  functions?: boolean;
  /** Blank rows to fill: people (default 200), units when the rulebook lists none (30), extra duties (5). */
  rows?: number;
  /** The number after "PHỤ LỤC"; default: task 1…n, cost n+1…2n by the year's place in the rulebook, none for the others. */
  appendix?: number;
  /** The money tables' unit in đồng: 1, 1000 or 1 000 000; default the rulebook's (triệu đồng for 2026–2030). */
  scale?: 1 | 1000 | 1000000;
}

/** A template that cannot be built as asked: one line, Vietnamese (`message`) and English (`in("en")`). */
export class TemplateError extends LocalizedError {
  override readonly name = "TemplateError";
}

const MAX_TEMPLATE_ROWS = 5000;

export function isTemplateKind(kind: string): kind is TemplateKind {
  return (TEMPLATE_KINDS as readonly string[]).includes(kind);
}

/** Checks the options and applies the defaults. */
function context(kind: string, o: TemplateOptions): BuildContext {
  if (!isTemplateKind(kind))
    throw new TemplateError({
      vi: `Loại mẫu "${kind}" không có: chọn ${TEMPLATE_KINDS.join(", ")}.`,
      en: `There is no template kind "${kind}": choose ${TEMPLATE_KINDS.join(", ")}.`,
    });
  const rb = o.rulebook;
  if (!Number.isInteger(o.year) || !rb.years.includes(o.year))
    throw new TemplateError({
      vi: `Năm ${o.year} không thuộc sổ quy tắc ${rb.id} (các năm: ${rb.years.join(", ")}).`,
      en: `The year ${o.year} is not in the rulebook ${rb.id} (its years: ${rb.years.join(", ")}).`,
    });
  if (o.rows !== undefined && (!Number.isInteger(o.rows) || o.rows < 1 || o.rows > MAX_TEMPLATE_ROWS))
    throw new TemplateError({
      vi: `Số dòng trống phải là số nguyên từ 1 đến ${MAX_TEMPLATE_ROWS}, không phải ${o.rows}.`,
      en: `The number of blank rows must be a whole number from 1 to ${MAX_TEMPLATE_ROWS}, not ${o.rows}.`,
    });
  if (o.appendix !== undefined && (!Number.isInteger(o.appendix) || o.appendix < 1 || o.appendix > 999))
    throw new TemplateError({
      vi: `Số phụ lục phải là số nguyên từ 1 đến 999, không phải ${o.appendix}.`,
      en: `The appendix number must be a whole number from 1 to 999, not ${o.appendix}.`,
    });
  if (o.units !== undefined && o.units !== "districts" && o.units !== "communes")
    throw new TemplateError({
      vi: `Đơn vị hành chính "${String(o.units)}" không có: chọn districts hoặc communes.`,
      en: `There are no administrative units "${String(o.units)}": choose districts or communes.`,
    });
  if (kind === "person-list" && !rb.courses.some((c) => c.kind === "dao-tao"))
    throw new TemplateError({
      vi: `Sổ quy tắc ${rb.id} không có chương trình đào tạo nâng chuẩn nào: mẫu danh sách đăng ký nâng chuẩn không dùng cho kế hoạch này.`,
      en: `The rulebook ${rb.id} has no degree upgrade programme: the upgrade registration list does not apply to this plan.`,
    });
  const scale = o.scale ?? rb.defaultScale;
  if (![1, 1000, 1_000_000].includes(scale))
    throw new TemplateError({
      vi: `Đơn vị tính ${scale} không có: chọn 1 (đồng), 1000 hoặc 1000000 (triệu đồng).`,
      en: `There is no unit ${scale}: choose 1 (VND), 1000 or 1000000 (million VND).`,
    });
  return {
    rulebook: rb,
    year: o.year,
    scale,
    functions: o.functions ?? false,
    rows: o.rows,
    appendix: o.appendix ?? defaultAppendix(rb, kind, o.year),
    units: o.units,
  };
}

/** The template of a kind for a year of a rulebook, every formula's result computed. */
export function buildTemplate(kind: TemplateKind, options: TemplateOptions): Template {
  const ctx = context(kind, options);
  let sheets: TemplateSheet[];
  switch (kind) {
    case "cost":
      sheets = [costSheet(ctx)];
      break;
    case "task":
      sheets = [taskSheet(ctx)];
      break;
    case "registration":
      sheets = [registrationSheet(ctx)];
      break;
    case "person-list":
      sheets = personListSheets(ctx);
      break;
    case "assignment":
      sheets = [assignmentSheet(ctx)];
      break;
  }
  return evaluateTemplate({ kind, year: ctx.year, sheets }, ctx.rulebook);
}

/** The snapshot the engine would read from the template: values are formula results, formulas without "=". */
export function templateSnapshot(t: Template): WorkbookSnapshot {
  return {
    sheets: t.sheets.map((s) => {
      let anyFormula = false;
      const values: CellValue[][] = s.rows.map((row) =>
        Array.from(row, (c) => {
          if (!c) return null;
          if (c.formula === undefined) return c.value ?? null;
          anyFormula = true;
          return c.result ?? null;
        }),
      );
      const snap: SheetSnapshot = { name: s.name, values, merges: [...s.merges] };
      if (anyFormula) snap.formulas = s.rows.map((row) => Array.from(row, (c) => c?.formula ?? null));
      if (s.hidden) snap.visibility = "hidden";
      return snap;
    }),
  };
}

/**
 * The template with sheet names that no existing sheet has (as Excel compares them), for
 * inserting into a workbook: "PL7 KP 2027 (2)". References between its sheets (formulas,
 * drop-down list sources) follow the new names.
 */
export function withUniqueSheetNames(t: Template, existing: readonly string[]): Template {
  const taken = [...existing];
  const renames: [string, string][] = [];
  for (const s of t.sheets) {
    const name = uniqueSheetName(s.name, taken);
    taken.push(name);
    if (name !== s.name) renames.push([s.name, name]);
  }
  if (renames.length === 0) return t;
  const names = new Map(renames);
  const byFolded = new Map(renames.map(([from, to]) => [from.toLocaleLowerCase("vi"), quoteSheetName(to)]));
  const rename = (formula: string) =>
    renameSheetRefs(formula, (s) => byFolded.get(s.toLocaleLowerCase("vi")));
  return {
    ...t,
    sheets: t.sheets.map((s) => ({
      ...s,
      name: names.get(s.name) ?? s.name,
      rows: s.rows.map((row) =>
        row.map((c) => (c && c.formula !== undefined ? { ...c, formula: rename(c.formula) } : c)),
      ),
      validations: s.validations.map((val) =>
        val.type === "list" && val.source !== undefined ? { ...val, source: rename(val.source) } : val,
      ),
    })),
  };
}
