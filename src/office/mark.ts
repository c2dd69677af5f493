/**
 * Marks: conditional formats whose rule formula carries MARK_TAG. They never change a value, a
 * formula, a fill, a font or a number format, and removing them restores the sheet exactly.
 * - mark: 2 syncs whatever the number of findings (sheets and protection; all marks);
 * - clearMarks: 3 syncs (sheets; their conditional formats and notes; delete ours), 4 before ExcelApi 1.14.
 */
import { SEVERITY_FILL, type Finding, type Severity } from "../engine/findings";
import type { MarkResult } from "../taskpane/port";
import type { AdapterContext } from "./context";
import { clearOurNotes, loadNotes } from "./notes";
import { writableSheet } from "./sheets";

/** Written into every mark's rule formula: how the add-in tells its marks from the user's. */
export const MARK_TAG = "DEAN-CHECKER";
/** The rule formula of a mark of each severity; clearing removes exactly these, nothing that merely mentions the tag. */
export const markFormula = (severity: Severity) => `=ISTEXT("${MARK_TAG}:${severity}")`;
const MARK_FORMULAS = new Set((["error", "warning", "info"] as const).map(markFormula));

/** Addresses per getRanges() call (Excel limits the length of an address list). */
const ADDRESSES_PER_CALL = 400;

export async function mark(ax: AdapterContext, findings: readonly Finding[]): Promise<MarkResult> {
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
  return ax.host.run(async (ctx) => {
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

/** Removes every mark (and the checker's part of every note) on one sheet or all; returns how many marks. */
export async function clearMarks(ax: AdapterContext, sheet?: string): Promise<number> {
  return ax.host.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name,items/protection/protected");
    await ctx.sync();
    const open = sheets.items.filter(
      (ws) => !ws.protection.protected && (sheet === undefined || ws.name === sheet),
    );
    const noteLists = ax.api.notes ? loadNotes(open) : [];
    let ours: Excel.ConditionalFormat[];
    if (ax.api.customOrNull) {
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
    clearOurNotes(noteLists);
    await ctx.sync();
    return ours.length;
  });
}
