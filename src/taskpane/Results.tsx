/**
 * What a check found: the verdict, the findings (counts, filters, the virtualised list, the fixes
 * of this session), the budget and how each sheet was recognised.
 */
import {
  Body1,
  Caption1,
  CounterBadge,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { countsText, label, noAppendixReason, type Locale } from "../engine/i18n";
import type { Rulebook } from "../engine/rulebook/schema";
import { BudgetPanel } from "./BudgetPanel";
import type { Checker } from "./checker/checker";
import type { CheckerState } from "./checker/context";
import type { EngineClient } from "./engine/client";
import { NO_FILTER, type ListFilter } from "./engine/protocol";
import { Filters } from "./findings/Filters";
import { FindingsList } from "./findings/FindingsList";
import { FixedList } from "./findings/FixedList";
import { useListView } from "./findings/useListView";
import { SheetsPanel } from "./SheetsPanel";
import { t } from "./strings";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center" },
  count: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
});

export interface ResultsProps {
  state: CheckerState;
  checker: Checker;
  engine: EngineClient;
  rulebook: Rulebook;
  locale: Locale;
}

export function Results({ state, checker, engine, rulebook, locale }: ResultsProps) {
  const styles = useStyles();
  const [filter, setFilter] = useState<ListFilter>(NO_FILTER);
  const shown = useListView(engine, filter, state.findings, state.generation);
  const summary = state.summary;
  const protectedSheets = useMemo(() => new Set(summary?.protectedSheets ?? []), [summary]);
  if (!summary) return null;
  const view = shown?.view;
  const open = view?.open ?? { error: 0, warning: 0, info: 0, causes: 0, consequences: 0 };
  const total = state.findings.length;
  const filtered =
    filter.text !== "" ||
    filter.rule !== "" ||
    filter.sheet !== "" ||
    filter.status !== "all" ||
    filter.severities.length > 0;
  return (
    <>
      {summary.empty ? (
        <MessageBar intent="info">
          <MessageBarBody>{t(locale, "emptyWorkbook")}</MessageBarBody>
        </MessageBar>
      ) : summary.tables.length === 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>{noAppendixReason(summary, locale) ?? label(locale, "noAppendix")}</MessageBarBody>
        </MessageBar>
      ) : view && open.error === 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>{t(locale, "clean")}</MessageBarBody>
        </MessageBar>
      ) : null}

      {(state.marks?.skipped ?? []).map((s) => (
        <MessageBar key={s.sheet} intent="warning">
          <MessageBarBody>{t(locale, "notMarked", { sheet: s.sheet, reason: s.reason })}</MessageBarBody>
        </MessageBar>
      ))}

      {total > 0 && (
        <section className={styles.section} aria-labelledby="findings-heading">
          <Subtitle2 as="h2" id="findings-heading" block>
            {t(locale, "findingsHeading")}
          </Subtitle2>
          <div className={styles.counts}>
            {(["error", "warning", "info"] as const).map((s) => (
              <span key={s} className={styles.count}>
                <CounterBadge
                  count={open[s]}
                  showZero
                  overflowCount={999_999}
                  color={s === "error" ? "danger" : s === "warning" ? "important" : "informative"}
                />
                <Body1>{label(locale, s)}</Body1>
              </span>
            ))}
          </div>
          {/* The engine's own counts: "11 lỗi (3 lỗi gốc, 8 lỗi kéo theo), 15 cảnh báo, 0 lưu ý". */}
          {view && <Caption1 as="p">{countsText(open, locale)}</Caption1>}
          {view && (
            <Filters
              locale={locale}
              filter={filter}
              sheets={view.sheets}
              rules={view.rules}
              onChange={setFilter}
            />
          )}
          {view && filtered && (
            <Caption1 role="status">
              {view.matched === 0
                ? t(locale, "noMatch")
                : t(locale, "shownOf", { shown: view.matched, total })}
            </Caption1>
          )}
          {shown && (
            <FindingsList
              locale={locale}
              findings={shown.findings}
              view={shown.view}
              fixes={state.fixes}
              protectedSheets={protectedSheets}
              generation={state.generation}
              focus={state.focus}
              actions={{
                jump: (f) => void checker.jump(f),
                fix: (f) => void checker.fix(f),
                undo: (keys) => void checker.undo(keys),
                accept: (indices, reason) => void checker.accept(indices, reason),
                unaccept: (indices) => void checker.unaccept(indices),
                fixAll: (list) => void checker.fixAll(list),
              }}
            />
          )}
          <FixedList
            fixes={state.fixes}
            findings={state.findings}
            locale={locale}
            onUndo={(keys) => void checker.undo(keys)}
          />
        </section>
      )}

      {summary.budget.years.length > 0 && (
        <section className={styles.section} aria-labelledby="budget-heading">
          <Subtitle2 as="h2" id="budget-heading" block>
            {t(locale, "budget")}
          </Subtitle2>
          <BudgetPanel
            budget={summary.budget}
            rulebook={rulebook}
            locale={locale}
            allocated={state.pane.allocated}
            onAllocated={(v) => void checker.setAllocated(v)}
          />
        </section>
      )}

      <section className={styles.section} aria-labelledby="sheets-heading">
        <Subtitle2 as="h2" id="sheets-heading" block>
          {t(locale, "sheets")}
        </Subtitle2>
        <SheetsPanel
          workbook={summary}
          locale={locale}
          overrides={state.pane.overrides}
          onOverride={(s, o) => void checker.override(s, o)}
        />
      </section>
    </>
  );
}
