/**
 * The task pane. It gets the workbook as a port (src/office implements it with Office.js) and
 * the checker as an engine client (a Web Worker in the add-in), so it renders and is tested
 * without Excel. Vietnamese by default, English on request. A render error shows a message, not
 * a blank pane.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Locale } from "../engine/i18n";
import type { Rulebook } from "../engine/rulebook/schema";
import type { Clock } from "./checker/context";
import { pickedReason, type PaneRulebook } from "./rulebook-choice";
import { inProcessEngine, type EngineClient } from "./engine/client";
import { PaneErrorBoundary } from "./ErrorBoundary";
import { Pane } from "./Pane";
import type { WorkbookPort } from "./port";

export interface AppProps {
  port: WorkbookPort;
  rulebook: Rulebook;
  initialLocale?: Locale;
  /** The checker (default: in this thread). */
  engine?: EngineClient;
  /** Time for the checker's delays (tests inject one). */
  clock?: Clock;
  /**
   * "saved" (default): `rulebook` is the one kept for this workbook, used unless the workbook keeps
   * its own rulebook sheets; "auto": none was kept, the first check chooses from what it says.
   */
  rulebookChosenBy?: "saved" | "auto";
  /** Called when another rulebook is used (the add-in shares it with the DEAN.* functions). */
  onRulebook?: (rb: Rulebook) => void;
}

export function App({
  port,
  rulebook: initial,
  initialLocale = "vi",
  engine: given,
  clock,
  rulebookChosenBy,
  onRulebook,
}: AppProps) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  // The rulebook in use, how it came to be used and why (issue #11).
  const [current, setCurrent] = useState<PaneRulebook>(() => ({
    rulebook: initial,
    chosenBy: rulebookChosenBy ?? "saved",
    reason: rulebookChosenBy === "auto" ? "" : pickedReason("saved", initialLocale),
  }));
  const [engine] = useState(() => given ?? inProcessEngine());
  // The checker this pane made is ended with it; one given to it belongs to the caller.
  useEffect(() => (given ? undefined : () => engine.dispose()), [engine, given]);
  return (
    <FluentProvider theme={webLightTheme} lang={locale === "vi" ? "vi-VN" : "en-US"}>
      <PaneErrorBoundary locale={locale} onError={(e) => console.error(e)}>
        <Pane
          port={port}
          engine={engine}
          clock={clock}
          current={current}
          locale={locale}
          onLocale={setLocale}
          onRulebook={(next) => {
            setCurrent(next);
            if (next.rulebook !== current.rulebook) onRulebook?.(next.rulebook);
          }}
        />
      </PaneErrorBoundary>
    </FluentProvider>
  );
}
