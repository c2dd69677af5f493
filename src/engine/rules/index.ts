import type { Rule } from "./api";

/** Every rule, in the order they run. Each lives in its own file in this folder. */
export const allRules: readonly Rule[] = [];
