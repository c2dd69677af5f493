/**
 * upgrade-eligibility: only people the law obliges to upgrade belong in an upgrade list (a level
 * with the duty, below its standard, 84 months of service left from 07/2020, 96 for TH teachers
 * holding trung cấp; retirement by Decree 135). Rulebook of seed 001 (hai-phong-2024).
 */
import { upgradeEligibility } from "../../src/engine/rules/upgrade-eligibility";
import { born, customList, listOf } from "../helpers/people";
import { ruleTester } from "../helpers/rule-tester";
import { workbook } from "../helpers/sheets";

const rulebook = "hai-phong-2024";
const MN_TC = {
  level: "Mầm non",
  qualification: "Trung cấp",
  programme: "TC-ĐH",
  school: "Trường MN An Lão",
};
const TH_TC = { level: "Tiểu học", qualification: "Trung cấp", programme: "TC-ĐH" };

ruleTester(upgradeEligibility, {
  valid: [
    {
      name: "a TH teacher holding cao đẳng, born 1985, in CĐ–ĐH",
      rulebook,
      workbook: listOf({}),
    },
    {
      name: "MN holding trung cấp, a man born 09/1965: retires 09/2027, exactly 84 months left",
      rulebook,
      workbook: listOf({ ...MN_TC, name: "Trần Văn Bình", gender: "Nam", birth: born(1965, 9, 20) }),
    },
    {
      name: "TH holding trung cấp, a man born 06/1966: exactly 96 months left",
      rulebook,
      workbook: listOf({ ...TH_TC, name: "Trần Văn Bình", gender: "Nam", birth: born(1966, 6, 1) }),
    },
    {
      name: "a bồi dưỡng course's list is no upgrade list: a THPT teacher holding đại học is fine",
      rulebook,
      workbook: listOf({
        level: "THPT",
        qualification: "Đại học",
        programme: "Bồi dưỡng công tác tư vấn cho học sinh",
      }),
    },
    {
      name: "a blank qualification is person-data's to report, not a person at the standard",
      rulebook,
      workbook: listOf({ qualification: "" }),
    },
    {
      name: "without a gender the months left cannot be told (person-data asks for it)",
      rulebook,
      workbook: listOf({ ...MN_TC, name: "Trần Văn Bình", gender: "", birth: born(1960, 1) }),
    },
    {
      name: "a rulebook without upgrade duties judges nobody",
      rulebook: { id: rulebook, edit: (rb) => ({ ...rb, upgrade: undefined }) },
      workbook: listOf({ level: "THPT" }),
    },
    {
      name: "a list titled for training that is no upgrade, without a programme column",
      rulebook,
      workbook: workbook(
        customList(
          "DANH SÁCH GIÁO VIÊN THAM GIA BỒI DƯỠNG NĂM 2024",
          ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Cấp học", "Trình độ hiện tại"],
          [[1, "Phạm Văn Cường", born(1980, 5), "Nam", "THPT", "Thạc sĩ"]],
        ),
      ),
    },
  ],
  invalid: [
    {
      name: "a THPT teacher in the CĐ–ĐH list: THPT has no upgrade duty",
      rulebook,
      workbook: listOf({}, { name: "Lê Văn Hùng", gender: "Nam", level: "THPT" }),
      findings: [
        {
          messageId: "level",
          cells: ["G6"],
          expected: null,
          actual: "THPT",
          message: "Lê Văn Hùng (dòng 6): cấp Trung học phổ thông không có nghĩa vụ nâng trình độ chuẩn.",
          // What an acceptance remembers: this person (not the row), at this level.
          subject: { detail: "Lê Văn Hùng|1985-03-12", level: "THPT" },
        },
      ],
    },
    {
      name: "MN holding cao đẳng in TC–CĐ: already at the standard of MN",
      rulebook,
      workbook: listOf({ ...MN_TC, programme: "TC-CĐ", sector: "Ngoài công lập", qualification: "Cao đẳng" }),
      findings: [
        {
          messageId: "standard",
          cells: ["I5"],
          actual: "Cao đẳng",
          expected: null,
          message: "đã đạt chuẩn (cao đẳng; chuẩn của cấp Mầm non là cao đẳng)",
          subject: { detail: "Nguyễn Thị Lan|1985-03-12", level: "MN" },
        },
      ],
    },
    {
      name: "above the standard: MN holding đại học, TH holding thạc sĩ",
      rulebook,
      workbook: listOf(
        { ...MN_TC, qualification: "Đại học" },
        { name: "Đỗ Thị Hà", qualification: "Thạc sĩ" },
      ),
      findings: [
        {
          messageId: "standard",
          cells: ["I5"],
          actual: "Đại học",
          message: "(đại học; chuẩn của cấp Mầm non là cao đẳng)",
        },
        {
          messageId: "standard",
          cells: ["I6"],
          actual: "Thạc sĩ",
          message: "(thạc sĩ; chuẩn của cấp Tiểu học là đại học)",
        },
      ],
    },
    {
      name: "MN, a man born 07/1965: retires 04/2027, 82 months left < 84",
      rulebook,
      workbook: listOf({ ...MN_TC, name: "Trần Văn Bình", gender: "Nam", birth: born(1965, 7, 10) }),
      findings: [
        {
          messageId: "months",
          cells: ["C5"],
          expected: null,
          actual: "10/07/1965",
          message:
            "Trần Văn Bình (dòng 5): nghỉ hưu 04/2027, còn 82 tháng < 84 tính từ 07/2020: không thuộc đối tượng phải nâng chuẩn.",
          subject: { detail: "Trần Văn Bình|1965-07-10" },
        },
      ],
    },
    {
      name: "TH holding trung cấp, a man born 05/1966: 95 months left < 96",
      rulebook,
      workbook: listOf({ ...TH_TC, name: "Trần Văn Bình", gender: "Nam", birth: born(1966, 5, 2) }),
      findings: [
        {
          messageId: "months",
          cells: ["C5"],
          expected: null,
          actual: "02/05/1966",
          message: "còn 95 tháng < 96",
        },
      ],
    },
    {
      name: "a woman holding cao đẳng in TH, born 06/1967: retires 06/2023 (56 years), 36 months left",
      rulebook,
      workbook: listOf({ birth: born(1967, 6, 1) }),
      findings: [
        {
          messageId: "months",
          cells: ["C5"],
          expected: null,
          actual: "01/06/1967",
          message: "nghỉ hưu 06/2023",
        },
      ],
    },
    {
      name: "an upgrade list known by its title (no programme column): THPT and at-standard people",
      rulebook,
      workbook: workbook(
        customList(
          "DANH SÁCH GIÁO VIÊN ĐĂNG KÝ ĐÀO TẠO NÂNG TRÌNH ĐỘ CHUẨN NĂM 2024",
          ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Cấp học", "Trình độ hiện tại"],
          [
            [1, "Phạm Văn Cường", born(1980, 5), "Nam", "THPT", "Cao đẳng"],
            [2, "Vũ Thị Mai", born(1982, 6), "Nữ", "THCS", "Đại học"],
          ],
        ),
      ),
      findings: [
        { messageId: "level", cells: ["E5"], actual: "THPT" },
        { messageId: "standard", cells: ["F6"], actual: "Đại học" },
      ],
    },
    {
      name: "a THPT teacher whose birth date is left blank: the level is said all the same",
      rulebook,
      workbook: listOf({ name: "Lê Văn Hùng", gender: "Nam", level: "THPT", birth: null }),
      findings: [
        {
          messageId: "level",
          cells: ["G5"],
          actual: "THPT",
          subject: { detail: "Lê Văn Hùng|", level: "THPT" },
        },
      ],
    },
    {
      name: "a THCS teacher holding đại học whose birth date is left blank: already at the standard",
      rulebook,
      workbook: listOf({ name: "Vũ Thị Mai", level: "THCS", qualification: "Đại học", birth: null }),
      findings: [
        {
          messageId: "standard",
          cells: ["I5"],
          actual: "Đại học",
          subject: { detail: "Vũ Thị Mai|", level: "THCS" },
        },
      ],
    },
    {
      name: "in English",
      rulebook,
      locale: "en",
      workbook: listOf({ level: "THPT" }),
      findings: [{ messageId: "level", message: "Nguyễn Thị Lan (row 5): level" }],
    },
  ],
});
