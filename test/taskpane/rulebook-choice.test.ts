import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { restoreRulebook, rulebookChoice } from "../../src/taskpane/rulebook-choice";

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
