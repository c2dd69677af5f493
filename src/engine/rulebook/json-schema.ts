/** The rulebook schema as JSON Schema (for editors and for other tools reading rulebooks). */
import { z } from "zod";
import { rulebookSchema } from "./schema";

export function rulebookJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(rulebookSchema, { io: "input", unrepresentable: "any" }),
    title: "Sổ quy tắc Đề án Checker / Đề án Checker rulebook",
  };
}
