/**
 * The automatic choice of a rulebook (issue #11): from what each sheet's titles say — years,
 * province, kind of plan — among the built-in rulebooks and the department's own. Each seed's
 * tables as printed, and small workbooks typed the ways departments type titles.
 */
import { builtinRulebook, builtinRulebookIds } from "../../src/engine/rulebook/builtin";
import { workbookClues } from "../../src/engine/rulebook/clues";
import {
  chooseRulebook,
  noChoiceText,
  reasonText,
  type Candidate,
  type Choice,
} from "../../src/engine/rulebook/choose";
import { parseRulebook } from "../../src/engine/rulebook/load";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";
import { peopleWorkbook } from "../fixtures/people";
import { seed2024AsPrinted } from "../fixtures/seed2024";
import { seed2026AsPrinted, seed2026Corrected } from "../fixtures/seed2026";

const builtins: Candidate[] = builtinRulebookIds.map((id) => ({
  rulebook: builtinRulebook(id),
  origin: { kind: "builtin" },
}));

/** A sheet as a department types it: title lines, a blank row, a header row. */
function titled(
  name: string,
  lines: string[],
  header = ["TT", "Nội dung", "MN", "TH", "THCS"],
): SheetSnapshot {
  return { name, values: [...lines.map((l) => [l]), [], header, [1, "Bồi dưỡng", 1, 2, 3]] };
}
const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ sheets });

function chosen(wb: WorkbookSnapshot, candidates: Candidate[] = builtins): string {
  const c = chooseRulebook(wb, candidates);
  if (!c.ok) throw new Error(noChoiceText(c, "vi"));
  return c.candidate.rulebook.id;
}

const failed = (c: Choice) => {
  if (c.ok) throw new Error(`chose ${c.candidate.rulebook.id}`);
  return c;
};

describe("each seed's tables as printed pick their plan's rulebook", () => {
  it("seed 001, the 2024 registrations per district: hai-phong-2024", () => {
    const c = chooseRulebook(seed2024AsPrinted(), builtins);
    expect(c.ok && c.candidate.rulebook.id).toBe("hai-phong-2024");
    if (!c.ok) return;
    expect(c.others).toEqual([]);
    expect(reasonText(c.reason, c.candidate.rulebook, "vi")).toBe(
      'tiêu đề ghi "NĂM 2024" (PL1 MN!A3); 6/6 trang có năm thuộc sổ này; tỉnh/thành phố Hải Phòng',
    );
    expect(reasonText(c.reason, c.candidate.rulebook, "en")).toBe(
      'the title says "NĂM 2024" (PL1 MN!A3); 6/6 sheets with years belong to it; province Hải Phòng',
    );
  });

  it("seed 001 with the list of people: hai-phong-2024", () => {
    expect(chosen(peopleWorkbook({ planted: true }).workbook)).toBe("hai-phong-2024");
  });

  it.each([
    ["as printed", seed2026AsPrinted()],
    ["corrected", seed2026Corrected()],
  ])("seed 003, the 2026–2030 appendices and summary (%s): hai-phong-2026-2030", (_n, wb) => {
    const c = chooseRulebook(wb, builtins);
    expect(c.ok && c.candidate.rulebook.id).toBe("hai-phong-2026-2030");
    expect(c.ok && c.reason.kind === "years" && [c.reason.covered, c.reason.of]).toEqual([11, 11]);
  });

  it("seed 002, the 2022 plan's appendices (the year only in the cited plan's date): hai-phong-2022", () => {
    const wb = book(
      titled("PL I", [
        "PHỤ LỤC I",
        "CHI TIẾT PHÂN CÔNG THỰC HIỆN NHIỆM VỤ",
        "ĐÀO TẠO NÂNG CHUẨN TRÌNH ĐỘ CBQL, GV MÀM NON, PHỔ THÔNG",
        "(Kèm theo Kế hoạch số: 03 /KH-SGDĐT ngày 10 tháng 01 năm 2022)",
      ]),
      titled("PL II", [
        "PHỤ LỤC II",
        "CHI TIẾT PHÂN CÔNG THỰC HIỆN NHIỆM VỤ",
        "BỒI DƯỠNG MÔ ĐUN CBQL, GV PHỔ THÔNG, GDTX TRÊN HỆ THỐNG LMS",
        "(Kèm theo Kế hoạch số: 03 /KH-SGDĐT ngày 10 tháng 01 năm 2022)",
      ]),
    );
    const c = chooseRulebook(wb, builtins);
    expect(c.ok && c.candidate.rulebook.id).toBe("hai-phong-2022");
    expect(c.ok && reasonText(c.reason, c.candidate.rulebook, "vi")).toBe(
      'tiêu đề không ghi năm; văn bản kèm theo ghi "năm 2022" (PL I!A4); 2/2 trang có năm thuộc sổ này',
    );
  });

  it("seed 004, a BDTX list of the school year 2023-2024: binh-phuoc-bdtx-2023-2024", () => {
    const wb = book(
      titled(
        "BDTX",
        ["DANH SÁCH KẾT QUẢ BỒI DƯỠNG THƯỜNG XUYÊN NĂM HỌC 2023-2024"],
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Cấp học", "Số mô đun hoàn thành"],
      ),
    );
    expect(chosen(wb)).toBe("binh-phuoc-bdtx-2023-2024");
    expect(workbookClues(wb).sheets[0]).toMatchObject({
      kind: "bdtx",
      years: { years: [2023, 2024], how: "school-year", text: "NĂM HỌC 2023-2024", cell: "A1" },
    });
  });

  it("seed 000, the 2023 plan (Phụ lục I): no built-in rulebook covers 2023 yet, and it says so", () => {
    const wb = book(
      titled("Phụ lục I", [
        "PHỤ LỤC I",
        "TỔNG HỢP CÁC NỘI DUNG NHIỆM VỤ KẾ HOẠCH NĂM 2023",
        "(Kèm theo Kế hoạch số:       /KH-SGDĐT ngày      tháng     năm 2023)",
      ]),
    );
    const c = chooseRulebook(wb, builtins);
    if (
      builtinRulebookIds.some((id) => builtinRulebook(id).years.includes(2023) && !builtinRulebook(id).bdtx)
    ) {
      // Once the 2023 rulebook is built in (the recognition engineer's), it is the choice.
      expect(c.ok && c.candidate.rulebook.years).toContain(2023);
    } else {
      expect(noChoiceText(failed(c), "vi")).toMatch(
        /^Không có sổ quy tắc nào cho sổ tính này: "NĂM 2023" ở Phụ lục I!A2/,
      );
    }
  });
});

/**
 * A workbook as an exporter writes it: the text of each title merged across A:E repeated in
 * every cell of the merge (review item 3), so that a title row has five filled cells.
 */
function titlesRepeated(wb: WorkbookSnapshot, across = 5): WorkbookSnapshot {
  const headerAt = (s: SheetSnapshot) =>
    s.values.findIndex((row) => (row ?? []).some((v) => v === "STT" || v === "TT"));
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      const h = headerAt(s);
      return {
        ...s,
        merges: [],
        values: s.values.map((row, r) => {
          const first = (row ?? []).find((v) => typeof v === "string" && v.trim() !== "");
          return r < h && first !== undefined ? Array.from({ length: across }, () => first) : row;
        }),
      };
    }),
  };
}

describe("titles merged across the table, their text repeated in every cell (as exporters write them)", () => {
  it("seed 001's registrations still name their year: hai-phong-2024, not the default", () => {
    const wb = titlesRepeated(seed2024AsPrinted());
    expect(wb.sheets[0].values[0]).toEqual(Array(5).fill("PHỤ LỤC 1"));
    const c = chooseRulebook(wb, builtins);
    expect(c.ok && c.candidate.rulebook.id).toBe("hai-phong-2024");
    expect(c.ok && reasonText(c.reason, c.candidate.rulebook, "vi")).toBe(
      'tiêu đề ghi "NĂM 2024" (PL1 MN!A3); 6/6 trang có năm thuộc sổ này; tỉnh/thành phố Hải Phòng',
    );
  });

  it("a mixed workbook (2024 registrations and a 2028 cost table) is still split by plan", () => {
    const cost = seed2026AsPrinted().sheets.find((s) => /2028/.test(s.name) && /KP/.test(s.name));
    if (!cost) throw new Error("no 2028 cost sheet in the seed");
    const wb = titlesRepeated({ sheets: [...seed2024AsPrinted().sheets, cost] });
    const c = chooseRulebook(wb, builtins);
    if (!c.ok) throw new Error(noChoiceText(c, "vi"));
    expect(c.candidate.rulebook.id).toBe("hai-phong-2024");
    expect(c.others.map((o) => [o.sheet, o.coveredBy?.rulebook.id])).toEqual([
      [cost.name, "hai-phong-2026-2030"],
    ]);
  });

  it("a title line is never taken for the header because three cells are filled", () => {
    const sheet: SheetSnapshot = {
      name: "Sheet1",
      values: [
        ["KẾ HOẠCH ĐÀO TẠO NĂM 2024", "KẾ HOẠCH ĐÀO TẠO NĂM 2024", "KẾ HOẠCH ĐÀO TẠO NĂM 2024"],
        [],
        ["TT", "Nội dung", "MN", "TH", "THCS"],
        [1, "Bồi dưỡng năm 2030", 1, 2, 3],
      ],
    };
    expect(workbookClues(book(sheet)).sheets[0].years).toMatchObject({ years: [2024], cell: "A1" });
  });
});

describe("titles typed the ways departments type them", () => {
  const years = (lines: string[], name = "Sheet1") =>
    workbookClues(book(titled(name, lines))).sheets[0].years;

  it.each<[string, string[], number[], string]>([
    ["capitals", ["KẾ HOẠCH NĂM 2024"], [2024], "year"],
    ["lower case", ["Kế hoạch năm 2024"], [2024], "year"],
    ["no diacritics", ["KE HOACH NAM 2024"], [2024], "year"],
    ["a school year", ["năm học 2023-2024"], [2023, 2024], "school-year"],
    ["a school year with spaces and an en dash", ["NĂM HỌC 2023 – 2024"], [2023, 2024], "school-year"],
    ["a period", ["giai đoạn 2026-2030"], [2026, 2027, 2028, 2029, 2030], "period"],
    ["a period in capitals", ["GIAI ĐOẠN 2026 - 2030"], [2026, 2027, 2028, 2029, 2030], "period"],
    [
      "the programme's horizon and period beside the plan's year",
      ["Thực hiện Đề án giai đoạn 2020 - 2025, tầm nhìn đến năm 2030 năm 2024"],
      [2024],
      "year",
    ],
    [
      "the citation's year left out when the title has one",
      [
        "TỔNG HỢP CÁC NỘI DUNG NHIỆM VỤ KẾ HOẠCH NĂM 2026",
        "(Kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2025)",
      ],
      [2026],
      "year",
    ],
    ["the date line left out", ["Hải Phòng, ngày 10 tháng 01 năm 2023", "KẾ HOẠCH NĂM 2024"], [2024], "year"],
  ])("%s", (_n, lines, expected, how) => {
    expect(years(lines)).toMatchObject({ years: expected, how });
  });

  it("a year in the sheet's name when the titles have none", () => {
    expect(years(["BẢNG KINH PHÍ"], "KP 2027")).toMatchObject({ years: [2027], how: "sheet-name" });
  });

  it('"Công" is not "Cộng", and "Nam" is not "năm": a marked title is read with its tone marks', () => {
    expect(years(["TRƯỜNG THCS VIỆT NAM 2024"])).toBeUndefined();
  });

  it("a province after tỉnh / thành phố or before the date, never a name alone", () => {
    const p = (lines: string[]) => workbookClues(book(titled("S", lines))).sheets[0].provinces;
    expect(p(["UBND TỈNH BÌNH PHƯỚC"])).toEqual(["Bình Phước"]);
    expect(p(["của Ủy ban nhân dân thành phố Hải Phòng)"])).toEqual(["Hải Phòng"]);
    expect(p(["Hải Phòng, ngày 10 tháng 01 năm 2022"])).toEqual(["Hải Phòng"]);
    expect(p(["Khánh Hoà, ngày 1 tháng 2 năm 2024"])).toEqual(["Khánh Hòa"]);
    expect(p(["BỒI DƯỠNG HỌC TẬP TƯ TƯỞNG HỒ CHÍ MINH NĂM 2024"])).toEqual([]);
  });
});

describe("the choice", () => {
  const y2024 = titled("PL1", ["SỐ LƯỢNG CBQL, GV MẦM NON", "ĐĂNG KÝ ĐÀO TẠO NÂNG CHUẨN NĂM 2024"]);
  const y2026 = titled("PL6", ["KINH PHÍ ĐÀO TẠO, BỒI DƯỠNG ĐỘI NGŨ NĂM 2026"]);

  it("a workbook of a year no rulebook covers gets a message naming what it found and which rulebooks exist", () => {
    const c = failed(chooseRulebook(book(titled("PL1", ["KẾ HOẠCH ĐÀO TẠO NĂM 2019"])), builtins));
    expect(noChoiceText(c, "vi")).toBe(
      'Không có sổ quy tắc nào cho sổ tính này: "NĂM 2019" ở PL1!A1, kế hoạch đào tạo, bồi dưỡng. Các sổ quy tắc có: hai-phong-2026-2030 (2026–2030), hai-phong-2022 (2022), hai-phong-2023 (2023), hai-phong-2024 (2024), binh-phuoc-bdtx-2023-2024 (2023, 2024). Chọn sổ bằng --rules, hoặc thêm sổ của đơn vị vào thư mục --rules-dir (hoặc DEAN_RULES_DIR).',
    );
    expect(noChoiceText(c, "en")).toMatch(
      /^No rulebook fits this workbook: "NĂM 2019" at PL1!A1, a training plan\. The rulebooks: hai-phong-2026-2030 \(2026–2030\)/,
    );
  });

  it("another province's plan is never checked against Hải Phòng's", () => {
    const c = failed(
      chooseRulebook(book(titled("PL1", ["UBND TỈNH ĐỒNG NAI", "KẾ HOẠCH ĐÀO TẠO NĂM 2024"])), builtins),
    );
    expect(noChoiceText(c, "vi")).toContain("tỉnh/thành phố Đồng Nai");
  });

  it("a training plan is never checked against a BDTX rulebook, nor a BDTX list against a training plan", () => {
    const bp = book(titled("PL1", ["UBND TỈNH BÌNH PHƯỚC", "KẾ HOẠCH ĐÀO TẠO NÂNG CHUẨN NĂM 2024"]));
    expect(failed(chooseRulebook(bp, builtins)).planKind).toBe("plan");
    const hp = book(titled("DS", ["DANH SÁCH BỒI DƯỠNG THƯỜNG XUYÊN NĂM 2024"]));
    expect(chosen(hp)).toBe("binh-phuoc-bdtx-2023-2024");
  });

  it("sheets of one workbook that belong to different plans are said so", () => {
    const c = chooseRulebook(book(y2026, titled("PL7", ["KINH PHÍ NĂM 2027"]), y2024), builtins);
    expect(c.ok && c.candidate.rulebook.id).toBe("hai-phong-2026-2030");
    if (!c.ok) return;
    expect(c.others.map((o) => [o.sheet, o.coveredBy?.rulebook.id])).toEqual([["PL1", "hai-phong-2024"]]);
  });

  it("a sheet of another plan is given the best rulebook that covers it, by the same order, not the first listed", () => {
    const bp = (n: string, y: number) =>
      titled(n, ["UBND TỈNH BÌNH PHƯỚC", `DANH SÁCH BỒI DƯỠNG THƯỜNG XUYÊN NĂM ${y}`]);
    const bdtx = builtinRulebook("binh-phuoc-bdtx-2023-2024");
    const of = (id: string, years: number[], origin: Candidate["origin"]): Candidate => ({
      rulebook: { ...bdtx, id, years },
      origin,
    });
    const c = chooseRulebook(book(bp("DS 2023", 2023), bp("DS 2023 b", 2023), bp("DS 2024", 2024)), [
      of("bp-2023", [2023], { kind: "builtin" }),
      of("bp-2024-2025", [2024, 2025], { kind: "builtin" }),
      // The department's own, of the sheet's one year: before a built-in one, whatever the order given.
      of("bp-2024-cua-so", [2024], { kind: "folder", file: "bp.json" }),
    ]);
    if (!c.ok) throw new Error("no choice");
    expect(c.candidate.rulebook.id).toBe("bp-2023");
    expect(c.others.map((o) => [o.sheet, o.coveredBy?.rulebook.id])).toEqual([["DS 2024", "bp-2024-cua-so"]]);
  });

  it("no year anywhere: the default rulebook, said as such", () => {
    const c = chooseRulebook(book({ name: "Sheet1", values: [["TT", "Nội dung", "MN", "TH"]] }), builtins);
    expect(c.ok && c.candidate.rulebook.id).toBe("hai-phong-2026-2030");
    expect(c.ok && reasonText(c.reason, c.candidate.rulebook, "vi")).toBe(
      "không trang nào ghi năm của kế hoạch: dùng sổ hai-phong-2026-2030",
    );
  });

  const own = (id: string, years: number[], province = "Hải Phòng") =>
    parseRulebook({
      ...JSON.parse(JSON.stringify(builtinRulebook("hai-phong-2024"))),
      id,
      years,
      province,
      courses: [{ id: "x", name: "X", kind: "boi-duong", levels: ["MN"], offerings: [] }],
    });

  it("the department's own rulebook of the same years comes before the built-in one", () => {
    const mine: Candidate = {
      rulebook: own("so-cua-toi-2024", [2024]),
      origin: { kind: "folder", file: "quy-tac/2024.json" },
    };
    expect(chosen(book(y2024), [...builtins, mine])).toBe("so-cua-toi-2024");
  });

  it("the more specific plan wins between two of the same origin", () => {
    const wide: Candidate = {
      rulebook: own("nhieu-nam", [2023, 2024, 2025]),
      origin: { kind: "folder", file: "a.json" },
    };
    const one: Candidate = { rulebook: own("mot-nam", [2024]), origin: { kind: "folder", file: "b.json" } };
    expect(chosen(book(y2024), [wide, one])).toBe("mot-nam");
  });

  it("a rulebook kept in the workbook wins over every other", () => {
    const kept: Candidate = {
      rulebook: own("trong-so", [2030]),
      origin: { kind: "workbook", sheet: "Thông tin chung" },
    };
    const c = chooseRulebook(book(y2024), [...builtins, kept]);
    expect(c.ok && c.candidate.rulebook.id).toBe("trong-so");
    expect(c.ok && reasonText(c.reason, c.candidate.rulebook, "vi")).toBe(
      'sổ quy tắc để trong sổ tính (trang "Thông tin chung")',
    );
  });
});
