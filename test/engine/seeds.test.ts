/**
 * Every seed's tables as printed (seeds 000–004): recognised, every printed inconsistency found
 * with its rule and message, nothing else reported as an error or warning, and the corrected
 * versions clean. The engine's recognition report of each (kind, year, unit, columns) is kept in
 * __snapshots__/seeds.test.ts.snap, so that a change in how a seed is read shows in review.
 */
import { checkWorkbook } from "../../src/engine/check";
import type { EngineFinding } from "../../src/engine/findings";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { parseRulebook } from "../../src/engine/rulebook/load";
import type { Rulebook } from "../../src/engine/rulebook/schema";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import {
  RULEBOOK_2022,
  SEED_2022_INCONSISTENCIES,
  SEED_2022_NOTES,
  seed2022AsPrinted,
  seed2022Corrected,
} from "../fixtures/seed2022";
import {
  RULEBOOK_2023,
  SEED_2023_INCONSISTENCIES,
  SEED_2023_NOTES,
  seed2023AsPrinted,
  seed2023Corrected,
} from "../fixtures/seed2023";
import { seed2024AsPrinted } from "../fixtures/seed2024";
import { seed2026AsPrinted, seed2026Corrected, withCorrectedOverrides } from "../fixtures/seed2026";
import type { SeedFinding, SeedNote } from "../fixtures/seed-notes";
import {
  RULEBOOK_BDTX,
  SEED_BDTX_INCONSISTENCIES,
  SEED_BDTX_NOTES,
  seedBdtxAsPrinted,
  seedBdtxCorrected,
} from "../fixtures/seedBdtx";
import { recognitionReport } from "../helpers/recognition-report";

interface Seed {
  seed: string;
  rulebook: Rulebook;
  printed: () => WorkbookSnapshot;
  corrected?: () => WorkbookSnapshot;
  correctedRulebook?: Rulebook;
  inconsistencies?: readonly SeedFinding[];
  notes?: readonly SeedNote[];
}

const SEEDS: Seed[] = [
  {
    seed: "000 (Hải Phòng 2023, Phụ lục I)",
    rulebook: builtinRulebook(RULEBOOK_2023),
    printed: seed2023AsPrinted,
    corrected: seed2023Corrected,
    inconsistencies: SEED_2023_INCONSISTENCIES,
    notes: SEED_2023_NOTES,
  },
  {
    seed: "001 (Hải Phòng 2024, Phụ lục 1–6)",
    rulebook: builtinRulebook("hai-phong-2024"),
    printed: seed2024AsPrinted,
  },
  {
    seed: "002 (Hải Phòng 2022, mục III and Phụ lục I–V)",
    rulebook: builtinRulebook(RULEBOOK_2022),
    printed: seed2022AsPrinted,
    corrected: seed2022Corrected,
    inconsistencies: SEED_2022_INCONSISTENCIES,
    notes: SEED_2022_NOTES,
  },
  {
    seed: "003 (Hải Phòng 2026–2030, Phụ lục 1–10)",
    rulebook: builtinRulebook("hai-phong-2026-2030"),
    printed: seed2026AsPrinted,
    corrected: seed2026Corrected,
    correctedRulebook: parseRulebook(withCorrectedOverrides(JSON.parse(JSON.stringify(builtinRulebook())))),
  },
  {
    seed: "004 (Bình Phước BDTX 2023–2024)",
    rulebook: builtinRulebook(RULEBOOK_BDTX),
    printed: seedBdtxAsPrinted,
    corrected: seedBdtxCorrected,
    inconsistencies: SEED_BDTX_INCONSISTENCIES,
    notes: SEED_BDTX_NOTES,
  },
];

const show = (fs: EngineFinding[]) =>
  fs
    .map((f) => `${f.severity} ${f.rule}/${f.messageId} ${f.sheet}!${f.cells.join(",")} ${f.message}`)
    .join("\n");
const documented = (f: EngineFinding, list: readonly SeedFinding[]) =>
  list.some((i) => i.rule === f.rule && i.sheet === f.sheet && i.cells.some((c) => f.cells.includes(c)));

describe.each(SEEDS.map((s) => [s.seed, s] as const))("seed %s", (_name, s) => {
  const printed = checkWorkbook(s.printed(), { rulebook: s.rulebook });

  it("is recognised sheet by sheet (recognition report)", () => {
    expect(printed.workbook.skipped.filter((x) => x.unreadable)).toEqual([]);
    expect(printed.workbook.tables.length).toBeGreaterThan(0);
    expect(recognitionReport(printed.workbook)).toMatchSnapshot();
  });

  if (s.inconsistencies) {
    const list = s.inconsistencies;
    it.each(list.map((i) => [i.id, i] as const))("finds the printed inconsistency %s", (_id, inc) => {
      const hit = printed.findings.filter(
        (f) =>
          f.rule === inc.rule &&
          f.messageId === inc.messageId &&
          f.severity === inc.severity &&
          f.sheet === inc.sheet &&
          inc.cells.some((c) => f.cells.includes(c)),
      );
      if (hit.length === 0) throw new Error(`not found: ${inc.id}\n${show(printed.findings)}`);
    });

    it("reports no error or warning the fixture does not document", () => {
      const other = printed.findings.filter((f) => f.severity !== "info" && !documented(f, list));
      expect(show(other)).toBe("");
    });

    it("documents its doubts and variants, none of which is an error", () => {
      for (const n of s.notes ?? []) {
        expect(n.description.vi.length).toBeGreaterThan(20);
        const errors = printed.findings.filter(
          (f) =>
            f.severity === "error" &&
            f.sheet === n.sheet &&
            n.cells.some((c) => f.cells.includes(c)) &&
            !documented(f, list),
        );
        expect(show(errors)).toBe("");
      }
    });
  }

  if (s.corrected) {
    const corrected = s.corrected;
    it("corrected, checks without an error finding", () => {
      const r = checkWorkbook(corrected(), { rulebook: s.correctedRulebook ?? s.rulebook });
      expect(show(r.findings.filter((f) => f.severity === "error"))).toBe("");
    });
  }
});

it("seed 000's head-counts are read per level, per sector and per target group", () => {
  const t = checkWorkbook(seed2023AsPrinted(), { rulebook: builtinRulebook(RULEBOOK_2023) }).workbook
    .tables[0];
  const byCourse = new Map(t.rows.map((r) => [r.course?.courseId, r]));
  const upgrade = byCourse.get("nang-chuan");
  expect(Object.fromEntries(Object.entries(upgrade?.counts ?? {}).map(([k, v]) => [k, v.value]))).toEqual({
    MN: 234,
    TH: 100,
    THCS: 54,
  });
  expect(upgrade?.quantity?.parts.filter((p) => p.sector).map((p) => [p.level, p.sector, p.value])).toEqual([
    ["MN", "cong-lap", 34],
    ["MN", "ngoai-cong-lap", 200],
  ]);
  expect(byCourse.get("khtn")?.quantity?.parts.map((p) => [p.group, p.value])).toEqual([
    ["A", 477],
    ["B", 150],
  ]);
  expect(byCourse.get("tu-van-tam-ly")?.quantity?.total.value).toBe(448);
  expect(byCourse.get("tu-van-tam-ly")?.levels?.ids).toEqual(["TH", "THCS", "THPT"]);
  expect(t.rows.map((r) => r.tt?.text)).toEqual(["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8."]);
});
