/** Rulebooks as data: every violation named, in Vietnamese, with its path. */
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { parseRulebook, parseRulebookText, RulebookError } from "../../src/engine/rulebook/load";

const base = () =>
  JSON.parse(JSON.stringify(builtinRulebook())) as Record<string, unknown> & {
    courses: Record<string, unknown>[];
    levels: Record<string, unknown>[];
  };

function problems(data: unknown): string[] {
  try {
    parseRulebook(data);
  } catch (e) {
    expect(e).toBeInstanceOf(RulebookError);
    expect((e as RulebookError).message).toMatch(/^Sổ quy tắc không hợp lệ \(\d+ lỗi\): /);
    return (e as RulebookError).problems;
  }
  throw new Error("the rulebook was accepted");
}

describe("parseRulebook", () => {
  it("accepts the built-in rulebooks and fills defaults", () => {
    const rb = parseRulebook({ ...base(), tolerance: undefined, rules: undefined });
    expect(rb.tolerance).toBe(0.5);
    expect(rb.rules).toEqual({});
  });

  it("names every type violation with its path, in Vietnamese", () => {
    const data = base();
    data.years = "2026";
    data.courses[0].kind = "khac";
    data.levels[0].schools = -3;
    const p = problems(data);
    expect(p).toHaveLength(3);
    expect(p.join("\n")).toMatch(/^years: /m);
    expect(p.join("\n")).toMatch(/^courses\[0\]\.kind: /m);
    expect(p.join("\n")).toMatch(/^levels\[0\]\.schools: /m);
    expect(p.join("\n")).not.toMatch(/Invalid|expected/);
  });

  it("checks references between parts: levels, parents, years, duplicate ids, credits", () => {
    const data = base();
    data.courses[0].levels = ["MN", "DH"];
    data.courses[1].parent = "khong-co";
    (data.courses[2].offerings as Record<string, unknown>[])[0].year = 2031;
    data.courses[3].id = data.courses[4].id;
    const p = problems(data);
    expect(p).toEqual(
      expect.arrayContaining([
        'courses[0].levels[1]: Cấp học "DH" không có trong danh sách cấp học',
        'courses[1].parent: Nội dung cha "khong-co" không tồn tại',
        "courses[2].offerings[0].year: Năm 2031 không thuộc các năm của kế hoạch",
        expect.stringMatching(/^courses\[4\]\.id: Nội dung ".*" bị khai báo hai lần$/),
      ]),
    );
  });

  it("refuses a severity override for a rule that does not exist", () => {
    expect(problems({ ...base(), rules: { quota: "warning", qouta: "off" } })).toEqual([
      expect.stringMatching(/^rules\.qouta: Không có quy tắc "qouta"/),
    ]);
  });

  it("says when the text is not JSON, and where, in Vietnamese", () => {
    expect(() => parseRulebookText('{\n  "id": "x",\n  name: 1\n}')).toThrow(
      "Sổ quy tắc không phải JSON hợp lệ: lỗi cú pháp ở dòng 3, cột 3.",
    );
    expect(() => parseRulebookText("")).toThrow("Sổ quy tắc không phải JSON hợp lệ: lỗi cú pháp (tệp rỗng).");
  });

  it("reads a rulebook saved with a byte order mark (Notepad on Windows)", () => {
    const text = JSON.stringify(builtinRulebook());
    expect(parseRulebookText(`\uFEFF${text}`)).toEqual(parseRulebookText(text));
  });
});
