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
      name: "2028 corrected to 35 604: the plan total no longer holds",
      workbook: workbook(...costs([54508, 40018, 35604, 30483, 19772])),
      findings: [
        {
          messageId: "plan",
          sheet: "KP 2030",
          cells: ["J6"],
          expected: 179292000000,
          actual: 180385000000,
          message: ["(triệu đồng: 2026: 54.508; 2027: 40.018; 2028: 35.604;", "chênh 1.093.000.000 đồng"],
        },
      ],
    },
    {
      name: "summary disagreeing with an appendix, and wrong words",
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
        { messageId: "summaryTotal", sheet: "Tổng hợp", cells: ["C9"], expected: 179293, actual: 179292 },
        { messageId: "words", sheet: "Tổng hợp", cells: ["A10"], expected: WORDS },
      ],
    },
    {
      name: "a grand total too large to read (an overflowed sum): the words are not read, the total is reported",
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
          message: "cộng các năm được 179.292.",
        },
        {
          messageId: "planSummary",
          sheet: "Tổng hợp",
          cells: ["C9"],
          expected: 179292000000,
          message: "bảng tổng hợp là 1 × 10^306 đồng",
        },
      ],
    },
  ],
});
