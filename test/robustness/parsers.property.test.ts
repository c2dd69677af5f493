/**
 * The number, date and words parsers on arbitrary input: they never throw, always answer in
 * their documented shape (finite numbers, real dates, Vietnamese reasons), agree with each
 * other, and take linear time even on the longest text a cell can hold (32 767 characters).
 */
import fc from "fast-check";
import { readDateCell, parseDateText, daysInMonth, type DateReading } from "../../src/engine/dates/parse";
import { isBlankNumber, parseNumberText, readCellNumber } from "../../src/engine/numbers/parse";
import { phrase } from "../../src/engine/i18n";
import { amountInWords, wordsToNumber } from "../../src/engine/numbers/words";
import { parseCreditNote, parseQuotaNote } from "../../src/engine/notes/parse";
import { cellArb, textArb } from "./arbitraries";

const RUNS = { numRuns: 2000 };

/** Number-like texts: digits, every separator and sign, units, in any order. */
const numberishArb = fc
  .array(
    fc.constantFrom(
      "1",
      "0",
      "250",
      "000",
      ".",
      ",",
      " ",
      "\u00a0",
      "\u202f",
      "-",
      "−",
      "+",
      "(",
      ")",
      "đ",
      " triệu",
      " tỷ",
      " nghìn đồng",
      "e5",
      "x",
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(""));

/** Date-like texts. */
const dateishArb = fc
  .array(
    fc.constantFrom(
      "05",
      "12",
      "1966",
      "66",
      "31",
      "02",
      "2026",
      "/",
      "-",
      ".",
      " ",
      "ngày ",
      "tháng ",
      "năm ",
      "T10:00",
      "z",
      "0",
      "29",
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(""));

/** Words of Vietnamese amounts, fillers, and the names of Object.prototype. */
const wordsArb = fc
  .array(
    fc.constantFrom(
      "một",
      "hai",
      "năm",
      "lăm",
      "mươi",
      "mười",
      "trăm",
      "nghìn",
      "ngàn",
      "triệu",
      "tỷ",
      "tỉ",
      "linh",
      "lẻ",
      "không",
      "đồng",
      "âm",
      "Bằng chữ:",
      "constructor",
      "__proto__",
      "toString",
      "valueOf",
      "hasOwnProperty",
      "isPrototypeOf",
    ),
    { maxLength: 12 },
  )
  .map((w) => w.join(" "));

const anyText = fc.oneof(
  textArb,
  numberishArb,
  dateishArb,
  wordsArb,
  fc.string({ unit: "binary", maxLength: 64 }),
);

const UNIT_SCALES = new Set([1, 1000, 1_000_000, 1_000_000_000]);

/** `input`: the text read, which a reason may quote ("{0}" typed in a cell is no unfilled placeholder). */
function expectDateReading(r: DateReading | undefined, input?: unknown): void {
  if (r === undefined) return;
  if ("error" in r) {
    for (const locale of ["vi", "en"] as const) {
      const text = phrase(r.error, locale);
      expect(text.length).toBeGreaterThan(0);
      const own = typeof input === "string" && input ? text.split(input).join("") : text;
      expect(own).not.toMatch(/undefined|\[object|\{\w+\}/);
    }
    return;
  }
  const d = r.date;
  expect(Number.isInteger(d.year)).toBe(true);
  expect(d.month).toBeGreaterThanOrEqual(1);
  expect(d.month).toBeLessThanOrEqual(12);
  if (d.day !== undefined) {
    expect(d.day).toBeGreaterThanOrEqual(1);
    expect(d.day).toBeLessThanOrEqual(d.year === 1900 && d.month === 2 ? 29 : daysInMonth(d.year, d.month));
  }
}

describe("parseNumberText", () => {
  it("never throws and reads only finite numbers, with a known unit", () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, integer) => {
        const r = parseNumberText(text, { integer });
        if (r === undefined) return;
        expect(Number.isFinite(r.value)).toBe(true);
        expect(Object.is(r.value, -0)).toBe(false);
        if (r.unitScale !== undefined) expect(UNIT_SCALES.has(r.unitScale)).toBe(true);
        if (r.reading !== undefined) expect(phrase(r.reading, "en")).toMatch(/^[^\n]+$/);
      }),
      RUNS,
    );
  });

  it("reads a text of 400 digits as text, not as Infinity", () => {
    expect(parseNumberText("1".repeat(400))).toBeUndefined();
    expect(readCellNumber("9".repeat(400))).toEqual({ kind: "text", text: "9".repeat(400) });
  });
});

describe("readCellNumber", () => {
  it("never throws, answers in its four kinds, and agrees with isBlankNumber", () => {
    fc.assert(
      fc.property(fc.oneof(cellArb, anyText), fc.boolean(), (v, integer) => {
        const r = readCellNumber(v, { integer });
        expect(["blank", "number", "text", "error"]).toContain(r.kind);
        if (r.kind === "number") expect(Number.isFinite(r.value)).toBe(true);
        if (r.kind === "text") expect(typeof r.text).toBe("string");
        if (r.kind === "error") expect(typeof r.error).toBe("string");
        expect(isBlankNumber(v)).toBe(r.kind === "blank");
      }),
      RUNS,
    );
  });
});

describe("dates", () => {
  it("parseDateText never throws and gives a real date or a Vietnamese reason", () => {
    fc.assert(
      fc.property(anyText, (text) => expectDateReading(parseDateText(text), text)),
      RUNS,
    );
  });

  it("readDateCell never throws, whatever the cell holds", () => {
    fc.assert(
      fc.property(fc.oneof(cellArb, anyText), (v) => expectDateReading(readDateCell(v), v)),
      RUNS,
    );
  });
});

describe("wordsToNumber", () => {
  it("never throws and answers a finite number or undefined", () => {
    fc.assert(
      fc.property(fc.oneof(wordsArb, anyText), (text) => {
        const n = wordsToNumber(text);
        if (n !== undefined) {
          expect(typeof n).toBe("number");
          expect(Number.isFinite(n)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("does not read the names of Object.prototype as digits", () => {
    expect(wordsToNumber("constructor")).toBeUndefined();
    expect(wordsToNumber("Bằng chữ: hai mươi constructor")).toBeUndefined();
  });

  it("reads back what amountInWords writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        expect(wordsToNumber(amountInWords(n))).toBe(n);
      }),
      { numRuns: 500 },
    );
  });
});

describe("linear time on the longest cell text (32 767 characters)", () => {
  const MAX_CELL = 32_767;
  const piece = fc.constantFrom(
    " ",
    "\u00a0",
    "\u200b",
    "1",
    "1,",
    "1.",
    " 000",
    "-",
    "x",
    "ngày ",
    "một ",
    "a",
  );
  const longText = fc
    .tuple(piece, piece, fc.integer({ min: 1000, max: MAX_CELL }), fc.constantFrom("", "a", "1", "-", "đ"))
    .map(([a, b, n, tail]) => `${a.repeat(n >> 1)}${b.repeat(n >> 2)}${tail}`.slice(0, MAX_CELL));

  it("every parser answers a hostile long text at once (no catastrophic backtracking)", () => {
    fc.assert(
      fc.property(longText, (text) => {
        for (const f of [
          () => readCellNumber(text),
          () => readCellNumber(text, { integer: true }),
          () => isBlankNumber(text),
          () => readDateCell(text),
          () => wordsToNumber(text),
          () => parseQuotaNote(text),
          () => parseCreditNote(text),
        ]) {
          const t = performance.now();
          f();
          expect(performance.now() - t).toBeLessThan(5000); // a hang guard: backtracking takes seconds
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a note of one long word after its number is read at once (the quota note's words)", () => {
    // "2 giaovien…" typed without spaces: each extra letter once doubled the time (30: seconds).
    for (const note of [`4 ${"a".repeat(30)}!`, `2${"gv".repeat(20)}`, `3 ${"a".repeat(MAX_CELL - 3)}`]) {
      const t = performance.now();
      expect(parseQuotaNote(note)).toBeUndefined();
      expect(performance.now() - t).toBeLessThan(5000); // a hang guard: backtracking takes seconds
    }
    // What the notes say is still read: glued or spaced, with the words officers use.
    expect(parseQuotaNote("2CBQ,GV/trường")).toBe(2);
    expect(parseQuotaNote("4 GV/trường")).toBe(4);
    expect(parseQuotaNote("02 giáo viên/trường")).toBe(2);
    expect(parseQuotaNote("3 CBQL, GV/trường")).toBe(3);
    expect(parseQuotaNote("2gvtrường")).toBe(2);
    expect(parseQuotaNote("5 người/cơ sở")).toBe(5);
  });

  it("32 767 spaces and a letter are not a blank number, and are read at once", () => {
    const t = performance.now();
    expect(readCellNumber(`${" ".repeat(MAX_CELL - 1)}a`).kind).toBe("text");
    expect(isBlankNumber(`${"\u00a0".repeat(MAX_CELL - 1)}a`)).toBe(false);
    expect(isBlankNumber(`${" ".repeat(MAX_CELL - 2)}-`)).toBe(true);
    expect(performance.now() - t).toBeLessThan(5000); // a hang guard: backtracking takes seconds
  });
});
