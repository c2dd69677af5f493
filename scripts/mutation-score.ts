/**
 * Run after `npm run mutate` (its postmutate script): reads StrykerJS's report (reports/mutation/mutation.json,
 * written by `stryker run` with stryker.config.json) and records the figure: bench/mutation.json
 * and the "Mutation testing of the rules" section of bench/RESULTS.md, between its
 * <!-- mutation:begin --> and <!-- mutation:end --> markers (the other sections are left as they are). The date and the commit measured are recorded with it.
 *
 * Score as Stryker counts it: (killed + timed out) / (killed + timed out + survived + no coverage).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

interface Mutant {
  id: string;
  mutatorName: string;
  status: string;
  replacement?: string;
  location: { start: { line: number; column: number } };
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}
interface Tally {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  ignored: number;
  errors: number;
}

const REPORT = "reports/mutation/mutation.json";
const HEADING = "## Mutation testing of the rules (issue 17)";
const BEGIN =
  "<!-- mutation:begin (written by npm run mutate; other sections are written by other benchmarks) -->";
const END = "<!-- mutation:end -->";

function tally(mutants: Mutant[]): Tally {
  const t: Tally = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
  for (const m of mutants) {
    if (m.status === "Killed") t.killed++;
    else if (m.status === "Timeout") t.timeout++;
    else if (m.status === "Survived") t.survived++;
    else if (m.status === "NoCoverage") t.noCoverage++;
    else if (m.status === "Ignored") t.ignored++;
    else t.errors++;
  }
  return t;
}

/** Percentage with two decimals; null when no mutant counts. */
function score(t: Tally): number | null {
  const detected = t.killed + t.timeout;
  const valid = detected + t.survived + t.noCoverage;
  return valid === 0 ? null : Math.round((detected / valid) * 10000) / 100;
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

function main(): void {
  if (!existsSync(REPORT))
    throw new Error(`${REPORT} is missing: run \`npm run mutate\` (stryker run) first.`);
  const report = JSON.parse(readFileSync(REPORT, "utf8")) as Report;
  const config = JSON.parse(readFileSync("stryker.config.json", "utf8")) as {
    mutate: string[];
    ignoreStatic?: boolean;
    jest: { config: { testMatch: string[] } };
  };
  const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b));
  const all = tally(files.flatMap(([, f]) => f.mutants));
  // The commit Stryker copied (MUTATION_COMMIT when the tree has moved on since the run began).
  const commit = process.env.MUTATION_COMMIT ?? git(["rev-parse", "--short", "HEAD"]);
  const dirty =
    !process.env.MUTATION_COMMIT && git(["status", "--porcelain", "--", "src/engine/rules", "test"]) !== "";
  const measured = {
    date: new Date().toISOString().slice(0, 10),
    commit: dirty ? `${commit} with uncommitted changes` : commit,
    score: score(all),
    killed: all.killed,
    survived: all.survived,
    noCoverage: all.noCoverage,
    timeout: all.timeout,
    ignoredStatic: all.ignored,
    errors: all.errors,
    mutate: config.mutate,
    measuredFiles: files.map(([name]) => name),
    tests: config.jest.config.testMatch.map((r) => r.replace("<rootDir>/", "")),
    files: Object.fromEntries(
      files.map(([name, f]) => [name, { score: score(tally(f.mutants)), ...tally(f.mutants) }]),
    ),
  };
  writeFileSync("bench/mutation.json", `${JSON.stringify(measured, null, 2)}\n`);

  const survivors = files.flatMap(([name, f]) =>
    f.mutants.filter((m) => m.status === "Survived" || m.status === "NoCoverage").map((m) => ({ name, m })),
  );
  const section = [
    HEADING,
    "",
    `Measured by StrykerJS (jest runner; stryker.config.json, scripts/mutation-score.ts) on ${measured.date} at commit ${measured.commit}: the mutants of the ${files.length} files below, each run against the tests of ${measured.tests.map((t) => `\`${t}\``).join(" and ")} that cover it. \`npm run mutate\` mutates \`${config.mutate.join("`, `")}\`; a run limited with \`npm run mutate -- --mutate <files>\` measures only those files. Goal: 80 %.`,
    "",
    `**Score ${measured.score} %**: ${all.killed} killed, ${all.timeout} timed out, ${all.survived} survived, ${all.noCoverage} not covered by any test; ${all.ignored} static mutants ignored (they run only while a module loads — rule metadata and message templates — and would need every test re-run each; the rule tester checks the metadata of every rule).`,
    "",
    "| file | score | killed | survived | no coverage |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...files.map(([name, f]) => {
      const t = tally(f.mutants);
      return `| ${name.replace("src/engine/rules/", "")} | ${score(t) ?? "—"} | ${t.killed + t.timeout} | ${t.survived} | ${t.noCoverage} |`;
    }),
    "",
    `The ${survivors.length} surviving and uncovered mutants are listed with their code in reports/mutation/mutation.html (not committed). Re-run: \`npm run mutate\` — incremental: results of unchanged code and tests are taken from reports/stryker-incremental.json; \`npm run mutate -- --force\` runs everything.`,
    "",
  ].join("\n");
  // Its own section between markers: npm run bench and bench:pane keep such sections, and this
  // script keeps theirs.
  const block = `${BEGIN}\n${section.trimEnd()}\n${END}\n`;
  const results = existsSync("bench/RESULTS.md")
    ? readFileSync("bench/RESULTS.md", "utf8")
    : "# Benchmark results\n";
  const at = results.search(/<!-- mutation:begin[^]*?<!-- mutation:end -->\n?/);
  const updated =
    at < 0
      ? `${results.trimEnd()}\n\n${block}`
      : results.replace(/<!-- mutation:begin[^]*?<!-- mutation:end -->\n?/, () => block);
  writeFileSync("bench/RESULTS.md", updated);
  process.stdout.write(`${section}\n`);
}

main();
