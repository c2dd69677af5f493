/**
 * Writes out/danh-sach-20000.xlsx for the manual test with real Excel (docs/manual-test.md): a
 * per-person registration list of 20 000 rows of Vietnamese text (names, schools, long notes), one
 * row in ten with an impossible birth date, so that reading, marking, the report and the notes
 * carry megabytes of UTF-8 through Excel on the web's 5 MB limit.
 *
 *   npx tsx scripts/make-manual-workbook.ts [rows]
 */
import { mkdirSync } from "node:fs";
import ExcelJS from "exceljs";
import { PEOPLE_HEADER } from "../test/fixtures/people";

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
const MIDDLE = ["Thị", "Văn", "Thị Thu", "Đức", "Thị Hồng", "Quốc", "Thị Ngọc", "Minh"];
const GIVEN = ["Hường", "Nhung", "Dũng", "Phương", "Tuấn", "Hạnh", "Quỳnh", "Thắng", "Yến", "Long"];
const DISTRICTS = ["An Dương", "Kiến Thụy", "Thủy Nguyên", "Tiên Lãng", "Vĩnh Bảo", "An Lão", "Cát Hải"];
const LEVELS: [string, string, string][] = [
  ["MN", "Trường Mầm non", "TC - ĐH"],
  ["TH", "Trường Tiểu học", "CĐ - ĐH"],
  ["THCS", "Trường Trung học cơ sở", "CĐ - ĐH"],
];

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 20_000);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh sách 2024");
  ws.addRow(["PHỤ LỤC"]);
  ws.addRow(["DANH SÁCH CBQL, GV ĐĂNG KÝ ĐÀO TẠO NÂNG CHUẨN NĂM 2024"]);
  ws.addRow([]);
  ws.addRow([...PEOPLE_HEADER, "Ghi chú"]);
  for (let i = 0; i < rows; i++) {
    const [level, school, programme] = LEVELS[i % LEVELS.length];
    const district = DISTRICTS[i % DISTRICTS.length];
    const female = i % 3 !== 1;
    const name = `${FAMILY[i % FAMILY.length]} ${female ? MIDDLE[(i * 3) % MIDDLE.length] : "Văn"} ${GIVEN[(i * 7) % GIVEN.length]}`;
    const born =
      i % 10 === 9
        ? "31/02/1985"
        : `${String((i % 28) + 1).padStart(2, "0")}/${String((i % 12) + 1).padStart(2, "0")}/${1978 + (i % 20)}`;
    ws.addRow([
      i + 1,
      name,
      born,
      female ? "Nữ" : "Nam",
      `${school} ${district} số ${(i % 40) + 1}`,
      district,
      level,
      "Công lập",
      programme.startsWith("TC") ? "Trung cấp" : "Cao đẳng",
      "Giáo viên",
      programme,
      `Đã được Phòng Giáo dục và Đào tạo huyện ${district} xác nhận đủ điều kiện theo Nghị định 71/2020/NĐ-CP; hồ sơ gửi kèm bản sao bằng tốt nghiệp và quyết định tuyển dụng.`,
    ]);
  }
  mkdirSync("out", { recursive: true });
  const file = `out/danh-sach-${rows}.xlsx`;
  await wb.xlsx.writeFile(file);
  process.stdout.write(`${file}\n`);
}

void main();
