/**
 * The streaming reader (src/io/xlsx/read.ts) on hand-made parts: what it reads (values, dates by
 * number format, texts as Excel stores them, sheet order and names from the workbook), and what
 * it refuses rather than guess (issue 16).
 */
import { READ_LIMITS, readXlsx, readXlsxDetailed } from "../../src/io/xlsx/read";
import { InputError } from "../../src/io/errors";
import { decodeXstring, encodeXstring } from "../../src/io/xlsx/ooxml-text";
import {
  entriesOf,
  LONG_SHEET_NAME,
  oneSheet,
  rawXlsx,
  sheetDataXml,
  worksheetXml,
  zipOf,
} from "../fixtures/bad-files";

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="h:mm"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="4"/></cellXfs></styleSheet>`;

const rows = (xml: string) => `<sheetData>${xml}</sheetData>`;

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).not.toContain("\n");
    return (e as Error).message;
  }
  throw new Error("the file was not refused");
}

describe("values", () => {
  it("numbers, booleans, errors, inline and formula texts, as the cell says", async () => {
    const snap = await readXlsx(
      await oneSheet(
        "A",
        rows(
          '<row r="1"><c r="A1"><v>13.26</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#REF!</v></c>' +
            '<c r="D1" t="inlineStr"><is><r><t>Tổng </t></r><r><t>số</t></r><rPh><t>phonetic</t></rPh></is></c>' +
            '<c r="E1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="F1"><f>1/0</f><v>-1.5E-3</v></c></row>',
        ),
      ),
    );
    expect(snap.sheets[0].values[0]).toEqual([13.26, true, { error: "#REF!" }, "Tổng số", "ab", -0.0015]);
    expect(snap.sheets[0].formulas?.[0]).toEqual([null, null, null, null, '"a"&"b"', "1/0"]);
  });

  it("decodes character references and OOXML's _xHHHH_ before deciding", async () => {
    const snap = await readXlsx(
      await oneSheet(
        "A",
        rows(
          '<row r="&#49;"><c r="A&#x31;" t="inlineStr"><is><t>a_x000D_b_x005F_x0041_ &#65;</t></is></c></row>',
        ),
      ),
    );
    expect(snap.sheets[0].values[0][0]).toBe("a\rb_x0041_ A");
  });

  it("cuts a text at Excel's 32 767 characters", async () => {
    const long = "ạ".repeat(40_000);
    const snap = await readXlsx(await oneSheet("A", sheetDataXml([[long]])));
    expect(snap.sheets[0].values[0][0]).toBe(long.slice(0, 32_767));
  });

  it("dates by the cell's number format, 29/02/1900 as Excel shows serial 60, the 1904 system", async () => {
    const xml = rows(
      '<row r="1"><c r="A1" s="1"><v>24100</v></c><c r="B1" s="2"><v>60</v></c><c r="C1" s="2"><v>59</v></c>' +
        '<c r="D1" s="2"><v>0</v></c><c r="E1" s="2"><v>2958466</v></c><c r="F1" s="3"><v>0.5</v></c>' +
        '<c r="G1" s="4"><v>24100</v></c><c r="H1" s="1"><v>-3</v></c><c r="I1" s="99"><v>5</v></c></row>',
    );
    const book = await rawXlsx({
      sheets: [{ name: "A", xml: worksheetXml(xml) }],
      extra: { "xl/styles.xml": STYLES },
    });
    expect((await readXlsx(book)).sheets[0].values[0]).toEqual([
      { date: "1965-12-24" },
      { date: "1900-02-29" },
      { date: "1900-02-28" },
      0, // Excel shows no date for these: kept as the numbers they are
      2958466,
      0.5, // a time, not a date
      24100, // #,##0.00
      -3,
      5, // a style that does not exist
    ]);
    const entries = await entriesOf(book);
    const b1904 = zipOf(
      entries.map((e) =>
        e.name === "xl/workbook.xml"
          ? { ...e, data: String(e.data).replace("<sheets>", '<workbookPr date1904="1"/><sheets>') }
          : e,
      ),
    );
    expect((await readXlsx(b1904)).sheets[0].values[0][0]).toEqual({ date: "1969-12-25" });
  });

  it("durations ([h]:mm, [mm]:ss) and times of day are the numbers Excel stores; dates stay dates", async () => {
    const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
    // [format code, the serial stored, what the reader gives]
    const DAY = { date: "1965-12-24" };
    const cases: [string, number, unknown][] = [
      // Elapsed time: 1.5208… shows "36:30", a duration (1900-01-01 is no reading of it).
      ["[h]:mm", 36.5 / 24, 36.5 / 24],
      ["[hh]:mm", 36.5 / 24, 36.5 / 24],
      ["[h]:mm:ss", 36.5 / 24, 36.5 / 24],
      ["[mm]:ss", 2190 / 1440, 2190 / 1440],
      ["[m]", 2190 / 1440, 2190 / 1440],
      ["[s]", 1.5, 1.5],
      ["[Red][h]:mm", 1.5, 1.5],
      ["[$-42A][h]:mm", 1.5, 1.5],
      ['"Thời lượng: "[h]:mm', 1.5, 1.5],
      // A time of day has no day: the fraction of a day Excel stores.
      ["h:mm AM/PM", 0.75, 0.75],
      ["[$-42A]h:mm:ss AM/PM", 0.75, 0.75],
      // Dates, a date with its time, and dates behind colour, locale and text sections.
      ["dd/mm/yyyy", 24100, DAY],
      ["m/d/yy h:mm", 24100.5, DAY],
      ['"ngày" dd', 24100, DAY],
      ["mmmm yyyy", 24100, DAY],
      ["[$-42A]dd/mm/yyyy", 24100, DAY],
      ["[Red]dd/mm/yyyy", 24100, DAY],
      // Numbers: "d", "m", "y", "h" in text or escaped are no date parts.
      ["#,##0", 24100, 24100],
      ["0.00%", 0.5, 0.5],
      ['#,##0 "đồng/ngày"', 24100, 24100],
      ["0\\d", 24100, 24100],
      ["[Red]#,##0;[Blue]-#,##0", 24100, 24100],
      ["#,##0 [$₫-42A]", 24100, 24100],
    ];
    const fmts = cases.map(([f], i) => `<numFmt numFmtId="${164 + i}" formatCode="${xml(f)}"/>`).join("");
    const xfs = cases.map((_, i) => `<xf numFmtId="${164 + i}"/>`).join("");
    const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${cases.length}">${fmts}</numFmts><cellXfs count="${cases.length + 1}"><xf numFmtId="0"/>${xfs}</cellXfs></styleSheet>`;
    const cells = cases.map(
      ([, v], i) => `<row r="${i + 1}"><c r="A${i + 1}" s="${i + 1}"><v>${v}</v></c></row>`,
    );
    const book = await rawXlsx({
      sheets: [{ name: "A", xml: worksheetXml(rows(cells.join(""))) }],
      extra: { "xl/styles.xml": styles },
    });
    const got = (await readXlsx(book)).sheets[0].values.map((r) => r[0]);
    expect(cases.map(([f], i) => [f, got[i]])).toEqual(cases.map(([f, , want]) => [f, want]));
  });

  it("a stray value in row 1 048 576 counts one row, not a million", async () => {
    const xml = `${sheetDataXml([[1, "a"]]).replace("</sheetData>", "")}<row r="1048576"><c r="A1048576"><v>7</v></c></row></sheetData>`;
    const r = await readXlsxDetailed(await oneSheet("A", xml), {
      ...READ_LIMITS,
      maxRows: 5,
    });
    expect(r.inventory.sheets[0].dataRows).toBe(2);
    expect(r.snapshot.sheets[0].values).toHaveLength(1_048_576);
    expect(r.snapshot.sheets[0].values[1_048_575]).toEqual([7]);
  });

  it("takes sheets in the workbook's order and names, not the zip's, long names included", async () => {
    const book = await rawXlsx({
      sheets: [
        { name: "Thứ nhất", xml: worksheetXml(sheetDataXml([[1]])) },
        { name: LONG_SHEET_NAME, xml: worksheetXml(sheetDataXml([[2]])), state: "hidden" },
      ],
    });
    // The workbook part last in the zip, as exceljs #962 could not read.
    const entries = await entriesOf(book);
    const reordered = zipOf(
      [
        ...entries.filter((e) => e.name !== "xl/workbook.xml"),
        ...entries.filter((e) => e.name === "xl/workbook.xml"),
      ].reverse(),
    );
    const snap = await readXlsx(reordered);
    expect(snap.sheets.map((s) => [s.name, s.values[0][0], s.visibility])).toEqual([
      ["Thứ nhất", 1, undefined],
      [LONG_SHEET_NAME, 2, "hidden"],
    ]);
  });
});

describe("refused rather than guessed", () => {
  it.each<[string, string, RegExp]>([
    ["a lower-case address", '<row r="1"><c r="a1"><v>1</v></c></row>', /địa chỉ ô viết sai \("a1"\)/],
    ["an address with $", '<row r="1"><c r="$A$1"><v>1</v></c></row>', /địa chỉ ô viết sai/],
    ["a row number with a sign", '<row r="+1"><c><v>1</v></c></row>', /địa chỉ ô viết sai \("\+1"\)/],
    ["a row number with a leading zero", '<row r="01"><c><v>1</v></c></row>', /địa chỉ ô viết sai/],
    ["a row of nine digits", '<row r="123456789"><c><v>1</v></c></row>', /ngoài giới hạn của Excel/],
    ["a cell of another row", '<row r="1"><c r="A2"><v>1</v></c></row>', /lặp lại hoặc sai thứ tự/],
    ["the same cell twice", '<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>', /lặp lại/],
    [
      "rows going back",
      '<row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>',
      /sai thứ tự/,
    ],
    ["a number with spaces", '<row r="1"><c r="A1"><v> 12</v></c></row>', /giá trị viết sai \(" 12"\)/],
    ["a hexadecimal number", '<row r="1"><c r="A1"><v>0x10</v></c></row>', /giá trị viết sai/],
    ["NaN", '<row r="1"><c r="A1"><v>NaN</v></c></row>', /giá trị viết sai/],
    ["Infinity", '<row r="1"><c r="A1"><v>1e999</v></c></row>', /giá trị viết sai/],
    [
      "a boolean that is neither 0 nor 1",
      '<row r="1"><c r="A1" t="b"><v>2</v></c></row>',
      /giá trị viết sai/,
    ],
    ["an unknown cell type", '<row r="1"><c r="A1" t="x"><v>1</v></c></row>', /giá trị viết sai \("t="x""\)/],
    [
      "a shared string that does not exist",
      '<row r="1"><c r="A1" t="s"><v>3</v></c></row>',
      /giá trị viết sai \("3"\)/,
    ],
    ["a date that is no date", '<row r="1"><c r="A1" t="d"><v>2026-02-30</v></c></row>', /giá trị viết sai/],
  ])("%s", async (_name, xml, message) => {
    expect(await refusal(readXlsx(await oneSheet("A", rows(xml))))).toMatch(message);
  });

  it.each<[string, string, RegExp]>([
    ["a merge with junk", '<mergeCells><mergeCell ref="A1:C3 "/></mergeCells>', /vùng ô viết sai/],
    ["a merge backwards", '<mergeCells><mergeCell ref="C3:A1"/></mergeCells>', /vùng ô viết sai/],
    [
      "a validation range in lower case",
      '<dataValidations><dataValidation sqref="a1:a9"/></dataValidations>',
      /vùng ô viết sai/,
    ],
    ["a column number that is no number", '<cols><col min="1" max="1e3"/></cols>', /vùng ô viết sai/],
  ])("%s", async (_name, after, message) => {
    expect(await refusal(readXlsx(await oneSheet("A", `${sheetDataXml([[1]])}${after}`)))).toMatch(message);
  });

  it("a defined name with junk around its range still counts every cell of it", async () => {
    const book = await rawXlsx({
      sheets: [{ name: "Dữ liệu", xml: worksheetXml(sheetDataXml([["TT"]])) }],
      definedNames: `<definedName name="X">'Dữ liệu'!$A$1:$XFD$1048576x+#junk</definedName>`,
    });
    expect(await refusal(readXlsx(book))).toMatch(
      /^Sổ tính quá lớn để kiểm tra: 17\.179\.869\.184 ô trong các vùng được đặt tên/,
    );
  });

  it("XML that is not well-formed, and entities a DTD would define, are refused", async () => {
    expect(
      await refusal(
        readXlsx(await oneSheet("A", '<sheetData><row r="1"><c r="A1"><v>1</c></row></sheetData>')),
      ),
    ).toMatch(/^Phần "xl\/worksheets\/sheet1\.xml" của tệp \.xlsx không phải XML hợp lệ/);
    const dtd = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`;
    expect(await refusal(readXlsx(await rawXlsx({ sheets: [{ name: "A", xml: dtd }] })))).toMatch(
      /không phải XML hợp lệ/,
    );
  });
});

describe("texts as OOXML stores them (ST_Xstring)", () => {
  it.each<[string, string]>([
    ["_x0041_", "_x005F_x0041_"],
    ["a_x00e9_b", "a_x005F_x00e9_b"],
    ["\u0001", "_x0001_"],
    ["cr\r", "cr_x000D_"],
    ["tab\tlf\n", "tab\tlf\n"],
    ["\uffff", "_xFFFF_"],
    ["_x41_ _xZZZZ_ plain", "_x41_ _xZZZZ_ plain"],
  ])("%j is stored as %j and read back", (text, stored) => {
    expect(encodeXstring(text)).toBe(stored);
    expect(decodeXstring(stored)).toBe(text);
  });
});
