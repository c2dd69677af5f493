/** docs/security.md states the read limits the code enforces, and names tests that exist. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { POOL_LIMITS } from "../../src/cli/pool";
import { READ_LIMITS } from "../../src/io/xlsx/read";

const root = join(__dirname, "..", "..");
const doc = readFileSync(join(root, "docs", "security.md"), "utf8");
const spaced = (n: number) => n.toLocaleString("en-US").replace(/,/g, " ");

it("states every read limit with its value", () => {
  const row = (label: string) => doc.split("\n").find((l) => l.startsWith(`| ${label}`)) ?? "";
  expect(row("rows holding data")).toContain(spaced(READ_LIMITS.maxRows));
  expect(row("cells of the workbook")).toContain(spaced(READ_LIMITS.maxCells));
  expect(row("bytes of the file")).toContain(`${READ_LIMITS.maxFileBytes / 1024 / 1024} MB`);
  expect(row("inflated bytes of one zip entry")).toContain(`${READ_LIMITS.maxEntryBytes / 1024 / 1024} MB`);
  expect(row("inflated bytes of the file")).toContain(`${READ_LIMITS.maxTotalBytes / 1024 / 1024} MB`);
  expect(row("zip entries")).toContain(spaced(READ_LIMITS.maxEntries));
});

it("states the worker's backstops as the code keeps them", () => {
  const spaced1 = (n: number) => n.toLocaleString("en-US").replace(/,/g, " ");
  expect(doc).toContain(
    `heap limits (${spaced1(POOL_LIMITS.memoryMb)} MB for one worker; ${spaced1(POOL_LIMITS.totalMemoryMb / 2)} MB each`,
  );
  expect(doc).toContain(
    `time limit of ${POOL_LIMITS.cpuMs / 1000} s of the worker's processor time (${POOL_LIMITS.wallMs / 60_000} minutes`,
  );
});

it("names only test files that exist", () => {
  const named = [...doc.matchAll(/`(test\/[\w/.-]+\.test\.ts)`/g)].map((m) => m[1]);
  expect(named.length).toBeGreaterThan(5);
  for (const p of named) expect([p, existsSync(join(root, p))]).toEqual([p, true]);
});
