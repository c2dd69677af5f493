/** Helpers of the template tests. */
import type { Template, TemplateCell } from "../../src/engine/templates/spec";
import { PERSON_COL } from "../../src/engine/templates/person-list";

/** The functions a template may use without the add-in: plain Excel that LibreOffice computes too. */
export const PLAIN_FUNCTIONS = [
  "SUM",
  "ROUND",
  "IF",
  "INDEX",
  "MATCH",
  "DATE",
  "YEAR",
  "MONTH",
  "EOMONTH",
  "ISBLANK",
  "IFERROR",
  "MAX",
  "MIN",
  "AND",
  "OR",
];

/** Function names called by a formula, found by a regular expression (independent of the product's parser). */
export function functionsOf(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "S!");
  return [...code.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].map((m) => m[1].toUpperCase());
}

export interface FormulaCell {
  sheet: number;
  row: number;
  col: number;
  cell: TemplateCell;
}

export function formulaCells(t: Template): FormulaCell[] {
  const out: FormulaCell[] = [];
  t.sheets.forEach((s, sheet) =>
    s.rows.forEach((r, row) =>
      r.forEach((cell, col) => {
        if (cell?.formula !== undefined) out.push({ sheet, row, col, cell });
      }),
    ),
  );
  return out;
}

export function cellAt(t: Template, sheet: number, row: number, col: number): TemplateCell {
  const c = t.sheets[sheet].rows[row]?.[col];
  if (!c) throw new Error(`No cell at ${sheet}:${row}:${col}`);
  return c;
}

export interface Person {
  name: string;
  /** Excel date serial of the birth date. */
  birth: number;
  gender: string;
  school?: string;
  area?: string;
  level?: string;
  sector?: string;
  qualification?: string;
  position?: string;
  programme?: string;
}

const TEXT_FIELDS = ["school", "area", "level", "sector", "qualification", "position", "programme"] as const;

/** Types people into the first rows of a person list (in place; evaluate the template afterwards). */
export function setPeople(t: Template, people: readonly Person[]): void {
  const s = t.sheets[0];
  const header = s.rows.findIndex((r) => r[0]?.value === "STT");
  people.forEach((p, i) => {
    const row = s.rows[header + 1 + i];
    row[PERSON_COL.name] = { value: p.name, style: "text" };
    row[PERSON_COL.birth] = { value: p.birth, style: "date" };
    row[PERSON_COL.gender] = { value: p.gender, style: "center" };
    for (const f of TEXT_FIELDS) {
      const v = p[f];
      if (v !== undefined) row[PERSON_COL[f]] = { value: v, style: "center" };
    }
  });
}
