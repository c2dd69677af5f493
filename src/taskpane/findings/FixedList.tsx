/**
 * "Đã sửa trong phiên này": fixes whose findings are no longer listed (a re-check found the cells
 * right). They stay undoable until the pane is closed; undoing re-checks the sheet, so the cell
 * is flagged again at once.
 */
import { Body1, Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { ReviewedFinding } from "../../engine/accept";
import type { Locale } from "../../engine/i18n";
import { findingKey, type FixBook } from "../checker/fix-book";
import { t } from "../strings";
import { beforeText, showValue } from "./FindingRow";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  item: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    listStyleType: "none",
    minWidth: 0,
  },
  text: { minWidth: 0, overflowWrap: "anywhere" },
});

export function FixedList({
  fixes,
  findings,
  locale,
  onUndo,
}: {
  fixes: FixBook;
  findings: readonly ReviewedFinding[];
  locale: Locale;
  onUndo: (keys: string[]) => void;
}) {
  const styles = useStyles();
  const listed = useMemo(
    () => (fixes.entries.length ? new Set(findings.map(findingKey)) : new Set<string>()),
    [fixes, findings],
  );
  const gone = fixes.entries.filter((e) => e.keys.every((k) => !listed.has(k)));
  if (gone.length === 0) return null;
  return (
    <section aria-labelledby="fixed-in-session">
      <Subtitle2 as="h3" id="fixed-in-session" block>
        {t(locale, "fixedInSession")}
      </Subtitle2>
      <ul className={styles.list}>
        {gone.map((e) => {
          const r = e.records[0];
          const one = e.records.length === 1;
          return (
            <li key={e.id} className={styles.item}>
              <Body1 className={styles.text}>
                {one
                  ? `${r.sheet}!${r.cell}: ${beforeText(r, locale)} → ${showValue(r.after, locale)}`
                  : t(locale, "fixedCells", { count: e.records.length, sheet: r.sheet })}
              </Body1>
              <Button
                size="small"
                aria-label={one ? t(locale, "undoAt", { cell: `${r.sheet}!${r.cell}` }) : undefined}
                onClick={() => onUndo(e.keys)}
              >
                {one ? t(locale, "undo") : t(locale, "undoMany", { count: e.records.length })}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
