/**
 * A first draft of a rulebook from a plan's own appendices (issue #11 item 4): the draft inferred
 * from the corrected 2026–2030 sample agrees with the built-in rulebook on prices, quotas and
 * credits, and the sample checks clean under it; every inferred value says how it was found.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/dean-rulebook";
import { main as deanCheck } from "../../src/cli/main";
import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { InferError, inferRulebook } from "../../src/engine/rulebook/infer";
import { expectedUnitPrice } from "../../src/engine/plan/expect";
import { createMatcher } from "../../src/engine/text/match";
import { pathText } from "../../src/engine/rulebook/messages";
import { parseRulebookText } from "../../src/engine/rulebook/load";
import { rulebookFromWorkbook } from "../../src/engine/rulebook/workbook";
import { readXlsx } from "../../src/io/xlsx/read";
import { runMain } from "../helpers/cli";
import { dutiesWithoutLevels2025 } from "../helpers/sheets";
import { seed2023AsPrinted } from "../fixtures/seed2023";
import { seed2026AsPrinted, seed2026Corrected, withCorrectedOverrides } from "../fixtures/seed2026";
import { snapshotToXlsxBuffer } from "../fixtures/xlsx";

const sample = seed2026Corrected();
const builtin = withCorrectedOverrides(JSON.parse(JSON.stringify(builtinRulebook())));
const { rulebook: draft, provenance } = inferRulebook(sample, { source: "ke-hoach-2026-2030-da-sua.xlsx" });

/** The draft's content that is the built-in one (the draft names contents as the cost appendix prints them). */
const builtinIdOf = (() => {
  const m = createMatcher(
    builtinRulebook().courses.map((c) => ({ key: c.id, names: [c.name, ...c.aliases] })),
    { threshold: 0.72 },
  );
  return (name: string) => m.match(name)?.key;
})();

describe("the draft inferred from the corrected 2026–2030 sample", () => {
  it("has the built-in rulebook's years, levels and school counts, totals convention and plan total", () => {
    expect(draft.years).toEqual(builtin.years);
    expect(draft.levels.map((l) => [l.id, l.schools])).toEqual(
      builtin.levels.map((l: { id: string; schools: number | null }) => [l.id, l.schools]),
    );
    expect(draft.totals).toEqual(builtin.totals);
    expect(draft.planTotal?.amount).toBe(builtin.planTotal.amount);
    expect(draft.defaultScale).toBe(1_000_000);
  });

  it("has the built-in rulebook's contents, in order, each once", () => {
    const ids = draft.courses.map((c) => builtinIdOf(c.name));
    expect(ids).toEqual(
      builtinRulebook()
        .courses.map((c) => c.id)
        .sort((a, b) => ids.indexOf(a) - ids.indexOf(b)),
    );
    expect(new Set(ids).size).toBe(builtinRulebook().courses.length);
  });

  it("agrees with the built-in rulebook on prices, quotas and credits, year by year", () => {
    for (const c of draft.courses) {
      const b = builtinRulebook().courses.find((x) => x.id === builtinIdOf(c.name));
      if (!b) throw new Error(`no built-in content for ${c.name}`);
      expect([c.name, c.kind, c.parent !== undefined]).toEqual([c.name, b.kind, b.parent !== undefined]);
      expect([c.name, c.pricing]).toEqual([c.name, b.pricing]);
      expect([c.name, c.offerings.map((o) => o.year)]).toEqual([c.name, b.offerings.map((o) => o.year)]);
      c.offerings.forEach((o, j) => {
        const bo = b.offerings[j];
        const got = { price: expectedUnitPrice(c, o), quota: o.quotaPerSchool, credits: o.credits };
        const want = { price: expectedUnitPrice(b, bo), quota: bo.quotaPerSchool, credits: bo.credits };
        expect([c.name, o.year, got]).toEqual([c.name, o.year, want]);
      });
    }
  });

  it("checks the sample clean", () => {
    const { findings, workbook } = checkWorkbook(sample, { rulebook: draft });
    expect(workbook.tables).toHaveLength(11);
    expect(findings).toEqual([]);
  });

  it("says how each value was found, and where", () => {
    const at = (path: string) => provenance.find((p) => pathText(p.path) === path);
    const tcdh = draft.courses.findIndex(
      (c) => c.id === "TC-DH".toLowerCase().replace("_", "-") || c.programme?.from === "TC",
    );
    expect(at(`courses[${tcdh}].pricing.pricePerCredit`)).toEqual({
      path: ["courses", tcdh, "pricing", "pricePerCredit"],
      how: "ghi chú: giá mỗi tín chỉ",
      from: "PL6 KP 2026!K12",
    });
    expect(at(`courses[${tcdh}].pricing.totalCredits`)?.how).toBe(
      'ghi ở nội dung ("Đào tạo nâng trình độ chuẩn GV MN, TH từ TC lên ĐH (tổng số 85 tín chỉ)")',
    );
    expect(at("levels[0].schools")?.how).toMatch(
      /^\d+\/\d+ dòng có định mức người\/trường cho cùng số trường/,
    );
    expect(at("levels[5].schools")?.how).toBe(
      "số người không chia đều cho định mức của các dòng: tính khoán (không theo trường)",
    );
    expect(at("courses[0].offerings[0].quotaPerSchool")).toMatchObject({ how: "ghi chú: 4 người/trường" });
    expect(at("planTotal.amount")).toEqual({
      path: ["planTotal", "amount"],
      how: "tổng cộng của bảng tổng hợp",
      from: "Tổng hợp!C9",
    });
  });
});

describe("dean-rulebook infer", () => {
  const dir = mkdtempSync(join(tmpdir(), "dean-rulebook-"));
  const plan = join(dir, "ke-hoach.xlsx");
  beforeAll(async () => writeFileSync(plan, await snapshotToXlsxBuffer(sample)));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a draft workbook with a 'Cách suy ra' sheet, which dean-check accepts and finds the plan clean with", async () => {
    const out = join(dir, "nhap.xlsx");
    const r = await runMain(main, ["infer", plan, "-o", out]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toMatch(
      /^Đã ghi bản nháp sổ quy tắc vào .*nhap\.xlsx: 22 nội dung, 6 cấp học, các năm 2026, 2027, 2028, 2029, 2030, tổng kinh phí 180\.378\.000\.000 đồng\./,
    );
    const snapshot = await readXlsx(readFileSync(out));
    expect(snapshot.sheets.map((s) => s.name)).toContain("Cách suy ra");
    expect(rulebookFromWorkbook(snapshot)?.rulebook).toEqual(
      draft.id && { ...draft, source: expect.any(String), name: expect.any(String) },
    );
    const check = await runMain(deanCheck, ["--json", "--rules", out, plan]);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out).files[0].findings).toEqual([]);
  });

  it("writes JSON when asked, and never overwrites a file without --force, nor the plan", async () => {
    const json = join(dir, "nhap.json");
    expect((await runMain(main, ["infer", plan, "-o", json])).code).toBe(0);
    expect(parseRulebookText(readFileSync(json, "utf8")).courses).toHaveLength(draft.courses.length);
    const again = await runMain(main, ["infer", plan, "-o", json]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/tệp đã có; thêm --force/);
    const before = statSync(plan).mtimeMs;
    const self = await runMain(main, ["infer", plan, "-o", plan, "--force"]);
    expect(self.code).toBe(2);
    expect(self.err).toMatch(/đó là kế hoạch đang đọc/);
    expect(statSync(plan).mtimeMs).toBe(before);
  });

  it("a workbook with nothing to infer from: exit 2 and one Vietnamese line", async () => {
    const empty = join(dir, "trong.xlsx");
    writeFileSync(empty, await snapshotToXlsxBuffer({ sheets: [{ name: "Sheet1", values: [["Ghi chú"]] }] }));
    const r = await runMain(main, ["infer", empty, "-o", join(dir, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(
      /^dean-rulebook: Không suy ra được sổ quy tắc: không nhận ra phụ lục kinh phí hay nhiệm vụ/,
    );
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });
});

const tmp = mkdtempSync(join(tmpdir(), "dean-rulebook-infer-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("seed 000's layout (levels and counts as text in one column, review item 11)", () => {
  const wb = seed2023AsPrinted();
  const { rulebook: d23 } = inferRulebook(wb, { source: "nhiem-vu-2023.xlsx" });

  it("gives a draft: the levels named in the text, the upgrade line a degree upgrade, the counts read", () => {
    expect(d23.years).toEqual([2023]);
    expect(d23.levels.map((l) => l.id)).toEqual(expect.arrayContaining(["MN", "TH", "THCS"]));
    const upgrade = d23.courses.find((c) => /nâng chuẩn/i.test(c.name));
    expect(upgrade?.kind).toBe("dao-tao");
    expect(upgrade?.offerings[0].counts).toMatchObject({ MN: 234, TH: 100, THCS: 54 });
    // The plan checks without an error under its own draft.
    const errors = checkWorkbook(wb, { rulebook: d23 }).findings.filter((f) => f.severity === "error");
    expect(errors).toEqual([]);
  });

  it("dean-rulebook infer on samples/nhiem-vu-2023.xlsx writes the draft", async () => {
    const out = join(tmp, "nhap-2023.json");
    const r = await runMain(main, ["infer", join("samples", "nhiem-vu-2023.xlsx"), "-o", out]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(parseRulebookText(readFileSync(out, "utf8"), out).years).toEqual([2023]);
  });

  it("what cannot be read is said in short lines, one per problem, never the schema's list", async () => {
    const noLevels = join(tmp, "khong-cap-hoc.xlsx");
    writeFileSync(noLevels, await snapshotToXlsxBuffer(dutiesWithoutLevels2025()));
    const r = await runMain(main, ["infer", noLevels, "-o", join(tmp, "y.json")]);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split("\n");
    expect(lines).toEqual([
      "dean-rulebook: Không suy ra được sổ quy tắc:",
      expect.stringMatching(/^dean-rulebook: – không nhận ra cấp học nào: /),
    ]);
    expect(r.err).not.toMatch(/courses\[|levels: /);
    expect(existsSync(join(tmp, "y.json"))).toBe(false);
  });
});

describe("a draft the rulebook's schema refuses", () => {
  it("is said once per problem, naming the contents and their cells, not once per content", () => {
    const row = (i: number, n: string, p: number) => [i, n, 1, 2, 3, p, 6 * p];
    const wb = {
      sheets: [
        {
          name: "KP",
          values: [
            ["KINH PHÍ ĐÀO TẠO NĂM 2025"],
            [],
            ["TT", "Nội dung", "MN", "TH", "THCS", "Đơn giá", "Thành tiền"],
            row(1, "Bồi dưỡng A", -1),
            row(2, "Bồi dưỡng B", -2),
            row(3, "Bồi dưỡng C", -3),
          ],
        },
      ],
    };
    let problems: string[] = [];
    try {
      inferRulebook(wb);
    } catch (e) {
      if (!(e instanceof InferError)) throw e;
      problems = e.problems;
    }
    expect(problems).toEqual([
      'đơn giá (price) không được âm: nội dung "Bồi dưỡng A" (KP!B4), "Bồi dưỡng B" (KP!B5) và 1 nội dung khác',
    ]);
  });
});

describe("the printed 2026–2030 sample: a count that contradicts its own note is flagged, not adopted", () => {
  const printed = inferRulebook(seed2026AsPrinted(), { source: "ke-hoach-2026-2030.xlsx" });

  it("keeps the note's quota and says each contradiction, with where it is", () => {
    expect(printed.doubts.length).toBeGreaterThan(0);
    for (const d of printed.doubts)
      expect(d).toMatch(
        /GDTX: phụ lục ghi (27|28) người \(PL\d+ KP 2030!G\d+\), nhưng ghi chú của dòng là 2 người\/trường × 13 trường = 26/,
      );
    // No fixed GDTX count of 27 or 28 in the draft: the quota decides.
    const fixed = printed.rulebook.courses.flatMap((c) =>
      c.offerings.filter((o) => o.counts.GDTX === 27 || o.counts.GDTX === 28),
    );
    expect(fixed).toEqual([]);
    const flagged = printed.provenance.filter((p) => p.how.startsWith("CẦN XEM LẠI"));
    expect(flagged).toHaveLength(printed.doubts.length);
    expect(flagged.every((p) => p.path.includes("GDTX") && /KP 2030!G/.test(p.from ?? ""))).toBe(true);
  });

  it("so the typos are still found when the plan is checked under its own draft", () => {
    const quota = (rb: typeof printed.rulebook) =>
      checkWorkbook(seed2026AsPrinted(), { rulebook: rb })
        .findings.filter((f) => f.rule === "quota" && f.sheet.includes("2030"))
        .map((f) => f.cells[0]);
    expect(quota(printed.rulebook)).toEqual(
      expect.arrayContaining(quota(builtinRulebook()).filter((c) => c.startsWith("G"))),
    );
  });

  it("dean-rulebook prints them under the written line", async () => {
    const plan = join(tmp, "in-2026.xlsx");
    writeFileSync(plan, await snapshotToXlsxBuffer(seed2026AsPrinted()));
    const r = await runMain(main, ["infer", plan, "-o", join(tmp, "in-2026.json")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Cần xem lại \d+ số người trái với ghi chú của chính dòng đó/m);
    expect(r.out).toMatch(/^ {2}– ".*" năm 2030, GDTX: phụ lục ghi 2[78] người/m);
  });
});
