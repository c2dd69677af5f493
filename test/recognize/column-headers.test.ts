/**
 * Column headers as officers type them (review items 1 and 2): a level name with its unit or under
 * another of its names is that level's column; "Mức chi", "Định mức" are the unit price; a header
 * over figures that is not understood is kept as an unread column (never silently dropped), and
 * then no amount is judged or fixed from the columns that were read.
 */
import { checkWorkbook } from "../../src/engine/check";
import { describeColumns } from "../../src/engine/recognize/describe";
import { recognizeSheet, recognitionContext } from "../../src/engine/recognize/recognize";
import { roleOf } from "../../src/engine/recognize/headers";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { phrase } from "../../src/engine/i18n";
import type { SheetSnapshot } from "../../src/engine/snapshot";
import { cost2026 } from "../helpers/rows";
import { costSheet, taskSheet, workbook } from "../helpers/sheets";

const rulebook = builtinRulebook();
const ctx = recognitionContext(rulebook);
const table = (sheet: SheetSnapshot) => {
  const r = recognizeSheet(sheet, ctx);
  if (!("table" in r)) throw new Error(phrase(r.reason, "vi"));
  return r.table;
};

/** The cost sheet (header on row 4) with header cell `col` (0-based) typed as `text`. */
function relabel(sheet: SheetSnapshot, col: number, text: string): SheetSnapshot {
  const values = sheet.values.map((r) => [...r]);
  values[3][col] = text;
  return { ...sheet, values };
}

/** PL6 of 2026's first lines as printed, the first line's MN count made a gross 9 999 (review item 1). */
const pl6 = () =>
  costSheet(2026, [
    [...cost2026.cds.slice(0, 2), 9999, ...cost2026.cds.slice(3)],
    cost2026.aiqt,
    cost2026.stem,
    [null, "Tổng số:", 9999 + 596 + 1192, 3059, 2982, 903, 91, 150, null, 22714],
  ]);

describe("level column headers with a unit or another name (review item 1)", () => {
  it.each([
    [2, "Mầm non (người)", "MN"],
    [2, "Mầm non\n(người)", "MN"],
    [2, "Mẫu giáo", "MN"],
    [2, "Nhà trẻ - Mẫu giáo", "MN"],
    [2, "NHÀ TRẺ, MẪU GIÁO", "MN"],
    [2, "Mầm non (GV)", "MN"],
    [3, "Tiểu học (người)", "TH"],
    [3, "Tiểu học - người", "TH"],
    [4, "THCS (người)", "THCS"],
    [4, "THCS (CBQL, GV)", "THCS"],
    [5, "THPT [người]", "THPT"],
    [2, "Mam non (nguoi)", "MN"],
  ])("column %i typed %j is the %s column", (col, text, level) => {
    const t = table(relabel(costSheet(2026, [cost2026.cds]), col, text));
    expect(t.columns.levels[level]).toBe(col);
    expect(t.unreadColumns).toBeUndefined();
  });

  it.each([
    [2, "Mâm non (người)"], // a wrong mark is another word
    [2, "Mầm non (xyz)"], // a suffix that is no unit
    [2, "Mầm non công lập (người)"],
    [4, "Trung học (người)"],
  ])("column %i typed %j is not read, and kept as an unread column", (col, text) => {
    const t = table(relabel(costSheet(2026, [cost2026.cds]), col, text));
    expect(Object.values(t.columns.levels)).not.toContain(col);
    expect(t.unreadColumns?.map((u) => [u.col, u.header.text])).toEqual([[col, text.replace(/\s+/g, " ")]]);
  });

  it("a second column of one level is kept as unread, with the level it repeats", () => {
    const t = table(relabel(costSheet(2026, [cost2026.cds]), 3, "Mầm non (người)"));
    expect(t.columns.levels.MN).toBe(2);
    expect(t.unreadColumns).toEqual([
      { col: 3, header: { text: "Mầm non (người)", cell: "D4" }, repeats: "MN" },
    ]);
  });

  it("task tables too: a two-row header with a unit under the group heading", () => {
    const sheet = taskSheet(2026, [
      ["1", cost2026.cds[1], 2384, 1748, 1704, 516, 52, 100, "Trực tiếp", "Sở GD&ĐT"],
    ]);
    const values = sheet.values.map((r) => [...r]);
    values[4][2] = "Mẫu giáo (người)";
    const t = table({ ...sheet, values });
    expect(t.kind).toBe("task");
    expect(t.columns.levels.MN).toBe(2);
  });

  it("headers that are not figures of the row (Số trường, Tổng số) are not unread columns", () => {
    const sheet = costSheet(2026, [cost2026.cds]);
    const values = sheet.values.map((r) => [...r.slice(0, 2), 99, ...r.slice(2)]);
    values[3][2] = "Số trường";
    const t = table({ ...sheet, values });
    expect(t.unreadColumns).toBeUndefined();
    expect(t.columns.levels.MN).toBe(3);
  });

  it("the recognition line lists the columns read, and those not read", () => {
    expect(describeColumns(table(costSheet(2026, [cost2026.cds])), "vi")).toBe(
      "cột đọc được: MN C, TH D, THCS E, THPT F, GDTX G, GDNN H, đơn giá I, thành tiền J",
    );
    expect(describeColumns(table(relabel(costSheet(2026, [cost2026.cds]), 2, "Mầm non (xyz)")), "en")).toBe(
      'columns read: primary (TH) D, lower secondary (THCS) E, upper secondary (THPT) F, continuing education (GDTX) G, vocational (GDNN) H, unit price I, amount J; columns not read: "Mầm non (xyz)" C',
    );
  });
});

describe("what is checked when a level column is not read (review item 1)", () => {
  const check = (sheet: SheetSnapshot) => checkWorkbook(workbook(sheet), { rulebook }).findings;

  it("read: the gross 9 999 is found, and only the amounts it drives are consequences", () => {
    const fs = check(relabel(pl6(), 2, "Mầm non (người)"));
    expect(fs.filter((f) => f.rule === "quota").map((f) => f.cells[0])).toContain("C5");
    // No amount is "fixed" to a figure computed without the MN column.
    for (const f of fs.filter((x) => x.rule === "row-arithmetic")) expect(f.causedBy).toBeDefined();
  });

  it("not read: an unreadable-table error names the cell; no amount is judged or fixed", () => {
    const fs = check(relabel(pl6(), 2, "Mầm non (xyz)"));
    const unread = fs.filter((f) => f.rule === "unreadable-table");
    expect(unread.map((f) => [f.severity, f.cells, f.actual])).toEqual([["error", ["C4"], "Mầm non (xyz)"]]);
    expect(fs.filter((f) => f.rule === "row-arithmetic")).toEqual([]);
    expect(fs.filter((f) => f.rule === "totals" && f.cells[0] === "J8")).toEqual([]);
    expect(fs.filter((f) => f.fix && /^J/.test(f.fix.cell))).toEqual([]);
  });
});

describe("unit-price headers (review item 2)", () => {
  it.each([
    "Đơn giá/người",
    "Đơn giá (triệu đồng)",
    "Mức chi",
    "Mức chi/người",
    "Mức chi (triệu đồng/người)",
    "Định mức",
    "Định mức chi",
    "Kinh phí/người",
    "Kinh phí bình quân/người",
    "Giá/người",
    "Muc chi", // typed without marks: read folded
    "MỨC CHI",
  ])("%j is the unit price", (text) => {
    expect(roleOf(text)).toBe("unitPrice");
    const t = table(relabel(costSheet(2026, [cost2026.cds]), 8, text));
    expect(t.columns.unitPrice).toBe(8);
    expect(t.rows[0].unitPrice?.value).toBe(2);
  });

  it.each(["Mực chi", "Múc chi", "Đon giá"])("%j (a mark that makes another word) is not", (text) => {
    expect(roleOf(text)).not.toBe("unitPrice");
  });

  it("Kinh phí (an amount) stays an amount; Kinh phí/người is a price", () => {
    expect(roleOf("Kinh phí")).toBe("amount");
    expect(roleOf("Tổng kinh phí")).toBe("amount");
  });

  it("a price column whose header is not read: named, the lines unchecked, the total not fixed", () => {
    const sheet = relabel(
      costSheet(2026, [
        [...cost2026.cds.slice(0, 9), 1, ...cost2026.cds.slice(10)],
        cost2026.aiqt,
        [null, "Tổng số:", 2980, 2185, 2130, 645, 65, 150, null, 16310],
      ]),
      8,
      "Mực chi/người",
    );
    const fs = checkWorkbook(workbook(sheet), { rulebook }).findings;
    const unread = fs.find((f) => f.rule === "unreadable-table");
    expect(unread?.message).toContain("cột đơn giá");
    const total = fs.find((f) => f.rule === "totals" && f.cells[0] === "J7");
    expect(total?.fix).toBeUndefined();
    expect(total?.message).toContain("chưa kiểm tra được");
    expect(fs.filter((f) => f.fix && /^J/.test(f.fix.cell))).toEqual([]);
  });
});
