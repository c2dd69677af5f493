/**
 * Entry of the task pane page: waits for Office, then renders the pane over the Office.js adapter,
 * with the checker in a Web Worker (checker.js, built from ./engine/worker.ts).
 */
import { createRoot } from "react-dom/client";
import { createExcelAdapter } from "../office/excel-adapter";
import { officeHost } from "../office/host";
import { getRulebook, setRulebook } from "../shared/rulebook-store";
import { App } from "./App";
import { inProcessEngine, workerEngine, type EngineClient } from "./engine/client";
import { restoreRulebook } from "./rulebook-choice";
import { restoreSavedRulebook } from "./startup";

/** The checker in its own thread; in this one where the host has no workers. */
function createEngine(): EngineClient {
  try {
    return workerEngine(new Worker("checker.js"));
  } catch {
    return inProcessEngine();
  }
}

void Office.onReady(async () => {
  const root = document.getElementById("root");
  if (!root) return;
  const port = createExcelAdapter(officeHost());
  // The rulebook this workbook was last checked with, for the pane and the DEAN.* functions alike.
  await restoreSavedRulebook(port, getRulebook(), setRulebook).catch(() => undefined);
  // Kept for this workbook: used as it is; otherwise the first check chooses from what the workbook says.
  const kept = restoreRulebook((await port.loadState().catch(() => undefined))?.rulebook) !== undefined;
  // A new rulebook is shared with the DEAN.* functions; recalculating makes every result follow it.
  const onRulebook = (rb: Parameters<typeof setRulebook>[0]) => {
    setRulebook(rb);
    void port.recalculate?.();
  };
  createRoot(root).render(
    <App
      port={port}
      engine={createEngine()}
      rulebook={getRulebook()}
      rulebookChosenBy={kept ? "saved" : "auto"}
      onRulebook={onRulebook}
    />,
  );
});
