/**
 * The formulas really are plain Excel: LibreOffice recalculates templates written WITHOUT
 * cached results, and every formula cell's value must equal the generator's own result (numbers
 * within 1e-9 relative). The templates are changed first (counts, registrations, people typed in)
 * so that the formulas compute something else than the pre-filled numbers. The people's
 * retirement months and months left must also match the law module, at the birth months where
 * Decree 135's ages step up.
 *
 * Run by `npm run test:system` (not by `npm test`, which needs Node alone). LibreOffice must be
 * installed (apt-get install libreoffice-calc-nogui): without it the run stops with a message
 * saying so (test/setup/system-programs.ts); it is never skipped.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monthsLeft, retirementDate, type Gender } from "../../src/engine/law/retirement";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import type { CellValue } from "../../src/engine/snapshot";
import { buildTemplate } from "../../src/engine/templates/build";
import { evaluateTemplate } from "../../src/engine/templates/evaluate";
import { dateSerial } from "../../src/engine/templates/formula";
import { CHECK_INPUT, PERSON_COL } from "../../src/engine/templates/person-list";
import type { CellResult, Template, TemplateCell } from "../../src/engine/templates/spec";
import { readXlsx } from "../../src/io/xlsx/read";
import { templateXlsxBuffer } from "../../src/io/xlsx/template";
import { convertWithLibreOffice, soffice } from "./libreoffice";
import { formulaCells, setPeople, type Person } from "./util";

jest.setTimeout(240_000);

const rb2026 = builtinRulebook("hai-phong-2026-2030");
const rb2024 = builtinRulebook("hai-phong-2024");

function set(t: Template, row: number, col: number, value: string | number | null): void {
  const c = t.sheets[0].rows[row][col] as TemplateCell;
  c.value = value;
}

/** The cost template of 2027 with typed counts changed: formulas must really compute. */
function changedCost(): Template {
  const t = structuredClone(buildTemplate("cost", { rulebook: rb2026, year: 2027 }));
  set(t, 7, 2, 1000); // STEM, MN
  set(t, 7, 7, 7); // STEM, GDNN
  set(t, 9, 4, null); // management, THCS left blank
  set(t, 14, 7, 81); // - nghiệp vụ sư phạm, GDNN
  set(t, 16, 2, 90); // TC→ĐH, MN: 90 × 13.26 = 1193.4
  set(t, 16, 8, 13.265); // a price typed with three decimals
  return evaluateTemplate(t, rb2026);
}

function changedRegistration(): Template {
  const t = structuredClone(buildTemplate("registration", { rulebook: rb2024, year: 2024 }));
  [1, null, 3, 1, 0, 2, 1, 2, 14, 12, null, 6, 2, 3].forEach((n, i) => set(t, 5 + i, 2, n));
  set(t, 9, 4, 5);
  return evaluateTemplate(t, rb2024);
}

function changedAssignment(): Template {
  const t = structuredClone(buildTemplate("assignment", { rulebook: rb2026, year: 2027, rows: 3 }));
  const rows = t.sheets[0].rows;
  (rows[rows.length - 3][1] as TemplateCell).value = "Kiểm tra, đánh giá kết quả";
  (rows[rows.length - 1][1] as TemplateCell).value = "Báo cáo tổng kết";
  return evaluateTemplate(t, rb2026);
}

/** Birth months where Decree 135's ages step up, and a few beyond the table and odd inputs. */
const PEOPLE: (Person & { g?: Gender })[] = [
  { name: "Nam 06/1965", birth: dateSerial(1965, 6, 15), gender: "Nam", g: "male" },
  { name: "Nam 07/1965", birth: dateSerial(1965, 7, 1), gender: "Nam", g: "male" },
  { name: "Nam 09/1965", birth: dateSerial(1965, 9, 30), gender: "Nam", g: "male" },
  { name: "Nam 03/1966", birth: dateSerial(1966, 3, 31), gender: "nam", g: "male" },
  { name: "Nam 04/1966", birth: dateSerial(1966, 4, 1), gender: "Nam", g: "male" },
  { name: "Nữ 12/1974", birth: dateSerial(1974, 12, 31), gender: "Nữ", g: "female" },
  { name: "Nữ 05/1975", birth: dateSerial(1975, 5, 2), gender: "Nữ", g: "female" },
  { name: "Nữ 1952", birth: dateSerial(1952, 2, 29), gender: "Nữ", g: "female" },
  { name: "Nam 1999", birth: dateSerial(1999, 12, 1), gender: "Nam", g: "male" },
  { name: "Chưa ghi giới tính", birth: dateSerial(1970, 1, 1), gender: "" },
  { name: "Giới tính sai", birth: dateSerial(1970, 1, 1), gender: "X" },
];

function changedPeople(): Template {
  const t = structuredClone(buildTemplate("person-list", { rulebook: rb2026, year: 2027, rows: 14 }));
  setPeople(t, PEOPLE);
  return evaluateTemplate(t, rb2026);
}

/** A value read from LibreOffice's file as the generator would hold it. */
function asResult(v: CellValue | undefined): CellResult | null {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "object" && "date" in v) {
    const [y, m, d] = v.date.split("-").map(Number);
    return dateSerial(y, m, d);
  }
  return v;
}

function same(actual: CellResult | null, expected: CellResult | undefined): boolean {
  const e = expected === "" || expected === undefined ? null : expected;
  if (typeof actual === "number" && typeof e === "number")
    return Math.abs(actual - e) <= 1e-9 * Math.max(1, Math.abs(e));
  return JSON.stringify(actual) === JSON.stringify(e);
}

describe("LibreOffice recalculates the templates as the generator computes them", () => {
  const templates: [string, Template][] = [
    ["cost", changedCost()],
    ["cost-pristine", buildTemplate("cost", { rulebook: rb2026, year: 2030 })],
    ["registration", changedRegistration()],
    ["registration-blank", buildTemplate("registration", { rulebook: rb2026, year: 2027, rows: 5 })],
    ["assignment", changedAssignment()],
    ["person-list", changedPeople()],
  ];
  const dir = mkdtempSync(join(tmpdir(), "dean-template-lo-"));
  const recalculated = new Map<string, Awaited<ReturnType<typeof readXlsx>>>();

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    soffice(); // fails with an installation hint when LibreOffice is missing
    const files: string[] = [];
    for (const [name, t] of templates) {
      const file = join(dir, `${name}.xlsx`);
      writeFileSync(file, await templateXlsxBuffer(t, { cachedResults: false }));
      files.push(file);
    }
    convertWithLibreOffice(files, join(dir, "out"), "xlsx");
    for (const [name] of templates)
      recalculated.set(name, await readXlsx(await readFile(join(dir, "out", `${name}.xlsx`))));
  });

  it.each(templates.map(([name]) => name))("%s: every formula cell", (name) => {
    const t = (templates.find(([n]) => n === name) as [string, Template])[1];
    const book = recalculated.get(name);
    if (!book) throw new Error(`LibreOffice did not convert ${name}`);
    const cells = formulaCells(t);
    expect(cells.length).toBeGreaterThan(0);
    const mismatches: string[] = [];
    for (const { sheet, row, col, cell } of cells) {
      const s = book.sheets.find((x) => x.name === t.sheets[sheet].name);
      const actual = asResult(s?.values[row]?.[col]);
      if (!same(actual, cell.result))
        mismatches.push(
          `${t.sheets[sheet].name}!R${row + 1}C${col + 1} ${cell.formula}: LibreOffice ${JSON.stringify(actual)}, generator ${JSON.stringify(cell.result)}`,
        );
      // The formula survives the round trip.
      expect(s?.formulas?.[row]?.[col]).toBeTruthy();
    }
    expect(mismatches).toEqual([]);
  });

  it("the changed counts and prices did change the results", () => {
    const rows = templates[0][1].sheets[0].rows;
    expect(rows[7][9]?.result).toBe(6034); // (1000 + 874 + 852 + 258 + 26 + 7) × 2
    expect(rows[16][9]?.result).toBe(1327); // (90 + 10) × 13.265 = 1326.5, rounded half up
  });

  it("retirement months and months left match the law module for each person", () => {
    const t = templates.find(([n]) => n === "person-list")?.[1] as Template;
    const book = recalculated.get("person-list");
    const s = book?.sheets[0];
    const header = t.sheets[0].rows.findIndex((r) => r[0]?.value === "STT");
    PEOPLE.forEach((p, i) => {
      const r = header + 1 + i;
      const month = asResult(s?.values[r]?.[PERSON_COL.retirement]);
      const left = asResult(s?.values[r]?.[PERSON_COL.monthsLeft]);
      if (!p.g) {
        expect([p.name, month, left]).toEqual([p.name, null, p.gender === "" ? null : CHECK_INPUT]);
        return;
      }
      const y = new Date((p.birth - 25569) * 86_400_000);
      const birth = { year: y.getUTCFullYear(), month: y.getUTCMonth() + 1 };
      const [ry, rm, rd] = retirementDate(birth, p.g).split("-").map(Number);
      expect([p.name, month, left]).toEqual([
        p.name,
        dateSerial(ry, rm, rd),
        Math.max(0, monthsLeft(birth, p.g)),
      ]);
    });
    // Men born 09/1965 retire at the end of 06/2027: exactly 84 months from 07/2020.
    expect(asResult(s?.values[header + 3]?.[PERSON_COL.monthsLeft])).toBe(84);
    expect(s?.values[header + PEOPLE.length]?.[PERSON_COL.monthsLeft]).toBe(CHECK_INPUT);
  });
});
