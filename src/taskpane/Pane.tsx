/** The task pane's layout: title, rulebook, commands, notices, and what the check found. */
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useLayoutEffect, useRef, useState } from "react";
import type { Locale } from "../engine/i18n";
import type { CandidateOrigin } from "../engine/rulebook/choose";
import type { Rulebook } from "../engine/rulebook/schema";
import { rulebookSheetKey, rulebookTemplate } from "../engine/rulebook/workbook";
import { Actions, isBusy } from "./Actions";
import type { EngineClient } from "./engine/client";
import type { WorkbookPort } from "./port";
import { Results } from "./Results";
import { decideRulebook, pickedReason, type PaneRulebook } from "./rulebook-choice";
import { RulebookPicker } from "./RulebookPicker";
import { t } from "./strings";
import { cutAtWord } from "./text";
import { useChecker, type Clock } from "./useChecker";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  title: { minWidth: 0 },
  language: { whiteSpace: "nowrap", flexShrink: 0 },
});

export interface PaneProps {
  port: WorkbookPort;
  engine: EngineClient;
  clock?: Clock;
  /** The rulebook in use, how it came to be used and why (issue #11). */
  current: PaneRulebook;
  locale: Locale;
  onLocale: (l: Locale) => void;
  onRulebook: (next: PaneRulebook) => void;
}

export function Pane({ port, engine, clock, current, locale, onLocale, onRulebook }: PaneProps) {
  const styles = useStyles();
  const rulebook = current.rulebook;
  const [suggestion, setSuggestion] = useState<PaneRulebook>();
  const remember = useRef<(rb: Rulebook) => void>(() => undefined);
  const { state, checker } = useChecker(port, rulebook, locale, {
    engine,
    clock,
    // The rulebook of each workbook read: the user's choice, the workbook's own, or the automatic one.
    decide(snap) {
      const d = decideRulebook(snap, current, locale);
      setSuggestion(d.suggestion);
      if (!d.use) return { snapshot: d.snapshot, error: `${t(locale, "rulebookNone")}. ${d.error ?? ""}` };
      const u = d.use;
      if (
        u.rulebook !== current.rulebook ||
        u.chosenBy !== current.chosenBy ||
        u.reason !== current.reason ||
        u.others !== current.others ||
        u.unchecked !== current.unchecked
      ) {
        onRulebook(u);
        if (u.chosenBy === "auto") remember.current(u.rulebook);
      }
      return { rulebook: u.rulebook, snapshot: d.snapshot, split: d.split };
    },
    ignore: (sheet) => rulebookSheetKey(sheet) !== undefined,
  });
  useLayoutEffect(() => {
    remember.current = (rb) => void checker.rememberRulebook(rb);
  }, [checker]);
  const pick = (rb: Rulebook, origin: CandidateOrigin) => {
    setSuggestion(undefined);
    onRulebook({ rulebook: rb, chosenBy: "option", reason: pickedReason("option", locale), origin });
    void checker.rememberRulebook(rb);
  };
  const { phase } = state;
  const other: Locale = locale === "vi" ? "en" : "vi";
  return (
    <main className={styles.root} aria-labelledby="pane-title" aria-busy={isBusy(phase)}>
      <div className={styles.header}>
        <div className={styles.title}>
          <Title3 as="h1" id="pane-title" block>
            {t(locale, "title")}
          </Title3>
          <Caption1 as="p" block title={rulebook.name}>
            {t(locale, "rulebook")}: {cutAtWord(rulebook.name, 90)} ({rulebook.id})
          </Caption1>
        </div>
        <Button
          className={styles.language}
          appearance="subtle"
          size="small"
          lang={other === "en" ? "en" : "vi"}
          onClick={() => onLocale(other)}
        >
          {t(locale, "language")}
        </Button>
      </div>

      <RulebookPicker
        current={current}
        locale={locale}
        suggestion={suggestion}
        onChange={pick}
        onInsert={
          port.insertTemplate
            ? () => void checker.insertTemplate(() => rulebookTemplate(rulebook))
            : undefined
        }
      />

      <Actions state={state} checker={checker} port={port} rulebook={rulebook} locale={locale} />

      {state.notice && (
        <MessageBar intent={state.notice.intent} role={state.notice.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{state.notice.text}</MessageBarBody>
        </MessageBar>
      )}

      {phase.kind === "idle" && (
        <Body1 as="p" block>
          {t(locale, "intro")}
        </Body1>
      )}

      {phase.kind === "error" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t(locale, "readError")}</MessageBarTitle>
            {phase.message}
          </MessageBarBody>
        </MessageBar>
      )}

      {/* The last results stay while the same workbook is checked again (a language, a correction). */}
      {phase.kind !== "error" && phase.kind !== "idle" && state.summary && (
        <Results state={state} checker={checker} engine={engine} rulebook={rulebook} locale={locale} />
      )}
    </main>
  );
}
