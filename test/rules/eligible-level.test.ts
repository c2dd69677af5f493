import { eligibleLevel } from "../../src/engine/rules/eligible-level";
import { cost2026, HN } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { eligibleTextCases } from "./text-counts.cases";
import { costSheet, taskSheet, workbook, type Row } from "../helpers/sheets";

const set = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });

ruleTester(eligibleLevel, {
  valid: [
    ...eligibleTextCases.valid,
    {
      name: "upgrades in MN, TH, THCS only",
      workbook: workbook(costSheet(2026, [cost2026.tcdh, cost2026.cddh])),
    },
    {
      name: "career guidance with explicit 0 in MN and TH",
      workbook: workbook(costSheet(2027, [["5", HN, 0, 0, 1278, 387, 39, 100, 1.5, 2706]])),
    },
    {
      name: "a content the rulebook does not know is unknown-course's finding, whatever its levels",
      workbook: workbook(
        costSheet(2026, [["7", "Tổ chức hội thảo chuyên đề", 10, 10, 10, 10, 10, 10, 2, 120]]),
      ),
    },
  ],
  invalid: [
    ...eligibleTextCases.invalid,
    {
      name: "a THPT teacher in the TC→ĐH upgrade",
      workbook: workbook(costSheet(2026, [set(cost2026.tcdh, 5, 3)])),
      findings: [
        {
          messageId: "ineligible",
          cells: ["F5"],
          expected: 0,
          actual: 3,
          message: ["Trung học phổ thông", "MN, TH"],
          subject: { course: "tc-dh", level: "THPT" },
        },
      ],
    },
    {
      name: "career guidance for preschool",
      workbook: workbook(taskSheet(2027, [["5", HN, 12, 0, 1278, 387, 39, 100, "Trực tiếp", "Sở GDĐT"]])),
      findings: [
        {
          messageId: "ineligible",
          cells: ["C6"],
          actual: 12,
          subject: { course: "huong-nghiep", level: "MN" },
        },
      ],
    },
    {
      name: "GDTX in the CĐ→ĐH upgrade",
      workbook: workbook(costSheet(2026, [set(cost2026.cddh, 6, 5)])),
      findings: [
        { messageId: "ineligible", cells: ["G5"], actual: 5, subject: { course: "cd-dh", level: "GDTX" } },
      ],
    },
  ],
});
