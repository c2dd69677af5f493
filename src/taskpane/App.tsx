/**
 * The task pane. It gets the workbook as a port (src/office implements it with Office.js), so
 * it renders and is tested without Excel. Vietnamese by default, English on request.
 */
import {
  Body1,
  Button,
  Caption1,
  CounterBadge,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  Switch,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { budgetSummary } from "../engine/budget";
import { countBySeverity } from "../engine/findings";
import { label, noAppendixReason } from "../engine/i18n";
import type { Rulebook } from "../engine/rulebook/schema";
import type { Locale } from "../engine/i18n";
import { BudgetPanel } from "./BudgetPanel";
import { FindingsList, FixedList } from "./FindingsList";
import type { WorkbookPort } from "./port";
import { RulebookPicker } from "./RulebookPicker";
import { SheetsPanel } from "./SheetsPanel";
import { TemplatePanel } from "./TemplatePanel";
import { t } from "./strings";
import { findingKey, useChecker } from "./useChecker";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
  },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  counts: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center" },
  count: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
});

export interface AppProps {
  port: WorkbookPort;
  rulebook: Rulebook;
  initialLocale?: Locale;
  /** Called when the user picks another rulebook (the add-in shares it with the DEAN.* functions). */
  onRulebook?(rb: Rulebook): void;
}

export function App({ port, rulebook: initial, initialLocale = "vi", onRulebook }: AppProps) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [rulebook, setRulebook] = useState<Rulebook>(initial);
  return (
    <FluentProvider theme={webLightTheme} lang={locale === "vi" ? "vi-VN" : "en-US"}>
      <Pane
        port={port}
        rulebook={rulebook}
        locale={locale}
        onLocale={setLocale}
        onRulebook={(rb) => {
          setRulebook(rb);
          onRulebook?.(rb);
        }}
      />
    </FluentProvider>
  );
}

interface PaneProps {
  port: WorkbookPort;
  rulebook: Rulebook;
  locale: Locale;
  onLocale(l: Locale): void;
  onRulebook(rb: Rulebook): void;
}

function Pane({ port, rulebook, locale, onLocale, onRulebook }: PaneProps) {
  const styles = useStyles();
  const c = useChecker(port, rulebook, locale);
  const budget = useMemo(
    () => (c.state.workbook ? budgetSummary(c.state.workbook, rulebook) : undefined),
    [c.state.workbook, rulebook],
  );
  const { phase, findings, workbook } = c.state;
  const busy = phase.kind === "reading" || phase.kind === "checking";
  const open = findings.filter((f) => !f.accepted);
  const counts = countBySeverity(open);

  return (
    <main className={styles.root} aria-busy={busy}>
      <div className={styles.header}>
        <div>
          <Title3 as="h1" block>
            {t(locale, "title")}
          </Title3>
          <Caption1 as="p" block>
            {t(locale, "rulebook")}: {rulebook.name}
          </Caption1>
        </div>
        <Button appearance="subtle" size="small" onClick={() => onLocale(locale === "vi" ? "en" : "vi")}>
          {t(locale, "language")}
        </Button>
      </div>

      <RulebookPicker
        rulebook={rulebook}
        locale={locale}
        onChange={(rb) => {
          onRulebook(rb);
          void c.rememberRulebook(rb);
        }}
      />

      <div className={styles.toolbar}>
        <Button appearance="primary" disabled={busy} onClick={() => void c.check()}>
          {busy ? t(locale, "checking") : t(locale, "check")}
        </Button>
        <Button disabled={busy} onClick={() => void c.clear()}>
          {t(locale, "clear")}
        </Button>
        <Button disabled={busy || phase.kind !== "done"} onClick={() => void c.exportReport()}>
          {t(locale, "export")}
        </Button>
        {port.writeNotes && (
          <Button disabled={busy || phase.kind !== "done"} onClick={() => void c.writeNotes()}>
            {t(locale, "notes")}
          </Button>
        )}
      </div>
      {!port.writeNotes && phase.kind === "done" && findings.length > 0 && (
        <Caption1>{t(locale, "notesUnavailable")}</Caption1>
      )}

      <Switch
        checked={c.state.auto}
        // Switching on needs a finished check to compare with; switching off is always possible.
        disabled={!c.state.auto && phase.kind !== "done"}
        label={t(locale, "autoCheck")}
        onChange={(_e, d) => void c.setAuto(d.checked)}
      />
      {port.insertTemplate && (
        <details>
          <summary>{t(locale, "templates")}</summary>
          <TemplatePanel rulebook={rulebook} locale={locale} onInsert={(tpl) => c.insertTemplate(tpl)} />
        </details>
      )}

      {c.state.auto && c.state.lastCheckMs !== undefined && (
        <Caption1>{t(locale, "rechecked", { ms: c.state.lastCheckMs })}</Caption1>
      )}

      {phase.kind === "reading" && (
        <div>
          <ProgressBar value={phase.total ? phase.done / phase.total : undefined} />
          <Caption1>
            {t(locale, "reading", {
              percent: phase.total ? Math.round((100 * phase.done) / phase.total) : 0,
            })}
          </Caption1>
        </div>
      )}
      {phase.kind === "checking" && <ProgressBar />}

      {c.state.notice && (
        <MessageBar intent={c.state.notice.intent}>
          <MessageBarBody>{c.state.notice.text}</MessageBarBody>
        </MessageBar>
      )}

      {phase.kind === "idle" && (
        <Body1 as="p" block>
          {t(locale, "intro")}
        </Body1>
      )}

      {phase.kind === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t(locale, "readError")}</MessageBarTitle>
            {phase.message}
          </MessageBarBody>
        </MessageBar>
      )}

      {phase.kind === "done" && workbook && (
        <>
          {c.state.empty ? (
            <MessageBar intent="info">
              <MessageBarBody>{t(locale, "emptyWorkbook")}</MessageBarBody>
            </MessageBar>
          ) : workbook.tables.length === 0 ? (
            <MessageBar intent="warning">
              <MessageBarBody>{noAppendixReason(workbook, locale)}</MessageBarBody>
            </MessageBar>
          ) : counts.error === 0 ? (
            <MessageBar intent="success">
              <MessageBarBody>{t(locale, "clean")}</MessageBarBody>
            </MessageBar>
          ) : null}

          {(c.state.marks?.skipped ?? []).map((s) => (
            <MessageBar key={s.sheet} intent="warning">
              <MessageBarBody>{t(locale, "notMarked", { sheet: s.sheet, reason: s.reason })}</MessageBarBody>
            </MessageBar>
          ))}

          {findings.length > 0 && (
            <div className={styles.counts} aria-label={t(locale, "findings", { count: findings.length })}>
              {(["error", "warning", "info"] as const).map((s) => (
                <span key={s} className={styles.count}>
                  <CounterBadge
                    count={counts[s]}
                    showZero
                    color={s === "error" ? "danger" : s === "warning" ? "important" : "informative"}
                  />
                  <Body1>{label(locale, s)}</Body1>
                </span>
              ))}
            </div>
          )}

          <FindingsList
            findings={findings}
            locale={locale}
            fixes={c.state.fixes}
            onJump={(f) => void c.jump(f)}
            onFix={(f) => void c.fix(f)}
            onUndo={(f) => void c.undo(findingKey(f))}
            onAccept={(f, reason) => void c.accept(f, reason)}
            onUnaccept={(f) => void c.unaccept(f)}
          />
          <FixedList
            fixes={c.state.fixes}
            findings={findings}
            locale={locale}
            onUndo={(key) => void c.undo(key)}
          />

          {budget && budget.years.length > 0 && (
            <>
              <Subtitle2 as="h2">{t(locale, "budget")}</Subtitle2>
              <BudgetPanel
                budget={budget}
                rulebook={rulebook}
                locale={locale}
                allocated={c.state.pane.allocated}
                onAllocated={(v) => void c.setAllocated(v)}
              />
            </>
          )}

          <Subtitle2 as="h2">{t(locale, "sheets")}</Subtitle2>
          <SheetsPanel
            workbook={workbook}
            locale={locale}
            overrides={c.state.pane.overrides}
            onOverride={(s, o) => void c.override(s, o)}
          />
        </>
      )}
    </main>
  );
}
