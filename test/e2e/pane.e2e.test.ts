/**
 * The built task pane (dist/addin) in headless Chromium (Debian's chromium + playwright-core),
 * over a stubbed Office host backed by the strict fake and the seed workbook: click Check, see
 * the findings, jump to one, clear. Screenshots go to docs/screenshots/.
 *
 * Run with `npm run test:e2e` (builds the add-in first). Needs /usr/bin/chromium (or $CHROMIUM).
 */
import { createReadStream, existsSync, mkdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import webpack from "webpack";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../scripts/chromium";

const root = resolve(__dirname, "..", "..");
const dist = join(root, "dist", "addin");
const stubDir = join(root, "dist", "e2e");
const shots = join(root, "docs", "screenshots");
const executablePath = CHROMIUM_PATH;

/** Bundles the Office stub for the browser. */
function buildStub(): Promise<void> {
  return new Promise((done, fail) =>
    webpack(
      {
        mode: "development",
        devtool: false,
        entry: join(__dirname, "office-stub.ts"),
        output: { path: stubDir, filename: "office-stub.js" },
        resolve: { extensions: [".ts", ".js", ".json"] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              loader: "ts-loader",
              options: {
                transpileOnly: true,
                compilerOptions: { module: "esnext", moduleResolution: "bundler" },
              },
            },
          ],
        },
      },
      (err, stats) =>
        err || stats?.hasErrors() ? fail(err ?? new Error(stats?.toString("errors-only"))) : done(),
    ),
  );
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "text/xml",
};

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!path.startsWith(dir) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" });
    createReadStream(path).pipe(res);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

let server: Server;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(dist, "taskpane.html")))
    throw new Error("Build the add-in first: npm run build:addin");
  if (!existsSync(executablePath))
    throw new Error(`No Chromium at ${executablePath}: apt-get install chromium, or set CHROMIUM`);
  await buildStub();
  mkdirSync(shots, { recursive: true });
  server = await serve(dist);
  browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
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

const fakeModel = () =>
  page.evaluate(() => {
    const m = (
      globalThis as unknown as {
        __fake: { model: { selection?: unknown; sheets: { name: string; conditionalFormats: unknown[] }[] } };
      }
    ).__fake.model;
    return { selection: m.selection, marks: m.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0) };
  });

it("checks the seed workbook, lists the findings and marks the cells", async () => {
  await page.getByRole("button", { name: "Kiểm tra Phụ lục" }).click();
  await page.getByText("PL8 KP 2028 —").waitFor();
  await page.getByText(/Tổng thành tiền là 34\.511/).waitFor();
  expect((await fakeModel()).marks).toBeGreaterThan(0);
  expect(await page.getByRole("button", { name: "Xuất báo cáo" }).isEnabled()).toBe(true);
  await page.screenshot({ path: join(shots, "task-pane-findings.png"), fullPage: false });
});

it("jumps to a finding's cell", async () => {
  await page.getByText(/Tổng thành tiền là 34\.511/).click();
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { __fake: { model: { selection?: { address: string } } } }).__fake.model
        .selection?.address === "J16",
  );
  expect((await fakeModel()).selection).toEqual({ sheet: "PL8 KP 2028", address: "J16" });
  await page.getByText(/Vì sao\?/).waitFor();
  await page.screenshot({ path: join(shots, "task-pane-explained.png") });
});

it("clears every mark", async () => {
  await page.getByRole("button", { name: "Xóa đánh dấu" }).click();
  await page.getByText(/Đã xóa \d+ đánh dấu/).waitFor();
  expect((await fakeModel()).marks).toBe(0);
});

it("switches auto-check on, re-checks an edit, and switches it off (Excel.run re-entering the handler's context)", async () => {
  await page.getByRole("button", { name: "Kiểm tra Phụ lục" }).click();
  await page.getByText(/Tổng thành tiền là 34\.511/).waitFor();
  const toggle = page.getByRole("switch", { name: "Kiểm tra tự động khi sửa ô" });
  await toggle.click();
  await page.waitForFunction(() =>
    Boolean((document.querySelector('[role="switch"]') as HTMLInputElement | null)?.checked),
  );
  await page.evaluate(() =>
    (
      globalThis as unknown as { __fake: { edit(s: string, a: string, v: number): Promise<void> } }
    ).__fake.edit("PL8 KP 2028", "J16", 35604),
  );
  await page.getByText(/Đã kiểm tra lại sau/).waitFor();
  await toggle.click();
  await page.waitForFunction(
    () => !(document.querySelector('[role="switch"]') as HTMLInputElement | null)?.checked,
  );
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
    (globalThis as unknown as { __fake: { model: { sheets: { name: string }[] } } }).__fake.model.sheets.map(
      (s) => s.name,
    ),
  );
  expect(names.length).toBeGreaterThan(11);
  await page.screenshot({ path: join(shots, "task-pane-template.png") });
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
