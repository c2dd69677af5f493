/**
 * The limits of the streaming reader (src/io/xlsx/read.ts): the zip is read entry by entry with
 * every inflated size capped, the sheets' XML is read with every bound applied as it goes, and a
 * file over a limit is refused with one Vietnamese sentence. Small limits make each bound
 * testable on small files; what the reader reads is checked against what ExcelJS reads.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { InputError } from "../../src/io/errors";
import {
  inspectXlsx,
  READ_LIMITS,
  readXlsx,
  readXlsxDetailed,
  type ReadLimits,
} from "../../src/io/xlsx/read";
import { patchEntry, rawXlsx, sheetDataXml, worksheetXml } from "../fixtures/bad-files";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { snapshotToXlsxBuffer } from "../fixtures/xlsx";

const limits = (l: Partial<ReadLimits>): ReadLimits => ({ ...READ_LIMITS, ...l });

/** A sheet of `n` rows of two values each (STT, name). */
const rowsSheet = (n: number) =>
  worksheetXml(sheetDataXml(Array.from({ length: n }, (_, i) => [i + 1, `Trường ${i + 1}`])));

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const message = (e as Error).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error("the file was not refused");
}

describe("rows", () => {
  it("takes a sheet of exactly maxRows rows and refuses one more, naming the sheet", async () => {
    const ok = await rawXlsx({ sheets: [{ name: "Đăng ký", xml: rowsSheet(50) }] });
    expect((await inspectXlsx(ok, limits({ maxRows: 50 }))).sheets[0]).toMatchObject({
      name: "Đăng ký",
      rows: 50,
      cells: 100,
      lastValueRow: 50,
      lastColumn: 2,
    });
    const over = await rawXlsx({ sheets: [{ name: "Đăng ký", xml: rowsSheet(51) }] });
    expect(await refusal(readXlsx(over, limits({ maxRows: 50 })))).toBe(
      'Trang tính "Đăng ký" có hơn 50 dòng có dữ liệu: quá lớn để kiểm tra; hãy xóa các dòng thừa hoặc tách bảng sang tệp khác rồi kiểm tra lại.',
    );
  });

  it("formatted empty cells far down do not count as rows of data, but do count as cells", async () => {
    const styled = Array.from(
      { length: 200 },
      (_, i) => `<row r="${i + 60}"><c r="A${i + 60}" s="1"/></row>`,
    ).join("");
    const xml = worksheetXml(sheetDataXml([[1, "a"]]).replace("</sheetData>", `${styled}</sheetData>`));
    const buf = await rawXlsx({ sheets: [{ name: "Kẻ khung", xml }] });
    const inv = await inspectXlsx(buf, limits({ maxRows: 50 }));
    expect(inv.sheets[0]).toMatchObject({
      lastValueRow: 1,
      lastRow: 259,
      rows: 201,
      cells: 202,
      dataRows: 1,
    });
    // Past the limit, the reading stops where it is.
    expect(await refusal(inspectXlsx(buf, limits({ maxRows: 50, maxCells: 300 })))).toMatch(
      /^Sổ tính quá lớn để kiểm tra: hơn 300 ô và dòng có dữ liệu hoặc định dạng \(giới hạn 300 ô\)/,
    );
  });

  it("stops reading a long sheet at the limit: a million rows are refused in well under a second", async () => {
    const rows = Array.from(
      { length: 200_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    );
    const buf = await rawXlsx({
      sheets: [{ name: "Dài", xml: worksheetXml(`<sheetData>${rows.join("")}</sheetData>`) }],
    });
    const t = performance.now();
    expect(await refusal(inspectXlsx(buf, limits({ maxRows: 1000 })))).toMatch(
      /^Trang tính "Dài" có hơn 1\.000 dòng/,
    );
    expect(performance.now() - t).toBeLessThan(5000);
  });
});

describe("cells ExcelJS would expand", () => {
  const sheet = (after: string, before = "") =>
    worksheetXml(sheetDataXml([["TT", "Nội dung"]]), after, before);

  it.each<[string, () => Promise<Buffer>, RegExp]>([
    [
      "merged areas",
      () =>
        rawXlsx({
          sheets: [{ name: "Gộp", xml: sheet('<mergeCells><mergeCell ref="A1:C40"/></mergeCells>') }],
        }),
      /^Sổ tính quá lớn để kiểm tra: 120 ô trong các vùng gộp ô của trang "Gộp" \(giới hạn 100 ô\)/,
    ],
    [
      "data validations (several ranges in one sqref)",
      () =>
        rawXlsx({
          sheets: [
            {
              name: "Chọn",
              xml: sheet(
                '<dataValidations><dataValidation type="list" sqref="A1:A50 C1:C60"><formula1>"a"</formula1></dataValidation></dataValidations>',
              ),
            },
          ],
        }),
      /^Sổ tính quá lớn để kiểm tra: 110 ô trong các vùng xác thực dữ liệu \(Data Validation\) của trang "Chọn"/,
    ],
    [
      "defined names",
      () =>
        rawXlsx({
          sheets: [{ name: "A", xml: sheet("") }],
          definedNames: '<definedName name="X">A!$A$1:$B$30,A!$D$1:$D$50</definedName>',
        }),
      /^Sổ tính quá lớn để kiểm tra: 110 ô trong các vùng được đặt tên/,
    ],
    [
      "shared strings",
      () =>
        rawXlsx({
          sheets: [{ name: "A", xml: sheet("") }],
          extra: { "xl/sharedStrings.xml": `<sst xmlns="x">${"<si><t>a</t></si>".repeat(150)}</sst>` },
        }),
      /^Sổ tính quá lớn để kiểm tra: hơn 100 chuỗi văn bản dùng chung/,
    ],
  ])("%s count against maxCells", async (_name, build, message) => {
    expect(await refusal(inspectXlsx(await build(), limits({ maxCells: 100 })))).toMatch(message);
  });

  it("a data validation over one whole column (as Excel writes it) fits the real limits", async () => {
    const buf = await rawXlsx({
      sheets: [
        {
          name: "Hình thức",
          xml: sheet(
            '<dataValidations><dataValidation type="list" sqref="C1:C1048576"><formula1>"a"</formula1></dataValidation></dataValidations>',
          ),
        },
      ],
    });
    const inv = await inspectXlsx(buf);
    expect(inv.sheets[0].validated).toBe(1_048_576);
    expect(inv.cellBudget).toBeLessThan(READ_LIMITS.maxCells);
  });

  it("refuses cells and columns beyond Excel's 16 384 columns and 1 048 576 rows", async () => {
    for (const xml of [
      worksheetXml('<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>'),
      worksheetXml('<sheetData><row r="2000000"><c r="A2000000" s="1"/></row></sheetData>'),
      worksheetXml("<sheetData/>", "", '<cols><col min="1" max="16385"/></cols>'),
    ]) {
      const buf = await rawXlsx({ sheets: [{ name: "Ngoài", xml }] });
      expect(await refusal(readXlsx(buf))).toMatch(/^Trang tính "Ngoài" có ô nằm ngoài giới hạn của Excel/);
    }
  });
});

describe("the zip", () => {
  it("refuses an entry declared larger than maxEntryBytes, naming the sheet", async () => {
    const buf = await rawXlsx({ sheets: [{ name: "It's 'lớn'", xml: rowsSheet(2000) }] });
    expect(await refusal(readXlsx(buf, limits({ maxEntryBytes: 10_000 })))).toMatch(
      /^Trang tính "It's 'lớn'" quá lớn để kiểm tra: dữ liệu giải nén hơn 0 MB/,
    );
  });

  it("stops inflating an entry that gives more than its declared size (a lying zip bomb)", async () => {
    const base = await rawXlsx({ sheets: [{ name: "A", xml: rowsSheet(3) }] });
    const zip = await JSZip.loadAsync(base);
    zip.file("xl/media/image1.png", Buffer.alloc(64 * 1024 * 1024));
    const bomb = patchEntry(
      await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }),
      "xl/media/image1.png",
      { size: 1000 },
    );
    // The check reads no image; before ExcelJS loads the whole zip for a copy, every entry is inflated under its caps.
    const reading = await readXlsxDetailed(bomb);
    expect(reading.snapshot.sheets[0].values).toHaveLength(3);
    const before = process.memoryUsage().rss;
    const t = performance.now();
    expect(await refusal(reading.verifyAllEntries())).toBe(
      "Tệp .xlsx bị hỏng hoặc không đầy đủ, không đọc được nội dung.",
    );
    expect(performance.now() - t).toBeLessThan(5000);
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
    // A sheet that lies is refused by the check itself.
    const lying = patchEntry(base, "xl/worksheets/sheet1.xml", { size: 10 });
    expect(await refusal(readXlsx(lying))).toBe(
      "Tệp .xlsx bị hỏng hoặc không đầy đủ, không đọc được nội dung.",
    );
  });

  it("refuses a file whose entries together inflate beyond maxTotalBytes", async () => {
    const extra = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [`xl/media/image${i + 1}.png`, Buffer.alloc(40_000)]),
    );
    const buf = await rawXlsx({ sheets: [{ name: "A", xml: rowsSheet(3) }], extra });
    expect(await refusal(readXlsx(buf, limits({ maxTotalBytes: 150_000 })))).toMatch(
      /^Tệp giải nén ra hơn 0 MB/,
    );
  });

  it("refuses a zip of too many entries", async () => {
    const extra = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`x/${i}.txt`, "x"]));
    const buf = await rawXlsx({ sheets: [{ name: "A" }], extra });
    expect(await refusal(readXlsx(buf, limits({ maxEntries: 20 })))).toMatch(
      /^Tệp \.xlsx có 40 phần nén \(một sổ tính có vài chục\)/,
    );
  });

  it("says a zip-encrypted file has a password, and a file compressed in an unknown way is broken", async () => {
    const buf = await rawXlsx({ sheets: [{ name: "A", xml: rowsSheet(3) }] });
    const encrypted = Buffer.from(buf);
    // The central directory record of the sheet (a deflated entry, as in a real encrypted zip).
    const cd = encrypted.lastIndexOf(Buffer.from("xl/worksheets/sheet1.xml")) - 46;
    expect(encrypted.readUInt32LE(cd)).toBe(0x02014b50);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(cd + 8) | 1, cd + 8);
    expect(await refusal(readXlsx(encrypted))).toMatch(/^Tệp nén có mật khẩu/);
    expect(await refusal(readXlsx(patchEntry(buf, "xl/worksheets/sheet1.xml", { method: 12 })))).toMatch(
      /bị hỏng/,
    );
  });

  it("reads a Zip64 file (as some writers make) exactly like the same file in plain zip", async () => {
    const plain = await snapshotToXlsxBuffer(seed2026AsPrinted());
    const zip64 = toZip64(plain);
    expect(zip64.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBeGreaterThan(0);
    expect(await readXlsx(zip64)).toEqual(await readXlsx(plain));
  });
});

describe("the scan agrees with ExcelJS", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.string({ maxLength: 3000 }).map((s) => s.replace(/[^\u0020-\u007e\u00c0-\u1ef9]/g, "") || "x"),
    fc.constantFrom("a > b", 'x="1"', "</c>", "<row>", "'"),
  );
  const sheet = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 80 });

  it("counts the rows of data and the last column ExcelJS reads, whatever the chunking", async () => {
    await fc.assert(
      fc.asyncProperty(sheet, fc.boolean(), async (rows, prefixed) => {
        let xml = worksheetXml(sheetDataXml(rows));
        if (prefixed)
          xml = xml
            .replace(/<(\/?)(row|c|v|is|t)\b/g, "<$1x:$2")
            .replace("<worksheet ", '<worksheet xmlns:x="x" ');
        const buf = await rawXlsx({ sheets: [{ name: "Ngẫu nhiên", xml }] });
        const inv = (await inspectXlsx(buf)).sheets[0];
        let last = 0;
        let cols = 0;
        rows.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v !== null) {
              last = Math.max(last, r + 1);
              cols = Math.max(cols, c + 1);
            }
          }),
        );
        expect(inv.lastValueRow).toBe(last);
        expect(inv.lastColumn).toBe(cols);
        if (!prefixed) {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(buf as unknown as ArrayBuffer);
          let excelLast = 0;
          wb.worksheets[0].eachRow((row, r) => (excelLast = Math.max(excelLast, r)));
          expect(inv.lastValueRow).toBe(excelLast);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("names the sheets as the workbook does, quotes and entities included", async () => {
    const buf = await rawXlsx({
      sheets: [
        { name: 'It\'s <PL8> & "KP"', xml: rowsSheet(1) },
        { name: "Tổng hợp", xml: rowsSheet(1), state: "veryHidden" },
      ],
    });
    expect((await inspectXlsx(buf)).sheets.map((s) => s.name)).toEqual(['It\'s <PL8> & "KP"', "Tổng hợp"]);
    expect((await readXlsx(buf)).sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['It\'s <PL8> & "KP"', undefined],
      ["Tổng hợp", "veryHidden"],
    ]);
  });

  it("takes the sample plan well inside every limit", async () => {
    const inv = await inspectXlsx(await snapshotToXlsxBuffer(seed2026AsPrinted()));
    expect(inv.sheets).toHaveLength(11);
    expect(inv.cellBudget).toBeLessThan(5000);
    expect(inv.bytes).toBeLessThan(1024 * 1024);
  });
});

describe("hand-made sheets that bend the format", () => {
  const cells: Record<string, string> = {
    "a shared formula without its master": '<row r="1"><c r="A2"><f t="shared" si="5"/><v>3</v></c></row>',
    "a shared string index out of range": '<row r="1"><c r="A1" t="s"><v>99</v></c></row>',
    "a number that is no number": '<row r="1"><c r="A1"><v>abc</v></c><c r="B1"><v>1e400</v></c></row>',
    "a date that is no date": '<row r="1"><c r="A1" t="d"><v>not-a-date</v></c></row>',
    "row 0": '<row r="0"><c r="A0"><v>1</v></c></row>',
    "the same cell twice": '<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>',
    "rows and cells without addresses": "<row><c><v>1</v></c></row><row><c><v>2</v></c></row>",
    "a lower-case address": '<row r="1"><c r="a1"><v>1</v></c></row>',
    "a style that does not exist": '<row r="1"><c r="A1" s="999"><v>1</v></c></row>',
    "an unknown error value": '<row r="1"><c r="A1" t="e"><v>#WHATEVER</v></c></row>',
    "empty text cells": '<row r="1"><c r="A1" t="str"></c><c r="B1" t="inlineStr"></c></row>',
  };
  const after: Record<string, string> = {
    "overlapping merges": '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>',
    "a malformed merge": '<mergeCells><mergeCell ref="ZZ"/></mergeCells>',
    "a hyperlink to a missing relationship": '<hyperlinks><hyperlink ref="A1" r:id="rId9"/></hyperlinks>',
    "a data validation without a range":
      '<dataValidations><dataValidation type="list"><formula1>"a"</formula1></dataValidation></dataValidations>',
    "whole-sheet conditional format, filter and link":
      '<autoFilter ref="A1:XFD1048576"/><conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting><hyperlinks><hyperlink ref="A1:XFD1048576" location="A!A1"/></hyperlinks>',
  };
  const sheets: [string, string][] = [
    ...Object.entries(cells).map(([n, x]): [string, string] => [
      n,
      worksheetXml(`<sheetData>${x}</sheetData>`),
    ]),
    ...Object.entries(after).map(([n, x]): [string, string] => [
      n,
      worksheetXml(sheetDataXml([[1, "a"]]), x),
    ]),
  ];

  it.each(sheets)("%s: read and checked, or refused in Vietnamese, never a crash", async (_name, xml) => {
    const buf = await rawXlsx({ sheets: [{ name: "A", xml }] });
    const t = performance.now();
    try {
      const snap = await readXlsx(buf);
      expect(() => checkWorkbook(snap, { rulebook: builtinRulebook() })).not.toThrow();
    } catch (e) {
      // Refused: one Vietnamese sentence that says the file is not as Excel writes it.
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message).toMatch(/bị hỏng|không do Excel tạo ra/);
      expect((e as Error).message).not.toContain("\n");
    }
    expect(performance.now() - t).toBeLessThan(10_000);
  });
});

/** The same zip in Zip64 form: a Zip64 end record and locator, and 64-bit sizes in extra fields. */
function toZip64(buf: Buffer): Buffer {
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  const central: Buffer[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const head = Buffer.from(buf.subarray(p, p + 46));
    const extra = Buffer.alloc(4 + 24);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(24)), 4);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(20)), 12);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(42)), 20);
    head.writeUInt32LE(0xffffffff, 20);
    head.writeUInt32LE(0xffffffff, 24);
    head.writeUInt32LE(0xffffffff, 42);
    head.writeUInt16LE(extraLen + extra.length, 30);
    const name = buf.subarray(p + 46, p + 46 + nameLen);
    const rest = buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen + commentLen);
    central.push(Buffer.concat([head, name, extra, rest]));
    p += 46 + nameLen + extraLen + commentLen;
  }
  const cd = Buffer.concat(central);
  const body = buf.subarray(0, cdOffset);
  const rec = Buffer.alloc(56);
  rec.writeUInt32LE(0x06064b50, 0);
  rec.writeBigUInt64LE(44n, 4);
  rec.writeUInt16LE(45, 12);
  rec.writeUInt16LE(45, 14);
  rec.writeBigUInt64LE(BigInt(count), 24);
  rec.writeBigUInt64LE(BigInt(count), 32);
  rec.writeBigUInt64LE(BigInt(cd.length), 40);
  rec.writeBigUInt64LE(BigInt(body.length), 48);
  const loc = Buffer.alloc(20);
  loc.writeUInt32LE(0x07064b50, 0);
  loc.writeBigUInt64LE(BigInt(body.length + cd.length), 8);
  loc.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([body, cd, rec, loc, end]);
}
