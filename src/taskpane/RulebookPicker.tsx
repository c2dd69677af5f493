/**
 * Which rulebook the pane and the DEAN.* functions use: a built-in one, a rulebook file the user
 * opens (JSON, or a rulebook workbook .xlsx), and why the one in use was chosen. "Tạo sổ quy tắc"
 * inserts the rulebook in use into the workbook as sheets to edit (then the workbook carries it).
 */
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { builtinRulebook, builtinRulebookIds } from "../engine/rulebook/builtin";
import type { CandidateOrigin } from "../engine/rulebook/choose";
import { parseRulebookText, RulebookError } from "../engine/rulebook/load";
import type { Rulebook } from "../engine/rulebook/schema";
import { rulebookFromWorkbook } from "../engine/rulebook/workbook";
import type { Locale } from "../engine/i18n";
import { rulebookWorkbookSnapshot } from "../io/xlsx/rulebook-file";
import { isBuiltin, type PaneRulebook } from "./rulebook-choice";
import { describeError } from "./errors";
import { t } from "./strings";
import { cutAtWord } from "./text";

const FILE = "__file__";

/** A file's text or bytes (FileReader: every webview Office runs in has it). */
function readFile(f: Blob, as: "text" | "bytes", locale: Locale): Promise<string | ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as string | ArrayBuffer);
    r.onerror = () => reject(new Error(t(locale, "rulebookFileUnreadable")));
    if (as === "text") r.readAsText(f, "utf-8");
    else r.readAsArrayBuffer(f);
  });
}

/** A rulebook file: JSON, or a rulebook workbook (read by ExcelJS, loaded only then). */
async function openRulebook(f: File, locale: Locale): Promise<Rulebook> {
  // Where the rulebook comes from, in each language: the start of every message about it.
  const origins = {
    vi: t("vi", "rulebookOrigin", { file: f.name }),
    en: t("en", "rulebookOrigin", { file: f.name }),
  };
  const origin = origins[locale];
  if (/\.xlsx$/i.test(f.name)) {
    const bytes = (await readFile(f, "bytes", locale)) as ArrayBuffer;
    const snapshot = await rulebookWorkbookSnapshot(bytes, f.name, origins);
    const found = rulebookFromWorkbook(snapshot, { origin, locale });
    if (!found) throw new RulebookError(`${origin}: ${t(locale, "rulebookNoSheets")}`, []);
    return found.rulebook;
  }
  return parseRulebookText((await readFile(f, "text", locale)) as string, origin, locale);
}

/** Characters of a rulebook's name in the drop-down (a native list cannot wrap): cut between words. */
export const OPTION_NAME_MAX = 60;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
    maxWidth: "100%",
  },
  // Long plan names must not push the pane sideways.
  select: { width: "100%", maxWidth: "100%", minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  // Names and sentences wrap between words, never inside one (a Vietnamese syllable is a word), and
  // never push a 320 px pane sideways: only a word wider than the pane itself is broken.
  wrap: {
    minWidth: 0,
    maxWidth: "100%",
    whiteSpace: "normal",
    wordBreak: "normal",
    overflowWrap: "break-word",
    hyphens: "manual",
  },
});

/** A rulebook as the drop-down lists it: its name cut between words, and its id. */
export function optionText(rb: Rulebook): string {
  return `${cutAtWord(rb.name, OPTION_NAME_MAX)} (${rb.id})`;
}

/** Why the rulebook in use was chosen, in one line. */
function reasonLine(current: PaneRulebook, locale: Locale): string {
  return current.chosenBy === "auto" ? t(locale, "rulebookAuto", { reason: current.reason }) : current.reason;
}

export function RulebookPicker({
  current,
  locale,
  onChange,
  suggestion,
  onInsert,
}: {
  current: PaneRulebook;
  locale: Locale;
  onChange: (rb: Rulebook, origin: CandidateOrigin) => void;
  /** A rulebook that fits the workbook better than the one the user chose. */
  suggestion?: PaneRulebook;
  /** "Tạo sổ quy tắc": inserts the rulebook in use as sheets of the workbook. */
  onInsert?: () => void;
}) {
  const styles = useStyles();
  const file = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const openFile = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    input.value = "";
    if (!f) return;
    try {
      onChange(await openRulebook(f, locale), { kind: "file", file: f.name });
      setError(undefined);
    } catch (err) {
      setError(describeError(err, locale));
    }
  };
  const rulebook = current.rulebook;
  const builtin = isBuiltin(rulebook);
  return (
    <div className={styles.root}>
      <Field label={t(locale, "rulebookPick")} hint={reasonLine(current, locale)}>
        <Select
          className={styles.select}
          select={{ style: { width: "100%", textOverflow: "ellipsis" } }}
          value={builtin ? rulebook.id : FILE}
          onChange={(_e, d) => {
            setError(undefined);
            if (d.value === FILE) file.current?.click();
            else onChange(builtinRulebook(d.value), { kind: "builtin" });
          }}
        >
          {builtinRulebookIds.map((id) => (
            <option key={id} value={id}>
              {optionText(builtinRulebook(id))}
            </option>
          ))}
          <option value={FILE}>{builtin ? t(locale, "rulebookFileAny") : optionText(rulebook)}</option>
        </Select>
      </Field>
      {/* The whole name, when the list shows it cut. */}
      {rulebook.name.length > OPTION_NAME_MAX && (
        <Caption1 className={styles.wrap} data-rulebook-name>
          {rulebook.name} ({rulebook.id})
        </Caption1>
      )}
      <input
        ref={file}
        type="file"
        accept=".json,application/json,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        aria-label={t(locale, "rulebookFileAny")}
        onChange={(e) => void openFile(e.target)}
      />
      {onInsert && (
        <div className={styles.row}>
          <Button size="small" onClick={onInsert}>
            {t(locale, "rulebookInsert")}
          </Button>
          <Caption1>{t(locale, "rulebookInsertHint")}</Caption1>
        </div>
      )}
      {current.others && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody className={styles.wrap}>{current.others}</MessageBarBody>
        </MessageBar>
      )}
      {current.unchecked && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.wrap}>{current.unchecked}</MessageBarBody>
        </MessageBar>
      )}
      {suggestion && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.wrap}>
            {t(locale, "rulebookSuggest", {
              name: suggestion.rulebook.name,
              id: suggestion.rulebook.id,
              reason: suggestion.reason,
            })}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              onClick={() => onChange(suggestion.rulebook, suggestion.origin ?? { kind: "builtin" })}
            >
              {t(locale, "rulebookSuggestUse")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={styles.wrap}>
            <MessageBarTitle>{t(locale, "rulebookError")}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
