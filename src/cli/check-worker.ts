/**
 * The worker thread of dean-check (src/cli/pool.ts): checks one file per message and answers
 * with its small outcome (findings and what the report says of each sheet).
 */
import { readlinkSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { checkOneFile, type CheckJob, type CheckSettings } from "./check-file";

const port = parentPort;
if (port) {
  // This thread's id (Linux), so that the pool can measure the processor time it spends.
  try {
    port.postMessage({ tid: readlinkSync("/proc/thread-self").split("/").pop() });
  } catch {
    // elsewhere the pool falls back to wall-clock time
  }
  port.on("message", (msg: { id: number; job: CheckJob; settings: CheckSettings }) => {
    void checkOneFile(msg.job, msg.settings).then((outcome) => port.postMessage({ id: msg.id, outcome }));
  });
}
