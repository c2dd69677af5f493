/**
 * The templates are correct by construction: every kind, every year of the built-in rulebooks,
 * checks clean with the engine (no error finding), uses plain Excel functions only, and carries
 * the rulebook's numbers. A template that breaks a plan rule is caught.
 */
import { checkWorkbook } from "../../src/engine/check";
import { monthsLeft, retirementDate, type Gender } from "../../src/engine/law/retirement";
import { builtinRulebook, builtinRulebookIds } from "../../src/engine/rulebook/builtin";
import { chooseRulebook } from "../../src/engine/rulebook/choose";
import { provinceTitle } from "../../src/engine/rulebook/provinces";
import type { Rulebook } from "../../src/engine/rulebook/schema";
import {
  buildTemplate,
  templateSnapshot,
  TemplateError,
  withUniqueSheetNames,
  type TemplateOptions,
} from "../../src/engine/templates/build";
import { evaluateTemplate } from "../../src/engine/templates/evaluate";
import { dateSerial, evaluateFormula } from "../../src/engine/templates/formula";
import { CHECK_INPUT, PERSON_COL, RETIREMENT_SHEET } from "../../src/engine/templates/person-list";
import {
  STYLES,
  TEMPLATE_KINDS,
  type Template,
  type TemplateCell,
  type TemplateKind,
} from "../../src/engine/templates/spec";
import { cellAt, formulaCells, functionsOf, PLAIN_FUNCTIONS, setPeople } from "./util";
import { LEVEL_HEADER } from "../helpers/sheets";

const rb2026 = builtinRulebook("hai-phong-2026-2030");
const rb2024 = builtinRulebook("hai-phong-2024");
const rb2022 = builtinRulebook("hai-phong-2022");

const cases: [string, Rulebook, number, TemplateKind][] = [];
/** Upgrade-registration lists need upgrade programmes: not for a regular in-service (BDTX) plan. */
const hasUpgrades = (rb: Rulebook) => rb.courses.some((c) => c.kind === "dao-tao");
for (const rb of builtinRulebookIds.map((id) => builtinRulebook(id)))
  for (const year of rb.years)
    for (const kind of TEMPLATE_KINDS)
      if (kind !== "person-list" || hasUpgrades(rb)) cases.push([rb.id, rb, year, kind]);

it("refuses an upgrade-registration list for a plan without upgrade programmes, saying why", () => {
  const bdtx = builtinRulebook("binh-phuoc-bdtx-2023-2024");
  expect(hasUpgrades(bdtx)).toBe(false);
  expect(() => buildTemplate("person-list", { rulebook: bdtx, year: 2023 })).toThrow(
    "Sổ quy tắc binh-phuoc-bdtx-2023-2024 không có chương trình đào tạo nâng chuẩn nào",
  );
});

function errorsOf(t: Template, rulebook: Rulebook) {
  return checkWorkbook(templateSnapshot(t), { rulebook }).findings.filter((f) => f.severity === "error");
}

describe.each(cases)("%s %i %s", (_id, rulebook, year, kind) => {
  for (const functions of [false, true]) {
    const t = buildTemplate(kind, { rulebook, year, functions });
    const label = functions ? "with =DEAN.* functions" : "with plain formulas";

    it(`checks clean with the engine (${label})`, () => {
      const { findings, workbook } = checkWorkbook(templateSnapshot(t), { rulebook });
      expect(findings.filter((f) => f.severity === "error")).toEqual([]);
      // Warnings only where the rulebook cannot fill a cell: a task line's delivery form and lead
      // unit, an assignment line's lead unit.
      for (const w of findings.filter((f) => f.severity === "warning")) {
        expect(["task", "assignment"]).toContain(kind);
        expect(w.rule).toBe("required-cells");
      }
      const main = t.sheets[0];
      // The assignment template is recognised as a table of duties ("assignment").
      expect(workbook.tables.map((x) => [x.sheet, x.kind, x.year])).toEqual([[main.name, kind, year]]);
      // Helper sheets are never read as appendices.
      for (const s of t.sheets.slice(1)) {
        expect(s.hidden).toBe(true);
        expect(workbook.skipped.map((x) => x.sheet)).toContain(s.name);
      }
    });

    it(`uses only plain Excel functions${functions ? " and DEAN.*" : ""} (${label})`, () => {
      const allowed = new Set([...PLAIN_FUNCTIONS, ...(functions ? ["DEAN.COST", "DEAN.UNITPRICE"] : [])]);
      for (const { cell } of formulaCells(t)) {
        for (const fn of functionsOf(cell.formula as string)) expect(allowed).toContain(fn);
        expect(cell.formula).not.toMatch(/^=/);
        expect(cell.result).toBeDefined();
        expect(cell.result).not.toEqual(expect.objectContaining({ error: expect.any(String) }));
      }
    });
  }
});

describe("cost template", () => {
  const t = buildTemplate("cost", { rulebook: rb2026, year: 2027 });
  const rows = t.sheets[0].rows;
  const find = (text: string) =>
    rows.findIndex((r) => typeof r[1]?.value === "string" && r[1].value.startsWith(text));

  it("has the official title block, unit line and header", () => {
    expect(rows[0][0]?.value).toBe("PHỤ LỤC 7");
    expect(rows[1][0]?.value).toBe("KINH PHÍ ĐÀO TẠO, BỒI DƯỠNG ĐỘI NGŨ NĂM 2027");
    expect(rows[2][0]).toMatchObject({ style: "attached" });
    // The plan's province, as the seeds print it: the automatic choice reads it back (review item 6).
    expect(rows[2][0]?.value).toMatch(
      /^\(Kèm theo Kế hoạch số +\/KH-UBND ngày +tháng +năm +của Ủy ban nhân dân thành phố Hải Phòng\)$/,
    );
    expect(rows[4].find((c) => c)?.value).toBe("Đơn vị tính: triệu đồng");
    expect(rows[4].find((c) => c)?.style).toBe("unit");
    expect(rows[5].map((c) => c?.value ?? null)).toEqual([
      "TT",
      "Nội dung đào tạo, bồi dưỡng",
      "Số lượng (người)",
      null,
      null,
      null,
      null,
      null,
      "Đơn giá/người",
      "Thành tiền",
      "Ghi chú",
    ]);
    expect(rows[6].slice(2, 8).map((c) => c?.value)).toEqual(LEVEL_HEADER);
    expect(t.sheets[0].printTitleRows).toEqual([5, 6]);
    expect(t.sheets[0].merges).toEqual(
      expect.arrayContaining(["A1:K1", "A2:K2", "A3:K3", "C6:H6", "A6:A7", "I6:I7"]),
    );
  });

  it("pre-fills the year's courses in rulebook order with quotas × schools, prices and notes", () => {
    const stem = rows[find("Thiết kế và triển khai giáo dục STEM")];
    expect(stem.slice(0, 2).map((c) => c?.value)).toEqual([1, "Thiết kế và triển khai giáo dục STEM/STEAM"]);
    expect(stem.slice(2, 8).map((c) => c?.value)).toEqual([1192, 874, 852, 258, 26, 0]);
    expect(stem[8]?.value).toBe(2);
    expect(stem[10]?.value).toBe("2 CBQL, GV/trường");
    const career = rows[find("Bồi dưỡng về giáo dục hướng nghiệp")];
    // Career guidance is for THCS and above: MN and TH are left blank.
    expect(career.slice(2, 8).map((c) => c?.value ?? null)).toEqual([null, null, 1278, 387, 39, 100]);
    const tcdh = rows[find("Đào tạo nâng trình độ chuẩn GV MN, TH từ TC lên ĐH")];
    expect(tcdh[8]?.value).toBeCloseTo(13.26, 10);
    expect(tcdh[10]?.value).toBe("442.000đ/tín chỉ x 30 tín chỉ");
    expect(tcdh[9]).toMatchObject({ formula: "ROUND(SUM(C17:H17)*I17,0)", result: 1313 });
    const sub = rows[find("- Bồi dưỡng nghiệp vụ sư phạm")];
    expect(sub[0]?.value ?? null).toBeNull();
    expect(sub[7]?.value).toBe(80);
    const order = rows.slice(7, -1).map((r) => r[1]?.value as string);
    const names = rb2026.courses.filter((c) => c.offerings.some((o) => o.year === 2027)).map((c) => c.name);
    expect(order.map((x) => x.replace(/^- /, ""))).toEqual(names);
  });

  it("totals: head-counts without the degree upgrades, money from the unrounded lines (40 018, not 40 019)", () => {
    const total = rows[rows.length - 1];
    expect(total[1]?.value).toBe("Tổng số:");
    expect(total.slice(2, 8).map((c) => c?.result)).toEqual([5364, 3933, 5112, 1548, 156, 510]);
    expect(total[2]?.formula).toBe("SUM(C8:C16)");
    expect(total[9]?.result).toBe(40018);
    const roundedLines = rows
      .slice(7, -1)
      .map((r) => r[9]?.result)
      .filter((x): x is number => typeof x === "number");
    expect(roundedLines.reduce((s, x) => s + x, 0)).toBe(40019);
  });

  it("with --functions, amounts are DEAN.COST and prices DEAN.UNITPRICE, with the same results", () => {
    const fn = buildTemplate("cost", { rulebook: rb2026, year: 2027, functions: true }).sheets[0].rows;
    const r = find("Đào tạo nâng trình độ chuẩn GV MN, TH từ TC lên ĐH");
    expect(fn[r][9]?.formula).toBe(
      'ROUND(DEAN.COST("tc-dh","MN",C17,2027,1000000)+DEAN.COST("tc-dh","TH",D17,2027,1000000)+DEAN.COST("tc-dh","THCS",E17,2027,1000000)+DEAN.COST("tc-dh","THPT",F17,2027,1000000)+DEAN.COST("tc-dh","GDTX",G17,2027,1000000)+DEAN.COST("tc-dh","GDNN",H17,2027,1000000),0)',
    );
    expect(fn[r][8]).toMatchObject({ formula: 'DEAN.UNITPRICE("tc-dh",2027,1000000)', style: "price" });
    fn.forEach((row, i) =>
      row.forEach((c, j) => expect(c?.result ?? c?.value).toEqual(rows[i][j]?.result ?? rows[i][j]?.value)),
    );
  });

  it("a template that breaks a plan rule is caught (the check can fail)", () => {
    const broken = structuredClone(t);
    const total = broken.sheets[0].rows[broken.sheets[0].rows.length - 1];
    // Leaving out the last line (adding the rounded lines, 40 019, is right too: DOMAIN rule 1).
    (total[9] as TemplateCell).formula = "SUM(J8:J17)";
    // Counting the degree upgrades in the MN total, against the plan's convention.
    (total[2] as TemplateCell).formula = "SUM(C8:C18)";
    const counts = broken.sheets[0].rows[find("Thiết kế và triển khai giáo dục STEM")];
    (counts[2] as TemplateCell).value = 1000;
    const errors = errorsOf(evaluateTemplate(broken, rb2026), rb2026);
    expect(errors.map((e) => [e.rule, e.cells[0]])).toEqual(
      expect.arrayContaining([
        ["quota", "C8"],
        ["totals", "C19"],
        ["totals", "J19"],
      ]),
    );
  });

  it("the task and cost templates of a year agree (checked together)", () => {
    for (const year of rb2026.years) {
      const task = buildTemplate("task", { rulebook: rb2026, year });
      const cost = buildTemplate("cost", { rulebook: rb2026, year });
      const both = { ...task, sheets: [...task.sheets, ...cost.sheets] };
      expect(errorsOf(both, rb2026)).toEqual([]);
      const findings = checkWorkbook(templateSnapshot(both), { rulebook: rb2026 }).findings;
      expect(findings.filter((f) => f.rule === "task-vs-cost")).toEqual([]);
    }
  });

  it("a table in đồng: prices and amounts in đồng, the unit line says so", () => {
    const dong = buildTemplate("cost", { rulebook: rb2026, year: 2027, scale: 1 });
    const r = dong.sheets[0].rows;
    expect(r[4].find((c) => c)?.value).toBe("Đơn vị tính: đồng");
    expect(r[find("Đào tạo nâng trình độ chuẩn GV MN, TH từ TC lên ĐH")][8]).toMatchObject({
      value: 13_260_000,
      style: "money",
    });
    // 40 018,24 million: the unrounded lines (2 551,5 + 1 312,74 + …), in đồng.
    expect(r[r.length - 1][9]?.result).toBe(40_018_240_000);
    expect(errorsOf(dong, rb2026)).toEqual([]);
  });

  it("the 2022 rulebook: a lump-sum line keeps its amount and counts in the total", () => {
    const t22 = buildTemplate("cost", { rulebook: rb2022, year: 2022 });
    const r = t22.sheets[0].rows;
    expect(r[4].find((c) => c)?.value).toBe("Đơn vị tính: đồng");
    // Five levels (no GDNN): the amount is column I.
    const amount = r[5].findIndex((c) => c?.value === "Thành tiền");
    expect(amount).toBe(8);
    const lump = r.find((row) => row[amount]?.value === 2_092_710_000);
    expect(lump?.[amount]?.formula).toBeUndefined();
    expect(r[r.length - 1][amount]?.result).toBe(13_500_000_000);
    expect(r[r.length - 1][amount]?.formula).toContain(`+I${r.indexOf(lump as (typeof r)[number]) + 1}`);
  });
});

describe("registration template", () => {
  it("2024: one column per upgrade programme, the 14 districts, a Tổng số row of SUMs", () => {
    const t = buildTemplate("registration", { rulebook: rb2024, year: 2024 });
    const rows = t.sheets[0].rows;
    const header = rows.findIndex((r) => r[0]?.value === "STT");
    expect(rows[header].map((c) => c?.value)).toEqual([
      "STT",
      "Quận/huyện",
      "Trình độ đào tạo TC-ĐH",
      "Trình độ đào tạo TC-CĐ",
      "Trình độ đào tạo CĐ-ĐH",
      "Ghi chú",
    ]);
    const units = rows.slice(header + 1, -1).map((r) => r[1]?.value);
    expect(units).toEqual(rb2024.units[0].names);
    expect(rows[rows.length - 1].map((c) => c?.formula ?? c?.value ?? null)).toEqual([
      null,
      "Tổng số:",
      'IF(SUM(C6:C19)=0,"",SUM(C6:C19))',
      'IF(SUM(D6:D19)=0,"",SUM(D6:D19))',
      'IF(SUM(E6:E19)=0,"",SUM(E6:E19))',
      null,
    ]);
    const { workbook } = checkWorkbook(templateSnapshot(t), { rulebook: rb2024 });
    expect(workbook.tables[0].valueColumns.map((c) => c.courseId)).toEqual(["tc-dh", "tc-cd", "cd-dh"]);
  });

  it("an unfilled column has a blank total; typed registrations add up and check clean; a wrong total is caught", () => {
    const t = structuredClone(buildTemplate("registration", { rulebook: rb2024, year: 2024 }));
    const rows = t.sheets[0].rows;
    expect(rows[rows.length - 1].slice(2, 5).map((c) => c?.result)).toEqual(["", "", ""]);
    const first = rows.findIndex((r) => r[1]?.value === "An Dương");
    // The 2024 plan's Phụ lục 1, TC-ĐH column: 42 in all, as the plan expects.
    [1, null, null, 1, null, null, 1, 2, 14, 12, null, 6, 2, 3].forEach((n, i) => {
      (rows[first + i][2] as TemplateCell).value = n;
    });
    const done = evaluateTemplate(t, rb2024);
    const total = done.sheets[0].rows[done.sheets[0].rows.length - 1];
    expect(total.slice(2, 5).map((c) => c?.result)).toEqual([42, "", ""]);
    expect(errorsOf(done, rb2024)).toEqual([]);
    const wrong = structuredClone(done);
    (wrong.sheets[0].rows[wrong.sheets[0].rows.length - 1][2] as TemplateCell).result = 41;
    expect(errorsOf(wrong, rb2024).map((e) => [e.rule, e.cells[0]])).toContainEqual(["totals", "C20"]);
  });

  it("2026–2030: communes by default (the rulebook lists none), blank rows numbered as names are typed", () => {
    const t = buildTemplate("registration", { rulebook: rb2026, year: 2027, rows: 3 });
    const rows = t.sheets[0].rows;
    const header = rows.findIndex((r) => r[0]?.value === "STT");
    expect(rows[header][1]?.value).toBe("Xã, phường, đặc khu");
    expect(rows.slice(header + 1, -1).map((r) => r[0]?.formula)).toEqual([
      'IF(B6="","",MAX($A$5:A5)+1)',
      'IF(B7="","",MAX($A$5:A6)+1)',
      'IF(B8="","",MAX($A$5:A7)+1)',
    ]);
    const districts = buildTemplate("registration", { rulebook: rb2026, year: 2027, units: "districts" });
    expect(districts.sheets[0].rows[header][1]?.value).toBe("Quận/huyện");
    const typed = structuredClone(t);
    (typed.sheets[0].rows[header + 2][1] as TemplateCell).value = "Phường Hồng Bàng";
    (typed.sheets[0].rows[header + 3][1] as TemplateCell).value = "Xã An Lão";
    const r = evaluateTemplate(typed, rb2026).sheets[0].rows;
    expect(r.slice(header + 1, -1).map((x) => x[0]?.result)).toEqual(["", 1, 2]);
  });

  it("2026–2030 with the department's own commune list in its rulebook: the communes are listed", () => {
    const rb = structuredClone(rb2026);
    rb.units = [
      {
        label: "Xã, phường, đặc khu",
        validFrom: "2025-07",
        names: ["Phường Thủy Nguyên", "Xã Việt Khê", "Đặc khu Cát Hải"],
        extra: [],
      },
    ];
    const t = buildTemplate("registration", { rulebook: rb, year: 2027, units: "communes" });
    const rows = t.sheets[0].rows;
    const header = rows.findIndex((r) => r[0]?.value === "STT");
    expect(rows.slice(header + 1, -1).map((r) => [r[0]?.value, r[1]?.value])).toEqual([
      [1, "Phường Thủy Nguyên"],
      [2, "Xã Việt Khê"],
      [3, "Đặc khu Cát Hải"],
    ]);
    expect(checkWorkbook(templateSnapshot(t), { rulebook: rb }).findings).toEqual([]);
  });

  it("a year without any course has one generic column", () => {
    const rb = builtinRulebook("binh-phuoc-bdtx-2023-2024");
    const t = buildTemplate("registration", { rulebook: rb, year: 2023, rows: 2 });
    const header = t.sheets[0].rows.find((r) => r[0]?.value === "STT");
    expect(header?.map((c) => c?.value)).toEqual([
      "STT",
      "Quận/huyện",
      "Số lượng đăng ký (người)",
      "Ghi chú",
    ]);
    expect(checkWorkbook(templateSnapshot(t), { rulebook: rb }).workbook.tables[0].kind).toBe("registration");
  });

  it("a year without upgrades lists its in-service courses", () => {
    const t = buildTemplate("registration", { rulebook: rb2026, year: 2029 });
    const header = t.sheets[0].rows.find((r) => r[0]?.value === "STT");
    expect(header?.[2]?.value).toBe(rb2026.courses.find((c) => c.id === "phat-trien-pham-chat")?.name);
  });
});

describe("person list", () => {
  const t = buildTemplate("person-list", { rulebook: rb2026, year: 2027 });
  const main = t.sheets[0];
  const header = main.rows.findIndex((r) => r[0]?.value === "STT");

  it("has the columns, 200 blank rows, drop-down lists and the hidden retirement table", () => {
    expect(main.rows[header].map((c) => c?.value)).toEqual([
      "STT",
      "Họ và tên",
      "Ngày sinh",
      "Giới tính",
      "Đơn vị công tác",
      "Xã, phường, đặc khu",
      "Cấp học",
      "Loại hình",
      "Trình độ hiện tại",
      "Chức vụ",
      "Chương trình đào tạo",
      "Tháng nghỉ hưu",
      "Số tháng còn lại từ 01/7/2020",
    ]);
    expect(main.rows.length - header - 1).toBe(200);
    const lists = Object.fromEntries(
      main.validations.map((v) => [v.range, v.type === "list" ? v.list : [v.min, v.max]]),
    );
    expect(lists).toEqual({
      "C6:C205": ["1940-01-01", "2010-12-31"],
      "D6:D205": ["Nam", "Nữ"],
      "G6:G205": [
        "Mầm non",
        "Tiểu học",
        "Trung học cơ sở",
        "Trung học phổ thông",
        "Giáo dục thường xuyên",
        "Giáo dục nghề nghiệp",
      ],
      "H6:H205": ["Công lập", "Ngoài công lập"],
      "I6:I205": ["Trung cấp", "Cao đẳng", "Đại học", "Thạc sĩ"],
      "K6:K205": ["TC-ĐH", "CĐ-ĐH"],
    });
    expect(t.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ["Danh sách 2027", false],
      [RETIREMENT_SHEET, true],
    ]);
    // 01/1955 … 12/1995: 492 birth months under a two-row header.
    expect(t.sheets[1].rows.length).toBe(5 + 492);
  });

  it("2024 by district: the district drop-down comes from the rulebook", () => {
    const p = buildTemplate("person-list", { rulebook: rb2024, year: 2024, rows: 3 });
    const units = p.sheets[0].validations.find((v) => v.range.startsWith("F"));
    expect(units).toMatchObject({ type: "list", list: rb2024.units[0].names });
  });

  it("a list too long to be inline comes from a hidden 'Danh mục' sheet", () => {
    const names = Array.from({ length: 114 }, (_, i) => `Xã số ${i + 1}`);
    const rb = { ...rb2026, units: [{ label: "Xã, phường, đặc khu", names, extra: [] }] };
    const p = buildTemplate("person-list", { rulebook: rb, year: 2027, rows: 2 });
    expect(p.sheets.map((s) => s.name)).toEqual(["Danh sách 2027", RETIREMENT_SHEET, "Danh mục"]);
    expect(p.sheets[0].validations.find((v) => v.range === "F6:F7")).toMatchObject({
      source: "'Danh mục'!$A$2:$A$115",
    });
    expect(p.sheets[2].rows[114][0]?.value).toBe("Xã số 114");
  });

  it("retirement month and months left follow Decree 135 for every birth month 1940–2010", () => {
    const at = (birth: number, gender: string) => {
      const p = structuredClone(buildTemplate("person-list", { rulebook: rb2026, year: 2027, rows: 1 }));
      setPeople(p, [{ name: "X", birth, gender }]);
      const row = evaluateTemplate(p).sheets[0].rows[header + 1];
      return [row[PERSON_COL.retirement]?.result, row[PERSON_COL.monthsLeft]?.result];
    };
    // One template, the formulas evaluated directly for speed: every month of 71 years, both genders.
    const p = buildTemplate("person-list", { rulebook: rb2026, year: 2027, rows: 1 });
    const r = header + 1;
    const L = p.sheets[0].rows[r][PERSON_COL.retirement]?.formula as string;
    const M = p.sheets[0].rows[r][PERSON_COL.monthsLeft]?.formula as string;
    const sheets = new Map(p.sheets.map((s) => [s.name, s]));
    for (let year = 1940; year <= 2010; year++) {
      for (let month = 1; month <= 12; month++) {
        for (const [gender, g] of [
          ["Nam", "male"],
          ["Nữ", "female"],
        ] as [string, Gender][]) {
          const birth = dateSerial(year, month, 15);
          const cell = (sheet: string, row: number, col: number) => {
            if (sheet === p.sheets[0].name && row === r) {
              if (col === PERSON_COL.birth) return birth;
              if (col === PERSON_COL.gender) return gender;
              if (col === PERSON_COL.retirement) return evaluateFormula(L, ctx) as number;
            }
            const c = sheets.get(sheet)?.rows[row]?.[col];
            return c?.value ?? null;
          };
          const ctx = { sheet: p.sheets[0].name, cell };
          const iso = retirementDate({ year, month }, g);
          const [y, m, d] = iso.split("-").map(Number);
          expect([year, month, gender, evaluateFormula(L, ctx)]).toEqual([
            year,
            month,
            gender,
            dateSerial(y, m, d),
          ]);
          expect(evaluateFormula(M, ctx)).toBe(Math.max(0, monthsLeft({ year, month }, g)));
        }
      }
    }
    // Through the whole template too, at the boundaries of the Decree's table.
    expect(at(dateSerial(1965, 9, 30), "Nam")).toEqual([dateSerial(2027, 6, 30), 84]);
    expect(at(dateSerial(1966, 4, 1), "nam")).toEqual([dateSerial(2028, 4, 30), 94]);
    expect(at(dateSerial(1975, 5, 2), "NỮ")).toEqual([dateSerial(2035, 5, 31), 179]);
    expect(at(dateSerial(1966, 4, 1), "")).toEqual(["", ""]);
    expect(at(dateSerial(1966, 4, 1), "Khác")).toEqual(["", CHECK_INPUT]);
    expect(at(dateSerial(1966, 4, 1), "Nữ giới")).toEqual(["", CHECK_INPUT]);
  });

  it("numbers a row once a name is typed", () => {
    const p = structuredClone(buildTemplate("person-list", { rulebook: rb2026, year: 2027, rows: 3 }));
    setPeople(p, [{ name: "A", birth: dateSerial(1980, 1, 1), gender: "Nữ" }]);
    (p.sheets[0].rows[header + 3][PERSON_COL.name] as TemplateCell).value = "B";
    const r = evaluateTemplate(p).sheets[0].rows;
    expect(r.slice(header + 1).map((x) => x[0]?.result)).toEqual([1, "", 2]);
    expect(errorsOf(evaluateTemplate(p), rb2026)).toEqual([]);
  });
});

describe("person list read by the engine", () => {
  it("understands every drop-down value, and its per-person rules apply to what is typed", () => {
    const p = structuredClone(buildTemplate("person-list", { rulebook: rb2024, year: 2024, rows: 4 }));
    const base = {
      school: "Trường Mầm non Hoa Sen",
      area: "Lê Chân",
      level: "Mầm non",
      sector: "Công lập",
      position: "Giáo viên",
    };
    setPeople(p, [
      {
        ...base,
        name: "Nguyễn Thị A",
        birth: dateSerial(1985, 3, 2),
        gender: "Nữ",
        qualification: "Trung cấp",
        programme: "TC-ĐH",
      },
      {
        ...base,
        name: "Trần Thị B",
        birth: dateSerial(1990, 7, 9),
        gender: "Nữ",
        qualification: "Trung cấp",
        programme: "TC-CĐ",
        sector: "Ngoài công lập",
      },
      // Born 09/1960: retired in 2020, not to be trained.
      {
        ...base,
        name: "Lê Văn C",
        birth: dateSerial(1960, 9, 1),
        gender: "Nam",
        qualification: "Trung cấp",
        programme: "TC-ĐH",
      },
    ]);
    const t = evaluateTemplate(p, rb2024);
    const { workbook, findings } = checkWorkbook(templateSnapshot(t), { rulebook: rb2024 });
    const people = workbook.tables[0].people ?? [];
    expect(people.map((x) => [x.level, x.qualification, x.sector, x.gender, x.programme])).toEqual([
      ["MN", "TC", "cong-lap", "female", "tc-dh"],
      ["MN", "TC", "ngoai-cong-lap", "female", "tc-cd"],
      ["MN", "TC", "cong-lap", "male", "tc-dh"],
    ]);
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.cells.every((c) => /\d+$/.exec(c)?.[0] === "8"))).toBe(true);
  });
});

describe("assignment template", () => {
  it("lists the year's duties with the year pre-filled and blank lines for more", () => {
    const t = buildTemplate("assignment", { rulebook: rb2026, year: 2030, rows: 2 });
    const rows = t.sheets[0].rows;
    const header = rows.findIndex((r) => r[0]?.value === "TT");
    expect(rows[header].map((c) => c?.value)).toEqual([
      "TT",
      "Nội dung",
      "Đơn vị chủ trì",
      "Đơn vị phối hợp",
      "Thời gian",
      "Sản phẩm",
    ]);
    expect(rows[header + 1].map((c) => c?.value ?? null)).toEqual([
      1,
      rb2026.courses.find((c) => c.id === "huong-nghiep")?.name,
      null,
      null,
      "Năm 2030",
      null,
    ]);
    expect(rows.slice(-2).map((r) => r[0]?.formula)).toEqual([
      expect.stringMatching(/^IF\(B\d+="","",MAX\(\$A\$5:A\d+\)\+1\)$/),
      expect.stringMatching(/^IF\(B\d+="","",MAX\(\$A\$5:A\d+\)\+1\)$/),
    ]);
  });
});

describe("the spec", () => {
  it("every cell's style is a documented style; merges and validations are A1 ranges", () => {
    for (const rb of [rb2026, rb2024])
      for (const kind of TEMPLATE_KINDS) {
        const t = buildTemplate(kind, { rulebook: rb, year: rb.years[0] });
        for (const s of t.sheets) {
          for (const row of s.rows)
            for (const c of row) if (c?.style) expect(Object.keys(STYLES)).toContain(c.style);
          for (const m of s.merges) expect(m).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
          for (const v of s.validations) expect(v.range).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
          expect(s.rowHeights).toHaveLength(s.rows.length);
          expect(s.columnWidths.length).toBeGreaterThanOrEqual(Math.max(...s.rows.map((r) => r.length)));
        }
      }
  });

  it("sheet names made unique for a workbook, references following them", () => {
    const t = buildTemplate("person-list", { rulebook: rb2026, year: 2027, rows: 1 });
    const u = withUniqueSheetNames(t, ["danh sách 2027", "Bảng tuổi nghỉ hưu"]);
    expect(u.sheets.map((s) => s.name)).toEqual(["Danh sách 2027 (2)", "Bảng tuổi nghỉ hưu (2)"]);
    const f = cellAt(u, 0, 5, PERSON_COL.retirement).formula as string;
    expect(f).toContain("'Bảng tuổi nghỉ hưu (2)'!$C$6:$D$497");
    expect(f).not.toContain("'Bảng tuổi nghỉ hưu'!");
    expect(withUniqueSheetNames(t, ["Khác"])).toBe(t);
    // Drop-down lists taken from a helper sheet follow it too.
    const names = Array.from({ length: 114 }, (_, i) => `Xã số ${i + 1}`);
    const rb = { ...rb2026, units: [{ label: "Xã, phường, đặc khu", names, extra: [] }] };
    const long = withUniqueSheetNames(buildTemplate("person-list", { rulebook: rb, year: 2027, rows: 1 }), [
      "Danh mục",
    ]);
    expect(long.sheets[2].name).toBe("Danh mục (2)");
    expect(long.sheets[0].validations.find((v) => v.range === "F6:F6")).toMatchObject({
      source: "'Danh mục (2)'!$A$2:$A$115",
    });
  });

  it("refuses an unknown kind or year, or odd options, in Vietnamese", () => {
    const o: TemplateOptions = { rulebook: rb2026, year: 2027 };
    expect(() => buildTemplate("budget" as TemplateKind, o)).toThrow(TemplateError);
    expect(() => buildTemplate("budget" as TemplateKind, o)).toThrow('Loại mẫu "budget" không có');
    expect(() => buildTemplate("cost", { ...o, year: 2031 })).toThrow(
      "Năm 2031 không thuộc sổ quy tắc hai-phong-2026-2030 (các năm: 2026, 2027, 2028, 2029, 2030).",
    );
    expect(() => buildTemplate("person-list", { ...o, rows: 0 })).toThrow("Số dòng trống");
  });
});

describe("a template made from a department's own rulebook", () => {
  const nd: Rulebook = {
    ...builtinRulebook("hai-phong-2024"),
    id: "nam-dinh-2027",
    name: "Kế hoạch bồi dưỡng năm 2027 của Sở GDĐT Nam Định",
    province: "Nam Định",
    years: [2027],
    courses: builtinRulebook("hai-phong-2026-2030").courses.slice(0, 2),
    levels: builtinRulebook("hai-phong-2026-2030").levels,
  };

  it.each(["cost", "task", "registration", "assignment"] as const)(
    "%s: names its province in the title lines, and is chosen back with that rulebook",
    (kind) => {
      const t = buildTemplate(kind, { rulebook: nd, year: 2027 });
      const texts = t.sheets[0].rows.slice(0, 6).flatMap((r) => r.map((c) => c?.value));
      expect(texts).toContain(
        "(Kèm theo Kế hoạch số           /KH-UBND ngày      tháng      năm           của Ủy ban nhân dân tỉnh Nam Định)",
      );
      const snap = templateSnapshot(t);
      const builtins = builtinRulebookIds.map((id) => ({
        rulebook: builtinRulebook(id),
        origin: { kind: "builtin" as const },
      }));
      const mine = { rulebook: nd, origin: { kind: "folder" as const, file: "quy-tac/nam-dinh-2027.xlsx" } };
      const back = chooseRulebook(snap, [...builtins, mine]);
      expect(back.ok && back.candidate.rulebook.id).toBe("nam-dinh-2027");
      // Without it, no Hải Phòng plan of 2027 is taken for it: the province says which plan.
      const without = chooseRulebook(snap, builtins);
      expect(without.ok).toBe(false);
      expect(!without.ok && without.province).toBe("Nam Định");
    },
  );

  it("a province written with its kind is kept as written", () => {
    expect(provinceTitle("Hải Phòng")).toBe("thành phố Hải Phòng");
    expect(provinceTitle("Nam Định")).toBe("tỉnh Nam Định");
    expect(provinceTitle("Tỉnh Bình Phước")).toBe("Tỉnh Bình Phước");
    expect(provinceTitle("TP. Hồ Chí Minh")).toBe("TP. Hồ Chí Minh");
  });
});
