/**
 * The .xlsx writer: a written template reads back (with the product's own reader) as the same
 * snapshot and gives the same findings; it carries the official look (fonts, borders, number
 * formats, widths, merges, A4 landscape fit to width, repeated header rows, frozen header),
 * drop-down lists, hidden helper sheets, formulas with cached results; texts are never formulas.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { buildTemplate, templateSnapshot } from "../../src/engine/templates/build";
import { FONT, TEMPLATE_KINDS, type Template } from "../../src/engine/templates/spec";
import { readXlsx } from "../../src/io/xlsx/read";
import { templateXlsxBuffer } from "../../src/io/xlsx/template";

const rb2026 = builtinRulebook("hai-phong-2026-2030");
const rb2024 = builtinRulebook("hai-phong-2024");

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** Comparable findings: everything but the order-independent details. */
const summary = (t: Parameters<typeof checkWorkbook>[0], rulebook = rb2026) =>
  checkWorkbook(t, { rulebook }).findings.map((f) => [
    f.rule,
    f.severity,
    f.sheet,
    f.cells.join(","),
    f.message,
  ]);

/** A snapshot as the reader returns it: trailing empty cells trimmed, "" results as blanks. */
function normalise(values: unknown[][]): unknown[][] {
  const out = values.map((row) => {
    const r = (row ?? []).map((v) => (v === undefined || v === "" ? null : v));
    while (r.length > 0 && r[r.length - 1] === null) r.pop();
    return r;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

describe.each(TEMPLATE_KINDS)("%s, written and read back", (kind) => {
  const cases: [string, Template, typeof rb2026][] = [
    ["2027", buildTemplate(kind, { rulebook: rb2026, year: 2027, rows: 20 }), rb2026],
    ["2024", buildTemplate(kind, { rulebook: rb2024, year: 2024, rows: 20 }), rb2024],
  ];
  it.each(cases)("%s: the same values, formulas and findings", async (_y, t, rulebook) => {
    const read = await readXlsx(await templateXlsxBuffer(t));
    const snap = templateSnapshot(t);
    expect(read.sheets.map((s) => [s.name, s.visibility])).toEqual(
      snap.sheets.map((s) => [s.name, s.visibility]),
    );
    read.sheets.forEach((s, i) => {
      expect(normalise(s.values)).toEqual(normalise(snap.sheets[i].values));
      expect(normalise(s.formulas ?? [])).toEqual(normalise(snap.sheets[i].formulas ?? []));
      expect([...(s.merges ?? [])].sort()).toEqual([...snap.sheets[i].merges!].sort());
    });
    expect(summary(read, rulebook)).toEqual(summary(snap, rulebook));
  });
});

describe("the official look", () => {
  it("cost: Times New Roman, bold centred titles, italic citation and unit lines, borders, formats, print setup", async () => {
    const t = buildTemplate("cost", { rulebook: rb2026, year: 2027 });
    const wb = await load(await templateXlsxBuffer(t));
    const ws = wb.getWorksheet("PL7 KP 2027") as ExcelJS.Worksheet;
    expect(ws.getCell("A1").font).toMatchObject({ name: FONT, bold: true, size: 13 });
    expect(ws.getCell("A1").alignment).toMatchObject({ horizontal: "center" });
    expect(ws.getCell("A2").value).toBe("KINH PHÍ ĐÀO TẠO, BỒI DƯỠNG ĐỘI NGŨ NĂM 2027");
    expect(ws.getCell("A3").font).toMatchObject({ name: FONT, italic: true });
    expect(ws.getCell("J5").value).toBe("Đơn vị tính: triệu đồng");
    expect(ws.getCell("J5").font).toMatchObject({ italic: true });
    expect(ws.getCell("J5").alignment).toMatchObject({ horizontal: "right" });
    expect(ws.getCell("B6").font).toMatchObject({ bold: true });
    expect(ws.getCell("B6").border).toMatchObject({ top: { style: "thin" }, bottom: { style: "thin" } });
    expect(ws.getCell("B8").alignment).toMatchObject({ wrapText: true, horizontal: "left" });
    expect(ws.getCell("C8").numFmt).toBe("#,##0");
    expect(ws.getCell("I8").numFmt).toBe("0.00");
    expect(ws.getCell("J8").numFmt).toBe("#,##0");
    expect(ws.getCell("J8").value).toEqual({ formula: "ROUND(SUM(C8:H8)*I8,0)", result: 6404 });
    expect(ws.getCell("B19").value).toBe("Tổng số:");
    expect(ws.getCell("J19").font).toMatchObject({ bold: true });
    expect(ws.getColumn(2).width).toBe(46);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "6:7",
    });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 7 });
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(
      expect.arrayContaining(["A1:K1", "C6:H6", "J5:K5"]),
    );
  });

  it("person list: drop-down lists, a date check, the hidden retirement table, zero and blank results cached", async () => {
    const t = buildTemplate("person-list", { rulebook: rb2026, year: 2027, rows: 10 });
    const wb = await load(await templateXlsxBuffer(t));
    const ws = wb.getWorksheet("Danh sách 2027") as ExcelJS.Worksheet;
    expect(ws.getCell("D6").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"Nam,Nữ"'],
      allowBlank: true,
      showErrorMessage: true,
    });
    expect(ws.getCell("K15").dataValidation).toMatchObject({ type: "list", formulae: ['"TC-ĐH,CĐ-ĐH"'] });
    expect(ws.getCell("C6").dataValidation).toMatchObject({ type: "date", operator: "between" });
    expect(ws.getCell("C6").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("L6").numFmt).toBe("mm/yyyy");
    const helper = wb.getWorksheet("Bảng tuổi nghỉ hưu") as ExcelJS.Worksheet;
    expect(helper.state).toBe("hidden");
    expect(helper.getCell("C5").value).toBe("Nam");
    expect(helper.getCell("D5").value).toBe("Nữ");
    // A blank "" result is cached as a text result, not dropped.
    const zip = await JSZip.loadAsync(await templateXlsxBuffer(t));
    const xml = await zip.file("xl/worksheets/sheet1.xml")?.async("string");
    expect(xml).toMatch(
      /<c r="L6"[^>]*t="str"[^>]*><f>[^<]+<\/f><v><\/v><\/c>|<c r="L6"[^>]*t="str"[^>]*><f>[^<]+<\/f><v\/><\/c>/,
    );
  });

  it("a text that starts with '=' is written as a text, never as a formula", async () => {
    const t = structuredClone(buildTemplate("assignment", { rulebook: rb2026, year: 2027, rows: 1 }));
    const last = t.sheets[0].rows[t.sheets[0].rows.length - 1];
    last[1] = { value: "=SUM(A1:A2)", style: "text" };
    const wb = await load(await templateXlsxBuffer(t));
    const cell = wb.worksheets[0].getCell(t.sheets[0].rows.length, 2);
    expect(cell.value).toBe("=SUM(A1:A2)");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });

  it("without cached results, formulas are written alone (for a spreadsheet to compute)", async () => {
    const t = buildTemplate("cost", { rulebook: rb2026, year: 2027 });
    const wb = await load(await templateXlsxBuffer(t, { cachedResults: false }));
    expect(wb.worksheets[0].getCell("J8").value).toEqual({ formula: "ROUND(SUM(C8:H8)*I8,0)" });
  });
});
