/** plan-total: yearly totals vs the summary vs the plan total; the amount in words. */
import { planTotal } from "../../src/engine/rules/plan-total";
import { KHAC } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { costSheet, summarySheet, workbook, type Row } from "../helpers/sheets";

const total = (amount: number): Row => [null, "Tổng số:", null, null, null, null, null, null, null, amount];

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
          subject: { detail: "summary-year" },
        },
        {
          messageId: "words",
          sheet: "Tổng hợp",
          cells: ["A10"],
          expected: WORDS,
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
  ],
});
