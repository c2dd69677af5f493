/** "Chèn mẫu phụ lục": a standard appendix, pre-filled from the rulebook, inserted as new sheets. */
import { Button, Checkbox, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Rulebook } from "../engine/rulebook/schema";
import type { Locale } from "../engine/i18n";
import { buildTemplate } from "../engine/templates/build";
import { templateKindName, TEMPLATE_KINDS, type TemplateKind } from "../engine/templates/spec";
import { t } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
  },
  wide: { gridColumn: "1 / span 2" },
  select: { width: "100%", minWidth: 0 },
});

export interface TemplatePanelProps {
  rulebook: Rulebook;
  locale: Locale;
  /** Gets a function that builds the template (errors become the pane's notice). */
  onInsert: (build: () => ReturnType<typeof buildTemplate>) => Promise<void>;
}

export function TemplatePanel({ rulebook, locale, onInsert }: TemplatePanelProps) {
  const styles = useStyles();
  const [kind, setKind] = useState<TemplateKind>("cost");
  const [year, setYear] = useState(String(rulebook.years[0]));
  const [functions, setFunctions] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className={styles.root}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void onInsert(() => buildTemplate(kind, { rulebook, year: Number(year), functions })).finally(() =>
          setBusy(false),
        );
      }}
    >
      <Field label={t(locale, "templateKind")}>
        <Select className={styles.select} value={kind} onChange={(_e, d) => setKind(d.value as TemplateKind)}>
          {TEMPLATE_KINDS.map((k) => (
            <option key={k} value={k}>
              {templateKindName(k, locale)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(locale, "year")}>
        <Select className={styles.select} value={year} onChange={(_e, d) => setYear(d.value)}>
          {rulebook.years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        className={styles.wide}
        checked={functions}
        onChange={(_e, d) => setFunctions(Boolean(d.checked))}
        label={t(locale, "templateFunctions")}
      />
      <Button className={styles.wide} type="submit" disabled={busy}>
        {t(locale, "templateInsert")}
      </Button>
    </form>
  );
}
