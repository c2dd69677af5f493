/**
 * Checking one workbook file, as a worker thread runs it (src/cli/pool.ts): read the file once
 * (a regular file of bounded size), read the .xlsx with the streaming reader, check it, and
 * write its annotated copy when asked (ExcelJS loads the same bytes, once). What goes back is
 * small: the findings and what the report says of each sheet, never the workbook.
 */
import type { Candidate } from "../engine/rulebook/choose";
import { checkPrepared, prepareCheck, type NamedRulebook } from "../engine/rulebook/select";
import type { EngineFinding } from "../engine/findings";
import { noAppendixReason, type Locale } from "../engine/i18n";
import type { Rulebook } from "../engine/rulebook/schema";
import { InputError } from "../io/errors";
import { annotatedCopy } from "../io/xlsx/copy";
import { READ_LIMITS } from "../io/xlsx/limits";
import { readXlsxDetailed } from "../io/xlsx/read";
import { dirname } from "node:path";
import { FileReadError, readRegularFile, writeNewFile } from "./files";
import { cliText, type CliMessageKey } from "./messages";
import { ensureFolder, writeErrorText } from "./shared";
import type { ReportWorkbook } from "./report";
import { describeColumns } from "../engine/recognize/describe";
import { rulebookLines, usedRulebookLike, type UsedRulebookLike } from "./rulebook-line";
import { builtinCandidates } from "../engine/rulebook/builtin";

export interface CheckJob {
  file: string;
  /** Where to write the annotated copy, if asked. */
  annotate?: string;
}

export interface CheckSettings {
  /** One rulebook for every file (as --rules gives it)… */
  rulebook?: Rulebook;
  /** …or where each file's rulebook comes from: the one named, else the automatic choice among the candidates (issue #11). */
  rules?: { named?: NamedRulebook; candidates: Candidate[] };
  locale: Locale;
}

export interface CheckOutcome {
  file: string;
  error?: string;
  findings?: EngineFinding[];
  workbook?: ReportWorkbook;
  /** Why the annotated copy asked for was not written. */
  annotateError?: string;
  /** The rulebook the file was checked with, and why. */
  rulebook?: UsedRulebookLike;
}

/** Why a copy could not be written, in the reader's language. */
const copyErrorText = (e: unknown, locale: Locale) =>
  e instanceof InputError ? e.in(locale) : writeErrorText(e, locale);

/** Why an input file cannot be read, in the reader's language. */
function readErrorText(e: unknown, locale: CheckSettings["locale"]): string {
  const key = e instanceof FileReadError ? READ_ERRORS[e.code ?? ""] : undefined;
  return key
    ? cliText(locale, key, { mb: Math.round(READ_LIMITS.maxFileBytes / 1024 / 1024) })
    : cliText(locale, "cannotRead");
}

const READ_ERRORS: Record<string, CliMessageKey> = {
  ENOENT: "notFound",
  ENOTDIR: "notFound",
  EACCES: "noReadPermission",
  EPERM: "noReadPermission",
  EISDIR: "isFolder",
  EFIFO: "notAFifo",
  EDEVICE: "notADevice",
  ENOTFILE: "notAFile",
  EFBIG: "tooBigToRead",
};

export async function checkOneFile(job: CheckJob, settings: CheckSettings): Promise<CheckOutcome> {
  const { file } = job;
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file, READ_LIMITS.maxFileBytes);
  } catch (e) {
    return { file, error: readErrorText(e, settings.locale) };
  }
  try {
    const reading = await readXlsxDetailed(bytes);
    const named: NamedRulebook | undefined =
      settings.rules?.named ??
      (settings.rulebook
        ? {
            candidate: { rulebook: settings.rulebook, origin: { kind: "builtin" } },
            chosenBy: "option",
            reason: cliText(settings.locale, "chosenWithOption"),
          }
        : undefined);
    const prepared = prepareCheck(reading.snapshot, {
      named,
      candidates: settings.rules?.candidates ?? builtinCandidates(),
      locale: settings.locale,
    });
    if (!prepared.ok) return { file, error: prepared.error };
    const used = usedRulebookLike(prepared.used, prepared, settings.locale);
    const { findings, workbook } = checkPrepared(prepared, {
      locale: settings.locale,
      order: reading.snapshot.sheets.map((s) => s.name),
    });
    // The snapshot is let go before ExcelJS loads the file for the copy.
    reading.snapshot.sheets.length = 0;
    // No appendix recognised at all: an unreadable input (exit 2), never "0 lỗi" (issue 12).
    const unread = noAppendixReason(workbook, settings.locale);
    if (unread !== undefined) return { file, error: unread };
    // In English a level is named in words on the first line that lists it (recognize/describe.ts).
    const namedLevels = new Set<string>();
    const out: CheckOutcome = {
      file,
      findings,
      workbook: {
        tables: workbook.tables.map((t) => ({
          sheet: t.sheet,
          kind: t.kind,
          year: t.year,
          scale: t.scale,
          columnsRead: describeColumns(t, settings.locale, namedLevels),
        })),
        skipped: workbook.skipped.map(({ sheet, reason }) => ({ sheet, reason })),
        sheetOrder: workbook.sheetOrder,
      },
      rulebook: used,
    };
    if (job.annotate !== undefined) {
      try {
        const copy = await annotatedCopy(bytes, reading, findings, {
          locale: settings.locale,
          rulebookName: used.name,
          rulebookWhy: rulebookLines(used, settings.locale).join(" "),
          workbook,
        });
        await ensureFolder(dirname(job.annotate));
        await writeNewFile(job.annotate, copy, true);
      } catch (e) {
        out.annotateError = copyErrorText(e, settings.locale);
      }
    }
    return out;
  } catch (e) {
    if (e instanceof InputError) return { file, error: e.in(settings.locale) };
    return {
      file,
      error: cliText(settings.locale, "cannotCheck", {
        reason: String((e as Error)?.message ?? e).split("\n")[0],
      }),
    };
  }
}
