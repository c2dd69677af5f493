import type { Rule } from "./api";
import { credits } from "./credits";
import { duplicateCourse } from "./duplicate-course";
import { eligibleLevel } from "./eligible-level";
import { negativeNumber } from "./negative-number";
import { numberAsText } from "./number-as-text";
import { numbering } from "./numbering";
import { planTotal } from "./plan-total";
import { quota } from "./quota";
import { requiredCells } from "./required-cells";
import { rowArithmetic } from "./row-arithmetic";
import { taskVsCost } from "./task-vs-cost";
import { totals } from "./totals";
import { unitPrice } from "./unit-price";
import { upgradeEligibility } from "./upgrade-eligibility";
import { programmeFit } from "./programme-fit";
import { personData } from "./person-data";
import { countChain } from "./count-chain";
import { bdtx } from "./bdtx";
import { unknownCourse } from "./unknown-course";
import { unreadableTable } from "./unreadable-table";

/** Every rule, in the order they run. Each lives in its own file in this folder. */
export const allRules: readonly Rule[] = [
  unreadableTable,
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
  negativeNumber,
  upgradeEligibility,
  programmeFit,
  personData,
  countChain,
  bdtx,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
