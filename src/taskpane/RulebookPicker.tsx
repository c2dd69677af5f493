/** Which rulebook the pane and the DEAN.* functions use: a built-in one, or a JSON file the user opens. */
import {
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { builtinRulebook, builtinRulebookIds } from "../engine/rulebook/builtin";
import { parseRulebookText } from "../engine/rulebook/load";
import type { Rulebook } from "../engine/rulebook/schema";
import type { Locale } from "../engine/i18n";
import { isBuiltin } from "./rulebook-choice";
import { t } from "./strings";

const FILE = "__file__";

/** A file's text (FileReader: every webview Office runs in has it). */
function readText(f: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(new Error("Không đọc được tệp."));
    r.readAsText(f, "utf-8");
  });
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  // Long plan names must not push the pane sideways.
  select: { width: "100%", maxWidth: "100%", minWidth: 0 },
});

export function RulebookPicker({
  rulebook,
  locale,
  onChange,
}: {
  rulebook: Rulebook;
  locale: Locale;
  onChange(rb: Rulebook): void;
}) {
  const styles = useStyles();
  const file = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const builtin = isBuiltin(rulebook);
  return (
    <div className={styles.root}>
      <Field label={t(locale, "rulebookPick")}>
        <Select
          className={styles.select}
          select={{ style: { width: "100%", textOverflow: "ellipsis" } }}
          value={builtin ? rulebook.id : FILE}
          onChange={(_e, d) => {
            setError(undefined);
            if (d.value === FILE) file.current?.click();
            else onChange(builtinRulebook(d.value));
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
            {builtin ? t(locale, "rulebookFile") : `${rulebook.name} (${rulebook.id})`}
          </option>
        </Select>
      </Field>
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={t(locale, "rulebookFile")}
        onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (!f) return;
          try {
            onChange(parseRulebookText(await readText(f), `Sổ quy tắc "${f.name}"`));
            setError(undefined);
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          }
        }}
      />
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
