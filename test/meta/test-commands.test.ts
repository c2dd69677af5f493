/**
 * The two test commands (issue 17): `npm test` needs Node alone, `npm run test:system` runs what
 * needs LibreOffice or Chromium. Each test file belongs to exactly one of them, no test that
 * `npm test` runs can reach a system program, and test:system names what is missing instead of
 * skipping.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { assertPrograms, missingPrograms, SYSTEM_PROGRAMS, type Program } from "../setup/system-programs";

const root = resolve(__dirname, "..", "..");
const jestBin = require.resolve("jest/bin/jest");

function listTests(config: string): string[] {
  const out = execFileSync(process.execPath, [jestBin, "--config", config, "--listTests"], {
    cwd: root,
    encoding: "utf8",
  });
  return out
    .split("\n")
    .filter(Boolean)
    .map((f) => relative(root, f))
    .sort();
}

function allTestFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "test"], {
    cwd: root,
    encoding: "utf8",
  });
  return out
    .split("\n")
    .filter((f) => /\.test\.tsx?$/.test(f) && existsSync(join(root, f)))
    .sort();
}

/** Files that run a system program themselves. */
const RUNS_A_PROGRAM =
  /from "playwright-core"|\bexecFile(Sync)?\(\s*"(soffice|pdftoppm|chromium)"|command -v (soffice|pdftoppm|chromium)/;

/** Relative imports of a TypeScript file, resolved to files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from|import|require\()\s*"(\.{1,2}\/[^"]+)"/g)) {
    const base = resolve(dirname(file), m[1]);
    const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find(
      (f) => existsSync(f) && /\.tsx?$/.test(f),
    );
    if (hit) out.push(hit);
  }
  return out;
}

/** The chain of imports by which `file` reaches a file that runs a system program, if any. */
function reachesProgram(file: string): string[] | undefined {
  const seen = new Set<string>();
  const walk = (f: string, path: string[]): string[] | undefined => {
    if (seen.has(f)) return undefined;
    seen.add(f);
    if (RUNS_A_PROGRAM.test(readFileSync(f, "utf8"))) return [...path, relative(root, f)];
    for (const g of importsOf(f)) {
      const found = walk(g, [...path, relative(root, f)]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(resolve(root, file), []);
}

describe("npm test and npm run test:system", () => {
  const node = listTests("jest.config.js");
  const system = listTests("jest.system.config.js");

  it("share out every test file: each is run by exactly one of the two", () => {
    expect([...node, ...system].sort()).toEqual(allTestFiles());
    expect(node.filter((f) => system.includes(f))).toEqual([]);
    expect(system).toEqual(
      expect.arrayContaining(["test/templates/libreoffice.system.test.ts", "test/e2e/pane.e2e.test.ts"]),
    );
  });

  it("npm test runs no test that reaches LibreOffice, Chromium or poppler", () => {
    // This file names the programs (in the pattern above) and tests test:system's check with fakes.
    const offenders = node
      .filter((f) => f !== relative(root, __filename))
      .map((f) => reachesProgram(f))
      .filter((chain) => chain !== undefined);
    expect(offenders.map((chain) => chain.join(" → "))).toEqual([]);
  });

  it("the guard above does see the system tests reach their programs", () => {
    for (const f of ["test/templates/libreoffice.system.test.ts", "test/e2e/pane.e2e.test.ts"])
      expect(reachesProgram(f)).toBeDefined();
  });

  it("npm test checks nothing only when a build happens to be there (that is test:system's)", () => {
    const conditional = node.filter((f) =>
      /if \(!?existsSync\([^)]*(dist|built)/.test(readFileSync(join(root, f), "utf8")),
    );
    expect(conditional).toEqual([]);
  });
});

describe("test:system's check of the programs", () => {
  const fake = (found: boolean): Program => ({
    name: "soffice (LibreOffice)",
    apt: "libreoffice-calc-nogui",
    env: "SOFFICE",
    usedBy: "the recalculation test",
    found: () => found,
  });

  it("stops the run naming each missing program and its Debian package", () => {
    expect(() =>
      assertPrograms([fake(false), { ...fake(false), name: "chromium", apt: "chromium" }]),
    ).toThrow(
      /soffice \(LibreOffice\): apt-get install libreoffice-calc-nogui[\s\S]*chromium: apt-get install chromium/,
    );
    expect(() => assertPrograms([fake(false)])).toThrow(/npm test/);
  });

  it("passes when everything is installed", () => {
    expect(() => assertPrograms([fake(true)])).not.toThrow();
    expect(missingPrograms([fake(true), fake(false)])).toHaveLength(1);
  });

  it("knows the programs the system tests run", () => {
    expect(SYSTEM_PROGRAMS.map((p) => p.apt)).toEqual(["libreoffice-calc-nogui", "chromium", "coreutils"]);
  });
});
