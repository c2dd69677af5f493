/**
 * Tone marks carry meaning: minimal pairs of the words that decide how a table is read. A word
 * typed with its marks must have the right ones; a cell typed without any marks is read folded.
 */
import { parseGender } from "../../src/engine/law/retirement";
import { recognitionContext, recognizeSheet } from "../../src/engine/recognize/recognize";
import { TOTAL_LABEL, wordsAfterLabel } from "../../src/engine/recognize/labels";
import { roleOf } from "../../src/engine/recognize/headers";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { createMatcher } from "../../src/engine/text/match";
import { hasMarks, marked, ToneTable } from "../../src/engine/text/tone";
import { findLevel } from "../../src/functions/library";
import { cost2026 } from "../helpers/rows";
import { costSheet } from "../helpers/sheets";

const rb = builtinRulebook();
const ctx = recognitionContext(rb);

describe("minimal pairs", () => {
  it.each<[string, string, boolean]>([
    // Total rows: "Cộng", "Tổng" — not "Công", "Tông", "Tòng".
    ["total", "Cộng", true],
    ["total", "Công", false],
    ["total", "Công tác truyền thông về Đề án 2644", false],
    ["total", "Cộng:", true],
    ["total", "TỔNG CỘNG", true],
    ["total", "Tổng số:", true],
    ["total", "Tông số:", false],
    ["total", "Tòng số", false],
    ["total", "Tổng", true],
    ["total", "Tông", false],
    ["total", "Tổng cộng (I+II)", true],
    ["total", "Tổng kinh phí năm 2026", true],
    ["total", "Tổng kết, đánh giá kết quả triển khai", false],
    ["total", "Tong so", true], // no marks at all: folded
    ["total", "cong", true],
    ["total", "Cong tac truyen thong", false],
    // Level names: "Tiểu học", "Mầm non" — not "Tiêu học" (tiêu: to spend), "Mâm non" (mâm: tray).
    ["level", "Tiểu học", true],
    ["level", "Tiêu học", false],
    ["level", "Tieu hoc", true],
    ["level", "Mầm non", true],
    ["level", "Mâm non", false],
    ["level", "Mam non", true],
    ["level", "Trung học cơ sở", true],
    ["level", "Trung hộc cơ sở", false],
    ["level", "Cấp Tiểu học", true],
    ["level", "THCS", true],
    // Header words: "Năm" (year) — not "Nam" typed with marks elsewhere in the row ("Nữ").
    ["year", "Năm", true],
    ["year", "Nam", true], // no marks at all: folded, as before
    ["year", "Nấm", false],
    // Genders: "Nam", "Nữ"; "Năm" (a year) is none.
    ["gender", "Nam", true],
    ["gender", "Nữ", true],
    ["gender", "Năm", false],
    ["gender", "Nu", true],
    ["gender", "Nứ", false],
    // The amount in words: "Bằng chữ" — not "Bảng chữ" (a chart), and only as the line's label.
    ["words", "Bằng chữ: Một tỷ đồng", true],
    ["words", "Tổng số tiền bằng chữ: Một tỷ đồng", true],
    ["words", "TỔNG KINH PHÍ BẰNG CHỮ:", true],
    ["words", "Bang chu: mot ty dong", true], // no marks at all: folded
    ["words", "Bảng chữ cái", false],
    ["words", "Bảng chữ: Một tỷ đồng", false],
    ["words", "Dạy học bằng chữ nổi Braille", false],
    ["words", "Số tiền đề nghị (bằng chữ):", true],
    ["words", "Số tiền đề nghị (bảng chữ):", false],
    ["words", "Thanh tien bang chu:", true], // no marks at all: folded
    ["words", "Thành tiền bang chu:", false],
    ["words", "Tổng số tiền", false],
  ])("%s: %s → %s", (kind, text, yes) => {
    const got =
      kind === "total"
        ? TOTAL_LABEL.test(text)
        : kind === "level"
          ? ctx.levels.get(text) !== undefined
          : kind === "year"
            ? roleOf(text) === "year"
            : kind === "words"
              ? wordsAfterLabel(text) !== undefined
              : parseGender(text) !== undefined;
    expect(got).toBe(yes);
  });

  it("a line 'Công tác …' is a course line, and the lines after it are read (seed 000)", () => {
    const r = recognizeSheet(
      costSheet(2026, [
        ["1", "Công tác truyền thông về Đề án 2644"],
        ["2", cost2026.cds[1], 2384, 1748, 1704, 516, 52, 100, 2, 13008],
        [null, "Cộng", 2384, 1748, 1704, 516, 52, 100, null, 13008],
      ]),
      ctx,
    );
    if (!("table" in r)) throw new Error(r.reason.id);
    expect(r.table.rows.map((x) => x.kind)).toEqual(["item", "item", "total"]);
  });

  it("=DEAN.* level arguments follow the marks too", () => {
    expect(findLevel(rb, "Tiểu học").id).toBe("TH");
    expect(findLevel(rb, "tieu hoc").id).toBe("TH");
    expect(() => findLevel(rb, "Tiêu học")).toThrow(/Không tìm thấy cấp học/);
  });

  it("course names: a word whose marks differ counts less, so the name typed wins", () => {
    const m = createMatcher(
      [
        { key: "cong", names: ["Công tác kiểm tra"] },
        { key: "cộng", names: ["Cộng tác kiểm tra"] },
      ],
      { threshold: 0.72 },
    );
    expect(m.match("Công tác kiểm tra")?.key).toBe("cong");
    expect(m.match("Cộng tác kiểm tra")?.key).toBe("cộng");
    // Without marks both fit equally: no guess.
    expect(m.match("Cong tac kiem tra")?.key).toBeDefined();
    // The seed's typo "ưng dụng" for "ứng dụng" still finds its course.
    expect(ctx.courses.match(cost2026.cds[1] as string)?.key).toBe("chuyen-doi-so-ai");
  });
});

describe("the tone helpers", () => {
  it("say which texts have marks and keep them in lower case", () => {
    expect(hasMarks("Tong so")).toBe(false);
    expect(hasMarks("Tổng số")).toBe(true);
    expect(hasMarks("Đ")).toBe(true);
    expect(marked("TỔNG  SỐ:")).toBe("tổng số");
    expect(marked("To\u0302\u0309ng")).toBe("tổng"); // NFD input
  });

  it("look up with the marks when both sides have them, folded otherwise", () => {
    const t = new ToneTable<string>([
      ["Mầm non", "MN"],
      ["GDMN", "MN"],
      ["Tieu hoc", "TH"], // a rulebook alias typed without marks
    ]);
    expect(t.get("mầm non")).toBe("MN");
    expect(t.get("mam non")).toBe("MN");
    expect(t.get("Mâm non")).toBeUndefined();
    expect(t.get("Tiểu học")).toBe("TH"); // the known name has no marks: folded
    expect(t.get("constructor")).toBeUndefined();
    expect(t.get("__proto__")).toBeUndefined();
  });
});
