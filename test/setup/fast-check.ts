/**
 * Property tests (test/robustness) draw random cases. The gate must be reproducible, so under
 * CI they use one fixed seed; elsewhere each run draws a new seed and explores new cases.
 * A failure prints its seed: replay it with FC_SEED=<seed> npx jest <file>.
 */
import fc from "fast-check";

const given = process.env.FC_SEED;
const seed = given ? Number(given) : process.env.CI ? 20261125 : undefined;
if (seed !== undefined && Number.isFinite(seed)) fc.configureGlobal({ seed });
