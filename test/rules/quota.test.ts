import { quota } from "../../src/engine/rules/quota";
import { cost2026, STEM } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { quotaTextCases } from "./text-counts.cases";
import { costSheet, taskSheet, workbook, type Row } from "../helpers/sheets";

const set = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });
const PPTC = "Phương pháp dạy học tích cực và cá nhân hóa học tập";
/** The 2030 line of PPTC with `gdtx` GDTX teachers, on the task appendix (form, lead unit)… */
const pptcTask = (gdtx: number): Row => ["2", PPTC, 1192, 874, 852, 258, gdtx, 100, "Trực tiếp", "Sở GDĐT"];
/** …and on the cost appendix (2 million a person, the amount in millions, the remark). */
const pptcCost = (gdtx: number, amount = 6606): Row => [
  "2",
  PPTC,
  1192,
  874,
  852,
  258,
  gdtx,
  100,
  2,
  amount,
  "2GV/trường",
];

ruleTester(quota, {
  valid: [
    ...quotaTextCases.valid,
    { name: "2026 head-counts as printed", workbook: workbook(costSheet(2026, Object.values(cost2026))) },
    {
      name: "2 GV/trường in 2030 with 26 in GDTX",
      workbook: workbook(costSheet(2030, [pptcCost(26, 6604)])),
    },
    {
      name: "a GDNN lump sum with an explicit 0 for STEM",
      workbook: workbook(costSheet(2027, [["2", STEM, 1192, 874, 852, 258, 26, 0, 2, 6404]])),
    },
  ],
  invalid: [
    ...quotaTextCases.invalid,
    {
      name: "27 GDTX centres' teachers where 2 × 13 = 26 (the 2030 case)",
      workbook: workbook(costSheet(2030, [pptcCost(27)])),
      findings: [
        {
          messageId: "perSchool",
          cells: ["G5"],
          expected: 26,
          actual: 27,
          fix: { cell: "G5", value: 26 },
          message: ["2 người/trường", "13 trường"],
          subject: { course: "day-hoc-tich-cuc", level: "GDTX" },
        },
      ],
    },
    {
      name: "same on the task appendix",
      workbook: workbook(taskSheet(2030, [pptcTask(27)])),
      findings: [
        {
          messageId: "perSchool",
          cells: ["G6"],
          expected: 26,
          actual: 27,
          subject: { course: "day-hoc-tich-cuc", level: "GDTX" },
        },
      ],
    },
    {
      // One mistake copied: the cost appendix's overrun follows from the task appendix's.
      name: "the same overrun on the task and the cost appendix of 2030: the cost one follows from the task one",
      workbook: workbook(taskSheet(2030, [pptcTask(27)]), costSheet(2030, [pptcCost(27)])),
      findings: [
        {
          messageId: "perSchool",
          sheet: "NV 2030",
          cells: ["G6"],
          expected: 26,
          fix: { cell: "G6", value: 26 },
          subject: { course: "day-hoc-tich-cuc", level: "GDTX" },
        },
        {
          messageId: "perSchool",
          sheet: "KP 2030",
          cells: ["G5"],
          expected: 26,
          actual: 27,
          fix: null,
          causedBy: { sheet: "NV 2030", cell: "G6", rule: "quota" },
          subject: { course: "day-hoc-tich-cuc", level: "GDTX" },
        },
      ],
    },
    {
      name: "a blank eligible level",
      workbook: workbook(costSheet(2026, [set(cost2026.aiqt, 2, null)])),
      findings: [
        {
          messageId: "perSchool",
          cells: ["C5"],
          expected: 596,
          actual: null,
          fix: { cell: "C5", value: 596 },
          message: "Mầm non có (trống) người",
          subject: { course: "ai-quan-tri", level: "MN" },
        },
      ],
    },
    {
      name: "different overruns on the task and the cost appendix of 2030: each is a cause of its own",
      workbook: workbook(taskSheet(2030, [pptcTask(28)]), costSheet(2030, [pptcCost(27)])),
      findings: [
        { messageId: "perSchool", sheet: "NV 2030", cells: ["G6"], actual: 28, causedBy: null },
        {
          messageId: "perSchool",
          sheet: "KP 2030",
          cells: ["G5"],
          actual: 27,
          fix: { cell: "G5", value: 26 },
          causedBy: null,
        },
      ],
    },
    {
      name: "a head-count computed by a formula gets no automatic fix",
      workbook: (() => {
        const sheet = costSheet(2026, [set(cost2026.aiqt, 3, 440)]);
        sheet.formulas = [];
        sheet.formulas[4] = [];
        sheet.formulas[4][3] = "2*220";
        return workbook(sheet);
      })(),
      findings: [{ messageId: "perSchool", cells: ["D5"], expected: 437, actual: 440, fix: null }],
    },
    {
      name: "in English",
      locale: "en",
      workbook: workbook(costSheet(2026, [set(cost2026.nvsp, 7, 120)])),
      findings: [{ messageId: "fixed", cells: ["H5"], message: "120" }],
    },
    {
      name: "GDNN lump sum differs from the plan",
      workbook: workbook(costSheet(2026, [set(cost2026.nvsp, 7, 120)])),
      findings: [
        {
          messageId: "fixed",
          cells: ["H5"],
          expected: 100,
          actual: 120,
          message: "dự kiến",
          subject: { course: "nghiep-vu-su-pham", level: "GDNN" },
        },
      ],
    },
    {
      name: "the note states another quota",
      workbook: workbook(costSheet(2026, [set(cost2026.cds, 10, "3 GV/trường")])),
      findings: [
        {
          messageId: "note",
          cells: ["K5"],
          severity: "warning",
          expected: 4,
          actual: 3,
          subject: { course: "chuyen-doi-so-ai", detail: "note" },
        },
      ],
    },
  ],
});
