/**
 * A failure as the user reads it. Excel's own errors come with a code ("AccessDenied: …" is not a
 * sentence a finance officer can act on, and Office's text is English whatever the pane's
 * language): the known ones are said in the pane's language, any other as "Excel reported an
 * error (code …)"; the adapter's and the engine's messages are already sentences and pass through.
 */
import { LocalizedError, type Locale } from "../engine/i18n";
import { t, type StringKey } from "./strings";

const CODES: [RegExp, StringKey][] = [
  [/^AccessDenied$/i, "errorAccessDenied"],
  [/^ResponsePayloadSizeLimitExceeded$/i, "errorReadTooLarge"],
  [/PayloadSizeLimitExceeded$/i, "errorTooLarge"],
  [/^ItemNotFound$/i, "errorNotFound"],
  [/^(?:GeneralException|ServiceNotAvailable|Timeout|RequestAborted)$/i, "errorExcelBusy"],
  [/^InvalidOperationInCellEditMode$/i, "errorCellEdit"],
  [/^ApiNotFound$/i, "errorApiMissing"],
  [/^InvalidObjectPath$/i, "errorLostContact"],
];

/** The error's Office.js code: `code` (OfficeExtension.Error), else a "Code: message" prefix. */
function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code) return code;
  const m = /^([A-Z][A-Za-z]+): /.exec(e instanceof Error ? e.message : "");
  return m?.[1];
}

export function describeError(e: unknown, locale: Locale): string {
  const name = (e as { name?: unknown } | null)?.name;
  if (name === "CheckerFailure" || name === "CheckerFault") return t(locale, "errorChecker");
  const code = errorCode(e);
  if (code) {
    const known = CODES.find(([re]) => re.test(code));
    if (known) return t(locale, known[1]);
  }
  // The engine's and the reader's sentences in both languages (a template, a rulebook workbook).
  if (e instanceof LocalizedError) return e.in(locale);
  const message = e instanceof Error ? e.message : String(e);
  // An unknown Excel error: its code, never Office's English text ("The argument is invalid…").
  return code && message.startsWith(`${code}: `) ? t(locale, "errorExcel", { code }) : message;
}
