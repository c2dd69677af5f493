/** Runs a CLI's main(argv, io) in the test process and captures what it writes. */
import type { CliIo } from "../../src/cli/shared";

export interface Run {
  code: number;
  out: string;
  err: string;
  ms: number;
}

export async function runMain(
  main: (argv: readonly string[], io: CliIo) => Promise<number>,
  argv: string[],
): Promise<Run> {
  let out = "";
  let err = "";
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), interactive: false };
  const started = Date.now();
  const code = await main(argv, io);
  return { code, out, err, ms: Date.now() - started };
}
