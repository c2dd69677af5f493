/** Reading .xlsx files into snapshots: what ExcelJS hands over, as the engine expects it. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readXlsx, sniffXlsx } from "../../src/io/xlsx/read";
import { InputError } from "../../src/io/errors";

async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readXlsx", () => {
  it("reads values, cached formula results, shared formulas, rich text, links, dates and errors", async () => {
    const buf = await bytesOf((wb) => {
      const ws = wb.addWorksheet("PL6 KP 2026");
      ws.getCell("A1").value = "Phụ lục 6";
      ws.getCell("B2").value = 13.26;
      ws.getCell("C2").value = { formula: "B2*99", result: 1312.74 };
      ws.getCell("C3").value = { sharedFormula: "C2", result: 7 };
      ws.getCell("D2").value = { richText: [{ text: "Tổng " }, { text: "số", font: { bold: true } }] };
      ws.getCell("E2").value = { text: "Sở GDĐT", hyperlink: "https://example.org" };
      ws.getCell("F2").value = new Date(Date.UTC(1965, 5, 15));
      ws.getCell("G2").value = { error: "#REF!" };
      ws.getCell("H2").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.mergeCells("A1:H1");
    });
    const snap = await readXlsx(buf);
    const s = snap.sheets[0];
    expect(s.name).toBe("PL6 KP 2026");
    expect(s.values[0][0]).toBe("Phụ lục 6");
    expect(s.values[1]).toEqual([
      null,
      13.26,
      1312.74,
      "Tổng số",
      "Sở GDĐT",
      { date: "1965-06-15" },
      { error: "#REF!" },
      { error: "#DIV/0!" },
    ]);
    expect(s.formulas?.[1][2]).toBe("B2*99");
    expect(s.formulas?.[2][2]).toBeTruthy();
    expect(s.values[2][2]).toBe(7);
    expect(s.merges).toEqual(["A1:H1"]);
  });

  it("keeps sheet order, visibility and protection", async () => {
    const buf = await bytesOf((wb) => {
      wb.addWorksheet("Một").getCell("A1").value = 1;
      wb.addWorksheet("Ẩn", { state: "hidden" }).getCell("A1").value = 2;
      wb.addWorksheet("Rất ẩn", { state: "veryHidden" }).getCell("A1").value = 3;
      const p = wb.addWorksheet("Khóa");
      p.getCell("A1").value = 4;
      void p.protect("", {});
    });
    const snap = await readXlsx(buf);
    expect(snap.sheets.map((s) => [s.name, s.visibility ?? "visible", s.protected ?? false])).toEqual([
      ["Một", "visible", false],
      ["Ẩn", "hidden", false],
      ["Rất ẩn", "veryHidden", false],
      ["Khóa", "visible", true],
    ]);
  });

  it("reads an empty workbook as no sheets with content", async () => {
    const snap = await readXlsx(await bytesOf((wb) => wb.addWorksheet("Trống")));
    expect(snap.sheets).toEqual([{ name: "Trống", values: [] }]);
  });
});

describe("bad files get a Vietnamese reason", () => {
  it.each<[string, Uint8Array, RegExp]>([
    ["empty", new Uint8Array(0), /rỗng/],
    ["text", Buffer.from("TT,Nội dung\n1,Bồi dưỡng"), /không phải là tệp Excel/],
    ["old .xls or encrypted", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /mật khẩu/],
  ])("%s", (_n, bytes, message) => {
    expect(() => sniffXlsx(bytes)).toThrow(InputError);
    expect(() => sniffXlsx(bytes)).toThrow(message);
  });

  it("a zip without any worksheet", async () => {
    const zip = await new JSZip().file("hello.txt", "xin chào").generateAsync({ type: "nodebuffer" });
    await expect(readXlsx(zip)).rejects.toThrow(/không có trang tính nào/);
  });

  it("a truncated workbook", async () => {
    const full = await bytesOf((wb) => (wb.addWorksheet("A").getCell("A1").value = "x".repeat(5000)));
    await expect(readXlsx(full.subarray(0, full.length >> 1))).rejects.toThrow(/bị hỏng/);
  });
});
