/**
 * Fills in the `result` of every formula cell of a template by evaluating the formulas over the
 * template's own values (./formula.ts), across its sheets. A result is therefore exactly what
 * the formula computes, never a number worked out separately: if a formula is wrong, its result
 * is wrong too and the engine's check of the template snapshot catches it.
 *
 * Call it again after changing typed values (the tests do, to compare with LibreOffice).
 */
import type { Rulebook } from "../rulebook/schema";
import { expectedUnitPrice } from "../plan/expect";
import { courseById, offeringFor } from "../plan/lookup";
import { evaluateFormula, type Scalar } from "./formula";
import type { CellResult, Template, TemplateCell } from "./spec";

/**
 * DEAN.COST(course id, level id, count, year, unit) as the add-in computes it (src/functions):
 * count × the rulebook's unit price of the year / unit, unrounded; 0 for a count of 0; #N/A for
 * what the rulebook does not know. The templates pass ids, so no fuzzy matching is needed here.
 */
function deanCost(rulebook: Rulebook, args: Scalar[]): Scalar {
  const [courseArg, levelArg, countArg, yearArg, unitArg] = args;
  const course = typeof courseArg === "string" ? courseById(rulebook, courseArg) : undefined;
  const level = rulebook.levels.find((l) => l.id === levelArg);
  const year = typeof yearArg === "number" ? yearArg : undefined;
  const offering = offeringFor(course, year);
  const count = countArg === null || countArg === "" ? 0 : countArg;
  const unit = typeof unitArg === "number" && unitArg > 0 ? unitArg : rulebook.defaultScale;
  if (!course || !level || !offering) return { error: "#N/A" };
  if (typeof count !== "number") return { error: "#VALUE!" };
  if (count === 0) return 0;
  const price = expectedUnitPrice(course, offering);
  if (!course.levels.includes(level.id) || price === undefined) return { error: "#N/A" };
  return (count * price) / unit;
}

/** DEAN.UNITPRICE(course id, year, unit): the rulebook's unit price of the year in the unit; #N/A when it sets none. */
function deanUnitPrice(rulebook: Rulebook, args: Scalar[]): Scalar {
  const [courseArg, yearArg, unitArg] = args;
  const course = typeof courseArg === "string" ? courseById(rulebook, courseArg) : undefined;
  const offering = offeringFor(course, typeof yearArg === "number" ? yearArg : undefined);
  const unit = typeof unitArg === "number" && unitArg > 0 ? unitArg : rulebook.defaultScale;
  const price = course && offering ? expectedUnitPrice(course, offering) : undefined;
  return price === undefined ? { error: "#N/A" } : price / unit;
}

function asScalar(c: TemplateCell | null | undefined): Scalar | undefined {
  if (!c) return null;
  if (c.formula !== undefined) return undefined;
  return c.value ?? null;
}

/** A copy of the template with every formula's result computed. */
export function evaluateTemplate(template: Template, rulebook?: Rulebook): Template {
  const sheets = template.sheets.map((s) => ({
    ...s,
    rows: s.rows.map((row) => row.map((c) => (c ? { ...c } : c))),
  }));
  const byName = new Map(sheets.map((s) => [s.name.toLocaleLowerCase("vi"), s]));
  const done = new Map<TemplateCell, CellResult>();
  const busy = new Set<TemplateCell>();
  const functions = rulebook
    ? {
        "DEAN.COST": (args: Scalar[]) => deanCost(rulebook, args),
        "DEAN.UNITPRICE": (args: Scalar[]) => deanUnitPrice(rulebook, args),
      }
    : undefined;

  const resultOf = (sheetName: string, cell: TemplateCell): CellResult => {
    const hit = done.get(cell);
    if (hit !== undefined) return hit;
    if (busy.has(cell)) throw new Error(`Công thức vòng tròn ở trang ${sheetName}: ${cell.formula}`);
    busy.add(cell);
    const result = evaluateFormula(cell.formula as string, { sheet: sheetName, cell: value, functions });
    busy.delete(cell);
    done.set(cell, result);
    return result;
  };
  function value(sheetName: string, row: number, col: number): Scalar {
    const sheet = byName.get(sheetName.toLocaleLowerCase("vi"));
    if (!sheet) return { error: "#REF!" };
    const cell = sheet.rows[row]?.[col];
    const v = asScalar(cell);
    return v !== undefined ? v : resultOf(sheet.name, cell as TemplateCell);
  }

  for (const s of sheets)
    for (const row of s.rows)
      for (const c of row) if (c?.formula !== undefined) c.result = resultOf(s.name, c);
  return { ...template, sheets };
}
