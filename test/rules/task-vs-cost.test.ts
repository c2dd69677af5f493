/** task-vs-cost: the task and cost appendices of a year agree. */
import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { quota } from "../../src/engine/rules/quota";
import { taskVsCost } from "../../src/engine/rules/task-vs-cost";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";
import { LINES_2023 } from "../fixtures/seed2023";
import { cost2026, KHAC, STEM } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { taskVsCostTextCases } from "./text-counts.cases";
import {
  costSheet,
  taskSheet,
  textCostSheet2023,
  textTaskSheet2023,
  tuVanCost2023,
  upgradeCost2023,
  workbook,
  type Row,
} from "../helpers/sheets";

const set = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });

const FORM = "Trực tiếp";
const task = (rows: Row[]) => taskSheet(2026, rows);
const AI: Row = ["1", "Tích hợp AI trong quản trị nhà trường", 596, 437, 426, 129, 13, 50, FORM, "Sở GDĐT"];
/** The "other courses" heading of a task appendix, its "- …" lines under it. */
const KHAC_TASK: Row = ["8", KHAC, null, null, null, null, null, null, FORM, "Sở GDĐT"];
/** The STEM line with its GDNN count (blank in the plan) typed as 0. */
const STEM_TASK: Row = ["9", STEM, 1192, 874, 852, 258, 26, 0, FORM, "Sở GDĐT"];
const STEM_COST: Row = ["9", STEM, 1192, 874, 852, 258, 26, 0, 2, 6404];
/** A task appendix printed without its GDNN column (H); the columns after it move one left. */
const withoutGdnnColumn = (sheet: SheetSnapshot): SheetSnapshot => ({
  ...sheet,
  values: sheet.values.map((r) => [...r.slice(0, 7), ...r.slice(8)]),
  merges: ["A1:J1", "A2:J2", "A3:J3", "C4:G4", "A4:A5", "B4:B5", "H4:H5", "I4:I5", "J4:J5"],
});
/** Seed 000's task line "4. Bồi dưỡng … tư vấn tâm lý …" (448 people over TH, THCS, THPT). */
const TU_VAN_2023 = [...(LINES_2023.find((l) => l.course === "tu-van-tam-ly")?.values ?? [])];
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
    {
      name: "a course planned with 0 GDNN in both appendices",
      workbook: workbook(task([AI, STEM_TASK]), costSheet(2026, [cost2026.aiqt, STEM_COST])),
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
    {
      name: "a task line with 0 GDNN and people in the other levels, missing from the cost appendix",
      workbook: workbook(task([AI, STEM_TASK]), costSheet(2026, [cost2026.aiqt])),
      findings: [{ messageId: "missingInCost", cells: ["B7"], actual: STEM, subject: { course: "stem" } }],
    },
    {
      name: "a cost line with 0 GDNN and people in the other levels, missing from the task appendix",
      workbook: workbook(task([AI]), costSheet(2026, [cost2026.aiqt, STEM_COST])),
      findings: [
        { messageId: "missingInTask", cells: ["B5"], message: "(KP 2026!B6)", subject: { course: "stem" } },
      ],
    },
    {
      name: 'a "- …" line missing from the task appendix, its heading followed by another numbered line: on its heading',
      workbook: workbook(
        task([KHAC_TASK, STEM_TASK]),
        costSheet(2026, [["8", KHAC], cost2026.nvsp, STEM_COST]),
      ),
      findings: [
        {
          messageId: "missingInTask",
          sheet: "NV 2026",
          cells: ["B6"],
          actual: KHAC,
          message: '"Bồi dưỡng nghiệp vụ sư phạm" có trong phụ lục kinh phí năm 2026 (KP 2026!B6)',
          subject: { course: "nghiep-vu-su-pham" },
        },
      ],
    },
    {
      name: 'a "- …" line under a section heading, not under a numbered line: on the content header',
      workbook: workbook(
        task([KHAC_TASK]),
        costSheet(2026, [["8", KHAC], ["II", "BỒI DƯỠNG KHÁC"], cost2026.nvsp]),
      ),
      findings: [{ messageId: "missingInTask", cells: ["B5"], actual: null, message: "(KP 2026!B7)" }],
    },
    {
      name: 'a "- …" line whose heading is a course the task appendix lacks: on the content header',
      workbook: workbook(task([AI]), costSheet(2026, [cost2026.aiqt, ["8", KHAC], cost2026.nvsp])),
      findings: [{ messageId: "missingInTask", cells: ["B5"], actual: null, message: "(KP 2026!B7)" }],
    },
    {
      name: "a task appendix printed without a GDNN column, the cost appendix counting 50: on the task line",
      workbook: workbook(withoutGdnnColumn(task([AI])), costSheet(2026, [cost2026.aiqt])),
      findings: [
        {
          messageId: "count",
          sheet: "NV 2026",
          cells: ["B6"],
          actual: null,
          message: ["(NV 2026!B6) là (trống)", "(KP 2026!H5) là 50"],
          subject: { course: "ai-quan-tri", level: "GDNN" },
        },
      ],
    },
    {
      name: "a cost appendix printed without a GDNN column, the task appendix counting 50: its line named",
      workbook: workbook(
        task([AI]),
        (() => {
          const sheet = costSheet(2026, [cost2026.aiqt]);
          return { ...sheet, values: sheet.values.map((r) => [...r.slice(0, 7), ...r.slice(8)]) };
        })(),
      ),
      findings: [
        {
          messageId: "count",
          cells: ["H6"],
          actual: 50,
          message: ["(NV 2026!H6) là 50", "(KP 2026!B5) là (trống)"],
        },
      ],
    },
    {
      name: "seed 000's 448 against 450 over several levels, in English",
      locale: "en",
      rulebook: "hai-phong-2023",
      workbook: workbook(textTaskSheet2023([TU_VAN_2023]), textCostSheet2023([tuVanCost2023(450)])),
      findings: [
        {
          messageId: "count",
          cells: ["E6"],
          expected: null,
          actual: 448,
          message: [
            "in 2023: the total is 448 in the task appendix (PL I NV 2023!E6) but 450",
            "(KP 2023!D5)",
          ],
          subject: { course: "tu-van-tam-ly", detail: "total" },
        },
      ],
    },
    {
      name: "a 2023 cost line missing from a task appendix with a one-row header: on that header",
      rulebook: "hai-phong-2023",
      workbook: workbook(
        textTaskSheet2023([TU_VAN_2023]),
        textCostSheet2023([tuVanCost2023(448), upgradeCost2023()]),
      ),
      findings: [
        {
          messageId: "missingInTask",
          sheet: "PL I NV 2023",
          cells: ["B5"],
          actual: null,
          message: "(KP 2023!B6)",
        },
      ],
    },
  ],
});

/** Findings of task-vs-cost next to the quota rule, which decides a head-count the rulebook sets. */
const withQuota = (wb: WorkbookSnapshot) =>
  checkWorkbook(wb, { rulebook: builtinRulebook(), rules: [taskVsCost, quota] }).findings.filter(
    (f) => f.rule === "task-vs-cost",
  );

describe("task-vs-cost differences that another finding explains", () => {
  it("a task head-count off the plan's figure: the difference follows from it", () => {
    const [f] = withQuota(
      workbook(task([Object.assign([...AI], { 2: 590 })]), costSheet(2026, [cost2026.aiqt])),
    );
    expect(f).toMatchObject({ messageId: "count", cells: ["C6"], actual: 590 });
    expect(f.causedBy).toEqual({ sheet: "NV 2026", cell: "C6", rule: "quota" });
  });

  it("a cost head-count off one principal per school: the difference follows from it", () => {
    const [f] = withQuota(
      workbook(task([AI]), costSheet(2026, [Object.assign([...cost2026.aiqt], { 2: 590 })])),
    );
    expect(f).toMatchObject({ messageId: "count", cells: ["C6"], actual: 596 });
    expect(f.causedBy).toEqual({ sheet: "KP 2026", cell: "C5", rule: "quota" });
  });
});
