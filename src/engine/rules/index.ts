import type { Rule } from "./api";
import { credits } from "./credits";
import { duplicateCourse } from "./duplicate-course";
import { eligibleLevel } from "./eligible-level";
import { numberAsText } from "./number-as-text";
import { numbering } from "./numbering";
import { planTotal } from "./plan-total";
import { quota } from "./quota";
import { requiredCells } from "./required-cells";
import { rowArithmetic } from "./row-arithmetic";
import { taskVsCost } from "./task-vs-cost";
import { totals } from "./totals";
import { unitPrice } from "./unit-price";
import { unknownCourse } from "./unknown-course";

/** Every rule, in the order they run. Each lives in its own file in this folder. */
export const allRules: readonly Rule[] = [
  rowArithmetic,
  totals,
  planTotal,
  unitPrice,
  credits,
  quota,
  eligibleLevel,
  taskVsCost,
  numbering,
  requiredCells,
  duplicateCourse,
  unknownCourse,
  numberAsText,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
