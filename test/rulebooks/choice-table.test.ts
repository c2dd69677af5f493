/**
 * Which rulebook is chosen automatically, and why, for every seed fixture (as printed and
 * corrected) and every bundled sample (issue #11): one table. Each seed is a plan of its own
 * (the domain brief): 000 the 2023 plan (Hải Phòng), 001 the 2024 registrations per district,
 * 002 the 2022 plan, 003 the 2026–2030 plan, 004 Bình Phước's BDTX plan of the school year
 * 2023-2024. A sample added to samples/ must be added to the table.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { builtinCandidates } from "../../src/engine/rulebook/builtin";
import { prepareCheck } from "../../src/engine/rulebook/select";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { readXlsxDetailed } from "../../src/io/xlsx/read";
import { peopleWorkbook } from "../fixtures/people";
import { seed2022AsPrinted, seed2022Corrected } from "../fixtures/seed2022";
import { seed2023AsPrinted, seed2023Corrected } from "../fixtures/seed2023";
import { seed2024AsPrinted } from "../fixtures/seed2024";
import { seed2026AsPrinted, seed2026Corrected } from "../fixtures/seed2026";
import { seedBdtxAsPrinted, seedBdtxCorrected } from "../fixtures/seedBdtx";

const R2026 = 'tiêu đề ghi "NĂM 2026" (PL1 NV 2026!A2); 11/11 trang có năm thuộc sổ này';
const R2024 = 'tiêu đề ghi "NĂM 2024" (PL1 MN!A3); 6/6 trang có năm thuộc sổ này; tỉnh/thành phố Hải Phòng';
const R2023 = 'tiêu đề ghi "NĂM 2023" (PL I NV 2023!A2)';
const R2022 = 'tiêu đề ghi "NĂM 2022" (KP 2022!A1)';
const RBDTX = 'tiêu đề ghi "NĂM HỌC 2023-2024" (KQ BDTX 2023-2024!A2)';

/** [what, the workbook, the rulebook chosen, why (the report's reason, in Vietnamese)]. */
const FIXTURES: [string, () => WorkbookSnapshot, string, string][] = [
  ["seed 000, the 2023 plan's Phụ lục I, as printed", seed2023AsPrinted, "hai-phong-2023", R2023],
  ["seed 000, corrected", seed2023Corrected, "hai-phong-2023", R2023],
  ["seed 001, the 2024 registrations per district", () => seed2024AsPrinted(), "hai-phong-2024", R2024],
  [
    "seed 001 with the list of people registered",
    () => peopleWorkbook({ planted: true }).workbook,
    "hai-phong-2024",
    'tiêu đề ghi "NĂM 2024" (PL1 MN!A3); 4/4 trang có năm thuộc sổ này; tỉnh/thành phố Hải Phòng',
  ],
  ["seed 002, the 2022 cost table, as printed", seed2022AsPrinted, "hai-phong-2022", R2022],
  ["seed 002, corrected", seed2022Corrected, "hai-phong-2022", R2022],
  ["seed 003, the 2026–2030 appendices, as printed", () => seed2026AsPrinted(), "hai-phong-2026-2030", R2026],
  ["seed 003, corrected", () => seed2026Corrected(), "hai-phong-2026-2030", R2026],
  [
    "seed 004, the BDTX results of 2023-2024, as printed",
    seedBdtxAsPrinted,
    "binh-phuoc-bdtx-2023-2024",
    RBDTX,
  ],
  ["seed 004, corrected", seedBdtxCorrected, "binh-phuoc-bdtx-2023-2024", RBDTX],
];

/** Every bundled sample: [file, the rulebook chosen, why]. */
const SAMPLES: Record<string, [string, string]> = {
  "bdtx-2023-2024.xlsx": ["binh-phuoc-bdtx-2023-2024", RBDTX],
  "dang-ky-2024.xlsx": ["hai-phong-2024", R2024],
  "ke-hoach-2026-2030.xlsx": ["hai-phong-2026-2030", R2026],
  "kinh-phi-2022.xlsx": ["hai-phong-2022", R2022],
  "nhiem-vu-2023.xlsx": ["hai-phong-2023", R2023],
};

function choice(wb: WorkbookSnapshot) {
  const p = prepareCheck(wb, { candidates: builtinCandidates() });
  if (!p.ok) throw new Error(p.error);
  return p;
}

describe.each(FIXTURES)("%s", (_what, workbook, id, why) => {
  it(`chooses ${id}, by its titles, for every sheet`, () => {
    const p = choice(workbook());
    expect([p.used.rulebook.id, p.used.chosenBy, p.used.reason]).toEqual([id, "auto", why]);
    // One plan: no sheet checked with another rulebook, none left unchecked.
    expect([p.otherPlans, p.unchecked, p.used.others, p.used.unchecked]).toEqual([
      [],
      [],
      undefined,
      undefined,
    ]);
  });
});

describe("the bundled samples", () => {
  it("the table names every file of samples/", () => {
    expect(
      readdirSync("samples")
        .filter((f) => f.endsWith(".xlsx"))
        .sort(),
    ).toEqual(Object.keys(SAMPLES).sort());
  });

  it.each(Object.entries(SAMPLES))("%s: %j", async (file, [id, why]) => {
    const p = choice((await readXlsxDetailed(readFileSync(join("samples", file)))).snapshot);
    expect([p.used.rulebook.id, p.used.chosenBy, p.used.reason]).toEqual([id, "auto", why]);
    expect([p.otherPlans, p.unchecked]).toEqual([[], []]);
  });
});

describe("what no seed's rulebook covers", () => {
  it("a cost table of 2019: no rulebook, the message names what was found and the rulebooks", () => {
    const wb: WorkbookSnapshot = {
      sheets: [
        { name: "KP 2019", values: [["KINH PHÍ ĐÀO TẠO NĂM 2019"], [], ["TT", "Nội dung", "Thành tiền"]] },
      ],
    };
    const p = prepareCheck(wb, { candidates: builtinCandidates() });
    expect(p.ok).toBe(false);
    expect(!p.ok && p.error).toMatch(/^Không có sổ quy tắc nào cho sổ tính này: "NĂM 2019" ở KP 2019!A1/);
  });
});
