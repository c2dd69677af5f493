/**
 * @jest-environment jsdom
 *
 * Live re-check, the budget panel and the rulebook switch.
 */
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { App } from "../../src/taskpane/App";
import { AUTO_CHECK_DELAY_MS } from "../../src/taskpane/useChecker";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { memoryPort } from "./memory-port";

const rulebook = builtinRulebook();

async function checked(wb: WorkbookSnapshot) {
  const port = memoryPort(() => Promise.resolve(wb));
  const user = userEvent.setup();
  const picked: string[] = [];
  render(<App port={port} rulebook={rulebook} onRulebook={(rb) => picked.push(rb.id)} />);
  await user.click(screen.getByRole("button", { name: "Kiểm tra Phụ lục" }));
  await screen.findByText(/Tổng thành tiền là 34\.511/);
  return { port, user, picked };
}

it("re-checks only the edited sheet after a pause, updates the list and the marks, and stops watching when switched off", async () => {
  const wb = seed2026AsPrinted();
  const { port, user } = await checked(wb);
  await user.click(screen.getByRole("switch", { name: "Kiểm tra tự động khi sửa ô" }));
  await waitFor(() => expect(port.listener).toBeDefined());
  // The user corrects the 2028 total in Excel.
  const pl8 = wb.sheets.find((s) => s.name === "PL8 KP 2028");
  if (!pl8) throw new Error("PL8");
  pl8.values[15][9] = 35604;
  port.calls.length = 0;
  act(() => port.listener?.("PL8 KP 2028"));
  act(() => port.listener?.("PL8 KP 2028"));
  await waitFor(() => expect(screen.queryByText(/Tổng thành tiền là 34\.511/)).toBeNull(), {
    timeout: AUTO_CHECK_DELAY_MS * 10,
  });
  expect(port.calls.filter((c) => c.startsWith("readSheet"))).toEqual(["readSheet PL8 KP 2028"]);
  expect(port.calls).not.toContain("read");
  expect(port.calls).toContain("clear PL8 KP 2028");
  expect(await screen.findByText(/Đã kiểm tra lại sau \d+ ms/)).toBeTruthy();
  await user.click(screen.getByRole("switch", { name: "Kiểm tra tự động khi sửa ô" }));
  await waitFor(() => expect(port.calls).toContain("unwatch"));
  expect(port.listener).toBeUndefined();
});

it("shows the budget by year and level against the plan total and the allocated budget", async () => {
  const { port, user } = await checked(seed2026AsPrinted());
  const table = screen.getByRole("table");
  expect(table.textContent).toContain("2028");
  expect(table.textContent).toContain("35.604");
  expect(screen.getByText(/Tổng kinh phí kế hoạch: 179\.292 \(\+1\.093\)/)).toBeTruthy();
  const input = screen.getByRole("spinbutton", { name: "Kinh phí được giao (triệu đồng)" });
  await user.type(input, "180000");
  await user.tab();
  await waitFor(() => expect(port.saved?.allocated).toBe(180000));
  expect(screen.getByText(/Kinh phí được giao: 180\.000 \(\+385\)/)).toBeTruthy();
});

it("switches to another built-in rulebook and re-checks with it", async () => {
  const { user, picked } = await checked(seed2026AsPrinted());
  await user.selectOptions(screen.getByRole("combobox", { name: "Chọn sổ quy tắc" }), "hai-phong-2022");
  expect(picked).toEqual(["hai-phong-2022"]);
  // The 2022 rulebook has other courses and conventions: the findings are worded anew.
  await waitFor(() => expect(screen.queryByText(/được 35\.604,45/)).toBeNull());
});

it("refuses a rulebook file that breaks the schema, saying why in Vietnamese", async () => {
  const { user, picked } = await checked(seed2026AsPrinted());
  const file = new File([JSON.stringify({ id: "x", courses: [] })], "sai.json", { type: "application/json" });
  await user.upload(screen.getByLabelText("Mở sổ quy tắc (.json)…"), file);
  expect(await screen.findByText("Không dùng được sổ quy tắc")).toBeTruthy();
  expect(document.body.textContent).toContain('Sổ quy tắc "sai.json" không hợp lệ (5 lỗi): name:');
  expect(picked).toEqual([]);
});

it("inserts a standard appendix template from the pane", async () => {
  const { port, user } = await checked(seed2026AsPrinted());
  await user.click(screen.getByText("Chèn mẫu phụ lục"));
  await user.selectOptions(screen.getByRole("combobox", { name: "Loại mẫu" }), "task");
  await user.selectOptions(screen.getByRole("combobox", { name: "Năm" }), "2028");
  await user.click(screen.getByRole("button", { name: "Chèn mẫu" }));
  await waitFor(() => expect(port.calls).toContain("insert task 2028"));
  expect(await screen.findByText(/Đã chèn mẫu vào trang ".+ \(2\)"\./)).toBeTruthy();
});
