/**
 * The `dean-check` contract: --json shape, exit codes, one-line Vietnamese errors, --annotate
 * never overwriting an input and writing strings as strings.
 */
import { runMain } from "../helpers/cli";
import { costHeader, REPORT_HEADER } from "../helpers/sheets";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { seed2026AsPrinted, seed2026Corrected, withCorrectedOverrides } from "../fixtures/seed2026";
import { snapshotToXlsxBuffer } from "../fixtures/xlsx";

const cli = (...argv: string[]) => runMain(main, argv);

const dir = mkdtempSync(join(tmpdir(), "dean-check-"));
const printed = join(dir, "ke-hoach.xlsx");
const corrected = join(dir, "ke-hoach-sua.xlsx");
const correctedRules = join(dir, "quy-tac-sua.json");

beforeAll(async () => {
  writeFileSync(printed, await snapshotToXlsxBuffer(seed2026AsPrinted()));
  writeFileSync(corrected, await snapshotToXlsxBuffer(seed2026Corrected()));
  writeFileSync(
    correctedRules,
    JSON.stringify(withCorrectedOverrides(JSON.parse(JSON.stringify(builtinRulebook())))),
  );
});

describe("--json", () => {
  it("prints exactly {files:[{file, rulebook, findings}]} and exits 1 on error findings", async () => {
    const r = await cli("--json", printed);
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(["files"]);
    expect(doc.files).toHaveLength(1);
    expect(Object.keys(doc.files[0])).toEqual(["file", "rulebook", "findings"]);
    expect(doc.files[0].file).toBe(printed);
    // Issue #11: the rulebook each file was checked with, and how it was chosen.
    expect(doc.files[0].rulebook).toEqual({
      id: "hai-phong-2026-2030",
      name: builtinRulebook("hai-phong-2026-2030").name,
      chosenBy: "auto",
    });
    for (const f of doc.files[0].findings) {
      // fix and causedBy are optional additions after the contract's fields.
      expect(Object.keys(f).filter((k) => k !== "fix" && k !== "causedBy")).toEqual([
        "rule",
        "severity",
        "sheet",
        "cells",
        "message",
        "expected",
        "actual",
      ]);
      expect(["error", "warning", "info"]).toContain(f.severity);
      for (const c of f.cells) expect(c).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
      if (f.fix) expect(Object.keys(f.fix)).toEqual(["cell", "value"]);
    }
    expect(doc.files[0].findings).toContainEqual(
      expect.objectContaining({
        rule: "totals",
        severity: "error",
        sheet: "PL8 KP 2028",
        cells: ["J16"],
        expected: 35604,
        actual: 34511,
        fix: { cell: "J16", value: 35604 },
      }),
    );
  });

  it("links each consequence to its cause (causedBy), the fix offered on the cause", async () => {
    const doc = JSON.parse((await cli("--json", printed)).out);
    const at = (sheet: string, cell: string) =>
      doc.files[0].findings.find(
        (f: { sheet: string; cells: string[] }) => f.sheet === sheet && f.cells[0] === cell,
      );
    expect(at("PL8 KP 2028", "J16").causedBy).toBeUndefined();
    expect(at("Tổng hợp", "C6")).toMatchObject({
      causedBy: { sheet: "PL8 KP 2028", cell: "J16", rule: "totals" },
    });
    expect(at("Tổng hợp", "C6").fix).toBeUndefined();
    expect(Object.keys(at("Tổng hợp", "C9").causedBy)).toEqual(["sheet", "cell", "rule"]);
    // The grand total's finding: the cell's own value, one expected value.
    expect(at("Tổng hợp", "C9")).toMatchObject({ actual: 179292, expected: 180385 });
  });

  it("is deterministic", async () => {
    expect((await cli("--json", printed)).out).toBe((await cli("--json", printed)).out);
  });

  it("exits 0 on the corrected plan with its rulebook", async () => {
    const r = await cli("--json", "--rules", correctedRules, corrected);
    const doc = JSON.parse(r.out);
    expect(doc.files[0].findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("gives an unreadable file an error instead of findings, exits 2 with one Vietnamese line", async () => {
    const bad = join(dir, "hong.xlsx");
    writeFileSync(bad, "đây không phải tệp Excel");
    const r = await cli("--json", printed, bad);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    expect(doc.files[1]).toEqual({ file: bad, error: "Tệp không phải là tệp Excel .xlsx." });
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("không phải là tệp Excel");
  });
});

describe("exit 2 and one line on stderr, never a stack trace", () => {
  it.each<[string, () => string[], RegExp]>([
    ["a missing file", () => ["--json", join(dir, "khong-co.xlsx")], /Không tìm thấy tệp/],
    [
      "a truncated workbook",
      () => {
        const p = join(dir, "cut.xlsx");
        writeFileSync(p, readFileSync(printed).subarray(0, 2000));
        return [p];
      },
      /bị hỏng/,
    ],
    [
      "a password-protected (OLE) file",
      () => {
        const p = join(dir, "mat-khau.xlsx");
        writeFileSync(p, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
        return [p];
      },
      /mật khẩu/,
    ],
    [
      "a rulebook that is not JSON",
      () => {
        const p = join(dir, "rules.json");
        writeFileSync(p, "{ not json");
        return ["--rules", p, printed];
      },
      /không phải JSON hợp lệ/,
    ],
    [
      "a rulebook that breaks the schema",
      () => {
        const p = join(dir, "rules2.json");
        writeFileSync(p, JSON.stringify({ ...builtinRulebook(), courses: [] }));
        return ["--rules", p, printed];
      },
      /courses/,
    ],
    ["an unknown rulebook", () => ["--rules", "khong-co", printed], /Không đọc được sổ quy tắc/],
    ["an unknown option", () => ["--frobnicate", printed], /Tham số không hợp lệ "--frobnicate"/],
    [
      "an unknown option under --lang en",
      () => ["--lang", "en", "--frobnicate", printed],
      /^dean-check: Invalid argument "--frobnicate"/,
    ],
    [
      "an option without its value",
      () => ["--lang", "en", printed, "--rules"],
      /^dean-check: The option "--rules" needs a value/,
    ],
    ["no input", () => [], /Chưa chọn tệp/],
  ])("%s", async (_name, args, message) => {
    const r = await cli(...args());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe("folders and the readable report", () => {
  it("checks every .xlsx of a folder, skipping Excel's lock files, and reports by sheet in Vietnamese", async () => {
    const folder = join(dir, "huyen");
    mkdirSync(join(folder, "con"), { recursive: true });
    writeFileSync(join(folder, "a.xlsx"), readFileSync(printed));
    writeFileSync(join(folder, "con", "b.xlsx"), readFileSync(corrected));
    writeFileSync(join(folder, "~$a.xlsx"), "lock");
    const r = await cli(folder);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`━━ ${join(folder, "a.xlsx")}`);
    expect(r.out).toContain(`━━ ${join(folder, "con", "b.xlsx")}`);
    expect(r.out).not.toContain("~$");
    expect(r.out).toContain("[PL8 KP 2028]");
    // How each sheet was read; the money unit only where the figures are money.
    // The recognition line names the figure columns it read, so that one not read shows.
    expect(r.out).toContain(
      "✓ PL8 KP 2028: kinh phí, năm 2028, đơn vị triệu đồng — cột đọc được: MN C, TH D, THCS E, THPT F, GDTX G, GDNN H, đơn giá I, thành tiền J\n",
    );
    expect(r.out).toContain(
      "✓ PL3 NV 2028: nhiệm vụ, năm 2028 — cột đọc được: MN C, TH D, THCS E, THPT F, GDTX G, GDNN H\n",
    );
    expect(r.out).toMatch(/Lỗi\s+J16\s+Tổng thành tiền là 34\.511/);
    expect(r.out).toMatch(/2 tệp: \d+ lỗi/);
  });

  it("follows links to workbooks and folders, without looping on a link back up", async () => {
    const folder = join(dir, "lien-ket");
    mkdirSync(join(folder, "that"), { recursive: true });
    writeFileSync(join(folder, "that", "b.xlsx"), readFileSync(corrected));
    symlinkSync(printed, join(folder, "a.xlsx"));
    symlinkSync(join(folder, "that"), join(folder, "thu-muc"));
    symlinkSync(folder, join(folder, "that", "vong"));
    symlinkSync(join(folder, "khong-co.xlsx"), join(folder, "gay.xlsx"));
    const r = await cli("--json", folder);
    expect(JSON.parse(r.out).files.map((f: { file: string }) => f.file)).toEqual([
      join(folder, "a.xlsx"),
      join(folder, "that", "b.xlsx"),
    ]);
  });

  it("treats a workbook with no appendix recognised as unreadable: exit 2, the reason in --json and on stderr", async () => {
    const p = join(dir, "khong-phu-luc.xlsx");
    writeFileSync(
      p,
      await snapshotToXlsxBuffer({ sheets: [{ name: "Ghi chép", values: [["Danh bạ"], ["An", 1]] }] }),
    );
    const r = await cli(p);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Không nhận ra phụ lục nào trong sổ tính.");
    expect(r.err).toContain('"Ghi chép": không tìm thấy dòng tiêu đề cột');
    const j = await cli("--json", p);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.out).files).toEqual([
      { file: p, error: expect.stringContaining("Không nhận ra phụ lục nào trong sổ tính.") },
    ]);
    const en = await cli("--lang", "en", "--json", p);
    expect(JSON.parse(en.out).files[0].error).toBe(
      'No appendix was recognised. Each sheet needs a header row ("TT", "Nội dung", the levels, "Đơn giá", "Thành tiền"…). Sheets read: "Ghi chép": no header row found ("TT", "Nội dung", the levels, "Đơn giá", "Thành tiền", "Quận/huyện"…).',
    );
  });

  it("reports a sheet that looks like an appendix but cannot be read as an error (exit 1), beside a readable one", async () => {
    const p = join(dir, "mot-phu-luc-hong.xlsx");
    writeFileSync(
      p,
      await snapshotToXlsxBuffer({
        sheets: [
          ...seed2026AsPrinted().sheets.slice(5, 6),
          {
            name: "PL11",
            values: [["PHỤ LỤC 11"], ["KINH PHÍ KHÁC NĂM 2026"], [], ["Mục", "Số tiền"], ["A", 5]],
          },
        ],
      }),
    );
    const r = await cli("--json", p);
    expect(r.code).toBe(1);
    const f = JSON.parse(r.out).files[0].findings.filter(
      (x: { rule: string }) => x.rule === "unreadable-table",
    );
    expect(f).toEqual([
      expect.objectContaining({ severity: "error", sheet: "PL11", cells: ["A1"], actual: "PHỤ LỤC 11" }),
    ]);
  });

  it("speaks English on request", async () => {
    const r = await cli("--lang", "en", printed);
    expect(r.out).toMatch(/Error\s+J16\s+The amount total is 34,511/);
    // Money in VND; each level named in English on the first line that lists it, by its id after.
    expect(r.out).toContain(
      "✓ PL1 NV 2026: tasks, year 2026 — columns read: preschool (MN) C, primary (TH) D, lower secondary (THCS) E, upper secondary (THPT) F, continuing education (GDTX) G, vocational (GDNN) H\n",
    );
    expect(r.out).toContain(
      "✓ PL8 KP 2028: costs, year 2028, unit million VND — columns read: MN C, TH D, THCS E, THPT F, GDTX G, GDNN H, unit price I, amount J\n",
    );
    expect(r.out).toContain("✓ Tổng hợp: summary, unit million VND — columns read: amount C\n");
    expect(r.out.split("preschool (MN) C")).toHaveLength(2);
    expect(r.out).toContain("the plan states the same 179,292,000,000 VND");
    expect(r.out).not.toMatch(/(?:\d|million|thousand|billion) đồng/);
  });
});

describe("the readable report (issue #13)", () => {
  it("opens with a summary per file: causes apart from their consequences", async () => {
    const r = await cli(printed);
    expect(
      r.out.startsWith(`Tóm tắt:\n   ${printed}: 11 lỗi (6 lỗi gốc, 5 lỗi kéo theo), 15 cảnh báo, 0 lưu ý\n`),
    ).toBe(true);
  });

  it("lists a sheet's errors before its warnings, and says what a consequence follows from", async () => {
    const r = await cli(printed);
    const pl4 = r.out.slice(r.out.indexOf("[PL4 NV 2029]"), r.out.indexOf("[PL5 NV 2030]"));
    expect(pl4.lastIndexOf("Lỗi ")).toBeLessThan(pl4.indexOf("Cảnh báo "));
    expect(r.out).toContain("↳ kéo theo từ lỗi ở PL8 KP 2028!J16 (totals)");
  });

  it.each([
    ["vi", "Lỗi", "Tệp không phải là tệp Excel .xlsx."],
    ["en", "Error", "The file is not an Excel .xlsx file."],
  ])(
    "says why a file cannot be read once on stdout (%s): in the summary, with no section of its own",
    async (lang, error, reason) => {
      const bad = join(dir, `hong-${lang}.xlsx`);
      writeFileSync(bad, "hello");
      const r = await cli("--lang", lang, bad);
      expect(r.code).toBe(2);
      // The contract's one line on stderr stays.
      expect(r.err).toBe(`dean-check: ${bad}: ${reason}\n`);
      expect(r.out).toBe(`${lang === "vi" ? "Tóm tắt" : "Summary"}:\n   ${bad}: ${error}: ${reason}\n`);
    },
  );

  it.each([
    ["vi", "3 tệp: 11 lỗi (6 lỗi gốc, 5 lỗi kéo theo), 15 cảnh báo, 0 lưu ý — 2 tệp không đọc được"],
    ["en", "3 files: 11 errors (6 root causes, 5 consequences), 15 warnings, 0 notes — 2 could not be read"],
  ])(
    "in a batch (%s), lists every file's outcome in the summary and gives only the checked ones a section",
    async (lang, total) => {
      const bad = join(dir, `hong-lo-${lang}.xlsx`);
      writeFileSync(bad, "hello");
      const missing = join(dir, "khong-co-tep.xlsx");
      const r = await cli("--lang", lang, bad, printed, missing);
      // Exit 2 as before: an input could not be read, whatever the others' findings.
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(2);
      const [summary, ...sections] = r.out.split(/\n(?=━━ )/);
      const error = lang === "vi" ? "Lỗi" : "Error";
      const lines = summary.split("\n");
      expect(lines).toHaveLength(6);
      expect(lines[0]).toBe(lang === "vi" ? "Tóm tắt:" : "Summary:");
      expect(lines[1].startsWith(`   ${bad}: ${error}: `)).toBe(true);
      expect(lines[2].startsWith(`   ${printed}: 11 `)).toBe(true);
      expect(lines[3].startsWith(`   ${missing}: ${error}: `)).toBe(true);
      expect(lines.slice(4)).toEqual([`   ${total}`, ""]);
      expect(sections.map((s) => s.split("\n")[0])).toEqual([`━━ ${printed}`]);
      // Each reason once on stdout.
      for (const f of [bad, missing]) {
        const reason = r.err
          .split("\n")
          .find((l) => l.startsWith(`dean-check: ${f}: `))
          ?.slice(`dean-check: ${f}: `.length);
        expect(reason).toBeTruthy();
        expect(r.out.split(reason as string)).toHaveLength(2);
      }
    },
  );

  it("checks a file given twice once, also when its folder is given too", async () => {
    const folder = join(dir, "hai-lan");
    mkdirSync(folder, { recursive: true });
    const p = join(folder, "a.xlsx");
    writeFileSync(p, readFileSync(printed));
    const r = await cli("--json", p, p, folder);
    expect(JSON.parse(r.out).files.map((f: { file: string }) => f.file)).toEqual([p]);
  });

  it("prints its version", async () => {
    const r = await cli("--version");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^dean-check \d+\.\d+\.\d+\n$/);
  });

  it("gives its help and its own errors in English with --lang en", async () => {
    const help = await cli("--lang", "en", "--help");
    expect(help.out).toContain("Usage: dean-check");
    expect(help.out).not.toMatch(/[ắằẳẵặăấầẩẫậâđêếềểễệôốồổỗộơớờởỡợưứừửữự]/);
    const none = await cli("--lang", "en");
    expect(none.code).toBe(2);
    expect(none.err).toBe(
      "dean-check: No .xlsx file or folder to check. Type dean-check --help for the usage.\n",
    );
  });

  it("refuses an unknown --lang in both languages at once, with exit 2 (neither can be assumed the reader's)", async () => {
    for (const args of [
      ["--lang", "xx", printed],
      ["--lang=fr", printed],
    ]) {
      const r = await cli(...args);
      const lang = args[0] === "--lang" ? "xx" : "fr";
      expect(r).toMatchObject({ code: 2, out: "" });
      expect(r.err).toBe(
        `dean-check: Ngôn ngữ "${lang}" không có: chọn vi hoặc en. / There is no language "${lang}": choose vi or en.\n`,
      );
    }
  });

  it('the rulebook\'s "rules": {"required-cells": "info"} wins for every finding of the rule (exit 0)', async () => {
    const p = join(dir, "khong-noi-dung.xlsx");
    writeFileSync(
      p,
      await snapshotToXlsxBuffer({
        sheets: [
          {
            name: "KP 2026",
            values: [
              ["PHỤ LỤC 6"],
              ["KINH PHÍ ĐÀO TẠO, BỒI DƯỠNG ĐỘI NGŨ NĂM 2026"],
              [null, null, null, null, null, null, null, null, null, "Đơn vị tính: triệu đồng"],
              costHeader(),
              ["1", null, 596, 437, 426, 129, 13, 50, 2, 3302],
            ],
          },
        ],
      }),
    );
    const before = await cli("--json", p);
    expect(before.code).toBe(1);
    const rules = join(dir, "info.json");
    writeFileSync(rules, JSON.stringify({ ...builtinRulebook(), rules: { "required-cells": "info" } }));
    const after = await cli("--json", "--rules", rules, p);
    const fs = JSON.parse(after.out).files[0].findings as { rule: string; severity: string }[];
    expect(fs.filter((f) => f.rule === "required-cells").map((f) => f.severity)).toEqual(["info"]);
    expect(after.code).toBe(0);
  });
});

describe("--annotate", () => {
  it("says where it wrote: in the report, or on stderr with --json", async () => {
    const out = join(dir, "noi-ghi.xlsx");
    const r = await cli("--annotate", out, printed);
    expect(r.out).toContain(`đã ghi bản đánh dấu: ${out}\n`);
    const j = await cli("--json", "--annotate", out, printed);
    expect(() => JSON.parse(j.out)).not.toThrow();
    expect(j.err).toBe(`dean-check: đã ghi bản đánh dấu: ${out}\n`);
  });

  it("refuses a file name (.xlsx) as the target of several inputs, instead of making it a folder", async () => {
    const out = join(dir, "nhieu.xlsx");
    const r = await cli("--annotate", out, printed, corrected);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/phải là một thư mục/);
    expect(existsSync(out)).toBe(false);
  });

  it("writes a marked copy with notes and a results sheet, leaving the input untouched", async () => {
    const before = readFileSync(printed);
    const out = join(dir, "danh-dau.xlsx");
    const r = await cli("--annotate", out, printed);
    expect(r.code).toBe(1);
    expect(readFileSync(printed).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("PL8 KP 2028") as ExcelJS.Worksheet;
    expect(String(ws.getCell("J16").note)).toContain("[Đề án Checker]");
    expect(ws.getCell("J16").value).toBe(34511);
    const cf = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    expect(cf.map((c) => c.ref).join(" ")).toContain("J16");
    const results = wb.getWorksheet("Kết quả kiểm tra") as ExcelJS.Worksheet;
    expect(results.getCell("B4").value).toBe("Trang tính");
    const links: string[] = [];
    results.eachRow((row) => {
      const v = row.getCell(3).value as { hyperlink?: string } | null;
      if (v && typeof v === "object" && v.hyperlink) links.push(v.hyperlink);
    });
    expect(links).toContain("#'PL8 KP 2028'!J16");
  });

  it('writes a "Kết quả kiểm tra" sheet fit for paper', async () => {
    const out = join(dir, "giay.xlsx");
    await cli("--annotate", out, printed);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Kết quả kiểm tra") as ExcelJS.Worksheet;
    // A4 landscape, one page wide, the header row repeated on every page.
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toBe("4:4");
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual(REPORT_HEADER);
    const rows: Record<string, unknown>[] = [];
    ws.eachRow((row, n) => {
      if (n <= 4) return;
      const v = (c: number) => {
        const x = row.getCell(c).value as unknown;
        return x && typeof x === "object" && "text" in x ? (x as { text: string }).text : x;
      };
      rows.push({
        sheet: v(2),
        cell: v(3),
        rule: v(5),
        expected: v(7),
        actual: v(8),
        fix: v(9),
        status: v(10),
        height: row.height,
      });
    });
    const j16 = rows.find((r) => r.sheet === "PL8 KP 2028" && r.cell === "J16");
    // The rule by its Vietnamese title; figures with their unit and vi-VN separators.
    expect(j16).toMatchObject({
      rule: "Dòng tổng cộng",
      expected: "35.604 triệu đồng",
      actual: "34.511 triệu đồng",
      fix: "35.604 triệu đồng",
    });
    // Head-counts have no money unit; a consequence says what it follows from.
    expect(rows.find((r) => r.sheet === "PL5 NV 2030" && r.cell === "G8")).toMatchObject({
      expected: "26",
      actual: "27",
    });
    expect(rows.find((r) => r.sheet === "Tổng hợp" && r.cell === "C6")?.status).toBe(
      "Kéo theo từ lỗi ở PL8 KP 2028!J16",
    );
    // Rows tall enough for their wrapped message.
    expect(Number(j16?.height)).toBeGreaterThan(2 * 15);
    // Within a sheet, errors come before warnings.
    const pl4 = rows.filter((r) => r.sheet === "PL4 NV 2029").map((r) => r.rule);
    expect(pl4.indexOf("Số thứ tự")).toBeGreaterThan(
      pl4.lastIndexOf("Phụ lục nhiệm vụ khớp phụ lục kinh phí"),
    );
    // The summary counts causes apart.
    expect(ws.getCell("A2").value).toMatch(/11 lỗi \(6 lỗi gốc, 5 lỗi kéo theo\)/);
  });

  it("refuses to overwrite its input", async () => {
    const before = readFileSync(printed);
    const r = await cli("--annotate", printed, printed);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/không bao giờ ghi đè tệp gốc/);
    expect(readFileSync(printed).equals(before)).toBe(true);
  });

  it("a copy that cannot be written: exit 2 and the reason in Vietnamese, no temporary file left", async () => {
    const blocker = join(dir, "la-tep");
    writeFileSync(blocker, "không phải thư mục");
    const r = await cli("--annotate", join(blocker, "ban-sao.xlsx"), printed);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `dean-check: không ghi được bản đánh dấu "${join(blocker, "ban-sao.xlsx")}": một phần của đường dẫn không phải thư mục.\n`,
    );
    expect(r.out).toContain("[PL8 KP 2028]"); // the report itself is still printed
  });

  it("refuses a copy that would not be an .xlsx file, before checking", async () => {
    const r = await cli("--annotate", join(dir, "ket-qua.txt"), printed);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Bản đánh dấu phải có đuôi \.xlsx/);
    expect(existsSync(join(dir, "ket-qua.txt"))).toBe(false);
  });

  it("a target ending with a separator is a folder, even for one input", async () => {
    const outDir = join(dir, "mot-ban-sao");
    const r = await cli("--annotate", `${outDir}/`, printed);
    expect(r.code).toBe(1);
    expect(existsSync(join(outDir, "ke-hoach.kiem-tra.xlsx"))).toBe(true);
  });

  it("writes one copy per file into a folder when checking several", async () => {
    const outDir = join(dir, "ban-sao");
    await cli("--annotate", outDir, printed, corrected);
    expect(existsSync(join(outDir, "ke-hoach.kiem-tra.xlsx"))).toBe(true);
    expect(existsSync(join(outDir, "ke-hoach-sua.kiem-tra.xlsx"))).toBe(true);
  });

  it("writes text that looks like a formula as text", async () => {
    const hostile = seed2026AsPrinted();
    hostile.sheets[5].name = "=SUM(1+1)";
    hostile.sheets[5].values[6][1] = '=HYPERLINK("http://x","Bồi dưỡng lạ")';
    const p = join(dir, "hostile.xlsx");
    writeFileSync(p, await snapshotToXlsxBuffer(hostile));
    const out = join(dir, "hostile.kiem-tra.xlsx");
    await cli("--annotate", out, p);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const results = wb.getWorksheet("Kết quả kiểm tra") as ExcelJS.Worksheet;
    const types = new Set<number>();
    const texts: string[] = [];
    results.eachRow((row) => row.eachCell((c) => (types.add(c.type), texts.push(String(c.text)))));
    expect(types.has(ExcelJS.ValueType.Formula)).toBe(false);
    expect(texts).toContain("=SUM(1+1)");
    expect(texts.some((t) => t.includes('=HYPERLINK("http://x"'))).toBe(true);
  });
});
