/**
 * `--lang vi|en` of dean-template and dean-rulebook, parsed and checked as dean-check's: what they
 * print (help, progress lines, errors, a wrong rulebook's validation messages) is in the language
 * asked for; what they write (templates, rulebook workbooks, drafts) stays Vietnamese; an unknown
 * language is refused in both languages with exit 2.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main as deanRulebook } from "../../src/cli/dean-rulebook";
import { main as deanTemplate } from "../../src/cli/dean-template";
import { main as deanCheck } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/shared";
import { readXlsx } from "../../src/io/xlsx/read";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { snapshotToXlsxBuffer } from "../fixtures/xlsx";
import { runMain, type Run } from "../helpers/cli";
import { dutiesWithoutLevels2025 } from "../helpers/sheets";

const template = (...argv: string[]) => runMain(deanTemplate, argv);
const rulebook = (...argv: string[]) => runMain(deanRulebook, argv);

const dir = mkdtempSync(join(tmpdir(), "dean-lang-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lower-case Vietnamese letters with a tone or a hat (as dean-check's English help test). */
const VIETNAMESE = /[àáảãạắằẳẵặăấầẩẫậâđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/;

/** Exit 2 and exactly one line on stderr, starting with the tool's name, nothing on stdout. */
function oneLine(r: Run, tool: string): string {
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err.endsWith("\n")).toBe(true);
  expect(r.err.trim().split("\n")).toHaveLength(1);
  expect(r.err.startsWith(`${tool}: `)).toBe(true);
  return r.err.slice(tool.length + 2, -1);
}

describe("dean-template --lang", () => {
  it("gives its help in Vietnamese (the default, and --lang vi) and in English (--lang en)", async () => {
    const vi = await template("--help");
    expect(vi.code).toBe(0);
    expect(vi.out).toMatch(/^Cách dùng: dean-template /);
    expect(vi.out).toContain("--lang        ngôn ngữ của thông báo: vi (mặc định) hoặc en");
    expect(await template("--lang", "vi", "--help")).toEqual({ ...vi, ms: expect.any(Number) });

    const en = await template("--lang", "en", "--help");
    expect(en.code).toBe(0);
    expect(en.err).toBe("");
    expect(en.out).toMatch(/^Usage: dean-template <kind> --year <year> /);
    expect(en.out).toContain("  cost          Cost appendix\n");
    expect(en.out).toContain("  person-list   List of people registered for an upgrade\n");
    expect(en.out).toContain("--lang        language of the messages: vi (default) or en");
    expect(en.out).not.toMatch(VIETNAMESE);
    expect((await template("--lang=en", "-h")).out).toBe(en.out);
  });

  it.each([
    [
      "no kind",
      [],
      "Chưa chọn loại mẫu: cost, task, registration, person-list, assignment, rulebook. Gõ dean-template --help để xem cách dùng.",
      "No kind of template chosen: cost, task, registration, person-list, assignment, rulebook. Type dean-template --help for the usage.",
    ],
    [
      "an unknown kind",
      ["budget", "-o", "x.xlsx"],
      'Loại mẫu "budget" không có: chọn cost, task, registration, person-list, assignment, rulebook.',
      'There is no kind of template "budget": choose cost, task, registration, person-list, assignment, rulebook.',
    ],
    [
      "a year that is no number",
      ["cost", "--year", "hai", "-o", "x.xlsx"],
      'Năm phải là số nguyên, không phải "hai".',
      'The year must be a whole number, not "hai".',
    ],
    [
      "a year the rulebook does not have",
      ["cost", "--year", "2031", "-o", "x.xlsx"],
      "Năm 2031 không thuộc sổ quy tắc hai-phong-2026-2030 (các năm: 2026, 2027, 2028, 2029, 2030).",
      "The year 2031 is not in the rulebook hai-phong-2026-2030 (its years: 2026, 2027, 2028, 2029, 2030).",
    ],
    [
      "an output that is no .xlsx",
      ["rulebook", "-o", "so.json"],
      'Tệp ghi ra phải có đuôi .xlsx, không phải "so.json".',
      'The file to write must end in .xlsx, not "so.json".',
    ],
    [
      "an unknown option",
      ["cost", "--frobnicate"],
      'Tham số không hợp lệ "--frobnicate". Gõ dean-template --help để xem cách dùng.',
      'Invalid argument "--frobnicate". Type dean-template --help for usage.',
    ],
  ])("says %s in one line, in Vietnamese or in English", async (_name, args, vi, en) => {
    expect(oneLine(await template(...args), "dean-template")).toBe(vi);
    expect(oneLine(await template("--lang", "vi", ...args), "dean-template")).toBe(vi);
    expect(oneLine(await template("--lang", "en", ...args), "dean-template")).toBe(en);
  });

  it("says what it wrote in the language asked for; the template itself is the same Vietnamese document", async () => {
    const vi = join(dir, "kinh-phi-vi.xlsx");
    const en = join(dir, "kinh-phi-en.xlsx");
    const rv = await template("cost", "-y", "2027", "-o", vi);
    expect(rv).toMatchObject({ code: 0, err: "" });
    expect(rv.out).toBe(
      `Đã ghi mẫu phụ lục kinh phí năm 2027 (sổ quy tắc hai-phong-2026-2030) vào ${vi}: PL7 KP 2027.\n`,
    );
    const re = await template("--lang", "en", "cost", "-y", "2027", "-o", en);
    expect(re).toMatchObject({ code: 0, err: "" });
    expect(re.out).toBe(
      `Wrote the 2027 template "cost appendix" (rulebook hai-phong-2026-2030) to ${en}: PL7 KP 2027.\n`,
    );
    expect(await readXlsx(readFileSync(en))).toEqual(await readXlsx(readFileSync(vi)));

    // An existing file is refused in the language asked for too.
    expect(oneLine(await template("--lang", "en", "cost", "-y", "2027", "-o", en), "dean-template")).toBe(
      `Cannot write "${en}": the file exists; add --force to overwrite it.`,
    );
    expect(oneLine(await template("cost", "-y", "2027", "-o", en), "dean-template")).toBe(
      `Không ghi được "${en}": tệp đã có; thêm --force để ghi đè.`,
    );
  });

  it("says which unit list a registration template uses, and a hidden sheet as hidden, in English", async () => {
    const reg = join(dir, "dang-ky.xlsx");
    const r = await template("--lang", "en", "registration", "--rules", "hai-phong-2024", "-o", reg);
    expect(r).toMatchObject({ code: 0, err: "" });
    // The list's name is the template's own column heading, quoted as written.
    expect(r.out.split("\n")[1]).toBe("Units: Quận/huyện (14 units from the rulebook).");
    const list = join(dir, "danh-sach.xlsx");
    const l = await template("--lang", "en", "person-list", "-y", "2027", "-o", list);
    expect(l.out).toMatch(/: Danh sách 2027, Bảng tuổi nghỉ hưu \(hidden\)\.\n$/);
    expect(l.out).toMatch(/^Wrote the 2027 template "list of people registered for an upgrade" /);
  });

  it("words a wrong rulebook workbook's problems in the language asked for, at their cells", async () => {
    const blank = join(dir, "so-trong.xlsx");
    const w = await template("--lang", "en", "rulebook", "-o", blank);
    expect(w).toMatchObject({ code: 0, err: "" });
    expect(w.out).toMatch(
      /^Wrote a blank rulebook to .*: Thông tin chung, Cấp học, .* Fill it in in Excel, then use: /,
    );
    // The workbook written under --lang en is the Vietnamese one.
    expect((await readXlsx(readFileSync(blank))).sheets.map((s) => s.name)).toContain("Nội dung & đơn giá");

    const en = oneLine(
      await template("--lang", "en", "cost", "--rules", blank, "-o", join(dir, "x.xlsx")),
      "dean-template",
    );
    expect(en).toMatch(new RegExp(`^The rulebook "${blank}" is not valid \\(5 problems\\): `));
    expect(en).toContain("Thông tin chung!B7: rulebook id is missing");
    const vi = oneLine(await template("cost", "--rules", blank, "-o", join(dir, "x.xlsx")), "dean-template");
    expect(vi).toContain("Thông tin chung!B7: thiếu mã sổ quy tắc");
    // --from reads it the same way.
    expect(
      oneLine(
        await template("--lang", "en", "rulebook", "--from", blank, "-o", join(dir, "y.xlsx")),
        "dean-template",
      ),
    ).toBe(en);
    expect(existsSync(join(dir, "x.xlsx")) || existsSync(join(dir, "y.xlsx"))).toBe(false);
  });

  it.each([[["--lang", "xx"]], [["--lang=fr"]], [["--lang", "EN"]]])(
    "refuses %j in both languages, with exit 2, and writes nothing",
    async (lang) => {
      const out = join(dir, "khong-ghi.xlsx");
      const text = oneLine(await template(...lang, "cost", "-y", "2027", "-o", out), "dean-template");
      const name = lang.join("=").replace(/^--lang=/, "");
      expect(text).toBe(
        `Ngôn ngữ "${name}" không có: chọn vi hoặc en. / There is no language "${name}": choose vi or en.`,
      );
      expect(existsSync(out)).toBe(false);
    },
  );
});

describe("dean-rulebook --lang", () => {
  const plan = join(dir, "ke-hoach.xlsx");
  beforeAll(async () => writeFileSync(plan, await snapshotToXlsxBuffer(seed2026AsPrinted())));

  it("gives its help in Vietnamese (the default, and --lang vi) and in English (--lang en)", async () => {
    const vi = await rulebook("--help");
    expect(vi.code).toBe(0);
    expect(vi.out).toMatch(/^Cách dùng: dean-rulebook infer /);
    expect(vi.out).toContain("--lang        ngôn ngữ của thông báo");
    expect((await rulebook("--lang", "vi", "--help")).out).toBe(vi.out);

    const en = await rulebook("--lang", "en", "--help");
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/^Usage: dean-rulebook infer <plan\.xlsx> -o <draft\.xlsx\|draft\.json> /);
    // The one Vietnamese phrase is the name of the draft's sheet, as the draft writes it.
    expect(en.out.replace('"Cách suy ra"', "")).not.toMatch(VIETNAMESE);
  });

  it.each([
    [
      "no command",
      [],
      "Chưa chọn lệnh: dean-rulebook infer <kế-hoạch.xlsx> -o <bản-nháp.xlsx>. Gõ dean-rulebook --help để xem cách dùng.",
      "No command chosen: dean-rulebook infer <plan.xlsx> -o <draft.xlsx>. Type dean-rulebook --help for the usage.",
    ],
    [
      "an unknown command",
      ["draft", "x.xlsx"],
      'Lệnh "draft" không có: dùng dean-rulebook infer <kế-hoạch.xlsx> -o <bản-nháp.xlsx>.',
      'There is no command "draft": use dean-rulebook infer <plan.xlsx> -o <draft.xlsx>.',
    ],
    [
      "an output of another kind",
      ["infer", "x.xlsx", "-o", "x.csv"],
      'Tệp ghi ra phải có đuôi .xlsx hoặc .json, không phải "x.csv".',
      'The file to write must end in .xlsx or .json, not "x.csv".',
    ],
    [
      "a plan that is not there",
      ["infer", "khong-co.xlsx", "-o", "x.json"],
      'Không đọc được kế hoạch "khong-co.xlsx": không tìm thấy tệp.',
      'Cannot read the plan "khong-co.xlsx": no such file.',
    ],
  ])("says %s in one line, in Vietnamese or in English", async (_name, args, vi, en) => {
    expect(oneLine(await rulebook(...args), "dean-rulebook")).toBe(vi);
    expect(oneLine(await rulebook("--lang", "en", ...args), "dean-rulebook")).toBe(en);
  });

  it("refuses to write over the plan, in English", async () => {
    expect(
      oneLine(await rulebook("--lang", "en", "infer", plan, "-o", plan, "--force"), "dean-rulebook"),
    ).toBe(`Not writing to "${plan}": it is the plan being read (dean-rulebook never overwrites an input).`);
  });

  it("says why nothing can be drafted in English: one line, or one short line per problem", async () => {
    const empty = join(dir, "trong.xlsx");
    writeFileSync(empty, await snapshotToXlsxBuffer({ sheets: [{ name: "Sheet1", values: [["Ghi chú"]] }] }));
    expect(
      oneLine(await rulebook("--lang", "en", "infer", empty, "-o", join(dir, "x.json")), "dean-rulebook"),
    ).toMatch(
      /^No rulebook can be drafted: no cost or task appendix with a year was recognised in the workbook /,
    );

    const noLevels = join(dir, "khong-cap-hoc.xlsx");
    writeFileSync(noLevels, await snapshotToXlsxBuffer(dutiesWithoutLevels2025()));
    const r = await rulebook("--lang", "en", "infer", noLevels, "-o", join(dir, "x.json"));
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toEqual([
      "dean-rulebook: No rulebook can be drafted:",
      expect.stringMatching(/^dean-rulebook: – no level recognised: the appendices have no level columns /),
    ]);
    expect(existsSync(join(dir, "x.json"))).toBe(false);
  });

  it("says what it drafted, and each head-count it did not adopt, in English; the draft is the same Vietnamese one", async () => {
    const vi = join(dir, "nhap-vi.json");
    const en = join(dir, "nhap-en.json");
    const rv = await rulebook("infer", plan, "-o", vi);
    const re = await rulebook("--lang", "en", "infer", plan, "-o", en);
    expect(rv).toMatchObject({ code: 0, err: "" });
    expect(re).toMatchObject({ code: 0, err: "" });
    expect(rv.out).toMatch(/^Đã ghi bản nháp sổ quy tắc vào .*: 22 nội dung, 6 cấp học, /);
    const lines = re.out.trim().split("\n");
    expect(lines[0]).toBe(
      `Wrote the draft rulebook to ${en}: 22 contents, 6 levels, years 2026, 2027, 2028, 2029, 2030, plan total 179,292,000,000 VND. Review it, then use: dean-check --rules ${en} ${plan}`,
    );
    expect(lines[1]).toBe(
      "To review: 3 head-counts contradict their own line's note (not adopted in the draft):",
    );
    expect(lines.slice(2)).toHaveLength(3);
    for (const line of lines.slice(2))
      expect(line).toMatch(
        /^ {2}– ".*" 2030, GDTX: the appendix has 2[78] people \(PL10 KP 2030!G\d+\), but the line's note says 2 per school × 13 schools = 26: the draft keeps the quota of 2 per school, not 2[78]; if 2[78] is right, enter it as a fixed count$/,
      );
    expect(readFileSync(en, "utf8")).toBe(readFileSync(vi, "utf8"));
  });

  it("keeps the draft workbook's 'Cách suy ra' notes in Vietnamese under --lang en", async () => {
    const out = join(dir, "nhap-en.xlsx");
    const r = await rulebook("--lang", "en", "infer", plan, "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('The sheet "Cách suy ra" says how each value was found');
    expect(r.out).toContain('(not adopted in the draft; listed on the sheet "Cách suy ra"):');
    const how = (await readXlsx(readFileSync(out))).sheets.find((s) => s.name === "Cách suy ra");
    const text = JSON.stringify(how?.values);
    expect(text).toContain("CẦN XEM LẠI: ");
    expect(text).toContain("nhưng ghi chú của dòng là 2 người/trường × 13 trường = 26");
    expect(text).not.toContain("the appendix has");
  });

  it("refuses an unknown --lang in both languages, with exit 2, and writes nothing", async () => {
    const out = join(dir, "khong-ghi.json");
    expect(oneLine(await rulebook("--lang", "xx", "infer", plan, "-o", out), "dean-rulebook")).toBe(
      'Ngôn ngữ "xx" không có: chọn vi hoặc en. / There is no language "xx": choose vi or en.',
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe("the line of an unexpected error", () => {
  // Through each tool's own entry, so a tool that does not pass the language asked for to this line
  // fails here. The error is forced by an output that breaks (the help's write throws a plain Error,
  // none of the errors a tool words itself).
  const tools = [
    ["dean-check", deanCheck],
    ["dean-template", deanTemplate],
    ["dean-rulebook", deanRulebook],
  ] as const;
  const cases = [
    [["--help"], "lỗi không mong đợi: hỏng"],
    [["--lang", "vi", "--help"], "lỗi không mong đợi: hỏng"],
    [["--lang", "en", "--help"], "unexpected error: hỏng"],
    [["--lang=en", "--help"], "unexpected error: hỏng"],
  ] as const;
  it.each(
    tools.flatMap(([tool, main]) =>
      cases.map(([argv, line]) => [tool, argv.join(" "), main, argv, line] as const),
    ),
  )(
    "%s %s: one line in the language asked for, never a stack trace",
    async (tool, _args, main, argv, line) => {
      let err = "";
      const io: CliIo = {
        stdout: () => {
          throw new Error("hỏng");
        },
        stderr: (t) => (err += t),
        interactive: false,
      };
      expect(await main(argv, io)).toBe(2);
      expect(err).toBe(`${tool}: ${line}\n`);
    },
  );
});
