/** Recognition by content: whatever the sheet name, the column order, the unit or the spelling. */
import { recognizeSheet, recognitionContext } from "../../src/engine/recognize/recognize";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { phrase, phrases } from "../../src/engine/i18n";
import type { SheetSnapshot } from "../../src/engine/snapshot";
import { cost2026 } from "../helpers/rows";
import { costSheet, textTaskSheet2023 } from "../helpers/sheets";
import { LINES_2023 } from "../fixtures/seed2023";

const ctx = recognitionContext(builtinRulebook());
const table = (sheet: SheetSnapshot, context = ctx) => {
  const r = recognizeSheet(sheet, context);
  if (!("table" in r)) throw new Error(phrase(r.reason, "vi"));
  return r.table;
};

describe("recognition", () => {
  it("reads a cost table whose sheet is named anything, with columns in another order and ĐVT: đồng", () => {
    const t = table({
      name: "Sheet1",
      values: [
        ["Phụ lục VII"],
        ["DỰ TOÁN KINH PHÍ BỒI DƯỠNG NĂM 2027"],
        ["ĐVT: đồng"],
        ["STT", "Ghi chú", "Thành tiền", "Đơn giá", "Nội dung", "MN", "TH", "THCS"],
        [
          1,
          "2 GV/trường",
          "438.750.000 đ",
          "1.250.000",
          "Thiet ke va trien khai giao duc STEM",
          "1.192",
          "874",
          null,
        ],
        [null, null, 438750000, null, "Cộng", 1192, 874, null],
      ],
    });
    expect([t.kind, t.year, t.appendix, t.scale]).toEqual(["cost", 2027, 7, 1]);
    const line = t.rows[0];
    expect(line.course?.courseId).toBe("stem");
    expect(line.amount?.value).toBe(438750000);
    expect(line.unitPrice?.value).toBe(1250000);
    expect(line.counts.MN?.value).toBe(1192);
    expect(t.rows[1].kind).toBe("total");
  });

  it("honours the table's unit when a text amount names another", () => {
    const t = table(
      costSheet(2026, [["1", cost2026.stem[1], 1192, 874, 852, 258, 26, null, 2, "6.404.000.000 đ"]]),
    );
    expect(t.scale).toBe(1e6);
    expect(t.rows[0].amount?.value).toBe(6404);
    expect(phrases(t.rows[0].amount?.reading, "vi")).toContain("đổi từ đồng");
    expect(phrases(t.rows[0].amount?.reading, "en")).toBe("converted from VND to the table's unit");
  });

  it("reads amounts typed as vi-VN text", () => {
    const t = table(
      costSheet(2026, [["1", cost2026.tcdh[1], 89, 10, null, null, null, null, "13,26", "1 312,74"]]),
    );
    expect(t.rows[0].unitPrice?.value).toBe(13.26);
    expect(t.rows[0].amount?.value).toBe(1312.74);
  });

  it("explains why a sheet is not an appendix", () => {
    const r = recognizeSheet(
      { name: "Ghi nhớ", values: [["Danh bạ"], ["Nguyễn Văn A", "0912 345 678"]] },
      ctx,
    );
    if ("table" in r) throw new Error("recognised");
    expect(phrase(r.reason, "vi")).toContain("không tìm thấy dòng tiêu đề cột");
    expect(phrase(r.reason, "en")).toContain("no header row found");
  });

  it("says that its own results sheet is not an appendix", () => {
    for (const name of ["Kết quả kiểm tra", "Kết quả kiểm tra (2)", "Check results"]) {
      const r = recognizeSheet({ name, values: [["KẾT QUẢ KIỂM TRA PHỤ LỤC"], ["STT", "Trang tính"]] }, ctx);
      expect("reason" in r && phrase(r.reason, "vi")).toContain("trang do Đề án Checker tạo");
    }
  });

  it("does not throw on an empty sheet", () => {
    expect(recognizeSheet({ name: "Trống", values: [] }, ctx)).toHaveProperty("reason");
  });
});

describe("the amount in words under a table", () => {
  const WORDS = "Ba mươi tư tỷ năm trăm mười một triệu đồng";
  const line = ["1", cost2026.khac[1], null, null, null, null, null, null, null, 34511];
  const totalRow = [null, "Tổng số:", null, null, null, null, null, null, null, 34511];
  const read = (rows: (string | number | null)[][]) => {
    const t = table(costSheet(2028, rows));
    return { kinds: t.rows.map((r) => r.kind), words: t.words };
  };

  it("'Tổng số tiền bằng chữ' is the words line, not a total row, under the total or above it", () => {
    const words = { text: WORDS, cell: "A7" };
    expect(read([line, totalRow, [`Tổng số tiền bằng chữ: ${WORDS}`]])).toEqual({
      kinds: ["item", "total"],
      words,
    });
    expect(read([line, totalRow, [`TỔNG KINH PHÍ BẰNG CHỮ ${WORDS.toUpperCase()}`]]).words?.text).toBe(
      WORDS.toUpperCase(),
    );
    expect(read([line, [`(Tổng số tiền bằng chữ: ${WORDS})`], totalRow])).toEqual({
      kinds: ["item", "total"],
      words: { text: WORDS, cell: "A6" },
    });
    // Over two cells, in the TT and the content columns: the words are where they are typed.
    expect(read([line, totalRow, ["Tổng số tiền bằng chữ:", WORDS]])).toEqual({
      kinds: ["item", "total"],
      words: { text: WORDS, cell: "B7" },
    });
  });

  it("a label with other words before 'bằng chữ', closed by ':', by '(…)' or by its cell, is read", () => {
    expect(read([line, totalRow, [`Tổng cộng số tiền bằng chữ: ${WORDS}`]])).toEqual({
      kinds: ["item", "total"],
      words: { text: WORDS, cell: "A7" },
    });
    expect(read([line, totalRow, [`Số tiền đề nghị (bằng chữ): ${WORDS}`]]).words).toEqual({
      text: WORDS,
      cell: "A7",
    });
    expect(read([line, totalRow, [null, "Tổng kinh phí thực hiện bằng chữ", WORDS]]).words).toEqual({
      text: WORDS,
      cell: "C7",
    });
  });

  it("a note in brackets at the end of bracketed words keeps its own bracket", () => {
    const note = `${WORDS} (đã làm tròn)`;
    expect(read([line, totalRow, [`(Bằng chữ: ${note})`]]).words).toEqual({ text: note, cell: "A7" });
    expect(read([line, totalRow, [`Bằng chữ: ${note}`]]).words).toEqual({ text: note, cell: "A7" });
    expect(read([line, totalRow, ["(Bằng chữ:", `${note})`]]).words).toEqual({ text: note, cell: "B7" });
  });

  it("'bảng chữ' (a chart), 'bằng chữ nổi' (Braille) or 'bằng chữ' mid-sentence leave the line a line", () => {
    for (const label of [
      "Mua bảng chữ cái cho lớp mẫu giáo",
      "Bồi dưỡng giáo viên dạy học bằng chữ nổi Braille",
      "Tập huấn ghi số tiền bằng chữ và bằng số trên chứng từ",
      "Mua sách giáo khoa (in bằng chữ nổi)",
      "Thanh toán tiền in bảng chữ:",
    ]) {
      const got = read([line, ["2", label, null, null, null, null, null, null, null, 0], totalRow]);
      expect(got).toEqual({ kinds: ["item", "item", "total"], words: undefined });
    }
  });
});

describe('a "Cấp học" cell of seed 000', () => {
  const ctx2023 = recognitionContext(builtinRulebook("hai-phong-2023"));
  const line = LINES_2023.find((l) => l.course === "tu-van-tam-ly")?.values ?? [];
  const levelsOf = (cell: string) => {
    const levels = table(textTaskSheet2023([Object.assign([...line], { 2: cell })]), ctx2023).rows[0].levels;
    return { ids: levels?.ids, unread: levels?.unread };
  };

  it('is split at the word "và", with or without its mark, and not inside a word', () => {
    // JavaScript's \b takes "à" for a non-word character: "\bvà\b" never matched between words
    expect(levelsOf("Mầm non và THCS")).toEqual({ ids: ["MN", "THCS"], unread: [] });
    expect(levelsOf("Tiểu học, THCS và\nTHPT")).toEqual({ ids: ["TH", "THCS", "THPT"], unread: [] });
    expect(levelsOf("Mam non va THCS")).toEqual({ ids: ["MN", "THCS"], unread: [] });
    expect(levelsOf("THCS vàTHPT")).toEqual({ ids: [], unread: ["THCS vàTHPT"] });
    expect(levelsOf("Mầm non vào THCS")).toEqual({ ids: [], unread: ["Mầm non vào THCS"] });
    expect(levelsOf("Mầm non va\u0300o THCS")).toEqual({ ids: [], unread: ["Mầm non vào THCS"] }); // read as NFC
  });
});
