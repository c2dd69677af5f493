/**
 * dean-check chooses each file's rulebook (issue #11) and says which and why; --rules decides;
 * --rules-dir / DEAN_RULES_DIR add the department's own; a bare built-in id given to --rules is
 * never a file of the working folder (#16).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { parseRulebook } from "../../src/engine/rulebook/load";
import { rulebookTemplate } from "../../src/engine/rulebook/workbook";
import { templateSnapshot } from "../../src/engine/templates/build";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { templateXlsxBuffer } from "../../src/io/xlsx/template";
import { runMain } from "../helpers/cli";
import { peopleWorkbook } from "../fixtures/people";
import { seed2024AsPrinted } from "../fixtures/seed2024";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { snapshotToXlsxBuffer } from "../fixtures/xlsx";

const cli = (...argv: string[]) => runMain(main, argv);
const dir = mkdtempSync(join(tmpdir(), "dean-check-rulebook-"));
const people = join(dir, "dang-ky-ca-nhan-2024.xlsx");
const plan2026 = join(dir, "ke-hoach-2026-2030.xlsx");
const year2019 = join(dir, "ke-hoach-2019.xlsx");
const mixed = join(dir, "tron.xlsx");
const withOwn = join(dir, "dang-ky-co-so-quy-tac.xlsx");
/** The 2026–2030 plan and the 2024 registrations (with their planted mistakes) in one workbook. */
const twoPlans = join(dir, "hai-ke-hoach.xlsx");
/** …and a cost sheet of 2019, which no rulebook has. */
const threePlans = join(dir, "ba-ke-hoach.xlsx");
/** A 2026 sheet that is no appendix, and a 2019 appendix: nothing can be checked. */
const nothingChecked = join(dir, "khong-kiem-tra-duoc.xlsx");

const titled = (name: string, title: string) => ({
  name,
  values: [
    [title],
    [],
    ["TT", "Nội dung", "MN", "TH", "THCS", "Đơn giá", "Thành tiền"],
    [1, "Bồi dưỡng", 1, 2, 3, 1, 6],
  ],
});

beforeAll(async () => {
  writeFileSync(people, await snapshotToXlsxBuffer(peopleWorkbook({ planted: true }).workbook));
  writeFileSync(plan2026, await snapshotToXlsxBuffer(seed2026AsPrinted()));
  writeFileSync(
    year2019,
    await snapshotToXlsxBuffer({ sheets: [titled("PL1", "KINH PHÍ ĐÀO TẠO NĂM 2019")] }),
  );
  const reg = seed2024AsPrinted();
  writeFileSync(
    mixed,
    await snapshotToXlsxBuffer({ sheets: [...seed2026AsPrinted().sheets.slice(5, 7), reg.sheets[0]] }),
  );
  const own: WorkbookSnapshot = {
    sheets: [...reg.sheets, ...templateSnapshot(rulebookTemplate(builtinRulebook("hai-phong-2024"))).sheets],
  };
  writeFileSync(withOwn, await snapshotToXlsxBuffer(own));
  const both = [...seed2026AsPrinted().sheets, ...peopleWorkbook({ planted: true }).workbook.sheets];
  writeFileSync(twoPlans, await snapshotToXlsxBuffer({ sheets: both }));
  writeFileSync(
    threePlans,
    await snapshotToXlsxBuffer({ sheets: [...both, titled("KP 2019", "KINH PHÍ ĐÀO TẠO NĂM 2019")] }),
  );
  writeFileSync(
    nothingChecked,
    await snapshotToXlsxBuffer({
      sheets: [
        { name: "Ghi chú", values: [["KẾ HOẠCH NĂM 2026"], ["Ghi chú của phòng Kế hoạch - Tài chính"]] },
        titled("KP 2019", "KINH PHÍ ĐÀO TẠO NĂM 2019"),
      ],
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const json = (r: { out: string }) => JSON.parse(r.out) as { files: Record<string, unknown>[] };
/** The report's line naming the rulebook (the first file's). */
const rulebookLine = (r: { out: string }) =>
  r.out.split("\n").find((l) => /^ {3}(Sổ quy tắc|Rulebook): /.test(l)) ?? "";

describe("the automatic choice in dean-check", () => {
  it("a 2024 workbook checked with no option finds what --rules hai-phong-2024 finds", async () => {
    const auto = await cli("--json", people);
    const option = await cli("--json", "--rules", "hai-phong-2024", people);
    expect(auto.code).toBe(1);
    expect(option.code).toBe(1);
    const [a, o] = [json(auto).files[0], json(option).files[0]];
    expect(a.rulebook).toEqual({
      id: "hai-phong-2024",
      name: builtinRulebook("hai-phong-2024").name,
      chosenBy: "auto",
    });
    expect(o.rulebook).toEqual({
      id: "hai-phong-2024",
      name: builtinRulebook("hai-phong-2024").name,
      chosenBy: "option",
    });
    expect(a.findings).toEqual(o.findings);
    // The non-public preschool teacher registered for the public-school TC-ĐH programme.
    expect(a.findings).toContainEqual(
      expect.objectContaining({
        rule: "programme-fit",
        severity: "error",
        message: expect.stringContaining("dành cho trường công lập, người này ở trường ngoài công lập"),
      }),
    );
    // What the 2026–2030 rulebook, the old silent default, would have said instead.
    const old = json(await cli("--json", "--rules", "hai-phong-2026-2030", people)).files[0];
    expect(old.findings).not.toEqual(a.findings);
  });

  it("samples/dang-ky-2024.xlsx: the 2024 rulebook, the same findings as with --rules", async () => {
    const sample = join("samples", "dang-ky-2024.xlsx");
    const a = json(await cli("--json", sample)).files[0];
    const o = json(await cli("--json", "--rules", "hai-phong-2024", sample)).files[0];
    expect((a.rulebook as { id: string }).id).toBe("hai-phong-2024");
    expect(a.findings).toEqual(o.findings);
  });

  it("the report's header names the rulebook and why, in Vietnamese and in English", async () => {
    const vi = await cli(plan2026);
    expect(rulebookLine(vi)).toBe(
      `   Sổ quy tắc: ${builtinRulebook().name} (hai-phong-2026-2030) — tự chọn: tiêu đề ghi "NĂM 2026" (PL1 NV 2026!A2); 11/11 trang có năm thuộc sổ này`,
    );
    const en = await cli("--lang", "en", plan2026);
    expect(rulebookLine(en)).toBe(
      `   Rulebook: ${builtinRulebook().name} (hai-phong-2026-2030) — chosen automatically: the title says "NĂM 2026" (PL1 NV 2026!A2); 11/11 sheets with years belong to it`,
    );
    const option = await cli("--rules", "hai-phong-2026-2030", plan2026);
    expect(rulebookLine(option)).toMatch(/ \(hai-phong-2026-2030\) — chọn bằng --rules$/);
  });

  it("the choice is per file in a batch", async () => {
    const r = json(await cli("--json", people, plan2026));
    expect(r.files.map((f) => (f.rulebook as { id: string }).id)).toEqual([
      "hai-phong-2024",
      "hai-phong-2026-2030",
    ]);
  });

  it("a workbook of a year no rulebook covers cannot be checked: its error, exit 2, one line naming what it found", async () => {
    const r = await cli("--json", year2019, plan2026);
    expect(r.code).toBe(2);
    const doc = json(r);
    expect(doc.files[0]).toEqual({
      file: year2019,
      error: expect.stringMatching(
        /^Không có sổ quy tắc nào cho sổ tính này: "NĂM 2019" ở PL1!A1, kế hoạch đào tạo, bồi dưỡng\. Các sổ quy tắc có: hai-phong-2026-2030 \(2026–2030\), hai-phong-2022 \(2022\), hai-phong-2023 \(2023\), hai-phong-2024 \(2024\), binh-phuoc-bdtx-2023-2024 \(2023, 2024\)\./,
      ),
    });
    expect(doc.files[1].rulebook).toBeDefined();
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/^dean-check: .*ke-hoach-2019\.xlsx: Không có sổ quy tắc nào/);
  });

  it("sheets of one workbook that belong to different plans are said so", async () => {
    const r = await cli(mixed);
    expect(r.out).toContain(
      '   ⚠ Trang thuộc kế hoạch khác, kiểm tra theo sổ quy tắc của kế hoạch đó: "PL1 MN" ("NĂM 2024": sổ hai-phong-2024)',
    );
  });

  it("a rulebook kept in the workbook is used (chosenBy saved), its sheets not checked as appendices", async () => {
    const r = await cli("--json", withOwn);
    expect(json(r).files[0].rulebook).toMatchObject({ id: "hai-phong-2024", chosenBy: "saved" });
    expect(json(r).files[0].findings).toEqual(
      json(await cli("--json", "--rules", "hai-phong-2024", withOwn)).files[0].findings,
    );
    const text = await cli(withOwn);
    // Skipped on purpose, not "Không nhận ra"; the reason said once in the header (review item 15).
    expect(text.out).toContain("   – Thông tin chung: Bỏ qua: trang của sổ quy tắc, không phải phụ lục");
    expect(text.out).not.toMatch(/Không nhận ra — trang của sổ quy tắc/);
    expect(rulebookLine(text)).toBe(
      `   Sổ quy tắc: ${builtinRulebook("hai-phong-2024").name} (hai-phong-2024) — sổ quy tắc để trong sổ tính (trang "Thông tin chung")`,
    );
    const en = await cli("--lang", "en", withOwn);
    expect(en.out).toContain("   – Thông tin chung: Skipped: a sheet of the rulebook, not an appendix");
    expect(rulebookLine(en).match(/the rulebook kept in the workbook/g)).toHaveLength(1);
  });

  it("the annotated copy names the rulebook and why", async () => {
    const out = join(dir, "ban-danh-dau.xlsx");
    await cli("--annotate", out, people);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Kết quả kiểm tra") as ExcelJS.Worksheet;
    expect(String(ws.getCell("A2").value)).toContain(builtinRulebook("hai-phong-2024").name);
    expect(String(ws.getCell("A3").value)).toMatch(
      /^Sổ quy tắc: .* \(hai-phong-2024\) — tự chọn: tiêu đề ghi "NĂM 2024"/,
    );
  });
});

describe("a workbook whose sheets belong to several plans", () => {
  type PublicRulebook = {
    id: string;
    chosenBy: string;
    otherPlans?: { id: string; name: string; chosenBy: string; sheets: string[] }[];
    unchecked?: { sheet: string; reason: string }[];
  };
  type Finding = { sheet: string; rule: string };
  const sheets2024 = ["PL1 MN", "PL2 TH", "PL3 THCS", "DS đăng ký 2024"];
  const of = (findings: unknown, keep: (f: Finding) => boolean) => (findings as Finding[]).filter(keep);

  it("each sheet is checked with its own plan's rulebook: the same findings as each plan alone", async () => {
    const r = await cli("--json", twoPlans);
    expect(r.code).toBe(1);
    const f = json(r).files[0];
    expect(f.rulebook).toEqual({
      id: "hai-phong-2026-2030",
      name: builtinRulebook().name,
      chosenBy: "auto",
      otherPlans: [
        {
          id: "hai-phong-2024",
          name: builtinRulebook("hai-phong-2024").name,
          chosenBy: "auto",
          sheets: sheets2024,
        },
      ],
    });
    const alone2024 = json(await cli("--json", "--rules", "hai-phong-2024", people)).files[0];
    const alone2026 = json(await cli("--json", plan2026)).files[0];
    const in2024 = (x: Finding) => sheets2024.includes(x.sheet);
    // The 2024 sheets: what --rules hai-phong-2024 finds on the 2024 workbook alone (the
    // non-public preschool teacher on the public-school programme among them)…
    expect(of(f.findings, in2024)).toEqual(alone2024.findings);
    expect(of(f.findings, in2024)).toContainEqual(expect.objectContaining({ rule: "programme-fit" }));
    // …the 2026–2030 sheets: what the plan alone gets, no 2024 sheet called a duplicate or off-plan.
    expect(of(f.findings, (x) => !in2024(x))).toEqual(alone2026.findings);
  });

  it("the text report names the other plan's rulebook and its sheets, in Vietnamese and English", async () => {
    const vi = await cli(twoPlans);
    expect(vi.out).toContain(
      '   ⚠ Trang thuộc kế hoạch khác, kiểm tra theo sổ quy tắc của kế hoạch đó: "PL1 MN", "PL2 TH", "PL3 THCS", "DS đăng ký 2024" ("NĂM 2024": sổ hai-phong-2024)',
    );
    const en = await cli("--lang", "en", twoPlans);
    expect(en.out).toContain(
      `   ⚠ Sheets of another plan, checked with that plan's rulebook: "PL1 MN", "PL2 TH", "PL3 THCS", "DS đăng ký 2024" ("NĂM 2024": rulebook hai-phong-2024)`,
    );
  });

  it("a sheet of a year no rulebook has is not checked, and said: in --json, the report and its skipped sheets", async () => {
    const r = await cli("--json", threePlans);
    const f = json(r).files[0];
    const rb = f.rulebook as PublicRulebook;
    expect(rb.otherPlans?.map((p) => p.id)).toEqual(["hai-phong-2024"]);
    expect(rb.unchecked).toEqual([
      {
        sheet: "KP 2019",
        reason: 'thuộc kế hoạch khác (tiêu đề ghi "NĂM 2019"), không sổ quy tắc nào có: không kiểm tra',
      },
    ]);
    expect(of(f.findings, (x) => x.sheet === "KP 2019")).toEqual([]);
    const text = await cli(threePlans);
    expect(text.out).toContain(
      '   ⚠ Trang không kiểm tra: "KP 2019" ("NĂM 2019") — không sổ quy tắc nào có năm của trang; chọn sổ bằng --rules',
    );
    expect(text.out).toContain(
      '   – KP 2019: Bỏ qua: thuộc kế hoạch khác (tiêu đề ghi "NĂM 2019"), không sổ quy tắc nào có: không kiểm tra',
    );
    const en = json(await cli("--json", "--lang", "en", threePlans)).files[0];
    expect((en.rulebook as PublicRulebook).unchecked).toEqual([
      {
        sheet: "KP 2019",
        reason: 'of another plan (the title says "NĂM 2019"), which no rulebook has: not checked',
      },
    ]);
  });

  it("--rules decides for every sheet, and names the sheets whose years it does not cover (review item 5)", async () => {
    const r = await cli("--json", "--rules", "hai-phong-2026-2030", threePlans);
    const f = json(r).files[0];
    const rb = f.rulebook as { uncovered: { sheet: string; reason: string }[] };
    expect(rb).toMatchObject({ id: "hai-phong-2026-2030", name: builtinRulebook().name, chosenBy: "option" });
    // No other plan's rulebook is used and nothing is left unchecked: the user asked for this one.
    expect(Object.keys(rb).sort()).toEqual(["chosenBy", "id", "name", "uncovered"]);
    const sheets = rb.uncovered.map((u) => u.sheet);
    expect(sheets).toContain("KP 2019");
    expect(sheets.every((s) => !/2026|2027|2028|2029|2030|TH 2026/.test(s))).toBe(true);
    expect(rb.uncovered.find((u) => u.sheet === "KP 2019")?.reason).toBe(
      'tiêu đề ghi "NĂM 2019", sổ hai-phong-2026-2030 không có năm này',
    );
    // Some sheets are covered: the findings decide the exit code, as always.
    expect(r.code).toBe(1);
    const text = await cli("--rules", "hai-phong-2026-2030", threePlans);
    expect(text.out).toMatch(
      /^ {3}⚠ Sổ quy tắc hai-phong-2026-2030 \(2026–2030\) không có năm của trang: .*"KP 2019" \("NĂM 2019"\).* — vẫn kiểm tra theo sổ đã chọn/mu,
    );
  });

  it("--rules that covers no sheet of the workbook: checked and shown, but never a pass (exit 2, one line)", async () => {
    const sample = join("samples", "dang-ky-2024.xlsx");
    const r = await cli("--json", "--rules", "hai-phong-2026-2030", sample);
    expect(r.code).toBe(2);
    const f = json(r).files[0];
    expect(f.findings).toEqual(expect.any(Array));
    expect((f.rulebook as { uncovered: { sheet: string }[] }).uncovered.map((u) => u.sheet)).toEqual([
      "PL1 MN",
      "PL2 TH",
      "PL3 THCS",
      "PL4 Tư vấn HS",
      "PL5 LS-ĐL",
      "PL6 KHTN",
    ]);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("không có năm của trang nào");
    const text = await cli("--rules", "hai-phong-2026-2030", sample);
    expect(text.code).toBe(2);
    expect(text.out).toContain(
      "dang-ky-2024.xlsx: 0 lỗi, 0 cảnh báo, 0 lưu ý — sổ quy tắc đã chọn không có năm của sổ tính: không phải kết quả đạt",
    );
    const en = await cli("--lang", "en", "--rules", "hai-phong-2026-2030", sample);
    expect(en.out).toContain("⚠ The rulebook hai-phong-2026-2030 (2026–2030) has the years of no sheet:");
    // The rulebook of its years: nothing to say.
    const right = json(await cli("--json", "--rules", "hai-phong-2024", sample)).files[0];
    expect(right.rulebook).toEqual({
      id: "hai-phong-2024",
      name: builtinRulebook("hai-phong-2024").name,
      chosenBy: "option",
    });
  });

  it("a workbook in which nothing can be checked is an unreadable input (exit 2), never a pass", async () => {
    const r = await cli("--json", nothingChecked);
    expect(r.code).toBe(2);
    expect(json(r).files[0]).toEqual({
      file: nothingChecked,
      error: expect.stringContaining(
        '"KP 2019": thuộc kế hoạch khác (tiêu đề ghi "NĂM 2019"), không sổ quy tắc nào có: không kiểm tra',
      ),
    });
  });
});

describe("--rules and the department's own rulebooks", () => {
  const mine = (id: string, name: string) => ({
    ...JSON.parse(JSON.stringify(builtinRulebook("hai-phong-2024"))),
    id,
    name,
  });

  it("--rules accepts a rulebook workbook (.xlsx)", async () => {
    const xlsx = join(dir, "so-quy-tac-2024.xlsx");
    writeFileSync(xlsx, await templateXlsxBuffer(rulebookTemplate(builtinRulebook("hai-phong-2024"))));
    const r = await cli("--json", "--rules", xlsx, people);
    expect(json(r).files[0].rulebook).toMatchObject({ id: "hai-phong-2024", chosenBy: "option" });
    expect(json(r).files[0].findings).toEqual(
      json(await cli("--json", "--rules", "hai-phong-2024", people)).files[0].findings,
    );
  });

  it("--rules-dir and DEAN_RULES_DIR: the department's rulebook of the same year is chosen and named by its file", async () => {
    const folder = join(dir, "quy-tac");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "so-2024.json"), JSON.stringify(mine("so-2024-cua-so", "Sổ 2024 của Sở")));
    writeFileSync(join(folder, "~$so-2024.json"), "lock file");
    const r = await cli("--rules-dir", folder, people);
    expect(rulebookLine(r)).toMatch(
      /^ {3}Sổ quy tắc: Sổ 2024 của Sở \(so-2024-cua-so, tệp .*so-2024\.json\) — tự chọn: /,
    );
    const before = process.env.DEAN_RULES_DIR;
    process.env.DEAN_RULES_DIR = folder;
    try {
      expect(json(await cli("--json", people)).files[0].rulebook).toMatchObject({
        id: "so-2024-cua-so",
        chosenBy: "auto",
      });
    } finally {
      if (before === undefined) delete process.env.DEAN_RULES_DIR;
      else process.env.DEAN_RULES_DIR = before;
    }
  });

  it("--rules-dir beside the appendices: a workbook that holds no rulebook sheet is skipped in one line, the run goes on (review item 6)", async () => {
    const folder = join(dir, "so-va-phu-luc");
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, "so-quy-tac.xlsx"),
      await templateXlsxBuffer(rulebookTemplate(parseRulebook(mine("so-2024-xlsx", "Sổ 2024 bằng Excel")))),
    );
    copyFileSync(people, join(folder, "dang-ky.xlsx"));
    const r = await cli("--json", "--rules-dir", folder, join(folder, "dang-ky.xlsx"));
    expect(r.code).not.toBe(2);
    expect(json(r).files[0].rulebook).toMatchObject({ id: "so-2024-xlsx", chosenBy: "auto" });
    expect(r.err.trim().split("\n")).toEqual([
      `dean-check: bỏ qua "${join(folder, "dang-ky.xlsx")}" trong thư mục sổ quy tắc: tệp không có trang sổ quy tắc nào (có lẽ là một phụ lục).`,
    ]);
    // A rulebook workbook that is broken still stops the run: it must not be passed over.
    const broken = join(dir, "so-hong");
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, "x.json"), "{}");
    expect((await cli("--rules-dir", broken, people)).code).toBe(2);
  });

  it("a rulebook file with a built-in id never shadows it silently: the file is named where used", async () => {
    const folder = join(dir, "quy-tac-trung");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "hp.json"), JSON.stringify(mine("hai-phong-2024", "Bản sửa của Sở")));
    const r = await cli("--rules-dir", folder, people);
    expect(r.err).toMatch(/^dean-check: sổ quy tắc ".*hp\.json" có mã hai-phong-2024 trùng sổ có sẵn/);
    expect(rulebookLine(r)).toMatch(/Bản sửa của Sở \(hai-phong-2024, tệp .*hp\.json\)/);
  });

  it("a built-in id given to --rules is not shadowed by a file of that name in the working folder", async () => {
    const cwd = process.cwd();
    const work = join(dir, "lam-viec");
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, "hai-phong-2024"), JSON.stringify(mine("hai-phong-2024", "Tệp cùng tên")));
    copyFileSync(people, join(work, "dang-ky.xlsx"));
    process.chdir(work);
    try {
      const r = await cli("--rules", "hai-phong-2024", "dang-ky.xlsx");
      expect(rulebookLine(r)).toMatch(
        /Kế hoạch thực hiện Đề án 2644 năm 2024 .* \(hai-phong-2024\) — chọn bằng --rules$/,
      );
      expect(r.err).toBe(
        'dean-check: dùng sổ quy tắc có sẵn hai-phong-2024; tệp "hai-phong-2024" cùng tên trong thư mục này không được dùng (ghi ./hai-phong-2024 để dùng tệp).\n',
      );
      const file = await cli("--rules", "./hai-phong-2024", "dang-ky.xlsx");
      expect(rulebookLine(file)).toMatch(
        /Tệp cùng tên \(hai-phong-2024, tệp \.\/hai-phong-2024\) — chọn bằng --rules$/,
      );
    } finally {
      process.chdir(cwd);
    }
  });

  it("a rulebook that is not a regular file is refused in one line", async () => {
    const r = await cli("--rules", dir, people);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`dean-check: Không đọc được sổ quy tắc "${dir}": đây là thư mục, không phải tệp.\n`);
  });
});
