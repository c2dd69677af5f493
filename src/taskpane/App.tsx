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
  /** Called when the user picks another rulebook (the add-in shares it with the DEAN.* functions). */
  onRulebook?(rb: Rulebook): void;
}

export function App({
  port,
  rulebook: initial,
  initialLocale = "vi",
  engine: given,
  clock,
  onRulebook,
}: AppProps) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [rulebook, setRulebook] = useState<Rulebook>(initial);
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
          rulebook={rulebook}
          locale={locale}
          onLocale={setLocale}
          onRulebook={(rb) => {
            setRulebook(rb);
            onRulebook?.(rb);
          }}
        />
      </PaneErrorBoundary>
    </FluentProvider>
  );
}
