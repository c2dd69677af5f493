import type { RulebookInput } from "../../src/engine/rulebook/schema";
import type { SheetSnapshot } from "../../src/engine/snapshot";
import { quota } from "../../src/engine/rules/quota";
import { LINES_2023 } from "../fixtures/seed2023";
import { cost2026, HN, STEM } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { quotaTextCases } from "./text-counts.cases";
import { costSheet, LEVEL_HEADER, taskSheet, textTaskSheet2023, workbook, type Row } from "../helpers/sheets";

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

/** A line of seed 000's task appendix (2023, head-counts as text in column E), with cells changed. */
const line2023 = (course: string, changes: Record<number, unknown> = {}): Row => {
  const l = LINES_2023.find((x) => x.course === course);
  if (!l) throw new Error(course);
  return Object.assign([...l.values], changes);
};
const RB2023 = "hai-phong-2023";
/** Seed 000's task appendix with one line whose Số lượng (E6) is `count`, typed by a formula `formula`. */
const text2023WithFormula = (course: string, count: number, formula: string) => {
  const sheet = textTaskSheet2023([line2023(course, { 4: count })]);
  sheet.formulas = [];
  sheet.formulas[5] = [];
  sheet.formulas[5][4] = formula;
  return workbook(sheet);
};
/** A cost appendix of 2026 whose office left out the GDNN column. */
const costWithoutGdnn = (rows: Row[]) => {
  const sheet = costSheet(2026, rows);
  sheet.values[3] = ["TT", "Nội dung", ...LEVEL_HEADER.slice(0, 5), "Đơn giá/người", "Thành tiền", "Ghi chú"];
  return workbook(sheet);
};
/** The 2023 rulebook with the upgrade's total (388) stated as well as its counts per level. */
const upgradeTotal388 = {
  id: RB2023,
  edit: (rb: RulebookInput) => {
    const upgrade = rb.courses.find((c) => c.id === "nang-chuan");
    if (!upgrade?.offerings?.[0]) throw new Error("nang-chuan has no 2023 offering");
    upgrade.offerings[0].total = 388;
    return rb;
  },
};
const withoutGdnn = (r: Row): Row => r.filter((_, i) => i !== 7);
/** A 2026 cost appendix with one "Số lượng" column (no level columns) and a Ghi chú: the AI line. */
const quantityCost2026 = (count: number | null, note: string): SheetSnapshot => ({
  name: "KP 2026",
  values: [
    ["PHỤ LỤC II"],
    ["KINH PHÍ ĐÀO TẠO, BỒI DƯỠNG NĂM 2026"],
    [null, null, null, null, "Đơn vị tính: triệu đồng"],
    ["TT", "Nội dung", "Số lượng", "Đơn giá", "Thành tiền", "Ghi chú"],
    ["1", cost2026.cds[1], count, 2, null, note],
  ],
});
/** The note finding on that appendix's Ghi chú (the plan: 4 per school). */
const noteOnF5 = {
  messageId: "note",
  cells: ["F5"],
  severity: "warning" as const,
  expected: 4,
  actual: 3,
  subject: { course: "chuyen-doi-so-ai", detail: "note" },
};
const OTHER_TASK: Row = [
  "3",
  "Hội nghị sơ kết thực hiện kế hoạch",
  null,
  null,
  null,
  null,
  null,
  null,
  "Trực tiếp",
  "Sở GDĐT",
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
    {
      name: "a line the rulebook does not know is left to unknown-course",
      workbook: workbook(
        costSheet(2026, [["3", "Tập huấn công tác thi đua, khen thưởng", 10, 10, 10, 10, 10, 10, 2, 120]]),
      ),
    },
    {
      name: "a course the plan starts only in 2027, typed on the 2026 appendix, has no quota to meet there",
      workbook: workbook(
        costSheet(2026, [
          ["3", "Bồi dưỡng về giáo dục toàn diện: Đức, trí, thể, mỹ", 1192, 874, 852, 258, 26, 50, 2, 6504],
        ]),
      ),
    },
    {
      name: "career guidance in 2027 leaves its preschool and primary cells blank: it is not for those levels",
      workbook: workbook(costSheet(2027, [["3", HN, null, null, 1278, 387, 39, 100, 2, 3608]])),
    },
    {
      name: "a cost appendix without a GDNN column: the other levels are judged, GDNN is not guessed",
      workbook: costWithoutGdnn([withoutGdnn(cost2026.aiqt)]),
    },
    {
      name: "a note that states no quota (online learning) says nothing about the head-count",
      workbook: workbook(costSheet(2026, [set(cost2026.cds, 10, "Học trực tuyến")])),
    },
    {
      name: "a per-centre note on a course the plan counts as a fixed number is not a quota to compare",
      workbook: workbook(costSheet(2026, [set(cost2026.nvsp, 10, "2 GV/cơ sở")])),
    },
    {
      name: "a count typed on the communication line, for which the plan counts nobody",
      workbook: workbook(textTaskSheet2023([line2023("truyen-thong", { 4: 50 })])),
      rulebook: RB2023,
    },
    {
      name: "the upgrade's count with a public split typed for primary too: only preschool's split is the plan's",
      workbook: workbook(
        textTaskSheet2023([line2023("nang-chuan", { 4: "MN CL: 34\nMNNCL: 200\nTH CL: 100\nTHCS: 54" })]),
      ),
      rulebook: RB2023,
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
          causedBy: null,
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
          message: ['"3 GV/trường"', "4 người/trường", "năm 2026"],
          expected: 4,
          actual: 3,
          subject: { course: "chuyen-doi-so-ai", detail: "note" },
        },
      ],
    },
    {
      name: "a blank Số lượng with a note stating another quota: both said (the note is read however the count is typed)",
      workbook: workbook(quantityCost2026(null, "3 GV/trường")),
      findings: [{ messageId: "blank", cells: ["C5"], expected: 6504, actual: null }, noteOnF5],
    },
    {
      name: "a Số lượng typed as one number, with a note stating another quota: the note is said",
      workbook: workbook(quantityCost2026(6504, "3 GV/trường")),
      findings: [noteOnF5],
    },
    {
      name: "two task appendices of 2030 with the same overrun: each is a cause, the cost appendix follows the first",
      workbook: workbook(
        taskSheet(2030, [pptcTask(27)]),
        taskSheet(2030, [pptcTask(27)], { name: "NV 2030 (sửa)" }),
        costSheet(2030, [pptcCost(27)]),
      ),
      findings: [
        { messageId: "perSchool", sheet: "NV 2030", cells: ["G6"], actual: 27 },
        { messageId: "perSchool", sheet: "NV 2030 (sửa)", cells: ["G6"], actual: 27, causedBy: null },
        {
          messageId: "perSchool",
          sheet: "KP 2030",
          cells: ["G5"],
          actual: 27,
          fix: null,
          causedBy: { sheet: "NV 2030", cell: "G6", rule: "quota" },
        },
      ],
    },
    {
      name: "a course typed twice on the task appendix: the cost appendix follows its first line",
      workbook: workbook(
        taskSheet(2030, [pptcTask(27), OTHER_TASK, pptcTask(28)]),
        costSheet(2030, [pptcCost(27)]),
      ),
      findings: [
        { messageId: "perSchool", sheet: "NV 2030", cells: ["G6"], actual: 27 },
        { messageId: "perSchool", sheet: "NV 2030", cells: ["G8"], actual: 28 },
        {
          messageId: "perSchool",
          sheet: "KP 2030",
          cells: ["G5"],
          fix: null,
          causedBy: { sheet: "NV 2030", cell: "G6", rule: "quota" },
        },
      ],
    },
    {
      name: "a cost line whose course the task appendix of its year leaves out is a cause of its own",
      workbook: workbook(
        taskSheet(2030, [["1", HN, null, null, 852, 258, 26, 50, "Trực tiếp", "Sở GDĐT"]]),
        costSheet(2030, [pptcCost(27)]),
      ),
      findings: [
        {
          messageId: "perSchool",
          sheet: "KP 2030",
          cells: ["G5"],
          fix: { cell: "G5", value: 26 },
          causedBy: null,
          message: "năm 2030",
        },
      ],
    },
    {
      name: "a cost appendix without a GDNN column: a wrong TH count is still found",
      workbook: costWithoutGdnn([withoutGdnn(set(cost2026.aiqt, 3, 436))]),
      findings: [
        {
          messageId: "perSchool",
          cells: ["D5"],
          expected: 437,
          actual: 436,
          fix: { cell: "D5", value: 437 },
          message: ["Tiểu học có 436 người", "1 người/trường × 437 trường"],
        },
      ],
    },
    {
      name: "the degree upgrade typed as one number, 389 where its levels add up to 388",
      workbook: workbook(textTaskSheet2023([line2023("nang-chuan", { 4: 389 })])),
      rulebook: RB2023,
      findings: [
        {
          messageId: "total",
          cells: ["E6"],
          expected: 388,
          actual: 389,
          fix: { cell: "E6", value: 388 },
          message: ["năm 2023", "tổng số có 389 người", "dự kiến 388"],
          subject: { course: "nang-chuan", detail: "total" },
        },
      ],
    },
    {
      name: 'KHTN typed as "Đối tượng B: 150" alone: no fix writes a plain number over the group\'s text',
      workbook: workbook(textTaskSheet2023([line2023("khtn", { 4: "Đối tượng B: 150" })])),
      rulebook: RB2023,
      findings: [
        { messageId: "fixed", cells: ["E6"], expected: 627, actual: 150, fix: null },
        { messageId: "part", cells: ["E6"], expected: 477, actual: 0, fix: null },
      ],
    },
    {
      name: "the degree upgrade with its Số lượng left blank, where the plan expects 388",
      workbook: workbook(textTaskSheet2023([line2023("nang-chuan", { 4: null })])),
      rulebook: RB2023,
      findings: [
        {
          messageId: "blank",
          cells: ["E6"],
          expected: 388,
          actual: null,
          fix: { cell: "E6", value: 388 },
          message: ["năm 2023", "chưa ghi số lượng", "dự kiến 388 người"],
          subject: { course: "nang-chuan", detail: "total" },
        },
      ],
    },
    {
      name: "a blank Số lượng said in English, the plan's stated total as the count to write",
      workbook: workbook(textTaskSheet2023([line2023("nang-chuan", { 4: "" })])),
      rulebook: upgradeTotal388,
      locale: "en",
      findings: [
        {
          messageId: "blank",
          cells: ["E6"],
          expected: 388,
          actual: null,
          fix: { cell: "E6", value: 388 },
          message: "in 2023: no head-count is given, the plan expects 388.",
        },
      ],
    },
    {
      name: "a Số lượng computed by a formula (=400+49) gets no automatic fix",
      workbook: text2023WithFormula("tu-van-tam-ly", 449, "400+49"),
      rulebook: RB2023,
      findings: [{ messageId: "total", cells: ["E6"], expected: 448, actual: 449, fix: null }],
    },
    {
      name: "a target group C that KHTN does not have: counted in THCS only, and said",
      workbook: workbook(
        textTaskSheet2023([line2023("khtn", { 4: "Đối tượng A: 477\nĐối tượng B: 150\nĐối tượng C: 10" })]),
      ),
      rulebook: RB2023,
      findings: [
        { messageId: "fixed", cells: ["E6"], expected: 627, actual: 637, fix: null },
        {
          messageId: "unreadPart",
          cells: ["E6"],
          severity: "warning",
          expected: null,
          actual: "Đối tượng C: 10",
          fix: null,
          message: ['"Đối tượng C: 10"', "Bồi dưỡng GV cấp THCS dạy môn KHTN"],
          subject: { course: "khtn", detail: "part|Đối tượng C: 10" },
        },
      ],
    },
    {
      name: "the non-public preschool count 10 short: the preschool count follows from the part",
      workbook: workbook(
        textTaskSheet2023([line2023("nang-chuan", { 4: "MN CL: 34\nMNNCL: 190\nTH: 100\nTHCS: 54" })]),
      ),
      rulebook: RB2023,
      findings: [
        {
          messageId: "fixed",
          cells: ["E6"],
          expected: 234,
          actual: 224,
          causedBy: { sheet: "PL I NV 2023", cell: "E6", rule: "quota" },
        },
        {
          messageId: "part",
          cells: ["E6"],
          expected: 200,
          actual: 190,
          message: ["Mầm non ngoài công lập có 190 người", "dự kiến 200"],
          subject: { course: "nang-chuan", level: "MN", detail: "part|ngoai-cong-lap|" },
        },
      ],
    },
    {
      name: "the upgrade typed for preschool only as 'CL: 34, NCL: 190': the split is preschool's",
      workbook: workbook(textTaskSheet2023([line2023("nang-chuan", { 2: "MN", 4: "CL: 34\nNCL: 190" })])),
      rulebook: RB2023,
      findings: [
        { messageId: "fixed", cells: ["E6"], expected: 234, actual: 224, message: "Mầm non" },
        { messageId: "part", cells: ["E6"], expected: 200, actual: 190, message: "Mầm non ngoài công lập" },
        { messageId: "fixed", cells: ["E6"], expected: 100, actual: null, message: "Tiểu học có (trống)" },
        { messageId: "fixed", cells: ["E6"], expected: 54, actual: null },
      ],
    },
    {
      name: "KHTN target group A 7 over: named by the group in the part's subject",
      workbook: workbook(textTaskSheet2023([line2023("khtn", { 4: "Đối tượng A: 484\nĐối tượng B: 150" })])),
      rulebook: RB2023,
      findings: [
        {
          messageId: "fixed",
          cells: ["E6"],
          expected: 627,
          actual: 634,
          causedBy: { sheet: "PL I NV 2023", cell: "E6", rule: "quota" },
        },
        {
          messageId: "part",
          cells: ["E6"],
          expected: 477,
          actual: 484,
          message: "Đối tượng A có 484 người",
          subject: { course: "khtn", detail: "part||A" },
        },
      ],
    },
    {
      name: "a plan that states the upgrade's total: a total 10 short because of the non-public part follows from it",
      workbook: workbook(
        textTaskSheet2023([line2023("nang-chuan", { 4: "MN CL: 34\nMNNCL: 190\nTH: 100\nTHCS: 54" })]),
      ),
      rulebook: upgradeTotal388,
      findings: [
        {
          messageId: "fixed",
          cells: ["E6"],
          actual: 224,
          causedBy: { sheet: "PL I NV 2023", cell: "E6", rule: "quota" },
        },
        { messageId: "part", cells: ["E6"], expected: 200, actual: 190, causedBy: null },
        {
          messageId: "total",
          cells: ["E6"],
          expected: 388,
          actual: 378,
          causedBy: { sheet: "PL I NV 2023", cell: "E6", rule: "quota" },
        },
      ],
    },
    {
      name: "the non-public preschool part and THCS each 10 short: two mistakes, THCS a cause of its own",
      workbook: workbook(
        textTaskSheet2023([line2023("nang-chuan", { 4: "MN CL: 34\nMNNCL: 190\nTH: 100\nTHCS: 44" })]),
      ),
      rulebook: RB2023,
      findings: [
        {
          messageId: "fixed",
          cells: ["E6"],
          actual: 224,
          causedBy: { sheet: "PL I NV 2023", cell: "E6", rule: "quota" },
        },
        { messageId: "part", cells: ["E6"], expected: 200, actual: 190 },
        {
          messageId: "fixed",
          cells: ["E6"],
          expected: 54,
          actual: 44,
          causedBy: null,
          subject: { level: "THCS" },
        },
      ],
    },
    {
      name: "the public preschool part left out ('MNNCL: 200' alone): the preschool count follows from it",
      workbook: workbook(textTaskSheet2023([line2023("nang-chuan", { 4: "MNNCL: 200\nTH: 100\nTHCS: 54" })])),
      rulebook: RB2023,
      findings: [
        {
          messageId: "fixed",
          cells: ["E6"],
          expected: 234,
          actual: 200,
          causedBy: { sheet: "PL I NV 2023", cell: "E6", rule: "quota" },
        },
        {
          messageId: "part",
          cells: ["E6"],
          expected: 34,
          actual: 0,
          message: "Mầm non công lập có 0 người",
          subject: { level: "MN", detail: "part|cong-lap|" },
        },
      ],
    },
    {
      name: "a reserve typed into the upgrade's Số lượng ('Dự phòng: 5') is said, and counted in the total",
      workbook: workbook(
        textTaskSheet2023([
          line2023("nang-chuan", { 4: "MN CL: 34\nMNNCL: 200\nTH: 100\nTHCS: 54\nDự phòng: 5" }),
        ]),
      ),
      rulebook: RB2023,
      findings: [
        { messageId: "total", cells: ["E6"], expected: 388, actual: 393 },
        {
          messageId: "unreadPart",
          cells: ["E6"],
          severity: "warning",
          expected: null,
          actual: "Dự phòng: 5",
          message: ['"Dự phòng: 5"', "Đào tạo nâng chuẩn trình độ CBQL"],
          subject: { course: "nang-chuan", detail: "part|Dự phòng: 5" },
        },
      ],
    },
    {
      name: "the 2023 upgrade typed in level columns, preschool 10 short: no split to blame, a fix of its own",
      workbook: workbook(
        costSheet(2023, [
          [
            "1",
            "Đào tạo nâng chuẩn trình độ CBQL, GV mầm non, phổ thông",
            224,
            100,
            54,
            null,
            null,
            null,
            8.775,
            3317.0,
          ],
        ]),
      ),
      rulebook: RB2023,
      findings: [
        {
          messageId: "fixed",
          cells: ["C5"],
          expected: 234,
          actual: 224,
          fix: { cell: "C5", value: 234 },
          causedBy: null,
        },
      ],
    },
  ],
});
