/** What a rulebook expects of a line: its head-count at a level and its unit price. */
import type { Course, Level, Offering } from "../rulebook/schema";

/**
 * The head-count a rulebook offering expects at a level: its fixed count when it has one, else
 * the quota per school × the level's schools; undefined when it sets neither (eligibility is the
 * caller's business).
 */
export function expectedCount(offering: Offering, level: Level): number | undefined {
  // Own keys only: a level called "constructor" is not Object.prototype's.
  if (Object.hasOwn(offering.counts, level.id)) return offering.counts[level.id];
  if (offering.quotaPerSchool !== undefined && level.schools !== null)
    return offering.quotaPerSchool * level.schools;
  return undefined;
}

/** The unit price the rulebook sets for a course in a year, in đồng, or undefined. */
export function expectedUnitPrice(course: Course, offering: Offering): number | undefined {
  if (course.pricing.type === "per-credit") {
    return offering.credits === undefined ? undefined : course.pricing.pricePerCredit * offering.credits;
  }
  return offering.price;
}
