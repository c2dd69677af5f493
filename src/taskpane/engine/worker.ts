/**
 * The checker's Web Worker (built as checker.js): the engine runs here, off the pane's thread,
 * so that reading, checking and listing 50 000 findings never freezes the pane.
 */
import { CheckerHost } from "./host";
import type { Envelope, Response } from "./protocol";

interface WorkerScope {
  onmessage: ((e: MessageEvent<Envelope>) => void) | null;
  postMessage(message: Response, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const host = new CheckerHost();

scope.onmessage = (e) => {
  const { id } = e.data;
  try {
    const value = host.handle(e.data, {
      findings: (start, total, findings) =>
        scope.postMessage({ id, type: "findings", start, total, findings }),
      rows: (start, total, rows) => scope.postMessage({ id, type: "rows", start, total, rows }),
    });
    // A list's rows are handed over, not copied.
    const rows = (value as { rows?: unknown } | undefined)?.rows;
    scope.postMessage({ id, type: "result", value }, rows instanceof Int32Array ? [rows.buffer] : []);
  } catch (err) {
    scope.postMessage({ id, type: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
