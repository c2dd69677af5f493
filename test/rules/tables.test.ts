/**
 * Every rule has its own case table, as ESLint's rules do: test/rules/<rule-id>.test.ts imports the
 * rule's module and runs it through ruleTester (test/helpers/rule-tester.ts), which holds each
 * table to ESLint's strictness (message ids, at least one finding per invalid case, no duplicate
 * cases, every message of the rule produced).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { allRules } from "../../src/engine/rules";

const tableOf = (id: string) => join(__dirname, `${id}.test.ts`);
const isTable = (id: string) => {
  const file = tableOf(id);
  if (!existsSync(file)) return false;
  const text = readFileSync(file, "utf8");
  return text.includes(`from "../../src/engine/rules/${id}"`) && /\bruleTester\(\s*\w+\s*,/.test(text);
};

it.each(allRules.map((r) => [r.meta.id] as const))("rule %s has its case table in test/rules", (id) => {
  if (!isTable(id))
    throw new Error(`no table: test/rules/${id}.test.ts must import the rule and call ruleTester(rule, {…})`);
});

it("knows every rule by a file of its own", () => {
  expect(allRules.length).toBeGreaterThanOrEqual(19);
  expect(new Set(allRules.map((r) => r.meta.id)).size).toBe(allRules.length);
});
