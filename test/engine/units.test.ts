/** One table of money units: the engine, the recogniser, the functions and the report agree. */
import { scaleName } from "../../src/engine/i18n";
import { parseNumberText } from "../../src/engine/numbers/parse";
import { MONEY_UNITS, statedScale, unitScale } from "../../src/engine/numbers/units";
import { recognitionContext, recognizeSheet } from "../../src/engine/recognize/recognize";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { readUnit, unitPrice, words } from "../../src/functions/library";
import { costSheet } from "../helpers/sheets";

const rb = builtinRulebook();

it.each<[string, number]>([
  ["đồng", 1],
  ["đ", 1],
  ["VNĐ", 1],
  ["nghìn đồng", 1000],
  ["nghìn đ", 1000],
  ["ngàn", 1000],
  ["triệu đồng", 1e6],
  ["triệu", 1e6],
  ["tr.đ", 1e6],
  ["trđ", 1e6],
  ["tỷ", 1e9],
  ["tỷ đồng", 1e9],
  ["tỉ", 1e9],
  ["đồng/người", 1],
])("%s → %d, everywhere", (word, scale) => {
  expect(unitScale(word)).toBe(scale);
  expect(parseNumberText(`500 ${word}`)?.unitScale).toBe(scale);
  expect(readUnit(rb, word)).toBe(scale);
  const r = recognizeSheet(costSheet(2026, [], { unit: `Đơn vị tính: ${word}` }), recognitionContext(rb));
  if (!("table" in r)) throw new Error(r.reason.id);
  expect(r.table.scale).toBe(scale);
});

it("reads a unit stated as a number of a unit", () => {
  expect(statedScale("1.000 đồng")).toBe(1000);
  expect(statedScale("1000đ")).toBe(1000);
  expect(statedScale("1 triệu đồng")).toBe(1e6);
  const r = recognizeSheet(costSheet(2026, [], { unit: "ĐVT: 1.000 đồng" }), recognitionContext(rb));
  expect("table" in r && r.table.scale).toBe(1000);
});

it('"500 nghìn đ" is read alike by the engine and by =DEAN.*', () => {
  expect(parseNumberText("500 nghìn đ")).toEqual({ value: 500, unitScale: 1000 });
  expect(words("500 nghìn đ")).toBe("Năm trăm nghìn đồng");
  expect(unitPrice(rb, "stem", 2026, "nghìn đ")).toBe(2000);
});

it("names every unit in the report from the same table", () => {
  for (const u of MONEY_UNITS) {
    expect(scaleName(u.scale, "vi")).toBe(u.name.vi);
    expect(scaleName(u.scale, "en")).toBe(u.name.en);
  }
  expect(scaleName(100, "vi")).toBe("100 đồng");
});
