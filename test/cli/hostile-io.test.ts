/**
 * Around the files (issue 16): what reaches a terminal is escaped and one line per message;
 * inputs must be regular files (a FIFO, a device, /dev/zero are refused, never a hang), outputs
 * are created exclusively through a private folder; the folder walk stays inside the folders
 * given and reports an unreadable sub-folder; the worker's time and memory backstops; the
 * annotated copy keeps every text exactly; --help and refusals start without ExcelJS.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../../src/cli/main";
import { main as templateMain } from "../../src/cli/dean-template";
import { readRegularFile, writeNewFile } from "../../src/cli/files";
import { checkFiles, POOL_REASONS, poolReasons } from "../../src/cli/pool";
import { escapeTerminal, stderrLine } from "../../src/cli/terminal";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { encodeXstring } from "../../src/io/xlsx/ooxml-text";
import { readXlsx } from "../../src/io/xlsx/read";
import { BAD_FILES, oneSheet, rawXlsx, sheetDataXml, worksheetXml } from "../fixtures/bad-files";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { snapshotToXlsxBuffer } from "../fixtures/xlsx";
import { runMain } from "../helpers/cli";

const cli = (...argv: string[]) => runMain(main, argv);
const dir = mkdtempSync(join(tmpdir(), "dean-hostile-io-"));
const plan = join(dir, "ke-hoach.xlsx");
beforeAll(async () => writeFileSync(plan, await snapshotToXlsxBuffer(seed2026AsPrinted())));

// eslint-disable-next-line no-control-regex -- what must never reach a terminal raw
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("text written to a terminal", () => {
  it("escapes C0 and C1 controls, DEL and bidirectional overrides; one line for stderr", () => {
    expect(escapeTerminal("a\u001b[2Jb\u0007c\u009bd\u007fe\u202ef\u2066g")).toBe(
      "a\\x1B[2Jb\\x07c\\x9Bd\\x7Fe\\u202Ef\\u2066g",
    );
    expect(escapeTerminal("dòng 1\ndòng 2", true)).toBe("dòng 1\ndòng 2");
    expect(stderrLine("dean-check: a\nb.xlsx: lỗi")).toBe("dean-check: a\\nb.xlsx: lỗi\n");
    expect(escapeTerminal("Tổng số: 1.250.000,5 — 'năm' \"2026\"")).toBe(
      "Tổng số: 1.250.000,5 — 'năm' \"2026\"",
    );
  });

  it("a file name with a line feed gives one stderr line, never a forged 'dean-check:' line", async () => {
    const name = join(dir, "a\ndean-check: giả.xlsx");
    writeFileSync(name, "TT,Nội dung\n");
    const r = await cli(name);
    expect(r.code).toBe(2);
    expect(r.err.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.err).toContain("a\\ndean-check: giả.xlsx");
    expect(r.out).not.toMatch(RAW_CONTROL);
    // --json is unchanged: the name exactly, JSON-escaped.
    const j = await cli("--json", name);
    expect(JSON.parse(j.out).files[0].file).toBe(name);
  });

  it("cell texts and sheet names with escape sequences, OSC 52 and bidi overrides print inert", async () => {
    const f = BAD_FILES.find((b) => b.name === "ky-tu-dieu-khien.xlsx");
    const p = join(dir, "ky-tu.xlsx");
    writeFileSync(p, await (f as (typeof BAD_FILES)[number]).build());
    const r = await cli(p);
    expect(r.out).not.toMatch(RAW_CONTROL);
    expect(r.out).toContain("\\x1B]52;c;");
    expect(r.out).toContain("\\u202E");
    expect(r.out).not.toMatch(/^dean-check: giả/m);
    // The JSON keeps the texts as they are (JSON escapes them).
    const j = JSON.parse((await cli("--json", p)).out);
    expect(JSON.stringify(j)).toContain("\\u001b]52;c;");
  });
});

describe("inputs must be regular files of bounded size", () => {
  // A FIFO needs mkfifo, a program of the system: its cases are in fifo.system.test.ts.
  it("/dev/zero as input: a reason, never a hang", async () => {
    const r = await cli("--json", "/dev/zero");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).files[0].error).toMatch(/^Đây là một thiết bị, không phải tệp\.$/);
  });

  it("/dev/zero (not 'missing') as --rules: a reason, never a hang", async () => {
    const r = await cli("--rules", "/dev/zero", plan);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^dean-check: Không đọc được sổ quy tắc "\/dev\/zero": đây là một thiết bị/);
    expect(r.err).not.toContain("không có tệp này");
  });

  it("a file over the size bound is refused before it is read", async () => {
    const big = join(dir, "lon.bin");
    writeFileSync(big, Buffer.alloc(2048));
    await expect(readRegularFile(big, 1024)).rejects.toThrow(/quá lớn để đọc/);
    expect((await readRegularFile(big, 4096)).length).toBe(2048);
  });
});

describe("every file written is created exclusively through a private folder", () => {
  it("a link planted at the old temporary name, or at the target, is never followed", async () => {
    const out = join(dir, "ban-sao");
    mkdirSync(out);
    const victim = join(dir, "nan-nhan.txt");
    writeFileSync(victim, "giữ nguyên");
    const target = join(out, "ke-hoach.kiem-tra.xlsx");
    for (let pid = process.pid - 2; pid <= process.pid + 2; pid++)
      symlinkSync(victim, `${target}.${pid}.tmp`);
    const r = await cli("--annotate", target, plan);
    expect(r.err).toBe("");
    expect(readFileSync(victim, "utf8")).toBe("giữ nguyên");
    expect((await readXlsx(readFileSync(target))).sheets.length).toBe(12);
    expect(readdirSync(out).filter((n) => n.startsWith(".dean-"))).toEqual([]);
    // Without replace, an existing target (or a link there) is refused, and the victim untouched.
    const link = join(out, "lien-ket.xlsx");
    symlinkSync(victim, link);
    await expect(writeNewFile(link, Buffer.from("x"), false)).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(victim, "utf8")).toBe("giữ nguyên");
    // dean-template goes the same way.
    const t = await runMain(templateMain, ["cost", "--year", "2027", "-o", link]);
    expect(t.code).toBe(2);
    expect(t.err).toMatch(/tệp đã có; thêm --force/);
    expect(readFileSync(victim, "utf8")).toBe("giữ nguyên");
  });
});

describe("the folder walk", () => {
  it("stays inside the folders given: a link to / is not walked, and is said", async () => {
    const folder = join(dir, "lien-ket-goc");
    mkdirSync(folder);
    writeFileSync(join(folder, "a.xlsx"), readFileSync(plan));
    symlinkSync("/", join(folder, "goc"));
    const r = await cli("--json", folder);
    const files = JSON.parse(r.out).files as { file: string; error?: string }[];
    expect(files.map((f) => f.file)).toEqual([join(folder, "a.xlsx"), join(folder, "goc")]);
    expect(files[1].error).toMatch(/nằm ngoài thư mục đã chọn: không duyệt/);
    expect(r.err.split("\n").filter(Boolean)).toHaveLength(1);
  });

  it("reports an unreadable sub-folder as one line and checks the rest", async () => {
    const folder = join(dir, "khoa");
    mkdirSync(join(folder, "cam"), { recursive: true });
    writeFileSync(join(folder, "a.xlsx"), readFileSync(plan));
    writeFileSync(join(folder, "cam", "b.xlsx"), readFileSync(plan));
    // Tests run as root, for whom chmod 000 changes nothing: the system's refusal is simulated.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fsp = require("node:fs/promises") as typeof import("node:fs/promises");
    const real = fsp.readdir;
    const spy = jest.spyOn(fsp, "readdir").mockImplementation(((p: string, o: unknown) => {
      if (resolve(String(p)) === resolve(folder, "cam"))
        return Promise.reject(Object.assign(new Error("EACCES"), { code: "EACCES" }));
      return (real as (p: string, o: unknown) => Promise<unknown>)(p, o);
    }) as typeof fsp.readdir);
    try {
      const r = await cli("--json", folder);
      const files = JSON.parse(r.out).files as { file: string; error?: string; findings?: unknown[] }[];
      expect(files.map((f) => [f.file, f.error === undefined])).toEqual([
        [join(folder, "a.xlsx"), true],
        [join(folder, "cam"), false],
      ]);
      expect(files[1].error).toMatch(/^Không có quyền đọc thư mục này/);
      expect(r.err.split("\n").filter(Boolean)).toHaveLength(1);
      expect(r.err).not.toContain("lỗi không mong đợi");
    } finally {
      spy.mockRestore();
    }
  });
});

describe("the worker's backstops", () => {
  const settings = { rulebook: builtinRulebook(), locale: "vi" as const };

  it("a file that takes too long is stopped with a reason, and the next file is checked", async () => {
    const out = await checkFiles([{ file: plan }, { file: plan }], settings, { workers: 1, timeoutMs: 1 });
    expect(out[0].error).toBe(POOL_REASONS.timeout(1));
    expect(out).toHaveLength(2);
  });

  it("under --lang en the reason is in English", async () => {
    const out = await checkFiles(
      [{ file: plan }],
      { ...settings, locale: "en" },
      { workers: 1, timeoutMs: 1 },
    );
    expect(out[0].error).toBe(poolReasons("en").timeout(1));
    expect(out[0].error).toMatch(/^The file is too complex/);
  });

  it("a file that needs too much memory is stopped with a reason", async () => {
    const big = join(dir, "bo-nho.xlsx");
    writeFileSync(
      big,
      await oneSheet("A", sheetDataXml(Array.from({ length: 20_000 }, (_, i) => [i, `Trường ${i}`, i % 7]))),
    );
    const [o] = await checkFiles([{ file: big }], settings, { workers: 1, memoryMb: 12, timeoutMs: 60_000 });
    expect([POOL_REASONS.memory(12), POOL_REASONS.crash]).toContain(o.error);
  });

  it("several files are shared among workers and come back in order, findings only", async () => {
    const out = await checkFiles(
      [{ file: plan }, { file: join(dir, "khong-co.xlsx") }, { file: plan }],
      settings,
      {
        workers: 2,
      },
    );
    expect(out.map((o) => (o.error === undefined ? o.findings?.length : o.error))).toEqual([
      26,
      "Không tìm thấy tệp.",
      26,
    ]);
    // What the report says of the file: findings, its sheets, the rulebook it was checked with (issue #11).
    expect(Object.keys(out[0]).sort()).toEqual(["file", "findings", "rulebook", "workbook"]);
  });
});

/**
 * A small cost appendix under the texts, so that the workbook has an appendix to check (a workbook
 * without any is an unreadable input, exit 2, and gets no copy).
 */
const APPENDIX_ROWS = [
  ["TT", "Nội dung", "MN", "Đơn giá/người", "Thành tiền"],
  [1, "Thiết kế và triển khai giáo dục STEM/STEAM", 1, 2, 2],
]
  .map(
    (row, r) =>
      `<row r="${r + 2}">${row
        .map((v, c) =>
          typeof v === "number"
            ? `<c r="${"ABCDE"[c]}${r + 2}"><v>${v}</v></c>`
            : `<c r="${"ABCDE"[c]}${r + 2}" t="inlineStr"><is><t>${v}</t></is></c>`,
        )
        .join("")}</row>`,
  )
  .join("");

describe("the annotated copy keeps every text exactly", () => {
  it("literal _xHHHH_ and control characters come back as they were", async () => {
    const texts = ["_x0041_", "a_x005F_b", "tab\tand\u0001ctl", "cr\rlf\nend", "\u001b[2J"];
    const p = join(dir, "van-ban.xlsx");
    const esc = (s: string) => encodeXstring(s).replace(/&/g, "&amp;").replace(/</g, "&lt;");
    writeFileSync(
      p,
      await oneSheet(
        "Văn bản",
        `<sheetData><row r="1">${texts.map((t, i) => `<c r="${"ABCDE"[i]}1" t="inlineStr"><is><t xml:space="preserve">${esc(t)}</t></is></c>`).join("")}</row>${APPENDIX_ROWS}</sheetData>`,
      ),
    );
    expect((await readXlsx(readFileSync(p))).sheets[0].values[0]).toEqual(texts);
    const out = join(dir, "van-ban.kiem-tra.xlsx");
    const r = await cli("--annotate", out, p);
    expect(r.err).toBe("");
    expect((await readXlsx(readFileSync(out))).sheets[0].values[0]).toEqual(texts);
  });
});

describe("the annotated copy keeps shared texts exactly", () => {
  it("shared strings with _xHHHH_ escapes (which ExcelJS decodes its own way) come back as they were", async () => {
    const texts = ["_x0041_", "_x005F_x0041_", "a\u0001b", "x_x000D_y"];
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${texts
      .map((t) => `<si><t>${encodeXstring(t)}</t></si>`)
      .join("")}</sst>`;
    const cells = texts.map((_, i) => `<c r="${"ABCD"[i]}1" t="s"><v>${i}</v></c>`).join("");
    const p = join(dir, "chuoi-chung.xlsx");
    writeFileSync(
      p,
      await rawXlsx({
        sheets: [
          {
            name: "Chung",
            xml: worksheetXml(`<sheetData><row r="1">${cells}</row>${APPENDIX_ROWS}</sheetData>`),
          },
        ],
        extra: { "xl/sharedStrings.xml": sst },
      }),
    );
    expect((await readXlsx(readFileSync(p))).sheets[0].values[0]).toEqual(texts);
    const out = join(dir, "chuoi-chung.kiem-tra.xlsx");
    expect((await cli("--annotate", out, p)).err).toBe("");
    expect((await readXlsx(readFileSync(out))).sheets[0].values[0]).toEqual(texts);
  });
});

describe("start-up", () => {
  it("--help and a refused file never load ExcelJS", () => {
    const script = `
      const { main } = require(${JSON.stringify(resolve(__dirname, "../../src/cli/main.ts"))});
      const io = { stdout() {}, stderr() {}, interactive: false };
      (async () => {
        await main(["--help"], io);
        await main(["--json", "/dev/null"], io);
        await main(["--rules", "/dev/zero", "x.xlsx"], io);
        const loaded = Object.keys(require.cache).filter((k) => /exceljs[\\\\/](excel|lib[\\\\/]exceljs)/.test(k));
        process.stdout.write(JSON.stringify(loaded));
      })();`;
    const r = spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});

describe("the time backstop counts the worker's processor time", () => {
  it("a file is stopped after the processor time allowed, with a reason", async () => {
    const settings = { rulebook: builtinRulebook(), locale: "vi" as const };
    // Long enough to be still running at the first look (every 250 ms) on any machine.
    const long = join(dir, "lau.xlsx");
    writeFileSync(
      long,
      await oneSheet("A", sheetDataXml(Array.from({ length: 60_000 }, (_, i) => [i, `Trường ${i}`, i % 7]))),
    );
    const out = await checkFiles([{ file: long }], settings, { workers: 1, cpuMs: 1 });
    expect(out[0].error).toBe(POOL_REASONS.timeout(1));
  });
});
