/**
 * For npm run mutate only (stryker.config.json): zod compiles each schema to JavaScript the first
 * time it parses, which is worth it for a long-lived process but costs each jest test file ~0.3 s
 * to parse the built-in rulebooks once. Mutation testing reloads the test files for every mutant,
 * so it parses without compiling (zod's documented jitless mode; the same results).
 */
import { config } from "zod";

config({ jitless: true });
