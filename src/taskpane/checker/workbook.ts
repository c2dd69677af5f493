/** Actions on the workbook that do not change the findings: select, clear marks, export, notes, templates. */
import type { EngineFinding } from "../../engine/findings";
import type { Template } from "../../engine/templates/spec";
import { t } from "../strings";
import type { CheckerContext } from "./context";

export function jump(ctx: CheckerContext, f: EngineFinding): Promise<void> {
  return ctx.act(() => ctx.port.select(f.sheet, f.cells));
}

export function clear(ctx: CheckerContext): Promise<void> {
  return ctx.act(async () => {
    // The user's own clear looks beyond the recorded cells (marks copied elsewhere too).
    const cells = await ctx.port.clearMarks(undefined, true);
    return {
      marks: undefined,
      notice: { intent: "success", text: t(ctx.locale, "cleared", { count: cells }) },
    };
  });
}

/**
 * "Xuất báo cáo": the checker builds the report (its rows, with the figures' units from the
 * recognised workbook, off the pane's thread), the port writes it fit for paper. A print setting
 * Excel did not take is said in one line after the notice.
 */
export function exportReport(ctx: CheckerContext): Promise<void> {
  return ctx.act(async () => {
    const report = ctx.checked ? await ctx.engine.report(ctx.locale) : undefined;
    const notes: string[] = [];
    const name = await ctx.port.writeReport(ctx.findings, ctx.locale, {
      ...(report ? { report } : {}),
      onNotice: (text) => notes.push(text),
    });
    const text = [t(ctx.locale, "exported", { sheet: name }), ...notes].join(" ");
    return { notice: { intent: notes.length ? "warning" : "success", text } };
  });
}

/** The explanations as cell notes; where Excel has no notes (before ExcelApi 1.18) one line says so. */
export function writeNotes(ctx: CheckerContext): Promise<void> {
  return ctx.act(async () => {
    if (!ctx.port.writeNotes) return { notice: { intent: "info", text: t(ctx.locale, "notesUnavailable") } };
    const r = await ctx.port.writeNotes(
      ctx.findings.filter((f) => !f.accepted),
      ctx.locale,
    );
    const written = t(ctx.locale, "notesWritten", { count: r.marked });
    // Cells Excel keeps from notes (a threaded comment), protected sheets: said, not hidden.
    const skipped = r.skipped.map((s) => t(ctx.locale, "notesSkipped", { sheet: s.sheet, reason: s.reason }));
    return {
      notice: { intent: skipped.length ? "info" : "success", text: [written, ...skipped].join(" ") },
    };
  });
}

/** `build` runs inside the action, so that a template that cannot be built becomes a notice. */
export function insertTemplate(ctx: CheckerContext, build: () => Template): Promise<void> {
  return ctx.act(async () => {
    if (!ctx.port.insertTemplate) return;
    const name = await ctx.port.insertTemplate(build());
    return { notice: { intent: "success", text: t(ctx.locale, "templateInserted", { sheet: name }) } };
  });
}
