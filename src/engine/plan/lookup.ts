/** Look-ups in a rulebook shared by the rules, the templates and the DEAN.* functions. */
import type { Course, Offering, Rulebook } from "../rulebook/schema";

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
