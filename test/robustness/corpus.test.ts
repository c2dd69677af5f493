/**
 * The corpus of bad files (test/fixtures/bad-files.ts) through `dean-check`'s main(argv, io):
 * each gives its expected exit code and either one Vietnamese line on stderr (never a stack
 * trace) with the same reason as the JSON `error`, or a correct check; none crashes or hangs.
 * Where the add-in is concerned (sheet names, hidden and protected sheets, injection texts), the
 * same workbooks go through the Office.js adapter over the strict fake.
 */
import { runMain } from "../helpers/cli";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { checkWorkbook } from "../../src/engine/check";
import { toPublicFinding, type Finding } from "../../src/engine/findings";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { createExcelAdapter, MARK_TAG } from "../../src/office/excel-adapter";
import {
  BAD_FILES,
  LONG_SHEET_NAME,
  hiddenWorkbook,
  injectionWorkbook,
  INJECTIONS,
  protectedWorkbook,
  QUOTED_NAMES,
  renamedWorkbook,
} from "../fixtures/bad-files";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { cellsOf, createFakeExcel } from "../office/fake-excel";
import { fakeSheetsOf, hostOf } from "../office/fake-host";

const cli = (...argv: string[]) => runMain(main, argv);

const rulebook = builtinRulebook();
const dir = mkdtempSync(join(tmpdir(), "dean-corpus-"));
const path = (name: string) => join(dir, name);
const printedFindings = checkWorkbook(seed2026AsPrinted(), { rulebook }).findings;
type Json = { files: { file: string; findings?: Finding[]; error?: string }[] };

beforeAll(async () => {
  for (const f of BAD_FILES) writeFileSync(path(f.name), await f.build());
}, 300_000); // the 1 000 000-row and long-text files take a while to build on a busy machine

// Times and memory per file are measured by bench/robustness.ts (bench/RESULTS.md); here the jest
// timeout is the only bound, so that a busy CI machine does not fail a correct outcome.
describe("every corpus file gives its expected outcome", () => {
  it.each(BAD_FILES.map((f) => [f.name, f] as const))("%s", async (_name, f) => {
    const r = await cli("--json", path(f.name));
    expect(r.code).toBe(f.expect.exit);
    expect(r.err).not.toMatch(/\n\s+at |Error:|TypeError|RangeError/);
    const doc = JSON.parse(r.out) as Json;
    expect(doc.files).toHaveLength(1);
    if (f.expect.exit === 2) {
      const lines = r.err.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0].startsWith(`dean-check: ${path(f.name)}: `)).toBe(true);
      const reason = lines[0].slice(`dean-check: ${path(f.name)}: `.length);
      expect(reason).toMatch(f.expect.error as RegExp);
      expect(doc.files[0]).toEqual({ file: path(f.name), error: reason });
    } else {
      expect(r.err).toBe("");
      // Issue #11: the rulebook each checked file was checked with.
      expect(Object.keys(doc.files[0])).toEqual(["file", "rulebook", "findings"]);
    }
  });

  it("says the same reason in the readable report", async () => {
    const r = await cli(path("trieu-dong.xlsx"));
    expect(r.code).toBe(2);
    expect(r.out).toContain('Lỗi: Trang tính "Đăng ký" có hơn 100.000 dòng có dữ liệu');
  });

  it("checks the readable files of a folder and reports the unreadable ones, in one run", async () => {
    const r = await cli("--json", path("trang-trong.xlsx"), path("bom-nen.xlsx"), path("trang-an.xlsx"));
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as Json;
    // The empty workbook has nothing to check: unreadable too (issue 12), one line each.
    expect(doc.files.map((f) => Object.keys(f).at(-1))).toEqual(["error", "error", "findings"]);
    expect(r.err.trimEnd().split("\n")).toHaveLength(2);
  });
});

/** Findings of a --json run of one corpus file. */
async function findingsOf(name: string): Promise<Finding[]> {
  const r = await cli("--json", path(name));
  return (JSON.parse(r.out) as Json).files[0].findings as Finding[];
}

const publicOf = (fs: readonly Finding[]) => fs.map(toPublicFinding);

async function annotated(name: string): Promise<ExcelJS.Workbook> {
  const out = path(name.replace(/\.xlsx$/, ".kiem-tra.xlsx"));
  const r = await cli("--annotate", out, path(name));
  expect(r.err).toBe("");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  return wb;
}

describe("readable hostile files are checked correctly", () => {
  it("an empty sheet: nothing to check is no pass, the file is unreadable and says it is empty", async () => {
    const r = await cli(path("trang-trong.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("Sổ tính trống");
  });

  it("hidden and very hidden sheets are checked like the others, and stay hidden in the copy", async () => {
    expect(await findingsOf("trang-an.xlsx")).toEqual(publicOf(printedFindings));
    const wb = await annotated("trang-an.xlsx");
    expect(wb.getWorksheet("PL8 KP 2028")?.state).toBe("hidden");
    expect(wb.getWorksheet("Tổng hợp")?.state).toBe("veryHidden");
  });

  it("protected sheets are read and checked; the copy keeps their protection", async () => {
    expect(await findingsOf("trang-khoa.xlsx")).toEqual(publicOf(printedFindings));
    const wb = await annotated("trang-khoa.xlsx");
    const ws = wb.getWorksheet("PL8 KP 2028") as ExcelJS.Worksheet;
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(ws.getCell("J16").value).toBe(34511);
  });

  it("sheet names with quotes and Vietnamese letters: same findings, links quoted as Excel wants", async () => {
    // Messages that cite a cell of another sheet cite it under its new name.
    const rename = (text: string) =>
      Object.entries(QUOTED_NAMES).reduce((t, [from, to]) => t.split(`${from}!`).join(`${to}!`), text);
    const renamed = publicOf(printedFindings).map((f) => ({
      ...f,
      sheet: QUOTED_NAMES[f.sheet] ?? f.sheet,
      message: rename(f.message),
      ...(f.causedBy
        ? { causedBy: { ...f.causedBy, sheet: QUOTED_NAMES[f.causedBy.sheet] ?? f.causedBy.sheet } }
        : {}),
    }));
    expect(await findingsOf("ten-trang-co-nhay.xlsx")).toEqual(renamed);
    const wb = await annotated("ten-trang-co-nhay.xlsx");
    const links: string[] = [];
    wb.getWorksheet("Kết quả kiểm tra")?.eachRow((row) => {
      const v = row.getCell(3).value as { hyperlink?: string } | null;
      if (v && typeof v === "object" && v.hyperlink) links.push(v.hyperlink);
    });
    expect(links).toContain("#'It''s PL8 — 2028'!J16");
    expect(links).toContain("#'=SUM(1) nhiệm vụ'!A11");
    for (const l of links) {
      const m = /^#'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(l) as RegExpExecArray;
      expect(m).not.toBeNull();
      expect(wb.getWorksheet(m[1].replace(/''/g, "'"))).toBeDefined();
    }
  });

  it("a table running on to column 5 000 gives the findings of the table alone", async () => {
    expect(await findingsOf("5000-cot.xlsx")).toEqual(publicOf(printedFindings));
  });

  it("300 lines of 32 767-character texts: each an unknown course, checked in bounded time", async () => {
    const r = await cli("--json", path("van-ban-dai.xlsx"));
    const fs = (JSON.parse(r.out) as Json).files[0].findings as Finding[];
    expect(fs.filter((f) => f.rule === "unknown-course")).toHaveLength(300);
    expect(fs.every((f) => f.message.length < 2000)).toBe(true);
  });
});

describe("the classes of issue 16", () => {
  it("one label of 144 million characters is cut at 32 767: one unknown-course warning, a short message", async () => {
    const fs = await findingsOf("nhan-144-trieu.xlsx");
    expect(fs.map((f) => f.rule)).toEqual(["unknown-course"]);
    expect(fs[0].message.length).toBeLessThan(2000);
    expect(String(fs[0].actual).length).toBeLessThanOrEqual(32_767);
  });

  it("one stray value in row 1 048 576 does not refuse the plan: the same findings", async () => {
    expect(await findingsOf("dong-1048576.xlsx")).toEqual(publicOf(printedFindings));
  });

  it("a sheet name over 31 characters is read and checked; the copy is refused with the reason", async () => {
    const renamed = publicOf(printedFindings).map((f) => ({
      ...f,
      sheet: f.sheet === "PL8 KP 2028" ? LONG_SHEET_NAME : f.sheet,
      message: f.message.split("PL8 KP 2028!").join(`${LONG_SHEET_NAME}!`),
      ...(f.causedBy
        ? {
            causedBy: {
              ...f.causedBy,
              sheet: f.causedBy.sheet === "PL8 KP 2028" ? LONG_SHEET_NAME : f.causedBy.sheet,
            },
          }
        : {}),
    }));
    expect(await findingsOf("ten-trang-dai.xlsx")).toEqual(renamed);
    const r = await cli("--annotate", path("ten-trang-dai.kiem-tra.xlsx"), path("ten-trang-dai.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/không ghi được bản đánh dấu .*dài hơn 31 ký tự/);
    expect(r.err).not.toMatch(/exceeds|truncated/);
  });
});

describe("formula-injection texts stay texts", () => {
  it("are checked as texts (an unknown course, a unit price that is no number)", async () => {
    const fs = await findingsOf("cong-thuc-doc.xlsx");
    expect(fs).toEqual(publicOf(checkWorkbook(injectionWorkbook(), { rulebook }).findings));
    // The label is quoted in the message (its leading "+" read as a bullet, as "- " is).
    expect(fs.some((f) => f.rule === "unknown-course" && f.message.includes("cmd|' /C calc'!A0"))).toBe(true);
    expect(fs.some((f) => f.cells.includes("I9") && f.sheet === "PL6 KP 2026")).toBe(true);
  });

  it("--annotate writes them back as text, and every text it adds as a value, never a formula", async () => {
    const wb = await annotated("cong-thuc-doc.xlsx");
    const formulas: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula) formulas.push(`${ws.name}!${c.address}`);
        }),
      ),
    );
    expect(formulas).toEqual([]);
    const cost = wb.getWorksheet("PL6 KP 2026") as ExcelJS.Worksheet;
    const task = wb.getWorksheet("PL1 NV 2026") as ExcelJS.Worksheet;
    expect(cost.getCell("K7").value).toBe(INJECTIONS[0]);
    expect(cost.getCell("B8").value).toBe(INJECTIONS[1]);
    expect(task.getCell("J7").value).toBe(INJECTIONS[2]);
    expect(task.getCell("K8").value).toBe(INJECTIONS[3]);
    expect(cost.getCell("I9").value).toBe("=1+1");
    const texts: string[] = [];
    wb.getWorksheet("Kết quả kiểm tra")?.eachRow((row) =>
      row.eachCell((c) => {
        expect([
          ExcelJS.ValueType.String,
          ExcelJS.ValueType.Number,
          ExcelJS.ValueType.Hyperlink,
          ExcelJS.ValueType.Null,
          ExcelJS.ValueType.Merge, // the title rows span the table
        ]).toContain(c.type);
        texts.push(String(c.text));
      }),
    );
    expect(texts.some((t) => t.includes('"=1+1"'))).toBe(true);
    expect(texts.some((t) => t.includes("cmd|' /C calc'!A0"))).toBe(true);
  });
});

describe("the add-in on the same workbooks (Office.js adapter over the strict fake)", () => {
  function setup(wb: WorkbookSnapshot) {
    const fake = createFakeExcel(fakeSheetsOf(wb));
    return { fake, adapter: createExcelAdapter(hostOf(fake)) };
  }

  it("quoted and Vietnamese sheet names: read, marked, selected and linked from the report", async () => {
    const { fake, adapter } = setup(renamedWorkbook());
    const read = await adapter.read();
    const findings = checkWorkbook(read, { rulebook }).findings;
    expect(publicOf(findings)).toEqual(await findingsOf("ten-trang-co-nhay.xlsx"));
    const marks = await adapter.mark(findings);
    expect(marks.skipped).toEqual([]);
    const sheet = fake.model.sheets.find((s) => s.name === "It's PL8 — 2028");
    expect(sheet?.conditionalFormats.some((cf) => cf.ranges.includes("J16"))).toBe(true);
    await adapter.select("It's PL8 — 2028", ["J16"]);
    expect(fake.model.selection).toEqual({ sheet: "It's PL8 — 2028", address: "J16" });
    const name = await adapter.writeReport(findings, "vi");
    const report = fake.model.sheets.find((s) => s.name === name);
    expect([...(report?.hyperlinks.values() ?? [])].map((h) => h.documentReference)).toContain(
      "'It''s PL8 — 2028'!J16",
    );
  });

  it("hidden and very hidden sheets: read with their visibility, checked and marked", async () => {
    const { fake, adapter } = setup(hiddenWorkbook());
    const read = await adapter.read();
    expect(read.sheets[7].visibility).toBe("hidden");
    expect(read.sheets[10].visibility).toBe("veryHidden");
    const findings = checkWorkbook(read, { rulebook }).findings;
    expect(publicOf(findings)).toEqual(publicOf(printedFindings));
    expect((await adapter.mark(findings)).skipped).toEqual([]);
    expect(fake.model.sheets[7].conditionalFormats.length).toBeGreaterThan(0);
  });

  it("protected sheets: checked, and mark() says which sheets it could not mark, touching none of them", async () => {
    const { fake, adapter } = setup(protectedWorkbook());
    const before = fake.model.sheets.map((s) => ({
      ...cellsOf(s),
      cfs: JSON.stringify(s.conditionalFormats),
    }));
    const findings = checkWorkbook(await adapter.read(), { rulebook }).findings;
    const r = await adapter.mark(findings);
    expect(r.skipped).toEqual([
      { sheet: "PL8 KP 2028", reason: expect.stringMatching(/^Trang tính đang được bảo vệ/) },
      { sheet: "Tổng hợp", reason: expect.stringMatching(/^Trang tính đang được bảo vệ/) },
    ]);
    expect(fake.model.sheets[7].conditionalFormats).toEqual([]);
    expect(fake.model.sheets[6].conditionalFormats.length).toBeGreaterThan(0); // PL7 KP 2027
    await adapter.clearMarks();
    expect(
      fake.model.sheets.map((s) => ({ ...cellsOf(s), cfs: JSON.stringify(s.conditionalFormats) })),
    ).toEqual(before);
  });

  it("injection texts: read as texts, and the report sheet holds them as text, never as formulas", async () => {
    const wb = injectionWorkbook();
    const { fake, adapter } = setup(wb);
    // The fake takes "=…" in its initial values for formulas: type the texts in, as a user would with '.
    const cost = fake.model.sheets[5];
    cost.values.set("K7", INJECTIONS[0]);
    cost.values.set("I9", "=1+1");
    cost.formulas.delete("K7");
    cost.formulas.delete("I9");
    const read = await adapter.read();
    expect(read.sheets[5].values[6][10]).toBe(INJECTIONS[0]);
    expect(read.sheets[5].values[7][1]).toBe(INJECTIONS[1]);
    const findings = checkWorkbook(read, { rulebook }).findings;
    const hostile: Finding[] = [
      ...findings,
      ...INJECTIONS.map((text, i) => ({
        rule: "unknown-course",
        severity: "warning" as const,
        sheet: "PL6 KP 2026",
        cells: [`B${20 + i}`],
        message: text,
        expected: text,
        actual: `=${text}`,
      })),
    ];
    const name = await adapter.writeReport(hostile, "vi");
    const report = fake.model.sheets.find((s) => s.name === name);
    expect(report?.formulas.size).toBe(0);
    const values = [...(report?.values.values() ?? [])];
    for (const text of INJECTIONS) expect(values).toContain(text);
    expect(values).toContain(`=${INJECTIONS[0]}`);
    for (const [address, v] of report?.values ?? [])
      if (typeof v === "string") expect(report?.numberFormats.get(address)).toBe("@");
    expect(
      fake.model.sheets
        .flatMap((s) => s.conditionalFormats)
        .every((cf) => !cf.formula || cf.formula.includes(MARK_TAG)),
    ).toBe(true);
  });
});
