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
import { t } from "./strings";

const FILE = "__file__";

/** A file's text or bytes (FileReader: every webview Office runs in has it). */
function readFile(f: Blob, as: "text" | "bytes"): Promise<string | ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as string | ArrayBuffer);
    r.onerror = () => reject(new Error("Không đọc được tệp."));
    if (as === "text") r.readAsText(f, "utf-8");
    else r.readAsArrayBuffer(f);
  });
}

/** A rulebook file: JSON, or a rulebook workbook (read by ExcelJS, loaded only then). */
async function openRulebook(f: File, locale: Locale): Promise<Rulebook> {
  const origin = `Sổ quy tắc "${f.name}"`;
  if (/\.xlsx$/i.test(f.name)) {
    const snapshot = await rulebookWorkbookSnapshot((await readFile(f, "bytes")) as ArrayBuffer, f.name);
    const found = rulebookFromWorkbook(snapshot, { origin, locale });
    if (!found) throw new RulebookError(`${origin}: ${t(locale, "rulebookNoSheets")}`, []);
    return found.rulebook;
  }
  return parseRulebookText((await readFile(f, "text")) as string, origin, locale);
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  // Long plan names must not push the pane sideways.
  select: { width: "100%", maxWidth: "100%", minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

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
      setError(err instanceof Error ? err.message : String(err));
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
              {builtinRulebook(id).name.length > 60
                ? `${builtinRulebook(id).name.slice(0, 57)}…`
                : builtinRulebook(id).name}{" "}
              ({id})
            </option>
          ))}
          <option value={FILE}>
            {builtin ? t(locale, "rulebookFileAny") : `${rulebook.name} (${rulebook.id})`}
          </option>
        </Select>
      </Field>
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
        <MessageBar intent="warning">
          <MessageBarBody>{current.others}</MessageBarBody>
        </MessageBar>
      )}
      {suggestion && (
        <MessageBar intent="warning">
          <MessageBarBody>
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
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t(locale, "rulebookError")}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
