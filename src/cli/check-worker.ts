/**
 * The worker thread of dean-check (src/cli/pool.ts): checks one file per message and answers
 * with its small outcome (findings and what the report says of each sheet).
 */
import { parentPort } from "node:worker_threads";
import { checkOneFile, type CheckJob, type CheckSettings } from "./check-file";

const port = parentPort;
if (port) {
  port.on("message", (msg: { id: number; job: CheckJob; settings: CheckSettings }) => {
    void checkOneFile(msg.job, msg.settings).then((outcome) => port.postMessage({ id: msg.id, outcome }));
  });
}
