/** How each sheet was recognised (kind, year, unit), with a way to correct it; and the sheets skipped. */
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { label, phrase, scaleName, SCALES, type LabelKey } from "../engine/i18n";
import {
  holdsMoney,
  type RecognitionOverride,
  type SkippedSheet,
  type TableKind,
} from "../engine/recognize/model";
import type { Locale } from "../engine/i18n";
import type { TableSummary } from "./engine/protocol";
import { t } from "./strings";

const KINDS: TableKind[] = ["task", "cost", "summary", "registration", "person-list", "assignment"];
const useStyles = makeStyles({
  row: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  name: { minWidth: 0, overflowWrap: "anywhere" },
  // Fields side by side where they fit, stacked in a narrow pane; never wider than the pane.
  form: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 8rem), 1fr))",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
    width: "100%",
    minWidth: 0,
  },
  control: { width: "100%", minWidth: 0 },
  wide: { gridColumn: "1 / -1", justifySelf: "start" },
});

export interface SheetsPanelProps {
  workbook: { tables: readonly TableSummary[]; skipped: readonly SkippedSheet[] };
  locale: Locale;
  overrides: Readonly<Record<string, RecognitionOverride>>;
  onOverride: (sheet: string, o: RecognitionOverride | undefined) => void;
}

export function SheetsPanel({ workbook, locale, overrides, onOverride }: SheetsPanelProps) {
  const styles = useStyles();
  return (
    <div>
      {workbook.tables.map((table) => (
        <SheetRow
          key={table.sheet}
          table={table}
          locale={locale}
          override={overrides[table.sheet]}
          onOverride={onOverride}
        />
      ))}
      {workbook.skipped.map((s) => (
        <div key={s.sheet} className={styles.row}>
          <Body1 className={styles.name}>
            {s.sheet} — {t(locale, "skipped")}
          </Body1>
          <Caption1>{phrase(s.reason, locale)}</Caption1>
          {overrides[s.sheet] && (
            <Button size="small" appearance="subtle" onClick={() => onOverride(s.sheet, undefined)}>
              {t(locale, "auto")}
            </Button>
          )}
        </div>
      ))}
    </div>
  );
}

function SheetRow({
  table,
  locale,
  override,
  onOverride,
}: {
  table: TableSummary;
  locale: Locale;
  override?: RecognitionOverride;
  onOverride: SheetsPanelProps["onOverride"];
}) {
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const [saved, setSaved] = useState(0);
  // After Lưu, focus returns to the sheet's "Sửa nhận dạng" (not to the page's body).
  useEffect(() => {
    if (saved > 0) editButton.current?.focus();
  }, [saved]);
  const [kind, setKind] = useState<string>(override?.kind ?? "");
  const [year, setYear] = useState<string>(override?.year !== undefined ? String(override.year) : "");
  const [scale, setScale] = useState<string>(override?.scale !== undefined ? String(override.scale) : "");
  const kindName = label(locale, `kind.${table.kind}` as LabelKey);
  return (
    <div className={styles.row}>
      <Body1 className={styles.name}>
        {table.sheet}: {kindName}
        {table.year !== undefined ? `, ${t(locale, "year").toLowerCase()} ${table.year}` : ""}
        {holdsMoney(table.kind) ? `, ${scaleName(table.scale, locale)}` : ""}
        {table.overridden ? "" : ` ${t(locale, "auto")}`}
      </Body1>
      {!editing ? (
        <Button
          ref={editButton}
          size="small"
          appearance="subtle"
          aria-label={t(locale, "editSheet", { sheet: table.sheet })}
          onClick={() => setEditing(true)}
        >
          {t(locale, "edit")}
        </Button>
      ) : (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            const o: RecognitionOverride = {};
            if (kind) o.kind = kind as RecognitionOverride["kind"];
            if (year && Number.isInteger(Number(year))) o.year = Number(year);
            if (scale) o.scale = Number(scale);
            onOverride(table.sheet, Object.keys(o).length ? o : undefined);
            setEditing(false);
            setSaved((n) => n + 1);
          }}
        >
          <Field label={t(locale, "kind")}>
            <Select className={styles.control} value={kind} onChange={(_e, d) => setKind(d.value)}>
              <option value="">{t(locale, "auto")}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {label(locale, `kind.${k}` as LabelKey)}
                </option>
              ))}
              <option value="ignore">{t(locale, "ignore")}</option>
            </Select>
          </Field>
          <Field label={t(locale, "year")}>
            <Input
              className={styles.control}
              type="number"
              value={year}
              placeholder={table.year !== undefined ? String(table.year) : ""}
              onChange={(_e, d) => setYear(d.value)}
            />
          </Field>
          <Field label={t(locale, "unit")}>
            <Select className={styles.control} value={scale} onChange={(_e, d) => setScale(d.value)}>
              <option value="">{t(locale, "auto")}</option>
              {[...SCALES].reverse().map((s) => (
                <option key={s} value={String(s)}>
                  {scaleName(s, locale)}
                </option>
              ))}
            </Select>
          </Field>
          <Button className={styles.wide} type="submit" size="small" appearance="primary">
            {t(locale, "acceptSave")}
          </Button>
        </form>
      )}
    </div>
  );
}
