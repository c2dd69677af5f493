/**
 * The built task pane (dist/addin) in headless Chromium (Debian's chromium + playwright-core),
 * over a stubbed Office host backed by the strict fake and the seed workbook: check (the engine in
 * its Web Worker), the virtualised list and its filters, jump to a finding, fix and undo, accept
 * (one finding only: not another line, not the real sheet from its draft copy, and no longer
 * once the cell's value changes), clear; focus after each action; the layout at 320, 350 and
 * 450 px; axe-core with no violation of any impact. Screenshots are written to docs/screenshots/
 * only when UPDATE_SCREENSHOTS=1.
 *
 * Run with `npm run test:e2e` (builds the add-in first). Needs /usr/bin/chromium (or $CHROMIUM).
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../scripts/chromium";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { rulebookTemplate } from "../../src/engine/rulebook/workbook";
import { templateXlsxBuffer } from "../../src/io/xlsx/template";
import { bundleStub, serve } from "./page-server";

const root = resolve(__dirname, "..", "..");
const dist = join(root, "dist", "addin");
const stubDir = join(root, "dist", "e2e");
const shots = join(root, "docs", "screenshots");
const executablePath = CHROMIUM_PATH;
/** Screenshots change the tree: only when asked. */
const updateScreenshots = process.env.UPDATE_SCREENSHOTS === "1";
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let server: Server;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const requests: string[] = [];

async function shoot(name: string): Promise<void> {
  if (updateScreenshots) await page.screenshot({ path: join(shots, name), fullPage: false });
}

beforeAll(async () => {
  if (!existsSync(join(dist, "taskpane.html")))
    throw new Error("Build the add-in first: npm run build:addin");
  if (!existsSync(executablePath))
    throw new Error(`No Chromium at ${executablePath}: apt-get install chromium, or set CHROMIUM`);
  await bundleStub(join(__dirname, "office-stub.ts"), join(stubDir, "office-stub.js"));
  if (updateScreenshots) mkdirSync(shots, { recursive: true });
  server = await serve(dist);
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "vi-VN" });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ path: join(stubDir, "office-stub.js"), contentType: "text/javascript" }),
  );
  const { port } = server.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${port}/taskpane.html`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
});

type Model = {
  selection?: { sheet: string; address: string };
  sheets: {
    name: string;
    values: Map<string, unknown>;
    conditionalFormats: { ranges: string[]; formula?: string }[];
  }[];
};

const fakeModel = () =>
  page.evaluate(() => {
    const m = (globalThis as unknown as { __fake: { model: Model } }).__fake.model;
    const pl8 = m.sheets.find((s) => s.name === "PL8 KP 2028");
    return {
      selection: m.selection,
      marks: m.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0),
      j16: pl8?.values.get("J16"),
      j16Marked: !!pl8?.conditionalFormats.some((cf) => cf.ranges.some((r) => r.split(",").includes("J16"))),
    };
  });

/** The `data-finding` of the focused element (a row of the list), or its tag. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.dataset.finding ?? el?.tagName ?? "";
  });

/** axe-core over the whole page: every violation, of any impact. */
async function axeViolations(): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<unknown> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
  });
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`,
  );
}

/** Elements that stick out of the pane (outside any box that scrolls or clips sideways). */
function overflowing(): Promise<{ scrollWidth: number; width: number; out: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || (r.right <= width + 0.5 && r.left >= -0.5)) continue;
      let p = el.parentElement;
      let clipped = false;
      while (p && p !== document.body) {
        const ox = getComputedStyle(p).overflowX;
        if (ox === "auto" || ox === "scroll" || ox === "hidden" || ox === "clip") {
          clipped = true;
          break;
        }
        p = p.parentElement;
      }
      if (!clipped)
        out.push(`${el.tagName} "${(el.textContent ?? "").slice(0, 40)}" right=${Math.round(r.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 10) };
  });
}

const row = (text: RegExp) => page.locator('[role="listitem"]').filter({ hasText: text });
const TOTAL_2028 = /Tổng thành tiền là 34\.511/;

it("checks the seed workbook in a worker, lists the findings by sheet and rule and marks the cells", async () => {
  await page.getByRole("button", { name: "Kiểm tra Phụ lục" }).click();
  await page.getByText(/^PL1 NV 2026 — \d+ phát hiện$/).waitFor();
  expect((await fakeModel()).marks).toBeGreaterThan(0);
  expect(await page.getByRole("button", { name: "Xuất báo cáo" }).isEnabled()).toBe(true);
  // The engine ran in the checker's worker (its script was fetched).
  expect(requests.some((u) => u.endsWith("/checker.js"))).toBe(true);
  // Filtered to one sheet, the 2028 total is in sight.
  await page.getByRole("combobox", { name: "Trang" }).selectOption("PL8 KP 2028");
  await row(TOTAL_2028).waitFor();
  await shoot("task-pane-findings.png");
});

it("jumps to a finding's cell and explains it", async () => {
  await page.getByText(TOTAL_2028).click();
  await page.waitForFunction(
    () => (globalThis as unknown as { __fake: { model: Model } }).__fake.model.selection?.address === "J16",
  );
  expect((await fakeModel()).selection).toEqual({ sheet: "PL8 KP 2028", address: "J16" });
  await page.getByText(/Vì sao\?/).waitFor();
  await shoot("task-pane-explained.png");
});

it("fixes and undoes, focus coming back to the finding each time", async () => {
  await row(TOTAL_2028).getByRole("button", { name: "Sửa thành 35.604 ở J16" }).click();
  await page.getByRole("button", { name: "Hoàn tác sửa ở J16" }).waitFor();
  expect((await fakeModel()).j16).toBe(35604);
  await page.waitForFunction(() =>
    (document.activeElement as HTMLElement | null)?.dataset.finding?.includes("J16"),
  );
  await page.getByRole("button", { name: "Hoàn tác sửa ở J16" }).click();
  await page.getByRole("button", { name: "Sửa thành 35.604 ở J16" }).waitFor();
  expect((await fakeModel()).j16).toBe(34511);
  await page.waitForFunction(() =>
    (document.activeElement as HTMLElement | null)?.dataset.finding?.includes("J16"),
  );
  expect(await focused()).toContain("J16");
});

it("accepts with a reason: focus in the reason, then back on the finding; the mark goes", async () => {
  expect((await fakeModel()).j16Marked).toBe(true);
  await row(TOTAL_2028).getByRole("button", { name: "Bỏ qua lỗi ở J16" }).click();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
  await page.keyboard.type("Sở Tài chính đã duyệt");
  expect(await axeViolations()).toEqual([]);
  await row(TOTAL_2028).getByRole("button", { name: "Lưu" }).click();
  await page.getByText("Đã bỏ qua: Sở Tài chính đã duyệt").waitFor();
  await page.waitForFunction(() =>
    (document.activeElement as HTMLElement | null)?.dataset.finding?.includes("J16"),
  );
  await page.waitForFunction(() => {
    const m = (globalThis as unknown as { __fake: { model: Model } }).__fake.model;
    const pl8 = m.sheets.find((s) => s.name === "PL8 KP 2028");
    return !pl8?.conditionalFormats.some((cf) => cf.ranges.some((r) => r.split(",").includes("J16")));
  });
  await row(TOTAL_2028).getByRole("button", { name: "Hủy bỏ qua lỗi ở J16" }).click();
  await row(TOTAL_2028).getByRole("button", { name: "Bỏ qua lỗi ở J16" }).waitFor();
  await page.getByRole("combobox", { name: "Trang" }).selectOption("");
});

it("has no accessibility violation of any impact (axe-core), in Vietnamese and in English", async () => {
  expect(await axeViolations()).toEqual([]);
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("button", { name: "Check appendices" }).waitFor();
  await page.getByText(/^PL1 NV 2026 — \d+ findings$/).waitFor();
  expect(await axeViolations()).toEqual([]);
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await page.getByRole("button", { name: "Kiểm tra Phụ lục" }).waitFor();
  await page.getByText(/^PL1 NV 2026 — \d+ phát hiện$/).waitFor();
});

for (const width of [320, 350, 450]) {
  it(`fits a pane ${width} px wide: nothing wider than the pane, forms stacked`, async () => {
    await page.setViewportSize({ width, height: 900 });
    // The widest parts: the recognition form open, the budget table, the list.
    const edit = page.getByRole("button", { name: "Sửa nhận dạng trang PL6 KP 2026" });
    if (await edit.isVisible()) await edit.click();
    await page.getByRole("spinbutton", { name: "Năm" }).waitFor();
    const { scrollWidth, width: w, out } = await overflowing();
    expect(out).toEqual([]);
    expect(scrollWidth).toBeLessThanOrEqual(w);
    // The language button keeps to one line.
    const lang = await page.getByRole("button", { name: "English" }).boundingBox();
    expect(lang?.height ?? 99).toBeLessThan(40);
    if (width === 320) {
      expect(await axeViolations()).toEqual([]);
      await page.getByRole("button", { name: "Lưu" }).click(); // the form closes
      await page.evaluate(() => window.scrollTo(0, 0));
      await shoot("task-pane-320.png");
    }
  });
}

it("clears every mark, counting cells", async () => {
  await page.setViewportSize({ width: 420, height: 900 });
  const cells = await page.evaluate(() => {
    const m = (globalThis as unknown as { __fake: { model: Model } }).__fake.model;
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const size = (area: string) => {
      const [a, b = a] = area.split(":");
      const [, c0, r0] = /^([A-Z]+)(\d+)$/.exec(a) ?? [];
      const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(b) ?? [];
      return (Number(r1) - Number(r0) + 1) * (col(c1) - col(c0) + 1);
    };
    let n = 0;
    for (const s of m.sheets)
      for (const cf of s.conditionalFormats)
        if (cf.formula?.includes("DEAN-CHECKER"))
          for (const r of cf.ranges) for (const area of r.split(",")) n += size(area.trim());
    return n;
  });
  await page.getByRole("button", { name: "Xóa đánh dấu" }).click();
  await page.getByText(`Đã xóa đánh dấu ở ${cells} ô.`).waitFor();
  expect((await fakeModel()).marks).toBe(0);
});

it("writes notes when asked, and never shows the ExcelApi 1.18 line where Excel has notes", async () => {
  expect(await page.getByText(/ExcelApi 1\.18/).count()).toBe(0);
  await page.getByRole("button", { name: "Ghi chú vào ô" }).click();
  await page.getByText(/^Đã ghi lời giải thích vào ghi chú của \d+ ô/).waitFor();
  expect(await page.getByText(/ExcelApi 1\.18/).count()).toBe(0);
});

it("switches auto-check on, re-checks an edit, and switches it off (Excel.run re-entering the handler's context)", async () => {
  await page.getByRole("button", { name: "Kiểm tra Phụ lục" }).click();
  await page.getByRole("combobox", { name: "Trang" }).selectOption("PL8 KP 2028");
  await page.getByText(/Tổng thành tiền là 34\.511/).waitFor();
  const toggle = page.getByRole("switch", { name: "Kiểm tra tự động khi sửa ô" });
  await toggle.click();
  await page.waitForFunction(() =>
    Boolean(document.querySelector<HTMLInputElement>('[role="switch"]')?.checked),
  );
  await page.evaluate(() =>
    (
      globalThis as unknown as { __fake: { edit(s: string, a: string, v: number): Promise<void> } }
    ).__fake.edit("PL8 KP 2028", "J16", 35604),
  );
  await page.getByText(/Đã kiểm tra lại sau/).waitFor();
  await toggle.click();
  await page.waitForFunction(() => !document.querySelector<HTMLInputElement>('[role="switch"]')?.checked);
  expect(await page.getByText(/batch is not a function/).count()).toBe(0);
  expect(
    await page
      .locator(".fui-MessageBar")
      .filter({ hasText: /lỗi|error/i })
      .count(),
  ).toBe(0);
});

it("inserts a standard appendix template as a new sheet", async () => {
  await page.getByText("Chèn mẫu phụ lục").click();
  await page.getByRole("button", { name: "Chèn mẫu" }).click();
  await page.getByText(/Đã chèn mẫu vào trang/).waitFor();
  const names = await page.evaluate(() =>
    (globalThis as unknown as { __fake: { model: Model } }).__fake.model.sheets.map((s) => s.name),
  );
  expect(names.length).toBeGreaterThan(11);
  await shoot("task-pane-template.png");
});

it("opens a rulebook workbook (.xlsx) in the picker: ExcelJS loads as a chunk of the add-in's own, under its CSP", async () => {
  const mine = JSON.parse(JSON.stringify(builtinRulebook("hai-phong-2024"))) as ReturnType<
    typeof builtinRulebook
  >;
  mine.id = "cua-so-2024";
  mine.name = "Sổ quy tắc 2024 của Sở";
  const buffer = await templateXlsxBuffer(rulebookTemplate(mine));
  await page.getByLabel("Mở sổ quy tắc (.json hoặc .xlsx)…").setInputFiles({
    name: "so-quy-tac.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
  await page.getByText("Sổ quy tắc: Sổ quy tắc 2024 của Sở (cua-so-2024)").waitFor();
  expect(requests.some((u) => /\/\d+\.js$/.test(u))).toBe(true);
});

it('"Tạo sổ quy tắc" inserts the rulebook in use as sheets of the workbook', async () => {
  await page.getByRole("button", { name: "Tạo sổ quy tắc" }).click();
  await page.getByText(/Đã chèn mẫu vào trang "Thông tin chung"/).waitFor();
  const names = await page.evaluate(() =>
    (globalThis as unknown as { __fake: { model: { sheets: { name: string }[] } } }).__fake.model.sheets.map(
      (s) => s.name,
    ),
  );
  expect(names).toEqual(expect.arrayContaining(["Thông tin chung", "Cấp học", "Nội dung & đơn giá"]));
});

describe("an acceptance covers its one finding (issue #13)", () => {
  let accepting: Page;
  const errors: string[] = [];
  /** Waits until the add-in's marks on `sheet` cover `cell` (or, with `want` false, do not). */
  const marked = (sheet: string, cell: string, want: boolean) =>
    accepting.waitForFunction(
      ([name, at, on]) => {
        const m = (globalThis as unknown as { __fake: { model: Model } }).__fake.model;
        const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        const cellOf = (a: string) => {
          const [, c, r] = /^([A-Z]+)(\d+)$/.exec(a) ?? [];
          return [col(c ?? ""), Number(r)];
        };
        const [c, r] = cellOf(at);
        // Marks are grouped into rectangles ("J5:J6"): a cell is marked inside any of them.
        const covers = (area: string) => {
          const [a, b = a] = area.trim().split(":");
          const [c0, r0] = cellOf(a);
          const [c1, r1] = cellOf(b);
          return c >= c0 && c <= c1 && r >= r0 && r <= r1;
        };
        const s = m.sheets.find((x) => x.name === name);
        const is = !!s?.conditionalFormats.some(
          (cf) => cf.formula?.includes("DEAN-CHECKER") && cf.ranges.some((x) => x.split(",").some(covers)),
        );
        return is === on;
      },
      [sheet, cell, want] as const,
    );
  const line = (text: RegExp) => accepting.locator('[role="listitem"]').filter({ hasText: text });
  const showSheet = (name: string) => accepting.getByRole("combobox", { name: "Trang" }).selectOption(name);
  async function acceptLine(text: RegExp, cell: string, reason: string): Promise<void> {
    await line(text)
      .getByRole("button", { name: `Bỏ qua lỗi ở ${cell}` })
      .click();
    await accepting.keyboard.type(reason);
    await line(text).getByRole("button", { name: "Lưu" }).click();
    await line(text).getByText(`Đã bỏ qua: ${reason}`).waitFor();
  }
  async function stillOpen(text: RegExp, cell: string): Promise<void> {
    await line(text)
      .getByRole("button", { name: `Bỏ qua lỗi ở ${cell}` })
      .waitFor();
    expect(
      await line(text)
        .getByText(/Đã bỏ qua:/)
        .count(),
    ).toBe(0);
  }

  beforeAll(async () => {
    accepting = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "vi-VN" });
    accepting.on("pageerror", (e) => errors.push(e.message));
    await accepting.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ path: join(stubDir, "office-stub.js"), contentType: "text/javascript" }),
    );
    const { port } = server.address() as AddressInfo;
    await accepting.goto(`http://127.0.0.1:${port}/taskpane.html?case=accept`);
    await accepting.getByRole("button", { name: "Kiểm tra Phụ lục" }).click();
    await accepting.getByText(/^KP2026 \(nháp\) — \d+ phát hiện$/).waitFor();
    // Both wrong amounts of both sheets are marked before anything is accepted.
    for (const sheet of ["PL6 KP 2026", "KP2026 (nháp)"])
      for (const cell of ["J5", "J6"]) await marked(sheet, cell, true);
  });

  afterAll(() => accepting?.close());

  it("accepting a wrong amount on one line leaves a different wrong amount on another line open", async () => {
    await showSheet("PL6 KP 2026");
    await acceptLine(/là 21, nhưng/, "J5", "Sở đã duyệt dòng A");
    await stillOpen(/là 22, nhưng/, "J6");
    await marked("PL6 KP 2026", "J5", false);
    await marked("PL6 KP 2026", "J6", true);
    // The draft copy's same line is still open and marked.
    await marked("KP2026 (nháp)", "J5", true);
  });

  it("accepting on a draft copy (KP2026 (nháp)) does not accept on the real sheet", async () => {
    await showSheet("KP2026 (nháp)");
    // The draft's line A is open although the real sheet's is accepted…
    await stillOpen(/là 21, nhưng/, "J5");
    // …and accepting the draft's line B leaves the real sheet's line B open.
    await acceptLine(/là 22, nhưng/, "J6", "Chỉ là bản nháp");
    await marked("KP2026 (nháp)", "J6", false);
    await showSheet("PL6 KP 2026");
    await stillOpen(/là 22, nhưng/, "J6");
    await line(/là 21, nhưng/)
      .getByText("Đã bỏ qua: Sở đã duyệt dòng A")
      .waitFor();
    await marked("PL6 KP 2026", "J6", true);
  });

  it("changing the accepted cell's value reopens the finding", async () => {
    await accepting.evaluate(() =>
      (
        globalThis as unknown as { __fake: { edit(s: string, a: string, v: number): Promise<void> } }
      ).__fake.edit("PL6 KP 2026", "J5", 23),
    );
    await accepting.getByRole("button", { name: "Kiểm tra Phụ lục" }).click();
    await stillOpen(/là 23, nhưng/, "J5");
    await marked("PL6 KP 2026", "J5", true);
    // The draft's acceptance of its line B still holds; nothing else was accepted.
    await showSheet("KP2026 (nháp)");
    await line(/là 22, nhưng/)
      .getByText("Đã bỏ qua: Chỉ là bản nháp")
      .waitFor();
    await stillOpen(/là 21, nhưng/, "J5");
    await marked("KP2026 (nháp)", "J6", false);
    expect(errors).toEqual([]);
  });
});

it("raised no page error and fetched nothing outside its own origin but the Office script", () => {
  expect(pageErrors).toEqual([]);
  const foreign = requests.filter(
    (u) =>
      !u.startsWith("http://127.0.0.1:") &&
      !u.startsWith("https://appsforoffice.microsoft.com/") &&
      !u.startsWith("data:"),
  );
  expect(foreign).toEqual([]);
});
