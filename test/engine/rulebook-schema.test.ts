/** The committed JSON Schema of rulebooks matches the zod schema, and the built-in rulebooks obey it (checked by ajv, a validator independent of zod). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
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

/** The committed schema, compiled by ajv (a JSON Schema validator of its own, not zod). */
const validate = new Ajv2020({ allErrors: true }).compile(
  JSON.parse(readFileSync(join(dir, "rulebook.schema.json"), "utf8")) as object,
);
const rulebookJson = (id: string) =>
  JSON.parse(readFileSync(join(dir, `${id}.json`), "utf8")) as Record<string, unknown>;

it.each(builtinRulebookIds)("the built-in rulebook %s obeys the committed JSON Schema (ajv)", (id) => {
  const ok = validate(rulebookJson(id));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
});

it("the committed JSON Schema refuses a rulebook that breaks it (ajv)", () => {
  expect(validate({ ...rulebookJson(builtinRulebookIds[0]), id: 42 })).toBe(false);
});
