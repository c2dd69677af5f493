/** Nothing unrecognised passes: a sheet that looks like an appendix but cannot be read is an error. */
import { unreadableTable } from "../../src/engine/rules/unreadable-table";
import { seed2022AsPrinted } from "../fixtures/seed2022";
import { seed2023AsPrinted } from "../fixtures/seed2023";
import { seedBdtxAsPrinted } from "../fixtures/seedBdtx";
import { cost2026 } from "../helpers/rows";
import { ruleTester } from "../helpers/rule-tester";
import { costSheet, workbook } from "../helpers/sheets";
import type { SheetSnapshot } from "../../src/engine/snapshot";

ruleTester(unreadableTable, {
  valid: [
    { name: "a readable cost appendix", workbook: workbook(costSheet(2026, [cost2026.cds])) },
    {
      name: "a cover page is listed as skipped, not an error",
      workbook: workbook(costSheet(2026, [cost2026.cds]), {
        name: "Bìa",
        values: [["UBND THÀNH PHỐ HẢI PHÒNG"], ["KẾ HOẠCH"], ["Đào tạo, bồi dưỡng đội ngũ năm 2026"]],
      }),
    },
    {
      name: "a chart sheet (no cells) and a notes sheet",
      workbook: workbook(
        costSheet(2026, [cost2026.cds]),
        { name: "Biểu đồ", values: [] },
        { name: "Ghi nhớ", values: [["Danh bạ"], ["Nguyễn Văn A", "0912 345 678"]] },
      ),
    },
    {
      name: "the checker's own results sheet",
      workbook: workbook(costSheet(2026, [cost2026.cds]), {
        name: "Kết quả kiểm tra",
        values: [["KẾT QUẢ KIỂM TRA PHỤ LỤC"], ["STT", "Trang tính", "Ô"]],
      }),
    },
    {
      name: "seed 000 (levels and counts as text)",
      workbook: seed2023AsPrinted(),
      rulebook: "hai-phong-2023",
    },
    { name: "seed 002 (cost lines and duties)", workbook: seed2022AsPrinted(), rulebook: "hai-phong-2022" },
    { name: "seed 004 (a BDTX list)", workbook: seedBdtxAsPrinted(), rulebook: "binh-phuoc-bdtx-2023-2024" },
  ],
  invalid: [
    {
      name: "a PHỤ LỤC whose header has no column the checker knows",
      workbook: workbook({
        name: "PL11",
        values: [["PHỤ LỤC 11"], ["KINH PHÍ KHÁC NĂM 2026"], [], ["Mục", "Số tiền"], ["A", 5]],
      }),
      findings: [
        {
          messageId: "noHeader",
          sheet: "PL11",
          cells: ["A1"],
          actual: "PHỤ LỤC 11",
          message: ['Trang này trông như một phụ lục ("PHỤ LỤC 11")', "không tìm thấy dòng tiêu đề cột"],
          subject: { detail: "unreadable|header" },
        },
      ],
    },
    {
      name: "a KINH PHÍ table with a TT column and nothing else to read",
      workbook: workbook({
        name: "Sheet3",
        values: [["DỰ TOÁN KINH PHÍ NĂM 2026"], ["STT", "Việc", "Tiền"], [1, "In ấn", 5]],
      }),
      findings: [
        {
          messageId: "noHeader",
          cells: ["A1"],
          actual: "DỰ TOÁN KINH PHÍ NĂM 2026",
          subject: { detail: "unreadable|header" },
        },
      ],
    },
    {
      name: "a header with TT, Nội dung and Thành tiền but no levels: which kind of appendix?",
      workbook: workbook({
        name: "PL12",
        values: [["PHỤ LỤC 12"], ["TT", "Nội dung", "Thành tiền"], [1, "Hội nghị sơ kết", 5]],
      }),
      findings: [
        {
          messageId: "noKind",
          cells: ["A1"],
          message: ["TT, Nội dung, Thành tiền", "thiếu cột để biết là phụ lục gì"],
          subject: { detail: "unreadable|kind" },
        },
      ],
    },
    {
      name: "a DANH SÁCH without the name column, in English",
      locale: "en",
      workbook: workbook({
        name: "DS",
        values: [["DANH SÁCH GIÁO VIÊN ĐĂNG KÝ"], ["STT", "Đơn vị", "Ghi chú"], [1, "THCS Lê Lợi", ""]],
      }),
      findings: [
        {
          messageId: "noHeader",
          message: 'This sheet looks like an appendix ("DANH SÁCH GIÁO VIÊN ĐĂNG KÝ")',
          subject: { detail: "unreadable|header" },
        },
      ],
    },
    {
      name: "a level header over figures that is not understood is named (review item 1)",
      workbook: workbook(relabel(costSheet(2026, [cost2026.cds]), 2, "Mầm non (xyz)")),
      findings: [
        {
          messageId: "unknownColumn",
          cells: ["C4"],
          actual: "Mầm non (xyz)",
          fix: null,
          message: ['Cột "Mầm non (xyz)" (C4)', "Mầm non, Tiểu học"],
        },
      ],
    },
    {
      name: "a second column of one level (Nhà trẻ, then Mẫu giáo) is named, not dropped",
      workbook: workbook(relabel(relabel(costSheet(2026, [cost2026.cds]), 2, "Nhà trẻ"), 3, "Mẫu giáo")),
      rulebook: (rb) => ({
        ...rb,
        levels: rb.levels.map((l) =>
          l.id === "MN" ? { ...l, aliases: [...(l.aliases ?? []), "Nhà trẻ"] } : l,
        ),
      }),
      findings: [
        { messageId: "repeatedLevel", cells: ["D4"], actual: "Mẫu giáo", message: "đã đọc ở cột C" },
      ],
    },
  ],
});

/** The sheet with header cell `col` (0-based) of its header row (row 4) typed otherwise. */
function relabel(sheet: SheetSnapshot, col: number, text: string): SheetSnapshot {
  const values = sheet.values.map((r) => [...r]);
  values[3][col] = text;
  return { ...sheet, values };
}
