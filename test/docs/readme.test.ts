/** The README stays true: its rules table lists every rule with its default severity; its commands exist. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allRules } from "../../src/engine/rules";

const root = join(__dirname, "..", "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  bin: Record<string, string>;
};

it("lists every rule with its default severity, and no other", () => {
  const rows = [...readme.matchAll(/^\|\s*`([a-z-]+)`\s*\|\s*(error|warning|info)\s*\|/gm)].map((m) => [
    m[1],
    m[2],
  ]);
  expect(rows.sort()).toEqual(allRules.map((r) => [r.meta.id, r.meta.defaultSeverity]).sort());
});

it("names only npm scripts that exist", () => {
  for (const m of readme.matchAll(/npm run ([a-z0-9:-]+)/g)) expect(Object.keys(pkg.scripts)).toContain(m[1]);
  expect(pkg.bin["dean-check"]).toBe("dist/node/cli/dean-check.js");
});
