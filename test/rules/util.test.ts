/**
 * The helpers every rule shares (src/engine/rules/util.ts): head-counts, amounts, how a message
 * names a part of a head-count or a course, and what a money total may be. The rule tables reach
 * them only through whole workbooks; here each helper is pinned on the lines users type.
 */
import { checkWorkbook } from "../../src/engine/check";
import type { NumberCell, RecognizedTable, TableRow } from "../../src/engine/recognize/model";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { parseRulebook } from "../../src/engine/rulebook/load";
import type { Rulebook, RulebookInput } from "../../src/engine/rulebook/schema";
import type { Locale } from "../../src/engine/i18n";
import type { RuleContext } from "../../src/engine/rules/api";
import {
  cellSubject,
  hasCounts,
  headCount,
  lineRows,
  linesComputable,
  moneySum,
  moneyTotalIsRight,
  partName,
  rowLabel,
  unroundedAmount,
  type MoneySum,
} from "../../src/engine/rules/util";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { cost2026 } from "../helpers/rows";
import { costSheet, LEVEL_HEADER, workbook, type Row } from "../helpers/sheets";

/** The context a rule gets for `wb` (recognised as the engine recognises it). */
function contextFor(
  wb: WorkbookSnapshot,
  rulebook: Rulebook = builtinRulebook(),
  locale?: Locale,
): RuleContext {
  let ctx: RuleContext | undefined;
  checkWorkbook(wb, {
    rulebook,
    locale,
    rules: [
      {
        meta: {
          id: "probe",
          title: { vi: "Thử", en: "Probe" },
          rationale: { vi: "Đọc ngữ cảnh của quy tắc", en: "Reads the rule context" },
          defaultSeverity: "info",
          messages: {},
        },
        check: (c) => {
          ctx = c;
        },
      },
    ],
  });
  if (!ctx) throw new Error("the probe rule did not run");
  return ctx;
}

const editedRulebook = (id: string, edit: (rb: RulebookInput) => void): Rulebook => {
  const copy = JSON.parse(JSON.stringify(builtinRulebook(id))) as RulebookInput;
  edit(copy);
  return parseRulebook(copy);
};

const costHeaderOf = (levels: string[]) => [
  "TT",
  "Nội dung",
  ...levels,
  "Đơn giá/người",
  "Thành tiền",
  "Ghi chú",
];

/** A line as the recogniser gives it, with only what the case needs. */
const line = (over: Partial<TableRow>): TableRow => ({
  r: 4,
  kind: "item",
  counts: {},
  values: {},
  badNumbers: [],
  ...over,
});
const num = (value: number, cell: string): NumberCell => ({ value, cell });

describe("headCount, hasCounts, unroundedAmount", () => {
  it("a line with no head-count at all counts nobody", () => {
    const empty = line({ label: { text: "Công tác truyền thông", cell: "B5" } });
    expect(headCount(empty)).toBe(0);
    expect(hasCounts(empty)).toBe(false);
  });

  it("a head-count typed in one Số lượng cell (448 for TH, THCS, THPT) is the line's count", () => {
    const typed = line({
      quantity: { total: num(448, "E6"), parts: [{ value: 448, text: "448" }], unread: [] },
    });
    expect(headCount(typed)).toBe(448);
    expect(hasCounts(typed)).toBe(true);
  });

  it("the amount of a line that can be computed is head-count × unit price, not what it shows", () => {
    const tcdh = line({ counts: { MN: num(89, "C5"), TH: num(10, "D5") }, unitPrice: num(13.26, "I5") });
    expect(unroundedAmount({ ...tcdh, amount: num(1313, "J5") })).toBeCloseTo(1312.74, 9);
  });

  it("a line without a unit price is worth what its amount cell says, and nothing without one", () => {
    expect(unroundedAmount(line({ counts: { MN: num(10, "C5") }, amount: num(300, "J5") }))).toBe(300);
    expect(unroundedAmount(line({ counts: { MN: num(10, "C5") } }))).toBeUndefined();
  });
});

describe("partName", () => {
  const RB = "hai-phong-2023";
  const ctxIn = (locale: Locale, rulebook = builtinRulebook(RB)) =>
    contextFor(workbook(costSheet(2023, [])), rulebook, locale);
  const khtn = (rb: Rulebook) => rb.courses.find((c) => c.id === "khtn");
  /** A rulebook that names KHTN's groups after whom they are for, not "Đối tượng A/B". */
  const named = editedRulebook(RB, (rb) => {
    const c = rb.courses.find((x) => x.id === "khtn");
    if (!c?.groups) throw new Error("khtn has no groups");
    c.groups[0].name = "GV đơn ngành";
  });

  it("names a target group as the rulebook names it, in Vietnamese", () => {
    expect(partName(ctxIn("vi", named), { group: "A" }, khtn(named))).toBe("GV đơn ngành");
    expect(partName(ctxIn("vi"), { group: "B" }, khtn(builtinRulebook(RB)))).toBe("Đối tượng B");
  });

  it("names a target group by its letter in English (the rulebook's name is Vietnamese)", () => {
    expect(partName(ctxIn("en", named), { group: "A" }, khtn(named))).toBe("target group A");
  });

  it("names a group the course does not have, or of no known course, by its letter", () => {
    expect(partName(ctxIn("vi", named), { group: "C" }, khtn(named))).toBe("Đối tượng C");
    expect(partName(ctxIn("vi", named), { group: "A" })).toBe("Đối tượng A");
  });

  it("names a level and a sector, either alone, or the whole count", () => {
    const vi = ctxIn("vi");
    expect(partName(vi, { level: "MN", sector: "cong-lap" })).toBe("Mầm non công lập");
    expect(partName(vi, { level: "MN" })).toBe("Mầm non");
    expect(partName(vi, { sector: "ngoai-cong-lap" })).toBe("ngoài công lập");
    expect(partName(vi, {})).toBe("tổng số");
    const en = ctxIn("en");
    expect(partName(en, { level: "MN", sector: "ngoai-cong-lap" })).toBe("preschool (MN) non-public");
    expect(partName(en, {})).toBe("in total");
  });
});

describe("rowLabel", () => {
  const labelled = (text: string) => line({ label: { text, cell: "B7" } });

  it("drops the dash or bullet a sub-line starts with, and only that", () => {
    expect(rowLabel(labelled("- Bồi dưỡng nghiệp vụ sư phạm"))).toBe("Bồi dưỡng nghiệp vụ sư phạm");
    expect(rowLabel(labelled("-Bồi dưỡng nghiệp vụ sư phạm"))).toBe("Bồi dưỡng nghiệp vụ sư phạm");
    expect(rowLabel(labelled("•   Chứng chỉ kỹ năng nghề"))).toBe("Chứng chỉ kỹ năng nghề");
    expect(rowLabel(labelled("Thiết kế giáo dục STEM - STEAM"))).toBe("Thiết kế giáo dục STEM - STEAM");
  });

  it("uses the TT cell when the line has no content cell, and says nothing when it has neither", () => {
    expect(rowLabel(line({ tt: { text: "Cộng", cell: "A9" } }))).toBe("Cộng");
    expect(rowLabel(line({}))).toBe("");
  });

  it("keeps a name of 70 characters whole", () => {
    const seventy = `${"Bồi dưỡng ".repeat(6)}${"x".repeat(10)}`;
    expect(seventy).toHaveLength(70);
    expect(rowLabel(labelled(seventy))).toBe(seventy);
  });

  it("cuts a longer name before its last space within 68 characters, without a trailing comma or dash", () => {
    const long =
      "Bồi dưỡng nâng cao năng lực ứng dụng công nghệ thông tin, chuyển đổi số trong quản trị nhà trường";
    expect(rowLabel(labelled(long))).toBe(
      "Bồi dưỡng nâng cao năng lực ứng dụng công nghệ thông tin, chuyển…",
    );
    const comma =
      "Bồi dưỡng năng lực ứng dụng công nghệ thông tin và chuyển đổi số, trí tuệ nhân tạo trong dạy học";
    expect(rowLabel(labelled(comma))).toBe(
      "Bồi dưỡng năng lực ứng dụng công nghệ thông tin và chuyển đổi số…",
    );
    const dash =
      "Bồi dưỡng năng lực ứng dụng công nghệ thông tin và chuyển đổi số – trí tuệ nhân tạo trong dạy học";
    expect(rowLabel(labelled(dash))).toBe(
      "Bồi dưỡng năng lực ứng dụng công nghệ thông tin và chuyển đổi số…",
    );
  });

  it("cuts a name with no space after its first 40 characters at 68 characters", () => {
    // A code-like name: its last space within 68 characters is at index 40 exactly.
    const code = `${"a".repeat(40)} ${"B".repeat(40)}`;
    expect(rowLabel(labelled(code))).toBe(`${code.slice(0, 68)}…`);
    const later = `${"a".repeat(41)} ${"B".repeat(40)}`;
    expect(rowLabel(labelled(later))).toBe(`${"a".repeat(41)}…`);
  });
});

describe("cellSubject", () => {
  it("remembers a cell by the row's course, else by its label, else by what kind of row it is", () => {
    expect(
      cellSubject(
        line({ course: { courseId: "stem", score: 1 }, label: { text: "STEM", cell: "B5" } }),
        "MN",
      ),
    ).toEqual({ course: "stem", detail: "MN" });
    expect(cellSubject(line({ label: { text: "Tổng số:", cell: "B9" } }), "amount")).toEqual({
      detail: "tong so|amount",
    });
    expect(cellSubject(line({ tt: { text: "Cộng", cell: "A9" }, kind: "total" }), "MN")).toEqual({
      detail: "cong|MN",
    });
    expect(cellSubject(line({ kind: "total" }), "amount")).toEqual({ detail: "total|amount" });
  });
});

describe("linesComputable", () => {
  const tableOf = (header: (string | null)[], rows: Row[]) => {
    const sheet = costSheet(2026, rows);
    sheet.values[3] = header;
    return contextFor(workbook(sheet)).workbook.tables[0];
  };

  it("computes the lines of a cost appendix whose every figure column is read", () => {
    expect(linesComputable(tableOf(costHeaderOf(LEVEL_HEADER), [cost2026.aiqt]))).toBe(true);
  });

  it("does not compute lines without a unit-price column", () => {
    const header = ["TT", "Nội dung", ...LEVEL_HEADER, "Thành tiền"];
    expect(linesComputable(tableOf(header, [[...cost2026.aiqt.slice(0, 8), 3302]]))).toBe(false);
  });

  it("does not compute lines when a level column's header is not understood", () => {
    const header = costHeaderOf([...LEVEL_HEADER.slice(0, 5), "Đối tượng khác"]);
    const table = tableOf(header, [cost2026.aiqt]);
    expect(table.unreadColumns?.length).toBe(1);
    expect(linesComputable(table)).toBe(false);
  });
});

describe("moneySum", () => {
  const cut = (r: Row, n: number): Row => r.slice(0, n);
  const sumOf = (rows: Row[], rulebook?: Rulebook, header?: (string | null)[]) => {
    const sheet = costSheet(2026, rows);
    if (header) sheet.values[3] = header;
    const ctx = contextFor(workbook(sheet), rulebook);
    const table: RecognizedTable = ctx.workbook.tables[0];
    return moneySum(ctx, table, lineRows(table));
  };

  it("adds the unrounded lines and the lines as shown (2026: 3 302 + 1 312,74)", () => {
    expect(sumOf([cost2026.aiqt, cost2026.tcdh])).toEqual({
      exact: 3302 + 13.26 * 99,
      rounded: 4615,
      shown: 4615,
      typed: 4615,
      wrongCells: [],
    });
  });

  it("takes a wrong line at its computed amount, the typed sum as typed, and names its cell", () => {
    const wrong = Object.assign([...cost2026.aiqt], { 9: 3300 });
    expect(sumOf([wrong, cost2026.tcdh])).toEqual({
      exact: 3302 + 13.26 * 99,
      rounded: 4615,
      shown: 4615,
      typed: 3300 + 1313,
      wrongCells: ["J5"],
    });
  });

  it("takes a line whose amount is left blank at its computed amount and names the blank cell", () => {
    const blank = Object.assign([...cost2026.aiqt], { 9: null });
    expect(sumOf([cost2026.tcdh, blank])).toMatchObject({ shown: 4615, typed: 1313, wrongCells: ["J6"] });
  });

  it("without a unit-price column, takes each amount as it says", () => {
    const header = ["TT", "Nội dung", ...LEVEL_HEADER, "Thành tiền"];
    const rows = [cut(cost2026.aiqt, 8).concat(3300), cut(cost2026.tcdh, 8).concat(1313)];
    expect(sumOf(rows, undefined, header)).toEqual({
      exact: 4613,
      rounded: 4613,
      shown: 4613,
      typed: 4613,
      wrongCells: [],
    });
  });

  it("without an amount column, adds the computed lines and names no cell", () => {
    const header = ["TT", "Nội dung", ...LEVEL_HEADER, "Đơn giá/người"];
    expect(sumOf([cut(cost2026.aiqt, 9), cut(cost2026.tcdh, 9)], undefined, header)).toMatchObject({
      rounded: 4615,
      typed: 0,
      wrongCells: [],
    });
  });

  it("is nothing when no line has an amount", () => {
    expect(sumOf([cost2026.khac])).toBeUndefined();
  });

  it("leaves the degree upgrades out when the plan's money total counts bồi dưỡng lines only", () => {
    const boiDuongOnly = editedRulebook("hai-phong-2026-2030", (rb) => {
      rb.totals = { levelTotals: "boi-duong-only", amountTotal: "boi-duong-only" };
    });
    expect(sumOf([cost2026.aiqt, cost2026.tcdh], boiDuongOnly)).toMatchObject({ exact: 3302, typed: 3302 });
  });
});

describe("moneyTotalIsRight", () => {
  const sum = (exact: number, shown: number): MoneySum => ({
    exact,
    rounded: Math.round(exact),
    shown,
    typed: shown,
    wrongCells: [],
  });

  it("accepts the exact sum within the tolerance even where it rounds the other way", () => {
    expect(moneyTotalIsRight(10.6, sum(10.4, 10), 0.5)).toBe(true);
  });

  it("accepts the rounded sum of the unrounded lines (2027: 40 018,24 → 40 018)", () => {
    expect(moneyTotalIsRight(40018, sum(40018.24, 40019), 0)).toBe(true);
  });

  it("accepts the sum of the lines as shown (2027: 40 019)", () => {
    expect(moneyTotalIsRight(40019, sum(40018.24, 40019), 0.5)).toBe(true);
  });

  it("rejects a total that is neither", () => {
    expect(moneyTotalIsRight(40020, sum(40018.24, 40019), 0.5)).toBe(false);
  });
});
