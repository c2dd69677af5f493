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
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { catalogue, formatNumber, type Locale } from "../engine/i18n";
import type { CheckJob, CheckOutcome, CheckSettings } from "./check-file";

export interface PoolLimits {
  /** Workers at most (default: the machine's cores, at most 4). */
  workers?: number;
  /** Processor time one file may take, read, check and copy (ms), where it can be measured (Linux). */
  cpuMs?: number;
  /** Wall-clock time one file may take (ms): the limit where processor time cannot be measured, else a last resort. */
  timeoutMs?: number;
  /** Old-generation heap of one worker (MB). */
  memoryMb?: number;
}

/**
 * The backstops: a file is stopped after 25 s of processor time (so that with Node's start-up it
 * ends within 30 s on a machine that is not busy with other work; measured per worker thread on
 * Linux, elsewhere 25 s of wall-clock time), or 2 minutes of wall-clock time whatever happens;
 * the process stays under 2 GB.
 */
export const POOL_LIMITS = Object.freeze({
  cpuMs: 25_000,
  wallMs: 120_000,
  memoryMb: 1_200,
  totalMemoryMb: 1_600,
});

const REASONS = catalogue({
  vi: {
    timeout:
      "Tệp quá phức tạp: đọc và kiểm tra quá {seconds} giây, đã dừng; hãy xóa các dòng, cột thừa hoặc tách tệp rồi kiểm tra lại.",
    memory:
      "Tệp cần quá nhiều bộ nhớ để kiểm tra (hơn {mb} MB), đã dừng; hãy xóa các dòng, cột thừa hoặc tách tệp rồi kiểm tra lại.",
    crash: "Không kiểm tra được tệp: bộ kiểm tra dừng bất thường.",
  },
  en: {
    timeout:
      "The file is too complex: reading and checking it took more than {seconds} seconds and was stopped; remove unused rows and columns or split the file, then check it again.",
    memory:
      "The file needs too much memory to check (more than {mb} MB) and was stopped; remove unused rows and columns or split the file, then check it again.",
    crash: "The file could not be checked: the checker stopped unexpectedly.",
  },
});

/** Why the pool stopped a file, in the report's language (the numbers formatted as i18n does). */
export function poolReasons(locale: Locale) {
  return {
    timeout: (ms: number) =>
      REASONS(locale, "timeout", { seconds: formatNumber(Math.round(ms / 1000), locale) }),
    memory: (mb: number) => REASONS(locale, "memory", { mb: formatNumber(mb, locale) }),
    crash: REASONS(locale, "crash"),
  };
}

export const POOL_REASONS = poolReasons("vi");

/** Workers left idle by an earlier run in this process (tests, a long-lived caller), by heap size. */
const idle = new Map<number, Worker[]>();
/** The Linux thread id of each worker, once it said it. */
const threadIds = new WeakMap<Worker, string>();

function spawn(memoryMb: number): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 48 } };
  const js = join(__dirname, "check-worker.js");
  // From the TypeScript sources (tests, benchmarks), the worker compiles them with tsx.
  const ts = join(__dirname, "check-worker.ts");
  const w = existsSync(js)
    ? new Worker(js, options)
    : new Worker(`require("tsx/cjs"); require(${JSON.stringify(ts)});`, { ...options, eval: true });
  const onTid = (m: { tid?: string }) => {
    if (typeof m?.tid === "string" && /^\d+$/.test(m.tid)) threadIds.set(w, m.tid);
    w.off("message", onTid);
  };
  w.on("message", onTid);
  return w;
}

/** Processor time spent so far by a worker's thread (ms), or undefined where it cannot be read. */
function threadCpuMs(w: Worker): number | undefined {
  const tid = threadIds.get(w);
  if (tid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
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
  limits: { cpuMs: number; wallMs: number },
  memoryMb: number,
): Promise<{ outcome: CheckOutcome; dead: boolean; memory?: boolean }> {
  const id = nextId++;
  const reasons = poolReasons(settings.locale);
  return new Promise((resolve) => {
    const done = (outcome: CheckOutcome, dead: boolean, memory = false) => {
      clearTimeout(timer);
      clearInterval(poll);
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
      done({ file: job.file, error: memory ? reasons.memory(memoryMb) : reasons.crash }, true, memory);
    };
    const onExit = () => done({ file: job.file, error: reasons.crash }, true);
    // Processor time of the worker's thread (a new worker's start-up counts too); wall-clock time as a last resort.
    const cpu0 = threadCpuMs(w) ?? 0;
    const timer = setTimeout(
      () => done({ file: job.file, error: reasons.timeout(limits.wallMs) }, true),
      limits.wallMs,
    );
    const poll = setInterval(() => {
      const now = threadCpuMs(w);
      if (now !== undefined && now - cpu0 > limits.cpuMs)
        done({ file: job.file, error: reasons.timeout(limits.cpuMs) }, true);
    }, 250);
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
  const outcomes = new Array<CheckOutcome>(jobs.length);
  const count = Math.max(1, Math.min(jobs.length, limits.workers ?? Math.min(4, availableParallelism())));
  // Where a thread's processor time cannot be read, the wall-clock limit is the processor one.
  const measured = process.platform === "linux" && existsSync("/proc/thread-self");
  const times = {
    cpuMs: limits.cpuMs ?? POOL_LIMITS.cpuMs,
    wallMs: limits.timeoutMs ?? (measured ? POOL_LIMITS.wallMs : POOL_LIMITS.cpuMs),
  };
  const fullMb = limits.memoryMb ?? POOL_LIMITS.memoryMb;
  const memoryMb = count === 1 ? fullMb : Math.min(fullMb, Math.floor(POOL_LIMITS.totalMemoryMb / count));
  const retry: number[] = [];

  const lane = async (queue: number[], mb: number, report: boolean): Promise<void> => {
    let worker: Worker | undefined;
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      worker ??= take(mb);
      const r = await runOn(worker, jobs[i], settings, times, mb);
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
