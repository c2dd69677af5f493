/** Entry of the task pane page: waits for Office, then renders the pane over the Office.js adapter. */
import { createRoot } from "react-dom/client";
import { createExcelAdapter } from "../office/excel-adapter";
import { officeHost } from "../office/host";
import { getRulebook } from "../shared/rulebook-store";
import { App } from "./App";

void Office.onReady(() => {
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<App port={createExcelAdapter(officeHost())} rulebook={getRulebook()} />);
});
