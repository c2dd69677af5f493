/**
 * Level and course ids are ordinary keys everywhere in recognition and the rules (issue 16):
 * "constructor", "toString", "valueOf", "hasOwnProperty" — never Object.prototype's members.
 * ("__proto__" is refused as an id by the rulebook schema's id pattern; as a header or an alias it
 * is plain text.)
 */
import { checkWorkbook } from "../../src/engine/check";
import { own } from "../../src/engine/recognize/model";
import { parseRulebook } from "../../src/engine/rulebook/load";
import type { RulebookInput } from "../../src/engine/rulebook/schema";
import { costSheet, workbook } from "../helpers/sheets";

const IDS = ["constructor", "toString", "valueOf", "hasOwnProperty"] as const;

const rulebook = parseRulebook({
  id: "prototype-ids",
  name: "Sổ quy tắc thử với mã cấp học trùng tên thuộc tính của Object",
  province: "Thử",
  years: [2026],
  levels: [
    { id: "constructor", name: "Mầm non", aliases: ["MN", "__proto__"], schools: 10 },
    { id: "toString", name: "Tiểu học", aliases: ["TH"], schools: 20 },
    { id: "valueOf", name: "Trung học cơ sở", aliases: ["THCS"], schools: 30 },
    { id: "hasOwnProperty", name: "Trung học phổ thông", aliases: ["THPT"], schools: null },
  ],
  courses: [
    {
      id: "toString-course",
      name: "Thiết kế và triển khai giáo dục STEM/STEAM",
      kind: "boi-duong",
      levels: ["constructor", "toString", "valueOf"],
      offerings: [{ year: 2026, price: 2_000_000, quotaPerSchool: 2, counts: { valueOf: 7 } }],
    },
  ],
} satisfies RulebookInput);

const line = (mn: number, th: number, thcs: number, thpt: number | null) => {
  const n = mn + th + thcs + (thpt ?? 0);
  return ["1", "Thiết kế và triển khai giáo dục STEM/STEAM", mn, th, thcs, thpt, null, null, 2, n * 2, null];
};

it("reads the level columns under ids named like Object's members", () => {
  const { workbook: wb } = checkWorkbook(workbook(costSheet(2026, [line(20, 40, 7, null)])), { rulebook });
  const t = wb.tables[0];
  expect(Object.keys(t.columns.levels)).toEqual([...IDS]);
  for (const id of IDS) expect(Object.hasOwn(t.columns.levels, id)).toBe(true);
  expect(Object.keys(t.rows[0].counts)).toEqual(["constructor", "toString", "valueOf"]);
  expect(own(t.rows[0].counts, "constructor")?.value).toBe(20);
});

it("a correct line checks clean; wrong counts are found under those ids", () => {
  const clean = checkWorkbook(workbook(costSheet(2026, [line(20, 40, 7, null)])), { rulebook }).findings;
  expect(clean.filter((f) => f.severity === "error")).toEqual([]);
  const wrong = checkWorkbook(workbook(costSheet(2026, [line(21, 40, 8, 3)])), { rulebook }).findings;
  expect(
    wrong
      .filter((f) => f.severity === "error")
      .map((f) => [f.rule, f.cells[0], f.expected, f.actual])
      .sort(),
  ).toEqual(
    [
      ["quota", "C5", 20, 21], // 2 per school × 10 schools
      ["quota", "E5", 7, 8], // the fixed count of "valueOf"
      ["eligible-level", "F5", 0, 3], // "hasOwnProperty" is not eligible
    ].sort(),
  );
});

it("an id such as toString is no course: an unknown line is reported, not matched by a prototype member", () => {
  const r = checkWorkbook(
    workbook(costSheet(2026, [["1", "toString", 1, 1, 1, null, null, null, 2, 6, null]])),
    { rulebook },
  );
  expect(r.workbook.tables[0].rows[0].course).toBeUndefined();
  expect(r.findings.map((f) => f.rule)).toContain("unknown-course");
});
