/** Findings grouped by sheet and rule; each one jumps to its cells, explains itself, fixes or is accepted. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { ReviewedFinding } from "../engine/accept";
import { formatNumber, label } from "../engine/i18n";
import type { Locale } from "../engine/i18n";
import { ruleById } from "../engine/rules";
import type { FixRecord } from "./port";
import { t } from "./strings";
import { findingKey } from "./useChecker";

const useStyles = makeStyles({
  rule: { marginTop: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  accepted: { opacity: 0.75 },
  jump: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "baseline",
    textAlign: "left",
    background: "none",
    border: "none",
    padding: 0,
    cursor: "pointer",
    font: "inherit",
    color: "inherit",
  },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  cells: { flexShrink: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export interface FindingsListProps {
  findings: readonly ReviewedFinding[];
  locale: Locale;
  fixes: ReadonlyMap<string, FixRecord>;
  onJump(f: ReviewedFinding): void;
  onFix(f: ReviewedFinding): void;
  onUndo(f: ReviewedFinding): void;
  onAccept(f: ReviewedFinding, reason: string): void;
  onUnaccept(f: ReviewedFinding): void;
}

const show = (v: number | string | boolean | null, locale: Locale) =>
  v === null || v === "" ? "—" : typeof v === "number" ? formatNumber(v, locale) : String(v);

export function FindingsList(props: FindingsListProps) {
  const styles = useStyles();
  const bySheet = new Map<string, Map<string, ReviewedFinding[]>>();
  for (const f of props.findings) {
    let rules = bySheet.get(f.sheet);
    if (!rules) bySheet.set(f.sheet, (rules = new Map()));
    const list = rules.get(f.rule) ?? [];
    list.push(f);
    rules.set(f.rule, list);
  }
  if (bySheet.size === 0) return null;
  // Sheets with errors open first; the rest stay folded until asked for.
  const withErrors = [...bySheet.keys()].filter((s) =>
    props.findings.some((f) => f.sheet === s && f.severity === "error"),
  );
  return (
    <Accordion
      multiple
      collapsible
      defaultOpenItems={withErrors.length ? withErrors : [...bySheet.keys()].slice(0, 1)}
    >
      {[...bySheet].map(([sheet, rules]) => {
        const all = [...rules.values()].flat();
        const open = all.filter((f) => !f.accepted);
        return (
          <AccordionItem key={sheet} value={sheet}>
            <AccordionHeader>
              {sheet} — {t(props.locale, "findings", { count: open.length })}
            </AccordionHeader>
            <AccordionPanel>
              {[...rules].map(([rule, list]) => (
                <section key={rule} aria-label={ruleById(rule)?.meta.title[props.locale] ?? rule}>
                  <Caption1 as="h3" className={styles.rule}>
                    {ruleById(rule)?.meta.title[props.locale] ?? rule}
                  </Caption1>
                  {list.map((f) => (
                    <FindingItem key={findingKey(f)} f={f} {...props} />
                  ))}
                </section>
              ))}
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}

function FindingItem({
  f,
  locale,
  fixes,
  onJump,
  onFix,
  onUndo,
  onAccept,
  onUnaccept,
}: FindingsListProps & { f: ReviewedFinding }) {
  const styles = useStyles();
  const [why, setWhy] = useState(false);
  const [accepting, setAccepting] = useState(false);
  const [reason, setReason] = useState("");
  const fixed = fixes.get(findingKey(f));
  const color = f.severity === "error" ? "danger" : f.severity === "warning" ? "warning" : "informative";
  return (
    <article className={`${styles.item} ${f.accepted ? styles.accepted : ""}`} data-severity={f.severity}>
      <button
        type="button"
        className={styles.jump}
        onClick={() => {
          onJump(f);
          setWhy((w) => !w);
        }}
      >
        <Badge className={styles.badge} appearance={f.accepted ? "outline" : "filled"} color={color}>
          {label(locale, f.severity)}
        </Badge>
        <Caption1 className={styles.cells}>{f.cells.join(", ")}</Caption1>
        <Body1>{f.message}</Body1>
      </button>
      {why && (
        <Caption1 as="p">
          {t(locale, "expected")}: {show(f.expected, locale)} · {t(locale, "actual")}:{" "}
          {show(f.actual, locale)}. {t(locale, "why")} {ruleById(f.rule)?.meta.rationale[locale]}
        </Caption1>
      )}
      {f.accepted && <Caption1>{t(locale, "accepted", { reason: f.accepted.reason })}</Caption1>}
      {fixed && (
        <Caption1>
          {t(locale, "fixed", {
            before: show(fixed.before.formula ? `=${fixed.before.formula}` : fixed.before.value, locale),
          })}
        </Caption1>
      )}
      <div className={styles.actions}>
        {f.fix && !fixed && !f.accepted && (
          <Button size="small" onClick={() => onFix(f)}>
            {t(locale, "fixTo", { value: show(f.fix.value, locale) })}
          </Button>
        )}
        {fixed && (
          <Button size="small" onClick={() => onUndo(f)}>
            {t(locale, "undo")}
          </Button>
        )}
        {f.accepted ? (
          <Button size="small" appearance="subtle" onClick={() => onUnaccept(f)}>
            {t(locale, "unaccept")}
          </Button>
        ) : (
          !accepting && (
            <Button size="small" appearance="subtle" onClick={() => setAccepting(true)}>
              {t(locale, "accept")}
            </Button>
          )
        )}
      </div>
      {accepting && !f.accepted && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return;
            onAccept(f, reason.trim());
            setAccepting(false);
          }}
        >
          <Field label={t(locale, "acceptReason")} required>
            <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} />
          </Field>
          <Button type="submit" size="small" appearance="primary" disabled={!reason.trim()}>
            {t(locale, "acceptSave")}
          </Button>
        </form>
      )}
    </article>
  );
}

/**
 * Fixes whose finding is no longer listed (a re-check found the cell right): they stay undoable
 * until the pane is closed.
 */
export function FixedList({
  fixes,
  findings,
  locale,
  onUndo,
}: {
  fixes: ReadonlyMap<string, FixRecord>;
  findings: readonly ReviewedFinding[];
  locale: Locale;
  onUndo(key: string): void;
}) {
  const styles = useStyles();
  const listed = new Set(findings.map(findingKey));
  const gone = [...fixes].filter(([key]) => !listed.has(key));
  if (gone.length === 0) return null;
  return (
    <section aria-label={t(locale, "fixedInSession")}>
      <Caption1 as="h3" className={styles.rule}>
        {t(locale, "fixedInSession")}
      </Caption1>
      {gone.map(([key, r]) => (
        <div key={key} className={styles.actions}>
          <Body1>
            {r.sheet}!{r.cell}: {show(r.before.formula ? `=${r.before.formula}` : r.before.value, locale)} →{" "}
            {show(r.after, locale)}
          </Body1>
          <Button size="small" onClick={() => onUndo(key)}>
            {t(locale, "undo")}
          </Button>
        </div>
      ))}
    </section>
  );
}
