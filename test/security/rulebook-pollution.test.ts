/**
 * Rulebooks read from a file (`--rules f.json`, the pane's "open a rulebook") are validated by
 * the schema; keys that could pollute prototypes ("__proto__", "constructor", "prototype") are
 * rejected or dropped, never merged into an object of the program. Sheet names and the pane's
 * saved recognition fixes (kept in the workbook) are looked up as own keys only.
 */
import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { parseRulebookText, RulebookError } from "../../src/engine/rulebook/load";
import { allRules } from "../../src/engine/rules";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { costSheet } from "../helpers/sheets";

const base = JSON.stringify(builtinRulebook());

/** The built-in rulebook's JSON with one piece of text replaced. */
function variant(from: string, to: string): string {
  expect(base).toContain(from);
  return base.replace(from, to);
}

const pollution = () =>
  [Object.prototype, Array.prototype, Function.prototype].some(
    (proto) => "polluted" in proto || "row-arithmetic" in proto,
  );

afterEach(() => {
  expect(pollution()).toBe(false);
});

describe("prototype-pollution keys in a rulebook file", () => {
  it.each<[string, string]>([
    ["at the root", variant("{", '{"__proto__":{"polluted":"yes"},')],
    [
      "in the rule severities",
      variant('"rules":{}', '"rules":{"__proto__":{"polluted":"yes","row-arithmetic":"off"}}'),
    ],
    ["as a rule switched off", variant('"rules":{}', '"rules":{"__proto__":"off"}')],
    [
      "in a level's record of counts",
      variant('"counts":{"GDNN":100}', '"counts":{"__proto__":{"polluted":1},"GDNN":100}'),
    ],
    ["in a level", variant('"schools":596', '"schools":596,"__proto__":{"polluted":true}')],
  ])("%s: dropped, nothing polluted, every rule still on", (_where, text) => {
    const rb = parseRulebookText(text);
    expect(Object.hasOwn(rb, "__proto__")).toBe(false);
    expect(Object.getPrototypeOf(rb)).toBe(Object.prototype);
    expect(Object.keys(rb.rules)).toEqual([]);
    expect(Object.getPrototypeOf(rb.rules)).toBe(Object.prototype);
    for (const c of rb.courses)
      for (const o of c.offerings) expect(Object.getPrototypeOf(o.counts)).toBe(Object.prototype);
    const findings = checkWorkbook(
      {
        sheets: [
          costSheet(2026, [
            [1, "Thiết kế và triển khai giáo dục STEM/STEAM", 1, 1, 1, 1, 1, null, 2, 999, null],
          ]),
        ],
      },
      { rulebook: rb },
    ).findings;
    expect(findings.map((f) => f.rule)).toContain("row-arithmetic");
  });

  it.each<[string, string, RegExp]>([
    ["constructor as a rule", variant('"rules":{}', '"rules":{"constructor":"off"}'), /rules\.constructor/],
    ["prototype as a rule", variant('"rules":{}', '"rules":{"prototype":"off"}'), /rules\.prototype/],
    [
      "constructor as a level in counts",
      variant('"counts":{"GDNN":100}', '"counts":{"constructor":5}'),
      /counts\.constructor/,
    ],
    ["__proto__ as a level id", variant('"id":"MN"', '"id":"__proto__"'), /levels\[0\]\.id/],
    [
      "toString as a course's level",
      variant('"levels":["MN","TH","THCS","THPT","GDTX","GDNN"]', '"levels":["toString"]'),
      /toString/,
    ],
  ])("%s: rejected with a Vietnamese reason", (_what, text, path) => {
    expect(() => parseRulebookText(text, "Sổ quy tắc thử")).toThrow(RulebookError);
    expect(() => parseRulebookText(text, "Sổ quy tắc thử")).toThrow(path);
    expect(() => parseRulebookText(text, "Sổ quy tắc thử")).toThrow(/^Sổ quy tắc thử không hợp lệ/);
  });
});

describe("names that are Object.prototype's", () => {
  const names = ["__proto__", "constructor", "hasOwnProperty", "toString", "valueOf"];

  it("sheets so named are checked, and saved fixes apply only to the sheet they name", () => {
    const wb: WorkbookSnapshot = {
      sheets: names.map((name) =>
        costSheet(
          2026,
          [[1, "Thiết kế và triển khai giáo dục STEM/STEAM", 1, 1, 1, 1, 1, null, 2, 999, null]],
          { name },
        ),
      ),
    };
    const rulebook = builtinRulebook();
    const plain = checkWorkbook(wb, { rulebook });
    expect(plain.workbook.tables.map((t) => t.sheet)).toEqual(names);
    // Fixes as the pane reads them back from the workbook's settings (JSON).
    const overrides = JSON.parse('{"__proto__": {"kind": "ignore"}, "toString": {"kind": "ignore"}}');
    const r = checkWorkbook(wb, { rulebook, overrides });
    // "__proto__" parsed from JSON is an own key: it names the sheet "__proto__", nothing else.
    expect(r.workbook.skipped.map((s) => s.sheet)).toEqual(["__proto__", "toString"]);
    expect(r.workbook.tables.map((t) => t.sheet)).toEqual(["constructor", "hasOwnProperty", "valueOf"]);
    expect(allRules.length).toBeGreaterThan(5);
  });
});
