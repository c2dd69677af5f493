/** plan-total: yearly totals vs the summary vs the plan total; the amount in words. */
import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { parseRulebook } from "../../src/engine/rulebook/load";
import type { RulebookInput } from "../../src/engine/rulebook/schema";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { planTotal } from "../../src/engine/rules/plan-total";
import { totals } from "../../src/engine/rules/totals";
import { cost2026, HN, KHAC, STEM } from "../helpers/rows";
import { ruleTester, type InvalidCase } from "../helpers/rule-tester";
import { costSheet, summarySheet, workbook, type Row } from "../helpers/sheets";
import { fold } from "../../src/engine/text/normalize";

const total = (amount: number): Row => [null, "Tổng số:", null, null, null, null, null, null, null, amount];

const years = [2026, 2027, 2028, 2029, 2030];
const printed = [54508, 40018, 34511, 30483, 19772];
/** One line whose amount is the year's total (no head-counts to recompute), then the total row. */
const costs = (totals: number[]) =>
  years.map((y, i) =>
    costSheet(y, [["1", KHAC, null, null, null, null, null, null, null, totals[i]], total(totals[i])]),
  );
const WORDS = "Một trăm bảy mươi chín tỷ hai trăm chín mươi hai triệu đồng";
/** 179 290 million: two words short of the plan total. */
const WRONG_WORDS = "Một trăm bảy mươi chín tỷ hai trăm chín mươi triệu đồng";
/** The five years' cost appendices, one of them replaced. */
const CDS = cost2026.cds[1];
const costsWith = (year: number, sheet: ReturnType<typeof costSheet>) =>
  costs(printed).map((s, i) => (years[i] === year ? sheet : s));
/** The summary sheet listing each year's figure, then its grand total. */
const summaryOf = (figures: number[], grand?: number, opts?: { words?: string }) =>
  summarySheet(
    [
      ...years.map((y, i) => [i + 1, `Năm ${y}`, figures[i]] as Row),
      ...(grand === undefined ? [] : [[null, "Tổng cộng", grand] as Row]),
    ],
    opts,
  );
/**
 * 2027 as offices round it: two lines of 11 people at 1,5 million (16,5 each, shown 17) and the
 * rest. The lines add up to 40 018 unrounded and to 40 019 as shown; either total is right.
 */
const cost2027 = (totalTyped: number) =>
  costSheet(2027, [
    ["1", KHAC, null, null, null, null, null, null, null, 39985],
    ["2", STEM, 11, null, null, null, null, null, 1.5, 17],
    ["3", HN, null, null, 11, null, null, null, 1.5, 17],
    total(totalTyped),
  ]);
/**
 * 2027 rounded half down: three lines of 11 people at 1,5 million (16,5 each, shown 17) and the
 * rest; 40 017,5 unrounded, typed 40 017 (within half a unit), 40 018 rounded, 40 020 as shown.
 */
const cost2027HalfDown = costSheet(2027, [
  ["1", KHAC, null, null, null, null, null, null, null, 39968],
  ["2", STEM, 11, null, null, null, null, null, 1.5, 17],
  ["3", HN, null, null, 11, null, null, null, 1.5, 17],
  ["4", CDS, null, 11, null, null, null, null, 1.5, 17],
  total(40017),
]);
/** 2028 whose total row leaves out 1 093 of its line (35 604 typed 34 511). */
const short2028 = costSheet(2028, [
  ["1", KHAC, null, null, null, null, null, null, null, 35604],
  total(34511),
]);
const planOf = (amount: number) => (rb: RulebookInput) => ({
  ...rb,
  planTotal: { ...(rb.planTotal as object), amount },
});
/** WRONG_WORDS in capitals, and typed without marks. */
const UPPER_WORDS = WRONG_WORDS.toUpperCase();
const PLAIN_WORDS = "Mot tram bay muoi chin ty hai tram chin muoi trieu dong";
/**
 * The amount in words typed in the ways offices type it, in one cell or over two, in capitals or
 * without marks: [the line as typed, the cell where the words are, the words as read]. Each must be
 * read past its label, a label that starts with "Tổng" included (no total row).
 */
const WORDS_LINES: [Row, string, string][] = [
  [[`(Bằng chữ: ${WRONG_WORDS})`], "A10", WRONG_WORDS],
  [[`(Số tiền bằng chữ : ${WRONG_WORDS})`], "A10", WRONG_WORDS],
  [[`Bằng chữ ${WRONG_WORDS}`], "A10", WRONG_WORDS],
  [[`Số tiền  bằng chữ:${WRONG_WORDS}`], "A10", WRONG_WORDS],
  [[`Tổng số tiền bằng chữ: ${WRONG_WORDS}`], "A10", WRONG_WORDS],
  [[`(Tổng số tiền bằng chữ: ${WRONG_WORDS})`], "A10", WRONG_WORDS],
  [[`Tổng số tiền bằng chữ ${WRONG_WORDS}`], "A10", WRONG_WORDS],
  [[`Tổng kinh phí bằng chữ: ${WRONG_WORDS}`], "A10", WRONG_WORDS],
  [[`Tổng kinh phí bằng chữ ${WRONG_WORDS}`], "A10", WRONG_WORDS],
  [[`Số tiền (viết bằng chữ): ${WRONG_WORDS}`], "A10", WRONG_WORDS],
  // Other words before "bằng chữ", the label closed by ":", by "(…)" or by the end of its cell.
  [[`Tổng cộng số tiền bằng chữ: ${WRONG_WORDS}`], "A10", WRONG_WORDS],
  [[`Thành tiền bằng chữ: ${WRONG_WORDS}`], "A10", WRONG_WORDS],
  [[`Số tiền đề nghị bằng chữ: ${WRONG_WORDS}`], "A10", WRONG_WORDS],
  [[`Số tiền đề nghị (bằng chữ): ${WRONG_WORDS}`], "A10", WRONG_WORDS],
  [[`BẰNG CHỮ: ${UPPER_WORDS}`], "A10", UPPER_WORDS],
  [[`TỔNG SỐ TIỀN BẰNG CHỮ: ${UPPER_WORDS}`], "A10", UPPER_WORDS],
  [[`(TỔNG KINH PHÍ BẰNG CHỮ: ${UPPER_WORDS})`], "A10", UPPER_WORDS],
  [[`Bang chu: ${PLAIN_WORDS}`], "A10", PLAIN_WORDS],
  [[`Tong kinh phi bang chu ${PLAIN_WORDS}`], "A10", PLAIN_WORDS],
  // Over two cells: the words are in the second one.
  [["Bằng chữ:", WRONG_WORDS], "B10", WRONG_WORDS],
  [["(Bằng chữ:", `${WRONG_WORDS})`], "B10", WRONG_WORDS],
  [["Tổng số tiền bằng chữ:", WRONG_WORDS], "B10", WRONG_WORDS],
  [["Tổng kinh phí bằng chữ", WRONG_WORDS], "B10", WRONG_WORDS],
  // In the summary's label column (B, "Năm"), alone or beside its words.
  [[null, `Tổng số tiền bằng chữ: ${WRONG_WORDS}`], "B10", WRONG_WORDS],
  [[null, `Tổng kinh phí bằng chữ ${WRONG_WORDS}`], "B10", WRONG_WORDS],
  [[null, "Tổng kinh phí bằng chữ:", WRONG_WORDS], "C10", WRONG_WORDS],
  [[null, `Tổng kinh phí thực hiện bằng chữ: ${WRONG_WORDS}`], "B10", WRONG_WORDS],
  [[null, "Tổng kinh phí thực hiện bằng chữ", WRONG_WORDS], "C10", WRONG_WORDS],
  [[null, "Số tiền đề nghị (bằng chữ)", WRONG_WORDS], "C10", WRONG_WORDS],
];
/** A summary sheet alone adding up to the plan total, its words typed as `line` (row 10). */
const summaryWithWordsRow = (line: Row) => {
  const sheet = summaryOf(printed, 179292);
  return workbook({ ...sheet, values: [...sheet.values, line] });
};
/** The same line with the right words, as typed (in capitals or without marks alike). */
const rightWords = (line: Row, words: string): Row =>
  line.map((c) =>
    typeof c === "string"
      ? c.replace(
          words,
          words === UPPER_WORDS ? WORDS.toUpperCase() : words === PLAIN_WORDS ? fold(WORDS) : WORDS,
        )
      : c,
  );
const shown = (line: Row) => line.filter((c) => c !== null).join(" | ");
const wordsForms: InvalidCase[] = WORDS_LINES.map(([line, cell, words]) => ({
  name: `words typed as '${shown(line).replace(words, "…")}' are read without their label, at ${cell}`,
  workbook: summaryWithWordsRow(line),
  findings: [
    {
      messageId: "words",
      sheet: "Tổng hợp",
      cells: [cell],
      expected: WORDS,
      actual: words,
      message: [`"${words}"`, "179.292.000.000 đồng", `phải là "${WORDS}"`],
    },
  ],
}));
const rightWordsForms = WORDS_LINES.map(([line, cell, words]) => ({
  name: `the right words typed as '${shown(line).replace(words, "…")}' pass, at ${cell}`,
  workbook: summaryWithWordsRow(rightWords(line, words)),
}));
/** 2028's lines, one of them named with "bảng chữ" or "bằng chữ" inside: a line, not the words. */
const costs2028With = (label: string) =>
  costsWith(
    2028,
    costSheet(2028, [
      ["1", KHAC, null, null, null, null, null, null, null, 34000],
      ["2", label, null, null, null, null, null, null, null, 511],
      total(34511),
    ]),
  );
ruleTester(planTotal, {
  valid: [
    { name: "printed yearly totals add up to 179 292 million", workbook: workbook(...costs(printed)) },
    {
      name: "with a summary sheet and the amount in words",
      workbook: workbook(
        ...costs(printed),
        summarySheet(
          [...years.map((y, i) => [i + 1, `Năm ${y}`, printed[i]] as Row), [null, "Tổng cộng", 179292]],
          { words: WORDS },
        ),
      ),
    },
    {
      name: "an incomplete workbook is not judged against the plan",
      workbook: workbook(...costs(printed).slice(0, 2)),
    },
    {
      name: "a year whose lines show no amounts yet: its total row as typed counts",
      workbook: workbook(...costsWith(2030, costSheet(2030, [["1", KHAC], total(19772)]))),
    },
    {
      name: "a year's appendix without its total row: the plan is not judged against the appendices",
      workbook: workbook(
        ...costsWith(2030, costSheet(2030, [["1", KHAC, null, null, null, null, null, null, null, 19000]])),
      ),
    },
    {
      name: "two appendices for the same year: the first one in the workbook is the year's",
      workbook: workbook(
        ...costs(printed),
        costSheet(2030, [["1", KHAC, null, null, null, null, null, null, null, 19000], total(19000)], {
          name: "KP 2030 (2)",
        }),
      ),
    },
    {
      name: "2027 totalled as the rounded sum (40 018), the summary copying it as its lines show (40 019)",
      workbook: workbook(
        ...costsWith(2027, cost2027(40018)),
        summaryOf([54508, 40019, 34511, 30483, 19772], 179293),
      ),
    },
    {
      name: "2027 totalled as its lines show (40 019), in a plan of 179 293 million",
      rulebook: planOf(179293000000),
      workbook: workbook(...costsWith(2027, cost2027(40019))),
    },
    {
      name: "2027 totalled 40 017 for 40 017,5 (half a unit down), in a plan of 179 291 million",
      rulebook: planOf(179291000000),
      workbook: workbook(...costsWith(2027, cost2027HalfDown)),
    },
    {
      // The short total row is the totals rule's finding; the plan states what the lines cost.
      name: "the 2028 total row leaves out 1 093 but the plan states what the lines cost (180 385 million)",
      rulebook: planOf(180385000000),
      workbook: workbook(...costsWith(2028, short2028)),
    },
    {
      name: "a summary without its cost appendices, adding up to the plan total",
      workbook: workbook(summaryOf(printed, 179292)),
    },
    {
      name: "a summary with the amount in words but no grand total row: the words have nothing to match",
      workbook: workbook(summaryOf(printed, undefined, { words: WRONG_WORDS })),
    },
    {
      name: "the words of a year's appendix read its total",
      workbook: workbook(
        ...costsWith(
          2028,
          costSheet(2028, [
            ["1", KHAC, null, null, null, null, null, null, null, 34511],
            total(34511),
            ["Bằng chữ: Ba mươi tư tỷ năm trăm mười một triệu đồng"],
          ]),
        ),
      ),
    },
    ...rightWordsForms,
    {
      name: "a line 'Mua bảng chữ cái' (alphabet charts) is a line of the table, not its amount in words",
      workbook: workbook(...costs2028With("Mua bảng chữ cái cho lớp mẫu giáo")),
    },
    {
      name: "a line on teaching in Braille ('bằng chữ nổi') is a line of the table, not its amount in words",
      workbook: workbook(...costs2028With("Bồi dưỡng giáo viên dạy học bằng chữ nổi Braille")),
    },
    {
      name: "a line that mentions 'bằng chữ' mid-sentence is a line of the table, not its amount in words",
      workbook: workbook(...costs2028With("Tập huấn ghi số tiền bằng chữ và bằng số trên chứng từ")),
    },
  ],
  invalid: [
    {
      // Nothing in the workbook says whether the plan or the appendices are right: both figures, no "expected".
      name: "2028 corrected to 35 604: the plan total no longer holds",
      workbook: workbook(...costs([54508, 40018, 35604, 30483, 19772])),
      findings: [
        {
          messageId: "plan",
          sheet: "KP 2030",
          cells: ["J6"],
          expected: null,
          actual: 19772,
          fix: null,
          message: [
            "(triệu đồng: 2026: 54.508; 2027: 40.018; 2028: 35.604;",
            "là 180.385.000.000 đồng",
            "kế hoạch ghi 179.292.000.000 đồng",
            "chênh 1.093.000.000 đồng",
          ],
          subject: { detail: "plan-total" },
        },
      ],
    },
    {
      name: "summary disagreeing with an appendix, and wrong words: the grand total adds up the right years",
      workbook: workbook(
        ...costs(printed),
        summarySheet(
          [
            ...years.map((y, i) => [i + 1, `Năm ${y}`, i === 1 ? 40019 : printed[i]] as Row),
            [null, "Tổng cộng", 179292],
          ],
          { words: WRONG_WORDS },
        ),
      ),
      findings: [
        {
          messageId: "summaryYear",
          sheet: "Tổng hợp",
          cells: ["C5"],
          expected: 40018,
          actual: 40019,
          message: ["năm 2027 là 40.019", "năm 2027 cộng được 40.018", "KP 2027!J6"],
          subject: { detail: "summary-year" },
        },
        {
          messageId: "words",
          sheet: "Tổng hợp",
          cells: ["A10"],
          expected: WORDS,
          actual: WRONG_WORDS,
          message: `"${WRONG_WORDS}"`,
          subject: { detail: "words" },
        },
      ],
    },
    {
      // One finding per cell per cause: the grand total's finding says the plan is wrong too.
      name: "the 2028 total leaves out a line; the summary and the plan copy it",
      workbook: workbook(
        ...costs(printed).map((sheet, i) =>
          i === 2
            ? costSheet(2028, [["1", KHAC, null, null, null, null, null, null, null, 35604], total(34511)])
            : sheet,
        ),
        summarySheet(
          [...years.map((y, i) => [i + 1, `Năm ${y}`, printed[i]] as Row), [null, "Tổng cộng", 179292]],
          {
            words: WORDS,
          },
        ),
      ),
      findings: [
        {
          messageId: "summaryYear",
          sheet: "Tổng hợp",
          cells: ["C6"],
          expected: 35604,
          actual: 34511,
          fix: { cell: "C6", value: 35604 },
        },
        {
          messageId: "summaryTotal",
          sheet: "Tổng hợp",
          cells: ["C9"],
          expected: 180385,
          actual: 179292,
          // It adds up C6 as typed: C6's consequence, fixed by fixing C6.
          fix: null,
          causedBy: { sheet: "Tổng hợp", cell: "C6", rule: "plan-total" },
          message: ["cộng các năm được 180.385", "kế hoạch cũng ghi 179.292.000.000 đồng"],
        },
      ],
    },
    {
      name: "a summary without its cost appendices, adding up right, against another plan total",
      workbook: workbook(
        summarySheet([
          ...years.map((y, i) => [i + 1, `Năm ${y}`, i === 2 ? 35604 : printed[i]] as Row),
          [null, "Tổng cộng", 180385],
        ]),
      ),
      findings: [
        {
          messageId: "planSummary",
          sheet: "Tổng hợp",
          cells: ["C9"],
          expected: null,
          actual: 180385,
          fix: null,
          message: ["cộng được 180.385.000.000 đồng", "kế hoạch ghi 179.292.000.000 đồng"],
          subject: { detail: "plan-total-summary" },
        },
      ],
    },
    {
      name: "a grand total too large to read (an overflowed sum): the words are not read, the total is reported once",
      workbook: workbook(
        ...costs(printed),
        summarySheet(
          [...years.map((y, i) => [i + 1, `Năm ${y}`, printed[i]] as Row), [null, "Tổng cộng", 1e300]],
          {
            words: WORDS,
          },
        ),
      ),
      findings: [
        {
          messageId: "summaryTotal",
          sheet: "Tổng hợp",
          cells: ["C9"],
          expected: 179292,
          actual: 1e300,
          message: "cộng các năm được 179.292.",
          subject: { detail: "summary-total" },
        },
      ],
    },
    {
      name: "2030 typed a million short: the years add up to less than the plan",
      workbook: workbook(...costs([54508, 40018, 34511, 30483, 19771])),
      findings: [
        {
          messageId: "plan",
          sheet: "KP 2030",
          cells: ["J6"],
          expected: null,
          actual: 19771,
          message: ["2030: 19.771)", "là 179.291.000.000 đồng", "chênh -1.000.000 đồng"],
        },
      ],
    },
    {
      name: "the summary adds up the corrected 2028 but the plan still says 179 292: said on the grand total",
      workbook: workbook(
        ...costs([54508, 40018, 35604, 30483, 19772]),
        summaryOf([54508, 40018, 35604, 30483, 19772], 180385),
      ),
      findings: [
        {
          messageId: "plan",
          sheet: "Tổng hợp",
          cells: ["C9"],
          expected: null,
          actual: 180385,
          fix: null,
          message: ["là 180.385.000.000 đồng", "kế hoạch ghi 179.292.000.000 đồng"],
        },
      ],
    },
    {
      name: "2028 corrected in its appendix, the summary's grand total mistyped, the plan still 179 292: both said",
      workbook: workbook(
        ...costs([54508, 40018, 35604, 30483, 19772]),
        summaryOf([54508, 40018, 35604, 30483, 19772], 180000),
      ),
      findings: [
        {
          messageId: "summaryTotal",
          cells: ["C9"],
          expected: 180385,
          actual: 180000,
          fix: { cell: "C9", value: 180385 },
        },
        {
          messageId: "plan",
          cells: ["C9"],
          expected: null,
          actual: 180000,
          message: ["là 180.385.000.000 đồng", "kế hoạch ghi 179.292.000.000 đồng"],
        },
      ],
    },
    {
      name: "a wrong 2027 line and a grand total wrong on its own: each gets its fix",
      workbook: workbook(...costs(printed), summaryOf([54508, 40019, 34511, 30483, 19772], 179000)),
      findings: [
        {
          messageId: "summaryYear",
          cells: ["C5"],
          expected: 40018,
          actual: 40019,
          fix: { cell: "C5", value: 40018 },
        },
        {
          messageId: "summaryTotal",
          cells: ["C9"],
          expected: 179292,
          actual: 179000,
          fix: { cell: "C9", value: 179292 },
          message: "Tổng cộng của bảng tổng hợp là 179.000, nhưng cộng các năm được 179.292.",
        },
      ],
    },
    {
      name: "a rulebook without a plan total: the summary's grand total is judged against its years only",
      rulebook: (rb) => ({ ...rb, planTotal: undefined }),
      workbook: workbook(summaryOf(printed, 179000)),
      findings: [
        {
          messageId: "summaryTotal",
          cells: ["C9"],
          expected: 179292,
          actual: 179000,
          fix: { cell: "C9", value: 179292 },
          message: "nhưng cộng các năm được 179.292.",
        },
      ],
    },
    {
      name: "the words of the 2028 appendix read the line's 35 604 while its total says 34 511",
      workbook: workbook(
        ...costsWith(
          2028,
          costSheet(2028, [
            ["1", KHAC, null, null, null, null, null, null, null, 34511],
            total(34511),
            ["Bằng chữ: Ba mươi lăm tỷ sáu trăm linh bốn triệu đồng"],
          ]),
        ),
      ),
      findings: [
        {
          messageId: "words",
          sheet: "KP 2028",
          cells: ["A7"],
          expected: "Ba mươi tư tỷ năm trăm mười một triệu đồng",
          actual: "Ba mươi lăm tỷ sáu trăm linh bốn triệu đồng",
        },
      ],
    },
    {
      name: "words in brackets that end with a note in brackets keep the note's bracket in 'actual'",
      workbook: summaryWithWordsRow([`(Bằng chữ: ${WRONG_WORDS} (đã làm tròn))`]),
      findings: [
        {
          messageId: "words",
          sheet: "Tổng hợp",
          cells: ["A10"],
          expected: WORDS,
          actual: `${WRONG_WORDS} (đã làm tròn)`,
        },
      ],
    },
    ...wordsForms,
  ],
});

/** Findings of plan-total next to the totals rule, which judges each year's total row. */
const withTotals = (wb: WorkbookSnapshot, edit?: (rb: RulebookInput) => RulebookInput) =>
  checkWorkbook(wb, {
    rulebook: edit
      ? parseRulebook(edit(JSON.parse(JSON.stringify(builtinRulebook())) as RulebookInput))
      : builtinRulebook(),
    rules: [planTotal, totals],
  }).findings.filter((f) => f.rule === "plan-total");

describe("plan-total findings that follow from a wrong year total", () => {
  const SHORT_2028 = { sheet: "KP 2028", cell: "J6", rule: "totals" };

  it("a plan total that adds up the 2028 total as typed follows from that total", () => {
    const [f] = withTotals(workbook(...costsWith(2028, short2028)));
    expect(f).toMatchObject({ messageId: "plan", cells: ["J6"], sheet: "KP 2030" });
    expect(f.causedBy).toEqual(SHORT_2028);
  });

  it("a plan total that is off on its own is its own cause, even next to a wrong year", () => {
    const [f] = withTotals(workbook(...costsWith(2028, short2028)), planOf(179000000000));
    expect(f).toMatchObject({
      messageId: "plan",
      message: expect.stringContaining("kế hoạch ghi 179.000.000.000"),
    });
    expect(f.causedBy).toBeUndefined();
  });

  it("a summary line copying the wrong 2028 total, and the grand total adding it up, follow from it", () => {
    const found = withTotals(
      workbook(...costsWith(2028, short2028), summaryOf(printed, 179292, { words: WORDS })),
    );
    expect(found.map((f) => [f.messageId, f.cells[0], f.causedBy, f.fix])).toEqual([
      ["summaryYear", "C6", SHORT_2028, undefined],
      ["summaryTotal", "C9", SHORT_2028, undefined],
    ]);
  });

  it("a summary line wrong on its own next to a wrong 2028 total keeps its own fix", () => {
    const found = withTotals(
      workbook(...costsWith(2028, short2028), summaryOf([54508, 40018, 34000, 30483, 19772], 179292)),
    );
    const line = found.find((f) => f.messageId === "summaryYear");
    expect(line).toMatchObject({
      cells: ["C6"],
      expected: 35604,
      actual: 34000,
      fix: { cell: "C6", value: 35604 },
    });
    expect(line?.causedBy).toBeUndefined();
  });
});
