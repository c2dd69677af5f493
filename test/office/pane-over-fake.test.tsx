/**
 * @jest-environment jsdom
 *
 * The task pane over the real adapter and the strict fake, as in Excel: at the manifest's minimum
 * (ExcelApi 1.9; the report sheet built by the checker, with its units and print layout), with auto-check writing nothing after an edit that changes no mark (the user's
 * Ctrl+Z stays theirs), and through the Office.js glue itself (officeHost), where switching
 * auto-check off re-enters the handler's context.
 */
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { createExcelAdapter, MARK_TAG } from "../../src/office/excel-adapter";
import { officeHost } from "../../src/office/host";
import { App } from "../../src/taskpane/App";
import { AUTO_CHECK_DELAY_MS } from "../../src/taskpane/useChecker";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { createFakeExcel, type FakeExcel } from "./fake-excel";
import { fakeSheetsOf, hostOf } from "./fake-host";
// The list's rows get a height and its box a viewport (jsdom lays nothing out).
import "../taskpane/helpers";

const rulebook = builtinRulebook();
afterEach(cleanup);

const marks = (fake: FakeExcel) =>
  fake.model.sheets.reduce(
    (n, s) => n + s.conditionalFormats.filter((c) => c.formula?.includes(MARK_TAG)).length,
    0,
  );

async function checked(fake: FakeExcel, host = hostOf(fake)) {
  const user = userEvent.setup();
  render(<App port={createExcelAdapter(host)} rulebook={rulebook} />);
  await user.click(screen.getByRole("button", { name: "Kiểm tra Phụ lục" }));
  await screen.findByText(/Tổng thành tiền là 34\.511/, undefined, { timeout: 20_000 });
  return user;
}

it("runs at the manifest's minimum, ExcelApi 1.9: check, marks, jump, export and clear, with no API it lacks", async () => {
  const fake = createFakeExcel(fakeSheetsOf(seed2026AsPrinted()), { excelApi: "1.9" });
  const user = await checked(fake);
  expect(marks(fake)).toBeGreaterThan(0);
  // Notes need ExcelApi 1.18: asked for, the pane says so in one line.
  expect(screen.queryByText(/cần ExcelApi 1\.18/)).toBeNull();
  await user.click(screen.getByRole("button", { name: "Ghi chú vào ô" }));
  expect(await screen.findByText("Excel này chưa ghi được ghi chú ô (cần ExcelApi 1.18).")).toBeTruthy();
  await user.click(screen.getByText(/Tổng thành tiền là 34\.511/));
  await waitFor(() => expect(fake.model.selection).toEqual({ sheet: "PL8 KP 2028", address: "J16" }));
  await user.click(screen.getByRole("button", { name: "Xuất báo cáo" }));
  await screen.findByText(/Đã ghi báo cáo vào trang/);
  // The checker built the report with the recognised workbook: figures carry their unit; fit for paper.
  const report = fake.model.sheets.find((s) => s.name === "Kết quả kiểm tra");
  expect([...(report?.values.values() ?? [])]).toContain("35.604 triệu đồng");
  expect(report?.values.get("A2")).toMatch(/^Kiểm tra bằng Đề án Checker, sổ quy tắc "/);
  expect(report?.pageLayout).toMatchObject({
    orientation: "Landscape",
    paperSize: "A4",
    printTitleRows: "$4:$4",
  });
  await user.click(screen.getByRole("button", { name: "Xóa đánh dấu" }));
  await screen.findByText(/Đã xóa đánh dấu ở \d+ ô\./);
  expect(marks(fake)).toBe(0);
  expect(screen.queryByText(/ApiNotFound|Excel này chưa có tính năng|Excel báo lỗi/)).toBeNull();
}, 60_000);

it("auto-check writes nothing after an edit that changes no mark, so the user's Ctrl+Z undoes their edit", async () => {
  const fake = createFakeExcel(fakeSheetsOf(seed2026AsPrinted()));
  const user = await checked(fake);
  await user.click(screen.getByRole("switch", { name: "Kiểm tra tự động khi sửa ô" }));
  await waitFor(() =>
    expect(screen.getByRole("switch", { name: "Kiểm tra tự động khi sửa ô" })).toHaveProperty(
      "checked",
      true,
    ),
  );
  const writes = fake.model.writes;
  // The user types another wrong 2028 total: the finding's words change, its marks do not.
  await act(() => fake.edit("PL8 KP 2028", "J16", 34000));
  await screen.findByText(/Tổng thành tiền là 34\.000/, undefined, { timeout: AUTO_CHECK_DELAY_MS * 20 });
  expect(fake.model.writes).toBe(writes);
  expect(fake.model.undo.at(-1)).toBe("edit PL8 KP 2028!J16");
  // An edit that does change the marks writes them, as one undo step after the user's.
  await act(() => fake.edit("PL8 KP 2028", "J16", 35604));
  await waitFor(() => expect(screen.queryByText(/Tổng thành tiền là 34\.000/)).toBeNull(), {
    timeout: AUTO_CHECK_DELAY_MS * 20,
  });
  await waitFor(() => expect(fake.model.writes).toBeGreaterThan(writes));
  expect(fake.model.undo.slice(-2)).toEqual(["edit PL8 KP 2028!J16", "add-in"]);
}, 60_000);

it("switches auto-check on and off through Office.js's own glue (Excel.run re-entering the handler's context)", async () => {
  const fake = createFakeExcel(fakeSheetsOf(seed2026AsPrinted()));
  Object.assign(globalThis, {
    Excel: { run: fake.run },
    Office: {
      context: {
        document: { settings: fake.settings },
        requirements: { isSetSupported: fake.isSetSupported },
      },
    },
  });
  try {
    const user = await checked(fake, officeHost());
    const toggle = () => screen.getByRole("switch", { name: "Kiểm tra tự động khi sửa ô" });
    await user.click(toggle());
    await waitFor(() => expect(toggle()).toHaveProperty("checked", true));
    await user.click(toggle());
    await waitFor(() => expect(toggle()).toHaveProperty("checked", false));
    expect(screen.queryByText(/batch is not a function|Excel báo lỗi/)).toBeNull();
    // Off means off: an edit no longer re-checks.
    const writes = fake.model.writes;
    await act(() => fake.edit("PL8 KP 2028", "J16", 35604));
    await new Promise((r) => setTimeout(r, AUTO_CHECK_DELAY_MS * 2));
    expect(screen.getByText(/Tổng thành tiền là 34\.511/)).toBeTruthy();
    expect(fake.model.writes).toBe(writes);
  } finally {
    delete (globalThis as { Excel?: unknown }).Excel;
    delete (globalThis as { Office?: unknown }).Office;
  }
}, 60_000);
