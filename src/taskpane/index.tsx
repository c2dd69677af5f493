/** Entry of the task pane page: waits for Office, then renders the pane over the Office.js adapter. */
import { createRoot } from "react-dom/client";
import { createExcelAdapter } from "../office/excel-adapter";
import { officeHost } from "../office/host";
import { getRulebook, setRulebook } from "../shared/rulebook-store";
import { App } from "./App";
import { restoreRulebook } from "./rulebook-choice";

void Office.onReady(async () => {
  const root = document.getElementById("root");
  if (!root) return;
  const port = createExcelAdapter(officeHost());
  // The rulebook this workbook was last checked with, for the pane and the DEAN.* functions alike.
  // The DEAN.* results are recalculated only when it is not the default they were computed with
  // (the adapter leaves a workbook in manual calculation mode to the user's F9).
  const saved = restoreRulebook((await port.loadState().catch(() => undefined))?.rulebook);
  if (saved && saved !== getRulebook()) {
    setRulebook(saved);
    void port.recalculate?.();
  }
  // A new rulebook is shared with the DEAN.* functions; recalculating makes every result follow it.
  const onRulebook = (rb: Parameters<typeof setRulebook>[0]) => {
    setRulebook(rb);
    void port.recalculate?.();
  };
  createRoot(root).render(<App port={port} rulebook={getRulebook()} onRulebook={onRulebook} />);
});
