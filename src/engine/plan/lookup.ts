/** Look-ups in a rulebook shared by the rules, the templates and the DEAN.* functions. */
import type { Course, Offering, Rulebook } from "../rulebook/schema";
import { own } from "../recognize/model";

const courseIndex = new WeakMap<Rulebook, Map<string, Course>>();

export function courseById(rulebook: Rulebook, id: string | undefined): Course | undefined {
  if (id === undefined) return undefined;
  let m = courseIndex.get(rulebook);
  if (!m) {
    m = new Map(rulebook.courses.map((c) => [c.id, c]));
    courseIndex.set(rulebook, m);
  }
  return m.get(id);
}

export function offeringFor(course: Course | undefined, year: number | undefined): Offering | undefined {
  if (!course || year === undefined) return undefined;
  return course.offerings.find((o) => o.year === year);
}

/**
 * The head-count the plan sets for a course in a year: for one level, or over all its levels when
 * none is named (a registration table's column); undefined when the rulebook does not say.
 */
export function plannedCount(
  rulebook: Rulebook,
  courseId: string | undefined,
  level: string | undefined,
  year: number | undefined,
): number | undefined {
  const offering = offeringFor(courseById(rulebook, courseId), year);
  if (!offering) return undefined;
  if (level) return own(offering.counts, level);
  return Object.values(offering.counts).reduce((s, n) => s + n, 0) || undefined;
}
