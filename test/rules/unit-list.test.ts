/**
 * unit-list: a registration table lists each unit of the rulebook's list for its year once (the 14
 * districts of Hải Phòng in the 2024 plan, seed 001), none from elsewhere, none left out (review
 * item 9: "Cát Hải" twice with "An Lão" gone, "Quận Ba Đình" in Hải Phòng).
 */
import { unitList, unitKey } from "../../src/engine/rules/unit-list";
import { DISTRICTS_2024, seed2024AsPrinted } from "../fixtures/seed2024";
import { ruleTester } from "../helpers/rule-tester";
import { districtTable2024, registrationSheet, workbook, type Row } from "../helpers/sheets";

const rulebook = "hai-phong-2024";

/** The 14 districts with one registration each, numbered, rows 5–18; the total on row 19. */
const all = (edit: (rows: Row[]) => Row[] = (r) => r): Row[] => {
  const rows = edit(DISTRICTS_2024.map((d, i) => [i + 1, d, 1] as Row));
  return [...rows, ["Tổng số:", null, rows.length]];
};

ruleTester(unitList, {
  valid: [
    {
      name: "seed 001 as printed (six tables, PL4 with Các trường THPT)",
      rulebook,
      workbook: seed2024AsPrinted(),
    },
    { name: "the 14 districts once each", rulebook, workbook: workbook(districtTable2024(all())) },
    {
      name: "names with their kind (Quận, Huyện), without marks, in capitals, the old tone placement (Thuỷ)",
      rulebook,
      workbook: workbook(
        districtTable2024(
          all((rows) =>
            rows.map((r, i) =>
              i === 0
                ? [1, "Huyện An Dương", 1]
                : i === 9
                  ? [10, "Quận Lê Chân", 1]
                  : i === 10
                    ? [11, "ngo quyen", 1]
                    : i === 11
                      ? [12, "THUỶ NGUYÊN", 1]
                      : r,
            ),
          ),
        ),
      ),
    },
    {
      name: "a table of far more lines than the province has units is no list of them, though it names districts",
      rulebook,
      workbook: workbook(
        registrationSheet(
          ["PHỤ LỤC 4", "SỐ LƯỢNG GV ĐĂNG KÝ NĂM 2024"],
          ["STT", "Đơn vị", "Số lượng", "Ghi chú"],
          Array.from({ length: 60 }, (_, i) => [i + 1, DISTRICTS_2024[i % DISTRICTS_2024.length], 1] as Row),
        ),
      ),
    },
    {
      name: "a table of schools under Đơn vị is no list of districts",
      rulebook,
      workbook: workbook(
        registrationSheet(
          ["PHỤ LỤC 4", "SỐ LƯỢNG GV ĐĂNG KÝ NĂM 2024"],
          ["STT", "Đơn vị", "Số lượng", "Ghi chú"],
          [
            [1, "THPT Ngô Quyền", 3],
            [2, "THPT Trần Phú", 2],
            [3, "THPT Lê Quý Đôn", 4],
          ],
        ),
      ),
    },
    {
      name: "a rulebook without a unit list (2026–2030: communes are the plan's business): nothing to compare",
      workbook: workbook(
        registrationSheet(
          ["PHỤ LỤC 11", "SỐ LƯỢNG ĐĂNG KÝ NĂM 2026"],
          ["STT", "Quận/huyện", "Số lượng", "Ghi chú"],
          [
            [1, "Quận Ba Đình", 5],
            [2, "Quận Hoàn Kiếm", 5],
          ],
        ),
      ),
    },
  ],
  invalid: [
    {
      name: "Cát Hải twice, An Lão gone (review item 9: mut.js B9=Cát Hải B10=Cát Hải)",
      rulebook,
      workbook: workbook(
        districtTable2024(all((rows) => rows.map((r, i) => (i === 1 ? [2, "Cát Hải", 1] : r)))),
      ),
      findings: [
        {
          messageId: "duplicate",
          cells: ["B7"],
          severity: "error",
          actual: "Cát Hải",
          fix: null,
          message: '"Cát Hải" đã có ở dòng 6',
        },
        {
          messageId: "missing",
          cells: ["A19"],
          severity: "warning",
          expected: "An Lão",
          fix: null,
          message: 'Bảng không có dòng "An Lão", một quận/huyện của Hải Phòng',
        },
      ],
    },
    {
      name: "Quận Ba Đình (Hà Nội) with 5 people in a Hải Phòng table (review item 9)",
      rulebook,
      workbook: workbook(districtTable2024(all((rows) => [...rows, [15, "Quận Ba Đình", 5]]))),
      findings: [
        {
          messageId: "foreign",
          cells: ["B19"],
          severity: "error",
          actual: "Quận Ba Đình",
          fix: null,
          message: ['"Quận Ba Đình" không phải quận/huyện của Hải Phòng', "14 đơn vị: An Dương, An Lão"],
        },
      ],
    },
    {
      name: "a tone mark changes the name: Kiên An is not Kiến An",
      rulebook,
      workbook: workbook(
        districtTable2024(all((rows) => rows.map((r, i) => (i === 7 ? [8, "Kiên An", 1] : r)))),
      ),
      findings: [
        { messageId: "foreign", cells: ["B12"], actual: "Kiên An" },
        { messageId: "missing", cells: ["A19"], severity: "warning", expected: "Kiến An" },
      ],
    },
    {
      name: "in English",
      rulebook,
      locale: "en",
      workbook: workbook(
        districtTable2024(all((rows) => rows.map((r, i) => (i === 1 ? [2, "Cát Hải", 1] : r)))),
      ),
      findings: [
        { messageId: "duplicate", message: '"Cát Hải" is already listed on row 6' },
        {
          messageId: "missing",
          severity: "warning",
          message: 'no row for "An Lão", a unit (district) of "Hải Phòng"',
        },
      ],
    },
  ],
});

describe("unitKey", () => {
  it.each([
    ["Thuỷ Nguyên", "Thủy Nguyên"],
    ["Quận Lê Chân", "Lê Chân"],
    ["Huyện  Vĩnh Bảo", "vĩnh bảo"],
    ["KIẾN THỤY", "Kiến Thuỵ"],
  ])("%s is %s", (a, b) => expect(unitKey(a)).toBe(unitKey(b)));
  it.each([
    ["Kiên An", "Kiến An"],
    ["Lê Chân", "Lệ Chân"],
  ])("%s is not %s", (a, b) => expect(unitKey(a)).not.toBe(unitKey(b)));
});
