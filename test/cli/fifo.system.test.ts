/**
 * A FIFO as an input or as --rules (issue 16): refused with a reason, never a hang. Made with
 * mkfifo, a program of the system, so it runs with npm run test:system (test/setup/system-programs.ts
 * names the program when it is missing); /dev/zero's cases run with npm test (hostile-io.test.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { snapshotToXlsxBuffer } from "../fixtures/xlsx";
import { runMain } from "../helpers/cli";

const cli = (...argv: string[]) => runMain(main, argv);
const dir = mkdtempSync(join(tmpdir(), "dean-fifo-"));
const plan = join(dir, "ke-hoach.xlsx");
const fifo = join(dir, "ong.xlsx");
beforeAll(async () => {
  writeFileSync(plan, await snapshotToXlsxBuffer(seed2026AsPrinted()));
  execFileSync("mkfifo", [fifo]);
});

it("a FIFO as input: a reason, never a hang", async () => {
  const r = await cli("--json", fifo);
  expect(r.code).toBe(2);
  expect(JSON.parse(r.out).files[0].error).toMatch(/^Đây là một đường ống \(FIFO\), không phải tệp\.$/);
});

it("a FIFO as --rules: a reason, never a hang", async () => {
  const r = await cli("--rules", fifo, plan);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(
    /^dean-check: Không đọc được sổ quy tắc ".*ong\.xlsx": đây là một đường ống \(FIFO\)/,
  );
  expect(r.err).not.toContain("không có tệp này");
});
