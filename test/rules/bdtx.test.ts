/** BDTX (seed 004, Bình Phước 2023–2024): exempt when retiring within the school year; done = 3 modules of 40 periods. */
import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import type { CellValue } from "../../src/engine/snapshot";

const rulebook = builtinRulebook("binh-phuoc-bdtx-2023-2024");
const d = (y: number, m: number) => ({ date: `${y}-${String(m).padStart(2, "0")}-15` });

function list(
  rows: CellValue[][],
  header = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Cấp học", "Số mô đun hoàn thành"],
) {
  return {
    sheets: [
      {
        name: "BDTX",
        values: [["DANH SÁCH KẾT QUẢ BỒI DƯỠNG THƯỜNG XUYÊN NĂM HỌC 2023-2024"], [], header, ...rows],
      },
    ],
  };
}

it.each<[string, CellValue[], string | null]>([
  ["3 modules: done", [1, "Lê Văn An", d(1975, 3), "Nam", "THCS Tân Phú", "THCS", 3], null],
  [
    "2 modules: not done",
    [1, "Lê Văn An", d(1975, 3), "Nam", "THCS Tân Phú", "THCS", 2],
    "error chưa hoàn thành BDTX năm học 2023-2024: 2 mô đun < 3 mô đun",
  ],
  // Men reach 60y9m in 2023 and 61y in 2024; women 56y in 2023 and 56y4m in 2024 (Decree 135).
  [
    "man born 06/1962: retired 03/2023, before the school year",
    [1, "Trần Văn Bình", d(1962, 6), "Nam", "THPT Đồng Xoài", "THPT", 0],
    "error chưa hoàn thành",
  ],
  [
    "woman born 09/1967: retires 09/2023, exempt",
    [1, "Phạm Thị Cúc", d(1967, 9), "Nữ", "TH Tân Đồng", "TH", 0],
    "info được miễn BDTX năm học 2023-2024 (nghỉ hưu 09/2023)",
  ],
  [
    "man born 02/1963: retires 11/2023, exempt",
    [1, "Đỗ Văn Dũng", d(1963, 2), "Nam", "THCS Tiến Thành", "THCS", 1],
    "info được miễn BDTX năm học 2023-2024 (nghỉ hưu 11/2023)",
  ],
  [
    "man born 08/1963: retires 08/2024, last month of the year, exempt",
    [1, "Vũ Văn Em", d(1963, 8), "Nam", "THCS Tiến Thành", "THCS", 1],
    "info (nghỉ hưu 08/2024)",
  ],
  [
    "man born 09/1963: retires 09/2024, after the year",
    [1, "Vũ Văn Giang", d(1963, 9), "Nam", "THCS Tiến Thành", "THCS", 1],
    "error 1 mô đun < 3 mô đun",
  ],
])("%s", (_name, row, expected) => {
  const r = checkWorkbook(list([row]), { rulebook });
  const got = r.findings.filter((f) => f.rule === "bdtx").map((f) => `${f.severity} ${f.message}`);
  if (expected === null) expect(got).toEqual([]);
  else expect(got.join("\n")).toContain(expected.replace(/^(error|info) /, ""));
  if (expected) expect(got[0]?.startsWith(expected.split(" ")[0])).toBe(true);
});

it("counts periods when the list gives periods instead of modules", () => {
  const r = checkWorkbook(
    list(
      [[1, "Lê Văn An", d(1975, 3), "Nam", "THCS Tân Phú", "THCS", 80]],
      ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Cấp học", "Số tiết"],
    ),
    { rulebook },
  );
  expect(r.findings.filter((f) => f.rule === "bdtx").map((f) => f.message)).toEqual([
    expect.stringContaining("80 tiết < 120 tiết"),
  ]);
});
