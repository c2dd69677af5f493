/**
 * Regular expressions on hostile text: each case is a pattern that backtracked super-linearly
 * (measured seconds to hours on one cell) before it was rewritten or its input bounded. The hostile
 * input is the one a ReDoS checker (recheck) built for the old pattern, at the longest text a cell
 * can hold; the few normal inputs show the rewrite reads what the old pattern read.
 */
import { runCli, UsageError, type CliIo } from "../../src/cli/shared";
import { stderrLine } from "../../src/cli/terminal";
import { parseNumberText, readCellNumber } from "../../src/engine/numbers/parse";
import { inspectXlsx, readXlsx } from "../../src/io/xlsx/read";
import { oneSheet, rawXlsx, worksheetXml } from "../fixtures/bad-files";
import { splitAddresses } from "../../src/office/sheets";
import { isTotalLabel, wordsAfterLabel } from "../../src/engine/recognize/labels";
import { recognitionContext, recognizeSheet } from "../../src/engine/recognize/recognize";
import { statedScale } from "../../src/engine/numbers/units";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { readUnit } from "../../src/functions/library";
import { RULEBOOK_SHEETS, rulebookFromWorkbook, rulebookTemplate } from "../../src/engine/rulebook/workbook";
import { RulebookError } from "../../src/engine/rulebook/load";
import { isUpgrade, problemParts } from "../../src/engine/rulebook/infer";
import { templateSnapshot } from "../../src/engine/templates/build";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { costSheet } from "../helpers/sheets";
import { readCountParts, readLevelList } from "../../src/engine/recognize/quantity";
import { ToneTable } from "../../src/engine/text/tone";

const MAX_CELL = 32_767;
/** A hang guard, not a speed target: the old patterns took seconds on these inputs. */
const HANG_GUARD_MS = 5000;

const levels = new ToneTable<string>([
  ["Mầm non", "MN"],
  ["Tiểu học", "TH"],
  ["THCS", "THCS"],
]);

/** Runs `f` on each input (several cells of a sheet) and says how long they took together. */
function elapsed<T>(inputs: readonly T[], f: (input: T) => unknown): number {
  const t = performance.now();
  for (const input of inputs) f(input);
  return performance.now() - t;
}

describe("numbers/parse.ts: a number and its unit", () => {
  it("a column of digits broken by a line feed is no number, at once", () => {
    const cell = `${"0,".repeat(MAX_CELL >> 1)}`.slice(0, MAX_CELL - 2) + "\nx"; // old: (.*)$ after each digit
    const column = Array.from({ length: 20 }, () => cell);
    expect(elapsed(column, readCellNumber)).toBeLessThan(HANG_GUARD_MS);
    expect(readCellNumber(cell).kind).toBe("text");
  });

  it("reads numbers and units as before", () => {
    expect(parseNumberText("1.250.000 đ")?.value).toBe(1_250_000);
    expect(parseNumberText("12 triệu")).toMatchObject({ value: 12 });
    expect(parseNumberText(" 34 \n")?.value).toBe(34);
    expect(parseNumberText("1\ntriệu")).toBeUndefined();
    expect(parseNumberText("1 triệu\r")).toMatchObject({ value: 1 });
  });
});

describe("numbers/units.ts: a stated unit", () => {
  const rb = builtinRulebook();

  it("a long text is no unit, at once (the pattern was quadratic on a run of spaces)", () => {
    const text = `1${" ".repeat(MAX_CELL - 2)}\u2028`; // old: \s*(.+)$ tried every split of the spaces
    const texts = Array.from({ length: 20 }, () => text);
    expect(elapsed(texts, statedScale)).toBeLessThan(HANG_GUARD_MS);
    expect(statedScale(text)).toBeUndefined();
    // the =DEAN.* unit argument: no unit word, so the number 1 (đồng)
    expect(elapsed(texts, (t) => readUnit(rb, t))).toBeLessThan(HANG_GUARD_MS);
    expect(readUnit(rb, text)).toBe(1);
  });

  it("reads units as before", () => {
    expect(statedScale("1.000 đồng")).toBe(1000);
    expect(statedScale(" 1 000 000đ")).toBe(1e6);
    expect(statedScale("1.000.000.000 nghìn đồng/1 người")).toBe(1e12);
    expect(statedScale("triệu đồng")).toBe(1e6);
    expect(statedScale("2.000 đồng")).toBeUndefined();
    expect(readUnit(rb, "ĐVT: 1.000 đồng")).toBe(1000);
  });
});

describe("recognize/recognize.ts: a unit in parentheses", () => {
  const ctx = recognitionContext(builtinRulebook());
  const scaleOf = (unit: string) => {
    const r = recognizeSheet(costSheet(2026, [], { unit }), ctx);
    if (!("table" in r)) throw new Error(r.reason.id);
    return r.table.scale;
  };

  it("title lines of open parentheses are read at once", () => {
    // old: \(([^)]*)\) scanned from each "(" to the end of the text; each line is another text
    const lines = Array.from({ length: 40 }, (_, i) => `${"(".repeat(MAX_CELL - 3)}${i}`);
    expect(elapsed(lines, scaleOf)).toBeLessThan(HANG_GUARD_MS);
    expect(scaleOf(lines[0])).toBe(builtinRulebook().defaultScale);
  });

  it("reads a unit in parentheses as before", () => {
    expect(scaleOf("((nghìn đồng) (đồng)")).toBe(1000);
    expect(scaleOf("Kinh phí (ĐVT: tỷ đồng) (")).toBe(1e9);
    expect(scaleOf("(ghi chú) (1.000 đồng)")).toBe(1000);
  });
});

describe("rulebook/workbook.ts: the upgrade section of a rulebook workbook", () => {
  const book = templateSnapshot(rulebookTemplate(builtinRulebook()));
  /** The rulebook workbook with the value of the "Thông tin chung" row labelled `label`. */
  const withInfo = (label: string, value: string): WorkbookSnapshot => ({
    sheets: book.sheets.map((s) =>
      s.name !== RULEBOOK_SHEETS.info.name
        ? s
        : { ...s, values: s.values.map((r) => (r[0] === label ? [r[0], value, ...r.slice(2)] : r)) },
    ),
  });
  const problems = (wb: WorkbookSnapshot): string[] => {
    try {
      rulebookFromWorkbook(wb);
    } catch (e) {
      if (e instanceof RulebookError) return e.problems;
      throw e;
    }
    return [];
  };
  const STANDARD = "Trình độ chuẩn theo cấp học";
  const EXCEPTIONS = "Trường hợp riêng";

  it("a standard of spaces before a U+2028 is refused at once", () => {
    // old: ^([^:]+):\s*(.+)$ tried every split of the spaces; each book is another text
    const books = Array.from({ length: 20 }, (_, i) =>
      withInfo(STANDARD, `MN:${" ".repeat(MAX_CELL - 8)}${i}a\u2028b`),
    );
    expect(elapsed(books, problems)).toBeLessThan(HANG_GUARD_MS);
    expect(problems(books[0])).toEqual([expect.stringMatching(/^Thông tin chung!B23: /)]);
  });

  it("an exception of spaces around its colon is refused at once (the pattern was cubic)", () => {
    // old: ^([^,]+),\s*([^:]+):\s*(.+)$ took 16 s on this 6 000-character cell, hours on a full one
    const wb = withInfo(EXCEPTIONS, `TH,${" ".repeat(3000)}:${" ".repeat(3000)}a\u2028b`);
    expect(elapsed([wb], problems)).toBeLessThan(HANG_GUARD_MS);
    expect(problems(wb)).toEqual([expect.stringMatching(/^Thông tin chung!B24: /)]);
  });

  it("reads the standard and the exceptions as before", () => {
    const wb = withInfo(EXCEPTIONS, "TH, TC: 96\nTHCS ,  CĐ :  60");
    const upgrade = rulebookFromWorkbook(withInfo(STANDARD, "MN:CĐ; TH : ĐH"))?.rulebook.upgrade;
    expect(upgrade?.standard).toEqual({ MN: "CD", TH: "DH" });
    expect(rulebookFromWorkbook(wb)?.rulebook.upgrade?.exceptions).toEqual([
      { level: "TH", qualification: "TC", minMonthsLeft: 96 },
      { level: "THCS", qualification: "CD", minMonthsLeft: 60 },
    ]);
    for (const bad of ["MN CĐ", ": CĐ", "MN:", "MN: CĐ\u2028x"])
      expect([bad, problems(withInfo(STANDARD, bad))]).toEqual([
        bad,
        [expect.stringMatching(/^Thông tin chung!B23: /)],
      ]);
    for (const bad of ["TH TC: 96", ", TC: 96", "TH, TC 96", "TH, TC:", "TH,: 96", "TH, TC: 9\u20296"])
      expect([bad, problems(withInfo(EXCEPTIONS, bad))]).toEqual([
        bad,
        [expect.stringMatching(/^Thông tin chung!B24: /)],
      ]);
  });
});

describe("rulebook/infer.ts: a draft from a plan", () => {
  it("a long label of trainings is no upgrade, at once", () => {
    // old: dao tao .*\blen (…) scanned the rest of the label from each "dao tao"; a label per row
    const label = "dao tao ".repeat(MAX_CELL >> 3);
    const rows = Array.from({ length: 200 }, () => label);
    expect(elapsed(rows, isUpgrade)).toBeLessThan(HANG_GUARD_MS);
    expect(isUpgrade(label)).toBe(false);
  });

  it("reads an upgrade as before", () => {
    for (const yes of [
      "nang chuan",
      "nang trinh do chuan tu tc",
      "dao tao trinh do len dh",
      "dao tao dao tao lenx len ths",
    ])
      expect([yes, isUpgrade(yes)]).toEqual([yes, true]);
    for (const no of [
      "nang chuanx",
      "dao tao",
      "len dh dao tao",
      "dao tao len dhx",
      "daotao len dh",
      "boi duong len dh",
    ])
      expect([no, isUpgrade(no)]).toEqual([no, false]);
  });

  it("a long problem line of colons is split at once", () => {
    // old: ^(.*?): (.*)$ tried (.*)$ after every ": " before failing at the line feed
    const line = `${": ".repeat(MAX_CELL >> 1)}\n`;
    const lines = Array.from({ length: 50 }, () => line);
    expect(elapsed(lines, problemParts)).toBeLessThan(HANG_GUARD_MS);
    expect(problemParts(line)).toEqual({ path: "", text: line });
  });

  it("splits problem lines as before", () => {
    expect(problemParts("courses[3].price: đơn giá: không được âm")).toEqual({
      path: "courses[3].price",
      text: "đơn giá: không được âm",
    });
    expect(problemParts(": x")).toEqual({ path: "", text: "x" });
    expect(problemParts("a:b")).toEqual({ path: "", text: "a:b" });
    expect(problemParts("a: b\u2028c")).toEqual({ path: "", text: "a: b\u2028c" });
  });
});

describe("recognize/labels.ts: a total line", () => {
  it("a short label of repeated words is answered at once (two readings each made it exponential)", () => {
    // old: "c" was [ivxlc]{1,4} and [a-h], "nhu cầu kinh phí" one word and two: 2^n readings
    const cells = ["Tổng", "Tong"].flatMap((total) => [
      `${total}${" c".repeat(40)} z`,
      `${total}${" nhu cầu kinh phí".repeat(40)} z`,
      `${total}${" nhu cau kinh phi".repeat(40)} z`,
    ]);
    expect(elapsed(cells, isTotalLabel)).toBeLessThan(HANG_GUARD_MS);
    expect(cells.filter(isTotalLabel)).toEqual([]);
  });

  it("reads total lines as before", () => {
    for (const yes of [
      "Tổng cộng",
      "TỔNG SỐ:",
      "Cộng I",
      "Tổng c",
      "Tổng cộng mục c",
      "Tong nhu cau kinh phi",
      "Tổng nhu cầu kinh phí năm 2026",
      "Cộng a b d h",
    ])
      expect([yes, isTotalLabel(yes)]).toEqual([yes, true]);
    for (const no of ["Tổng kết, đánh giá", "Công tác truyền thông", "Tông", "Tổng i j", "Tổng nhu cầu kinh"])
      expect([no, isTotalLabel(no)]).toEqual([no, false]);
  });
});

describe("recognize/labels.ts: the label of an amount in words", () => {
  it("a long line of label words is answered at once", () => {
    // A pattern that took the label words in any number and order ("(tổng |số |tiền )*") would
    // try every reading of the repeats.
    const fill = (word: string, end: string) =>
      `${word.repeat(Math.floor((MAX_CELL - 40) / word.length))}${end}`;
    const cells = [
      fill("Tổng số tiền ", "là bằng chữ: một tỷ đồng"),
      fill("tong so tien ", "la bang chu: mot ty dong"),
      fill("số ", "bằng chữ"),
      fill("(bằng chữ ", "x"),
      `Bằng chữ: ${fill("một ", "tỷ đồng")}`,
    ];
    expect(elapsed(cells, wordsAfterLabel)).toBeLessThan(HANG_GUARD_MS);
    expect(cells.map((c) => wordsAfterLabel(c)?.length)).toEqual([
      undefined,
      undefined,
      undefined,
      cells[3].length - "(bằng chữ (".length,
      cells[4].length - "Bằng chữ: ".length,
    ]);
  });

  it("a long first word before other label words is answered at once", () => {
    // Up to six words of any kind before "bằng chữ": a rewrite whose words could also be split
    // inside a run ("^([^ ]+ ?){0,6}?bằng chữ") tries every split of the first run into six (a
    // run of 100: 11 s; 32 000: far beyond hours).
    const run = "x".repeat(MAX_CELL - 40);
    const cells = [
      `${run} a b c d e f bằng chữ: một tỷ`,
      `${run} a b c d e f bang chu: mot ty`,
      `${run} thành tiền bằng chữ: một tỷ`,
      `${run} dạy học bằng chữ nổi`,
      `${"(".repeat(MAX_CELL - 40)}thành tiền bằng chữ): một tỷ`,
    ];
    expect(elapsed(cells, wordsAfterLabel)).toBeLessThan(HANG_GUARD_MS);
    expect(cells.map((c) => wordsAfterLabel(c))).toEqual([
      undefined,
      undefined,
      "một tỷ",
      undefined,
      "một tỷ",
    ]);
  });

  it("reads the labels as before", () => {
    expect(wordsAfterLabel("(Tổng số tiền bằng chữ: Một tỷ đồng)")).toBe("Một tỷ đồng)");
    expect(wordsAfterLabel("Số tiền (viết bằng chữ): Hai tỷ")).toBe("Hai tỷ");
    expect(wordsAfterLabel("BANG CHU - ba ty")).toBe("ba ty");
    expect(wordsAfterLabel("Bảng chữ cái")).toBeUndefined();
    expect(wordsAfterLabel("Tổng kinh phí thực hiện bằng chữ: Bốn mươi tỷ đồng")).toBe("Bốn mươi tỷ đồng");
    expect(wordsAfterLabel("Số tiền đề nghị (bằng chữ): Hai tỷ")).toBe("Hai tỷ");
    expect(wordsAfterLabel("Tổng cộng số tiền bằng chữ")).toBe("");
    expect(wordsAfterLabel("Số tiền đề nghị bằng chữ) Hai tỷ")).toBeUndefined();
    expect(wordsAfterLabel("Dạy học bằng chữ nổi Braille")).toBeUndefined();
    expect(wordsAfterLabel("Một hai ba bốn năm sáu bảy bằng chữ: Hai tỷ")).toBeUndefined();
  });
});

describe('recognize/quantity.ts: the level list of a "Cấp học" cell', () => {
  it("five cells of spaces without a separator are split at once", () => {
    const cell = `${"\t".repeat(MAX_CELL - 3)}\tv&`; // old: \s*(?:…)\s* retried every position
    expect(elapsed([cell, cell, cell, cell, cell], (c) => readLevelList(c, levels))).toBeLessThan(
      HANG_GUARD_MS,
    );
    expect(readLevelList(cell, levels)).toEqual({ ids: [], unread: ["v"] });
  });

  it("reads the separators as before", () => {
    expect(readLevelList("Mầm non, Tiểu học + THCS", levels)).toEqual({
      ids: ["MN", "TH", "THCS"],
      unread: [],
    });
    expect(readLevelList("Cấp Mầm non - Tiểu học;THCS / Đại học", levels)).toEqual({
      ids: ["MN", "TH", "THCS"],
      unread: ["Đại học"],
    });
    expect(readLevelList("Mầm non ,\n Tiểu học&&THCS", levels)).toEqual({
      ids: ["MN", "TH", "THCS"],
      unread: [],
    });
  });
});

describe("recognize/quantity.ts: the parts of a head-count cell", () => {
  it("five cells of spaces without a separator are split at once", () => {
    const cell = `${"\t".repeat(MAX_CELL - 1)}\u0000`; // old: \s*(?:…)\s* retried every position
    expect(elapsed([cell, cell, cell, cell, cell], (c) => readCountParts(c, levels))).toBeLessThan(
      HANG_GUARD_MS,
    );
    expect(readCountParts(cell, levels)).toBeUndefined();
  });

  it("a long part is not read as a count, at once (the part's pattern was cubic)", () => {
    // old: ^(.*?)[\s:=–-]*(\d[\d.,\s]*?)\s*(…)?\.?$ took seconds at 1 000 characters, hours at 32 767
    const cell = `${"-".repeat(1651)}0${" ".repeat(1651)}-0`;
    expect(elapsed([cell], (c) => readCountParts(c, levels))).toBeLessThan(HANG_GUARD_MS);
    expect(readCountParts(cell, levels)).toBeUndefined();
  });

  it("reads the parts as before", () => {
    expect(readCountParts("Mầm non: 34\nTiểu học - 100; THCS 54 người", levels)?.parts).toEqual([
      { level: "MN", value: 34, text: "Mầm non: 34" },
      { level: "TH", value: 100, text: "Tiểu học - 100" },
      { level: "THCS", value: 54, text: "THCS 54 người" },
    ]);
    expect(readCountParts("Đối tượng A:\n477 GV, Đối tượng B: 12 / 653", levels)?.parts).toEqual([
      { group: "A", value: 477, text: "Đối tượng A: 477 GV" },
      { group: "B", value: 12, text: "Đối tượng B: 12" },
      { value: 653, text: "653" },
    ]);
  });
});

describe("io/xlsx/sheet.ts: a number cell's stored value", () => {
  it("five files whose number cell holds digits and a letter are refused at once", async () => {
    // old: \d+\.?\d* tried every split of the digits before the letter
    const xml = `<sheetData><row r="1"><c r="A1"><v>${"0".repeat(MAX_CELL * 2 - 1)}x</v></c></row></sheetData>`;
    const file = await oneSheet("PL1", xml);
    const t = performance.now();
    for (let i = 0; i < 5; i++) await expect(readXlsx(file)).rejects.toThrow();
    expect(performance.now() - t).toBeLessThan(HANG_GUARD_MS);
  });

  it("reads the numbers Excel writes as before", async () => {
    const cells = ["12", "-0.5", "1.", ".25", "1.5E-7", "1e+21"].map(
      (v, i) => `<c r="A${i + 1}"><v>${v}</v></c>`,
    );
    const rows = cells.map((c, i) => `<row r="${i + 1}">${c}</row>`).join("");
    const book = await readXlsx(await oneSheet("PL1", `<sheetData>${rows}</sheetData>`));
    expect(book.sheets[0].values.map((r) => r[0])).toEqual([12, -0.5, 1, 0.25, 1.5e-7, 1e21]);
  });
});

describe("io/xlsx/parts.ts: number formats and defined names", () => {
  const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  /** A one-sheet file with a date in A1 and these number formats and defined names. */
  const book = (formatCodes: readonly string[], names: readonly string[] = []) => {
    const fmts = formatCodes
      .map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(f)}"/>`)
      .join("");
    const xfs = formatCodes.map((_, i) => `<xf numFmtId="${164 + i}"/>`).join("");
    const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${formatCodes.length}">${fmts}</numFmts><cellXfs count="${formatCodes.length + 1}"><xf numFmtId="0"/>${xfs}</cellXfs></styleSheet>`;
    const cells = formatCodes.map(
      (_, i) => `<c r="${String.fromCharCode(65 + (i % 26))}1" s="${i + 1}"><v>24100</v></c>`,
    );
    return rawXlsx({
      sheets: [
        {
          name: "A",
          xml: worksheetXml(`<sheetData><row r="1">${cells.slice(0, 26).join("")}</row></sheetData>`),
        },
      ],
      definedNames: names.map((n, i) => `<definedName name="n${i}">${n}</definedName>`).join(""),
      extra: { "xl/styles.xml": styles },
    });
  };

  it("a file of number formats that open brackets is read at once", async () => {
    // old: \[[^\]]*\] scanned from each "[" to the end of the format code
    const file = await book(Array.from({ length: 40 }, () => "[".repeat(MAX_CELL)));
    const t = performance.now();
    const values = (await readXlsx(file)).sheets[0].values[0];
    expect(performance.now() - t).toBeLessThan(HANG_GUARD_MS);
    expect(values[0]).toBe(24100); // "[[[…" shows no date
  });

  it("a file of number formats with long elapsed-time sections is read at once", async () => {
    // "[hhh…h]" is a duration, "[hhh…hx]" no section Excel knows: a pattern that read the h's
    // in more than one way ("(h|hh)+") would try every split of them.
    const file = await book([
      `[${"h".repeat(MAX_CELL - 8)}]:mm`,
      ...Array.from({ length: 39 }, () => `[${"h".repeat(MAX_CELL - 8)}x]mm`),
    ]);
    const t = performance.now();
    const values = (await readXlsx(file)).sheets[0].values[0];
    expect(performance.now() - t).toBeLessThan(HANG_GUARD_MS);
    expect(values.slice(0, 2)).toEqual([24100, { date: "1965-12-24" }]);
  });

  it("reads the formats that show dates as before", async () => {
    const codes = ["[$-409]d-mmm-yy", "[Blue]h:mm", '"[d]"0', "0[d", "[Red][<0]0.00", "mm:ss", "[[m]]m"];
    const date = { date: "1965-12-24" };
    const values = (await readXlsx(await book(codes))).sheets[0].values[0];
    expect(values).toEqual([date, 24100, 24100, date, 24100, 24100, date]);
  });

  it("a file of defined names made of quotes is read at once", async () => {
    // old: '(?:[^']|'')*'! scanned from each quote to the end of the name (minutes on the million
    // characters a name is read up to)
    const file = await book(
      [],
      Array.from({ length: 40 }, () => "'".repeat(MAX_CELL)),
    );
    const t = performance.now();
    await readXlsx(file);
    expect(performance.now() - t).toBeLessThan(HANG_GUARD_MS);
  });

  it("counts the cells of defined names as before", async () => {
    const named = async (formula: string) => (await inspectXlsx(await book([], [formula]))).named;
    expect(await named("'KP 2026'!$A$1:$K$40")).toBe(440);
    expect(await named("'KP 2026'!$A$1:$K$40,Tổng!$B$2")).toBe(441);
    expect(await named("'Kế hoạch ''A1'''!$A$1:$K$40")).toBe(440); // A1 is in the sheet's name
    expect(await named("'Kế hoạch ''A1''' B2!$A$1:$K$40")).toBe(442); // no "!" after the quote: A1, B2 count
    expect(await named("'a''!B2'!C3")).toBe(1);
  });
});

describe("office/sheets.ts: an address list from Excel", () => {
  it("a list of commas is split at once", () => {
    const list = ",".repeat(MAX_CELL); // old: ,(?=(?:[^']*'[^']*')*[^']*$) counted the quotes after each comma
    expect(
      elapsed(
        Array.from({ length: 20 }, () => list),
        splitAddresses,
      ),
    ).toBeLessThan(HANG_GUARD_MS);
    expect(splitAddresses(list)).toEqual([]);
  });

  it("splits as before", () => {
    expect(splitAddresses("'PL 1, 2'!A1:B1,'PL 1, 2'!C1:D1,Z9")).toEqual([
      "'PL 1, 2'!A1:B1",
      "'PL 1, 2'!C1:D1",
      "Z9",
    ]);
    expect(splitAddresses("'A''s, b'!A1,,B2,")).toEqual(["'A''s, b'!A1", "B2"]);
    expect(splitAddresses("'open, A1,B2")).toEqual(["'open", " A1", "B2"]);
  });
});

describe("cli: one line for stderr", () => {
  // Error texts are not cells: a message may quote a whole line of a file, so 100 000 characters.
  const LONG = 100_000;

  it("a long run of line feeds that does not end the text is kept at once", () => {
    const text = `${"\n".repeat(LONG)}\u0000\n`; // old: /\n+$/ retried every line feed
    expect(elapsed([text], stderrLine)).toBeLessThan(HANG_GUARD_MS);
    expect(stderrLine("a\n\n")).toBe("a\n");
    expect(stderrLine("a\nb\n")).toBe("a\\nb\n");
  });

  it("an error text with a long run of spaces becomes one line at once", async () => {
    const lines: string[] = [];
    const io = { stderr: (s: string) => lines.push(s) } as unknown as CliIo;
    const fail = (message: string) =>
      runCli("dean-check", io, 2, () => {
        throw new UsageError(message);
      });
    const t = performance.now();
    await fail(`${"\t".repeat(LONG)}\u0000\n`); // old: \s*\n\s* retried every space
    expect(performance.now() - t).toBeLessThan(HANG_GUARD_MS);
    lines.length = 0;
    await fail("  thiếu \n  tệp  \n\n vào \n");
    expect(lines).toEqual(["dean-check: thiếu tệp vào\n"]);
  });
});
