/**
 * dean-check's workers: every file is read and checked in a worker thread, with a memory limit
 * (V8's resourceLimits) and a time limit as a backstop behind the reader's own bounds, so that
 * whatever a file holds, its check ends within the limits with one Vietnamese reason and the
 * other files are checked. A folder of workbooks is shared among as many workers as the machine
 * has cores (two here); only each file's findings come back, never its workbook.
 *
 * Memory: one worker may use POOL_LIMITS.memoryMb of heap; when two run at once each gets half
 * of POOL_LIMITS.totalMemoryMb, and a file that runs out of memory then is checked again alone
 * with the full limit, so that its outcome does not depend on the files beside it.
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

/** The backstops: a file ends within 30 s (with Node's start-up), and the process stays under 2 GB. */
export const POOL_LIMITS = Object.freeze({ timeoutMs: 25_000, memoryMb: 1_200, totalMemoryMb: 1_600 });

const vi = (n: number) => new Intl.NumberFormat("vi-VN").format(n);

export const POOL_REASONS = {
  timeout: (ms: number) =>
    `Tệp quá phức tạp: đọc và kiểm tra quá ${vi(Math.round(ms / 1000))} giây, đã dừng; hãy xóa các dòng, cột thừa hoặc tách tệp rồi kiểm tra lại.`,
  memory: (mb: number) =>
    `Tệp cần quá nhiều bộ nhớ để kiểm tra (hơn ${vi(mb)} MB), đã dừng; hãy xóa các dòng, cột thừa hoặc tách tệp rồi kiểm tra lại.`,
  crash: "Không kiểm tra được tệp: bộ kiểm tra dừng bất thường.",
};

/** Workers left idle by an earlier run in this process (tests, a long-lived caller), by heap size. */
const idle = new Map<number, Worker[]>();

function spawn(memoryMb: number): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 48 } };
  const js = join(__dirname, "check-worker.js");
  if (existsSync(js)) return new Worker(js, options);
  // From the TypeScript sources (tests, benchmarks): the worker compiles them with tsx.
  const ts = join(__dirname, "check-worker.ts");
  return new Worker(`require("tsx/cjs"); require(${JSON.stringify(ts)});`, { ...options, eval: true });
}

function take(memoryMb: number): Worker {
  const w = idle.get(memoryMb)?.pop();
  if (!w) return spawn(memoryMb);
  w.ref();
  return w;
}

function release(w: Worker, memoryMb: number): void {
  const list = idle.get(memoryMb) ?? [];
  if (list.length >= 2) {
    void w.terminate();
    return;
  }
  // Idle workers never keep the process alive.
  w.unref();
  list.push(w);
  idle.set(memoryMb, list);
}

let nextId = 0;

/** Runs one job on `w`; `dead` when the worker had to be stopped (time, memory, crash). */
function runOn(
  w: Worker,
  job: CheckJob,
  settings: CheckSettings,
  timeoutMs: number,
  memoryMb: number,
): Promise<{ outcome: CheckOutcome; dead: boolean; memory?: boolean }> {
  const id = nextId++;
  return new Promise((resolve) => {
    const done = (outcome: CheckOutcome, dead: boolean, memory = false) => {
      clearTimeout(timer);
      w.off("message", onMessage);
      w.off("error", onError);
      w.off("exit", onExit);
      resolve({ outcome, dead, memory });
    };
    const onMessage = (m: { id: number; outcome: CheckOutcome }) => {
      if (m.id === id) done(m.outcome, false);
    };
    const onError = (e: Error & { code?: string }) => {
      const memory = e.code === "ERR_WORKER_OUT_OF_MEMORY";
      done(
        { file: job.file, error: memory ? POOL_REASONS.memory(memoryMb) : POOL_REASONS.crash },
        true,
        memory,
      );
    };
    const onExit = () => done({ file: job.file, error: POOL_REASONS.crash }, true);
    const timer = setTimeout(
      () => done({ file: job.file, error: POOL_REASONS.timeout(timeoutMs) }, true),
      timeoutMs,
    );
    w.on("message", onMessage);
    w.on("error", onError);
    w.on("exit", onExit);
    w.postMessage({ id, job, settings });
  });
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
  const count = Math.max(1, Math.min(jobs.length, limits.workers ?? Math.min(4, availableParallelism())));
  const timeoutMs = limits.timeoutMs ?? POOL_LIMITS.timeoutMs;
  const fullMb = limits.memoryMb ?? POOL_LIMITS.memoryMb;
  const memoryMb = count === 1 ? fullMb : Math.min(fullMb, Math.floor(POOL_LIMITS.totalMemoryMb / count));
  const retry: number[] = [];

  const lane = async (queue: number[], mb: number, report: boolean): Promise<void> => {
    let worker: Worker | undefined;
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      worker ??= take(mb);
      const r = await runOn(worker, jobs[i], settings, timeoutMs, mb);
      if (r.dead) {
        void worker.terminate();
        worker = undefined;
      }
      if (r.memory && mb < fullMb) {
        retry.push(i); // again alone, with the whole limit
        continue;
      }
      outcomes[i] = r.outcome;
      if (report) onDone?.(r.outcome);
    }
    if (worker) release(worker, mb);
  };
  const queue = jobs.map((_, i) => i);
  await Promise.all(Array.from({ length: count }, () => lane(queue, memoryMb, true)));
  if (retry.length > 0) {
    retry.sort((a, b) => a - b);
    await lane(retry, fullMb, true);
  }
  return outcomes;
}
