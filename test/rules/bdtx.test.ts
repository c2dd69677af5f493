/**
 * BDTX (seed 004, Bình Phước 2023–2024): exempt when retiring within the school year (Decree
 * 135, to the month); reduced, never exempt nor incomplete, for maternity leave or an illness that
 * prevents travel; done = at least 3 modules and 40 periods per module. The list's own Kết quả and
 * Miễn/Giảm columns are read and contradicted where wrong.
 */
import { bdtx } from "../../src/engine/rules/bdtx";
import type { CellValue } from "../../src/engine/snapshot";
import { seedBdtxAsPrinted, seedBdtxCorrected, SEED_BDTX_INCONSISTENCIES } from "../fixtures/seedBdtx";
import { ruleTester, type InvalidCase } from "../helpers/rule-tester";

const RB = "binh-phuoc-bdtx-2023-2024";
const d = (y: number, m: number) => ({ date: `${y}-${String(m).padStart(2, "0")}-15` });
const MODULES = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Cấp học", "Số mô đun hoàn thành"];
const FULL = [...MODULES, "Số tiết", "Miễn/Giảm", "Kết quả", "Ghi chú"];

function list(rows: CellValue[][], header: string[] = MODULES) {
  return {
    sheets: [
      {
        name: "BDTX",
        values: [["DANH SÁCH KẾT QUẢ BỒI DƯỠNG THƯỜNG XUYÊN NĂM HỌC 2023-2024"], [], header, ...rows],
      },
    ],
  };
}

/** One person of a full list (row 4): modules, periods, Miễn/Giảm, Kết quả, Ghi chú. */
const full = (
  name: string,
  birth: CellValue,
  gender: string,
  modules: number,
  periods: number,
  mark: string | null,
  result: string | null,
  remark: string | null = null,
) => list([[1, name, birth, gender, "THCS Tân Phú", "THCS", modules, periods, mark, result, remark]], FULL);

/** Lists with fewer columns than the seed's: no figures, only one status column, no periods. */
const STAFF = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Cấp học"];
const RESULT_ONLY = [...STAFF, "Kết quả"];
const MARK_ONLY = [...STAFF, "Miễn/Giảm"];
const MODULES_RESULT = [...MODULES, "Kết quả"];
const PERIODS = [...STAFF, "Số tiết"];
const PERIODS_RESULT = [...PERIODS, "Kết quả"];

/** A case of a one-person modules-only list (row 4) judged by the BDTX rulebook, with its one finding. */
const onePerson = (name: string, row: CellValue[], finding: InvalidCase["findings"][0]): InvalidCase => ({
  name,
  workbook: list([row]),
  rulebook: RB,
  findings: [finding],
});

const printed: InvalidCase = {
  name: "seed 004's list as printed: every mistake it carries",
  workbook: seedBdtxAsPrinted(),
  rulebook: RB,
  findings: [
    {
      messageId: "exemptUnfinished",
      cells: SEED_BDTX_INCONSISTENCIES[0].cells,
      subject: { detail: "exempt-unfinished|Đỗ Văn Dũng|20/02/1963" },
    },
    {
      messageId: "notExempt",
      cells: SEED_BDTX_INCONSISTENCIES[1].cells,
      message: "nghỉ hưu 06/2025",
      subject: { detail: "not-exempt|Phạm Văn Hải|08/03/1964" },
    },
    {
      messageId: "reducedNotExempt",
      cells: SEED_BDTX_INCONSISTENCIES[2].cells,
      fix: { cell: "I10", value: "Giảm" },
      subject: { detail: "reduced-not-exempt|Vũ Thị Lan|14/07/1992" },
    },
    {
      messageId: "statusContradicts",
      cells: SEED_BDTX_INCONSISTENCIES[3].cells,
      message: "100 tiết < 120 tiết",
      subject: { detail: "status|Bùi Văn Nam|30/01/1979" },
    },
    {
      messageId: "statusContradicts",
      cells: SEED_BDTX_INCONSISTENCIES[4].cells,
      message: "2 mô đun < 3 mô đun",
      subject: { detail: "status|Đặng Thị Oanh|11/11/1985" },
    },
    {
      messageId: "exemptUnfinished",
      cells: SEED_BDTX_INCONSISTENCIES[5].cells,
      subject: { detail: "exempt-unfinished|Phạm Thị Cúc|25/09/1967" },
    },
    {
      messageId: "exempt",
      severity: "info",
      message: "Vũ Văn Em",
      subject: { detail: "exempt|Vũ Văn Em|03/08/1963" },
    },
  ],
};

ruleTester(bdtx, {
  valid: [
    {
      name: "3 modules: done",
      workbook: list([[1, "Lê Văn An", d(1975, 3), "Nam", "THCS Tân Phú", "THCS", 3]]),
      rulebook: RB,
    },
    {
      name: "3 modules of 40 periods, Hoàn thành",
      workbook: full("Lê Văn An", d(1975, 3), "Nam", 3, 120, null, "Hoàn thành"),
      rulebook: RB,
    },
    {
      name: "maternity leave, reduced, 1 module: never incomplete",
      workbook: full("Vũ Thị Lan", d(1992, 7), "Nữ", 1, 40, "Giảm", "Hoàn thành", "Nghỉ thai sản"),
      rulebook: RB,
    },
    {
      name: "an illness that prevents travel noted without a mark: reduced",
      workbook: full("Hoàng Thị Mai", d(1988, 9), "Nữ", 2, 80, null, null, "Bệnh không đi lại được"),
      rulebook: RB,
    },
    {
      name: "unfinished, and the list says so",
      workbook: full("Ngô Thị Phương", d(1990, 4), "Nữ", 2, 80, null, "Chưa hoàn thành"),
      rulebook: RB,
    },
    {
      name: "a Hoàn thành that notes a module redone after chưa đạt is still done",
      workbook: full("Lê Văn An", d(1975, 3), "Nam", 3, 120, null, "Hoàn thành (đã học lại mô đun chưa đạt)"),
      rulebook: RB,
    },
    {
      name: "Giảm with no reason noted, 1 module: reduced, never incomplete",
      workbook: full("Ngô Thị Phương", d(1990, 4), "Nữ", 1, 40, "Giảm", null),
      rulebook: RB,
    },
    {
      name: "a staff list without BDTX columns: a teacher retiring in the year is not reported",
      workbook: list([[1, "Phạm Thị Cúc", d(1967, 9), "Nữ", "TH Tân Đồng", "TH"]], STAFF),
      rulebook: RB,
    },
    {
      name: "a BDTX list checked by a rulebook without a BDTX plan: nothing to say",
      workbook: list([[1, "Lê Văn An", d(1975, 3), "Nam", "THCS Tân Phú", "THCS", 2]]),
    },
    {
      name: "maternity leave noted only in Ghi chú ('Nghỉ sinh con'), 1 module: reduced, never incomplete",
      workbook: full("Vũ Thị Lan", d(1992, 7), "Nữ", 1, 40, null, null, "Nghỉ sinh con"),
      rulebook: RB,
    },
    {
      name: "Miễn for a teacher whose gender is blank: the retirement cannot be told, nothing said here",
      workbook: list([[1, "Lê Văn An", d(1975, 3), null, "THCS Tân Phú", "THCS", "Miễn"]], MARK_ONLY),
      rulebook: RB,
    },
    {
      name: "a dash in the modules column and Chưa hoàn thành: the figures say nothing more",
      workbook: list(
        [[1, "Ngô Thị Phương", d(1990, 4), "Nữ", "THCS Tân Phú", "THCS", "-", "Chưa hoàn thành"]],
        MODULES_RESULT,
      ),
      rulebook: RB,
    },
    {
      name: "periods only, exactly 120: done",
      workbook: list([[1, "Lê Văn An", d(1975, 3), "Nam", "THCS Tân Phú", "THCS", 120]], PERIODS),
      rulebook: RB,
    },
    {
      name: "unfinished typed 'ChưaHT' without its space, and the list says so",
      workbook: full("Ngô Thị Phương", d(1990, 4), "Nữ", 2, 80, null, "ChưaHT"),
      rulebook: RB,
    },
    {
      name: "'Được giảm' with no reason noted, 1 module: reduced as Giảm is, never incomplete",
      workbook: full("Ngô Thị Phương", d(1990, 4), "Nữ", 1, 40, "Được giảm", null),
      rulebook: RB,
    },
    {
      name: "'Đề nghị giảm' with maternity leave in Ghi chú, 1 module: reduced",
      workbook: full("Vũ Thị Lan", d(1992, 7), "Nữ", 1, 40, "Đề nghị giảm", null, "Nghỉ thai sản"),
      rulebook: RB,
    },
    {
      name: "man born 09/1963 retires 09/2024, after the year: required, and done",
      workbook: full("Vũ Văn Giang", d(1963, 9), "Nam", 3, 120, null, "Hoàn thành"),
      rulebook: RB,
    },
  ],
  invalid: [
    printed,
    {
      name: "seed 004's list corrected: no error, the three exemptions noted (English)",
      workbook: seedBdtxCorrected(),
      rulebook: RB,
      locale: "en",
      findings: [
        {
          messageId: "exempt",
          severity: "info",
          message: "Đỗ Văn Dũng (row 8): exempt from BDTX in 2023-2024 (retires 11/2023)",
          subject: { detail: "exempt|Đỗ Văn Dũng|20/02/1963" },
        },
        {
          messageId: "exempt",
          severity: "info",
          message: "retires 09/2023",
          subject: { detail: "exempt|Phạm Thị Cúc|25/09/1967" },
        },
        {
          messageId: "exempt",
          severity: "info",
          message: "retires 08/2024",
          subject: { detail: "exempt|Vũ Văn Em|03/08/1963" },
        },
      ],
    },
    onePerson("2 modules: not done", [1, "Lê Văn An", d(1975, 3), "Nam", "THCS Tân Phú", "THCS", 2], {
      messageId: "incomplete",
      cells: ["G4"],
      expected: 3,
      actual: 2,
      message: "chưa hoàn thành BDTX năm học 2023-2024: 2 mô đun < 3 mô đun",
      subject: { detail: "incomplete|Lê Văn An|1975-03-15" },
    }),
    onePerson(
      "man born 06/1962: retired 03/2023, before the school year, so not exempt",
      [1, "Trần Văn Bình", d(1962, 6), "Nam", "THPT Đồng Xoài", "THPT", 0],
      {
        messageId: "incomplete",
        cells: ["G4"],
        subject: { detail: "incomplete|Trần Văn Bình|1962-06-15" },
      },
    ),
    onePerson(
      "woman born 09/1967: retires 09/2023, exempt",
      [1, "Phạm Thị Cúc", d(1967, 9), "Nữ", "TH Tân Đồng", "TH", 0],
      {
        messageId: "exempt",
        severity: "info",
        cells: ["C4"],
        message: "được miễn BDTX năm học 2023-2024 (nghỉ hưu 09/2023)",
        subject: { detail: "exempt|Phạm Thị Cúc|1967-09-15" },
      },
    ),
    onePerson(
      "man born 02/1963: retires 11/2023, exempt",
      [1, "Đỗ Văn Dũng", d(1963, 2), "Nam", "THCS Tiến Thành", "THCS", 1],
      {
        messageId: "exempt",
        severity: "info",
        message: "(nghỉ hưu 11/2023)",
        subject: { detail: "exempt|Đỗ Văn Dũng|1963-02-15" },
      },
    ),
    onePerson(
      "man born 08/1963: retires 08/2024, the last month of the year, exempt",
      [1, "Vũ Văn Em", d(1963, 8), "Nam", "THCS Tiến Thành", "THCS", 1],
      {
        messageId: "exempt",
        severity: "info",
        message: "(nghỉ hưu 08/2024)",
        subject: { detail: "exempt|Vũ Văn Em|1963-08-15" },
      },
    ),
    onePerson(
      "man born 09/1963: retires 09/2024, after the year",
      [1, "Vũ Văn Giang", d(1963, 9), "Nam", "THCS Tiến Thành", "THCS", 1],
      {
        messageId: "incomplete",
        message: "1 mô đun < 3 mô đun",
        subject: { detail: "incomplete|Vũ Văn Giang|1963-09-15" },
      },
    ),
    {
      name: "periods when the list gives periods instead of modules",
      workbook: list(
        [[1, "Lê Văn An", d(1975, 3), "Nam", "THCS Tân Phú", "THCS", 80]],
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Cấp học", "Số tiết"],
      ),
      rulebook: RB,
      findings: [
        {
          messageId: "incomplete",
          expected: 120,
          actual: 80,
          message: "80 tiết < 120 tiết",
          subject: { detail: "incomplete|Lê Văn An|1975-03-15" },
        },
      ],
    },
    {
      name: "3 modules but 100 periods, no status: incomplete",
      workbook: full("Bùi Văn Nam", d(1979, 1), "Nam", 3, 100, null, null),
      rulebook: RB,
      findings: [
        {
          messageId: "incomplete",
          cells: ["H4"],
          expected: 120,
          actual: 100,
          subject: { detail: "incomplete|Bùi Văn Nam|1979-01-15" },
        },
      ],
    },
    {
      name: "retiring within the year, Miễn/Giảm left blank and 0 modules: listed as required",
      workbook: full("Phạm Thị Cúc", d(1967, 9), "Nữ", 0, 0, null, null),
      rulebook: RB,
      findings: [
        {
          messageId: "exemptUnfinished",
          cells: ["G4"],
          expected: "Miễn",
          actual: 0,
          message: "danh sách lại ghi là chưa hoàn thành (0 mô đun)",
          subject: { detail: "exempt-unfinished|Phạm Thị Cúc|1967-09-15" },
        },
      ],
    },
    {
      name: "an illness marked Miễn: reduced, not exempt (English)",
      locale: "en",
      workbook: full("Hoàng Thị Mai", d(1988, 9), "Nữ", 0, 0, "Miễn", null, "Bệnh không đi lại được"),
      rulebook: RB,
      findings: [
        {
          messageId: "reducedNotExempt",
          expected: "reduced",
          actual: "Miễn",
          message: "An illness that prevents travel is a reduction",
          subject: { detail: "reduced-not-exempt|Hoàng Thị Mai|1988-09-15" },
        },
      ],
    },
    {
      name: "done by the figures, listed as Chưa hoàn thành",
      workbook: full("Lê Văn An", d(1975, 3), "Nam", 4, 160, null, "Chưa hoàn thành"),
      rulebook: RB,
      findings: [
        {
          messageId: "statusUnderstated",
          severity: "warning",
          cells: ["J4"],
          expected: "Hoàn thành",
          actual: "Chưa hoàn thành",
          message: "(4 mô đun, 160 tiết)",
          subject: { detail: "status-understated|Lê Văn An|1975-03-15" },
        },
      ],
    },
    {
      name: "Kết quả Miễn for a teacher who retires long after the year: not exempt, the Kết quả named",
      workbook: full("Lê Văn An", d(1975, 3), "Nam", 0, 0, null, "Miễn"),
      rulebook: RB,
      findings: [
        {
          messageId: "notExempt",
          cells: ["J4"],
          expected: null,
          actual: "Miễn",
          message: ['danh sách ghi miễn BDTX ("Miễn")', "sau năm học 2023-2024"],
          subject: { detail: "not-exempt|Lê Văn An|1975-03-15" },
        },
      ],
    },
    ...["Được miễn", "Đề nghị miễn", "Xin miễn"].map((said): InvalidCase => ({
      name: `Kết quả '${said}' for a teacher who retires long after the year: a claim of exemption, held to the law`,
      workbook: full("Lê Văn An", d(1975, 3), "Nam", 0, 0, null, said),
      rulebook: RB,
      findings: [
        {
          messageId: "notExempt",
          cells: ["J4"],
          expected: null,
          actual: said,
          message: [`danh sách ghi miễn BDTX ("${said}")`, "sau năm học 2023-2024"],
          subject: { detail: "not-exempt|Lê Văn An|1975-03-15" },
        },
      ],
    })),
    {
      name: "Kết quả 'Miễn (đạt tuổi nghỉ hưu)' by the old age rule: not exempt, not a claim of done",
      workbook: full("Phạm Văn Hải", d(1964, 3), "Nam", 0, 0, null, "Miễn (đạt tuổi nghỉ hưu)"),
      rulebook: RB,
      findings: [
        {
          messageId: "notExempt",
          cells: ["J4"],
          actual: "Miễn (đạt tuổi nghỉ hưu)",
          message: "nghỉ hưu 06/2025",
          subject: { detail: "not-exempt|Phạm Văn Hải|1964-03-15" },
        },
      ],
    },
    {
      name: "Kết quả 'Đang học' with 2 modules: incomplete (a status the list does not claim)",
      workbook: full("Ngô Thị Phương", d(1990, 4), "Nữ", 2, 80, null, "Đang học"),
      rulebook: RB,
      findings: [
        {
          messageId: "incomplete",
          cells: ["G4"],
          expected: 3,
          actual: 2,
          subject: { detail: "incomplete|Ngô Thị Phương|1990-04-15" },
        },
      ],
    },
    {
      name: "Miễn/Giảm 'Không miễn giảm' with 2 modules: required, and incomplete",
      workbook: full("Ngô Thị Phương", d(1990, 4), "Nữ", 2, 80, "Không miễn giảm", null),
      rulebook: RB,
      findings: [
        {
          messageId: "incomplete",
          cells: ["G4"],
          message: "2 mô đun < 3 mô đun",
          subject: { detail: "incomplete|Ngô Thị Phương|1990-04-15" },
        },
      ],
    },
    // "Được miễn" is the same claim as "Miễn", and held to the same law.
    ...["Miễn", "Được miễn"].map((mark): InvalidCase => ({
      name: `${mark}, with 'Thai sản' in Ghi chú: maternity leave is reduced, not exempt`,
      workbook: full("Vũ Thị Lan", d(1992, 7), "Nữ", 0, 0, mark, null, "Thai sản"),
      rulebook: RB,
      findings: [
        {
          messageId: "reducedNotExempt",
          cells: ["I4"],
          expected: "Giảm",
          actual: mark,
          fix: { cell: "I4", value: "Giảm" },
          message: `Nghỉ thai sản là trường hợp được giảm, không phải được miễn BDTX ("${mark}")`,
          subject: { detail: "reduced-not-exempt|Vũ Thị Lan|1992-07-15" },
        },
      ],
    })),
    {
      name: "Miễn, with 'Thai sản' in Ghi chú (English)",
      locale: "en",
      workbook: full("Vũ Thị Lan", d(1992, 7), "Nữ", 0, 0, "Miễn", null, "Thai sản"),
      rulebook: RB,
      findings: [
        {
          messageId: "reducedNotExempt",
          expected: "reduced",
          message: 'Maternity leave is a reduction, not an exemption from BDTX ("Miễn")',
          fix: { cell: "I4", value: "Giảm" },
        },
      ],
    },
    {
      name: "an illness marked Miễn: reduced, not exempt",
      workbook: full("Hoàng Thị Mai", d(1988, 9), "Nữ", 0, 0, "Miễn", null, "Bệnh không đi lại được"),
      rulebook: RB,
      findings: [
        {
          messageId: "reducedNotExempt",
          expected: "Giảm",
          message: "Bệnh không đi lại được là trường hợp được giảm",
        },
      ],
    },
    {
      name: "a list with only Kết quả: a teacher retiring in the year listed Chưa hoàn thành, another rightly so",
      workbook: list(
        [
          [1, "Phạm Thị Cúc", d(1967, 9), "Nữ", "TH Tân Đồng", "TH", "Chưa hoàn thành"],
          [2, "Ngô Thị Phương", d(1990, 4), "Nữ", "TH Tân Đồng", "TH", "Chưa hoàn thành"],
        ],
        RESULT_ONLY,
      ),
      rulebook: RB,
      findings: [
        {
          messageId: "exemptUnfinished",
          cells: ["G4"],
          expected: "Miễn",
          actual: "Chưa hoàn thành",
          message:
            "nghỉ hưu 09/2023, trong năm học 2023-2024, nên được miễn BDTX; danh sách lại ghi là chưa hoàn thành (Chưa hoàn thành)",
          subject: { detail: "exempt-unfinished|Phạm Thị Cúc|1967-09-15" },
        },
      ],
    },
    {
      name: "a list with only Miễn/Giảm: Miễn for a teacher who retires after the year",
      workbook: list([[1, "Lê Văn An", d(1975, 3), "Nam", "THCS Tân Phú", "THCS", "Miễn"]], MARK_ONLY),
      rulebook: RB,
      findings: [{ messageId: "notExempt", cells: ["G4"], actual: "Miễn" }],
    },
    {
      name: "a teacher whose gender is blank: judged on the figures alone",
      workbook: list([[1, "Lê Văn An", d(1975, 3), null, "THCS Tân Phú", "THCS", 2]]),
      rulebook: RB,
      findings: [{ messageId: "incomplete", cells: ["G4"], actual: 2 }],
    },
    {
      name: "retiring within the year, Miễn/Giảm blank, Kết quả 'Đang học' and 1 module: the Kết quả named",
      workbook: full("Phạm Thị Cúc", d(1967, 9), "Nữ", 1, 40, null, "Đang học"),
      rulebook: RB,
      findings: [
        {
          messageId: "exemptUnfinished",
          cells: ["J4"],
          actual: "Đang học",
          message: "chưa hoàn thành (Đang học)",
        },
      ],
    },
    {
      name: "retiring within the year, Miễn/Giảm blank and 0 modules (English)",
      locale: "en",
      workbook: full("Phạm Thị Cúc", d(1967, 9), "Nữ", 0, 0, null, null),
      rulebook: RB,
      findings: [
        {
          messageId: "exemptUnfinished",
          cells: ["G4"],
          expected: "exempt",
          actual: 0,
          message: "the list has them as not done (0 modules)",
        },
      ],
    },
    {
      name: "2 modules: not done (English)",
      locale: "en",
      workbook: list([[1, "Lê Văn An", d(1975, 3), "Nam", "THCS Tân Phú", "THCS", 2]]),
      rulebook: RB,
      findings: [{ messageId: "incomplete", message: "BDTX 2023-2024 not complete: 2 modules < 3 modules" }],
    },
    {
      name: "3 modules but 100 periods, listed Hoàn thành",
      workbook: full("Bùi Văn Nam", d(1979, 1), "Nam", 3, 100, null, "Hoàn thành"),
      rulebook: RB,
      findings: [
        {
          messageId: "statusContradicts",
          cells: ["J4"],
          expected: "Chưa hoàn thành",
          actual: "Hoàn thành",
          message:
            'danh sách ghi "Hoàn thành", nhưng số liệu chưa đủ để hoàn thành BDTX năm học 2023-2024: 100 tiết < 120 tiết (3 × 40)',
        },
      ],
    },
    {
      name: "3 modules but 100 periods, listed Hoàn thành (English)",
      locale: "en",
      workbook: full("Bùi Văn Nam", d(1979, 1), "Nam", 3, 100, null, "Hoàn thành"),
      rulebook: RB,
      findings: [
        {
          messageId: "statusContradicts",
          expected: "not done",
          message: "100 periods < 120 periods (3 × 40)",
        },
      ],
    },
    {
      name: "done by the figures, listed as Chưa hoàn thành (English)",
      locale: "en",
      workbook: full("Lê Văn An", d(1975, 3), "Nam", 4, 160, null, "Chưa hoàn thành"),
      rulebook: RB,
      findings: [
        {
          messageId: "statusUnderstated",
          severity: "warning",
          expected: "done",
          actual: "Chưa hoàn thành",
          message:
            'the list says "Chưa hoàn thành", but the figures complete BDTX 2023-2024 (4 modules, 160 periods)',
        },
      ],
    },
    {
      name: "3 modules and no periods column, listed as Chưa hoàn thành",
      workbook: list(
        [[1, "Lê Văn An", d(1975, 3), "Nam", "THCS Tân Phú", "THCS", 3, "Chưa hoàn thành"]],
        MODULES_RESULT,
      ),
      rulebook: RB,
      findings: [
        {
          messageId: "statusUnderstated",
          severity: "warning",
          cells: ["H4"],
          message: "đã đủ hoàn thành BDTX năm học 2023-2024 (3 mô đun)",
        },
      ],
    },
    {
      name: "120 periods and no modules column, listed as Chưa hoàn thành",
      workbook: list(
        [[1, "Lê Văn An", d(1975, 3), "Nam", "THCS Tân Phú", "THCS", 120, "Chưa hoàn thành"]],
        PERIODS_RESULT,
      ),
      rulebook: RB,
      findings: [
        {
          messageId: "statusUnderstated",
          severity: "warning",
          cells: ["H4"],
          message: "(120 tiết)",
        },
      ],
    },
  ],
});
