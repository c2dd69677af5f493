/**
 * The adapter against what real Excel does first to real users (issue #15), each behaviour
 * modelled in the strict fake with its source: cell-edit mode, Vietnamese regional settings,
 * users' unreadable conditional formats, the add-in's own change events, threaded comments,
 * hidden sheets, payload size, more than 512 merged areas.
 */
import { checkWorkbook } from "../../src/engine/check";
import type { Finding } from "../../src/engine/findings";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { buildTemplate } from "../../src/engine/templates/build";
import { createExcelAdapter, MARK_TAG, RECORD_PREFIX } from "../../src/office/excel-adapter";
import type { MarkResult } from "../../src/taskpane/port";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import {
  cellsOf,
  createFakeExcel,
  type FakeExcel,
  type FakeExcelOptions,
  type FakeSheetInit,
} from "./fake-excel";
import { fakeSheetsOf, hostOf } from "./fake-host";

const rulebook = builtinRulebook();
const seed = seed2026AsPrinted();
const findings = checkWorkbook(seed, { rulebook }).findings;

function setup(sheets: FakeSheetInit[], options: FakeExcelOptions = {}) {
  const fake = createFakeExcel(sheets, options);
  return { fake, adapter: createExcelAdapter(hostOf(fake)) };
}

async function syncsOf<T>(fake: FakeExcel, f: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = fake.syncs;
  const result = await f();
  return { result, syncs: fake.syncs - before };
}

const marksOf = (fake: FakeExcel) =>
  fake.model.sheets.flatMap((s) => s.conditionalFormats.filter((c) => c.formula?.includes(MARK_TAG)));
const stateOf = (fake: FakeExcel) =>
  fake.model.sheets.map((s) => ({
    ...cellsOf(s),
    cfs: JSON.stringify(s.conditionalFormats),
    props: Object.fromEntries(s.customProperties),
  }));
const finding = (sheet: string, cells: string[], severity: Finding["severity"] = "error"): Finding => ({
  rule: "totals",
  severity,
  sheet,
  cells,
  message: "m",
  expected: 1,
  actual: 2,
});
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("1. cell-edit mode", () => {
  it("waits while the user types in a cell instead of failing: a re-check after an edit completes when the edit ends", async () => {
    const { fake, adapter } = setup(fakeSheetsOf(seed));
    const seen: string[] = [];
    const stop = await adapter.watchChanges?.((s) => seen.push(s));
    await fake.edit("PL8 KP 2028", "J16", 35604);
    expect(seen).toEqual(["PL8 KP 2028"]);
    // The officer types on in the next cell before the re-check reads the sheet.
    fake.beginCellEdit();
    let done = false;
    const recheck = adapter.readSheet("PL8 KP 2028").then((s) => ((done = true), s));
    const marking = adapter.mark(findings.filter((f) => f.sheet === "PL8 KP 2028"));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    fake.endCellEdit();
    expect((await recheck).values[15][9]).toBe(35604);
    expect((await marking).marked).toBeGreaterThan(0);
    await stop?.();
  });
});

describe("2. Vietnamese regional settings (list separator ';')", () => {
  it.each([",", ";"] as const)(
    "marks, clears, selects and inserts templates without an address list (separator %s)",
    async (listSeparator) => {
      const { fake, adapter } = setup(fakeSheetsOf(seed), { listSeparator });
      const before = stateOf(fake);
      const r = await adapter.mark(findings);
      expect(r.skipped).toEqual([]);
      expect(marksOf(fake).length).toBeGreaterThan(0);
      // Every mark is one rectangle, never a list.
      for (const cf of marksOf(fake)) expect(cf.ranges).toHaveLength(1);
      await adapter.clearMarks();
      expect(stateOf(fake)).toEqual(before);
      await adapter.select("PL8 KP 2028", ["J16", "C6", "D7"]);
      expect(fake.model.selection).toEqual({ sheet: "PL8 KP 2028", address: "J16" });
      const name = await adapter.insertTemplate?.(buildTemplate("cost", { rulebook, year: 2027 }));
      expect(fake.model.sheets.some((s) => s.name === name)).toBe(true);
    },
  );
});

describe("3. undo", () => {
  it("saves the pane's state only when it changed (saving settings clears the undo stack, #3141)", async () => {
    const { fake, adapter } = setup([{ name: "A" }]);
    const state = { accepted: [], overrides: { A: { year: 2027 } }, allocated: 5 };
    await adapter.saveState(state);
    await fake.edit("A", "B2", 1);
    await adapter.saveState({ allocated: 5, overrides: { A: { year: 2027 } }, accepted: [] });
    expect(fake.settings.saves).toBe(1);
    expect(fake.model.undo).toEqual(["edit A!B2"]);
    await adapter.saveState({ ...state, allocated: 6 });
    expect(fake.settings.saves).toBe(2);
  });

  it("makes one action one undo step where Excel has undo groups (ExcelApi 1.20), however many bands it takes", async () => {
    const fake = createFakeExcel(fakeSheetsOf(seed));
    const adapter = createExcelAdapter(hostOf(fake), { writeBudget: 5_000 });
    const { syncs } = await syncsOf(fake, () => adapter.mark(findings));
    expect(syncs).toBeGreaterThan(2);
    expect(fake.model.undo).toEqual(["add-in"]);
  });
});

describe("4. the user's own conditional formats", () => {
  it("clears from the record, reading only the rules on the marked cells: a user's unreadable rule elsewhere is never read", async () => {
    const { fake, adapter } = setup(fakeSheetsOf(seed));
    const pl8 = fake.model.sheets.find((s) => s.name === "PL8 KP 2028");
    if (!pl8) throw new Error("PL8");
    // Two cell-value rules on one range (#6827) and a duplicated one (#6835): Office.js cannot read them.
    pl8.conditionalFormats.push(
      { id: "u1", type: "CellValue", ranges: ["A40:A50"], unreadable: true },
      { id: "u2", type: "CellValue", ranges: ["A40:A50"], unreadable: true },
    );
    const before = stateOf(fake);
    await adapter.mark(findings);
    expect(pl8.customProperties.size).toBe(1);
    const record = JSON.parse([...pl8.customProperties.values()][0]) as { areas: string[]; count: number };
    expect(record.count).toBe(pl8.conditionalFormats.filter((c) => c.formula?.includes(MARK_TAG)).length);
    const { result, syncs } = await syncsOf(fake, () => adapter.clearMarks());
    expect(result).toBeGreaterThan(0);
    expect(syncs).toBe(4);
    expect(stateOf(fake)).toEqual(before);
  });

  it("tolerates an unreadable rule on the marked cells: reads rule by rule, skips it, and touches no rule of the user's", async () => {
    const { fake, adapter } = setup(fakeSheetsOf(seed));
    const pl8 = fake.model.sheets.find((s) => s.name === "PL8 KP 2028");
    if (!pl8) throw new Error("PL8");
    pl8.conditionalFormats.push(
      { id: "u1", type: "CellValue", ranges: ["J7:J20"], unreadable: true },
      { id: "u2", type: "Custom", ranges: ["C7:C9"], formula: '=C7="DEAN-CHECKER"', fill: "#FF0000" },
    );
    const before = stateOf(fake);
    await adapter.mark(findings);
    expect(await adapter.clearMarks()).toBeGreaterThan(0);
    expect(stateOf(fake)).toEqual(before);
  });

  it.each(["1.9", "1.11", "1.13"])(
    "without a record (ExcelApi %s before 1.12) or with one, an unreadable rule stops no Check",
    async (excelApi) => {
      const { fake, adapter } = setup(fakeSheetsOf(seed), { excelApi });
      fake.model.sheets[7].conditionalFormats.push({
        id: "u",
        type: "CellValue",
        ranges: ["J16"],
        unreadable: true,
      });
      const before = stateOf(fake);
      await adapter.mark(findings);
      await adapter.clearMarks();
      await adapter.mark(findings);
      expect(marksOf(fake).length).toBeGreaterThan(0);
      await adapter.clearMarks();
      expect(stateOf(fake)).toEqual(before);
    },
  );

  it("finds marks the record no longer places (rows inserted above them) by reading every rule", async () => {
    const { fake, adapter } = setup([{ name: "A", values: [["x"]] }]);
    await adapter.mark([finding("A", ["B5", "B6"]), finding("A", ["D9"], "warning")]);
    // The user inserts two rows above: Excel moves the marks, not the record.
    for (const cf of fake.model.sheets[0].conditionalFormats)
      cf.ranges = cf.ranges.map((a) => a.replace(/\d+/g, (n) => String(Number(n) + 2)));
    expect(await adapter.clearMarks()).toBe(3); // cells: B5:B6 and D9
    expect(fake.model.sheets[0].conditionalFormats).toEqual([]);
    expect(fake.model.sheets[0].customProperties.size).toBe(0);
  });

  it("the user's Clear also finds marked cells copied to a sheet without a record", async () => {
    const { fake, adapter } = setup([{ name: "A" }, { name: "B" }]);
    await adapter.mark([finding("A", ["B5"])]);
    fake.model.sheets[1].conditionalFormats.push({
      ...fake.model.sheets[0].conditionalFormats[0],
      id: "copied",
    });
    expect(await adapter.clearMarks()).toBe(1);
    expect(fake.model.sheets[1].conditionalFormats).toHaveLength(1);
    expect(await adapter.clearMarks(undefined, true)).toBe(1);
    expect(fake.model.sheets[1].conditionalFormats).toEqual([]);
  });

  it("a record edited by hand is not trusted: every rule is read", async () => {
    const { fake, adapter } = setup([{ name: "A" }]);
    await adapter.mark([finding("A", ["B5"])]);
    const key = [...fake.model.sheets[0].customProperties.keys()][0];
    expect(key.startsWith(RECORD_PREFIX)).toBe(true);
    fake.model.sheets[0].customProperties.set(key, "{not json");
    expect(await adapter.clearMarks()).toBe(1);
    expect(fake.model.sheets[0].customProperties.size).toBe(0);
  });
});

describe("5. the add-in's own writes fire onChanged", () => {
  it.each(["1.14", "1.13"])(
    "a fix, its undo, the report sheet and a template do not re-check; the user's edit does (ExcelApi %s)",
    async (excelApi) => {
      const { fake, adapter } = setup(fakeSheetsOf(seed), { excelApi });
      const seen: string[] = [];
      const stop = await adapter.watchChanges?.((s) => seen.push(s));
      const fix = await adapter.applyFix("PL8 KP 2028", { cell: "J17", value: 1 });
      await adapter.undoFix(fix);
      await adapter.writeReport(findings, "vi");
      await adapter.insertTemplate?.(buildTemplate("task", { rulebook, year: 2027 }));
      await tick();
      await tick();
      expect(seen).toEqual([]);
      await fake.edit("PL8 KP 2028", "J18", 7);
      expect(seen).toEqual(["PL8 KP 2028"]);
      await stop?.();
    },
  );
});

describe("6. notes and threaded comments", () => {
  it("skips a cell holding a threaded comment, says so, and writes the others", async () => {
    const { fake, adapter } = setup(fakeSheetsOf(seed), { excelApi: "1.18" });
    const pl8 = fake.model.sheets.find((s) => s.name === "PL8 KP 2028");
    if (!pl8) throw new Error("PL8");
    pl8.comments.set("J16", "Chị Lan: số này đã thống nhất với phòng");
    const r = (await adapter.writeNotes?.(findings, "vi")) as MarkResult;
    expect(r.skipped).toEqual([
      { sheet: "PL8 KP 2028", reason: expect.stringMatching(/^1 ô có bình luận .*: J16\./) },
    ]);
    expect(pl8.notes.has("J16")).toBe(false);
    expect(pl8.comments.get("J16")).toBe("Chị Lan: số này đã thống nhất với phòng");
    expect(r.marked).toBeGreaterThan(10);
    expect(fake.model.sheets.some((s) => s.notes.size > 0)).toBe(true);
  });
});

describe("7. hidden sheets", () => {
  it.each([
    ["Hidden", /đang bị ẩn.*Bỏ ẩn/],
    ["VeryHidden", /bị ẩn hẳn/],
  ] as const)(
    "says in Vietnamese why a finding on a %s sheet cannot be selected",
    async (visibility, text) => {
      const { adapter } = setup([{ name: "A" }, { name: "PL8 KP 2028", values: [["x"]], visibility }]);
      await expect(adapter.select("PL8 KP 2028", ["J16"])).rejects.toThrow(text);
    },
  );

  it("turns Excel's other errors into Vietnamese sentences", async () => {
    const { adapter } = setup([{ name: "A", protected: true }]);
    await expect(adapter.applyFix("A", { cell: "B2", value: 1 })).rejects.toThrow(
      /^Excel không cho thay đổi/,
    );
  });
});

describe("8. payload size", () => {
  const many = (n: number): Finding[] =>
    Array.from({ length: n }, (_, i) => ({
      rule: "person-data",
      severity: "error",
      sheet: "Danh sách",
      cells: [`E${i + 5}`],
      message: `Ngày sinh "31/02/198${i % 10}" của Nguyễn Thị Hồng Nhung (dòng ${i + 5}) không phải là một ngày có thật; hãy ghi ngày/tháng/năm.`,
      expected: null,
      actual: `31/02/198${i % 10}`,
    }));

  it("exports 50 000 findings to the report sheet in bands under 5 MB (issue #14)", async () => {
    const { fake, adapter } = setup([{ name: "Danh sách", values: [["x"]] }]);
    const { result: name, syncs } = await syncsOf(fake, () => adapter.writeReport(many(50_000), "vi"));
    const report = fake.model.sheets.find((s) => s.name === name);
    expect(report?.values.get("F50004")).toMatch(
      /^Ngày sinh "31\/02\/1989" của Nguyễn Thị Hồng Nhung \(dòng 50004\)/,
    );
    expect(report?.hyperlinks.size).toBe(50_000);
    expect(report?.hyperlinks.get("C50004")).toEqual({
      documentReference: "'Danh sách'!E50004",
      textToDisplay: "E50004",
    });
    expect(syncs).toBeGreaterThan(3);
    expect(syncs).toBeLessThan(30);
  }, 120_000);

  it("writes 50 000 notes in bands under 5 MB", async () => {
    const { fake, adapter } = setup([{ name: "Danh sách", values: [["x"]] }], { excelApi: "1.18" });
    const r = (await adapter.writeNotes?.(many(50_000), "vi")) as MarkResult;
    expect(r.marked).toBe(50_000);
    expect(fake.model.sheets[0].notes.get("E50004")).toMatch(/^\[Đề án Checker\]\nLỗi \(person-data\)/);
  }, 120_000);

  it("marks and clears 10 000 scattered cells in bands", async () => {
    const { fake, adapter } = setup([{ name: "Danh sách", values: [["x"]] }]);
    const scattered = many(10_000).map((f, i) => ({ ...f, cells: [`${i % 2 ? "E" : "G"}${2 * i + 5}`] }));
    const { syncs } = await syncsOf(fake, () => adapter.mark(scattered));
    expect(syncs).toBeGreaterThan(2);
    expect(marksOf(fake)).toHaveLength(10_000);
    expect(await adapter.clearMarks()).toBe(10_000);
    expect(marksOf(fake)).toEqual([]);
  }, 120_000);
});

describe("9. more than 512 merged areas", () => {
  it.each(["throw", "null"] as const)(
    "keeps the header rows' merges whether Excel fails or answers null (%s)",
    async (over) => {
      const rows = Array.from({ length: 700 }, (_, i) => [i + 1, `Trường ${i + 1}`, null, 3]);
      const { adapter } = setup(
        [
          {
            name: "Đăng ký",
            values: [["DANH SÁCH"], ["STT", "Đơn vị", null, "Số lượng"], ...rows],
            merges: ["A1:D1", ...rows.map((_, i) => `B${i + 3}:C${i + 3}`)],
          },
        ],
        { mergedAreasOverLimit: over },
      );
      const wb = await adapter.read();
      expect(wb.sheets[0].merges?.slice(0, 2)).toEqual(["A1:D1", "B3:C3"]);
      expect(wb.sheets[0].merges).toHaveLength(59);
    },
  );
});

describe("12. recalculation", () => {
  it("recalculates the DEAN.* formulas, but leaves a workbook in manual calculation mode to the user", async () => {
    const { fake, adapter } = setup([{ name: "A" }]);
    await adapter.recalculate?.();
    expect(fake.model.calculations).toBe(1);
    fake.model.calculationMode = "Manual";
    await adapter.recalculate?.();
    expect(fake.model.calculations).toBe(1);
    expect(fake.model.calculationMode).toBe("Manual");
  });
});
