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
import { useState } from "react";
import { label, phrase, scaleName, SCALES, type LabelKey } from "../engine/i18n";
import {
  holdsMoney,
  type RecognitionOverride,
  type RecognizedTable,
  type RecognizedWorkbook,
  type TableKind,
} from "../engine/recognize/model";
import type { Locale } from "../engine/i18n";
import { t } from "./strings";

const KINDS: TableKind[] = ["task", "cost", "summary", "registration", "person-list", "assignment"];
const useStyles = makeStyles({
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalXS,
  },
  form: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr 1fr",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
  },
});

export interface SheetsPanelProps {
  workbook: RecognizedWorkbook;
  locale: Locale;
  overrides: Readonly<Record<string, RecognitionOverride>>;
  onOverride(sheet: string, o: RecognitionOverride | undefined): void;
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
          <Body1>
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
  table: RecognizedTable;
  locale: Locale;
  override?: RecognitionOverride;
  onOverride: SheetsPanelProps["onOverride"];
}) {
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [kind, setKind] = useState<string>(override?.kind ?? "");
  const [year, setYear] = useState<string>(override?.year !== undefined ? String(override.year) : "");
  const [scale, setScale] = useState<string>(override?.scale !== undefined ? String(override.scale) : "");
  const kindName = label(locale, `kind.${table.kind}` as LabelKey);
  return (
    <div className={styles.row}>
      <Body1>
        {table.sheet}: {kindName}
        {table.year !== undefined ? `, ${t(locale, "year").toLowerCase()} ${table.year}` : ""}
        {holdsMoney(table.kind) ? `, ${scaleName(table.scale, locale)}` : ""}
        {table.overridden ? "" : ` ${t(locale, "auto")}`}
      </Body1>
      {!editing ? (
        <Button size="small" appearance="subtle" onClick={() => setEditing(true)}>
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
          }}
        >
          <Field label={t(locale, "kind")}>
            <Select value={kind} onChange={(_e, d) => setKind(d.value)}>
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
              type="number"
              value={year}
              placeholder={table.year !== undefined ? String(table.year) : ""}
              onChange={(_e, d) => setYear(d.value)}
            />
          </Field>
          <Field label={t(locale, "unit")}>
            <Select value={scale} onChange={(_e, d) => setScale(d.value)}>
              <option value="">{t(locale, "auto")}</option>
              {[...SCALES].reverse().map((s) => (
                <option key={s} value={String(s)}>
                  {scaleName(s, locale)}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" size="small" appearance="primary">
            {t(locale, "acceptSave")}
          </Button>
        </form>
      )}
    </div>
  );
}
