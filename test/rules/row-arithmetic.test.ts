import { rowArithmetic } from "../../src/engine/rules/row-arithmetic";
import { cost2026 } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { costSheet, workbook, type Row } from "../helpers/sheets";

const withAmount = (r: Row, amount: unknown): Row => [...r.slice(0, 9), amount as number, ...r.slice(10)];

ruleTester(rowArithmetic, {
  valid: [
    { name: "2026 lines as printed", workbook: workbook(costSheet(2026, Object.values(cost2026))) },
    { name: "rounded half up (1 312,74 → 1 313)", workbook: workbook(costSheet(2026, [cost2026.tcdh])) },
    {
      name: "within half a unit (1 312,3 shown for 1 312,74)",
      workbook: workbook(costSheet(2026, [withAmount(cost2026.tcdh, 1312.3)])),
    },
    {
      name: "amount typed as vi-VN text",
      workbook: workbook(costSheet(2026, [withAmount(cost2026.cds, "  13 008")])),
    },
    {
      name: "a line without price is not judged here",
      workbook: workbook(costSheet(2026, [[...cost2026.cds.slice(0, 8), null, 5]])),
    },
    {
      name: "a lump sum: a price and an amount but no head-count is not judged here",
      workbook: workbook(
        costSheet(2026, [["7", "Tổ chức hội thảo chuyên đề", null, null, null, null, null, null, 50, 120]]),
      ),
    },
    {
      name: "a cost table without an amount column: nothing to compute into",
      workbook: workbook({
        ...costSheet(2026, []),
        values: [...costSheet(2026, []).values.map((r) => r.slice(0, 9)), cost2026.cds.slice(0, 9)],
      }),
    },
    {
      name: "table in đồng",
      workbook: workbook(
        costSheet(
          2022,
          [
            [
              "1",
              "Bồi dưỡng nghiệp vụ tư vấn tâm lý học đường",
              null,
              null,
              90,
              null,
              null,
              null,
              3800000,
              342000000,
            ],
          ],
          { unit: "Đơn vị tính: đồng" },
        ),
      ),
      rulebook: "hai-phong-2022",
    },
  ],
  invalid: [
    {
      name: "amount off by more than half a unit",
      workbook: workbook(costSheet(2026, [withAmount(cost2026.cds, 13080)])),
      findings: [
        {
          messageId: "mismatch",
          sheet: "KP 2026",
          cells: ["J5"],
          expected: 13008,
          actual: 13080,
          fix: { cell: "J5", value: 13008 },
          message: ["13.080", "6.504", "13.008"],
          subject: { course: "chuyen-doi-so-ai" },
        },
      ],
    },
    {
      name: "0,76 off after rounding",
      workbook: workbook(costSheet(2026, [withAmount(cost2026.tcdh, 1313.5)])),
      findings: [{ messageId: "mismatch", cells: ["J5"], expected: 1313, actual: 1313.5 }],
    },
    {
      name: "missing amount gets a fix",
      workbook: workbook(costSheet(2026, [withAmount(cost2026.aiqt, null)])),
      findings: [
        {
          messageId: "missing",
          cells: ["J5"],
          expected: 3302,
          actual: null,
          fix: { cell: "J5", value: 3302 },
        },
      ],
    },
    {
      name: "a formula cell gets no automatic fix",
      workbook: (() => {
        const s = costSheet(2026, [withAmount(cost2026.cds, 999)]);
        s.formulas = [];
        s.formulas[4] = [];
        s.formulas[4][9] = "SUM(C5:G5)*I5";
        return workbook(s);
      })(),
      findings: [{ messageId: "mismatch", cells: ["J5"], fix: null }],
    },
    {
      name: "the fix writes the rounded amount the message states (99 × 13,26 = 1 312,74 → 1 313)",
      workbook: workbook(costSheet(2026, [withAmount(cost2026.tcdh, 1400)])),
      findings: [
        {
          messageId: "mismatch",
          cells: ["J5"],
          expected: 1313,
          actual: 1400,
          fix: { cell: "J5", value: 1313 },
          message: "1.312,74",
        },
      ],
    },
    {
      name: "a missing amount is filled in rounded (1 313, not 1 312,74)",
      workbook: workbook(costSheet(2026, [withAmount(cost2026.tcdh, null)])),
      findings: [{ messageId: "missing", cells: ["J5"], expected: 1313, fix: { cell: "J5", value: 1313 } }],
    },
    {
      name: "English messages",
      locale: "en",
      workbook: workbook(costSheet(2026, [withAmount(cost2026.cds, 13080)])),
      findings: [{ messageId: "mismatch", message: "The amount of" }],
    },
    {
      name: "a cost table without a unit-price column: the lines are not checked, and it says so (review item 2)",
      workbook: workbook({
        name: "KP 2026",
        values: [
          ["PHỤ LỤC 6"],
          ["KINH PHÍ ĐÀO TẠO, BỒI DƯỠNG ĐỘI NGŨ NĂM 2026"],
          ["TT", "Nội dung", "Mầm non", "Tiểu học", "THCS", "THPT", "GDTX", "GDNN", "Thành tiền"],
          [...cost2026.cds.slice(0, 8), 1],
          [null, "Tổng số:", 2384, 1748, 1704, 516, 52, 100, 1],
        ],
      }),
      findings: [{ messageId: "noPrice", cells: ["I3"], actual: null, fix: null, message: '"Mức chi"' }],
    },
  ],
});
