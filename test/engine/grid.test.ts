/**
 * The grid keeps the last text read in each column (src/engine/recognize/grid.ts): whatever the
 * order of reads — rows revisited, columns out of the data, merged areas — every text is the
 * cell's own, as if read afresh.
 */
import fc from "fast-check";
import { cellText, Grid } from "../../src/engine/recognize/grid";
import type { CellValue, SheetSnapshot } from "../../src/engine/snapshot";

const value = fc.oneof(
  fc.constantFrom<CellValue>(
    null,
    "",
    "  ",
    "Tổng cộng",
    "Công tác",
    " MN \n CL ",
    "a\u00a0 b",
    0,
    12.5,
    true,
  ),
  fc.integer({ min: -5, max: 500 }),
  fc.string({ maxLength: 6 }),
);

const sheet = fc
  .record({
    rows: fc.array(fc.array(value, { maxLength: 5 }), { minLength: 1, maxLength: 6 }),
    origin: fc.record({ row: fc.nat(3), col: fc.nat(3) }),
    merge: fc.boolean(),
  })
  .map(({ rows, origin, merge }): SheetSnapshot => ({
    name: "PL",
    origin,
    values: rows,
    // A merged area over the first two cells of the first two rows, as sheets' titles have.
    merges: merge
      ? [
          `${String.fromCharCode(65 + origin.col)}${origin.row + 1}:${String.fromCharCode(66 + origin.col)}${origin.row + 2}`,
        ]
      : [],
  }));

describe("Grid text", () => {
  it("gives each cell's own text, in any order of reads", () => {
    fc.assert(
      fc.property(
        sheet,
        fc.array(fc.tuple(fc.nat(10), fc.nat(9), fc.boolean()), { maxLength: 60 }),
        (s, reads) => {
          const grid = new Grid(s);
          // An uncached reference: the value (or the value shown) put into text afresh.
          for (const [r, c, shown] of reads) {
            if (shown) expect(grid.shownText(r, c)).toBe(cellText(grid.shown(r, c)));
            else expect(grid.text(r, c)).toBe(cellText(grid.value(r, c)));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("does not give a row's text for the same column of another row", () => {
    const grid = new Grid({
      name: "PL",
      values: [
        ["TT", "Nội dung"],
        [1, "Công tác truyền thông"],
        [2, ""],
      ],
    });
    expect(grid.text(1, 1)).toBe("Công tác truyền thông");
    expect(grid.text(2, 1)).toBe("");
    expect(grid.text(0, 1)).toBe("Nội dung");
    expect(grid.text(1, 1)).toBe("Công tác truyền thông");
    expect(grid.text(1, 0)).toBe("1");
  });
});
