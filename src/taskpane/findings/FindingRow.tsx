/** One finding of the list: it jumps to its cells, explains itself, fixes or is accepted ("Bỏ qua"). */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { ReviewedFinding } from "../../engine/accept";
import type { Severity } from "../../engine/findings";
import { formatMessage, formatNumber, label, type Locale } from "../../engine/i18n";
import { ruleById } from "../../engine/rules";
import type { FixRecord } from "../port";
import { t, type StringKey } from "../strings";

export const useRowStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  accepted: { color: tokens.colorNeutralForeground3 },
  head: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  jump: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "baseline",
    textAlign: "left",
    background: "none",
    border: "none",
    padding: 0,
    cursor: "pointer",
    font: "inherit",
    color: "inherit",
    minWidth: 0,
    flexGrow: 1,
    overflowWrap: "anywhere",
  },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  cells: { flexShrink: 0, fontVariantNumeric: "tabular-nums" },
  message: { minWidth: 0, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

const NOUN: Record<Severity, StringKey> = { error: "nounError", warning: "nounWarning", info: "nounInfo" };

/** "lỗi ở E5": what a finding is and where, for accessible names. */
function findingName(f: ReviewedFinding, locale: Locale): { what: string; cell: string } {
  const cells = f.cells.length > 3 ? `${f.cells.slice(0, 3).join(", ")}…` : f.cells.join(", ");
  return { what: t(locale, NOUN[f.severity]), cell: cells || f.sheet };
}

/** Where a consequence's cause is: its cell, with its sheet when that is another one. */
const causeCell = (c: { sheet: string; cell: string }, sheet: string) =>
  c.sheet === sheet ? c.cell : `${c.sheet}!${c.cell}`;

export const showValue = (v: number | string | boolean | null, locale: Locale) =>
  v === null || v === "" ? "—" : typeof v === "number" ? formatNumber(v, locale) : String(v);

export const beforeText = (r: FixRecord, locale: Locale) =>
  showValue(r.before.formula ? `=${r.before.formula}` : r.before.value, locale);

export interface FindingRowProps {
  f: ReviewedFinding;
  locale: Locale;
  fixed?: FixRecord;
  /** The sheet is protected: no Fix is offered. */
  locked: boolean;
  selected: boolean;
  open: boolean;
  /** The reason being typed, when the accept form is open. */
  reason?: string;
  onJump: () => void;
  onSelect: (on: boolean) => void;
  onFix: () => void;
  onUndo: () => void;
  onAcceptStart: () => void;
  onReason: (text: string) => void;
  onAcceptSave: () => void;
  onAcceptCancel: () => void;
  onUnaccept: () => void;
}

export function FindingRow(p: FindingRowProps) {
  const styles = useRowStyles();
  const { f, locale } = p;
  const name = findingName(f, locale);
  const color = f.severity === "error" ? "danger" : f.severity === "warning" ? "warning" : "informative";
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const accepting = p.reason !== undefined;
  // Opening "Bỏ qua" puts the cursor in the reason.
  useEffect(() => {
    if (accepting) reasonBox.current?.focus();
  }, [accepting]);
  return (
    <>
      <div className={styles.head}>
        <Checkbox
          checked={p.selected}
          disabled={!!f.accepted}
          aria-label={t(locale, "selectAt", name)}
          onChange={(_e, d) => p.onSelect(!!d.checked)}
        />
        <button type="button" className={styles.jump} aria-expanded={p.open} onClick={p.onJump}>
          <Badge className={styles.badge} appearance={f.accepted ? "outline" : "filled"} color={color}>
            {label(locale, f.severity)}
          </Badge>
          <Caption1 className={styles.cells}>{f.cells.join(", ")}</Caption1>
          <Body1 className={styles.message}>{f.message}</Body1>
        </button>
      </div>
      {p.open && (
        <Caption1 as="p">
          {t(locale, "expected")}: {showValue(f.expected, locale)} · {t(locale, "actual")}:{" "}
          {showValue(f.actual, locale)}. {t(locale, "why")} {ruleById(f.rule)?.meta.rationale[locale]}
        </Caption1>
      )}
      {f.causedBy && (
        <Caption1>
          {formatMessage(label(locale, "consequenceOf"), { cell: causeCell(f.causedBy, f.sheet) })}
        </Caption1>
      )}
      {f.accepted && <Caption1>{t(locale, "accepted", { reason: f.accepted.reason })}</Caption1>}
      {p.fixed && <Caption1>{t(locale, "fixed", { before: beforeText(p.fixed, locale) })}</Caption1>}
      {f.fix && p.locked && !f.accepted && <Caption1>{t(locale, "protectedNoFix")}</Caption1>}
      <div className={styles.actions}>
        {f.fix && !p.fixed && !f.accepted && !p.locked && (
          <Button
            size="small"
            aria-label={t(locale, "fixToAt", { cell: f.fix.cell, value: showValue(f.fix.value, locale) })}
            onClick={p.onFix}
          >
            {t(locale, "fixTo", { value: showValue(f.fix.value, locale) })}
          </Button>
        )}
        {p.fixed && (
          <Button size="small" aria-label={t(locale, "undoAt", { cell: p.fixed.cell })} onClick={p.onUndo}>
            {t(locale, "undo")}
          </Button>
        )}
        {(f.accepted || !accepting) && (
          <Button
            size="small"
            appearance="subtle"
            aria-label={t(locale, f.accepted ? "unacceptAt" : "acceptAt", name)}
            onClick={f.accepted ? p.onUnaccept : p.onAcceptStart}
          >
            {t(locale, f.accepted ? "unaccept" : "accept")}
          </Button>
        )}
      </div>
      {accepting && !f.accepted && (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            if (p.reason?.trim()) p.onAcceptSave();
          }}
        >
          <Field label={t(locale, "acceptReason")} required>
            <Textarea
              ref={reasonBox}
              value={p.reason}
              resize="vertical"
              onChange={(_e, d) => p.onReason(d.value)}
              onKeyDown={(e) => {
                if (e.key === "Escape") p.onAcceptCancel();
              }}
            />
          </Field>
          <div className={styles.actions}>
            <Button type="submit" size="small" appearance="primary" disabled={!p.reason?.trim()}>
              {t(locale, "acceptSave")}
            </Button>
            <Button size="small" onClick={p.onAcceptCancel}>
              {t(locale, "acceptCancel")}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
