/**
 * `dean-template`: writes a new file that checks clean, refuses to overwrite an existing file
 * without --force and the rulebook it reads even with it, and refuses an unknown kind or year
 * with one Vietnamese line and exit 2.
 */
import { runMain, type Run } from "../helpers/cli";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/dean-template";
import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { readXlsx } from "../../src/io/xlsx/read";

const cli = (...argv: string[]) => runMain(main, argv);

const dir = mkdtempSync(join(tmpdir(), "dean-template-cli-"));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One line on stderr, starting with the command's name, in Vietnamese. */
function expectOneLineError(r: Run, text: string | RegExp): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err.endsWith("\n")).toBe(true);
  expect(r.err.trim().split("\n")).toHaveLength(1);
  expect(r.err).toMatch(/^dean-template: /);
  expect(r.err).toMatch(text);
}

describe("dean-template", () => {
  it("writes a cost template that checks clean", async () => {
    const file = join(dir, "kinh-phi-2027.xlsx");
    const r = await cli("cost", "--year", "2027", "-o", file);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toBe(
      `Đã ghi mẫu phụ lục kinh phí năm 2027 (sổ quy tắc hai-phong-2026-2030) vào ${file}: PL7 KP 2027.\n`,
    );
    const snapshot = await readXlsx(readFileSync(file));
    const { findings } = checkWorkbook(snapshot, { rulebook: builtinRulebook() });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(snapshot.sheets[0].formulas?.[7]?.[9]).toBe("ROUND(SUM(C8:H8)*I8,0)");
  });

  it("--functions writes DEAN.COST amounts; --rules, --units, --rows and --appendix are honoured", async () => {
    const cost = join(dir, "kinh-phi-ham.xlsx");
    expect((await cli("cost", "-y", "2026", "--functions", "-o", cost)).code).toBe(0);
    expect((await readXlsx(readFileSync(cost))).sheets[0].formulas?.[7]?.[9]).toMatch(/^ROUND\(DEAN\.COST\(/);

    const list = join(dir, "sub", "danh-sach.xlsx");
    const r = await cli(
      "person-list",
      "--rules",
      "hai-phong-2024",
      "--rows",
      "12",
      "--appendix",
      "3",
      "-o",
      list,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("Danh sách 2024, Bảng tuổi nghỉ hưu (ẩn)");
    const s = (await readXlsx(readFileSync(list))).sheets[0];
    expect(s.values[0][0]).toBe("PHỤ LỤC 3");
    expect(s.values[4][5]).toBe("Quận/huyện");
    expect(s.values.length).toBe(5 + 12);

    const reg = join(dir, "dang-ky.xlsx");
    const r2 = await cli("registration", "-y", "2027", "--units", "districts", "-o", reg);
    expect(r2.code).toBe(0);
    expect((await readXlsx(readFileSync(reg))).sheets[0].values[4][1]).toBe("Quận/huyện");
    expect(r2.out).toContain("Đơn vị: Quận/huyện. Sổ quy tắc chưa có danh sách này");
    const listed = await cli(
      "registration",
      "--rules",
      "hai-phong-2024",
      "-o",
      join(dir, "dang-ky-2024-q.xlsx"),
    );
    expect(listed.out).toContain("Đơn vị: Quận/huyện (14 đơn vị theo sổ quy tắc).");
  });

  it("the rulebook's only year is the default", async () => {
    const file = join(dir, "dang-ky-2024.xlsx");
    const r = await cli("registration", "--rules", "hai-phong-2024", "-o", file);
    expect(r.code).toBe(0);
    expect(r.out).toContain("năm 2024");
  });

  it("never overwrites an existing file without --force", async () => {
    const file = join(dir, "co-san.xlsx");
    writeFileSync(file, "không được ghi đè");
    expectOneLineError(
      await cli("task", "-y", "2027", "-o", file),
      `Không ghi được "${file}": tệp đã có; thêm --force để ghi đè.`,
    );
    expect(readFileSync(file, "utf8")).toBe("không được ghi đè");
    const r = await cli("task", "-y", "2027", "-o", file, "--force");
    expect(r.code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false);
  });

  it("never overwrites the rulebook it reads, even with --force", async () => {
    const rules = join(dir, "quy-tac.xlsx");
    writeFileSync(rules, JSON.stringify(builtinRulebook("hai-phong-2024")));
    const before = statSync(rules).mtimeMs;
    expectOneLineError(
      await cli("registration", "--rules", rules, "-o", rules, "--force"),
      "đó là sổ quy tắc đang đọc (dean-template không bao giờ ghi đè tệp đầu vào)",
    );
    expect(statSync(rules).mtimeMs).toBe(before);
  });

  it("refuses an unknown kind or year, and bad options, with one Vietnamese line and exit 2", async () => {
    const file = join(dir, "x.xlsx");
    expectOneLineError(
      await cli("budget", "-y", "2027", "-o", file),
      'Loại mẫu "budget" không có: chọn cost, task, registration, person-list, assignment, rulebook.',
    );
    expectOneLineError(
      await cli("cost", "-y", "2031", "-o", file),
      "Năm 2031 không thuộc sổ quy tắc hai-phong-2026-2030 (các năm: 2026, 2027, 2028, 2029, 2030).",
    );
    expectOneLineError(await cli("cost", "-o", file), "Chưa chọn năm: thêm --year");
    expectOneLineError(
      await cli("cost", "-y", "hai nghìn", "-o", file),
      'Năm phải là số nguyên, không phải "hai nghìn".',
    );
    expectOneLineError(await cli("cost", "-y", "2027"), "Chưa chọn tệp để ghi: thêm -o <tệp.xlsx>.");
    expectOneLineError(await cli("cost", "-y", "2027", "-o", join(dir, "x.xls")), "phải có đuôi .xlsx");
    expectOneLineError(
      await cli("cost", "-y", "2027", "--bogus", "-o", file),
      'Tham số không hợp lệ "--bogus"',
    );
    expectOneLineError(
      await cli("registration", "-y", "2027", "--units", "tinh", "-o", file),
      'Đơn vị hành chính "tinh" không có',
    );
    expectOneLineError(
      await cli("person-list", "-y", "2027", "--rows", "0", "-o", file),
      "Số dòng trống phải là số nguyên từ 1 đến 5000",
    );
    expectOneLineError(
      await cli("cost", "-y", "2027", "--rules", join(dir, "khong-co.json"), "-o", file),
      "Không đọc được sổ quy tắc",
    );
    expectOneLineError(await cli(), "Chưa chọn loại mẫu");
    expect(existsSync(file)).toBe(false);
  });

  it("says when the target is a folder", async () => {
    const folder = join(dir, "thu-muc.xlsx");
    mkdirSync(folder);
    expectOneLineError(await cli("cost", "-y", "2027", "-o", folder, "--force"), "đó là một thư mục");
  });

  it("--help lists the kinds", async () => {
    const r = await cli("--help");
    expect(r.code).toBe(0);
    for (const k of ["cost", "task", "registration", "person-list", "assignment"]) expect(r.out).toContain(k);
  });
});
