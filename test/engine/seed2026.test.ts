/**
 * The engine on the 2026–2030 plan as printed (seed 003): it must find every inconsistency the
 * fixture documents and raise no other error; the corrected workbook must check clean.
 */
import { checkWorkbook } from "../../src/engine/check";
import type { EngineFinding } from "../../src/engine/findings";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { parseRulebook } from "../../src/engine/rulebook/load";
import {
  SEED_2026_INCONSISTENCIES,
  SEED_2026_VARIANTS,
  seed2026AsPrinted,
  seed2026Corrected,
  withCorrectedOverrides,
  type Seed2026Options,
} from "../fixtures/seed2026";

const rulebook = builtinRulebook();
const corrected = parseRulebook(withCorrectedOverrides(JSON.parse(JSON.stringify(rulebook))));

const errors = (fs: EngineFinding[]) => fs.filter((f) => f.severity === "error");
const show = (fs: EngineFinding[]) =>
  fs.map((f) => `${f.rule} ${f.sheet}!${f.cells.join(",")} ${f.message}`).join("\n");

describe.each<[string, Seed2026Options]>([
  ["numbers", { amountsAs: "number" }],
  ["amounts typed as text", { amountsAs: "text" }],
  ["amounts as formulas", { amountsAs: "formula" }],
  ["blanks pasted as NBSP", { blanks: "nbsp" }],
])("seed 003 (%s)", (_name, options) => {
  const printed = checkWorkbook(seed2026AsPrinted(options), { rulebook });

  it("recognises all eleven sheets with their kind, year and unit", () => {
    expect(printed.workbook.skipped).toEqual([]);
    const kinds = printed.workbook.tables.map((t) => `${t.kind}:${t.year ?? "-"}:${t.scale}`);
    expect(kinds).toEqual([
      ...[2026, 2027, 2028, 2029, 2030].map((y) => `task:${y}:1000000`),
      ...[2026, 2027, 2028, 2029, 2030].map((y) => `cost:${y}:1000000`),
      "summary:-:1000000",
    ]);
  });

  it.each(SEED_2026_INCONSISTENCIES.map((i) => [i.id, i] as const))("finds %s", (_id, inc) => {
    const hit = printed.findings.find(
      (f) => f.rule === inc.rule && f.sheet === inc.sheet && inc.cells.some((c) => f.cells.includes(c)),
    );
    if (!hit)
      throw new Error(
        `not found: ${inc.rule} ${inc.sheet}!${inc.cells.join(",")}\nfindings:\n${show(printed.findings)}`,
      );
  });

  it("raises no error the fixture does not document", () => {
    const unexplained = errors(printed.findings).filter(
      (f) =>
        !SEED_2026_INCONSISTENCIES.some(
          (i) => i.rule === f.rule && i.sheet === f.sheet && i.cells.some((c) => f.cells.includes(c)),
        ),
    );
    expect(show(unexplained)).toBe("");
  });

  it("the corrected workbook checks clean", () => {
    const r = checkWorkbook(seed2026Corrected(options), { rulebook: corrected });
    expect(show(errors(r.findings))).toBe("");
  });
});

describe("reading through what users type", () => {
  const r = checkWorkbook(seed2026AsPrinted(), { rulebook });
  const rowOf = (sheet: string, cell: string) => {
    const t = r.workbook.tables.find((x) => x.sheet === sheet);
    return t?.rows.find((row) => row.label?.cell === cell);
  };
  it.each(
    SEED_2026_VARIANTS.filter((v) => v.kind === "course").map(
      (v) => [`${v.sheet}!${v.cell} "${v.text}"`, v] as const,
    ),
  )("%s", (_n, v) => {
    expect(rowOf(v.sheet, v.cell)?.course?.courseId).toBe(v.courseId);
  });
});
