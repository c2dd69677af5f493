/**
 * The streaming reader (src/io/xlsx/read.ts) next to ExcelJS's load of the same file (issue 16):
 * per size of person list (3 000, 30 000 and 99 990 people beside the 2024 district tables),
 * each case in its own child process, cold as dean-check runs it, so that its CPU time and its
 * peak memory are its own: CPU is the process's user + system time of the operation (zlib's
 * threads included), memory the child's peak resident set above what it held before the
 * operation (Node and the modules loaded). Targets: the reader ≤ 0.6 × ExcelJS's CPU and
 * ≤ 0.5 × its memory on the 30 000-person list.
 *
 *   node --import tsx bench/reader.ts            (prints a table; a few minutes)
 *
 * bench/run.ts calls measureReader().
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../src/engine/check";
import { builtinRulebook } from "../src/engine/rulebook/builtin";
import { readXlsx } from "../src/io/xlsx/read";
import { people2024, peopleSheet } from "../test/fixtures/people";
import { buildSeed2024AsPrinted } from "../test/fixtures/seed2024";
import { snapshotToXlsxBuffer } from "../test/fixtures/xlsx";
import { peakRssMB } from "./peak";

const root = resolve(__dirname, "..");
const run = promisify(execFile);

/** The 2024 district tables and a list of `n` people (the 550 of the tables, repeated with other names and birth dates). */
export async function peopleWorkbook(n: number): Promise<Buffer> {
  const base = people2024();
  const list = Array.from({ length: n }, (_, i) => {
    const p = base[i % base.length];
    return {
      ...p,
      name: `${p.name} ${Math.floor(i / base.length)}`,
      birth: {
        date: `${1975 + (i % 20)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
      },
    };
  });
  return snapshotToXlsxBuffer({
    sheets: [...buildSeed2024AsPrinted().workbook.sheets.slice(0, 3), peopleSheet(list)],
  });
}

type Mode = "exceljs" | "reader" | "reader+check";
const MODES: readonly Mode[] = ["exceljs", "reader", "reader+check"];

interface ChildReport {
  cpuMs: number;
  wallMs: number;
  /** Peak RSS of the child above its RSS before the operation (MB). */
  peakMB: number;
  /** RSS before the operation: Node and the modules (MB). */
  baseMB: number;
  cells: number;
}

/** In the child: one cold operation on the file. */
async function childRun(mode: Mode, file: string): Promise<ChildReport> {
  const bytes = readFileSync(file);
  const rulebook = builtinRulebook("hai-phong-2024");
  const baseMB = process.memoryUsage().rss / 2 ** 20;
  const cpu = process.cpuUsage();
  const t = performance.now();
  let cells = 0;
  if (mode === "exceljs") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    wb.eachSheet((ws) => ws.eachRow((row) => (cells += row.cellCount)));
  } else {
    const snap = await readXlsx(bytes);
    for (const s of snap.sheets) for (const r of s.values) cells += r.length;
    if (mode === "reader+check") checkWorkbook(snap, { rulebook });
  }
  const wallMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const peak = peakRssMB();
  return { cpuMs: (used.user + used.system) / 1000, wallMs, peakMB: peak - baseMB, baseMB, cells };
}

async function child(mode: Mode, file: string): Promise<ChildReport> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", __filename, "--child", mode, file], {
    cwd: root,
    timeout: 600_000,
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").pop() as string) as ChildReport;
}

export interface ReaderResult {
  people: number;
  bytes: number;
  cells: number;
  mode: Mode;
  /** Medians over the runs. */
  cpuMs: number;
  wallMs: number;
  peakMB: number;
  runs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (n: number, d = 0) => Math.round(n * 10 ** d) / 10 ** d;

/** Each size, each mode, `runs` children in turn (modes interleaved, so that the machine's slow spells weigh on all). */
export async function measureReader(sizes = [3_000, 30_000, 99_990], runs = 3): Promise<ReaderResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "dean-reader-"));
  try {
    const out: ReaderResult[] = [];
    for (const people of sizes) {
      const bytes = await peopleWorkbook(people);
      const file = join(dir, `${people}.xlsx`);
      writeFileSync(file, bytes);
      const reports = new Map<Mode, ChildReport[]>(MODES.map((m) => [m, []]));
      for (let i = 0; i < runs; i++) for (const m of MODES) reports.get(m)?.push(await child(m, file));
      for (const m of MODES) {
        const r = reports.get(m) as ChildReport[];
        out.push({
          people,
          bytes: bytes.length,
          cells: r[0].cells,
          mode: m,
          cpuMs: round(median(r.map((x) => x.cpuMs))),
          wallMs: round(median(r.map((x) => x.wallMs))),
          peakMB: round(median(r.map((x) => x.peakMB))),
          runs,
        });
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A Markdown table: per size, ExcelJS's load, the reader, the reader and the check, and the ratios. */
export function readerTable(results: readonly ReaderResult[]): string {
  const lines = [
    "| people | file | cells | ExcelJS load: CPU / peak | reader: CPU / peak | reader + check: CPU / peak | reader / ExcelJS: CPU | memory |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const sizes = [...new Set(results.map((r) => r.people))];
  for (const people of sizes) {
    const of = (m: Mode) => results.find((r) => r.people === people && r.mode === m) as ReaderResult;
    const [e, r, c] = [of("exceljs"), of("reader"), of("reader+check")];
    lines.push(
      `| ${people.toLocaleString("en-US").replace(/,/g, " ")} | ${round(e.bytes / 1024)} KiB | ${r.cells} | ${e.cpuMs} ms / ${e.peakMB} MB | ${r.cpuMs} ms / ${r.peakMB} MB | ${c.cpuMs} ms / ${c.peakMB} MB | **${round(r.cpuMs / e.cpuMs, 2)}** | **${round(r.peakMB / Math.max(1, e.peakMB), 2)}** |`,
    );
  }
  return lines.join("\n");
}

if (require.main === module) {
  const [flag, mode, file] = process.argv.slice(2);
  if (flag === "--child")
    void childRun(mode as Mode, file).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
  else void measureReader().then((r) => process.stdout.write(`${readerTable(r)}\n`));
}
