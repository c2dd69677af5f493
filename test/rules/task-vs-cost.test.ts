/** task-vs-cost: the task and cost appendices of a year agree. */
import { taskVsCost } from "../../src/engine/rules/task-vs-cost";
import { cost2026 } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { taskVsCostTextCases } from "./text-counts.cases";
import { costSheet, taskSheet, workbook, type Row } from "../helpers/sheets";

const set = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });

const FORM = "Trực tiếp";
const task = (rows: Row[]) => taskSheet(2026, rows);
const AI: Row = ["1", "Tích hợp AI trong quản trị nhà trường", 596, 437, 426, 129, 13, 50, FORM, "Sở GDĐT"];
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
    {
      name: "a task line planned with 0 people everywhere needs no cost line, nor a cost line of 0 a task line",
      workbook: workbook(
        task([AI, ["2", "Thiết kế và triển khai giáo dục STEM/STEAM", 0, 0, 0, 0, 0, 0, FORM, "Sở GDĐT"]]),
        costSheet(2026, [cost2026.aiqt, ["3", "Bồi dưỡng nghiệp vụ sư phạm", 0, 0, 0, 0, 0, 0, 3, 0]]),
      ),
    },
    {
      name: "a task appendix of 2026 and a cost appendix of 2027 are not compared",
      workbook: workbook(task([AI]), costSheet(2027, [cost2026.stem])),
    },
    {
      name: "a task appendix and a cost appendix whose years cannot be read are not paired",
      workbook: workbook(
        {
          ...taskSheet(2026, [AI], { name: "Nhiệm vụ" }),
          values: taskSheet(2026, [AI]).values.map((r, i) =>
            i === 1 ? ["TỔNG HỢP CÁC NỘI DUNG NHIỆM VỤ KẾ HOẠCH"] : r,
          ),
        },
        {
          ...costSheet(2026, [cost2026.stem], { name: "Kinh phí" }),
          values: costSheet(2026, [cost2026.stem]).values.map((r, i) =>
            i === 1 ? ["KINH PHÍ ĐÀO TẠO, BỒI DƯỠNG ĐỘI NGŨ"] : r,
          ),
        },
      ),
    },
    {
      name: "a content typed twice in the task appendix is compared once, by its first line",
      workbook: workbook(
        task([AI, ["2", "Tích hợp AI trong quản trị nhà trường", 1, 1, 1, 1, 1, 1, FORM, "Sở GDĐT"]]),
        costSheet(2026, [cost2026.aiqt]),
      ),
    },
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
          subject: { course: "ai-quan-tri", level: "GDNN" },
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
        {
          messageId: "missingInTask",
          sheet: "NV 2029",
          cells: ["B6"],
          message: "Chứng chỉ",
          subject: { course: "chung-chi-ky-nang-nghe", detail: "missing-in-task" },
        },
        {
          messageId: "missingInTask",
          sheet: "NV 2029",
          cells: ["B6"],
          message: "nghiệp vụ sư phạm",
          subject: { course: "nghiep-vu-su-pham", detail: "missing-in-task" },
        },
      ],
    },
    {
      name: "GDNN typed in the cost appendix, left blank in the task appendix",
      workbook: workbook(
        task([["1", "Tích hợp AI trong quản trị nhà trường", 596, 437, 426, 129, 13, null, FORM, "Sở GDĐT"]]),
        costSheet(2026, [cost2026.aiqt]),
      ),
      findings: [
        {
          messageId: "count",
          cells: ["H6"],
          expected: null,
          actual: null,
          message: ["(NV 2026!H6)", "(KP 2026!H5) là 50"],
          subject: { course: "ai-quan-tri", level: "GDNN" },
        },
      ],
    },
    {
      name: "GDNN typed in the task appendix, left blank in the cost appendix",
      workbook: workbook(task([AI]), costSheet(2026, [Object.assign([...cost2026.aiqt], { 7: null })])),
      findings: [
        {
          messageId: "count",
          cells: ["H6"],
          actual: 50,
          message: ["(NV 2026!H6) là 50", "(KP 2026!H5)"],
          subject: { course: "ai-quan-tri", level: "GDNN" },
        },
      ],
    },
    {
      name: "a line missing from a task appendix without a total row: on the content column's header",
      workbook: workbook(task([AI]), costSheet(2026, [cost2026.aiqt, cost2026.stem])),
      findings: [
        {
          messageId: "missingInTask",
          sheet: "NV 2026",
          cells: ["B5"],
          actual: null,
          message: "(KP 2026!B6)",
          subject: { course: "stem", detail: "missing-in-task" },
        },
      ],
    },
    {
      name: 'a "- …" line whose numbered line the task appendix lacks: on the task\'s total row',
      workbook: workbook(
        task([AI, [null, "Tổng số", 596, 437, 426, 129, 13, 50]]),
        costSheet(2026, [cost2026.aiqt, ["3", "Khác"], cost2026.nvsp]),
      ),
      findings: [
        { messageId: "missingInTask", cells: ["B7"], actual: "Tổng số", message: "nghiệp vụ sư phạm" },
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
      findings: [
        {
          messageId: "missingInCost",
          sheet: "NV 2026",
          cells: ["B7"],
          expected: null,
          actual: "Thiết kế và triển khai giáo dục STEM/STEAM",
          message: "KP 2026",
          subject: { course: "stem" },
        },
      ],
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
      findings: [
        {
          messageId: "missingInTask",
          sheet: "NV 2026",
          cells: ["B7"],
          actual: "Tổng số",
          message: 'STEM/STEAM" có trong phụ lục kinh phí năm 2026 (KP 2026!B6)',
        },
      ],
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
