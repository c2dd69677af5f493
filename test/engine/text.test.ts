/** Folding and fuzzy matching of what users type. */
import fc from "fast-check";
import { collapseSpaces, fold, tokens } from "../../src/engine/text/normalize";
import { createMatcher } from "../../src/engine/text/match";

describe("fold", () => {
  it.each([
    ["Ứng dụng CNTT", "ung dung cntt"],
    ["ĐÀO TẠO  nâng chuẩn", "dao tao nang chuan"],
    ["- Bồi dưỡng (trực tuyến)…", "boi duong truc tuyen"],
    ["Tích hợp AI\n cho CBQL", "tich hop ai cho cbql"],
    ["", ""],
  ])("%j → %j", (s, want) => expect(fold(s)).toBe(want));

  it("agrees with the plain definition (NFD, strip marks, đ → d, lower case, non-alphanumerics → one space)", () => {
    const reference = (s: string) =>
      s
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[đĐ]/g, "d")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, " ")
        .trim();
    const vietnamese = fc.constantFrom(
      ..."aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐƯƠ -–,.()/\n\u00a0",
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: vietnamese })), (s) => {
        expect(fold(s)).toBe(reference(s));
        expect(fold(s.normalize("NFD"))).toBe(reference(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("collapses spaces exactly as NFC + one space per run of spaces + trim", () => {
    const reference = (s: string) =>
      s
        .normalize("NFC")
        .replace(/[\s\u00a0\u2007\u202f\u200b\ufeff]+/g, " ")
        .trim();
    const typed = fc.constantFrom(
      ..."aăâđêôơưàảãáạằẳẵắặỳỷỹýỵĐ \u00a0\u2000\u2001\u2007\u200b\u202f\u3000\ufeff\t\n\r\u0301\u0323\u0300–₫Ω\u2126\u212b가",
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: typed })), (s) => {
        expect(collapseSpaces(s)).toBe(reference(s));
        expect(collapseSpaces(s.normalize("NFD"))).toBe(reference(s));
      }),
      { numRuns: 5000 },
    );
  });

  it("splits tokens and collapses odd spaces", () => {
    expect(tokens(" Mầm  non ")).toEqual(["mam", "non"]);
    expect(collapseSpaces("\u00a0Năm\u200b 2026 ")).toBe("Năm 2026");
  });
});

describe("createMatcher", () => {
  const m = createMatcher(
    [
      {
        key: "tc-dh",
        names: ["Đào tạo nâng trình độ chuẩn GV MN, TH từ trung cấp lên đại học", "từ TC lên ĐH"],
      },
      {
        key: "cd-dh",
        names: ["Đào tạo nâng trình độ chuẩn GV TH, THCS từ cao đẳng lên đại học", "từ CĐ lên ĐH"],
      },
      { key: "cds", names: ["Chuyển đổi số và ứng dụng toàn diện trí tuệ nhân tạo (AI) trong dạy và học"] },
      { key: "stem", names: ["Thiết kế và triển khai giáo dục STEM/STEAM"] },
    ],
    { threshold: 0.72 },
  );

  it.each([
    ["Chuyển đổi số và ưng dụng  toàn diện trí tuệ nhân tạo (AI) trong dạy và học", "cds"],
    ["chuyen doi so va ung dung toan dien tri tue nhan tao trong day va hoc", "cds"],
    ["1. Thiết kế và triển khai giáo dục STEM/STEAM (trực tuyến)", "stem"],
    ["- thiet ke va trien khai giao duc stem", "stem"],
    ["Đào tạo nâng trình độ chuẩn GV MN, TH từ TC lên ĐH (tổng số 85 tín chỉ)", "tc-dh"],
    ["Đào tạo nâng trình độ chuẩn GV TH, THCS từ CĐ lên ĐH (tổng số 60 tín chỉ)", "cd-dh"],
  ])("%j → %s", (text, key) => expect(m.match(text)?.key).toBe(key));

  it.each(["Kỹ năng tham vấn tâm lý học đường", "Tổng số", ""])("%j matches nothing", (text) => {
    expect(m.match(text)).toBeUndefined();
  });

  it("suggests the closest names, best first", () => {
    const s = m.suggest("giáo dục STEM", 2);
    expect(s[0].key).toBe("stem");
    expect(s).toHaveLength(2);
  });
});
