/** negative-number: head-counts, prices, amounts and registrations are never negative. */
import { negativeNumber } from "../../src/engine/rules/negative-number";
import { cost2026 } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { costSheet, districtTable2024, workbook, type Row } from "../helpers/sheets";

const set = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });

ruleTester(negativeNumber, {
  valid: [
    {
      name: "positive numbers and explicit zeros",
      workbook: workbook(costSheet(2026, [cost2026.cds, set(cost2026.aiqt, 4, 0)])),
    },
  ],
  invalid: [
    {
      name: "a stray minus on a head-count and on a price",
      workbook: workbook(costSheet(2026, [set(set(cost2026.cds, 2, -2384), 8, -2)])),
      findings: [
        {
          messageId: "negative",
          cells: ["C5"],
          actual: -2384,
          message: "số âm -2.384",
          subject: { course: "chuyen-doi-so-ai", detail: "MN" },
        },
        {
          messageId: "negative",
          cells: ["I5"],
          actual: -2,
          message: "số âm -2",
          subject: { course: "chuyen-doi-so-ai", detail: "unit-price" },
        },
      ],
    },
    {
      name: "a negative registration count",
      rulebook: "hai-phong-2024",
      workbook: workbook(
        districtTable2024([
          [1, "An Lão", -11],
          ["Tổng số:", null, -11],
        ]),
      ),
      findings: [
        { messageId: "negative", cells: ["C5"], subject: { detail: "an lao|c1" } },
        { messageId: "negative", cells: ["C6"], subject: { detail: "tong so|c1" } },
      ],
    },
  ],
});
