/** Case tables of the rules that compare sheets: credits, task vs cost, plan total. */
import { credits } from "../../src/engine/rules/credits";
import { planTotal } from "../../src/engine/rules/plan-total";
import { taskVsCost } from "../../src/engine/rules/task-vs-cost";
import { cost2026, CDDH, KHAC, TCDH } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { costSheet, summarySheet, taskSheet, workbook, type Row } from "../helpers/sheets";

const set = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });
const tc = (_year: number, credits: number, price: number): Row => [
  "1",
  TCDH,
  89,
  10,
  null,
  null,
  null,
  null,
  price,
  Math.round(99 * price),
  `442.000đ/tín chỉ x ${credits} tín chỉ`,
];
const cd = (): Row => [
  "2",
  CDDH,
  null,
  344,
  197,
  null,
  null,
  null,
  12,
  6492,
  "400.000đ/tín chỉ x 30 tín chỉ",
];
const total = (amount: number): Row => [null, "Tổng số:", null, null, null, null, null, null, null, amount];

ruleTester(credits, {
  valid: [
    {
      name: "30 + 30 + 25 = 85 and 30 + 30 = 60",
      workbook: workbook(
        costSheet(2026, [tc(2026, 30, 13.26), cd()]),
        costSheet(2027, [tc(2027, 30, 13.26), cd()]),
        costSheet(2028, [tc(2028, 25, 11.05)]),
      ),
    },
    { name: "a single year cannot be judged", workbook: workbook(costSheet(2026, [tc(2026, 40, 17.68)])) },
    {
      name: "credits read from the price when there is no note",
      workbook: workbook(
        costSheet(2026, [set(tc(2026, 30, 13.26), 10, null)]),
        costSheet(2027, [set(tc(2027, 30, 13.26), 10, null)]),
        costSheet(2028, [set(tc(2028, 25, 11.05), 10, null)]),
      ),
    },
  ],
  invalid: [
    {
      name: "30 + 30 + 30 = 90 credits of an 85-credit programme",
      workbook: workbook(
        costSheet(2026, [tc(2026, 30, 13.26)]),
        costSheet(2027, [tc(2027, 30, 13.26)]),
        costSheet(2028, [tc(2028, 30, 13.26)]),
      ),
      findings: [
        {
          messageId: "sum",
          sheet: "KP 2028",
          cells: ["K5"],
          // Which year is off is not decided: the cell's own text, no expected value.
          expected: null,
          actual: "442.000đ/tín chỉ x 30 tín chỉ",
          message: ["2026: 30", "2028: 30"],
        },
      ],
    },
    {
      name: "the cohort changes size",
      workbook: workbook(
        costSheet(2026, [tc(2026, 30, 13.26)]),
        costSheet(2027, [set(tc(2027, 30, 13.26), 2, 80)]),
      ),
      findings: [
        {
          messageId: "cohort",
          sheet: "KP 2027",
          cells: ["C5"],
          severity: "warning",
          expected: 89,
          actual: 80,
        },
      ],
    },
  ],
});

const FORM = "Trực tiếp";
const task = (rows: Row[]) => taskSheet(2026, rows);
ruleTester(taskVsCost, {
  valid: [
    {
      name: "same courses and counts, different wording",
      workbook: workbook(
        task([
          ["1", "Tích hợp AI trong quản trị nhà trường", 596, 437, 426, 129, 13, 50, FORM, "Sở GDĐT"],
          ["2", "Khác", null],
          [null, "- Bồi dưỡng nghiệp vụ sư phạm", null, null, null, null, null, 100],
        ]),
        costSheet(2026, [cost2026.aiqt, cost2026.nvsp]),
      ),
    },
    { name: "a year with only a cost appendix", workbook: workbook(costSheet(2026, [cost2026.aiqt])) },
  ],
  invalid: [
    {
      name: "a head-count that differs",
      workbook: workbook(
        task([["1", "Tích hợp AI trong quản trị nhà trường", 596, 437, 426, 129, 13, 40, FORM, "Sở GDĐT"]]),
        costSheet(2026, [cost2026.aiqt]),
      ),
      findings: [
        {
          messageId: "count",
          sheet: "NV 2026",
          cells: ["H6"],
          // Which of the two tables is right is not decided here: both figures, no "Đúng là", no fix.
          expected: null,
          actual: 40,
          fix: null,
          message: ["NV 2026!H6) là 40", "KP 2026!H5) là 50"],
        },
      ],
    },
    {
      name: "the GDNN sub-rows missing from the 2029 task appendix",
      workbook: workbook(
        taskSheet(2029, [
          [
            "6",
            "Các nội dung bồi dưỡng khác theo yêu cầu nhiệm vụ (nếu có)",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "Sở GDĐT",
          ],
        ]),
        costSheet(2029, [
          ["6", "Các nội dung bồi dưỡng khác theo yêu cầu nhiệm vụ (nếu có)"],
          set(cost2026.nvsp, 7, 80),
          set(cost2026.cckn, 7, 80),
        ]),
      ),
      findings: [
        { messageId: "missingInTask", sheet: "NV 2029", cells: ["B6"], message: "Chứng chỉ" },
        { messageId: "missingInTask", sheet: "NV 2029", cells: ["B6"], message: "nghiệp vụ sư phạm" },
      ],
    },
    {
      name: "a numbered line of the task appendix missing from the cost appendix",
      workbook: workbook(
        task([
          ["1", "Tích hợp AI trong quản trị nhà trường", 596, 437, 426, 129, 13, 50, FORM, "Sở GDĐT"],
          ["2", "Thiết kế và triển khai giáo dục STEM/STEAM", 596, 437, 426, 129, 13, 50, FORM, "Sở GDĐT"],
        ]),
        costSheet(2026, [cost2026.aiqt]),
      ),
      findings: [{ messageId: "missingInCost", sheet: "NV 2026", cells: ["B7"], message: "KP 2026" }],
    },
    {
      name: "a numbered line missing from the task appendix: on the task's total row, not on another course",
      workbook: workbook(
        task([
          ["1", "Tích hợp AI trong quản trị nhà trường", 596, 437, 426, 129, 13, 50, FORM, "Sở GDĐT"],
          [null, "Tổng số", 596, 437, 426, 129, 13, 50],
        ]),
        costSheet(2026, [cost2026.aiqt, cost2026.stem]),
      ),
      findings: [{ messageId: "missingInTask", sheet: "NV 2026", cells: ["B7"], message: "STEM" }],
    },
  ],
});

const years = [2026, 2027, 2028, 2029, 2030];
const printed = [54508, 40018, 34511, 30483, 19772];
/** One line whose amount is the year's total (no head-counts to recompute), then the total row. */
const costs = (totals: number[]) =>
  years.map((y, i) =>
    costSheet(y, [["1", KHAC, null, null, null, null, null, null, null, totals[i]], total(totals[i])]),
  );
const WORDS = "Một trăm bảy mươi chín tỷ hai trăm chín mươi hai triệu đồng";
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
          { words: "Một trăm bảy mươi chín tỷ hai trăm chín mươi triệu đồng" },
        ),
      ),
      findings: [
        {
          messageId: "summaryYear",
          sheet: "Tổng hợp",
          cells: ["C5"],
          expected: 40018,
          actual: 40019,
          message: "KP 2027!J6",
        },
        { messageId: "words", sheet: "Tổng hợp", cells: ["A10"], expected: WORDS },
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
        },
      ],
    },
  ],
});
