/** task-vs-cost: the task and cost appendices of a year agree. */
import { taskVsCost } from "../../src/engine/rules/task-vs-cost";
import { cost2026 } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { taskVsCostTextCases } from "./text-counts.cases";
import { costSheet, taskSheet, workbook, type Row } from "../helpers/sheets";

const set = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });

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
    {
      name: 'a numbered line and a "- …" line of the task appendix missing from the cost appendix',
      workbook: workbook(
        task([
          ["1", "Tích hợp AI trong quản trị nhà trường", 596, 437, 426, 129, 13, 50, FORM, "Sở GDĐT"],
          ["2", "Khác", null],
          [null, "- Bồi dưỡng nghiệp vụ sư phạm", null, null, null, null, null, 100],
          ["3", "Thiết kế và triển khai giáo dục STEM/STEAM", 596, 437, 426, 129, 13, 50, FORM, "Sở GDĐT"],
        ]),
        costSheet(2026, [cost2026.aiqt]),
      ),
      findings: [
        { messageId: "missingInCost", sheet: "NV 2026", cells: ["B8"], message: "nghiệp vụ sư phạm" },
        { messageId: "missingInCost", sheet: "NV 2026", cells: ["B9"], message: "STEM" },
      ],
    },
  ],
});
