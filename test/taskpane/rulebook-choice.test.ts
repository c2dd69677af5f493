import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { decideRulebook, restoreRulebook, rulebookChoice } from "../../src/taskpane/rulebook-choice";
import { seed2024AsPrinted } from "../fixtures/seed2024";

describe("the rulebook kept in the workbook", () => {
  it("a built-in rulebook is kept by its id and comes back as the same rulebook", () => {
    const rb = builtinRulebook("hai-phong-2022");
    expect(rulebookChoice(rb)).toEqual({ id: "hai-phong-2022" });
    expect(restoreRulebook(JSON.parse(JSON.stringify(rulebookChoice(rb))))).toBe(rb);
  });

  it("a rulebook from a file is kept whole (the file may be gone) and comes back equal", () => {
    const rb = structuredClone(builtinRulebook());
    rb.id = "cua-so";
    rb.name = "Sổ quy tắc của Sở";
    const saved = JSON.parse(JSON.stringify(rulebookChoice(rb)));
    expect(saved.id).toBe("cua-so");
    expect(restoreRulebook(saved)).toEqual(rb);
  });

  it("nothing saved, an unknown id or a rulebook edited into nonsense: the default applies", () => {
    expect(restoreRulebook(undefined)).toBeUndefined();
    expect(restoreRulebook("hai-phong-2022")).toBeUndefined();
    expect(restoreRulebook({ id: "khong-co" })).toBeUndefined();
    expect(restoreRulebook({ id: "x", custom: { id: "x", courses: "?" } })).toBeUndefined();
  });
});

describe("a rulebook picked or saved in the pane that does not cover the workbook (review item 5)", () => {
  const wb = seed2024AsPrinted();
  const picked = (id: string) => ({
    rulebook: builtinRulebook(id),
    chosenBy: "option" as const,
    reason: "người dùng chọn",
  });

  it("is kept, and the picker's warning line names the sheets it does not cover", () => {
    const d = decideRulebook(wb, picked("hai-phong-2026-2030"), "vi");
    expect(d.use?.rulebook.id).toBe("hai-phong-2026-2030");
    expect(d.use?.others).toMatch(
      /^Sổ quy tắc hai-phong-2026-2030 \(2026–2030\) không có năm của trang nào: "PL1 MN" \("NĂM 2024"\)/,
    );
    expect(d.suggestion?.rulebook.id).toBe("hai-phong-2024");
  });

  it("a rulebook that covers it says nothing more, and a stale line is cleared", () => {
    const stale = { ...picked("hai-phong-2024"), others: "cũ" };
    const d = decideRulebook(wb, stale, "vi");
    expect(d.use?.rulebook.id).toBe("hai-phong-2024");
    expect(d.use?.others).toBeUndefined();
  });
});
