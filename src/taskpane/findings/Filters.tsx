/** Filters of the findings list: words, severity, rule, sheet, status. They stack in a narrow pane. */
import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Severity } from "../../engine/findings";
import { label, type Locale } from "../../engine/i18n";
import { ruleById } from "../../engine/rules";
import type { ListFilter, StatusFilter } from "../engine/protocol";
import { t } from "../strings";
import { cutAtWord } from "../text";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 8.5rem), 1fr))",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    minWidth: 0,
    border: "none",
    margin: 0,
    padding: 0,
  },
  wide: { gridColumn: "1 / -1" },
  control: { width: "100%", minWidth: 0 },
});

export interface FiltersProps {
  locale: Locale;
  filter: ListFilter;
  sheets: readonly string[];
  rules: readonly string[];
  onChange: (f: ListFilter) => void;
}

export function Filters({ locale, filter, sheets, rules, onChange }: FiltersProps) {
  const styles = useStyles();
  const set = (patch: Partial<ListFilter>) => onChange({ ...filter, ...patch });
  const title = (id: string) => ruleById(id)?.meta.title[locale] ?? id;
  return (
    <fieldset className={styles.root} aria-label={t(locale, "filters")}>
      <Field className={styles.wide} label={t(locale, "filterText")}>
        <Input
          className={styles.control}
          type="search"
          value={filter.text}
          onChange={(_e, d) => set({ text: d.value })}
        />
      </Field>
      <Field label={t(locale, "filterSeverity")}>
        <Select
          className={styles.control}
          value={filter.severities[0] ?? ""}
          onChange={(_e, d) => set({ severities: d.value ? [d.value as Severity] : [] })}
        >
          <option value="">{t(locale, "filterAll")}</option>
          {(["error", "warning", "info"] as const).map((s) => (
            <option key={s} value={s}>
              {label(locale, s)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(locale, "filterStatus")}>
        <Select
          className={styles.control}
          value={filter.status}
          onChange={(_e, d) => set({ status: d.value as StatusFilter })}
        >
          <option value="all">{t(locale, "filterAll")}</option>
          <option value="open">{t(locale, "statusOpen")}</option>
          <option value="accepted">{t(locale, "statusAccepted")}</option>
        </Select>
      </Field>
      <Field label={t(locale, "filterRule")}>
        <Select className={styles.control} value={filter.rule} onChange={(_e, d) => set({ rule: d.value })}>
          <option value="">{t(locale, "filterAll")}</option>
          {rules.map((r) => (
            <option key={r} value={r} title={title(r)}>
              {cutAtWord(title(r), 40)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(locale, "filterSheet")}>
        <Select className={styles.control} value={filter.sheet} onChange={(_e, d) => set({ sheet: d.value })}>
          <option value="">{t(locale, "filterAll")}</option>
          {sheets.map((s) => (
            <option key={s} value={s} title={s}>
              {cutAtWord(s, 40)}
            </option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}
