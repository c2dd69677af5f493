/** Inserting a template into the open workbook: a new name when taken, two syncs, values stay values. */
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { rulebookTemplate } from "../../src/engine/rulebook/workbook";
import { buildTemplate } from "../../src/engine/templates/build";
import { adapterContext } from "../../src/office/context";
import { insertTemplate } from "../../src/office/insert-template";
import { createFakeExcel } from "./fake-excel";
import { hostOf } from "./fake-host";

const rulebook = builtinRulebook();

it.each(["cost", "task", "registration", "person-list", "assignment"] as const)(
  "inserts the %s template beside an existing sheet of the same name, in two syncs",
  async (kind) => {
    const t = buildTemplate(kind, { rulebook, year: 2027 });
    const main = t.sheets[0];
    const fake = createFakeExcel([{ name: main.name, values: [["bảng của người dùng"]] }]);
    const before = fake.syncs;
    const name = await insertTemplate(adapterContext(hostOf(fake)), t);
    expect(fake.syncs - before).toBe(2);
    expect(name).not.toBe(main.name);
    // The user's sheet is untouched.
    expect(Object.fromEntries(fake.model.sheets[0].values)).toEqual({ A1: "bảng của người dùng" });
    const sheet = fake.model.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(name);
    main.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell) return;
        const a = `${String.fromCharCode(65 + c)}${r + 1}`;
        if (c > 25) return;
        if (cell.formula !== undefined) expect(sheet.formulas.get(a)).toBe(`=${cell.formula}`);
        else if (cell.value !== undefined && cell.value !== null && cell.value !== "")
          expect(sheet.values.get(a)).toBe(cell.value);
      }),
    );
    expect(sheet.merges).toEqual(expect.arrayContaining(main.merges));
    const ops = sheet.formatOps.map((o) => o.path);
    expect(ops).toContain(
      'pageLayout.setPrintTitleRows("$' +
        (main.printTitleRows[0] + 1) +
        ":$" +
        (main.printTitleRows[1] + 1) +
        '")',
    );
    expect(ops).toContain("pageLayout.orientation");
    expect(ops).toContain("format.font.name");
    if (main.validations.length) expect(ops).toContain("dataValidation.rule");
    for (const helper of t.sheets.slice(1)) {
      expect(fake.model.sheets.find((s) => s.name.startsWith(helper.name.slice(0, 20)))?.visibility).toBe(
        helper.hidden ? "Hidden" : "Visible",
      );
    }
    expect(fake.model.activeSheet).toBe(name);
  },
);

it("writes a text that looks like a formula as text", async () => {
  const t = buildTemplate("assignment", { rulebook, year: 2027 });
  t.sheets[0].rows[t.sheets[0].rows.length - 1][1] = { value: '=HYPERLINK("http://x")', style: "text" };
  const fake = createFakeExcel([]);
  const name = await insertTemplate(adapterContext(hostOf(fake)), t);
  const sheet = fake.model.sheets.find((s) => s.name === name);
  expect([...(sheet?.values.values() ?? [])]).toContain('=HYPERLINK("http://x")');
  expect([...(sheet?.formulas.values() ?? [])].some((f) => f.includes("HYPERLINK"))).toBe(false);
});

it("inserts the rulebook workbook ('Tạo sổ quy tắc'): every sheet, its number checks as Excel's whole and decimal rules", async () => {
  const t = rulebookTemplate(rulebook);
  const fake = createFakeExcel([{ name: "Cấp học", values: [["bảng của người dùng"]] }]);
  const name = await insertTemplate(adapterContext(hostOf(fake)), t);
  expect(name).toBe("Thông tin chung");
  expect(fake.model.sheets.map((s) => s.name)).toEqual(
    expect.arrayContaining(["Thông tin chung", "Cấp học (2)", "Nội dung & đơn giá", "Mức độ quy tắc"]),
  );
  const courses = fake.model.sheets.find((s) => s.name === "Nội dung & đơn giá");
  const rules = (courses?.formatOps ?? [])
    .filter((o) => o.path === "dataValidation.rule")
    .map((o) => o.value);
  expect(rules).toContainEqual({ decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
  expect(rules).toContainEqual({ wholeNumber: { formula1: 1990, formula2: 2100, operator: "Between" } });
  expect(rules).toContainEqual({
    list: { inCellDropDown: true, source: "Đào tạo nâng chuẩn,Bồi dưỡng,Nhóm (tiêu đề)" },
  });
});
