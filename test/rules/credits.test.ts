/** credits: credits across the years add up to the programme; the same cohort each year. */
import { credits } from "../../src/engine/rules/credits";
import { CDDH, TCDH } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { costSheet, workbook, type Row } from "../helpers/sheets";

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
    {
      name: "a price that is no whole number of credits, without a note: the sum is not judged",
      workbook: workbook(
        costSheet(2026, [set(tc(2026, 30, 13.26), 10, null)]),
        costSheet(2027, [set(tc(2027, 30, 13.26), 10, null)]),
        costSheet(2028, [set(tc(2028, 30, 13.3), 10, null)]),
      ),
    },
    {
      name: "30 + 30 = 60 of an 85-credit programme whose 2028 cost appendix is not in the workbook",
      workbook: workbook(costSheet(2026, [tc(2026, 30, 13.26)]), costSheet(2027, [tc(2027, 30, 13.26)])),
    },
  ],
  invalid: [
    {
      name: "30 + 30 + 30 credits read from the prices (13,26 = 30 × 442.000 đ): said on the 2028 price",
      workbook: workbook(
        costSheet(2026, [set(tc(2026, 30, 13.26), 10, null)]),
        costSheet(2027, [set(tc(2027, 30, 13.26), 10, null)]),
        costSheet(2028, [set(tc(2028, 30, 13.26), 10, null)]),
      ),
      findings: [
        {
          messageId: "sum",
          sheet: "KP 2028",
          cells: ["I5"],
          expected: null,
          actual: 13.26,
          message: "(2026: 30, 2027: 30, 2028: 30)",
          subject: { course: "tc-dh", detail: "credits-sum" },
        },
      ],
    },
    {
      name: "the years' sheets in any order: the sum is said on the last year's note",
      workbook: workbook(
        costSheet(2028, [tc(2028, 30, 13.26)]),
        costSheet(2026, [tc(2026, 30, 13.26)]),
        costSheet(2027, [tc(2027, 30, 13.26)]),
      ),
      findings: [
        { messageId: "sum", sheet: "KP 2028", cells: ["K5"], message: "(2026: 30, 2027: 30, 2028: 30)" },
      ],
    },
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
          message: "sĩ số Mầm non năm 2027 là 80, khác năm 2026 (89)",
          subject: { course: "tc-dh", level: "MN", detail: "cohort" },
        },
      ],
    },
  ],
});
