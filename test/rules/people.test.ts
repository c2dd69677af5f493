/**
 * The per-person rules on a list of the 550 people the 2024 district tables count: clean as
 * generated, every planted case caught by its rule (and nothing else), the boundaries held, the
 * chain list → district table → plan checked.
 */
import { checkWorkbook } from "../../src/engine/check";
import type { EngineFinding } from "../../src/engine/findings";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { PEOPLE_FIRST_ROW, PEOPLE_SHEET, peopleWorkbook } from "../fixtures/people";

const rulebook = builtinRulebook("hai-phong-2024");
const PEOPLE_RULES = ["upgrade-eligibility", "programme-fit", "person-data", "count-chain", "bdtx"];
const show = (fs: { rule: string; sheet: string; cells: string[]; message: string }[]) =>
  fs.map((f) => `${f.rule} ${f.sheet}!${f.cells.join(",")} ${f.message}`).join("\n");

describe("per-person lists (seed 001 people)", () => {
  it("recognises the list and reads every person", () => {
    const { workbook, list } = peopleWorkbook();
    const r = checkWorkbook(workbook, { rulebook });
    const t = r.workbook.tables.find((x) => x.sheet === PEOPLE_SHEET);
    expect(t?.kind).toBe("person-list");
    expect(t?.people).toHaveLength(list.length);
    expect(list).toHaveLength(42 + 382 + 71 + 55);
    const p = t?.people?.[0];
    expect([p?.level, p?.qualification, p?.sector, p?.gender, p?.programme]).toEqual([
      "MN",
      "TC",
      "cong-lap",
      "male",
      "tc-dh",
    ]);
  });

  it("checks clean as generated: the list adds up to the district tables, which add up to the plan", () => {
    const r = checkWorkbook(peopleWorkbook().workbook, { rulebook });
    expect(show(r.findings.filter((f) => PEOPLE_RULES.includes(f.rule)))).toBe("");
  });

  it("does not flag the boundary people: exactly 84 months (MN), exactly 96 (TH, trung cấp)", () => {
    const r = checkWorkbook(peopleWorkbook({ boundary: true }).workbook, { rulebook });
    expect(show(r.findings.filter((f) => f.sheet === PEOPLE_SHEET))).toBe("");
  });

  const planted = peopleWorkbook({ planted: true });
  // Checked once, before the first test that needs it (not when the file loads: npm run mutate
  // loads this file for every mutant and runs only the tests that reach the mutant).
  let findings: EngineFinding[] = [];
  beforeAll(() => {
    findings = checkWorkbook(planted.workbook, { rulebook }).findings.filter((f) => f.sheet === PEOPLE_SHEET);
  });

  it.each(planted.planted.map((p) => [p.id, p] as const))("catches %s", (_id, p) => {
    const row = PEOPLE_FIRST_ROW + p.index + 1;
    const hit = findings.find(
      (f) => f.rule === p.rule && f.cells.some((c) => Number(c.replace(/^[A-Z]+/, "")) === row),
    );
    if (!hit) throw new Error(`no ${p.rule} finding on row ${row}:\n${show(findings)}`);
    expect(hit.severity).toBe(p.severity);
    expect(hit.message).toContain(p.message);
  });

  it("flags nobody else", () => {
    const rows = new Set(planted.planted.map((p) => PEOPLE_FIRST_ROW + p.index + 1));
    // The duplicate's first occurrence is named in the message, not flagged itself.
    const others = findings.filter((f) => !f.cells.some((c) => rows.has(Number(c.replace(/^[A-Z]+/, "")))));
    expect(show(others)).toBe("");
  });

  it("names the retirement month and the months left that decided it", () => {
    const f = findings.find((x) => x.message.includes("82 tháng"));
    expect(f?.message).toMatch(/nghỉ hưu 04\/2027, còn 82 tháng < 84 tính từ 07\/2020/);
    // The row should leave the list: no value to write; "actual" is what the birth cell shows.
    expect([f?.expected, f?.actual]).toEqual([null, "10/07/1965"]);
  });
});

describe("the chain of counts", () => {
  it("a person missing from the list shows at the district's cell of the table, with the difference", () => {
    const { workbook, list } = peopleWorkbook({ drop: 0 });
    const dropped = peopleWorkbook().list[0];
    expect(list).toHaveLength(549);
    const r = checkWorkbook(workbook, { rulebook });
    const chain = r.findings.filter((f) => f.rule === "count-chain");
    expect(chain).toHaveLength(1);
    expect(chain[0].sheet).toBe("PL1 MN");
    expect(chain[0].message).toContain(`${dropped.area}: danh sách có`);
    expect(chain[0].message).toContain("(chênh 1)");
  });

  it("a district table whose total departs from the plan's head-count", () => {
    const { workbook } = peopleWorkbook();
    const pl2 = workbook.sheets[1];
    const totalRow = pl2.values.findIndex((r) => r[0] === "Tổng số:");
    pl2.values[totalRow][2] = 70;
    const r = checkWorkbook(workbook, { rulebook });
    expect(r.findings.filter((f) => f.rule === "count-chain").map((f) => f.message)).toContainEqual(
      expect.stringContaining("kế hoạch năm 2024 dự kiến 71 (chênh -1)"),
    );
  });
});

it("names rows and cells in English when asked", () => {
  const { workbook } = peopleWorkbook({ planted: true });
  const en = checkWorkbook(workbook, { rulebook, locale: "en" }).findings.filter(
    (f) => f.rule === "person-data",
  );
  expect(en.some((f) => /\(row \d+\): Gender is blank/.test(f.message))).toBe(true);
  expect(en.every((f) => !/dòng|Giới tính/.test(f.message))).toBe(true);
});
