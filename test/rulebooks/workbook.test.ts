/**
 * The rulebook workbook: how it looks (its sheets, drop-down lists, input checks) and what it
 * says when a cell is wrong — sheet and cell, plain Vietnamese ("Nội dung & đơn giá!D7: đơn giá
 * phải là một số") — and a rulebook kept inside a checked workbook.
 */
import { checkWorkbook } from "../../src/engine/check";
import { phrase } from "../../src/engine/i18n";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { RulebookError } from "../../src/engine/rulebook/load";
import { checkPrepared, prepareCheck } from "../../src/engine/rulebook/select";
import {
  findRulebookSheets,
  PART_HEAD,
  RULEBOOK_SHEETS,
  rulebookFromWorkbook,
  rulebookTemplate,
  SHEET_ORDER,
} from "../../src/engine/rulebook/workbook";
import type { CellValue, WorkbookSnapshot } from "../../src/engine/snapshot";
import { templateSnapshot } from "../../src/engine/templates/build";
import { seed2024AsPrinted } from "../fixtures/seed2024";
import { builtinCandidates } from "../../src/cli/rulebook-arg";

const snapshotOf = (id = "hai-phong-2026-2030") => templateSnapshot(rulebookTemplate(builtinRulebook(id)));

/** The snapshot with one cell changed (A1 address on the named sheet). */
function edit(wb: WorkbookSnapshot, sheet: string, address: string, value: CellValue): WorkbookSnapshot {
  const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  return {
    sheets: wb.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const values = s.values.map((r) => [...r]);
      while (values.length <= row) values.push([]);
      while (values[row].length <= col) values[row].push(null);
      values[row][col] = value;
      return { ...s, values };
    }),
  };
}

function problems(wb: WorkbookSnapshot, locale: "vi" | "en" = "vi"): string[] {
  try {
    rulebookFromWorkbook(wb, { locale });
  } catch (e) {
    expect(e).toBeInstanceOf(RulebookError);
    return (e as RulebookError).problems;
  }
  throw new Error("the rulebook was accepted");
}

const COURSES = RULEBOOK_SHEETS.courses.name;
const INFO = RULEBOOK_SHEETS.info.name;

describe("the rulebook workbook", () => {
  it("has its sheets in the official look, with drop-down lists and number checks", () => {
    const t = rulebookTemplate(builtinRulebook());
    expect(t.sheets.map((s) => s.name)).toEqual([
      "Thông tin chung",
      "Cấp học",
      "Nội dung & đơn giá",
      "Nhóm đối tượng",
      "Số người chi tiết",
      "Đơn vị hành chính",
      "Mức độ quy tắc",
    ]);
    const courses = t.sheets[2];
    expect(courses.rows[0][0]).toMatchObject({ value: "SỔ QUY TẮC — NỘI DUNG VÀ ĐƠN GIÁ", style: "title" });
    // TT | Nội dung | Năm | Đơn giá: mỗi người … as a cost appendix prints, the first line in row 7.
    expect(courses.rows[4].slice(0, 4).map((c) => c?.value)).toEqual([
      "TT",
      "Nội dung",
      "Năm",
      "Đơn giá (đồng) và tín chỉ",
    ]);
    expect(courses.rows[6].slice(0, 4).map((c) => c?.value)).toEqual([
      1,
      builtinRulebook().courses[0].name,
      2026,
      2_000_000,
    ]);
    const lists = courses.validations
      .filter((v) => v.type === "list")
      .map((v) => v.type === "list" && v.list);
    expect(lists).toContainEqual(["Đào tạo nâng chuẩn", "Bồi dưỡng", "Nhóm (tiêu đề)"]);
    expect(lists).toContainEqual(["GV", "CBQL", "CBGV"]);
    // Upgrades go up: TC-ĐH, CĐ-ĐH…, never ĐH-CĐ, CĐ-CĐ or ĐH-ĐH (review item 14).
    expect(lists).toContainEqual(["TC-CĐ", "TC-ĐH", "TC-ThS", "CĐ-ĐH", "CĐ-ThS", "ĐH-ThS"]);
    expect(courses.validations).toContainEqual(
      expect.objectContaining({ type: "decimal", range: "D7:D54", min: 0 }),
    );
    expect(courses.validations).toContainEqual(
      expect.objectContaining({ type: "whole", range: "C7:C54", min: 1990, max: 2100 }),
    );
    expect(t.sheets[0].validations).toContainEqual(
      expect.objectContaining({ type: "list", list: ["đồng", "nghìn đồng", "triệu đồng"] }),
    );
  });

  it("a blank rulebook lists what is missing, each at its cell: thiếu mã sổ quy tắc …", () => {
    expect(problems(templateSnapshot(rulebookTemplate()))).toEqual([
      "Thông tin chung!B7: thiếu mã sổ quy tắc",
      "Thông tin chung!B8: thiếu tên kế hoạch",
      "Thông tin chung!B9: thiếu tỉnh, thành phố",
      "Thông tin chung!B11: thiếu các năm của kế hoạch",
      "Nội dung & đơn giá!B7: danh sách nội dung cần ít nhất 1 mục",
    ]);
  });

  it.each<[string, string, string, CellValue, string]>([
    [
      "a price that is not a number",
      COURSES,
      "D7",
      "hai triệu",
      'Nội dung & đơn giá!D7: đơn giá phải là một số, không phải "hai triệu"',
    ],
    [
      "a year outside the plan",
      COURSES,
      "C7",
      2031,
      "Nội dung & đơn giá!C7: Năm 2031 không thuộc các năm của kế hoạch",
    ],
    [
      "a kind not in the list",
      COURSES,
      "V7",
      "Tập huấn",
      'Nội dung & đơn giá!V7: loại nội dung phải là một trong: Đào tạo nâng chuẩn, Bồi dưỡng, Nhóm (tiêu đề) (đang ghi "Tập huấn")',
    ],
    [
      "an eligible level that does not exist",
      COURSES,
      "X7",
      "MN, TH, DH",
      'Nội dung & đơn giá!X7: Cấp học "DH" không có trong danh sách cấp học',
    ],
    ["a negative quota", COURSES, "H7", -4, "Nội dung & đơn giá!H7: định mức người/trường phải lớn hơn 0"],
    [
      "a school count in words",
      "Cấp học",
      "E6",
      "năm trăm",
      'Cấp học!E6: số trường phải là một số, không phải "năm trăm"',
    ],
    ["a blank rulebook id", INFO, "B7", null, "Thông tin chung!B7: thiếu mã sổ quy tắc"],
    [
      "an id with spaces",
      INFO,
      "B7",
      "hai phong",
      'Thông tin chung!B7: mã sổ quy tắc chỉ gồm chữ không dấu, số, "-" và "_", bắt đầu bằng chữ hoặc số (đang ghi "hai phong")',
    ],
    [
      "a unit not in the list",
      INFO,
      "B12",
      "tỷ đồng",
      'Thông tin chung!B12: đơn vị tính mặc định phải là một trong: đồng, nghìn đồng, triệu đồng (đang ghi "tỷ đồng")',
    ],
  ])("%s: the message points at the sheet and cell", (_n, sheet, cell, value, message) => {
    expect(problems(edit(snapshotOf(), sheet, cell, value))).toContain(message);
  });

  it("gives every field of the schema a place: the parts of a line, target groups, head-count over several levels, timing, form and units", () => {
    const t = rulebookTemplate(builtinRulebook("hai-phong-2023"));
    const courses = t.sheets[2];
    // Per year, after the fixed head-counts: the total over several levels, then what the task appendix states.
    expect(courses.rows[4].slice(13, 17).map((c) => c?.value)).toEqual([
      "Tổng số người (nhiều cấp học)",
      "Thành tiền khoán (đồng)",
      "Ghi chú",
      "Thực hiện (như phụ lục nhiệm vụ ghi)",
    ]);
    expect(courses.rows[5].slice(16, 20).map((c) => c?.value)).toEqual([
      "Thời gian",
      "Hình thức",
      "Đơn vị chủ trì",
      "Đơn vị phối hợp",
    ]);
    // "Bồi dưỡng … tư vấn tâm lý": 448 over TH, THCS, THPT, GDTX.
    expect(courses.rows[9][13]?.value).toBe(448);
    expect(courses.validations).toContainEqual(
      expect.objectContaining({ type: "whole", range: "N7:N19", min: 0 }),
    );
    const [groups, parts] = [t.sheets[3], t.sheets[4]];
    expect(groups.rows[0][0]?.value).toBe("SỔ QUY TẮC — NHÓM ĐỐI TƯỢNG CỦA NỘI DUNG");
    expect(groups.rows[5].slice(1, 4).map((c) => c?.value)).toEqual(["khtn", "A", "Đối tượng A"]);
    expect(parts.rows[4].map((c) => c?.value)).toEqual([...PART_HEAD]);
    // "MN CL: 34", "MNNCL: 200" of seed 000, one part a row.
    expect(parts.rows[5].map((c) => c?.value)).toEqual([1, "nang-chuan", 2023, "MN", "Công lập", null, 34]);
    expect(parts.rows[7].map((c) => c?.value)).toEqual([3, "khtn", 2023, null, null, "A", 477]);
    // Drop-downs take their items from the other sheets, so that a level or content added there is offered.
    expect(parts.validations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ range: "B6:B19", source: "'Nội dung & đơn giá'!$AA$7:$AA$219" }),
        expect.objectContaining({ range: "D6:D19", source: "'Cấp học'!$B$6:$B$20" }),
        expect.objectContaining({ range: "E6:E19", list: ["Công lập", "Ngoài công lập"] }),
        expect.objectContaining({ range: "F6:F19", source: "'Nhóm đối tượng'!$C$6:$C$17" }),
        expect.objectContaining({ type: "whole", range: "G6:G19", min: 0 }),
      ]),
    );
    expect(groups.validations).toContainEqual(
      expect.objectContaining({ range: "B6:B17", source: "'Nội dung & đơn giá'!$AA$7:$AA$219" }),
    );
  });

  const PARTS = RULEBOOK_SHEETS.parts.name;
  const GROUPS = RULEBOOK_SHEETS.groups.name;
  it.each<[string, string, string, CellValue, string]>([
    [
      "a part of a content that does not exist",
      PARTS,
      "B6",
      "nang-chuan-2",
      'Số người chi tiết!B6: không có nội dung mã "nang-chuan-2" ở trang "Nội dung & đơn giá"',
    ],
    [
      "a part of a year the content does not have",
      PARTS,
      "C6",
      2024,
      'Số người chi tiết!C6: nội dung "nang-chuan" không có dòng năm 2024 ở trang "Nội dung & đơn giá"',
    ],
    [
      "a part of a level that does not exist",
      PARTS,
      "D6",
      "NT",
      'Số người chi tiết!D6: Cấp học "NT" không có trong danh sách cấp học',
    ],
    [
      "a part's sector not in the list",
      PARTS,
      "E6",
      "Tư thục",
      'Số người chi tiết!E6: loại hình trường phải là một trong: Công lập, Ngoài công lập (đang ghi "Tư thục")',
    ],
    [
      "a part of a group the content does not define",
      PARTS,
      "F8",
      "C",
      'Số người chi tiết!F8: Nội dung "khtn" không có đối tượng "C" (khai báo trong groups)',
    ],
    [
      "a part's head-count in words",
      PARTS,
      "G6",
      "ba mươi tư",
      'Số người chi tiết!G6: số người phải là một số, không phải "ba mươi tư"',
    ],
    [
      "a group of a content that does not exist",
      GROUPS,
      "B6",
      "khoa-hoc",
      'Nhóm đối tượng!B6: không có nội dung mã "khoa-hoc" ở trang "Nội dung & đơn giá"',
    ],
    [
      "a head-count over several levels in words",
      COURSES,
      "N10",
      "bốn trăm",
      'Nội dung & đơn giá!N10: tổng số người phải là một số, không phải "bốn trăm"',
    ],
  ])("%s: the message points at the sheet and cell", (_n, sheet, cell, value, message) => {
    expect(problems(edit(snapshotOf("hai-phong-2023"), sheet, cell, value))).toContain(message);
  });

  it("speaks English when asked", () => {
    expect(problems(edit(snapshotOf(), COURSES, "D7", "hai triệu"), "en")).toContain(
      'Nội dung & đơn giá!D7: unit price must be a number, not "hai triệu"',
    );
  });

  it("reads numbers and months as departments type them", () => {
    let wb = edit(snapshotOf(), COURSES, "D7", "2.000.000");
    wb = edit(wb, INFO, "B21", { date: "2020-07-01" }); // Excel made a date of "07/2020"
    const rb = rulebookFromWorkbook(wb)?.rulebook;
    expect(rb?.courses[0].offerings[0].price).toBe(2_000_000);
    expect(rb?.upgrade?.from).toBe("2020-07");
    expect(
      rulebookFromWorkbook(edit(snapshotOf(), COURSES, "D7", "2 triệu"))?.rulebook.courses[0].offerings[0]
        .price,
    ).toBe(2_000_000);
  });

  it("a content's later year that contradicts its first row is pointed at", () => {
    // STEM: 2026 on row 11, 2027 on row 12 under it; give the 2027 row another kind.
    expect(problems(edit(snapshotOf(), COURSES, "V12", "Đào tạo nâng chuẩn"))).toEqual([
      "Nội dung & đơn giá!V12: loại nội dung khác với dòng trên của cùng nội dung (Nội dung & đơn giá!V11)",
    ]);
  });

  it("is found by the sheets' titles, whatever the sheets are called", () => {
    const wb = snapshotOf();
    const renamed = { sheets: wb.sheets.map((s) => ({ ...s, name: `${s.name} (2)` })) };
    // Every sheet of the template (the provenance is a draft's only).
    expect([...findRulebookSheets(renamed).keys()]).toEqual(SHEET_ORDER.filter((k) => k !== "provenance"));
    expect(rulebookFromWorkbook(renamed)?.rulebook).toEqual(builtinRulebook());
    expect(findRulebookSheets(seed2024AsPrinted()).size).toBe(0);
  });

  it("says which sheet is missing", () => {
    const wb = snapshotOf();
    const partial = { sheets: wb.sheets.filter((s) => s.name !== "Cấp học") };
    expect(() => rulebookFromWorkbook(partial)).toThrow(
      'Sổ quy tắc trong sổ tính thiếu trang "Cấp học" (tiêu đề "SỔ QUY TẮC — CẤP HỌC VÀ SỐ TRƯỜNG").',
    );
  });
});

describe("a rulebook sheet inside the checked workbook", () => {
  const registrations = seed2024AsPrinted();
  const withRulebook = (id: string): WorkbookSnapshot => ({
    sheets: [...registrations.sheets, ...templateSnapshot(rulebookTemplate(builtinRulebook(id))).sheets],
  });

  it("is used when present (chosenBy saved), and its sheets are not checked as appendices", () => {
    const p = prepareCheck(withRulebook("hai-phong-2024"), { candidates: builtinCandidates() });
    if (!p.ok) throw new Error(p.error);
    expect(p.used.chosenBy).toBe("saved");
    expect(p.used.reason).toBe('sổ quy tắc để trong sổ tính (trang "Thông tin chung")');
    const { findings, workbook } = checkPrepared(p, {});
    const plain = checkWorkbook(registrations, { rulebook: builtinRulebook("hai-phong-2024") });
    expect(findings).toEqual(plain.findings);
    expect(workbook.tables.map((t) => t.sheet)).toEqual(registrations.sheets.map((s) => s.name));
    expect(workbook.skipped.map((s) => [s.sheet, phrase(s.reason, "vi")])).toEqual(
      p.rulebookSheets.map((s) => [s, "trang của sổ quy tắc, không phải phụ lục"]),
    );
  });

  it("wins over the automatic choice, even of another plan's years", () => {
    const p = prepareCheck(withRulebook("hai-phong-2026-2030"), { candidates: builtinCandidates() });
    expect(p.ok && p.used.rulebook.id).toBe("hai-phong-2026-2030");
  });

  it("a rulebook named by the user decides, and the workbook's own is said to be unused", () => {
    const p = prepareCheck(withRulebook("hai-phong-2026-2030"), {
      candidates: builtinCandidates(),
      named: {
        candidate: { rulebook: builtinRulebook("hai-phong-2024"), origin: { kind: "builtin" } },
        chosenBy: "option",
        reason: "chọn bằng --rules",
      },
    });
    expect(p.ok && [p.used.rulebook.id, p.used.chosenBy, p.used.reason]).toEqual([
      "hai-phong-2024",
      "option",
      'chọn bằng --rules (sổ tính có sổ quy tắc riêng (trang "Thông tin chung"), không dùng)',
    ]);
  });

  it("an invalid one makes the workbook one that cannot be checked, pointing at the cell", () => {
    const wb = edit(withRulebook("hai-phong-2024"), COURSES, "D7", "hai triệu");
    const p = prepareCheck(wb, { candidates: builtinCandidates() });
    expect(p).toEqual({
      ok: false,
      error:
        'Sổ quy tắc không hợp lệ (1 lỗi): Nội dung & đơn giá!D7: đơn giá phải là một số, không phải "hai triệu"',
    });
  });
});
