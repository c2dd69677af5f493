import { unitPrice } from "../../src/engine/rules/unit-price";
import { cost2026 } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { costSheet, workbook, type Row } from "../helpers/sheets";

const set = (r: Row, c: number, v: unknown): Row => Object.assign([...r], { [c]: v });

ruleTester(unitPrice, {
  valid: [
    { name: "2026 prices as printed", workbook: workbook(costSheet(2026, Object.values(cost2026))) },
    {
      name: "per-credit 442 000 × 25 = 11,05 in 2028",
      workbook: workbook(
        costSheet(2028, [set(set(cost2026.tcdh, 8, 11.05), 10, "442.000đ/tín chỉ x 25 tín chỉ")]),
      ),
    },
    {
      name: "price typed as text with a comma decimal",
      workbook: workbook(costSheet(2026, [set(cost2026.tcdh, 8, "13,26")])),
    },
    {
      name: "a course the rulebook prices in another year is not judged in this one",
      workbook: workbook(costSheet(2030, [cost2026.tcdh])),
    },
    {
      name: "table in đồng",
      rulebook: "hai-phong-2022",
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
              "3.800.000",
              342000000,
            ],
          ],
          { unit: "ĐVT: đồng" },
        ),
      ),
    },
    {
      name: "a cost table without a unit-price column is not judged here",
      workbook: workbook(
        (() => {
          const sheet = costSheet(2026, [set(cost2026.cds, 8, 1.5)]);
          return { ...sheet, values: sheet.values.map((r) => [...r.slice(0, 8), ...r.slice(9)]) };
        })(),
      ),
    },
    {
      name: "a per-credit line whose note says something else than credits",
      workbook: workbook(
        costSheet(2026, [set(cost2026.tcdh, 10, "Lớp đặt tại Trường CĐ Cộng đồng Hải Phòng")]),
      ),
    },
    {
      name: "a course line typed before its head-counts and price are filled in",
      workbook: workbook(costSheet(2026, [["1", cost2026.cds[1]]])),
    },
    {
      name: "a heading line without price or head-counts",
      workbook: workbook(costSheet(2026, [["1", "Chuyển đổi số và ứng dụng trí tuệ nhân tạo (AI)"]])),
    },
  ],
  invalid: [
    {
      name: "a price computed by a formula gets no automatic fix",
      workbook: (() => {
        const sheet = costSheet(2026, [set(cost2026.cds, 8, 1.5)]);
        sheet.formulas = [];
        sheet.formulas[4] = [];
        sheet.formulas[4][8] = "3/2";
        return workbook(sheet);
      })(),
      findings: [{ messageId: "mismatch", cells: ["I5"], expected: 2, actual: 1.5, fix: null }],
    },
    {
      name: "in English: per person and per credit",
      locale: "en",
      workbook: workbook(costSheet(2026, [set(cost2026.cds, 8, 1.5), set(cost2026.tcdh, 8, 12)])),
      findings: [
        { messageId: "mismatch", cells: ["I5"], message: "2,000,000 VND/person" },
        { messageId: "noteProduct", cells: ["I6", "K6"], message: "gives a unit price of 13.26" },
        { messageId: "mismatch", cells: ["I6"], message: "442,000 VND/credit × 30 credits" },
      ],
    },
    {
      name: "1,5 where the rulebook says 2",
      workbook: workbook(costSheet(2026, [set(cost2026.cds, 8, 1.5)])),
      findings: [
        {
          messageId: "mismatch",
          cells: ["I5"],
          expected: 2,
          actual: 1.5,
          fix: { cell: "I5", value: 2 },
          message: ["năm 2026 là 1,5", "sổ quy tắc quy định 2 (2.000.000 đ/người)"],
          subject: { course: "chuyen-doi-so-ai" },
        },
      ],
    },
    {
      name: "per-credit price for 30 credits in a 25-credit year",
      workbook: workbook(costSheet(2028, [set(cost2026.tcdh, 10, null)])),
      findings: [
        {
          messageId: "mismatch",
          cells: ["I5"],
          expected: 11.05,
          actual: 13.26,
          message: "năm 2028 là 13,26, sổ quy tắc quy định 11,05 (442.000 đ/tín chỉ × 25 tín chỉ)",
          subject: { course: "tc-dh" },
        },
      ],
    },
    {
      name: "missing price",
      workbook: workbook(costSheet(2026, [set(cost2026.aiqt, 8, null)])),
      findings: [
        {
          messageId: "missing",
          cells: ["I5"],
          expected: 2,
          actual: null,
          fix: { cell: "I5", value: 2 },
          subject: { course: "ai-quan-tri" },
        },
      ],
    },
    {
      name: "note with the wrong credit price",
      workbook: workbook(costSheet(2026, [set(cost2026.tcdh, 10, "400.000đ/tín chỉ x 30 tín chỉ")])),
      findings: [
        {
          messageId: "note",
          cells: ["K5"],
          expected: "442.000đ/tín chỉ x 30 tín chỉ",
          actual: "400.000đ/tín chỉ x 30 tín chỉ",
          message:
            'Ghi chú "400.000đ/tín chỉ x 30 tín chỉ" không khớp sổ quy tắc: 442.000đ/tín chỉ x 30 tín chỉ.',
          subject: { course: "tc-dh", detail: "note" },
        },
      ],
    },
    {
      name: "note with the wrong credit price, in English",
      locale: "en",
      workbook: workbook(costSheet(2026, [set(cost2026.tcdh, 10, "400.000đ/tín chỉ x 30 tín chỉ")])),
      findings: [
        {
          messageId: "note",
          cells: ["K5"],
          message:
            'The note "400.000đ/tín chỉ x 30 tín chỉ" does not match the rulebook: 442,000 VND/credit x 30 credits.',
          // What to type into the cell stays Vietnamese (the English report only words it).
          expected: "442.000đ/tín chỉ x 30 tín chỉ",
        },
      ],
    },
    {
      name: "a note copied from the 25-credit year into a 30-credit year",
      workbook: workbook(costSheet(2026, [set(cost2026.tcdh, 10, "442.000đ/tín chỉ x 25 tín chỉ")])),
      findings: [
        {
          messageId: "note",
          cells: ["K5"],
          expected: "442.000đ/tín chỉ x 30 tín chỉ",
          actual: "442.000đ/tín chỉ x 25 tín chỉ",
          message: "không khớp sổ quy tắc: 442.000đ/tín chỉ x 30 tín chỉ.",
        },
      ],
    },
    {
      name: "the note's price × credits disagrees with the price cell",
      workbook: workbook(costSheet(2026, [set(cost2026.tcdh, 8, 12)])),
      findings: [
        {
          messageId: "noteProduct",
          cells: ["I5", "K5"],
          expected: 13.26,
          actual: 12,
          subject: { course: "tc-dh", detail: "note-product" },
        },
        { messageId: "mismatch", cells: ["I5"], expected: 13.26, actual: 12, subject: { course: "tc-dh" } },
      ],
    },
    {
      name: "unit price in đồng while the table says triệu đồng",
      workbook: workbook(costSheet(2026, [set(cost2026.cds, 8, 2000000)])),
      findings: [
        {
          messageId: "mismatch",
          cells: ["I5"],
          expected: 2,
          actual: 2000000,
          subject: { course: "chuyen-doi-so-ai" },
        },
      ],
    },
  ],
});
