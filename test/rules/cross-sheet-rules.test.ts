/** Case tables of the rules that compare sheets: credits, task vs cost, plan total. */
import { credits } from "../../src/engine/rules/credits";
import { planTotal } from "../../src/engine/rules/plan-total";
import { taskVsCost } from "../../src/engine/rules/task-vs-cost";
import { cost2026, CDDH, KHAC, TCDH } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { taskVsCostTextCases } from "./text-counts.cases";
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
          expected: 85,
          actual: 90,
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
    ...taskVsCostTextCases.valid,
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
    ...taskVsCostTextCases.invalid,
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
          expected: 50,
          actual: 40,
          message: "KP 2026!H5",
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
