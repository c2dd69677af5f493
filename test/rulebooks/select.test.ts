/**
 * A workbook whose sheets belong to several plans (issue #11): prepareCheck groups the sheets the
 * chosen rulebook does not cover by the rulebook of their own plan, and leaves out those no
 * rulebook has; checkPrepared checks each plan on its own and merges the results in the
 * workbook's order.
 */
import { checkWorkbook } from "../../src/engine/check";
import { builtinCandidates, builtinRulebook } from "../../src/engine/rulebook/builtin";
import { rulebookTemplate } from "../../src/engine/rulebook/workbook";
import { checkPrepared, planSplit, prepareCheck } from "../../src/engine/rulebook/select";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";
import { templateSnapshot } from "../../src/engine/templates/build";
import { peopleWorkbook } from "../fixtures/people";
import { seed2026AsPrinted } from "../fixtures/seed2026";

const kp2019: SheetSnapshot = {
  name: "KP 2019",
  values: [
    ["KINH PHÍ ĐÀO TẠO NĂM 2019"],
    [],
    ["TT", "Nội dung", "MN", "Đơn giá", "Thành tiền"],
    [1, "BD", 1, 2, 2],
  ],
};
const plan = seed2026AsPrinted().sheets;
const people = peopleWorkbook({ planted: true }).workbook.sheets;
const names = (s: readonly SheetSnapshot[]) => s.map((x) => x.name);

function prepared(wb: WorkbookSnapshot, locale: "vi" | "en" = "vi") {
  const p = prepareCheck(wb, { candidates: builtinCandidates(), locale });
  if (!p.ok) throw new Error(p.error);
  return p;
}

describe("a workbook of several plans", () => {
  const wb: WorkbookSnapshot = { sheets: [people[0], ...plan, kp2019, ...people.slice(1)] };

  it("groups the other plan's sheets under its rulebook and leaves out the sheets no rulebook has", () => {
    const p = prepared(wb);
    expect(p.used.rulebook.id).toBe("hai-phong-2026-2030");
    expect(p.otherPlans.map((o) => [o.used.rulebook.id, o.used.chosenBy, o.sheets])).toEqual([
      ["hai-phong-2024", "auto", names(people)],
    ]);
    expect(p.otherPlans[0].used.reason).toMatch(/^tiêu đề ghi "NĂM 2024" \(PL1 MN!A\d+\)$/);
    expect(p.unchecked.map((u) => [u.sheet, u.clue.text])).toEqual([["KP 2019", "NĂM 2019"]]);
    expect(p.used.others).toBe(
      `Trang thuộc kế hoạch khác, kiểm tra theo sổ quy tắc của kế hoạch đó: ${names(people)
        .map((n) => `"${n}"`)
        .join(", ")} ("NĂM 2024": sổ hai-phong-2024)`,
    );
    expect(p.used.unchecked).toMatch(/^Trang không kiểm tra: "KP 2019" \("NĂM 2019"\) — /);
    expect(prepared(wb, "en").used.unchecked).toMatch(/^Sheets not checked: "KP 2019" \("NĂM 2019"\) — /);
  });

  it("checks each plan on its own: the findings are each plan's alone, in the workbook's order", () => {
    const p = prepared(wb);
    const result = checkPrepared(p, {});
    const alone2026 = checkWorkbook({ sheets: plan }, { rulebook: builtinRulebook() }).findings;
    const alone2024 = checkWorkbook(
      { sheets: people },
      { rulebook: builtinRulebook("hai-phong-2024") },
    ).findings;
    const inPeople = new Set(names(people));
    expect(result.findings.filter((f) => !inPeople.has(f.sheet))).toEqual(alone2026);
    expect(result.findings.filter((f) => inPeople.has(f.sheet))).toEqual(alone2024);
    // The order is the workbook's: the first 2024 sheet comes before the plan's.
    const order = names(wb.sheets);
    const at = result.findings.map((f) => order.indexOf(f.sheet));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(result.workbook.sheetOrder).toEqual(order);
    expect(result.workbook.tables.map((t) => t.sheet)).toEqual(
      order.filter((n) => n !== "KP 2019" && result.workbook.tables.some((t) => t.sheet === n)),
    );
    expect(result.workbook.skipped.find((s) => s.sheet === "KP 2019")).toEqual({
      sheet: "KP 2019",
      reason: { id: "sheet.noRulebook", data: { text: "NĂM 2019" } },
    });
    expect(result.findings.some((f) => f.sheet === "KP 2019")).toBe(false);
  });

  it("a rulebook the user names, or one kept in the workbook, checks every sheet", () => {
    const named = prepareCheck(wb, {
      candidates: builtinCandidates(),
      named: {
        candidate: { rulebook: builtinRulebook(), origin: { kind: "builtin" } },
        chosenBy: "option",
        reason: "x",
      },
    });
    if (!named.ok) throw new Error(named.error);
    expect(planSplit(named)).toEqual({ otherPlans: [], unchecked: [] });
    const own = templateSnapshot(rulebookTemplate(builtinRulebook("hai-phong-2024"))).sheets;
    const kept = prepared({ sheets: [...people, ...own] });
    expect(kept.used.chosenBy).toBe("saved");
    expect(planSplit(kept)).toEqual({ otherPlans: [], unchecked: [] });
    const r = checkPrepared(kept, {});
    expect(r.workbook.skipped.filter((s) => s.reason.id === "sheet.rulebook").map((s) => s.sheet)).toEqual(
      names(own),
    );
  });
});

describe("a rulebook the user named (--rules, the pane's picker, a saved choice)", () => {
  const named = (id: string, chosenBy: "option" | "saved" = "option") => ({
    candidate: { rulebook: builtinRulebook(id), origin: { kind: "builtin" as const } },
    chosenBy,
    reason: "chọn bằng --rules",
  });
  const wb: WorkbookSnapshot = { sheets: [...plan.slice(0, 2), kp2019] };

  it("is used for every sheet, and the sheets whose years it does not cover are said, not passed silently", () => {
    const p = prepareCheck(wb, { candidates: builtinCandidates(), named: named("hai-phong-2026-2030") });
    if (!p.ok) throw new Error(p.error);
    expect(p.otherPlans).toEqual([]);
    expect(p.unchecked).toEqual([]);
    expect(p.uncovered?.none).toBe(false);
    expect(p.uncovered?.sheets.map((s) => s.sheet)).toEqual(["KP 2019"]);
    expect(p.used.others).toBe(
      'Sổ quy tắc hai-phong-2026-2030 (2026–2030) không có năm của trang: "KP 2019" ("NĂM 2019") — vẫn kiểm tra theo sổ đã chọn, nhưng các trang này thuộc kế hoạch khác: kết quả của chúng không đáng tin; chọn sổ khác, hoặc để tự chọn sổ của từng trang',
    );
    // The check itself is the named rulebook's, on every sheet.
    expect(names(p.snapshot.sheets)).toEqual(names(wb.sheets));
  });

  it("covering none of the sheets that name years is said as such (dean-check then exits 2)", () => {
    const p = prepareCheck(wb, { candidates: builtinCandidates(), named: named("hai-phong-2024", "saved") });
    if (!p.ok) throw new Error(p.error);
    expect(p.uncovered?.none).toBe(true);
    expect(p.uncovered?.sheets).toHaveLength(3);
    expect(p.used.others).toMatch(/^Sổ quy tắc hai-phong-2024 \(2024\) không có năm của trang nào: /);
  });

  it("covering every sheet: nothing more is said", () => {
    const p = prepareCheck(
      { sheets: plan },
      { candidates: builtinCandidates(), named: named("hai-phong-2026-2030") },
    );
    if (!p.ok) throw new Error(p.error);
    expect(p.uncovered).toBeUndefined();
    expect(p.used.others).toBeUndefined();
  });
});
