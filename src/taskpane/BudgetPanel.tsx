/**
 * Money by year and level against the plan total and the budget the user allocates; follows every
 * re-check. The table scrolls inside its own box in a narrow pane. The allocated budget is read
 * as Vietnamese users type numbers ("179.292" is 179 292), by the engine's number parser, and
 * what was understood is shown under the field.
 */
import { Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { BudgetSummary } from "../engine/budget";
import { parseNumberText } from "../engine/numbers/parse";
import { formatNumber } from "../engine/i18n";
import type { Rulebook } from "../engine/rulebook/schema";
import type { Locale } from "../engine/i18n";
import { t } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  scroll: {
    overflowX: "auto",
    maxWidth: "100%",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
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
  onAllocated: (million: number | undefined) => void;
}

/** What the allocated-budget field holds: blank, a number (million đồng), or text that is not one. */
function readAllocated(
  text: string,
): { kind: "blank" } | { kind: "number"; value: number } | { kind: "bad" } {
  if (text.trim() === "") return { kind: "blank" };
  const n = parseNumberText(text);
  // A unit typed in the field ("179 tỷ") is not what the field asks for: million đồng.
  if (!n || n.unitScale !== undefined || n.value < 0) return { kind: "bad" };
  return { kind: "number", value: n.value };
}

export function BudgetPanel({ budget, rulebook, locale, allocated, onAllocated }: BudgetPanelProps) {
  const styles = useStyles();
  const [typed, setTyped] = useState(allocated !== undefined ? formatNumber(allocated, "vi") : "");
  const read = readAllocated(typed);
  const m = (dong: number) => formatNumber(Math.round(dong / 1e6), locale);
  const levels = rulebook.levels.filter((l) => budget.byLevel[l.id] !== undefined);
  const other = budget.byLevel.other !== undefined;
  const diff = (a: number, b: number) => `${a - b >= 0 ? "+" : "−"}${m(Math.abs(a - b))}`;
  return (
    <div className={styles.root}>
      <div className={styles.scroll} role="region" aria-label={t(locale, "budgetTable")} tabIndex={0}>
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
      </div>
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
      <Field
        label={t(locale, "allocatedInput")}
        hint={read.kind === "number" ? undefined : t(locale, "allocatedHint")}
        validationState={read.kind === "bad" ? "error" : read.kind === "number" ? "success" : "none"}
        validationMessage={
          read.kind === "bad"
            ? t(locale, "allocatedInvalid", { text: typed.trim() })
            : read.kind === "number"
              ? t(locale, "allocatedRead", { value: formatNumber(read.value, locale) })
              : undefined
        }
      >
        <Input
          type="text"
          inputMode="decimal"
          value={typed}
          onChange={(_e, d) => setTyped(d.value)}
          onBlur={() => {
            if (read.kind === "bad") return;
            const value = read.kind === "number" ? read.value : undefined;
            if (value !== allocated) onAllocated(value);
          }}
        />
      </Field>
    </div>
  );
}
