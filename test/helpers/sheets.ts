/**
 * Compact builders for appendix sheets in rule tests: a table is written as rows of cells in
 * column order, laid out as finance officers lay them out (title lines, unit line, header).
 *
 * Cost sheet columns: A TT | B Nội dung | C MN | D TH | E THCS | F THPT | G GDTX | H GDNN |
 * I Đơn giá/người | J Thành tiền | K Ghi chú. The first data row is sheet row 5.
 * Task sheet columns: A TT | B Nội dung | C–H levels | I Hình thức | J Chủ trì | K Phối hợp,
 * two header rows; the first data row is sheet row 6.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";
import { ASSIGNMENT_HEADER_2022 } from "../fixtures/seed2022";

export type Row = CellValue[];

/** The six level columns of a cost appendix's header, as offices print them. */
export const LEVEL_HEADER = ["Mầm non", "Tiểu học", "THCS", "THPT", "GDTX", "GDNN"];

/** The header row of a cost appendix (Nội dung column as given). */
export const costHeader = (content = "Nội dung đào tạo, bồi dưỡng"): string[] => [
  "TT",
  content,
  ...LEVEL_HEADER,
  "Đơn giá/người",
  "Thành tiền",
  "Ghi chú",
];

/** The first header row of a task appendix (the levels are under "Số lượng dự kiến"). */
export const taskHeader = (lineBreak = "\n"): (string | null)[] => [
  "TT",
  "Nội dung",
  "Số lượng dự kiến",
  null,
  null,
  null,
  null,
  null,
  "Hình thức thực hiện",
  `Đơn vị${lineBreak}chủ trì`,
  `Đơn vị${lineBreak}phối hợp`,
];

/** The header of the checker's results sheet, in Vietnamese. */
export const REPORT_HEADER = [
  "STT",
  "Trang tính",
  "Ô",
  "Mức độ",
  "Quy tắc",
  "Nội dung",
  "Đúng là",
  "Đang ghi",
  "Sửa thành",
  "Trạng thái",
];

export function costSheet(
  year: number,
  rows: Row[],
  opts: { name?: string; unit?: string | null; appendix?: number } = {},
): SheetSnapshot {
  const unit = opts.unit === undefined ? "Đơn vị tính: triệu đồng" : opts.unit;
  return {
    name: opts.name ?? `KP ${year}`,
    values: [
      [`PHỤ LỤC ${opts.appendix ?? 6}`],
      [`KINH PHÍ ĐÀO TẠO, BỒI DƯỠNG ĐỘI NGŨ NĂM ${year}`],
      unit ? [null, null, null, null, null, null, null, null, null, unit] : [],
      costHeader(),
      ...rows,
    ],
    merges: ["A1:K1", "A2:K2"],
  };
}

/** A cost line: 10 preschool teachers at 2 a head, its amount (J) `amount`, wrong unless 20. */
export function costLineOf(label: string, amount: number): Row {
  return ["1", label, 10, null, null, null, null, null, 2, amount];
}

export function taskSheet(
  year: number,
  rows: Row[],
  opts: { name?: string; appendix?: number } = {},
): SheetSnapshot {
  return {
    name: opts.name ?? `NV ${year}`,
    values: [
      [`PHỤ LỤC ${opts.appendix ?? 1}`],
      [`TỔNG HỢP CÁC NỘI DUNG NHIỆM VỤ KẾ HOẠCH NĂM ${year}`],
      [" (Kèm theo Kế hoạch số           /KH-UBND ngày     tháng     năm 2025)"],
      taskHeader("\n\n"),
      [null, null, "MN", "TH", "THCS", "THPT", "GDTX", "GDNN"],
      ...rows,
    ],
    merges: ["A1:K1", "A2:K2", "A3:K3", "C4:H4", "A4:A5", "B4:B5", "I4:I5", "J4:J5", "K4:K5"],
  };
}

export function summarySheet(rows: Row[], opts: { name?: string; words?: string } = {}): SheetSnapshot {
  return {
    name: opts.name ?? "Tổng hợp",
    values: [
      ["TỔNG HỢP KINH PHÍ ĐÀO TẠO, BỒI DƯỠNG GIAI ĐOẠN 2026 - 2030"],
      [null, null, "Đơn vị tính: triệu đồng"],
      ["TT", "Năm", "Kinh phí", "Ghi chú"],
      ...rows,
      ...(opts.words ? [[`Bằng chữ: ${opts.words}`]] : []),
    ],
  };
}

export function registrationSheet(
  title: string[],
  header: string[],
  rows: Row[],
  name = "DK",
): SheetSnapshot {
  return { name, values: [...title.map((t) => [t]), header, ...rows] };
}

/** Phụ lục 2 of the 2024 plan (primary-school teachers, CĐ–ĐH by district): title, header, `rows` from row 5. */
export function districtTable2024(rows: Row[]): SheetSnapshot {
  return registrationSheet(
    ["PHỤ LỤC 2", "SỐ LƯỢNG CBQL, GV TIỂU HỌC", "ĐĂNG KÝ ĐÀO TẠO NÂNG CHUẨN NĂM 2024"],
    ["STT", "Quận/huyện", "Trình độ đào tạo CĐ- ĐH", "Ghi chú"],
    rows,
  );
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

/**
 * Phụ lục I of the 2023 plan (seed 000) with the given lines: levels as text in "Cấp học" (C),
 * head-counts as text in "Số lượng dự kiến" (E); the first line is sheet row 6.
 * Columns: A TT | B Nội dung | C Cấp học | D Thời gian | E Số lượng dự kiến | F Hình thức | G Chủ trì | H Phối hợp.
 */
export function textTaskSheet2023(rows: Row[], name = "PL I NV 2023"): SheetSnapshot {
  return {
    name,
    values: [
      ["PHỤ LỤC I"],
      ["TỔNG HỢP CÁC NỘI DUNG NHIỆM VỤ KẾ HOẠCH NĂM 2023"],
      [" (Kèm theo Kế hoạch số:       /KH-SGDĐT ngày      tháng     năm 2023)"],
      [],
      [
        "TT",
        "Nội dung",
        "Cấp học",
        "Thời gian thực hiện dự kiến",
        "Số lượng dự kiến",
        "Hình thức thực hiện",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
      ],
      ...rows,
    ],
  };
}

/** A 2023 cost appendix typed like seed 000: levels in "Cấp học", head-counts in one "Số lượng" column. */
export function textCostSheet2023(rows: Row[]): SheetSnapshot {
  return {
    name: "KP 2023",
    values: [
      ["PHỤ LỤC II"],
      ["KINH PHÍ ĐÀO TẠO, BỒI DƯỠNG NĂM 2023"],
      [null, null, null, null, null, "Đơn vị tính: đồng"],
      ["TT", "Nội dung", "Cấp học", "Số lượng", "Đơn giá/người", "Thành tiền"],
      ...rows,
    ],
  };
}

/** Seed 000's cost line of the counselling course (TH, THCS, THPT): `people` at 1 000 000 đ each. */
export function tuVanCost2023(people: number, tt = "1"): Row {
  return [
    tt,
    "Bồi dưỡng giáo viên phổ thông, GDTX công tác tư vấn tâm lý cho học sinh",
    "TH, THCS, THPT",
    people,
    1_000_000,
    people * 1_000_000,
  ];
}

/** Seed 000's cost line of the upgrade: its head-counts as one text, 8 775 000 đ each. */
export function upgradeCost2023(
  counts = "MN: 234; TH: 100; THCS: 54",
  amount = 3_404_700_000,
  tt = "2",
): Row {
  return [
    tt,
    "Đào tạo nâng chuẩn trình độ CBQL, GV mầm non, phổ thông",
    "MN, TH, THCS",
    counts,
    8_775_000,
    amount,
  ];
}

/** An appendix of duties as the 2022 plan prints them (Phụ lục I: Chi tiết phân công thực hiện nhiệm vụ). */
export function dutiesSheet2022(lines: Row[]): SheetSnapshot {
  return {
    name: "PL I",
    values: [
      ["PHỤ LỤC I"],
      ["CHI TIẾT PHÂN CÔNG THỰC HIỆN NHIỆM VỤ"],
      [],
      [...ASSIGNMENT_HEADER_2022],
      ...lines,
    ],
  };
}

/**
 * A 2025 duties appendix whose "Cấp học" column names no level ("Toàn ngành"): a plan no rulebook
 * can be drafted from (dean-rulebook infer's "no level recognised").
 */
export function dutiesWithoutLevels2025(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: "PL1",
        values: [
          ["NHIỆM VỤ ĐÀO TẠO, BỒI DƯỠNG NĂM 2025"],
          [],
          ["TT", "Nội dung", "Cấp học", "Hình thức thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp"],
          [1, "Công tác truyền thông", "Toàn ngành", "Trực tiếp", "Sở GDĐT", "Các trường"],
          [2, "Rà soát nhu cầu", "Toàn ngành", "Trực tuyến", "Sở GDĐT", "Các trường"],
        ],
      },
    ],
  };
}
