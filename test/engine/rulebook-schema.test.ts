/** The committed JSON Schema of rulebooks matches the zod schema, and the built-in rulebooks obey it. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { rulebookJsonSchema } from "../../src/engine/rulebook/json-schema";
import { builtinRulebook, builtinRulebookIds } from "../../src/engine/rulebook/builtin";

const dir = join(__dirname, "..", "..", "src", "rulebooks");

it("src/rulebooks/rulebook.schema.json is up to date (npx tsx scripts/make-rulebook-schema.ts)", () => {
  expect(JSON.parse(readFileSync(join(dir, "rulebook.schema.json"), "utf8"))).toEqual(rulebookJsonSchema());
});

it.each(builtinRulebookIds)("the built-in rulebook %s loads and points at the schema", (id) => {
  expect(builtinRulebook(id).id).toBe(id);
  expect(JSON.parse(readFileSync(join(dir, `${id}.json`), "utf8")).$schema).toBe("./rulebook.schema.json");
});
