/**
 * Issue #16 item 8: a bound on rulebook size with a clear message, and no loop over contents
 * inside a loop over contents. The large generated rulebook goes straight to the functions that
 * had nested loops (the schema's cross-checks, the lines of a year, the templates, the rulebook
 * workbook): with 120 000 contents a quadratic loop takes minutes, so the generous hang guard of
 * each test would fail it. Nothing here measures speed.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main as deanCheck } from "../../src/cli/main";
import { main as deanTemplate } from "../../src/cli/dean-template";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { RULEBOOK_LIMITS } from "../../src/engine/rulebook/limits";
import { parseRulebook, RulebookError } from "../../src/engine/rulebook/load";
import { rulebookSchema, type Rulebook } from "../../src/engine/rulebook/schema";
import { rulebookFromWorkbook, rulebookTemplate } from "../../src/engine/rulebook/workbook";
import { buildTemplate, templateSnapshot } from "../../src/engine/templates/build";
import { yearLines } from "../../src/engine/templates/layout";
import { runMain } from "../helpers/cli";

const N = 120_000;
/** Generous: minutes for a quadratic loop over N, a few seconds for a linear one on a busy machine. */
const HANG_GUARD = 90_000;

/** A rulebook of N contents: one group heading every 100 lines with its sub-lines, one year each. */
function huge(n = N): Record<string, unknown> {
  const base = JSON.parse(JSON.stringify(builtinRulebook())) as Record<string, unknown>;
  const courses = [];
  for (let i = 0; i < n; i++) {
    const group = i % 100 === 0;
    courses.push({
      id: `c${i}`,
      name: `Nội dung ${i}`,
      kind: group ? "nhom" : "boi-duong",
      ...(group ? {} : { parent: `c${i - (i % 100)}` }),
      levels: ["MN", "GDNN"],
      offerings: [
        { year: 2026, ...(group ? {} : { price: 1_000_000, quotaPerSchool: 1, counts: { GDNN: 2 } }) },
      ],
    });
  }
  return { ...base, planTotal: undefined, courses };
}

describe("a bound on rulebook size, with a clear message", () => {
  it("a rulebook of 120 000 contents is refused before the schema walks it", () => {
    let error: unknown;
    try {
      parseRulebook(huge(), 'Sổ quy tắc "lon.json"');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RulebookError);
    expect((error as Error).message).toBe(
      'Sổ quy tắc "lon.json" quá lớn: 120.000 nội dung (tối đa 5.000). Một kế hoạch thường chỉ có vài chục nội dung: hãy kiểm tra lại tệp.',
    );
  });

  it("the bound leaves room: a rulebook at the bound loads", () => {
    expect(parseRulebook(huge(RULEBOOK_LIMITS.courses)).courses).toHaveLength(RULEBOOK_LIMITS.courses);
  });

  it("dean-check and dean-template say so in one line and exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rulebook-size-"));
    try {
      const rules = join(dir, "lon.json");
      writeFileSync(rules, JSON.stringify(huge(10_000)));
      for (const [main, argv] of [
        [deanCheck, ["--rules", rules, join(dir, "x.xlsx")]],
        [deanTemplate, ["cost", "--year", "2026", "--rules", rules, "-o", join(dir, "t.xlsx")]],
      ] as const) {
        const r = await runMain(main, [...argv]);
        expect(r.code).toBe(2);
        expect(r.err.trim().split("\n")).toHaveLength(1);
        expect(r.err).toContain("quá lớn: 10.000 nội dung (tối đa 5.000)");
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("no loop over the contents inside a loop over the contents", () => {
  let rulebook: Rulebook;
  beforeAll(() => {
    // The schema itself (no size bound there): its cross-checks are one pass each.
    const r = rulebookSchema.safeParse(huge());
    if (!r.success) throw new Error(r.error.message);
    rulebook = r.data;
  }, HANG_GUARD);

  it(
    "the schema's cross-checks: one content offered 120 000 times in one year is told twice-given once per offering",
    () => {
      const data = huge(1);
      (data.courses as { offerings: unknown[] }[])[0].offerings = Array.from({ length: N }, () => ({
        year: 2026,
      }));
      const r = rulebookSchema.safeParse(data);
      expect(r.success).toBe(false);
      expect(r.error?.issues).toHaveLength(N - 1);
    },
    HANG_GUARD,
  );

  it(
    "the lines of a year: each sub-line right under its heading",
    () => {
      const lines = yearLines(rulebook, 2026);
      expect(lines).toHaveLength(N);
      expect(lines.slice(0, 3).map((l) => [l.course.id, l.sub])).toEqual([
        ["c0", false],
        ["c1", true],
        ["c2", true],
      ]);
    },
    HANG_GUARD,
  );

  it(
    "the cost and task templates of that year (the money total within Excel's formula length)",
    () => {
      const cost = buildTemplate("cost", { rulebook, year: 2026 });
      const total = cost.sheets[0].rows.at(-1)?.[9];
      expect(total?.formula?.length).toBeLessThan(8192);
      // Each line: 1 per school × 596 preschools + 2 GDNN, at 1 million đồng, in million đồng.
      expect(total?.result).toBe((N - N / 100) * (596 + 2));
      expect(buildTemplate("task", { rulebook, year: 2026 }).sheets[0].rows.length).toBeGreaterThan(N);
    },
    HANG_GUARD,
  );

  it(
    "the rulebook workbook, written and read back (stopping at the bound)",
    () => {
      const snapshot = templateSnapshot(rulebookTemplate(rulebook));
      expect(() => rulebookFromWorkbook(snapshot)).toThrow(/quá lớn: 5\.001 nội dung \(tối đa 5\.000\)/);
    },
    HANG_GUARD,
  );
});
