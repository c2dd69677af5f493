/** Lines of the 2026–2030 plan as the seed prints them, for building small rule-test tables. */
import type { CellValue } from "../../src/engine/snapshot";
import type { Row } from "./sheets";

const CDS = "Chuyển đổi số và ưng dụng  toàn diện trí tuệ nhân tạo (AI) trong dạy và học";
const AIQT = "Tích hợp AI trong quản trị nhà trường\n cho đội ngũ CBQL MN, phổ thông";
export const STEM = "Thiết kế và triển khai giáo dục STEM/STEAM";
export const TCDH = "Đào tạo nâng trình độ chuẩn GV MN, TH từ TC lên ĐH (tổng số 85 tín chỉ)";
export const CDDH = "Đào tạo nâng trình độ chuẩn GV TH, THCS  từ CĐ lên ĐH (tổng số 60 tín chỉ)";
export const HN = "Bồi dưỡng về giáo dục hướng nghiệp, khởi nghiệp sáng tạo và gắn kết thị trường lao động";
export const KHAC = "Các nội dung bồi dưỡng khác theo yêu cầu nhiệm vụ (nếu có)";
const NVSP = "- Bồi dưỡng nghiệp vụ sư phạm";
const CCKN = "- Bồi dưỡng Chứng chỉ kỹ năng thực hành nghề…";

/** PL6 (2026) cost lines, as printed. */
export const cost2026 = {
  cds: ["1", CDS, 2384, 1748, 1704, 516, 52, 100, 2, 13008, "4 GV/trường"] as Row,
  aiqt: ["2", AIQT, 596, 437, 426, 129, 13, 50, 2, 3302, "Hiệu trưởng"] as Row,
  stem: ["5", STEM, 1192, 874, 852, 258, 26, null, 2, 6404, "2CBQ,GV/trường"] as Row,
  tcdh: ["6", TCDH, 89, 10, null, null, null, null, 13.26, 1313, "442.000đ/tín chỉ x 30 tín chỉ"] as Row,
  cddh: ["7", CDDH, null, 344, 197, null, null, null, 12, 6492, "400.000đ/tín chỉ x 30 tín chỉ"] as Row,
  khac: ["8", KHAC],
  nvsp: [null, NVSP, null, null, null, null, null, 100, 3, 300] as Row,
  cckn: [null, CCKN, null, null, null, null, null, 100, 10, 1000] as Row,
};

/** The level head-counts (MN, TH, THCS, THPT, GDTX, GDNN) of the 2026 task line "Tích hợp AI…". */
const TASK_COUNTS_2026 = [596, 437, 426, 129, 13, 50];

/** A 2026 task line: its number, its content, those head-counts, then what follows (form, lead…). */
export const taskLine2026 = (tt: string, content: string | null, ...after: CellValue[]): Row => [
  tt,
  content,
  ...TASK_COUNTS_2026,
  ...after,
];

/** A total row for a cost table summing the given rows under the 2026–2030 convention. */
export function costTotal(rows: Row[], upgradeRows: Row[] = []): Row {
  const t: Row = [null, "Tổng số:"];
  for (let c = 2; c <= 7; c++) {
    t[c] = rows
      .filter((r) => !upgradeRows.includes(r))
      .reduce((s: number, r) => s + (typeof r[c] === "number" ? (r[c] as number) : 0), 0);
  }
  const exact = rows.reduce((s: number, r) => {
    const n = [2, 3, 4, 5, 6, 7].reduce((a: number, c) => a + (typeof r[c] === "number" ? r[c] : 0), 0);
    return s + (typeof r[8] === "number" ? n * r[8] : 0);
  }, 0);
  t[8] = null;
  t[9] = Math.round(exact);
  return t;
}
