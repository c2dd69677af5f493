/**
 * A registration column's total that differs because of a district listed twice or not of the
 * province follows from that row (review item 9): the unit-list error is the cause, the total a
 * consequence without a fix of its own.
 */
import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { DISTRICTS_2024 } from "../fixtures/seed2024";
import { registrationSheet, workbook, type Row } from "../helpers/sheets";

/** A registration by district whose column names no course of the plan (so no plan figure decides its total). */
const districtTable = (rows: Row[]) =>
  registrationSheet(
    ["PHỤ LỤC 9", "SỐ LƯỢNG ĐĂNG KÝ NĂM 2024"],
    ["STT", "Quận/huyện", "Số lượng", "Ghi chú"],
    rows,
  );

const rulebook = builtinRulebook("hai-phong-2024");
const rows = (extra: Row[]): Row[] => [
  ...DISTRICTS_2024.map((d, i) => [i + 1, d, 1] as Row),
  ...extra,
  ["Tổng số:", null, 14],
];

it("Quận Ba Đình with 5 people: the error on its row, the total a consequence without a fix", () => {
  const { findings } = checkWorkbook(workbook(districtTable(rows([[15, "Quận Ba Đình", 5]]))), {
    rulebook,
  });
  const foreign = findings.find((f) => f.rule === "unit-list");
  expect(foreign?.cells).toEqual(["B18"]);
  const total = findings.find((f) => f.rule === "totals");
  expect(total?.cells).toEqual(["C19"]);
  expect(total?.causedBy).toEqual({ sheet: "DK", cell: "B18", rule: "unit-list" });
  expect(total?.fix).toBeUndefined();
});

it("a total wrong on its own keeps its fix", () => {
  const table = districtTable(rows([]).map((r, i) => (i === 14 ? ["Tổng số:", null, 13] : r)));
  const total = checkWorkbook(workbook(table), { rulebook }).findings.find((f) => f.rule === "totals");
  expect(total?.fix).toEqual({ cell: "C18", value: 14 });
  expect(total?.causedBy).toBeUndefined();
});
