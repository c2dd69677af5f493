/**
 * count-chain: people listed per programme and district = the district table (Phụ lục 2 of the
 * 2024 plan: primary-school teachers registered for CĐ–ĐH, column C); the table's total = the
 * plan's head-count (71 for CĐ–ĐH in TH). Rulebook of seed 001 (hai-phong-2024).
 */
import { countChain } from "../../src/engine/rules/count-chain";
import { person, personList, type Person } from "../helpers/people";
import { ruleTester } from "../helpers/rule-tester";
import { districtTable2024, registrationSheet, workbook, type Row } from "../helpers/sheets";

const rulebook = "hai-phong-2024";
const CDDH = 'Đào tạo từ cao đẳng lên đại học (CĐ-ĐH)" (Tiểu học)';
/** n primary-school teachers of `area` registered for CĐ–ĐH. */
const listed = (area: string, n: number, level = "Tiểu học") =>
  Array.from({ length: n }, (_v, i) => person({ name: `${area} ${level} ${i + 1}`, area, level }));

/** The 2024 district table with `rows` and, when given, the list of `people` it is compared with. */
const chain = (rows: Row[], people?: Person[]) =>
  workbook(districtTable2024(rows), ...(people ? [personList(people)] : []));

ruleTester(countChain, {
  valid: [
    {
      name: "the list and the table agree district by district (no total row: the plan is not judged)",
      rulebook,
      workbook: chain(
        [
          [1, "An Lão", 2],
          [2, "Kiến An", 1],
        ],
        [...listed("An Lão", 2), ...listed("Kiến An", 1)],
      ),
    },
    {
      name: "districts typed without tone marks or in capitals, a district with 0 and nobody listed",
      rulebook,
      workbook: chain(
        [
          [1, "AN LÃO", 1],
          [2, "Kiến An", 0],
        ],
        listed("An Lao", 1),
      ),
    },
    {
      name: "THCS teachers in CĐ–ĐH do not count in the TH table",
      rulebook,
      workbook: chain([[1, "An Lão", 1]], [...listed("An Lão", 1), ...listed("An Lão", 2, "THCS")]),
    },
    {
      name: "a teacher whose district is blank, or who names no programme, is counted in no district (person-data asks for the blank)",
      rulebook,
      workbook: chain(
        [[1, "An Lão", 1]],
        [
          ...listed("An Lão", 1),
          person({ name: "Trần Văn Nam", area: "" }),
          person({ name: "Phạm Thị Hoa", programme: "" }),
        ],
      ),
    },
    {
      name: "a table no list registers people for: its total is the plan's 71",
      rulebook,
      workbook: chain([
        [1, "An Lão", 70],
        [2, "Kiến An", 1],
        ["Tổng số:", null, 71],
      ]),
    },
    {
      name: "a programme with no count in the plan for the table's year",
      rulebook: {
        id: rulebook,
        edit: (rb) => ({ ...rb, courses: rb.courses.map((c) => ({ ...c, offerings: [] })) }),
      },
      workbook: chain([
        [1, "An Lão", 5],
        ["Tổng số:", null, 5],
      ]),
    },
  ],
  invalid: [
    {
      name: "the table counts one more than the list in An Lão",
      rulebook,
      workbook: chain(
        [
          [1, "An Lão", 3],
          [2, "Kiến An", 1],
        ],
        [...listed("An Lão", 2), ...listed("Kiến An", 1)],
      ),
      findings: [
        {
          messageId: "area",
          cells: ["C5"],
          expected: 2,
          actual: 3,
          message: `An Lão: danh sách có 2 người "${CDDH}, bảng đăng ký ghi 3 (chênh 1).`,
          subject: { course: "cd-dh", level: "TH", detail: "area|an lao" },
        },
      ],
    },
    {
      name: "a district of the table with nobody in the list",
      rulebook,
      workbook: chain(
        [
          [1, "An Lão", 1],
          [2, "Kiến An", 2],
        ],
        listed("An Lão", 1),
      ),
      findings: [
        {
          messageId: "area",
          cells: ["C6"],
          expected: 0,
          actual: 2,
          message: "Kiến An: danh sách có 0 người",
          subject: { course: "cd-dh", level: "TH", detail: "area|kien an" },
        },
      ],
    },
    {
      name: "people listed under a district the table does not have: said on the table's total",
      rulebook,
      workbook: chain(
        [
          [1, "An Lão", 1],
          ["Tổng số:", null, 1],
        ],
        [...listed("An Lão", 1), ...listed("Hải An", 2)],
      ),
      findings: [
        {
          messageId: "missingRow",
          cells: ["C6"],
          expected: null,
          actual: "Hải An",
          message: `Hải An: danh sách có 2 người "Đào tạo từ cao đẳng lên đại học (CĐ-ĐH)", nhưng bảng đăng ký (DK) không có dòng này.`,
          subject: { course: "cd-dh", level: "TH", detail: "missing|hai an" },
        },
        {
          messageId: "plan",
          cells: ["C6"],
          expected: 71,
          actual: 1,
          subject: { course: "cd-dh", level: "TH", detail: "plan-count" },
        },
      ],
    },
    {
      name: "a district missing from a table without a total row: said on the column's header",
      rulebook,
      workbook: chain([[1, "An Lão", 1]], [...listed("An Lão", 1), ...listed("Hải An", 1)]),
      findings: [
        { messageId: "missingRow", cells: ["C4"], actual: "Hải An", message: "Hải An: danh sách có 1 người" },
      ],
    },
    {
      name: "the table's total departs from the plan's 71",
      rulebook,
      workbook: chain([
        [1, "An Lão", 69],
        [2, "Kiến An", 1],
        ["Tổng số:", null, 70],
      ]),
      findings: [
        {
          messageId: "plan",
          cells: ["C7"],
          expected: 71,
          actual: 70,
          message: `Tổng đăng ký "${CDDH} là 70, kế hoạch năm 2024 dự kiến 71 (chênh -1).`,
          subject: { course: "cd-dh", level: "TH", detail: "plan-count" },
        },
      ],
    },
    {
      name: "a table for no one level is held to the plan's count of every level (71 TH + 55 THCS)",
      rulebook,
      workbook: workbook(
        registrationSheet(
          ["PHỤ LỤC 5", "SỐ LƯỢNG GIÁO VIÊN ĐĂNG KÝ ĐÀO TẠO NÂNG CHUẨN NĂM 2024"],
          ["STT", "Quận/huyện", "Trình độ đào tạo CĐ- ĐH", "Ghi chú"],
          [[1, "An Lão", 125] as Row, ["Tổng số:", null, 125] as Row],
        ),
      ),
      findings: [
        {
          messageId: "plan",
          cells: ["C5"],
          expected: 126,
          actual: 125,
          message:
            'Tổng đăng ký "Đào tạo từ cao đẳng lên đại học (CĐ-ĐH)" là 125, kế hoạch năm 2024 dự kiến 126',
        },
      ],
    },
    {
      name: "in English",
      rulebook,
      locale: "en",
      workbook: chain([[1, "An Lão", 2]], listed("An Lão", 1)),
      findings: [{ messageId: "area", message: "An Lão: the list has 1 for" }],
    },
  ],
});
