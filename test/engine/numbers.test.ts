/** Numbers as Vietnamese users type them, and amounts in words. */
import fc from "fast-check";
import { parseNumberText, readCellNumber } from "../../src/engine/numbers/parse";
import { phrase } from "../../src/engine/i18n";
import {
  amountInWords,
  numberToWords,
  wordsMatchAmount,
  wordsToNumber,
} from "../../src/engine/numbers/words";

describe("parseNumberText", () => {
  it.each<[string, number, string | undefined, number | undefined]>([
    ["1250000", 1250000, undefined, undefined],
    ["1.250.000", 1250000, undefined, undefined],
    ["13 008", 13008, undefined, undefined],
    ["1 312,74", 1312.74, undefined, undefined],
    ["13\u00a0008", 13008, undefined, undefined],
    ["  54 508", 54508, undefined, undefined],
    ["13,26", 13.26, undefined, undefined],
    ["1.250,5", 1250.5, undefined, undefined],
    ["438.750.000 đ", 438750000, undefined, 1],
    ["438.750.000 đồng", 438750000, undefined, 1],
    ["1,5 tỷ", 1.5, undefined, 1e9],
    ["13,26 triệu đồng", 13.26, undefined, 1e6],
    ["442.000đ", 442000, "dấu chấm là phân cách hàng nghìn", 1],
    ["1,250,000", 1250000, "dấu phẩy là phân cách hàng nghìn", undefined],
    ["1,250.50", 1250.5, "kiểu Mỹ: dấu phẩy phân cách hàng nghìn, dấu chấm thập phân", undefined],
    ["1.250", 1250, "dấu chấm là phân cách hàng nghìn", undefined],
    ["13.5", 13.5, "dấu chấm là dấu thập phân", undefined],
    ["-1.250.000", -1250000, undefined, undefined],
    ["(300)", -300, undefined, undefined],
  ])("%s → %d", (text, value, reading, unitScale) => {
    const r = parseNumberText(text);
    expect(r?.value).toBe(value);
    expect(r?.reading && phrase(r.reading, "vi")).toBe(reading);
    expect(r?.unitScale).toBe(unitScale);
  });

  it.each([
    ["1.250", "the dot separates thousands"],
    ["13.5", "the dot is the decimal mark"],
    ["1,250,000", "the comma separates thousands"],
    ["1,250.50", "US style: comma for thousands, dot for decimals"],
  ])("says how %s was read in English too", (text, reading) => {
    const r = parseNumberText(text);
    expect(r?.reading && phrase(r.reading, "en")).toBe(reading);
  });

  it.each(["", "abc", "1.25.0", "12 34", "4 GV/trường", "1,2,3", "Năm 2026", "13,26 cái", "1..2"])(
    "%j is not a number",
    (text) => {
      expect(parseNumberText(text)).toBeUndefined();
    },
  );

  it("reads a comma group as thousands when a whole number is expected (head-counts)", () => {
    expect(parseNumberText("1,250", { integer: true })).toEqual({
      value: 1250,
      reading: { id: "number.commaThousands" },
    });
    expect(parseNumberText("1,250")).toEqual({ value: 1.25 });
  });

  it("reads back every vi-VN formatted number", () => {
    const vi = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        const n = int + Math.sign(int || 1) * (cents / 100);
        expect(parseNumberText(vi.format(n))?.value).toBeCloseTo(n, 2);
      }),
    );
  });
});

describe("readCellNumber", () => {
  it.each<[unknown, unknown]>([
    [null, { kind: "blank" }],
    ["", { kind: "blank" }],
    ["\u00a0", { kind: "blank" }],
    ["-", { kind: "blank" }],
    [12, { kind: "number", value: 12 }],
    ["  1 313", { kind: "number", value: 1313, text: "1 313" }],
    ["x2", { kind: "text", text: "x2" }],
    [{ error: "#REF!" }, { kind: "error", error: "#REF!" }],
    [Number.NaN, { kind: "error", error: "NaN" }],
    [true, { kind: "text", text: "TRUE" }],
    [{ date: "2026-01-01" }, { kind: "text", text: "2026-01-01" }],
  ])("%j", (v, want) => {
    expect(readCellNumber(v as never)).toEqual(want);
  });
});

describe("numbers in words", () => {
  it.each<[number, string]>([
    [0, "không"],
    [5, "năm"],
    [10, "mười"],
    [11, "mười một"],
    [15, "mười lăm"],
    [21, "hai mươi mốt"],
    [24, "hai mươi tư"],
    [25, "hai mươi lăm"],
    [14, "mười bốn"],
    [105, "một trăm linh năm"],
    [110, "một trăm mười"],
    [1001, "một nghìn không trăm linh một"],
    [1_050_000, "một triệu không trăm năm mươi nghìn"],
    [1_000_000_000, "một tỷ"],
    [1_000_000_001, "một tỷ không trăm linh một"],
    [2_005_000_000, "hai tỷ không trăm linh năm triệu"],
    [2_000_500_000, "hai tỷ năm trăm nghìn"],
    [179_292_000_000, "một trăm bảy mươi chín tỷ hai trăm chín mươi hai triệu"],
    [1_000_000_000_000, "một nghìn tỷ"],
    [
      999_999_999_999_999,
      "chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
    ],
  ])("%d → %s", (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  it("writes an amount as plans do", () => {
    expect(amountInWords(179_292_000_000)).toBe(
      "Một trăm bảy mươi chín tỷ hai trăm chín mươi hai triệu đồng",
    );
    expect(amountInWords(-5)).toBe("Âm năm đồng");
  });

  it("rejects what it cannot read", () => {
    expect(() => numberToWords(-1)).toThrow(RangeError);
    expect(() => numberToWords(1.5)).toThrow(RangeError);
  });

  it("reads words back, spelling variants included", () => {
    expect(wordsToNumber("Bằng chữ: Một trăm bảy mươi chín tỷ hai trăm chín mươi hai triệu đồng./.")).toBe(
      179_292_000_000,
    );
    expect(wordsToNumber("mot tram le nam ngan dong chan")).toBe(105_000);
    expect(wordsToNumber("Hai tỉ")).toBe(2e9);
    expect(wordsToNumber("Một trăm triệu đồng và một con mèo")).toBeUndefined();
    expect(wordsToNumber("đồng")).toBeUndefined();
    expect(wordsMatchAmount("Một trăm bảy mươi chín tỷ hai trăm chín mươi triệu đồng", 179_292_000_000)).toBe(
      false,
    );
  });

  it("reads back what it writes, up to 999 999 999 999 999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), (n) => {
        expect(wordsToNumber(numberToWords(n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
});
