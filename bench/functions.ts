/**
 * Benchmark of the =DEAN.* functions (issue 4): 10 000 DEAN.COST calls as a sheet recalculates
 * them, with course ids and course names as typed (no diacritics, a typo, a bullet, extra words),
 * levels by id, full name or folded name, and years as numbers or text. Nothing is written: the
 * lead calls measureFunctions() from bench/run.ts.
 */
import { builtinRulebook } from "../src/engine/rulebook/builtin";
import { parseRulebook } from "../src/engine/rulebook/load";
import type { Rulebook } from "../src/engine/rulebook/schema";
import { fold } from "../src/engine/text/normalize";
import { cost, type CellArg } from "../src/functions/library";

export interface FunctionsMeasure {
  name: string;
  ms: number;
  note: string;
}

type CostArgs = [course: CellArg, level: CellArg, count: CellArg, year: CellArg];

const CALLS = 10_000;

/** The ways a course is written in the calls, from the rulebook's own names. */
function courseSpellings(id: string, name: string, k: number): string[] {
  const typo = name.replace("ứng", "ưng").replace("Ứng", "Ưng");
  return [id, name, fold(name), `${k + 1}. ${name}`, typo === name ? `- ${name};` : typo];
}

/** `n` COST calls cycling over every priced (course, year, eligible level) of the rulebook. */
export function costCalls(rulebook: Rulebook, n = CALLS, distinct = false): CostArgs[] {
  const combos: { spellings: string[]; year: number; level: { id: string; name: string } }[] = [];
  rulebook.courses.forEach((c, k) => {
    const spellings = courseSpellings(c.id, c.name, k);
    for (const o of c.offerings) {
      if (o.price === undefined && o.credits === undefined) continue;
      for (const level of rulebook.levels)
        if (c.levels.includes(level.id)) combos.push({ spellings, year: o.year, level });
    }
  });
  const calls: CostArgs[] = [];
  for (let i = 0; i < n; i++) {
    const c = combos[i % combos.length];
    let course = c.spellings[Math.floor(i / combos.length) % c.spellings.length];
    // Every text different: the matcher's cache never helps (a worst case, not a real sheet).
    if (distinct && course.includes(" ")) course = `${course} ${"x".repeat(1 + (i % 7))}${i}`;
    const level = [c.level.id, c.level.name, fold(c.level.name)][i % 3];
    const year = i % 2 ? c.year : String(c.year);
    calls.push([course, level, (i * 37) % 1000, year]);
  }
  return calls;
}

function run(rulebook: Rulebook, calls: CostArgs[]): { ms: number; total: number } {
  const t0 = performance.now();
  let total = 0;
  for (const [course, level, count, year] of calls) total += cost(rulebook, course, level, count, year);
  return { ms: performance.now() - t0, total };
}

const fresh = (): Rulebook => parseRulebook(JSON.parse(JSON.stringify(builtinRulebook())));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Times `calls` (default 10 000) DEAN.COST calls three ways; tests pass a small number. */
export async function measureFunctions(options: { calls?: number } = {}): Promise<FunctionsMeasure[]> {
  const n = options.calls ?? CALLS;
  const calls = costCalls(builtinRulebook(), n);
  const texts = new Set(calls.map((c) => c[0])).size;

  // Cold: a rulebook never used before, so the course matcher is built and every text is matched once.
  const cold = run(fresh(), calls);

  // Warm: the same rulebook again, as on every recalculation after the first.
  const rb = fresh();
  run(rb, calls);
  const warmRuns: number[] = [];
  for (let k = 0; k < 5; k++) warmRuns.push(run(rb, calls).ms);
  const warm = median(warmRuns);

  // Worst case: every text different, each fuzzy-matched from scratch.
  const distinct = costCalls(builtinRulebook(), n, true);
  const worst = run(fresh(), distinct);

  const perCall = (ms: number) => `${round2((ms * 1000) / n)} µs per call`;
  const times = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return [
    {
      name: `DEAN.COST × ${times}, cold (new rulebook)`,
      ms: round2(cold.ms),
      note: `${texts} distinct course texts (ids, names, no diacritics, typo, bullets); matcher built on first call; ${perCall(cold.ms)}`,
    },
    {
      name: `DEAN.COST × ${times}, warm (recalculation)`,
      ms: round2(warm),
      note: `median of 5 runs; ${perCall(warm)}`,
    },
    {
      name: `DEAN.COST × ${times}, every text different`,
      ms: round2(worst.ms),
      note: `worst case: each name fuzzy-matched from scratch; ${perCall(worst.ms)}`,
    },
  ];
}
