/**
 * The =DEAN.* logic on the default rulebook (hai-phong-2026-2030): course ids and names as typed,
 * levels, years, units, per-credit pricing, errors, retirement (Decree 135/2020) and words; and
 * agreement with the engine on every line of the corrected seed workbook.
 */
import { checkWorkbook } from "../../src/engine/check";
import { excelSerialToDate } from "../../src/engine/dates/parse";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { parseRulebook } from "../../src/engine/rulebook/load";
import type { Rulebook } from "../../src/engine/rulebook/schema";
import {
  cost,
  credits,
  DeanFunctionError,
  defaultYear,
  eligible,
  expected,
  findCourse,
  findLevel,
  monthsLeft,
  retirement,
  unitPrice,
  words,
  type CellArg,
} from "../../src/functions/library";
import { seed2026Corrected, withCorrectedOverrides } from "../fixtures/seed2026";

const rb = builtinRulebook();

function thrown(f: () => unknown): DeanFunctionError {
  try {
    f();
  } catch (e) {
    if (e instanceof DeanFunctionError) return e;
    throw e;
  }
  throw new Error("expected a DeanFunctionError, nothing was thrown");
}

/** Serial → "yyyy-mm-dd" with the dates module (an implementation independent of the library's). */
function isoOf(serial: number): string {
  const d = excelSerialToDate(serial);
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

const STEM = "Thiết kế và triển khai giáo dục STEM/STEAM";

describe("findCourse: ids and names as typed", () => {
  it.each<[string, string]>([
    ["stem", "stem"],
    ["TC-DH", "tc-dh"],
    ["TC-ĐH", "tc-dh"],
    ["CĐ-ĐH", "cd-dh"],
    ["  tc-dh  ", "tc-dh"],
    ["Chuyen doi so va ung dung toan dien tri tue nhan tao (AI) trong day va hoc", "chuyen-doi-so-ai"],
    ["Chuyển đổi số và ưng dụng toàn diện trí tuệ nhân tạo (AI) trong dạy và học", "chuyen-doi-so-ai"],
    ["1. Bồi dưỡng Thiết kế và triển khai giáo dục STEM/STEAM (trực tuyến)", "stem"],
    ["thiet ke va trien khai giao duc stem steam", "stem"],
    ["- Bồi dưỡng nghiệp vụ sư phạm;", "nghiep-vu-su-pham"],
    ["- Bồi dưỡng Chứng chỉ kỹ năng thực hành nghề…", "chung-chi-ky-nang-nghe"],
    ["Đào tạo nâng trình độ chuẩn từ cao đẳng lên đại học", "cd-dh"],
    ["ky nang tham van, ho tro tam ly va ung pho voi su thay doi va ap luc hoc duong", "tham-van-tam-ly"],
    ["Tich hop AI trong quan tri nha truong cho doi ngu CBQL MN, pho thong", "ai-quan-tri"],
  ])("%j → %s", (text, id) => {
    expect(findCourse(rb, text).id).toBe(id);
  });
});

describe("findLevel: ids, abbreviations, full names, any case, with or without diacritics", () => {
  it.each<[string, string]>([
    ["MN", "MN"],
    ["mn", "MN"],
    ["Mầm non", "MN"],
    ["mam non", "MN"],
    ["MẦM NON", "MN"],
    ["Cấp mầm non", "MN"],
    ["GDMN", "MN"],
    ["tieu hoc", "TH"],
    ["Tiểu học.", "TH"],
    ["TH", "TH"],
    ["THCS", "THCS"],
    ["trung hoc co so", "THCS"],
    ["cap THCS", "THCS"],
    ["Trung hoc pho thong", "THPT"],
    ["gdtx", "GDTX"],
    ["TTGDTX", "GDTX"],
    ["Giáo dục nghề nghiệp", "GDNN"],
  ])("%j → %s", (text, id) => {
    expect(findLevel(rb, text).id).toBe(id);
  });
});

describe("COST", () => {
  it.each<[string, CellArg, CellArg, CellArg, CellArg, CellArg, number]>([
    ["id, level id, year", "chuyen-doi-so-ai", "MN", 2384, 2026, undefined, 4768],
    [
      "no diacritics, level in lower case",
      "Chuyen doi so va ung dung toan dien tri tue nhan tao (AI) trong day va hoc",
      "mam non",
      2384,
      2026,
      undefined,
      4768,
    ],
    [
      'typo "ưng dụng", year omitted (only 2026)',
      "Chuyển đổi số và ưng dụng toàn diện trí tuệ nhân tạo (AI) trong dạy và học",
      "Mầm non",
      2384,
      undefined,
      undefined,
      4768,
    ],
    [
      "bullet and extra words",
      "1. Bồi dưỡng Thiết kế và triển khai giáo dục STEM/STEAM (trực tuyến)",
      "Tiểu học",
      874,
      2027,
      undefined,
      1748,
    ],
    ["sub-row as typed", "- Bồi dưỡng nghiệp vụ sư phạm;", "GDNN", 80, 2027, undefined, 240],
    ["1.5 million per person", "danh-gia-hoc-sinh", "GDNN", 50, 2026, undefined, 75],
    // Per credit: 442 000 đ × 30 credits = 13.26 million in 2026 and 2027, × 25 = 11.05 in 2028.
    ["per credit, MN 2026", "tc-dh", "MN", 89, 2026, undefined, 1180.14],
    ["per credit, TH 2026", "tc-dh", "TH", 10, 2026, undefined, 132.6],
    ["per credit, 2028 (25 credits)", "tc-dh", "MN", 89, 2028, undefined, 983.45],
    ["per credit by alias, in đồng", "TC-ĐH", "MN", 1, 2026, "đồng", 13_260_000],
    ["CĐ → ĐH: 400 000 đ × 30", "CĐ-ĐH", "THCS", 197, 2027, undefined, 2364],
    ['unit "nghìn"', "danh-gia-hoc-sinh", "GDNN", 50, 2026, "nghìn", 75_000],
    ['unit "trieu"', "stem", "MN", 1192, 2027, "trieu", 2384],
    ["unit 1", "stem", "MN", 1192, 2027, 1, 2_384_000_000],
    ["unit 1000000", "stem", "MN", 1192, 2027, 1_000_000, 2384],
    ['unit "Đơn vị tính: triệu đồng"', "stem", "MN", 1192, 2027, "Đơn vị tính: triệu đồng", 2384],
    ["count typed as text", "stem", "MN", "1 192", 2027, undefined, 2384],
    ["year typed as text", "stem", "MN", 1192, "2027", undefined, 2384],
    ["empty unit (0) is the default", "stem", "MN", 1192, 2027, 0, 2384],
    ["empty year (0) is the default", "stem", "MN", 1192, 0, undefined, 2384],
    ["empty count (0) at an ineligible level", "huong-nghiep", "MN", 0, 2027, undefined, 0],
    ['empty count ("") at an ineligible level', "tc-dh", "THPT", "", 2026, undefined, 0],
    ["empty count (null)", "stem", "MN", null, 2026, undefined, 0],
    [
      "default year of a course offered twice: its first (2028, 1.5 million)",
      "nghien-cuu-khoa-hoc",
      "MN",
      1192,
      undefined,
      undefined,
      1788,
    ],
    ["the same course in 2029 (2 million)", "nghien-cuu-khoa-hoc", "MN", 1192, 2029, undefined, 2384],
  ])("%s", (_what, course, level, count, year, unit, want) => {
    expect(cost(rb, course, level, count, year, unit)).toBeCloseTo(want, 9);
  });

  it("a line's levels add up to head-count × unit price (99 × 13.26 = 1312.74)", () => {
    expect(cost(rb, "tc-dh", "MN", 89, 2026) + cost(rb, "tc-dh", "TH", 10, 2026)).toBeCloseTo(1312.74, 9);
  });

  it("the default unit is the rulebook's table unit", () => {
    const inDong = parseRulebook({ ...JSON.parse(JSON.stringify(rb)), defaultScale: 1 });
    expect(cost(inDong, "stem", "MN", 1, 2026)).toBe(2_000_000);
  });
});

describe("UNITPRICE", () => {
  it.each<[CellArg, CellArg, CellArg, number]>([
    ["tc-dh", 2026, undefined, 13.26],
    ["tc-dh", 2027, undefined, 13.26],
    ["tc-dh", 2028, undefined, 11.05],
    ["TC-ĐH", 2026, "đồng", 13_260_000],
    ["cd-dh", 2026, undefined, 12],
    ["Chứng chỉ kỹ năng thực hành nghề", 2027, undefined, 10],
    ["danh-gia-hoc-sinh", undefined, undefined, 1.5],
    ["danh-gia-hoc-sinh", undefined, "nghìn", 1500],
    ["nghien-cuu-khoa-hoc", undefined, undefined, 1.5],
    ["nghien-cuu-khoa-hoc", 2029, undefined, 2],
    [STEM, 2027, 1, 2_000_000],
  ])("%j %j %j → %d", (course, year, unit, want) => {
    expect(unitPrice(rb, course, year, unit)).toBeCloseTo(want, 9);
  });

  it("the default year is the first year the rulebook offers the course", () => {
    expect(defaultYear(findCourse(rb, "nghien-cuu-khoa-hoc"))).toBe(2028);
    expect(defaultYear(findCourse(rb, "giao-duc-toan-dien"))).toBe(2027);
    expect(defaultYear(findCourse(rb, "tham-van-tam-ly"))).toBe(2030);
  });
});

describe("EXPECTED and ELIGIBLE", () => {
  it.each<[CellArg, CellArg, CellArg, number]>([
    ["stem", "TH", 2027, 2 * 437],
    ["chuyen-doi-so-ai", "MN", 2026, 4 * 596],
    ["chuyen-doi-so-ai", "Giáo dục nghề nghiệp", 2026, 100],
    ["ai-quan-tri", "gdtx", undefined, 13],
    ["tich-hop-lien-mon", "THCS", 2027, 3 * 426],
    ["huong-nghiep", "THPT", 2030, 2 * 129],
    ["huong-nghiep", "Tiểu học", 2027, 0],
    ["tc-dh", "MN", 2028, 89],
    ["tc-dh", "THCS", 2026, 0],
    ["stem", "GDNN", 2026, 0],
    ["- Bồi dưỡng nghiệp vụ sư phạm", "GDNN", 2027, 80],
  ])("%j %j %j → %d", (course, level, year, want) => {
    expect(expected(rb, course, level, year)).toBe(want);
  });

  it.each<[CellArg, CellArg, boolean]>([
    ["tc-dh", "MN", true],
    ["tc-dh", "Tiểu học", true],
    ["tc-dh", "THCS", false],
    ["cd-dh", "thcs", true],
    ["huong-nghiep", "tieu hoc", false],
    ["huong-nghiep", "THCS", true],
    ["nghiep-vu-su-pham", "GDNN", true],
    ["nghiep-vu-su-pham", "MN", false],
    [STEM, "THPT", true],
  ])("ELIGIBLE(%j, %j) = %s", (course, level, want) => {
    expect(eligible(rb, course, level)).toBe(want);
  });
});

describe("CREDITS", () => {
  it.each<[CellArg, CellArg, number]>([
    ["tc-dh", 2026, 30],
    ["tc-dh", 2027, 30],
    ["TC-ĐH", "2028", 25],
    ["tc-dh", 2029, 0],
    ["cd-dh", 2027, 30],
    ["CĐ-ĐH", 2028, 0],
  ])("%j %j → %d", (programme, year, want) => {
    expect(credits(rb, programme, year)).toBe(want);
  });

  it.each(["tc-dh", "cd-dh"])("the years of %s add up to its total credits", (id) => {
    const course = findCourse(rb, id);
    if (course.pricing.type !== "per-credit") throw new Error("not per credit");
    const sum = rb.years.reduce((s, y) => s + credits(rb, id, y), 0);
    expect(sum).toBe(course.pricing.totalCredits);
  });
});

describe("errors: #N/A for what the rulebook lacks, #VALUE! for what is not understood", () => {
  it.each<[string, () => unknown, "#N/A" | "#VALUE!", string[]]>([
    [
      "unknown course, with the closest matches",
      () => cost(rb, "Bồi dưỡng STEAM 2", "MN", 10),
      "#N/A",
      ['Không tìm thấy nội dung "Bồi dưỡng STEAM 2" trong sổ quy tắc', `gần nhất: "${STEM}" (stem)`],
    ],
    [
      "unknown level, with the levels of the rulebook",
      () => cost(rb, "stem", "Đại học", 10, 2026),
      "#N/A",
      ['Không tìm thấy cấp học "Đại học"', "các cấp học: MN, TH, THCS, THPT, GDTX, GDNN"],
    ],
    [
      "abbreviations are exact (THC is neither TH nor THCS)",
      () => eligible(rb, "stem", "THC"),
      "#N/A",
      ['cấp học "THC"'],
    ],
    [
      "text where the count belongs",
      () => cost(rb, "stem", "MN", "nhiều", 2026),
      "#VALUE!",
      ['Không hiểu số người "nhiều"'],
    ],
    ["a negative count", () => cost(rb, "stem", "MN", -5, 2026), "#VALUE!", ["số nguyên không âm"]],
    ["a fractional count", () => cost(rb, "stem", "MN", 2.5, 2026), "#VALUE!", ["số nguyên không âm"]],
    ["TRUE as count", () => cost(rb, "stem", "MN", true, 2026), "#VALUE!", ["số người TRUE"]],
    [
      "a number as course",
      () => cost(rb, 5, "MN", 1, 2026),
      "#VALUE!",
      ["Cần tên hoặc mã nội dung", "không phải 5"],
    ],
    ["an empty course", () => unitPrice(rb, ""), "#VALUE!", ["Chưa có nội dung"]],
    ["an empty course (0)", () => unitPrice(rb, 0), "#VALUE!", ["Chưa có nội dung"]],
    ["an empty level", () => expected(rb, "stem", "", 2026), "#VALUE!", ["Chưa có cấp học"]],
    ["a year outside the plan", () => unitPrice(rb, "stem", 2031), "#N/A", ["Năm 2031 không thuộc kế hoạch"]],
    [
      "text where the year belongs",
      () => unitPrice(rb, "stem", "năm sau"),
      "#VALUE!",
      ['Không hiểu năm "năm sau"'],
    ],
    [
      "a year without the course",
      () => cost(rb, "tc-dh", "MN", 89, 2029),
      "#N/A",
      ["không được tổ chức năm 2029", "các năm có: 2026, 2027, 2028"],
    ],
    [
      "an unknown unit",
      () => unitPrice(rb, "stem", 2026, "USD"),
      "#VALUE!",
      ['Không hiểu đơn vị "USD"', '"triệu"'],
    ],
    [
      "a year in the unit's place",
      () => cost(rb, "stem", "MN", 1, undefined, 2026),
      "#VALUE!",
      ["Không hiểu đơn vị 2026"],
    ],
    [
      "people at a level that is not eligible",
      () => cost(rb, "tc-dh", "THCS", 5, 2026),
      "#N/A",
      ["không dành cho cấp THCS (Trung học cơ sở)", "các cấp được tham gia: MN, TH"],
    ],
    [
      "a heading without a price",
      () => cost(rb, "noi-dung-khac", "MN", 5, 2026),
      "#N/A",
      ["không quy định đơn giá"],
    ],
    [
      "a heading without head-counts",
      () => expected(rb, "noi-dung-khac", "MN", 2026),
      "#N/A",
      ["không quy định số người dự kiến"],
    ],
    ["credits of a per-person course", () => credits(rb, "stem", 2026), "#N/A", ["không tính theo tín chỉ"]],
    ["credits without a year", () => credits(rb, "tc-dh", ""), "#VALUE!", ["Chưa có năm"]],
    [
      "an unknown gender",
      () => retirement("15/09/1965", "X"),
      "#VALUE!",
      ['Không hiểu giới tính "X"', '"Nam" hoặc "Nữ"'],
    ],
    [
      "a date that does not exist",
      () => retirement("31/02/1966", "Nam"),
      "#VALUE!",
      ["ngày sinh", "không có thật"],
    ],
    ["no birth date", () => monthsLeft("", "Nữ"), "#VALUE!", ["Chưa có ngày sinh"]],
    ["a year typed as a number", () => retirement(1966, "Nữ"), "#VALUE!", ["nếu đây là năm thì thiếu tháng"]],
    [
      "text that is not a date",
      () => retirement("không rõ", "Nam"),
      "#VALUE!",
      ['Không đọc được ngày sinh "không rõ"'],
    ],
    ["text where the amount belongs", () => words("một trăm"), "#VALUE!", ['Không hiểu số tiền "một trăm"']],
  ])("%s", (_what, f, code, parts) => {
    const e = thrown(f);
    expect(e.code).toBe(code);
    for (const p of parts) expect(e.message).toContain(p);
  });
});

describe("RETIREMENT and MONTHSLEFT (Decree 135/2020, by month of birth)", () => {
  // Men: 60y3m in 2021, +3 months a year, 62 from 2028. Women: 55y4m in 2021, +4 months a year,
  // 60 from 2035. The age is the one required in the calendar year it is reached; retirement at
  // the end of that month; months left from 07/2020 counting both ends.
  it.each<[string, string, string, number]>([
    // 06/1965 + 61y6m (2026) = 12/2026; with 61y3m (2025) it would be 09/2026, not in 2025.
    ["06/1965", "Nam", "2026-12-31", 78],
    // 07/1965 + 61y6m = 01/2027, not in 2026; + 61y9m (2027) = 04/2027.
    ["07/1965", "Nam", "2027-04-30", 82],
    ["15/09/1965", "Nam", "2027-06-30", 84],
    // 03/1966 + 61y9m = 12/2027.
    ["03/1966", "nam", "2027-12-31", 90],
    // 04/1966 + 61y9m = 01/2028, not in 2027; + 62y (2028) = 04/2028.
    ["04/1966", "NAM", "2028-04-30", 94],
    // 03/1961 + 60y3m (2021) = 06/2021.
    ["03/1961", "Nam", "2021-06-30", 12],
    // 12/1974 + 59y8m (2034) = 08/2034; + 59y4m (2033) = 04/2034, not in 2033.
    ["12/1974", "Nữ", "2034-08-31", 170],
    // 05/1975 + 59y8m = 01/2035, not in 2034; + 60y (2035) = 05/2035.
    ["05/1975", "nu", "2035-05-31", 179],
    // Before 2021 the old ages: a man born 01/1960 retired at 60 in 01/2020, before 07/2020.
    ["01/1960", "Nam", "2020-01-31", 0],
  ])("born %s, %s → retires %s, %d months left from 07/2020", (birth, gender, date, left) => {
    expect(isoOf(retirement(birth, gender))).toBe(date);
    expect(monthsLeft(birth, gender)).toBe(left);
  });

  it("returns an Excel date serial (24000 is 15/09/1965; 46568 is 30/06/2027)", () => {
    expect(retirement(24000, "Nam")).toBe(46568);
    expect(retirement("1965-09-15", "Nam")).toBe(46568);
  });

  it.each<[CellArg, number]>([
    [undefined, 84],
    ["", 84],
    [0, 84],
    ["01/07/2020", 84],
    [44013, 84], // 01/07/2020 as an Excel date
    ["01/2026", 18],
    ["07/2027", 0],
  ])("MONTHSLEFT(09/1965, Nam, %j) = %d", (from, want) => {
    expect(monthsLeft("09/1965", "Nam", from)).toBe(want);
  });
});

describe("WORDS", () => {
  it.each<[CellArg, string]>([
    [0, "Không đồng"],
    ["", "Không đồng"],
    [1000, "Một nghìn đồng"],
    [1_500_000, "Một triệu năm trăm nghìn đồng"],
    [13_260_000, "Mười ba triệu hai trăm sáu mươi nghìn đồng"],
    ["13.260.000", "Mười ba triệu hai trăm sáu mươi nghìn đồng"],
    [1_312_740_000, "Một tỷ ba trăm mười hai triệu bảy trăm bốn mươi nghìn đồng"],
    [179_292_000_000, "Một trăm bảy mươi chín tỷ hai trăm chín mươi hai triệu đồng"],
    [180_378_000_000, "Một trăm tám mươi tỷ ba trăm bảy mươi tám triệu đồng"],
    ["1,5 tỷ", "Một tỷ năm trăm triệu đồng"],
  ])("%j → %s", (amount, want) => {
    expect(words(amount)).toBe(want);
  });
});

describe("agreement with the engine on the corrected seed workbook", () => {
  const corrected: Rulebook = parseRulebook(
    withCorrectedOverrides(JSON.parse(JSON.stringify(builtinRulebook()))),
  );
  const result = checkWorkbook(seed2026Corrected(), { rulebook: corrected });
  const tables = result.workbook.tables;
  const lines = (kinds: string[]) =>
    tables
      .filter((t) => kinds.includes(t.kind))
      .flatMap((t) =>
        t.rows
          .filter((r) => (r.kind === "item" || r.kind === "sub") && r.label)
          .map((r) => ({ table: t, row: r, name: `${t.sheet} ${r.label?.text}` })),
      );
  const costLines = lines(["cost"]).filter((l) => l.row.amount);

  it("the corrected workbook checks clean and has the five cost tables", () => {
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(tables.filter((t) => t.kind === "cost").map((t) => t.year)).toEqual([
      2026, 2027, 2028, 2029, 2030,
    ]);
    expect(costLines.length).toBeGreaterThanOrEqual(30);
  });

  it.each(costLines.map((l) => [l.name, l] as const))(
    "Σ COST over the levels of %s = its amount (±0.5 unit)",
    (_name, { table, row }) => {
      const text = row.label!.text;
      let sum = 0;
      for (const [level, c] of Object.entries(row.counts))
        sum += cost(corrected, text, level, c.value, table.year, table.scale);
      expect(findCourse(corrected, text).id).toBe(row.course?.courseId);
      expect(Math.abs(sum - row.amount!.value)).toBeLessThanOrEqual(corrected.tolerance + 1e-9);
      // and UNITPRICE is the price on the line
      expect(unitPrice(corrected, text, table.year, table.scale)).toBeCloseTo(row.unitPrice!.value, 9);
    },
  );

  it.each(lines(["cost", "task"]).map((l) => [l.name, l] as const))(
    "EXPECTED of every level of %s = its head-counts",
    (_name, { table, row }) => {
      const text = row.label!.text;
      const course = findCourse(corrected, text);
      for (const level of corrected.levels) {
        if (course.kind === "nhom") {
          expect(Object.keys(row.counts)).toEqual([]);
          continue;
        }
        expect([level.id, expected(corrected, text, level.name, table.year)]).toEqual([
          level.id,
          row.counts[level.id]?.value ?? 0,
        ]);
      }
    },
  );
});
