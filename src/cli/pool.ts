/**
 * dean-check's workers: every file is read and checked in a worker thread, with a memory limit
 * (V8's resourceLimits) and a time limit as a backstop behind the reader's own bounds, so that
 * whatever a file holds, its check ends within the limits with one Vietnamese reason and the
 * other files are checked. A folder of workbooks is shared among as many workers as the machine
 * has cores (two here); only each file's findings come back, never its workbook.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { CheckJob, CheckOutcome, CheckSettings } from "./check-file";

export interface PoolLimits {
  /** Workers at most (default: the machine's cores, at most 4). */
  workers?: number;
  /** Time one file may take, read, check and copy (ms). */
  timeoutMs?: number;
  /** Old-generation heap of one worker (MB). */
  memoryMb?: number;
}

/** The backstops: a file ends within 30 s, and the whole process stays under 2 GB. */
export const POOL_LIMITS = Object.freeze({ timeoutMs: 25_000, memoryMb: 1_200, totalMemoryMb: 1_600 });

const vi = (n: number) => new Intl.NumberFormat("vi-VN").format(n);

export const POOL_REASONS = {
  timeout: (ms: number) =>
    `Tệp quá phức tạp: đọc và kiểm tra quá ${vi(Math.round(ms / 1000))} giây, đã dừng; hãy xóa các dòng, cột thừa hoặc tách tệp rồi kiểm tra lại.`,
  memory: (mb: number) =>
    `Tệp cần quá nhiều bộ nhớ để kiểm tra (hơn ${vi(mb)} MB), đã dừng; hãy xóa các dòng, cột thừa hoặc tách tệp rồi kiểm tra lại.`,
  crash: "Không kiểm tra được tệp: bộ kiểm tra dừng bất thường.",
};

function spawn(settings: CheckSettings, memoryMb: number): Worker {
  const options = {
    workerData: settings,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 48 },
  };
  const js = join(__dirname, "check-worker.js");
  if (existsSync(js)) return new Worker(js, options);
  // From the TypeScript sources (tests, benchmarks): the worker compiles them with tsx.
  const ts = join(__dirname, "check-worker.ts");
  return new Worker(`require("tsx/cjs"); require(${JSON.stringify(ts)});`, { ...options, eval: true });
}

/**
 * Checks every job in worker threads; `onDone` is told of each file as it ends (in any order);
 * the outcomes come back in the order of the jobs.
 */
export async function checkFiles(
  jobs: readonly CheckJob[],
  settings: CheckSettings,
  limits: PoolLimits = {},
  onDone?: (outcome: CheckOutcome) => void,
): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = new Array(jobs.length);
  if (jobs.length === 0) return outcomes;
  const count = Math.max(1, Math.min(jobs.length, limits.workers ?? Math.min(4, availableParallelism())));
  const timeoutMs = limits.timeoutMs ?? POOL_LIMITS.timeoutMs;
  const memoryMb =
    limits.memoryMb ?? Math.min(POOL_LIMITS.memoryMb, Math.floor(POOL_LIMITS.totalMemoryMb / count));
  let next = 0;

  const lane = async (): Promise<void> => {
    let worker: Worker | undefined;
    try {
      while (next < jobs.length) {
        const i = next++;
        worker ??= spawn(settings, memoryMb);
        const w = worker;
        const outcome = await new Promise<{ outcome: CheckOutcome; dead: boolean }>((resolve) => {
          const done = (o: CheckOutcome, dead: boolean) => {
            clearTimeout(timer);
            w.off("message", onMessage);
            w.off("error", onError);
            w.off("exit", onExit);
            resolve({ outcome: o, dead });
          };
          const onMessage = (m: { id: number; outcome: CheckOutcome }) => {
            if (m.id === i) done(m.outcome, false);
          };
          const onError = (e: Error & { code?: string }) =>
            done(
              {
                file: jobs[i].file,
                error:
                  e.code === "ERR_WORKER_OUT_OF_MEMORY" ? POOL_REASONS.memory(memoryMb) : POOL_REASONS.crash,
              },
              true,
            );
          const onExit = () => done({ file: jobs[i].file, error: POOL_REASONS.crash }, true);
          const timer = setTimeout(() => {
            done({ file: jobs[i].file, error: POOL_REASONS.timeout(timeoutMs) }, true);
          }, timeoutMs);
          w.on("message", onMessage);
          w.on("error", onError);
          w.on("exit", onExit);
          w.postMessage({ id: i, job: jobs[i] });
        });
        if (outcome.dead) {
          void w.terminate();
          worker = undefined;
        }
        outcomes[i] = outcome.outcome;
        onDone?.(outcome.outcome);
      }
    } finally {
      if (worker) await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: count }, lane));
  return outcomes;
}
