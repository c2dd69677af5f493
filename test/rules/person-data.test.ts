/**
 * person-data: the data of each person can be trusted — one row per person (across lists too),
 * real birth dates written day/month/year, working ages, required cells filled. Rulebook of seed
 * 001 (hai-phong-2024): ages are taken in 07/2020, the reference month of the upgrade duty.
 */
import { personData } from "../../src/engine/rules/person-data";
import { born, customList, person, personList, listOf } from "../helpers/people";
import { ruleTester } from "../helpers/rule-tester";
import { workbook } from "../helpers/sheets";

const rulebook = "hai-phong-2024";
/** A list without a gender column: ages are judged without the retirement date. */
const noGender = (rows: [string, unknown][]) =>
  customList(
    "DANH SÁCH GIÁO VIÊN ĐĂNG KÝ ĐÀO TẠO NÂNG TRÌNH ĐỘ CHUẨN NĂM 2024",
    ["STT", "Họ và tên", "Ngày sinh", "Cấp học", "Trình độ hiện tại"],
    rows.map(([name, birth], i) => [i + 1, name, birth as never, "Tiểu học", "Cao đẳng"]),
  );

ruleTester(personData, {
  valid: [
    {
      name: "two people, every cell filled",
      rulebook,
      workbook: listOf({}, { name: "Trần Văn Bình", gender: "Nam", birth: born(1984, 2, 1) }),
    },
    {
      name: "the same name born on another day, or in another list under another name",
      rulebook,
      workbook: workbook(
        personList([person(), person({ birth: born(1985, 3, 13) }), person({ birth: born(1986, 3, 12) })]),
        personList([person({ name: "Nguyễn Thị Lân" })], "DS bổ sung"),
      ),
    },
    {
      name: "names that differ only in their tone marks are two people (Lan, Lân)",
      rulebook,
      workbook: listOf({}, { name: "Nguyễn Thị Lân" }),
    },
    {
      name: "a name typed without tone marks and another person born the same day are two people",
      rulebook,
      workbook: listOf({ name: "Tran Van Binh", gender: "Nam" }, {}),
    },
    {
      name: "a bồi dưỡng list does not ask for level and qualification",
      rulebook,
      workbook: listOf({ programme: "Bồi dưỡng công tác tư vấn cho học sinh", level: "", qualification: "" }),
    },
    {
      name: "a list without a gender column is not asked for one",
      rulebook,
      workbook: workbook(noGender([["Nguyễn Thị Lan", born(1985, 3, 12)]])),
    },
    {
      name: "working age from 18 to 70 in 07/2020 (born 07/2002, 07/1950)",
      rulebook,
      workbook: workbook(
        noGender([
          ["Nguyễn Thị Lan", born(2002, 7, 1)],
          ["Trần Văn Bình", born(1950, 7, 1)],
        ]),
      ),
    },
    {
      name: "a woman born 06/1955 retired 06/2010, 120 months before 07/2020: still in a plausible list",
      rulebook,
      workbook: listOf({ birth: born(1955, 6, 1) }),
    },
  ],
  invalid: [
    {
      name: "the same person twice in a list",
      rulebook,
      workbook: listOf({}, { name: "Trần Văn Bình", gender: "Nam" }, { school: "TH Kiến An" }),
      findings: [
        {
          messageId: "duplicate",
          cells: ["B7"],
          expected: null,
          actual: "Nguyễn Thị Lan",
          message: "Nguyễn Thị Lan (dòng 7) trùng với dòng 5: cùng họ tên và ngày sinh.",
          subject: { detail: "dup|Nguyễn Thị Lan|1985-03-12" },
        },
      ],
    },
    {
      name: "the same person in two lists, once in capitals, once typed without tone marks",
      rulebook,
      workbook: workbook(
        personList([person()]),
        personList([person({ name: "NGUYỄN THỊ LAN" }), person({ name: "Nguyen Thi Lan" })], "DS bổ sung"),
      ),
      findings: [
        {
          messageId: "duplicate",
          sheet: "DS bổ sung",
          cells: ["B5"],
          message: "trùng với DS 2024, dòng 5",
          subject: { detail: "dup|NGUYỄN THỊ LAN|1985-03-12" },
        },
        {
          messageId: "duplicate",
          sheet: "DS bổ sung",
          cells: ["B6"],
          message: "trùng với DS 2024, dòng 5",
          subject: { detail: "dup|Nguyen Thi Lan|1985-03-12" },
        },
      ],
    },
    {
      name: "a name typed without tone marks after Lan and Lân of the same birth date: the first of them",
      rulebook,
      workbook: listOf({}, { name: "Nguyễn Thị Lân" }, { name: "Nguyen Thi Lan" }),
      findings: [
        { messageId: "duplicate", cells: ["B7"], message: "Nguyen Thi Lan (dòng 7) trùng với dòng 5" },
      ],
    },
    {
      name: "typed without tone marks first, then with them: the second row is the duplicate",
      rulebook,
      workbook: listOf({ name: "Nguyen Thi Lan" }, {}),
      findings: [
        { messageId: "duplicate", cells: ["B6"], message: "Nguyễn Thị Lan (dòng 6) trùng với dòng 5" },
      ],
    },
    {
      name: "impossible dates and a date in US order",
      rulebook,
      workbook: listOf(
        { birth: "30/02/1980" },
        { name: "Trần Văn Bình", gender: "Nam", birth: "12/25/1985" },
      ),
      findings: [
        {
          messageId: "date",
          cells: ["C5"],
          expected: null,
          actual: "30/02/1980",
          message: [
            'Nguyễn Thị Lan (dòng 5): ngày sinh "30/02/1980" không đọc được:',
            "(tháng 2 năm 1980 chỉ có 29 ngày)",
          ],
          subject: { detail: "Nguyễn Thị Lan|30/02/1980" },
        },
        {
          messageId: "date",
          cells: ["C6"],
          actual: "12/25/1985",
          message: "ngày/tháng/năm",
          subject: { detail: "Trần Văn Bình|12/25/1985" },
        },
      ],
    },
    {
      name: "a birth date typed as text is read day/month/year and said so",
      rulebook,
      workbook: listOf({ birth: "05/12/1988" }, { name: "Trần Văn Bình", gender: "Nam", birth: "1/3/84" }),
      findings: [
        {
          messageId: "dateText",
          cells: ["C5"],
          severity: "info",
          expected: "05/12/1988",
          actual: "05/12/1988",
          message: 'ngày sinh ghi dạng chữ "05/12/1988", đã đọc là 05/12/1988 (ngày/tháng/năm).',
          subject: { detail: "text|Nguyễn Thị Lan|05/12/1988" },
        },
        {
          messageId: "dateText",
          cells: ["C6"],
          severity: "info",
          expected: "01/03/1984",
          message: '(ngày/tháng/năm); năm viết tắt "84" được hiểu là 1984.',
          subject: { detail: "text|Trần Văn Bình|1/3/84" },
        },
      ],
    },
    {
      name: "outside working age in 07/2020: 17 (born 08/2002), 71 (born 06/1949)",
      rulebook,
      workbook: workbook(
        noGender([
          ["Nguyễn Thị Lan", born(2002, 8, 1)],
          ["Trần Văn Bình", born(1949, 6, 1)],
        ]),
      ),
      findings: [
        {
          messageId: "age",
          cells: ["C5"],
          severity: "warning",
          expected: null,
          actual: "01/08/2002",
          message: "Nguyễn Thị Lan (dòng 5): sinh 01/08/2002, 17 tuổi vào 07/2020: ngoài độ tuổi lao động.",
          subject: { detail: "age|Nguyễn Thị Lan|2002-08-01" },
        },
        {
          messageId: "age",
          cells: ["C6"],
          severity: "warning",
          actual: "01/06/1949",
          message: "71 tuổi vào 07/2020",
          subject: { detail: "age|Trần Văn Bình|1949-06-01" },
        },
      ],
    },
    {
      name: "a woman born 05/1955 retired 05/2010, more than ten years before 07/2020",
      rulebook,
      workbook: listOf({ birth: born(1955, 5, 1) }),
      findings: [
        { messageId: "age", severity: "warning", actual: "01/05/1955", message: "65 tuổi vào 07/2020" },
      ],
    },
    {
      name: "a plan without an upgrade duty takes ages in January of its first year (born 02/2006: 17 in 01/2024)",
      rulebook: { id: rulebook, edit: (rb) => ({ ...rb, upgrade: undefined }) },
      workbook: listOf({ birth: born(2006, 2, 1) }),
      findings: [
        { messageId: "age", severity: "warning", actual: "01/02/2006", message: "17 tuổi vào 01/2024" },
      ],
    },
    {
      name: "blank cells: gender and birth date in any list, level and qualification in an upgrade list",
      rulebook,
      workbook: listOf(
        { gender: "", birth: null },
        { name: "Trần Văn Bình", gender: "Nam", level: "", qualification: "" },
      ),
      findings: [
        {
          messageId: "blank",
          cells: ["C5"],
          severity: "warning",
          message: "Nguyễn Thị Lan (dòng 5): chưa ghi Ngày sinh.",
          subject: { detail: "blank-birth|Nguyễn Thị Lan|" },
        },
        {
          messageId: "blank",
          cells: ["D5"],
          severity: "warning",
          message: "chưa ghi Giới tính",
          subject: { detail: "blank-gender|Nguyễn Thị Lan|" },
        },
        {
          messageId: "blank",
          cells: ["G6"],
          severity: "warning",
          message: "chưa ghi Cấp học",
          subject: { detail: "blank-level|Trần Văn Bình|1985-03-12" },
        },
        {
          messageId: "blank",
          cells: ["I6"],
          severity: "warning",
          message: "chưa ghi Trình độ",
          subject: { detail: "blank-qualification|Trần Văn Bình|1985-03-12" },
        },
      ],
    },
    {
      name: "in English",
      rulebook,
      locale: "en",
      workbook: listOf({ gender: "" }, {}),
      findings: [
        {
          messageId: "blank",
          cells: ["D5"],
          severity: "warning",
          message: "Nguyễn Thị Lan (row 5): Gender is blank.",
        },
        { messageId: "duplicate", cells: ["B6"], message: "Nguyễn Thị Lan (row 6) duplicates row 5" },
      ],
    },
  ],
});
