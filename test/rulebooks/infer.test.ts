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
import { inferRulebook } from "../../src/engine/rulebook/infer";
import { expectedUnitPrice } from "../../src/engine/plan/expect";
import { createMatcher } from "../../src/engine/text/match";
import { pathText } from "../../src/engine/rulebook/messages";
import { parseRulebookText } from "../../src/engine/rulebook/load";
import { rulebookFromWorkbook } from "../../src/engine/rulebook/workbook";
import { readXlsx } from "../../src/io/xlsx/read";
import { runMain } from "../helpers/cli";
import { seed2026Corrected, withCorrectedOverrides } from "../fixtures/seed2026";
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
