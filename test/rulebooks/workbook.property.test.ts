/**
 * JSON ↔ xlsx round trip of a rulebook is exact (issue #11): any valid rulebook written as a
 * rulebook workbook and read back — from the template's own snapshot, and through a real .xlsx
 * written by ExcelJS and read by dean-check's reader — is the same rulebook. Within what a cell
 * holds (README): texts without leading or trailing spaces, the other names of a level or content
 * without line breaks, months written year-month. Every field of the schema is drawn: the parts of
 * a line (by level, sector, target group), a content's target groups, the head-count over several
 * levels, the timing, form, lead and partner units of a line.
 */
import fc from "fast-check";
import { builtinRulebook, builtinRulebookIds } from "../../src/engine/rulebook/builtin";
import { parseRulebook } from "../../src/engine/rulebook/load";
import type { Rulebook } from "../../src/engine/rulebook/schema";
import { rulebookFromWorkbook, rulebookTemplate } from "../../src/engine/rulebook/workbook";
import { allRules } from "../../src/engine/rules";
import { templateSnapshot } from "../../src/engine/templates/build";
import { readXlsx } from "../../src/io/xlsx/read";
import { templateXlsxBuffer } from "../../src/io/xlsx/template";

const CHARS =
  "abcdefghiklmnopqrstuvxyĂÂĐÊÔƠƯăâđêôơưáàảãạấầẩẫậếềểễệốồổỗộớờởỡợúùủũụứừửữựíìỉĩịýỳỷỹỵ0123456789 -,.()/:;&=+'\"".split(
    "",
  );
/** A trimmed, non-empty text on one line (a name). */
const textArb = (max = 30) =>
  fc
    .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: max })
    .map((cs) => cs.join("").replace(/\s+/g, " ").trim())
    .filter((s) => s.length > 0);
const itemArb = textArb(20);
/** A trimmed text of one to three lines (a note, a partner list, a description). */
const linesArb = (max = 30) =>
  fc.array(textArb(max), { minLength: 1, maxLength: 3 }).map((ls) => ls.join("\n"));
const GROUP_IDS = ["A", "B", "C", "1", "A2", "Z9"];
const LEVEL_IDS = ["MN", "TH", "THCS", "THPT", "GDTX", "GDNN", "L7", "X2"];
const idArb = fc
  .array(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-_".split("")), {
    minLength: 1,
    maxLength: 12,
  })
  .map((cs) => `c${cs.join("")}`);
const yearMonthArb = fc
  .tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);
const moneyArb = fc.oneof(
  fc.integer({ min: 0, max: 1e12 }),
  fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }),
);
const qualArb = fc.constantFrom("TC", "CD", "DH", "ThS");

const rulebookArb: fc.Arbitrary<Rulebook> = fc
  .record({
    levelIds: fc.uniqueArray(fc.constantFrom(...LEVEL_IDS), { minLength: 1, maxLength: 5 }),
    years: fc.uniqueArray(fc.integer({ min: 1990, max: 2100 }), { minLength: 1, maxLength: 4 }),
    courseIds: fc.uniqueArray(idArb, { minLength: 1, maxLength: 5 }),
  })
  .chain(({ levelIds, years, courseIds }) => {
    const levelArb = (id: string) =>
      fc.record({
        id: fc.constant(id),
        name: textArb(),
        aliases: fc.array(itemArb, { maxLength: 3 }),
        schools: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
      });
    const partArb = (groupIds: readonly string[]) =>
      fc.record(
        {
          level: fc.constantFrom(...levelIds),
          sector: fc.constantFrom("cong-lap" as const, "ngoai-cong-lap" as const),
          group: groupIds.length > 0 ? fc.constantFrom(...groupIds) : fc.constant(undefined),
          count: fc.integer({ min: 0, max: 9999 }),
        },
        { requiredKeys: ["count"] },
      );
    const offeringArb = (year: number, perCredit: boolean, groupIds: readonly string[]) =>
      fc.record(
        {
          year: fc.constant(year),
          price: moneyArb,
          credits: fc.integer({ min: 1, max: 200 }),
          quotaPerSchool: fc.integer({ min: 1, max: 20 }),
          counts: fc
            .subarray(levelIds)
            .chain((ls) =>
              fc.tuple(...ls.map((l) => fc.tuple(fc.constant(l), fc.integer({ min: 0, max: 9999 })))),
            )
            .map((pairs) => Object.fromEntries(pairs)),
          amount: moneyArb,
          total: fc.integer({ min: 0, max: 99999 }),
          parts: fc.array(partArb(groupIds), { maxLength: 4 }),
          note: linesArb(40),
          time: textArb(20),
          form: textArb(30),
          lead: textArb(30),
          partner: linesArb(40),
        },
        {
          requiredKeys: perCredit ? ["year", "counts", "parts", "credits"] : ["year", "counts", "parts"],
        },
      );
    const groupArb = (gid: string) =>
      fc.record(
        { id: fc.constant(gid), name: textArb(20), description: linesArb(60) },
        { requiredKeys: ["id", "name"] },
      );
    const courseArb = (id: string) =>
      fc.tuple(fc.boolean(), fc.subarray(GROUP_IDS, { maxLength: 3 })).chain(([perCredit, groupIds]) =>
        fc.record(
          {
            id: fc.constant(id),
            name: textArb(60),
            aliases: fc.array(itemArb, { maxLength: 3 }),
            kind: fc.constantFrom("dao-tao" as const, "boi-duong" as const, "nhom" as const),
            parent: fc.constantFrom(...courseIds),
            target: fc.constantFrom("GV" as const, "CBQL" as const, "CBGV" as const),
            programme: fc.record({
              from: fc.constantFrom("TC" as const, "CD" as const, "DH" as const),
              to: fc.constantFrom("CD" as const, "DH" as const, "ThS" as const),
            }),
            sector: fc.constantFrom("cong-lap" as const, "ngoai-cong-lap" as const),
            groups: fc.tuple(...groupIds.map(groupArb)),
            levels: fc.array(fc.constantFrom(...levelIds), { minLength: 1, maxLength: 4 }),
            pricing: perCredit
              ? fc.record({
                  type: fc.constant("per-credit" as const),
                  pricePerCredit: moneyArb,
                  totalCredits: fc.integer({ min: 1, max: 300 }),
                })
              : fc.constant({ type: "per-person" as const }),
            offerings: fc
              .subarray(years)
              .chain((ys) => fc.tuple(...ys.map((y) => offeringArb(y, perCredit, groupIds)))),
          },
          { requiredKeys: ["id", "name", "aliases", "kind", "groups", "levels", "pricing", "offerings"] },
        ),
      );
    return fc.record(
      {
        $schema: fc.constant("./rulebook.schema.json"),
        id: idArb,
        name: textArb(80),
        province: textArb(20),
        source: textArb(60),
        years: fc.constant(years),
        defaultScale: fc.constantFrom(1 as const, 1000 as const, 1000000 as const),
        levels: fc.tuple(...levelIds.map(levelArb)),
        courses: fc.tuple(...courseIds.map(courseArb)),
        totals: fc.record({
          levelTotals: fc.constantFrom("all" as const, "boi-duong-only" as const),
          amountTotal: fc.constantFrom("all" as const, "boi-duong-only" as const),
        }),
        planTotal: fc.record(
          { amount: moneyArb, words: textArb(60), derived: fc.boolean() },
          { requiredKeys: ["amount", "derived"] },
        ),
        tolerance: fc.double({ min: 0, max: 10, noNaN: true }),
        units: fc.array(
          fc.record(
            {
              label: textArb(20),
              validFrom: yearMonthArb,
              validTo: yearMonthArb,
              names: fc.array(textArb(20), { minLength: 1, maxLength: 4 }),
              extra: fc.array(textArb(20), { maxLength: 2 }),
            },
            { requiredKeys: ["label", "names", "extra"] },
          ),
          { maxLength: 2 },
        ),
        upgrade: fc.record({
          from: yearMonthArb,
          minMonthsLeft: fc.integer({ min: 1, max: 500 }),
          standard: fc
            .subarray(levelIds)
            .chain((ls) => fc.tuple(...ls.map((l) => fc.tuple(fc.constant(l), qualArb))))
            .map((pairs) => Object.fromEntries(pairs)),
          exceptions: fc.array(
            fc.record({
              level: fc.constantFrom(...levelIds),
              qualification: qualArb,
              minMonthsLeft: fc.integer({ min: 1, max: 500 }),
            }),
            { maxLength: 2 },
          ),
        }),
        bdtx: fc.record({
          schoolYear: textArb(12),
          start: yearMonthArb,
          end: yearMonthArb,
          minModules: fc.integer({ min: 1, max: 10 }),
          periodsPerModule: fc.integer({ min: 1, max: 100 }),
          levels: fc.array(fc.constantFrom(...levelIds), { minLength: 1, maxLength: 3 }),
        }),
        rules: fc
          .subarray(allRules.map((r) => r.meta.id))
          .chain((ids) =>
            fc.tuple(
              ...ids.map((id) =>
                fc.tuple(fc.constant(id), fc.constantFrom("error", "warning", "info", "off")),
              ),
            ),
          )
          .map((pairs) => Object.fromEntries(pairs)),
      },
      {
        requiredKeys: [
          "id",
          "name",
          "province",
          "years",
          "defaultScale",
          "levels",
          "courses",
          "totals",
          "tolerance",
          "units",
          "rules",
        ],
      },
    );
  })
  .map((data) => parseRulebook(data));

describe("JSON ↔ xlsx round trip of a rulebook is exact", () => {
  it.each(builtinRulebookIds)("the built-in rulebook %s", async (id) => {
    const rb = builtinRulebook(id);
    const bytes = await templateXlsxBuffer(rulebookTemplate(rb));
    expect(rulebookFromWorkbook(await readXlsx(bytes))?.rulebook).toEqual(rb);
  });

  it("any valid rulebook, through the template's own snapshot", () => {
    fc.assert(
      fc.property(rulebookArb, (rb) => {
        expect(rulebookFromWorkbook(templateSnapshot(rulebookTemplate(rb)))?.rulebook).toEqual(rb);
      }),
      { numRuns: 200 },
    );
  });

  it("any valid rulebook, through a real .xlsx file (ExcelJS writes, dean-check's reader reads)", async () => {
    await fc.assert(
      fc.asyncProperty(rulebookArb, async (rb) => {
        const snapshot = await readXlsx(await templateXlsxBuffer(rulebookTemplate(rb)));
        expect(rulebookFromWorkbook(snapshot)?.rulebook).toEqual(rb);
      }),
      { numRuns: 40 },
    );
  });
});
