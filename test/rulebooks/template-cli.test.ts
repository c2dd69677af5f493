/** `dean-template rulebook`: a rulebook workbook to fill in, blank or from a rulebook; never over a file or its source. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/dean-template";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { RulebookError } from "../../src/engine/rulebook/load";
import { rulebookFromWorkbook } from "../../src/engine/rulebook/workbook";
import { readXlsx } from "../../src/io/xlsx/read";
import { runMain } from "../helpers/cli";

const cli = (...argv: string[]) => runMain(main, argv);
const dir = mkdtempSync(join(tmpdir(), "dean-template-rulebook-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHEETS =
  "Thông tin chung, Cấp học, Nội dung & đơn giá, Nhóm đối tượng, Số người chi tiết, Đơn vị hành chính, Mức độ quy tắc";

it("writes the rulebook of a built-in id, which reads back as the same rulebook", async () => {
  const out = join(dir, "hp.xlsx");
  const r = await cli("rulebook", "--from", "hai-phong-2026-2030", "-o", out);
  expect(r).toMatchObject({ code: 0, err: "" });
  expect(r.out).toBe(
    `Đã ghi sổ quy tắc hai-phong-2026-2030 vào ${out}: ${SHEETS}. Sửa trong Excel rồi dùng: dean-check --rules ${out} …\n`,
  );
  expect(rulebookFromWorkbook(await readXlsx(readFileSync(out)))?.rulebook).toEqual(builtinRulebook());
});

it("writes a blank rulebook to fill in, whose gaps are named at their cells", async () => {
  const out = join(dir, "trong.xlsx");
  const r = await cli("rulebook", "-o", out);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^Đã ghi sổ quy tắc trống vào /);
  let error: unknown;
  try {
    rulebookFromWorkbook(await readXlsx(readFileSync(out)));
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(RulebookError);
  expect((error as RulebookError).problems[0]).toBe("Thông tin chung!B7: thiếu mã sổ quy tắc");
});

it("--from a JSON file or a rulebook workbook; never over an existing file without --force, nor over its source", async () => {
  const json = join(dir, "so.json");
  writeFileSync(json, JSON.stringify(builtinRulebook("hai-phong-2024")));
  const out = join(dir, "so.xlsx");
  expect((await cli("rulebook", "--from", json, "-o", out)).code).toBe(0);
  const again = join(dir, "so-2.xlsx");
  expect((await cli("rulebook", "--from", out, "-o", again)).code).toBe(0);
  expect(rulebookFromWorkbook(await readXlsx(readFileSync(again)))?.rulebook).toEqual(
    builtinRulebook("hai-phong-2024"),
  );
  const exists = await cli("rulebook", "--from", json, "-o", out);
  expect(exists.code).toBe(2);
  expect(exists.err).toMatch(/tệp đã có; thêm --force/);
  const before = statSync(out).mtimeMs;
  const self = await cli("rulebook", "--from", out, "-o", out, "--force");
  expect(self.code).toBe(2);
  expect(self.err).toMatch(/đó là sổ quy tắc đang đọc/);
  expect(statSync(out).mtimeMs).toBe(before);
});
