/**
 * programme-fit: the upgrade programme fits the person — the qualification it starts from, the
 * levels it is for, public or non-public schools (2024 plan: TC-ĐH for public preschools, TC-CĐ
 * for non-public ones, CĐ-ĐH for TH and THCS). Rulebook of seed 001 (hai-phong-2024).
 */
import { programmeFit } from "../../src/engine/rules/programme-fit";
import { listOf } from "../helpers/people";
import { ruleTester } from "../helpers/rule-tester";

const rulebook = "hai-phong-2024";
const MN = { level: "Mầm non", qualification: "Trung cấp", school: "Trường MN An Lão" };

ruleTester(programmeFit, {
  valid: [
    {
      name: "each programme with the people it is for",
      rulebook,
      workbook: listOf(
        { ...MN, programme: "TC-ĐH", sector: "Công lập" },
        { ...MN, name: "Vũ Thị Mai", programme: "TC-CĐ", sector: "Ngoài công lập" },
        { name: "Đỗ Thị Hà" },
        { name: "Lê Văn Hùng", gender: "Nam", level: "THCS" },
        { name: "Bùi Thị Nga", level: "Tiểu học", qualification: "Trung cấp", programme: "TC-ĐH" },
      ),
    },
    {
      name: "no duty or already at the standard: upgrade-eligibility's finding, not this rule's",
      rulebook,
      workbook: listOf(
        { level: "THPT", qualification: "Trung cấp" },
        {
          ...MN,
          name: "Vũ Thị Mai",
          qualification: "Cao đẳng",
          programme: "TC-ĐH",
          sector: "Ngoài công lập",
        },
      ),
    },
    {
      name: "a programme the rulebook does not know, and a bồi dưỡng course",
      rulebook,
      workbook: listOf(
        { programme: "Khóa học bơi" },
        { name: "Vũ Thị Mai", level: "THPT", programme: "Bồi dưỡng công tác tư vấn cho học sinh" },
      ),
    },
    {
      name: "a blank qualification is person-data's to report: the programme is not judged by it",
      rulebook,
      workbook: listOf({ qualification: "" }),
    },
    {
      name: "the school's sector not given",
      rulebook,
      workbook: listOf({ ...MN, programme: "TC-CĐ", sector: "" }),
    },
    {
      name: "a rulebook without upgrade duties still checks the programme: here it fits",
      rulebook: { id: rulebook, edit: (rb) => ({ ...rb, upgrade: undefined }) },
      workbook: listOf({}),
    },
  ],
  invalid: [
    {
      name: "a TH teacher holding trung cấp in CĐ–ĐH",
      rulebook,
      workbook: listOf({ qualification: "Trung cấp" }),
      findings: [
        {
          messageId: "from",
          cells: ["K5", "I5"],
          expected: null,
          actual: "CĐ-ĐH",
          message:
            'Nguyễn Thị Lan (dòng 5): chương trình "CĐ-ĐH" dành cho người có trình độ cao đẳng, người này có trình độ trung cấp.',
          subject: { course: "cd-dh", detail: "Nguyễn Thị Lan|1985-03-12" },
        },
      ],
    },
    {
      name: "a THCS teacher holding trung cấp in TC–CĐ (MN only) and in TC–ĐH (MN, TH)",
      rulebook,
      workbook: listOf(
        { level: "THCS", qualification: "Trung cấp", programme: "TC-CĐ", sector: "Ngoài công lập" },
        { name: "Vũ Thị Mai", level: "THCS", qualification: "Trung cấp", programme: "TC-ĐH" },
      ),
      findings: [
        {
          messageId: "level",
          cells: ["K5", "G5"],
          expected: null,
          actual: "TC-CĐ",
          message: 'chương trình "TC-CĐ" không dành cho cấp Trung học cơ sở (chỉ cho MN).',
        },
        {
          messageId: "level",
          cells: ["K6", "G6"],
          expected: null,
          actual: "TC-ĐH",
          message: "(chỉ cho MN, TH)",
        },
      ],
    },
    {
      name: "TC–ĐH at a non-public preschool, TC–CĐ at a public one",
      rulebook,
      workbook: listOf(
        { ...MN, programme: "TC-ĐH", sector: "Ngoài công lập" },
        { ...MN, name: "Vũ Thị Mai", programme: "TC-CĐ", sector: "Công lập" },
      ),
      findings: [
        {
          messageId: "sector",
          cells: ["K5", "H5"],
          expected: null,
          actual: "TC-ĐH",
          message: 'chương trình "TC-ĐH" dành cho trường công lập, người này ở trường ngoài công lập.',
        },
        {
          messageId: "sector",
          cells: ["K6", "H6"],
          expected: null,
          actual: "TC-CĐ",
          message: "dành cho trường ngoài công lập, người này ở trường công lập",
        },
      ],
    },
    {
      name: "one finding a person, the qualification first, then the level, then the sector",
      rulebook,
      workbook: listOf(
        { level: "THCS", qualification: "Cao đẳng", programme: "TC-ĐH", sector: "Ngoài công lập" },
        {
          name: "Vũ Thị Mai",
          level: "THCS",
          qualification: "Trung cấp",
          programme: "TC-ĐH",
          sector: "Ngoài công lập",
        },
      ),
      findings: [
        { messageId: "from", cells: ["K5", "I5"], expected: null, actual: "TC-ĐH" },
        { messageId: "level", cells: ["K6", "G6"], actual: "TC-ĐH" },
      ],
    },
    {
      name: "a rulebook without upgrade duties: a THPT teacher in CĐ–ĐH does not fit its levels",
      rulebook: { id: rulebook, edit: (rb) => ({ ...rb, upgrade: undefined }) },
      workbook: listOf({ level: "THPT" }),
      findings: [{ messageId: "level", expected: null, actual: "CĐ-ĐH" }],
    },
    {
      name: "a public preschool's teacher in TC–CĐ, her birth date left blank: the programme is judged all the same",
      rulebook,
      workbook: listOf({ ...MN, name: "Vũ Thị Mai", programme: "TC-CĐ", sector: "Công lập", birth: null }),
      findings: [
        {
          messageId: "sector",
          cells: ["K5", "H5"],
          actual: "TC-CĐ",
          subject: { course: "tc-cd", detail: "Vũ Thị Mai|" },
        },
      ],
    },
    {
      name: "in English",
      rulebook,
      locale: "en",
      workbook: listOf({ qualification: "Trung cấp" }),
      findings: [
        {
          messageId: "from",
          message:
            'Nguyễn Thị Lan (row 5): "CĐ-ĐH" is for people holding college degree; this person holds intermediate diploma',
        },
      ],
    },
  ],
});
