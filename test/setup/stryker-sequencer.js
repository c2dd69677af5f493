/**
 * For npm run mutate only (stryker.config.json's jest config): runs only the test files that hold a
 * test the mutant is run against.
 *
 * Stryker's jest runner runs each mutant with `--findRelatedTests <rule file>` and a
 * `testNamePattern` naming the tests that cover the mutant (coverageAnalysis: perTest). Every rule
 * test imports the engine, which imports every rule, so every rule file is "related" to every test
 * file: jest loaded the ~23 files of test/rules for each mutant only to skip all but one or two
 * (about 12 s a mutant on the shared 2-core machine). The same tests run here, fewer files load.
 *
 * The names of each file's tests come from reports/rule-tests.json, written by `jest test/rules
 * --json` just before the run (premutate). A file the list does not know is kept; when no file
 * would be kept (a list out of date), every file is; a run without testNamePattern (Stryker's
 * dry run, which measures coverage) keeps every file.
 */
const fs = require("node:fs");
const path = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;

let cached;

/** The list beside the project: in the project itself, or two levels up from a Stryker sandbox. */
function readNames(rootDir) {
  if (cached?.rootDir !== rootDir) cached = { rootDir, names: readList(rootDir) };
  return cached.names;
}

function readList(rootDir) {
  const candidates = [path.join(rootDir, "reports", "rule-tests.json")];
  if (path.basename(path.dirname(rootDir)) === ".stryker-tmp")
    candidates.push(path.resolve(rootDir, "..", "..", "reports", "rule-tests.json"));
  for (const file of candidates) {
    if (!fs.existsSync(file)) continue;
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    // Keyed by the path the list was written with (the project's, not a sandbox copy's).
    const names = new Map();
    for (const r of report.testResults)
      names.set(
        r.name,
        r.assertionResults.map((a) => a.fullName),
      );
    return names;
  }
  return undefined;
}

/** The names listed for the test file at `relative` (to the project or sandbox it runs in). */
function namesOf(names, relative) {
  for (const [file, own] of names) if (file.endsWith(path.sep + relative)) return own;
  return undefined;
}

class RelatedTestFiles extends Sequencer {
  constructor(options) {
    super(options);
    this.globalConfig = options.globalConfig;
  }

  sort(tests) {
    const sorted = super.sort(tests);
    const pattern = this.globalConfig.testNamePattern;
    const names = pattern ? readNames(this.globalConfig.rootDir) : undefined;
    if (!pattern || !names) return sorted;
    // Jest matches testNamePattern against a test's full name, case-insensitively.
    const re = new RegExp(pattern, "i");
    const kept = sorted.filter((t) => {
      const own = namesOf(names, path.relative(this.globalConfig.rootDir, t.path));
      return own === undefined || own.some((n) => re.test(n));
    });
    if (process.env.STRYKER_SEQUENCER_LOG)
      fs.appendFileSync(process.env.STRYKER_SEQUENCER_LOG, `${kept.length} of ${sorted.length}\n`);
    return kept.length ? kept : sorted;
  }
}

module.exports = RelatedTestFiles;
