/**
 * `--lang en` (and the pane in English) leaks no Vietnamese on the paths that are not findings: the
 * reader's refusals (src/io/xlsx), the command line's file and folder errors (src/cli/files.ts,
 * inputs.ts), the annotated copy's reasons, the template builder's TemplateError, a rulebook
 * workbook the pane cannot open, and the report's lines on where the rulebook came from and why
 * (one plan, several plans, a rulebook kept in the workbook). Vietnamese is allowed only in the
 * user's own text: quoted, a sheet name, a file name, the rulebook's name.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readRegularFile } from "../../src/cli/files";
import { main } from "../../src/cli/main";
import { LocalizedError, type Locale } from "../../src/engine/i18n";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { rulebookTemplate } from "../../src/engine/rulebook/workbook";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { buildTemplate, TemplateError, type TemplateOptions } from "../../src/engine/templates/build";
import { templateSnapshot } from "../../src/engine/templates/build";
import { InputError } from "../../src/io/errors";
import { loadForCopy } from "../../src/io/xlsx/copy";
import { BUDGET_PARTS, checkCellBudget, refuse } from "../../src/io/xlsx/limits";
import { readXlsxDetailed, type XlsxReading } from "../../src/io/xlsx/read";
import { rulebookWorkbookSnapshot } from "../../src/io/xlsx/rulebook-file";
import { describeError } from "../../src/taskpane/errors";
import { runMain } from "../helpers/cli";
import { vietnameseLeak } from "../helpers/rule-tester";
import { peopleWorkbook } from "../fixtures/people";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { snapshotToXlsxBuffer } from "../fixtures/xlsx";

// Jest runs CommonJS: the add-in's dynamic import of ExcelJS (a chunk of its own) is a require here.
jest.mock("../../src/io/xlsx/exceljs-loader", () => ({
  loadExcelJS: async () => jest.requireActual<typeof import("exceljs")>("exceljs"),
}));

const none: WorkbookSnapshot = { sheets: [] };
const rulebook = builtinRulebook();
/** Vietnamese words left once the user's own text (quoted, `own`) is taken out. */
const leak = (text: string, own: readonly string[] = []) => {
  let rest = text;
  for (const o of [...own].sort((a, b) => b.length - a.length)) rest = rest.split(o).join(" ");
  return vietnameseLeak(rest, none, rulebook);
};
const VIETNAMESE = /[ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]/;

async function thrown(f: () => unknown): Promise<unknown> {
  try {
    await f();
  } catch (e) {
    return e;
  }
  throw new Error("nothing thrown");
}

/** Each refusal in English has no Vietnamese; in Vietnamese it has some (so the two differ). */
function bothLanguages(e: unknown, own: readonly string[] = []) {
  expect(e).toBeInstanceOf(LocalizedError);
  const l = e as LocalizedError;
  expect(`${l.en} → ${leak(l.in("en"), own)}`).toBe(`${l.en} → `);
  expect(l.in("vi")).toBe(l.message);
  expect(VIETNAMESE.test(l.in("vi"))).toBe(true);
}

describe("the reader's refusals", () => {
  it.each(
    Object.entries({
      corrupt: refuse.corrupt(),
      empty: refuse.empty(),
      ole: refuse.ole(),
      notXlsx: refuse.notXlsx(),
      noSheet: refuse.noSheet(),
      encrypted: refuse.encrypted(),
      entries: refuse.entries(12_000),
      duplicate: refuse.duplicate("xl/worksheets/sheet1.xml"),
      nameMismatch: refuse.nameMismatch("a.xml", "b.xml"),
      unicodePath: refuse.unicodePath("xl/a.xml"),
      folderData: refuse.folderData("xl/"),
      sheetLike: refuse.sheetLike("xl/worksheets/sheet1.xml "),
      fileTooBig: refuse.fileTooBig(200 * 1024 * 1024),
      sheetBytes: refuse.sheetBytes("Kinh phí", 150 * 1024 * 1024),
      entryBytes: refuse.entryBytes("xl/media/a.png", 150 * 1024 * 1024),
      totalBytes: refuse.totalBytes(400 * 1024 * 1024),
      rows: refuse.rows("Kinh phí", 100_000),
      grid: refuse.grid("Kinh phí"),
      cellRef: refuse.cellRef("Kinh phí", "ZZZZ1"),
      order: refuse.order("Kinh phí", "A1"),
      range: refuse.range("Kinh phí", "A1:"),
      value: refuse.value("Kinh phí", "B2", "1e999x"),
      xml: refuse.xml("xl/workbook.xml"),
    }),
  )("%s", (_key, e) => {
    expect(e).toBeInstanceOf(InputError);
    bothLanguages(e, ["Kinh phí"]);
  });

  it("the cell budget names its largest parts in the locale", async () => {
    const e = await thrown(() =>
      checkCellBudget(
        [
          [900, BUDGET_PARTS.cells],
          [50, BUDGET_PARTS.strings],
          [800, BUDGET_PARTS.merged("Kinh phí")],
          [700, BUDGET_PARTS.validated("Kinh phí")],
          [100, BUDGET_PARTS.named],
        ],
        1000,
      ),
    );
    bothLanguages(e, ["Kinh phí"]);
    expect((e as InputError).in("en")).toMatch(/^The workbook is too large to check: 900 cells and rows/);
    expect((e as InputError).in("vi")).toMatch(/^Sổ tính quá lớn để kiểm tra: 900 ô và dòng/);
  });

  it.each([
    ["an empty file", Buffer.alloc(0)],
    ["a text file", Buffer.from("Xin chào, đây không phải sổ tính")],
    ["a broken zip", Buffer.from("PK\u0003\u0004 broken")],
  ])("reading %s", async (_n, bytes) => {
    bothLanguages(await thrown(() => readXlsxDetailed(bytes)));
  });

  it("the annotated copy's reasons", async () => {
    const reading = {
      sheetNames: ["Kinh phí đào tạo bồi dưỡng giáo viên năm 2026"],
    } as unknown as XlsxReading;
    bothLanguages(await thrown(() => loadForCopy(new Uint8Array(), reading)), [
      reading.sheetNames[0].slice(0, 40),
    ]);
    const odd = {
      sheetNames: ["A"],
      excelJsMismatch: { vi: 'trang tính nằm ở "x"', en: 'a worksheet is at "x"' },
    };
    bothLanguages(await thrown(() => loadForCopy(new Uint8Array(), odd as unknown as XlsxReading)));
  });

  it("a rulebook workbook the pane cannot open", async () => {
    const e = await thrown(() => rulebookWorkbookSnapshot(new ArrayBuffer(8), "sổ-quy-tắc.xlsx"));
    bothLanguages(e, ["sổ-quy-tắc.xlsx"]);
    expect(describeError(e, "en")).toBe(
      'The rulebook "sổ-quy-tắc.xlsx" is not an Excel .xlsx file that can be read.',
    );
  });
});

describe("the command line's files and folders", () => {
  const dir = mkdtempSync(join(tmpdir(), "dean-check-en-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a folder, a missing file and a file too large, read as files", async () => {
    bothLanguages(await thrown(() => readRegularFile(dir, 1000)));
    bothLanguages(await thrown(() => readRegularFile(join(dir, "không-có.xlsx"), 1000)));
    const big = join(dir, "lon.xlsx");
    writeFileSync(big, Buffer.alloc(3 * 1024 * 1024));
    bothLanguages(await thrown(() => readRegularFile(big, 1024 * 1024)));
  });

  it("dean-check --lang en: unreadable inputs, missing paths and empty folders, each in one English line", async () => {
    writeFileSync(join(dir, "rong.xlsx"), "");
    writeFileSync(join(dir, "chu.xlsx"), "không phải sổ tính");
    mkdirSync(join(dir, "thư mục trống"));
    const files = ["rong.xlsx", "chu.xlsx", "không-có.xlsx", "thư mục trống"].map((f) => join(dir, f));
    const r = await runMain(main, ["--lang", "en", ...files]);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(`${line} → ${leak(line, files)}`).toBe(`${line} → `);
    expect(lines).toEqual([
      `dean-check: ${files[0]}: The file is empty (0 bytes).`,
      `dean-check: ${files[1]}: The file is not an Excel .xlsx file.`,
      `dean-check: ${files[2]}: No such file or folder.`,
      `dean-check: ${files[3]}: The folder has no .xlsx file.`,
    ]);
    const json = await runMain(main, ["--lang", "en", "--json", files[0]]);
    expect(JSON.parse(json.out).files[0].error).toBe("The file is empty (0 bytes).");
  });
});

describe("templates", () => {
  const cases: [string, string, Partial<TemplateOptions>][] = [
    ["an unknown kind", "bang-luong", {}],
    ["a year of another plan", "cost", { year: 2019 }],
    ["too many blank rows", "cost", { rows: 1e6 }],
    ["an appendix number out of range", "cost", { appendix: 0 }],
    ["unknown units", "registration", { units: "villages" as never }],
    ["an unknown unit of money", "cost", { scale: 7 as never }],
    [
      "a person list for a plan without upgrade programmes",
      "person-list",
      { rulebook: builtinRulebook("binh-phuoc-bdtx-2023-2024"), year: 2023 },
    ],
  ];
  it.each(cases)("%s", async (_n, kind, o) => {
    const e = await thrown(() => buildTemplate(kind as never, { rulebook, year: 2026, ...o }));
    expect(e).toBeInstanceOf(TemplateError);
    bothLanguages(e, [kind]);
    expect(describeError(e, "en" as Locale)).toBe((e as TemplateError).en);
  });
});

describe("where the rulebook came from and why, in English", () => {
  const dir = mkdtempSync(join(tmpdir(), "dean-check-en-rb-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const people = peopleWorkbook({ planted: true }).workbook;
  const sheetNames = (wb: WorkbookSnapshot) => wb.sheets.map((s) => s.name);

  it("one plan, several plans, a sheet no rulebook has, a rulebook kept in the workbook", async () => {
    const own = templateSnapshot(rulebookTemplate(builtinRulebook("hai-phong-2024")));
    const books: Record<string, WorkbookSnapshot> = {
      "one.xlsx": people,
      "mixed.xlsx": {
        sheets: [
          ...seed2026AsPrinted().sheets,
          ...people.sheets,
          { name: "KP 2019", values: [["KINH PHÍ NĂM 2019"], [], ["TT", "Nội dung", "Thành tiền"]] },
        ],
      },
      "own.xlsx": { sheets: [...people.sheets, ...own.sheets] },
    };
    const names = new Set<string>();
    for (const [file, wb] of Object.entries(books)) {
      writeFileSync(join(dir, file), await snapshotToXlsxBuffer(wb));
      for (const n of sheetNames(wb)) names.add(n);
    }
    const r = await runMain(main, ["--lang", "en", ...Object.keys(books).map((f) => join(dir, f))]);
    const header = r.out.split("\n").filter((l) => /^ {3}(Rulebook: |⚠ )/.test(l));
    expect(header.length).toBe(5);
    // The rulebooks' own words: their names and the province they name.
    const rulebookNames = ["hai-phong-2024", "hai-phong-2026-2030"].flatMap((id) => [
      builtinRulebook(id).name,
      builtinRulebook(id).province,
    ]);
    for (const line of header)
      expect(`${line} → ${leak(line, [...rulebookNames, ...names])}`).toBe(`${line} → `);
  });
});
