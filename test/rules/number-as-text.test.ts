/** number-as-text: numbers stored as text (reported, still used). */
import { numberAsText } from "../../src/engine/rules/number-as-text";
import { cost2026 } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { costSheet, workbook, type Row } from "../helpers/sheets";

const set = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });

ruleTester(numberAsText, {
  valid: [{ name: "real numbers", workbook: workbook(costSheet(2026, [cost2026.cds])) }],
  invalid: [
    {
      name: "amounts typed with spaces, prices with a comma",
      workbook: workbook(costSheet(2026, [set(set(cost2026.tcdh, 9, "  1 313"), 8, "13,26")])),
      findings: [
        {
          messageId: "text",
          cells: ["I5"],
          expected: 13.26,
          actual: "13,26",
          fix: { cell: "I5", value: 13.26 },
          subject: { course: "tc-dh", detail: "unit-price" },
        },
        {
          messageId: "text",
          cells: ["J5"],
          expected: 1313,
          actual: "1 313",
          subject: { course: "tc-dh", detail: "amount" },
        },
      ],
    },
    {
      name: "text that is no number",
      workbook: workbook(costSheet(2026, [set(cost2026.cds, 7, "theo thực tế")])),
      findings: [
        {
          messageId: "notNumber",
          cells: ["H5"],
          severity: "warning",
          actual: "theo thực tế",
          subject: { course: "chuyen-doi-so-ai", detail: "text:H" },
        },
      ],
    },
  ],
});
