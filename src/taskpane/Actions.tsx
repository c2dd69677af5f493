/** The pane's commands (check, clear, export, notes, auto-check, templates) and the progress of a check. */
import { Button, Caption1, ProgressBar, Switch, makeStyles, tokens } from "@fluentui/react-components";
import type { Locale } from "../engine/i18n";
import type { Rulebook } from "../engine/rulebook/schema";
import type { Checker } from "./checker/checker";
import type { CheckerState, Phase } from "./checker/context";
import type { WorkbookPort } from "./port";
import { t } from "./strings";
import { TemplatePanel } from "./TemplatePanel";

const useStyles = makeStyles({
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
});

export const isBusy = (p: Phase) =>
  p.kind === "reading" || p.kind === "sending" || p.kind === "checking" || p.kind === "receiving";

const percent = (done: number, total: number) => (total ? Math.round((100 * done) / total) : 0);

function Progress({ phase, locale }: { phase: Phase; locale: Locale }) {
  const styles = useStyles();
  if (!isBusy(phase)) return null;
  const value =
    phase.kind === "checking"
      ? undefined
      : phase.total
        ? phase.done / phase.total
        : phase.kind === "reading"
          ? undefined
          : 0;
  const text =
    phase.kind === "reading"
      ? t(locale, "reading", { percent: percent(phase.done, phase.total) })
      : phase.kind === "sending"
        ? t(locale, "sending", { percent: percent(phase.done, phase.total) })
        : phase.kind === "receiving"
          ? t(locale, "receiving", { done: phase.done, total: phase.total })
          : t(locale, "engineRunning");
  return (
    <div className={styles.progress} role="status">
      <ProgressBar value={value} aria-label={text} />
      <Caption1>{text}</Caption1>
    </div>
  );
}

export function Actions({
  state,
  checker,
  port,
  rulebook,
  locale,
}: {
  state: CheckerState;
  checker: Checker;
  port: WorkbookPort;
  rulebook: Rulebook;
  locale: Locale;
}) {
  const styles = useStyles();
  const { phase } = state;
  const busy = isBusy(phase);
  return (
    <>
      <div className={styles.toolbar}>
        <Button appearance="primary" disabled={busy} onClick={() => void checker.check()}>
          {busy ? t(locale, "checking") : t(locale, "check")}
        </Button>
        <Button disabled={busy} onClick={() => void checker.clear()}>
          {t(locale, "clear")}
        </Button>
        <Button disabled={busy || phase.kind !== "done"} onClick={() => void checker.exportReport()}>
          {t(locale, "export")}
        </Button>
        <Button disabled={busy || phase.kind !== "done"} onClick={() => void checker.writeNotes()}>
          {t(locale, "notes")}
        </Button>
      </div>
      <Switch
        checked={state.auto}
        // Switching on needs a finished check to compare with; switching off is always possible.
        disabled={!state.auto && phase.kind !== "done"}
        label={t(locale, "autoCheck")}
        onChange={(_e, d) => void checker.setAuto(d.checked)}
      />
      {port.insertTemplate && (
        <details>
          <summary>{t(locale, "templates")}</summary>
          <TemplatePanel
            rulebook={rulebook}
            locale={locale}
            onInsert={(tpl) => checker.insertTemplate(tpl)}
          />
        </details>
      )}
      {state.auto && state.lastCheckMs !== undefined && (
        <Caption1>{t(locale, "rechecked", { ms: state.lastCheckMs })}</Caption1>
      )}
      <Progress phase={phase} locale={locale} />
    </>
  );
}
