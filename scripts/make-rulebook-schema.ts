/**
 * Writes src/rulebooks/rulebook.schema.json from the zod schema, so that editors (VS Code…)
 * validate and complete a rulebook as it is typed ("$schema": "./rulebook.schema.json").
 * A test fails when the committed file is out of date.
 */
import { writeFileSync } from "node:fs";
import { rulebookJsonSchema } from "../src/engine/rulebook/json-schema";

writeFileSync("src/rulebooks/rulebook.schema.json", `${JSON.stringify(rulebookJsonSchema(), null, 2)}\n`);
