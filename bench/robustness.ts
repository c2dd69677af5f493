/**
 * Robustness benchmark (issues 7 and 16): time and peak memory of `dean-check --json` on each
 * class of bad file of the corpus (test/fixtures/bad-files.ts) and of two files at the limits,
 * each file in a fresh Node process so that its peak RSS is its own (the worker thread that reads
 * and checks the file included), plus the add-in's path for a sheet of a million rows (the
 * Office.js adapter over the fake Excel, then the engine). Every one must end within 30 s and
 * under 2 GB (docs/security.md); the table says so for each.
 *
 *   node --import tsx bench/robustness.ts        (prints a table; about half a minute)
 *
 * bench/run.ts calls measureRobustness().
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { CliIo } from "../src/cli/main";
import { checkWorkbook } from "../src/engine/check";
import { builtinRulebook } from "../src/engine/rulebook/builtin";
import { createExcelAdapter } from "../src/office/excel-adapter";
import { AT_THE_LIMITS, BAD_FILES } from "../test/fixtures/bad-files";
import { createFakeExcel } from "../test/office/fake-excel";
import { hostOf } from "../test/office/fake-host";
import { peakRssMB } from "./peak";

export interface RobustnessResult {
  name: string;
  /** Wall time of the check (in the child, without starting Node). */
  ms: number;
  /** Peak resident memory of the child process, Node itself included. */
  rssMB: number;
  /** Exit code and reason, or the number of findings. */
  outcome: string;
}

interface ChildReport {
  ms: number;
  rssMB: number;
  outcome: string;
}

const root = resolve(__dirname, "..");
const run = promisify(execFile);

/** Peak RSS so far of this process (its worker threads included), in MB. */
const peakMB = () => Math.round(peakRssMB());

/**
 * dean-check as users run it: the compiled CLI (dist/node/cli, whose worker thread starts from
 * JavaScript) when it is there, built by bench/run.ts; else the sources (the worker then compiles
 * them with tsx, which adds about a second to every file).
 */
function dean(): typeof import("../src/cli/main") {
  const built = join(root, "dist", "node", "cli", "main.js");
  type Main = typeof import("../src/cli/main");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (existsSync(built) ? require(built) : require("../src/cli/main")) as Main;
}

/** In the child: one dean-check run. */
async function checkOne(file: string): Promise<ChildReport> {
  const { main } = dean();
  let out = "";
  let err = "";
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), interactive: false };
  const t = performance.now();
  const code = await main(["--json", file], io);
  const ms = performance.now() - t;
  const doc = JSON.parse(out) as { files: { error?: string; findings?: { severity: string }[] }[] };
  const f = doc.files[0];
  const outcome =
    f.error !== undefined
      ? `exit ${code}: ${f.error}`
      : `exit ${code}: ${f.findings?.length ?? 0} findings (${f.findings?.filter((x) => x.severity === "error").length ?? 0} errors)`;
  if (err && f.error === undefined) throw new Error(err);
  return { ms, rssMB: peakMB(), outcome };
}

/** In the child: the add-in's path for a sheet of `rows` rows, over the fake Excel. */
async function paneRows(rows: number): Promise<ChildReport> {
  const values = [
    ["STT", "Đơn vị", "Số lượng"],
    ...Array.from({ length: rows }, (_, i) => [i + 1, `Trường ${i + 1}`, i % 7]),
  ];
  const fake = createFakeExcel([{ name: "Đăng ký", values }]);
  const t = performance.now();
  try {
    const wb = await createExcelAdapter(hostOf(fake)).read();
    const r = checkWorkbook(wb, { rulebook: builtinRulebook("hai-phong-2024") });
    return {
      ms: performance.now() - t,
      rssMB: peakMB(),
      outcome: `read in ${fake.syncs} syncs, ${r.findings.length} findings`,
    };
  } catch (e) {
    // The add-in's row limit: refused before any cell is read.
    return {
      ms: performance.now() - t,
      rssMB: peakMB(),
      outcome: `refused after ${fake.syncs} syncs: ${(e as Error).message}`,
    };
  }
}

async function child(args: string[]): Promise<ChildReport> {
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", __filename, ...args], {
      cwd: root,
      timeout: 180_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(stdout.trim().split("\n").pop() as string) as ChildReport;
  } catch (e) {
    const err = e as { killed?: boolean; message: string };
    return {
      ms: NaN,
      rssMB: NaN,
      outcome: err.killed ? "timeout (180 s)" : `crash: ${err.message.split("\n")[0]}`,
    };
  }
}

/** Builds the corpus in a temporary folder and measures each file in its own process. */
export async function measureRobustness(): Promise<RobustnessResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "dean-robustness-"));
  try {
    const results: RobustnessResult[] = [];
    const base = await child(["--baseline"]);
    results.push({ name: "(Node + dean-check, no file)", ...base });
    for (const f of [...BAD_FILES, ...AT_THE_LIMITS]) {
      const path = join(dir, f.name);
      writeFileSync(path, await f.build());
      results.push({ name: f.name, ...(await child(["--one", path])) });
    }
    results.push({ name: "add-in: 1 000 000 rows (fake Excel)", ...(await child(["--pane", "1000000"])) });
    return results.map((r) => ({ ...r, ms: Math.round(r.ms) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bounds every file must end within (issue 16): 30 s and 2 GB. */
export const BOUNDS = { ms: 30_000, rssMB: 2048 };

const within = (r: RobustnessResult) => r.ms <= BOUNDS.ms && r.rssMB < BOUNDS.rssMB;

/** A Markdown table of the results. */
export function robustnessTable(results: readonly RobustnessResult[]): string {
  const lines = [
    "| file | outcome | time (ms) | peak RSS (MB) | within 30 s and 2 GB |",
    "| --- | --- | ---: | ---: | :---: |",
  ];
  for (const r of results)
    lines.push(
      `| ${r.name} | ${r.outcome.replace(/\|/g, "\\|").replace(/\n/g, " ")} | ${r.ms} | ${r.rssMB} | ${within(r) ? "yes" : "**no**"} |`,
    );
  return lines.join("\n");
}

/** The files outside the bounds (an empty list when every one is within). */
export function outOfBounds(results: readonly RobustnessResult[]): string[] {
  return results.filter((r) => !within(r)).map((r) => r.name);
}

if (require.main === module) {
  const [mode, arg] = process.argv.slice(2);
  const print = (r: ChildReport) => process.stdout.write(`${JSON.stringify(r)}\n`);
  if (mode === "--one") void checkOne(arg).then(print);
  else if (mode === "--pane") void paneRows(Number(arg)).then(print);
  else if (mode === "--baseline") print({ ms: 0, rssMB: peakMB(), outcome: "—" });
  else
    void measureRobustness().then((r) => {
      process.stdout.write(`${robustnessTable(r)}\n`);
      const out = outOfBounds(r);
      if (out.length > 0) process.stdout.write(`\nOutside the bounds: ${out.join(", ")}\n`);
    });
}
