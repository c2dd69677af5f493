/**
 * Date serials outside Excel's range, in cells formatted as dates, reach the engine as the numbers
 * they are (Excel shows no date for them) and give plain messages; serial 60 is 29/02/1900 as
 * Excel shows it. Before issue 16, ExcelJS turned them into "+010000-01", "-7978 tuổi" and
 * 28/02/1900.
 */
import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { readXlsx } from "../../src/io/xlsx/read";
import { entriesOf, zipOf } from "../fixtures/bad-files";
import { people2024, peopleSheet } from "../fixtures/people";
import { snapshotToXlsxBuffer } from "../fixtures/xlsx";

it("serials 3 000 000, −5 and 60 in birth-date cells: plain messages, no NaN, no year 10000", async () => {
  const list = people2024().slice(0, 5);
  const bytes = await snapshotToXlsxBuffer({ sheets: [peopleSheet(list)] });
  const serials = ["3000000", "-5", "60"];
  const entries = (await entriesOf(bytes)).map((e) => {
    if (e.name !== "xl/worksheets/sheet1.xml") return e;
    let xml = String(e.data);
    serials.forEach((v, i) => {
      xml = xml.replace(new RegExp(`(<c r="C${5 + i}"[^>]*><v>)[^<]*(</v>)`), `$1${v}$2`);
    });
    return { ...e, data: xml };
  });
  const snap = await readXlsx(zipOf(entries));
  const birth = snap.sheets[0].values.slice(4, 8).map((r) => r[2]);
  expect(birth.slice(0, 3)).toEqual([3000000, -5, { date: "1900-02-29" }]);
  const findings = checkWorkbook(snap, { rulebook: builtinRulebook("hai-phong-2024") }).findings;
  const text = JSON.stringify(findings);
  expect(text).not.toMatch(/NaN|Infinity|\+0\d{5}|-\d{4} tuổi|28\/02\/1900/);
  for (const cell of ["C5", "C6", "C7"]) expect(findings.some((f) => f.cells.includes(cell))).toBe(true);
  const on = (cell: string) =>
    findings
      .filter((f) => f.cells.includes(cell))
      .map((f) => f.message)
      .join(" ");
  expect(on("C5")).toMatch(/3000000|3\.000\.000/);
  expect(on("C7")).toContain("29/02/1900");
});
