/**
 * The worker thread of dean-check (src/cli/pool.ts): checks one file per message, with the
 * rulebook and language it was started with, and answers with the small outcome.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkOneFile, type CheckJob, type CheckSettings } from "./check-file";

const settings = workerData as CheckSettings;
const port = parentPort;
if (port) {
  port.on("message", (msg: { id: number; job: CheckJob }) => {
    void checkOneFile(msg.job, settings).then((outcome) => port.postMessage({ id: msg.id, outcome }));
  });
}
