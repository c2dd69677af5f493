/**
 * The readable report of `dean-check` (without --json): a summary first (per file: causes,
 * errors, warnings, or why it could not be read), then each checked file's sheets as recognised
 * and its findings by sheet, errors before warnings before notes, causes before their consequences.
 */
import { countFindings, readingOrder, type EngineFinding, type FindingCounts } from "../engine/findings";
import {
  countsText,
  formatMessage,
  formatNumber,
  label,
  phrase,
  scaleName,
  type LabelKey,
} from "../engine/i18n";
import { holdsMoney, type RecognizedWorkbook } from "../engine/recognize/model";

/** What the report says of each sheet (a worker sends this back, not the recognised workbook). */
export interface ReportWorkbook {
  tables: (Pick<RecognizedWorkbook["tables"][number], "sheet" | "kind" | "year" | "scale"> & {
    /** The figure columns read, and those not read (recognize/describe.ts), in the report's language. */
    columnsRead?: string;
  })[];
  skipped: Pick<RecognizedWorkbook["skipped"][number], "sheet" | "reason">[];
  sheetOrder: RecognizedWorkbook["sheetOrder"];
}
import type { Locale } from "../engine/i18n";
import { cliText } from "./messages";
import { rulebookLines, type UsedRulebookLike } from "./rulebook-line";

export { publicRulebook, type PublicRulebook } from "./rulebook-line";

export interface FileReport {
  file: string;
  error?: string;
  findings?: EngineFinding[];
  workbook?: ReportWorkbook;
  /** Where its annotated copy was written (--annotate). */
  annotated?: string;
  /** The rulebook the file was checked with, and why. */
  rulebook?: UsedRulebookLike;
}

const show = (v: number | string | null, locale: Locale) =>
  v === null ? "—" : typeof v === "number" ? formatNumber(v, locale) : v;

/**
 * The summary, then a section for each file that was checked. A file that could not be read is
 * said once, in the summary, with its reason: a section of its own would only repeat that line.
 */
export function textReport(files: readonly FileReport[], locale: Locale): string {
  const lines = summaryLines(files, locale);
  for (const f of files) if (f.error === undefined) lines.push("", ...fileLines(f, locale));
  // A blank line closes the last section (none follows a summary alone).
  return `${lines.join("\n")}\n${files.some((f) => f.error === undefined) ? "\n" : ""}`;
}

/**
 * The summary that opens the report: one line per file (its counts, or why it could not be
 * read), and for several the total, with how many of them could not be read.
 */
function summaryLines(files: readonly FileReport[], locale: Locale): string[] {
  const lines = [`${cliText(locale, "summary")}:`];
  const total: FindingCounts = { error: 0, warning: 0, info: 0, causes: 0, consequences: 0 };
  let unread = 0;
  for (const f of files) {
    if (f.error !== undefined) {
      unread++;
      lines.push(`   ${f.file}: ${label(locale, "error")}: ${f.error}`);
      continue;
    }
    const c = countFindings(f.findings ?? []);
    for (const k of Object.keys(total) as (keyof FindingCounts)[]) total[k] += c[k];
    const none =
      f.workbook && f.workbook.tables.length === 0
        ? ` — ${label(locale, "notRecognized")}`
        : f.rulebook?.noneCovered
          ? ` — ${cliText(locale, "uncoveredNone")}`
          : "";
    lines.push(`   ${f.file}: ${countsText(c, locale)}${none}`);
  }
  if (files.length > 1) {
    // "3 tệp: 11 lỗi…" must not read as three files checked when one of them was not.
    const notRead =
      unread > 0 ? ` — ${cliText(locale, "filesUnread", { count: formatNumber(unread, locale) })}` : "";
    lines.push(
      `   ${formatMessage(label(locale, "files"), { count: formatNumber(files.length, locale) })}: ${countsText(total, locale)}${notRead}`,
    );
  }
  return lines;
}

/**
 * One file: the rulebook it was checked with and why, its counts, how each sheet was read, where
 * its annotated copy went, its findings by sheet.
 */
function fileLines(f: FileReport, locale: Locale): string[] {
  const L = (k: LabelKey) => label(locale, k);
  const lines = [`━━ ${f.file}`];
  const wb = f.workbook as ReportWorkbook;
  const findings = f.findings ?? [];
  if (f.rulebook) for (const line of rulebookLines(f.rulebook, locale)) lines.push(`   ${line}`);
  lines.push(`   ${countsText(countFindings(findings), locale)}`);
  for (const t of wb.tables) {
    const year = t.year !== undefined ? `, ${L("year")} ${t.year}` : "";
    const unit = holdsMoney(t.kind) ? `, ${L("unit")} ${scaleName(t.scale, locale)}` : "";
    const columns = t.columnsRead ? ` — ${t.columnsRead}` : "";
    lines.push(`   ✓ ${t.sheet}: ${L(`kind.${t.kind}` as LabelKey)}${year}${unit}${columns}`);
  }
  for (const s of wb.skipped) lines.push(`   – ${s.sheet}: ${skippedText(s.reason, locale)}`);
  // "0 lỗi" must not read as a pass when nothing was checked.
  if (wb.tables.length === 0) lines.push(`   ${L("noAppendix")}`);
  if (f.annotated !== undefined) lines.push(`   ${cliText(locale, "annotatedTo", { path: f.annotated })}`);
  lines.push(...findingLines(findings, wb.sheetOrder, locale));
  return lines;
}

/** Sheets left aside on purpose (the rulebook's own, the checker's, the user's choice) are no unrecognised appendix. */
const ASIDE: Partial<Record<string, LabelKey>> = {
  "sheet.rulebook": "skippedSheet",
  "sheet.ours": "skippedSheet",
  "sheet.ignored": "skippedSheet",
  "sheet.noRulebook": "skippedSheet",
};

/** "bỏ qua: trang của sổ quy tắc, không phải phụ lục", "Không nhận ra — không tìm thấy dòng tiêu đề cột…". */
function skippedText(reason: ReportWorkbook["skipped"][number]["reason"], locale: Locale): string {
  const aside = ASIDE[reason.id];
  return aside
    ? `${label(locale, aside)}: ${phrase(reason, locale)}`
    : `${label(locale, "notRecognized")} — ${phrase(reason, locale)}`;
}

/** The findings by sheet, in reading order; the fix under its cause, the cause under a consequence. */
function findingLines(
  findings: readonly EngineFinding[],
  sheetOrder: readonly string[],
  locale: Locale,
): string[] {
  const L = (k: LabelKey) => label(locale, k);
  const lines: string[] = [];
  const pad = `   ${"".padEnd(9)} ${"".padEnd(8)}`;
  let sheet: string | undefined;
  for (const x of readingOrder(findings, sheetOrder)) {
    if (x.sheet !== sheet) {
      sheet = x.sheet;
      lines.push("", `   [${sheet}]`);
    }
    lines.push(`   ${L(x.severity).padEnd(9)} ${x.cells.join(",").padEnd(8)} ${x.message} (${x.rule})`);
    if (x.fix) lines.push(`${pad} → ${L("fix")} ${x.fix.cell}: ${show(x.fix.value, locale)}`);
    if (x.causedBy) {
      const at = x.causedBy.sheet === x.sheet ? x.causedBy.cell : `${x.causedBy.sheet}!${x.causedBy.cell}`;
      lines.push(`${pad} ↳ ${formatMessage(L("causedBy"), { cell: at, rule: x.causedBy.rule })}`);
    }
  }
  return lines;
}
