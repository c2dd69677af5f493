/**
 * Findings a finance officer can act on without being misled (issue #13): the value named is the
 * cell's, the right side is named only where the rulebook or arithmetic decides, one mistake is
 * one cause with its consequences linked to it, rounded totals are accepted both ways, and the
 * rulebook's severity wins for every finding of a rule.
 */
import { checkWorkbook } from "../../src/engine/check";
import { countFindings, readingOrder, type EngineFinding } from "../../src/engine/findings";
import { countsText } from "../../src/engine/i18n";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { parseRulebook } from "../../src/engine/rulebook/load";
import { parseNumberText } from "../../src/engine/numbers/parse";
import type { CellValue, WorkbookSnapshot } from "../../src/engine/snapshot";
import { peopleWorkbook } from "../fixtures/people";
import {
  buildSeed2026Corrected,
  COST_COL,
  layoutOf,
  seed2026AsPrinted,
  withCorrectedOverrides,
} from "../fixtures/seed2026";
import { cost2026 } from "../helpers/rows";
import { costSheet, workbook } from "../helpers/sheets";

const rulebook = builtinRulebook();
const corrected = parseRulebook(withCorrectedOverrides(JSON.parse(JSON.stringify(rulebook))));
const at = (fs: EngineFinding[], sheet: string, cell: string) =>
  fs.filter((f) => f.sheet === sheet && f.cells[0] === cell);
const show = (fs: EngineFinding[]) =>
  fs.map((f) => `${f.rule} ${f.sheet}!${f.cells.join(",")} ${f.message}`).join("\n");

function cellOf(wb: WorkbookSnapshot, sheet: string, a1: string): CellValue | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return wb.sheets.find((s) => s.name === sheet)?.values[Number(m[2]) - 1]?.[col - 1];
}

describe("actual is the value of the named cell", () => {
  const norm = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();
  it.each<[string, WorkbookSnapshot, string]>([
    ["seed 003 as printed", seed2026AsPrinted(), "hai-phong-2026-2030"],
    ["seed 003, amounts as text", seed2026AsPrinted({ amountsAs: "text" }), "hai-phong-2026-2030"],
    ["the 2024 people list with planted cases", peopleWorkbook({ planted: true }).workbook, "hai-phong-2024"],
  ])("%s", (_n, wb, id) => {
    const wrong: string[] = [];
    for (const f of checkWorkbook(wb, { rulebook: builtinRulebook(id) }).findings) {
      if (!f.cells[0]) continue;
      const v = cellOf(wb, f.sheet, f.cells[0]);
      const blank = v === null || v === undefined || (typeof v === "string" && norm(v) === "");
      const same =
        f.actual === null
          ? blank
          : typeof f.actual === "number"
            ? v === f.actual || (typeof v === "string" && parseNumberText(v)?.value === f.actual)
            : typeof v === "string"
              ? norm(v) === norm(f.actual)
              : typeof v === "object" && v !== null && "date" in v
                ? f.actual === v.date.slice(0, 10).split("-").reverse().join("/")
                : String(v) === f.actual;
      if (!same)
        wrong.push(
          `${f.rule} ${f.sheet}!${f.cells[0]}: actual ${JSON.stringify(f.actual)}, cell ${JSON.stringify(v)}`,
        );
    }
    expect(wrong.join("\n")).toBe("");
  });
});

describe("one finding per cell per cause, the right side named only where something decides", () => {
  const findings = checkWorkbook(seed2026AsPrinted(), { rulebook }).findings;

  it("never two expected values on one cell", () => {
    const byCell = new Map<string, Set<string>>();
    for (const f of findings) {
      if (f.expected === null) continue;
      const k = `${f.sheet}!${f.cells[0]}`;
      byCell.set(k, (byCell.get(k) ?? new Set()).add(JSON.stringify(f.expected)));
    }
    expect([...byCell].filter(([, v]) => v.size > 1)).toEqual([]);
  });

  it("the summary's grand total gets one finding: its own value, the right sum, the plan named too", () => {
    const c9 = at(findings, "Tổng hợp", "C9");
    expect(show(c9)).toMatch(/^plan-total Tổng hợp!C9 Tổng cộng của bảng tổng hợp là 179\.292/);
    expect(c9).toHaveLength(1);
    expect([c9[0].actual, c9[0].expected]).toEqual([179292, 180385]);
    expect(c9[0].message).toContain("kế hoạch cũng ghi 179.292.000.000 đồng");
  });

  it("task and cost appendices that disagree: both figures, no side picked, no fix", () => {
    const wb = seed2026AsPrinted();
    const pl1 = wb.sheets.find((s) => s.name === "PL1 NV 2026");
    const row =
      pl1?.values.findIndex((r) => typeof r[1] === "string" && r[1].startsWith("Tích hợp AI")) ?? -1;
    (pl1 as { values: CellValue[][] }).values[row][7] = 60; // H: GDNN 60 in the task appendix, 50 in the cost one
    const tvc = checkWorkbook(wb, { rulebook }).findings.filter(
      (f) => f.rule === "task-vs-cost" && f.sheet === "PL1 NV 2026",
    );
    expect(tvc).toHaveLength(1);
    expect(tvc[0]).toMatchObject({ expected: null, actual: 60 });
    expect(tvc[0].fix).toBeUndefined();
    expect(tvc[0].message).toMatch(/PL1 NV 2026!H\d+\) là 60, ở phụ lục kinh phí \(PL6 KP 2026!H\d+\) là 50/);
  });
});

describe("causes and consequences", () => {
  const findings = checkWorkbook(seed2026AsPrinted(), { rulebook }).findings;
  const j16 = { sheet: "PL8 KP 2028", cell: "J16", rule: "totals" };

  it("the 2028 total that leaves out a line is one cause; the summary's 2028 line and grand total follow from it", () => {
    const cause = at(findings, "PL8 KP 2028", "J16")[0];
    expect(cause.causedBy).toBeUndefined();
    expect(cause.fix).toEqual({ cell: "J16", value: 35604 });
    for (const cell of ["C6", "C9"]) {
      const [f] = at(findings, "Tổng hợp", cell);
      expect(f.causedBy).toEqual(j16);
      expect(f.fix).toBeUndefined(); // the fix is offered on the cause
    }
  });

  it("a quota overrun on the task and the cost appendix of 2030 is counted once", () => {
    for (const cell of ["G8", "G9", "G10"]) {
      expect(at(findings, "PL5 NV 2030", cell)[0].causedBy).toBeUndefined();
      expect(at(findings, "PL10 KP 2030", cell)[0].causedBy).toEqual({
        sheet: "PL5 NV 2030",
        cell,
        rule: "quota",
      });
    }
  });

  it("counts causes apart: 6 root errors, 5 consequences", () => {
    const c = countFindings(findings);
    expect([c.error, c.causes, c.consequences]).toEqual([11, 6, 5]);
    expect(countsText(c, "vi")).toBe("11 lỗi (6 lỗi gốc, 5 lỗi kéo theo), 15 cảnh báo, 0 lưu ý");
  });

  it("reads causes first within a sheet, errors before warnings before notes", () => {
    const wb = checkWorkbook(seed2026AsPrinted(), { rulebook });
    const order = readingOrder(wb.findings, wb.workbook.sheetOrder);
    const pl4 = order.filter((f) => f.sheet === "PL4 NV 2029").map((f) => f.severity);
    expect(pl4).toEqual(
      [...pl4].sort(
        (a, b) => ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b),
      ),
    );
    expect(order.findIndex((f) => f.sheet === "PL5 NV 2030")).toBeLessThan(
      order.findIndex((f) => f.sheet === "PL10 KP 2030"),
    );
  });

  it("a total adding up a wrong line as typed follows from that line", () => {
    const ttlk: CellValue[] = [
      "2",
      "Bồi dưỡng kỹ năng thu hút và liên kết cộng đồng, doanh nghiệp trong lĩnh vực giáo dục và đào tạo",
      596,
      437,
      426,
      129,
      13,
      100,
      1.5,
      2600,
    ];
    const fs = checkWorkbook(
      workbook(
        costSheet(2027, [cost2026.tcdh, ttlk, [null, "Cộng", 596, 437, 426, 129, 13, 100, null, 3913]]),
      ),
      { rulebook },
    ).findings;
    const total = fs.find((f) => f.rule === "totals");
    expect(total?.causedBy).toEqual({ sheet: "KP 2027", cell: "J6", rule: "row-arithmetic" });
    expect(total?.fix).toBeUndefined();
    expect(fs.find((f) => f.rule === "row-arithmetic")?.fix).toEqual({ cell: "J6", value: 2552 });
  });
});

describe("rounded rows (DOMAIN rule 1)", () => {
  const fixed = (cells: [string, string, number][]) => {
    const b = buildSeed2026Corrected();
    for (const [sheet, a1, v] of cells) {
      const s = b.workbook.sheets.find((x) => x.name === sheet) as { values: CellValue[][] };
      const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
      s.values[Number(m[2]) - 1][m[1].charCodeAt(0) - 65] = v;
    }
    return b;
  };
  const total = (b: ReturnType<typeof buildSeed2026Corrected>, sheet: string) =>
    `J${(layoutOf(b, sheet).totalRow as number) + 1}`;
  const base = buildSeed2026Corrected();
  expect(COST_COL.amount).toBe(9);

  it.each([
    ["2028 restored, total = its printed rows", "PL8 KP 2028", 35605],
    ["2028 restored, total = rounded sum of the unrounded rows", "PL8 KP 2028", 35604],
    ["2027 as the rows show", "PL7 KP 2027", 40019],
    ["2027 rounded from unrounded rows", "PL7 KP 2027", 40018],
  ] as const)("%s (%s) is right", (_n, sheet, v) => {
    const b = fixed([[sheet, total(base, sheet), v]]);
    const r = checkWorkbook(b.workbook, { rulebook: corrected });
    expect(show(r.findings.filter((f) => f.severity === "error"))).toBe("");
  });

  it("neither way (35 606) is an error, with the rounded sum as the fix", () => {
    const b = fixed([["PL8 KP 2028", total(base, "PL8 KP 2028"), 35606]]);
    const [f] = checkWorkbook(b.workbook, { rulebook: corrected }).findings.filter(
      (x) => x.rule === "totals",
    );
    expect(f).toMatchObject({ actual: 35606, expected: 35604, fix: { value: 35604 } });
    expect(f.message).toContain("như đang hiển thị được 35.605");
  });
});

describe("severity overrides (ESLint semantics)", () => {
  it.each(["required-cells", "numbering", "quota", "totals", "plan-total", "task-vs-cost"])(
    '"rules": {"%s": "info"} makes every one of its findings a note',
    (id) => {
      const rb = parseRulebook({ ...JSON.parse(JSON.stringify(rulebook)), rules: { [id]: "info" } });
      const fs = checkWorkbook(seed2026AsPrinted(), { rulebook: rb }).findings.filter((f) => f.rule === id);
      expect(fs.length).toBeGreaterThan(0);
      expect(new Set(fs.map((f) => f.severity))).toEqual(new Set(["info"]));
    },
  );
});
