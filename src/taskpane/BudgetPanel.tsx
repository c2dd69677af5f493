/** Money by year and level against the plan total and the budget the user allocates; follows every re-check. */
import { Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { BudgetSummary } from "../engine/budget";
import { formatNumber } from "../engine/i18n";
import type { Rulebook } from "../engine/rulebook/schema";
import type { Locale } from "../engine/i18n";
import { t } from "./strings";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", textAlign: "right" },
  head: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: "2px 4px",
    textAlign: "right",
    fontWeight: tokens.fontWeightSemibold,
  },
  over: { color: tokens.colorPaletteRedForeground1 },
});

export interface BudgetPanelProps {
  budget: BudgetSummary;
  rulebook: Rulebook;
  locale: Locale;
  /** million đồng */
  allocated?: number;
  onAllocated(million: number | undefined): void;
}

export function BudgetPanel({ budget, rulebook, locale, allocated, onAllocated }: BudgetPanelProps) {
  const styles = useStyles();
  const [typed, setTyped] = useState(allocated !== undefined ? String(allocated) : "");
  const m = (dong: number) => formatNumber(Math.round(dong / 1e6), locale);
  const levels = rulebook.levels.filter((l) => budget.byLevel[l.id] !== undefined);
  const other = budget.byLevel.other !== undefined;
  const diff = (a: number, b: number) => `${a - b >= 0 ? "+" : "−"}${m(Math.abs(a - b))}`;
  return (
    <section aria-label={t(locale, "budget")}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.head}>{t(locale, "year")}</th>
            {levels.map((l) => (
              <th key={l.id} className={styles.head}>
                {l.id}
              </th>
            ))}
            {other && <th className={styles.head}>{t(locale, "other")}</th>}
            <th className={styles.head}>{t(locale, "total")}</th>
          </tr>
        </thead>
        <tbody>
          {budget.years.map((y) => (
            <tr key={y.sheet}>
              <td className={styles.cell}>{y.year}</td>
              {levels.map((l) => (
                <td key={l.id} className={styles.cell}>
                  {y.byLevel[l.id] !== undefined ? m(y.byLevel[l.id]) : ""}
                </td>
              ))}
              {other && (
                <td className={styles.cell}>{y.byLevel.other !== undefined ? m(y.byLevel.other) : ""}</td>
              )}
              <td className={styles.cell}>{m(y.total)}</td>
            </tr>
          ))}
          <tr>
            <td className={styles.head}>{t(locale, "total")}</td>
            {levels.map((l) => (
              <td key={l.id} className={styles.head}>
                {m(budget.byLevel[l.id])}
              </td>
            ))}
            {other && <td className={styles.head}>{m(budget.byLevel.other)}</td>}
            <td className={styles.head}>{m(budget.total)}</td>
          </tr>
        </tbody>
      </table>
      <Caption1 as="p" block>
        {t(locale, "budgetUnit")}
        {budget.planTotal !== undefined && (
          <>
            {" "}
            {t(locale, "planTotal")}: {m(budget.planTotal)} ({diff(budget.total, budget.planTotal)}).
          </>
        )}
        {allocated !== undefined && (
          <span className={budget.total / 1e6 > allocated ? styles.over : undefined}>
            {" "}
            {t(locale, "allocated")}: {formatNumber(allocated, locale)} ({diff(budget.total, allocated * 1e6)}
            ).
          </span>
        )}
      </Caption1>
      <Field label={t(locale, "allocatedInput")}>
        <Input
          type="number"
          value={typed}
          onChange={(_e, d) => setTyped(d.value)}
          onBlur={() =>
            onAllocated(typed.trim() === "" || !Number.isFinite(Number(typed)) ? undefined : Number(typed))
          }
        />
      </Field>
    </section>
  );
}
