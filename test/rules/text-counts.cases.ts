/**
 * Seed 000's way of typing a task appendix (levels as text in "Cấp học", head-counts as text in
 * "Số lượng dự kiến") checked like any other table: quota (a total over several levels, the
 * public / non-public preschool split, the KHTN target groups), eligible levels. The cases join
 * the quota and eligible-level tables.
 */
import { LINES_2023, seed2023AsPrinted, seed2023Corrected } from "../fixtures/seed2023";
import type { InvalidCase, ValidCase } from "../helpers/rule-tester";
import {
  textCostSheet2023,
  textTaskSheet2023,
  tuVanCost2023,
  upgradeCost2023,
  workbook,
  type Row,
} from "../helpers/sheets";

const line = (course: string, changes: Record<number, unknown> = {}): Row => {
  const l = LINES_2023.find((x) => x.course === course);
  if (!l) throw new Error(course);
  return Object.assign([...l.values], changes);
};
const RB = "hai-phong-2023";

/** Cases of the quota table (test/rules/quota.test.ts). */
export const quotaTextCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    { name: "seed 000 as printed", workbook: seed2023AsPrinted(), rulebook: RB },
    { name: "seed 000 corrected", workbook: seed2023Corrected(), rulebook: RB },
    {
      name: "the preschool count without its public / non-public split",
      workbook: workbook(textTaskSheet2023([line("nang-chuan", { 4: "MN: 234\nTH: 100\nTHCS: 54" })])),
      rulebook: RB,
    },
    {
      name: "KHTN as one number for THCS",
      workbook: workbook(textTaskSheet2023([line("khtn", { 4: 627 })])),
      rulebook: RB,
    },
  ],
  invalid: [
    {
      name: "449 over TH, THCS, THPT where the plan says 448",
      workbook: workbook(textTaskSheet2023([line("tu-van-tam-ly", { 4: 449 })])),
      rulebook: RB,
      findings: [
        { messageId: "total", cells: ["E6"], expected: 448, actual: 449, fix: { cell: "E6", value: 448 } },
      ],
    },
    {
      name: "the public / non-public preschool split off, the preschool total right",
      workbook: workbook(
        textTaskSheet2023([line("nang-chuan", { 4: "MN CL: 30\nMNNCL: 204\nTH: 100\nTHCS: 54" })]),
      ),
      rulebook: RB,
      findings: [
        {
          messageId: "part",
          cells: ["E6"],
          expected: 34,
          actual: 30,
          fix: null,
          message: "Mầm non công lập",
        },
        {
          messageId: "part",
          cells: ["E6"],
          expected: 200,
          actual: 204,
          fix: null,
          message: "ngoài công lập",
        },
      ],
    },
    {
      name: "THCS missing from the upgrade's counts",
      workbook: workbook(textTaskSheet2023([line("nang-chuan", { 4: "MN CL: 34\nMNNCL: 200\nTH: 100" })])),
      rulebook: RB,
      findings: [{ messageId: "fixed", cells: ["E6"], expected: 54, actual: null, fix: null }],
    },
    {
      name: "KHTN target group B off by 10",
      workbook: workbook(textTaskSheet2023([line("khtn", { 4: "Đối tượng A: 477\nĐối tượng B: 160" })])),
      rulebook: RB,
      findings: [
        { messageId: "fixed", cells: ["E6"], expected: 627, actual: 637, fix: null },
        { messageId: "part", cells: ["E6"], expected: 150, actual: 160, message: "Đối tượng B" },
      ],
    },
    {
      name: "a part naming no target group of the course: counted in the total only",
      workbook: workbook(textTaskSheet2023([line("khtn", { 4: "Đối tượng A: 477\nKhác: 150" })])),
      rulebook: RB,
      findings: [
        { messageId: "part", cells: ["E6"], expected: 150, actual: 0, message: "Đối tượng B" },
        { messageId: "unreadPart", cells: ["E6"], severity: "warning", actual: "Khác: 150" },
      ],
    },
  ],
};

/** Cases of the eligible-level table (test/rules/eligible-level.test.ts). */
export const eligibleTextCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [{ name: "seed 000 as printed", workbook: seed2023AsPrinted(), rulebook: RB }],
  invalid: [
    {
      name: "the degree upgrade's Cấp học naming THPT",
      workbook: workbook(textTaskSheet2023([line("nang-chuan", { 2: "MN, TH, THCS, THPT" })])),
      rulebook: RB,
      findings: [
        { messageId: "listed", cells: ["C6"], actual: "MN, TH, THCS, THPT", message: "Trung học phổ thông" },
      ],
    },
    {
      name: "a count for THPT in the upgrade's Số lượng",
      workbook: workbook(
        textTaskSheet2023([
          line("nang-chuan", {
            2: "MN, TH, THCS, THPT",
            4: "MN CL: 34\nMNNCL: 200\nTH: 100\nTHCS: 54\nTHPT: 3",
          }),
        ]),
      ),
      rulebook: RB,
      findings: [{ messageId: "ineligible", cells: ["E6"], actual: 3 }],
    },
  ],
};

const totalRow = (n: number): Row => [null, "Tổng số", null, null, n];

/** Cases of the totals table (test/rules/totals.test.ts): the "Số lượng" column's total. */
export const totalsTextCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    {
      name: "seed 000's head-counts as text, their total right",
      workbook: workbook(textTaskSheet2023([line("tu-van-tam-ly"), line("lsdl"), totalRow(1101)])),
      rulebook: RB,
    },
  ],
  invalid: [
    {
      name: "seed 000's head-counts as text, their total one short",
      workbook: workbook(
        textTaskSheet2023([line("tu-van-tam-ly"), line("nang-chuan"), line("lsdl"), totalRow(1488)]),
      ),
      rulebook: RB,
      findings: [
        {
          messageId: "column",
          cells: ["E9"],
          expected: 1489,
          actual: 1488,
          fix: { cell: "E9", value: 1489 },
        },
      ],
    },
  ],
};

/** Cases of the task-vs-cost table (test/rules/cross-sheet-rules.test.ts). */
export const taskVsCostTextCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    {
      name: "seed 000's task lines against a cost appendix typed the same way",
      workbook: workbook(
        textTaskSheet2023([line("tu-van-tam-ly"), line("nang-chuan")]),
        textCostSheet2023([tuVanCost2023(448), upgradeCost2023()]),
      ),
      rulebook: RB,
    },
  ],
  invalid: [
    {
      name: "448 in the task appendix, 450 in the cost appendix (totals over several levels)",
      workbook: workbook(textTaskSheet2023([line("tu-van-tam-ly")]), textCostSheet2023([tuVanCost2023(450)])),
      rulebook: RB,
      findings: [
        {
          messageId: "count",
          cells: ["E6"],
          expected: null,
          actual: 448,
          message: ["tổng số", "là 448", "là 450"],
        },
      ],
    },
    {
      name: "THCS 54 in the task appendix's text, 50 in the cost appendix's",
      workbook: workbook(
        textTaskSheet2023([line("nang-chuan")]),
        textCostSheet2023([upgradeCost2023("MN: 234; TH: 100; THCS: 50", 3_369_600_000, "1")]),
      ),
      rulebook: RB,
      findings: [
        { messageId: "count", cells: ["E6"], expected: null, actual: 54, message: ["là 54", "là 50"] },
      ],
    },
  ],
};
