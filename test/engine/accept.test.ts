/** Accepted findings survive inserted rows; the user's recognition corrections are honoured. */
import { parseA1 } from "../../src/engine/a1";
import { accept, applyAcceptances, unaccept, type Acceptance } from "../../src/engine/accept";
import { checkWorkbook, recheckSheet } from "../../src/engine/check";
import { rowArithmetic } from "../../src/engine/rules/row-arithmetic";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { fold } from "../../src/engine/text/normalize";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { seedBdtxAsPrinted } from "../fixtures/seedBdtx";
import { costLineOf, costSheet, workbook } from "../helpers/sheets";

const rulebook = builtinRulebook();
const at = new Date("2026-11-25T10:00:00Z");

/** Inserts an empty row above 0-based row `r` of a sheet, as a user would in Excel. */
function insertRow(wb: WorkbookSnapshot, sheet: string, r: number): WorkbookSnapshot {
  const copy = JSON.parse(JSON.stringify(wb)) as WorkbookSnapshot;
  const s = copy.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(sheet);
  s.values.splice(r, 0, []);
  s.formulas?.splice(r, 0, []);
  return copy;
}

describe("acceptances", () => {
  const before = checkWorkbook(seed2026AsPrinted(), { rulebook }).findings;

  it.each(["quota", "totals", "numbering", "required-cells", "task-vs-cost"])(
    "an accepted %s finding stays accepted after a row is inserted above it",
    (rule) => {
      const f = before.find((x) => x.rule === rule);
      if (!f) throw new Error(`no ${rule} finding in the seed`);
      const list = accept([], f, "Đã thống nhất với phòng Tài chính", at);
      const after = checkWorkbook(insertRow(seed2026AsPrinted(), f.sheet, 7), { rulebook }).findings;
      const moved = applyAcceptances(after, list).filter((x) => x.accepted);
      expect(moved).toHaveLength(1);
      expect(moved[0].message).toBe(f.message);
      expect(moved[0].cells).not.toEqual(f.cells);
      expect(moved[0].accepted?.reason).toBe("Đã thống nhất với phòng Tài chính");
    },
  );

  it("accepts one finding only, and can be taken back", () => {
    const f = before.find((x) => x.rule === "quota") as (typeof before)[number];
    const list = accept([], f, "lý do", at);
    expect(applyAcceptances(before, list).filter((x) => x.accepted)).toHaveLength(1);
    expect(applyAcceptances(before, unaccept(list, f)).filter((x) => x.accepted)).toHaveLength(0);
  });

  it("gives every error finding of the seed its own subject, so accepting one never hides another", () => {
    const keys = before.map((f) => JSON.stringify([f.sheet, f.subject]));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("an acceptance covers one finding only (issue #13)", () => {
  const before = checkWorkbook(seed2026AsPrinted(), { rulebook }).findings;
  const wrongLine = costLineOf;

  it("accepting a wrong amount on one line does not accept another line the rulebook does not know either", () => {
    const wb = workbook(
      costSheet(2026, [wrongLine("Bồi dưỡng kỹ năng A", 21), wrongLine("Bồi dưỡng kỹ năng B", 22)]),
    );
    const fs = checkWorkbook(wb, { rulebook }).findings.filter((f) => f.rule === "row-arithmetic");
    expect(fs).toHaveLength(2);
    const list = accept([], fs[0], "lý do", at);
    expect(applyAcceptances(fs, list).map((f) => Boolean(f.accepted))).toEqual([true, false]);
  });

  it("two lines alike but for their text are told apart by their line, and one accept hides one", () => {
    const wb = workbook(
      costSheet(2026, [wrongLine("Bồi dưỡng kỹ năng A", 21), wrongLine("Bồi dưỡng kỹ năng B", 21)]),
    );
    const fs = checkWorkbook(wb, { rulebook }).findings.filter((f) => f.rule === "row-arithmetic");
    expect(fs.map((f) => f.subject.line)).toEqual(["boi duong ky nang a", "boi duong ky nang b"]);
    const list = accept([], fs[1], "lý do", at);
    expect(applyAcceptances(fs, list).map((f) => Boolean(f.accepted))).toEqual([false, true]);
  });

  it("a person's finding on a list names the person on its own row (folded name and birth date)", () => {
    const { findings, workbook: read } = checkWorkbook(seedBdtxAsPrinted(), {
      rulebook: builtinRulebook("binh-phuoc-bdtx-2023-2024"),
    });
    const onPeople = findings.filter((f) => f.subject.person !== undefined);
    expect(onPeople.length).toBeGreaterThan(2);
    for (const f of onPeople) {
      // The person of the finding's first cell, found by a plain walk over the list.
      const people = read.tables.find((t) => t.sheet === f.sheet)?.people ?? [];
      const p = people.find((x) => x.r === parseA1(f.cells[0]).row);
      expect(f.subject.person).toBe(fold(`${p?.cells.name?.text ?? ""}|${p?.cells.birth?.text ?? ""}`));
    }
  });

  it("accepting a finding on a draft copy does not accept it on the real sheet", () => {
    const real = costSheet(2026, [wrongLine("Bồi dưỡng kỹ năng A", 21)], { name: "PL6 KP 2026" });
    const draft = { ...real, name: "KP2026 (nháp)" };
    const fs = checkWorkbook(workbook(real, draft), { rulebook }).findings.filter(
      (f) => f.rule === "row-arithmetic",
    );
    expect(fs.map((f) => f.sheet)).toEqual(["PL6 KP 2026", "KP2026 (nháp)"]);
    const list = accept([], fs[1], "bản nháp", at);
    expect(applyAcceptances(fs, list).map((f) => Boolean(f.accepted))).toEqual([false, true]);
  });

  it("on a sheet with 5 000 identical wrong lines one accept hides one, and still after a row is inserted", () => {
    const lines = Array.from({ length: 5000 }, () => wrongLine("Bồi dưỡng kỹ năng A", 21));
    const wb = workbook(costSheet(2026, lines));
    const fs = checkWorkbook(wb, { rulebook, rules: [rowArithmetic] }).findings;
    expect(fs).toHaveLength(5000);
    const list = accept([], fs[2], "lý do", at);
    const accepted = applyAcceptances(fs, list).filter((f) => f.accepted);
    expect(accepted.map((f) => f.cells)).toEqual([fs[2].cells]);
    const moved = checkWorkbook(insertRow(wb, "KP 2026", 2), { rulebook, rules: [rowArithmetic] }).findings;
    const again = applyAcceptances(moved, list).filter((f) => f.accepted);
    expect(again).toHaveLength(1);
    expect(again[0].cells).toEqual([fs[3].cells[0]]); // one row lower
  });

  it("a changed value reopens the finding", () => {
    const f = before.find((x) => x.rule === "totals" && x.sheet === "PL8 KP 2028") as (typeof before)[number];
    const list = accept([], f, "đã thống nhất", at);
    const wb = seed2026AsPrinted();
    const pl8 = wb.sheets.find((s) => s.name === "PL8 KP 2028") as { values: unknown[][] };
    pl8.values[15][9] = 34500; // J16: another wrong total
    const after = checkWorkbook(wb, { rulebook }).findings;
    const again = after.find((x) => x.rule === "totals" && x.sheet === "PL8 KP 2028");
    expect(again?.actual).toBe(34500);
    expect(applyAcceptances(after, list).some((x) => x.accepted)).toBe(false);
  });

  it("reads acceptances saved by earlier versions without error; they no longer match", () => {
    const quota = before.find((x) => x.rule === "quota") as (typeof before)[number];
    const old = [
      {
        subject: {
          rule: "quota",
          sheetKind: quota.subject.sheetKind,
          year: quota.subject.year,
          course: quota.subject.course,
          level: quota.subject.level,
        },
        reason: "cũ",
        at: "2026-01-01T00:00:00.000Z",
      },
      {
        subject: { rule: "required-cells", sheetKind: "task", year: 2027, course: "cd-dh", detail: "form" },
        reason: "cũ",
        at: "",
      },
      null,
      {},
      { subject: "không phải đối tượng" },
    ] as unknown as Acceptance[];
    const reviewed = applyAcceptances(before, old);
    expect(reviewed.filter((x) => x.accepted)).toEqual([]);
    // …and accepting anew keeps them (the pane never loses what it saved).
    expect(accept(old, quota, "mới", at)).toHaveLength(old.length + 1);
  });
});

describe("recognition overrides", () => {
  it("a year, a unit and a kind set by the user are used", () => {
    const r = checkWorkbook(seed2026AsPrinted(), {
      rulebook,
      overrides: {
        "PL6 KP 2026": { year: 2027 },
        "PL7 KP 2027": { scale: 1 },
        "Tổng hợp": { kind: "ignore" },
      },
    });
    const t6 = r.workbook.tables.find((t) => t.sheet === "PL6 KP 2026");
    expect(t6?.year).toBe(2027);
    expect(t6?.overridden).toEqual({ year: 2027 });
    expect(r.workbook.tables.find((t) => t.sheet === "PL7 KP 2027")?.scale).toBe(1);
    expect(r.workbook.skipped).toEqual([{ sheet: "Tổng hợp", reason: { id: "sheet.ignored" } }]);
    // 2026's lines read as 2027's are judged against 2027's plan.
    expect(r.findings.some((f) => f.sheet === "PL6 KP 2026" && f.message.includes("năm 2027"))).toBe(true);
  });
});

describe("recheckSheet", () => {
  it("gives the same findings as a full check after one sheet changes", () => {
    const wb = seed2026AsPrinted();
    const first = checkWorkbook(wb, { rulebook });
    const changed = JSON.parse(JSON.stringify(wb)) as WorkbookSnapshot;
    const pl8 = changed.sheets.find((s) => s.name === "PL8 KP 2028");
    if (!pl8) throw new Error("PL8");
    pl8.values[15][9] = 35604; // J16: the 2028 total corrected
    const again = recheckSheet(first, pl8, { rulebook });
    expect(again.findings).toEqual(checkWorkbook(changed, { rulebook }).findings);
    expect(again.findings.some((f) => f.sheet === "PL8 KP 2028" && f.rule === "totals")).toBe(false);
  });
});
