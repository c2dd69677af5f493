/**
 * Excel's errors as the user reads them: a sentence in the pane's language that says what
 * happened and what to do, never "AccessDenied: …" nor Office's own English text. The adapter's
 * own errors are worded from the same catalogue (src/taskpane/strings.ts) and pass unchanged.
 */
import type { Locale } from "../engine/i18n";
import { t, type StringKey } from "../taskpane/strings";

/** Office.js error codes the user may meet, and how they are said. */
const WORDS: Record<string, StringKey> = {
  InvalidOperationInCellEditMode: "errorCellEdit",
  AccessDenied: "errorAccessDenied",
  ItemNotFound: "errorNotFound",
  RequestPayloadSizeLimitExceeded: "errorTooLarge",
  ResponsePayloadSizeLimitExceeded: "errorReadTooLarge",
  ApiNotFound: "errorApiMissing",
  InvalidObjectPath: "errorLostContact",
};

/** The code of an Office.js error (OfficeExtension.Error), if `e` is one. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

/** `e` as an Error worded in `locale`: Excel's errors translated (their code kept), the adapter's own passed through. */
export function inLanguage(e: unknown, locale: Locale): Error {
  const code = errorCode(e);
  if (code === undefined) return e instanceof Error ? e : new Error(String(e));
  const key = WORDS[code];
  const out = new Error(key ? t(locale, key) : t(locale, "errorExcel", { code }));
  (out as Error & { code?: string }).code = code;
  return out;
}

/** Runs `f`, turning Excel's errors into sentences in the adapter's language (read when it fails). */
export async function inWords<T>(locale: () => Locale, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw inLanguage(e, locale());
  }
}
