/**
 * A1 addresses read by hand (src/engine/a1.ts) agree with the grammar they replace: "$"? one to
 * three letters, "$"? one to seven digits, surrounding spaces ignored; anything else is refused.
 */
import fc from "fast-check";
import { parseA1, parseRange, toA1 } from "../../src/engine/a1";

/** The grammar as a regular expression: the reference the hand-written reader must agree with. */
function reference(a1: string): { row: number; col: number } | "refused" {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return "refused";
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function read(a1: string): { row: number; col: number } | "refused" {
  try {
    return parseA1(a1);
  } catch (e) {
    expect(e).toBeInstanceOf(RangeError);
    return "refused";
  }
}

describe("parseA1", () => {
  it.each([
    ["A1", { row: 0, col: 0 }],
    ["$B$7", { row: 6, col: 1 }],
    [" b7 ", { row: 6, col: 1 }],
    ["XFD1048576", { row: 1048575, col: 16383 }],
    ["AA10", { row: 9, col: 26 }],
  ])("reads %j", (a1, ref) => expect(parseA1(a1)).toEqual(ref));

  it.each(["", "$", "A", "7", "A$", "$$A1", "A$$1", "ABCD1", "A12345678", "A1B", "1A", "A-1", "Á1", "A1:B2"])(
    "refuses %j",
    (a1) => expect(() => parseA1(a1)).toThrow(RangeError),
  );

  it("agrees with the grammar on any text of address characters", () => {
    const ch = fc.constantFrom("A", "b", "Z", "z", "@", "[", "`", "{", "$", "0", "1", "9", " ", ":", "/");
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 12 }), (chars) => {
        const s = chars.join("");
        expect(read(s)).toEqual(reference(s));
      }),
      { numRuns: 5000 },
    );
  });

  it("reads back every address it writes", () => {
    fc.assert(
      fc.property(fc.nat(1_048_575), fc.nat(16_383), (row, col) => {
        expect(parseA1(toA1(row, col))).toEqual({ row, col });
        expect(parseRange(`${toA1(row, col)}:A1`).start).toEqual({ row: 0, col: 0 });
      }),
    );
  });
});

describe("parseRange", () => {
  /** The reading it replaces: a1.split(":"), the first two parts, a missing end is the start. */
  function referenceRange(a1: string): unknown {
    try {
      const [a, b] = a1.split(":");
      const start = parseA1(a);
      const end = b ? parseA1(b) : start;
      return {
        start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
        end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
      };
    } catch {
      return "refused";
    }
  }
  function readRange(a1: string): unknown {
    try {
      return parseRange(a1);
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError);
      return "refused";
    }
  }

  it.each(["A1", "A1:B2", "B2:A1", "A1:B2:C3", "A1::B2", "A1:", ":A1", " a1 : b2 ", "A1:B2x"])(
    "reads %j as a1.split(':') did",
    (a1) => expect(readRange(a1)).toEqual(referenceRange(a1)),
  );

  it("agrees with a1.split(':') on any text of address characters and colons", () => {
    const ch = fc.constantFrom("A", "b", "Z", "$", "0", "1", "9", " ", ":", ":", "x");
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 14 }), (chars) => {
        const s = chars.join("");
        expect(readRange(s)).toEqual(referenceRange(s));
      }),
      { numRuns: 5000 },
    );
  });
});
