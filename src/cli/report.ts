/** The readable report of `dean-check` (without --json): findings grouped by file and sheet. */
import { countBySeverity, type EngineFinding } from "../engine/findings";
import { countsText, formatNumber, label, scaleName, type LabelKey } from "../engine/i18n";
import { holdsMoney, type RecognizedTable, type SkippedSheet } from "../engine/recognize/model";
import type { Locale } from "../engine/i18n";

/** What the report says of each sheet (a worker sends this back, not the recognised workbook). */
export interface ReportWorkbook {
  tables: Pick<RecognizedTable, "sheet" | "kind" | "year" | "scale">[];
  skipped: Pick<SkippedSheet, "sheet" | "reason">[];
}

export interface FileReport {
  file: string;
  error?: string;
  findings?: EngineFinding[];
  workbook?: ReportWorkbook;
}

const show = (v: number | string | null, locale: Locale) =>
  v === null ? "—" : typeof v === "number" ? formatNumber(v, locale) : v;

export function textReport(files: readonly FileReport[], locale: Locale): string {
  const L = (k: LabelKey) => label(locale, k);
  const lines: string[] = [];
  const total = { error: 0, warning: 0, info: 0 };
  for (const f of files) {
    lines.push(`━━ ${f.file}`);
    if (f.error !== undefined) {
      lines.push(`   ${L("error")}: ${f.error}`, "");
      continue;
    }
    const wb = f.workbook as ReportWorkbook;
    const findings = f.findings ?? [];
    for (const t of wb.tables) {
      const year = t.year !== undefined ? `, ${L("year")} ${t.year}` : "";
      const unit = holdsMoney(t.kind) ? `, ${L("unit")} ${scaleName(t.scale, locale)}` : "";
      lines.push(`   ✓ ${t.sheet}: ${L(`kind.${t.kind}` as LabelKey)}${year}${unit}`);
    }
    for (const s of wb.skipped) lines.push(`   – ${s.sheet}: ${L("notRecognized")} — ${s.reason}`);
    // "0 lỗi" must not read as a pass when nothing was checked.
    if (wb.tables.length === 0) lines.push(`   ${L("noAppendix")}`);
    let sheet: string | undefined;
    for (const x of findings) {
      if (x.sheet !== sheet) {
        sheet = x.sheet;
        lines.push("", `   [${sheet}]`);
      }
      lines.push(`   ${L(x.severity).padEnd(9)} ${x.cells.join(",").padEnd(8)} ${x.message} (${x.rule})`);
      if (x.fix)
        lines.push(
          `   ${"".padEnd(9)} ${"".padEnd(8)} → ${L("fix")} ${x.fix.cell}: ${show(x.fix.value, locale)}`,
        );
    }
    const c = countBySeverity(findings);
    for (const k of ["error", "warning", "info"] as const) total[k] += c[k];
    lines.push("", `   ${countsText(c, locale)}`, "");
  }
  if (files.length > 1)
    lines.push(`${files.length} ${locale === "vi" ? "tệp" : "files"}: ${countsText(total, locale)}`);
  return `${lines.join("\n")}\n`;
}
