import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { totals } from "../../src/engine/rules/totals";
import { cost2026, costTotal, taskLine2026 } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { totalsTextCases } from "./text-counts.cases";
import { LINES_2023 } from "../fixtures/seed2023";
import {
  costHeader,
  costSheet,
  districtTable2024,
  taskSheet,
  textTaskSheet2023,
  workbook,
  type Row,
} from "../helpers/sheets";

const lines = Object.values(cost2026);
const total = costTotal(lines, [cost2026.tcdh, cost2026.cddh]);
const withCell = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });

/** "Bồi dưỡng kỹ năng thu hút…" of 2027: 1 701 people × 1,5 = 2 551,5, shown 2 552. */
const TTLK: Row = [
  "2",
  "Bồi dưỡng kỹ năng thu hút và liên kết cộng đồng, doanh nghiệp trong lĩnh vực giáo dục và đào tạo",
  596,
  437,
  426,
  129,
  13,
  100,
  1.5,
  2552,
];
/** Their total: 1 312,74 + 2 551,5 = 3 864,24 → 3 864; as shown 1 313 + 2 552 = 3 865. */
const TOTAL_3864: Row = [null, "Cộng", 596, 437, 426, 129, 13, 100, null, 3864];

/** A line of seed 000 (head-counts as text in E), with some cells changed. */
const line2023 = (course: string, changes: Record<number, unknown> = {}): Row =>
  Object.assign([...(LINES_2023.find((l) => l.course === course)?.values ?? [])], changes);
/** Seed 000's total row, its "Số lượng" (E) as given. */
const total2023 = (quantity: Row[number]): Row => [null, "Tổng số", null, null, quantity];
/** Lines with neither unit price nor amount yet. */
const unpriced = (r: Row): Row => withCell(withCell(r, 8, null), 9, null);

ruleTester(totals, {
  valid: [
    ...totalsTextCases.valid,
    {
      name: "2026 lines with their total (upgrades excluded from head-counts)",
      workbook: workbook(costSheet(2026, [...lines, total])),
    },
    {
      name: "amount total from unrounded rows (1 312,74 + 2 551,5 = 3 864,24 → 3 864)",
      workbook: workbook(costSheet(2027, [cost2026.tcdh, TTLK, TOTAL_3864])),
    },
    {
      // DOMAIN rule 1: offices also add up the rows as shown (2027's printed rows give 40 019).
      name: "amount total from the rows as shown (1 313 + 2 552 = 3 865)",
      workbook: workbook(costSheet(2027, [cost2026.tcdh, TTLK, withCell(TOTAL_3864, 9, 3865)])),
    },
    {
      name: "a SUM formula's unrounded total (3 864,24) shows as 3 864",
      workbook: workbook(costSheet(2027, [cost2026.tcdh, TTLK, withCell(TOTAL_3864, 9, 3864.24)])),
    },
    {
      name: "task appendix totals",
      workbook: workbook(
        taskSheet(2026, [
          taskLine2026("1", "Tích hợp AI trong quản trị nhà trường", "Trực tiếp", "Sở GDĐT"),
          [null, "Tổng số", 596, 437, 426, 129, 13, 50],
        ]),
      ),
    },
    {
      name: "district table with the total label in the STT column",
      rulebook: "hai-phong-2024",
      workbook: workbook(
        districtTable2024([
          [1, "An Dương", null],
          [2, "An Lão", 11],
          [3, "Cát Hải", 2],
          ["Tổng số:", null, 13],
        ]),
      ),
    },
    {
      name: "a count that cannot be read (#REF!, text): its column's total is not judged, nor overwritten",
      workbook: workbook(
        taskSheet(2026, [
          [
            "1",
            "Tích hợp AI trong quản trị nhà trường",
            { error: "#REF!" },
            437,
            426,
            129,
            13,
            50,
            "Trực tiếp",
            "Sở GDĐT",
          ],
          ["2", "Bồi dưỡng kỹ năng số", 10, "abc", 0, 0, 0, 0, "Trực tuyến", "Sở GDĐT"],
          [null, "Tổng số", 606, 447, 426, 129, 13, 50],
        ]),
      ),
    },
    {
      name: "a district total that is #REF! itself is left to number-as-text",
      rulebook: "hai-phong-2024",
      workbook: workbook(
        districtTable2024([
          [2, "An Lão", 11],
          [3, "Cát Hải", 2],
          ["Tổng số:", null, { error: "#REF!" }],
        ]),
      ),
    },
    {
      name: "a single line needs no total row; a task appendix may go without one",
      workbook: workbook(
        costSheet(2026, [cost2026.cds]),
        taskSheet(2026, [
          taskLine2026("1", "Tích hợp AI trong quản trị nhà trường", "Trực tiếp", "Sở GDĐT"),
          taskLine2026("2", "Thiết kế và triển khai giáo dục STEM/STEAM", "Trực tiếp", "Sở GDĐT"),
        ]),
      ),
    },
    {
      name: "a sub-total under each part and the grand total over every line",
      workbook: workbook(
        costSheet(2026, [
          ["I", "Bồi dưỡng"],
          cost2026.cds,
          cost2026.aiqt,
          withCell(withCell(costTotal([cost2026.cds, cost2026.aiqt]), 1, "Cộng"), 0, null),
          ["II", "Bồi dưỡng khác"],
          cost2026.stem,
          withCell(costTotal([cost2026.stem]), 1, "Cộng"),
          withCell(costTotal([cost2026.cds, cost2026.aiqt, cost2026.stem]), 1, "Tổng cộng"),
        ]),
      ),
    },
    {
      name: 'sub-totals typed "Tổng số" under each part and "Tổng cộng" over all: each part counts its own lines',
      workbook: workbook(
        costSheet(2026, [
          cost2026.cds,
          withCell(costTotal([cost2026.cds]), 1, "Tổng số"),
          cost2026.aiqt,
          withCell(costTotal([cost2026.aiqt]), 1, "Tổng số"),
          withCell(costTotal([cost2026.cds, cost2026.aiqt]), 1, "Tổng cộng"),
        ]),
      ),
    },
    {
      name: 'two parts each closed by "Cộng", no grand total: the last one counts its own part',
      workbook: workbook(
        costSheet(2026, [
          cost2026.cds,
          withCell(costTotal([cost2026.cds]), 1, "Cộng"),
          cost2026.aiqt,
          withCell(costTotal([cost2026.aiqt]), 1, "Cộng"),
        ]),
      ),
    },
    {
      name: "a table pasted without its title rows: the first line right under the header counts",
      workbook: workbook({
        name: "KP",
        values: [costHeader(), cost2026.cds, cost2026.aiqt, costTotal([cost2026.cds, cost2026.aiqt])],
      }),
    },
    {
      name: "an amount typed as text in a line: the amount total is not judged",
      workbook: workbook(
        costSheet(2026, [
          cost2026.cds,
          withCell(cost2026.aiqt, 9, "3.302 đồng x"),
          withCell(costTotal([cost2026.cds, cost2026.aiqt]), 9, 1),
        ]),
      ),
    },
    {
      name: "lines without prices or amounts yet and a blank amount total",
      workbook: workbook(
        costSheet(2026, [
          unpriced(cost2026.cds),
          unpriced(cost2026.aiqt),
          withCell(costTotal([cost2026.cds, cost2026.aiqt]), 9, null),
        ]),
      ),
    },
    {
      name: "lines whose amounts are still 0 and a blank amount total",
      workbook: workbook(
        costSheet(2026, [
          withCell(unpriced(cost2026.cds), 9, 0),
          withCell(unpriced(cost2026.aiqt), 9, 0),
          withCell(costTotal([cost2026.cds, cost2026.aiqt]), 9, null),
        ]),
      ),
    },
    {
      name: "seed 000: a line without a head-count yet adds nothing to the Số lượng total",
      rulebook: "hai-phong-2023",
      workbook: workbook(
        textTaskSheet2023([line2023("tu-van-tam-ly", { 4: null }), line2023("lsdl"), total2023(653)]),
      ),
    },
    {
      name: "seed 000: no head-counts and no total yet",
      rulebook: "hai-phong-2023",
      workbook: workbook(
        textTaskSheet2023([
          line2023("tu-van-tam-ly", { 4: null }),
          line2023("lsdl", { 4: null }),
          total2023(null),
        ]),
      ),
    },
    {
      name: "seed 000: a head-count that is #REF!: the Số lượng total is not judged",
      rulebook: "hai-phong-2023",
      workbook: workbook(
        textTaskSheet2023([
          line2023("tu-van-tam-ly", { 4: { error: "#REF!" } }),
          line2023("lsdl"),
          total2023(1000),
        ]),
      ),
    },
    {
      name: "a district table not filled in yet",
      rulebook: "hai-phong-2024",
      workbook: workbook(
        districtTable2024([
          [1, "An Dương", null],
          [2, "An Lão", null],
          ["Tổng số:", null, null],
        ]),
      ),
    },
    {
      name: "a total of 0 under lines that have no amount yet",
      workbook: workbook(
        costSheet(2026, [
          withCell(withCell(cost2026.cds, 8, null), 9, null),
          withCell(withCell(cost2026.aiqt, 8, null), 9, null),
          withCell(costTotal([cost2026.cds, cost2026.aiqt]), 9, 0),
        ]),
      ),
    },
  ],
  invalid: [
    ...totalsTextCases.invalid,
    {
      name: "the grand total under two sub-totals counts every line once",
      workbook: workbook(
        costSheet(2026, [
          cost2026.cds,
          withCell(costTotal([cost2026.cds]), 1, "Cộng"),
          cost2026.stem,
          withCell(costTotal([cost2026.stem]), 1, "Cộng"),
          withCell(withCell(costTotal([cost2026.cds, cost2026.stem]), 1, "Tổng cộng"), 9, 13008),
        ]),
      ),
      findings: [
        {
          messageId: "amount",
          cells: ["J9"],
          expected: 19412,
          actual: 13008,
          fix: { cell: "J9", value: 19412 },
          message: "Tổng thành tiền là 13.008, nhưng cộng các dòng (mọi dòng, chưa làm tròn) được 19.412",
        },
      ],
    },
    {
      name: "blank totals under lines that have figures: filled in with the sums",
      workbook: workbook(
        costSheet(2026, [
          cost2026.cds,
          cost2026.aiqt,
          withCell(withCell(costTotal([cost2026.cds, cost2026.aiqt]), 2, null), 9, null),
        ]),
      ),
      findings: [
        {
          messageId: "level",
          cells: ["C7"],
          expected: 2980,
          actual: null,
          fix: { cell: "C7", value: 2980 },
          message: "Tổng số Mầm non là (trống), nhưng cộng các dòng được 2.980.",
        },
        {
          messageId: "amount",
          cells: ["J7"],
          expected: 16310,
          actual: null,
          fix: { cell: "J7", value: 16310 },
          message: "Tổng thành tiền là (trống), nhưng cộng các dòng (mọi dòng, chưa làm tròn) được 16.310.",
        },
      ],
    },
    {
      name: "a SUM formula's total that is off gets no automatic fix",
      workbook: (() => {
        const sheet = costSheet(2026, [
          cost2026.cds,
          cost2026.aiqt,
          withCell(costTotal([cost2026.cds, cost2026.aiqt]), 3, 2000),
        ]);
        sheet.formulas = [];
        sheet.formulas[6] = [];
        sheet.formulas[6][3] = "SUM(D5:D6)";
        return workbook(sheet);
      })(),
      findings: [{ messageId: "level", cells: ["D7"], expected: 2185, actual: 2000, fix: null }],
    },

    {
      name: "amount total leaving out the upgrade row (the 2028 case)",
      workbook: workbook(
        costSheet(2028, [
          cost2026.nvsp,
          cost2026.tcdh,
          [null, "Tổng số:", null, null, null, null, null, 100, null, 300],
        ]),
      ),
      findings: [
        {
          messageId: "amount",
          cells: ["J7"],
          expected: 1613,
          actual: 300,
          fix: { cell: "J7", value: 1613 },
          message:
            'được 1.612,74 (tổng đang thiếu dòng "Đào tạo nâng trình độ chuẩn GV MN, TH từ TC lên ĐH (tổng số 85 tín chỉ)" 1.312,74).',
          subject: { detail: "amount-total" },
        },
      ],
    },
    {
      name: "level total counting the upgrade rows breaks the convention",
      workbook: workbook(
        costSheet(2026, [
          cost2026.aiqt,
          cost2026.tcdh,
          withCell(costTotal([cost2026.aiqt, cost2026.tcdh]), 2, 596 + 89),
        ]),
      ),
      findings: [
        {
          messageId: "level",
          cells: ["C7"],
          expected: 596,
          actual: 685,
          message: ["Mầm non", "không tính đào tạo nâng chuẩn"],
          subject: { level: "MN", detail: "level-total" },
        },
        {
          messageId: "level",
          cells: ["D7"],
          expected: 437,
          actual: 447,
          subject: { level: "TH", detail: "level-total" },
        },
      ],
    },
    {
      name: "a total adding up neither way: 3 866 where the lines give 3 864 (unrounded) or 3 865 (as shown)",
      workbook: workbook(costSheet(2027, [cost2026.tcdh, TTLK, withCell(TOTAL_3864, 9, 3866)])),
      findings: [
        {
          messageId: "amount",
          cells: ["J7"],
          expected: 3864,
          actual: 3866,
          fix: { cell: "J7", value: 3864 },
          message: ["3.864,24", "như đang hiển thị được 3.865"],
          subject: { detail: "amount-total" },
        },
      ],
    },
    {
      // With row-arithmetic on, this finding is that line's consequence (test/engine/causes.test.ts).
      name: "a total that adds up a wrong line as typed",
      workbook: workbook(
        costSheet(2027, [cost2026.tcdh, withCell(TTLK, 9, 2600), withCell(TOTAL_3864, 9, 3913)]),
      ),
      findings: [
        {
          messageId: "amount",
          cells: ["J7"],
          expected: 3864,
          actual: 3913,
          subject: { detail: "amount-total" },
        },
      ],
    },
    {
      name: "a table without a total row",
      workbook: workbook(costSheet(2026, [cost2026.cds, cost2026.aiqt])),
      findings: [{ messageId: "noTotal", cells: ["A5"], severity: "warning", message: "không có dòng Tổng" }],
    },
    {
      name: "a table without a total row, typed one column right (column A left blank)",
      workbook: (() => {
        const sheet = costSheet(2026, [cost2026.cds, cost2026.aiqt]);
        sheet.values = sheet.values.map((r, i) => (i >= 3 ? [null, ...r] : r));
        return workbook(sheet);
      })(),
      findings: [{ messageId: "noTotal", cells: ["B5"], severity: "warning" }],
    },
    {
      name: "an amount total of 0 under lines that have amounts",
      workbook: workbook(
        costSheet(2026, [
          cost2026.cds,
          cost2026.aiqt,
          withCell(costTotal([cost2026.cds, cost2026.aiqt]), 9, 0),
        ]),
      ),
      findings: [
        {
          messageId: "amount",
          cells: ["J7"],
          expected: 16310,
          actual: 0,
          fix: { cell: "J7", value: 16310 },
        },
      ],
    },
    {
      // The line's amount left at 0: the total copies the amounts as typed, so it follows from
      // that line (row-arithmetic's), and is not said to leave the line out.
      name: "a total copying a line whose amount was left at 0",
      workbook: workbook(
        costSheet(2026, [
          cost2026.cds,
          withCell(cost2026.aiqt, 9, 0),
          withCell(costTotal([cost2026.cds, cost2026.aiqt]), 9, 13008),
        ]),
      ),
      findings: [
        {
          messageId: "amount",
          cells: ["J7"],
          expected: 16310,
          actual: 13008,
          fix: { cell: "J7", value: 16310 },
          message: "Tổng thành tiền là 13.008, nhưng cộng các dòng (mọi dòng, chưa làm tròn) được 16.310.",
        },
      ],
    },
    {
      name: "a blank amount total under a line whose amount is wrong",
      workbook: workbook(
        costSheet(2026, [
          cost2026.cds,
          withCell(cost2026.aiqt, 9, 3000),
          withCell(costTotal([cost2026.cds, cost2026.aiqt]), 9, null),
        ]),
      ),
      findings: [
        {
          messageId: "amount",
          cells: ["J7"],
          expected: 16310,
          actual: null,
          fix: { cell: "J7", value: 16310 },
          message: "Tổng thành tiền là (trống), nhưng cộng các dòng (mọi dòng, chưa làm tròn) được 16.310.",
        },
      ],
    },
    {
      // Not a copy of the amounts as typed (300 + 1 400): leaving the line out explains it.
      name: "a total leaving out a line whose own amount is wrong too",
      workbook: workbook(
        costSheet(2028, [
          cost2026.nvsp,
          withCell(cost2026.tcdh, 9, 1400),
          [null, "Tổng số:", null, null, null, null, null, 100, null, 300],
        ]),
      ),
      findings: [
        {
          messageId: "amount",
          cells: ["J7"],
          expected: 1613,
          actual: 300,
          message: '(tổng đang thiếu dòng "Đào tạo nâng trình độ chuẩn GV MN, TH từ TC lên ĐH',
        },
      ],
    },
    {
      name: "a total leaving out a line that has figures but no content",
      workbook: workbook(
        costSheet(2026, [
          cost2026.aiqt,
          ["2", null, 10, null, null, null, null, null, 2, 20],
          withCell(costTotal([cost2026.aiqt]), 2, 606),
        ]),
      ),
      findings: [
        {
          messageId: "amount",
          cells: ["J7"],
          expected: 3322,
          actual: 3302,
          fix: { cell: "J7", value: 3322 },
        },
      ],
    },
    {
      name: "seed 000: a line without a head-count yet and a Số lượng total that is off",
      rulebook: "hai-phong-2023",
      workbook: workbook(
        textTaskSheet2023([line2023("tu-van-tam-ly", { 4: null }), line2023("lsdl"), total2023(654)]),
      ),
      findings: [
        { messageId: "column", cells: ["E8"], expected: 653, actual: 654, fix: { cell: "E8", value: 653 } },
      ],
    },
    {
      name: "an amount total typed over lines that have no amount yet",
      workbook: workbook(
        costSheet(2026, [
          unpriced(cost2026.cds),
          unpriced(cost2026.aiqt),
          withCell(costTotal([cost2026.cds, cost2026.aiqt]), 9, 500),
        ]),
      ),
      findings: [
        {
          messageId: "amount",
          cells: ["J7"],
          expected: 0,
          actual: 500,
          fix: { cell: "J7", value: 0 },
          message: "Tổng thành tiền là 500, nhưng cộng các dòng (mọi dòng, chưa làm tròn) được 0.",
        },
      ],
    },
    {
      name: "a plan whose money totals leave out degree upgrades: the message does not say every line",
      rulebook: (rb) => ({ ...rb, totals: { levelTotals: "boi-duong-only", amountTotal: "boi-duong-only" } }),
      workbook: workbook(
        costSheet(2026, [
          cost2026.cds,
          cost2026.aiqt,
          withCell(costTotal([cost2026.cds, cost2026.aiqt]), 9, 16000),
        ]),
      ),
      findings: [
        {
          messageId: "amount",
          cells: ["J7"],
          expected: 16310,
          actual: 16000,
          message: "Tổng thành tiền là 16.000, nhưng cộng các dòng được 16.310.",
        },
      ],
    },
    {
      name: "a cost table without a unit-price column: the amount total is said, not fixed",
      workbook: (() => {
        const sheet = costSheet(2026, [
          cost2026.cds,
          cost2026.aiqt,
          withCell(costTotal([cost2026.cds, cost2026.aiqt]), 9, 16000),
        ]);
        sheet.values = sheet.values.map((r, i) => (i >= 3 ? [...r.slice(0, 8), ...r.slice(9)] : r));
        return workbook(sheet);
      })(),
      findings: [
        {
          messageId: "amount",
          cells: ["I7"],
          expected: 16310,
          actual: 16000,
          fix: null,
          message: "các dòng chưa kiểm tra được vì bảng thiếu cột đơn giá",
        },
      ],
    },
    {
      name: "seed 000: the Số lượng total left blank",
      rulebook: "hai-phong-2023",
      workbook: workbook(textTaskSheet2023([line2023("tu-van-tam-ly"), line2023("lsdl"), total2023(null)])),
      findings: [
        {
          messageId: "column",
          cells: ["E8"],
          expected: 1101,
          actual: null,
          fix: { cell: "E8", value: 1101 },
          message: 'Tổng cột "Số lượng" là (trống), nhưng cộng các dòng được 1.101.',
          subject: { detail: "quantity-total" },
        },
      ],
    },
    {
      name: "seed 000's Số lượng total in English",
      rulebook: "hai-phong-2023",
      locale: "en",
      workbook: workbook(textTaskSheet2023([line2023("tu-van-tam-ly"), line2023("lsdl"), total2023(1100)])),
      findings: [
        {
          messageId: "column",
          cells: ["E8"],
          expected: 1101,
          actual: 1100,
          message: 'The total of column "Số lượng (head-count)" is 1,100, but the lines add up to 1,101.',
        },
      ],
    },
    {
      name: "seed 000: a Số lượng total written as parts is not overwritten with one number",
      rulebook: "hai-phong-2023",
      workbook: workbook(
        textTaskSheet2023([
          line2023("tu-van-tam-ly"),
          line2023("lsdl"),
          total2023("TH, THCS, THPT: 448\nTHCS: 654"),
        ]),
      ),
      findings: [{ messageId: "column", cells: ["E8"], expected: 1101, actual: 1102, fix: null }],
    },
    {
      name: "a district total left blank",
      rulebook: "hai-phong-2024",
      workbook: workbook(
        districtTable2024([
          [1, "An Dương", null],
          [2, "An Lão", 11],
          [3, "Cát Hải", 2],
          ["Tổng số:", null, null],
        ]),
      ),
      findings: [
        {
          messageId: "column",
          cells: ["C8"],
          expected: 13,
          actual: null,
          fix: { cell: "C8", value: 13 },
          message: 'Tổng cột "Trình độ đào tạo CĐ- ĐH" là (trống), nhưng cộng các dòng được 13;',
        },
      ],
    },
    {
      name: "a district total that holds the plan's 71 over lines adding up to 70: the lines are what is wrong",
      rulebook: "hai-phong-2024",
      workbook: workbook(
        districtTable2024([
          [1, "An Dương", 60],
          [2, "An Lão", 10],
          ["Tổng số:", null, 71],
        ]),
      ),
      findings: [
        {
          messageId: "column",
          cells: ["C7"],
          expected: null,
          actual: 71,
          fix: null,
          message:
            'Tổng cột "Trình độ đào tạo CĐ- ĐH" là 71, nhưng cộng các dòng được 70; kế hoạch năm 2024 cũng dự kiến số đang ghi ở tổng: xem lại các dòng.',
          subject: { course: "cd-dh", level: "TH", detail: "column-total" },
        },
      ],
    },
    {
      name: "a district total of 72 over lines adding up to the plan's 71: the total is what is wrong",
      rulebook: "hai-phong-2024",
      workbook: workbook(
        districtTable2024([
          [1, "An Dương", 61],
          [2, "An Lão", 10],
          ["Tổng số:", null, 72],
        ]),
      ),
      findings: [
        {
          messageId: "column",
          cells: ["C7"],
          expected: 71,
          actual: 72,
          fix: { cell: "C7", value: 71 },
          message: 'Tổng cột "Trình độ đào tạo CĐ- ĐH" là 72, nhưng cộng các dòng được 71.',
        },
      ],
    },
    {
      name: "a rulebook without the plan's head-counts: the district total is checked against its lines only",
      rulebook: {
        id: "hai-phong-2024",
        edit: (rb) => ({
          ...rb,
          courses: rb.courses.map((c) =>
            c.id === "cd-dh"
              ? { ...c, offerings: (c.offerings ?? []).map((o) => ({ ...o, counts: {} })) }
              : c,
          ),
        }),
      },
      workbook: workbook(
        districtTable2024([
          [2, "An Lão", 11],
          [3, "Cát Hải", 2],
          ["Tổng số:", null, 14],
        ]),
      ),
      findings: [
        {
          messageId: "column",
          cells: ["C7"],
          expected: 13,
          actual: 14,
          fix: { cell: "C7", value: 13 },
          message: 'Tổng cột "Trình độ đào tạo CĐ- ĐH" là 14, nhưng cộng các dòng được 13.',
        },
      ],
    },
    {
      name: "district column total",
      rulebook: "hai-phong-2024",
      workbook: workbook(
        districtTable2024([
          [1, "An Dương", null],
          [2, "An Lão", 11],
          [3, "Cát Hải", 2],
          ["Tổng số:", null, 14],
        ]),
      ),
      findings: [
        {
          messageId: "column",
          cells: ["C8"],
          expected: 13,
          actual: 14,
          fix: { cell: "C8", value: 13 },
          message: "; kế hoạch năm 2024 dự kiến 71: xem lại cả các dòng.",
          subject: { course: "cd-dh", level: "TH", detail: "column-total" },
        },
      ],
    },
  ],
});

it("says a blank total is blank in the reader's language", () => {
  const wb = workbook(
    costSheet(2026, [cost2026.aiqt, [null, "Tổng số:", null, null, null, null, null, null, null, 3302]]),
  );
  const message = (locale: "vi" | "en") =>
    checkWorkbook(wb, { rulebook: builtinRulebook(), locale }).findings.find((f) => f.rule === "totals")
      ?.message;
  expect(message("vi")).toContain("(trống)");
  expect(message("en")).toContain("(blank)");
});

describe("with every rule on, a total that differs only because of a wrong line follows from it", () => {
  const totalsAt = (wb: ReturnType<typeof workbook>, cell: string, rulebook?: string) =>
    checkWorkbook(wb, { rulebook: builtinRulebook(rulebook) }).findings.filter(
      (f) => f.rule === "totals" && f.cells[0] === cell,
    );

  /** The totals finding at `cell`: what it matches, and the fields it must not have. */
  const cases: {
    name: string;
    wb: ReturnType<typeof workbook>;
    cell: string;
    rulebook?: string;
    finding: Record<string, unknown>;
    without?: ("fix" | "causedBy")[];
  }[] = [
    {
      name: "a head-count typed 2 385 where the plan gives 2 384: the level total follows from it, unfixed",
      wb: workbook(
        costSheet(2026, [
          withCell(cost2026.cds, 2, 2385),
          cost2026.aiqt,
          costTotal([cost2026.cds, cost2026.aiqt]),
        ]),
      ),
      cell: "C7",
      finding: { expected: 2981, actual: 2980, causedBy: { sheet: "KP 2026", cell: "C5", rule: "quota" } },
      without: ["fix"],
    },
    {
      name: "a GDNN head-count typed 101 where the plan gives 100, a line without GDNN: the GDNN total follows from it",
      wb: workbook(
        costSheet(2026, [
          withCell(cost2026.cds, 7, 101),
          cost2026.aiqt,
          cost2026.stem,
          costTotal([cost2026.cds, cost2026.aiqt, cost2026.stem]),
        ]),
      ),
      cell: "H8",
      finding: { actual: 150, causedBy: { sheet: "KP 2026", cell: "H5", rule: "quota" } },
    },
    {
      name: "seed 000: 449 where the plan gives 448: the Số lượng total follows from that line",
      wb: workbook(
        textTaskSheet2023([line2023("tu-van-tam-ly", { 4: 449 }), line2023("lsdl"), total2023(1101)]),
      ),
      cell: "E8",
      rulebook: "hai-phong-2023",
      finding: { actual: 1101, causedBy: { sheet: "PL I NV 2023", cell: "E6", rule: "quota" } },
    },
    {
      name: "an amount total copying a line whose amount was left at 0 follows from that line",
      wb: workbook(
        costSheet(2026, [
          cost2026.cds,
          withCell(cost2026.aiqt, 9, 0),
          withCell(costTotal([cost2026.cds, cost2026.aiqt]), 9, 13008),
        ]),
      ),
      cell: "J7",
      finding: { actual: 13008, causedBy: { sheet: "KP 2026", cell: "J6", rule: "row-arithmetic" } },
    },
    {
      name: "a district listed twice: the district total follows from the repeated name",
      wb: workbook(
        districtTable2024([
          [1, "An Dương", 50],
          [2, "An Lão", 11],
          [3, "An Lão", 11],
          ["Tổng số:", null, 61],
        ]),
      ),
      cell: "C8",
      rulebook: "hai-phong-2024",
      finding: { actual: 61, causedBy: { sheet: "DK", cell: "B7", rule: "unit-list" } },
    },
    {
      name: "a district listed twice with no figure the second time: the total does not follow from the name",
      wb: workbook(
        districtTable2024([
          [1, "An Dương", 50],
          [2, "An Lão", 11],
          [3, "An Lão", null],
          ["Tổng số:", null, 60],
        ]),
      ),
      cell: "C8",
      rulebook: "hai-phong-2024",
      finding: { actual: 60 },
      without: ["causedBy"],
    },
  ];

  it.each(cases)("$name", ({ wb, cell, rulebook, finding, without = [] }) => {
    const [f] = totalsAt(wb, cell, rulebook);
    expect(f).toMatchObject(finding);
    for (const field of without) expect(f[field]).toBeUndefined();
  });
});
