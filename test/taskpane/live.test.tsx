/**
 * @jest-environment jsdom
 *
 * Live re-check, the budget panel and the rulebook switch.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { AUTO_CHECK_DELAY_MS } from "../../src/taskpane/useChecker";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { checkWith, manualClock } from "./helpers";
import { memoryPort } from "./memory-port";

/** The pane over `wb`, checked once; its clock moves only when the test says so. */
async function checked(wb: WorkbookSnapshot) {
  const port = memoryPort(() => Promise.resolve(wb));
  const picked: string[] = [];
  const clock = manualClock();
  const user = await checkWith(port, { clock, onRulebook: (rb) => picked.push(rb.id) });
  await screen.findByText(/Tổng thành tiền là 34\.511/);
  return { port, user, picked, clock };
}

it("re-checks only the edited sheet after a pause, updates the list and the marks, and stops watching when switched off", async () => {
  const wb = seed2026AsPrinted();
  const { port, user, clock } = await checked(wb);
  await user.click(screen.getByRole("switch", { name: "Kiểm tra tự động khi sửa ô" }));
  await waitFor(() => expect(port.listener).toBeDefined());
  // The user corrects the 2028 total in Excel.
  const pl8 = wb.sheets.find((s) => s.name === "PL8 KP 2028");
  if (!pl8) throw new Error("PL8");
  pl8.values[15][9] = 35604;
  port.calls.length = 0;
  act(() => port.listener?.("PL8 KP 2028"));
  act(() => clock.advance(AUTO_CHECK_DELAY_MS - 1));
  act(() => port.listener?.("PL8 KP 2028"));
  // Edits keep coming: no re-check before a whole pause.
  act(() => clock.advance(AUTO_CHECK_DELAY_MS - 1));
  expect(port.calls).toEqual([]);
  act(() => clock.advance(1));
  await waitFor(() => expect(screen.queryByText(/Tổng thành tiền là 34\.511/)).toBeNull());
  expect(port.calls.filter((c) => c.startsWith("readSheet"))).toEqual(["readSheet PL8 KP 2028"]);
  expect(port.calls).not.toContain("read");
  // Only the sheet whose findings changed is marked again.
  expect(port.calls).toContainEqual(expect.stringMatching(/^remark PL8 KP 2028 \d+$/));
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
  const input = screen.getByRole("textbox", { name: /Kinh phí được giao \(triệu đồng\)/ });
  // Typed as Vietnamese Excel shows numbers: the dot groups thousands ("179.292" is 179 292).
  await user.type(input, "180.000");
  expect(screen.getByText("Đã hiểu: 180.000 triệu đồng.")).toBeTruthy();
  await user.tab();
  await waitFor(() => expect(port.saved?.allocated).toBe(180000));
  expect(screen.getByText(/Kinh phí được giao: 180\.000 \(\+385\)/)).toBeTruthy();
  // Text that is no number is said, and nothing is saved.
  await user.clear(input);
  await user.type(input, "một trăm");
  expect(screen.getByText(/Không đọc được số "một trăm"/)).toBeTruthy();
  await user.tab();
  expect(port.saved?.allocated).toBe(180000);
});

it("switches to another built-in rulebook, re-checks with it and remembers it in the workbook", async () => {
  const { port, user, picked } = await checked(seed2026AsPrinted());
  await user.selectOptions(screen.getByRole("combobox", { name: "Chọn sổ quy tắc" }), "hai-phong-2022");
  expect(picked).toEqual(["hai-phong-2022"]);
  // Kept in the workbook, so that reopening it uses the same prices.
  await waitFor(() => expect(port.saved?.rulebook).toEqual({ id: "hai-phong-2022" }));
  // The 2022 rulebook has other courses and conventions: the findings are worded anew.
  await waitFor(() => expect(screen.queryByText(/được 35\.604,45/)).toBeNull());
});

it("refuses a rulebook file that breaks the schema, saying why in Vietnamese", async () => {
  const { user, picked } = await checked(seed2026AsPrinted());
  const file = new File([JSON.stringify({ id: "x", courses: [] })], "sai.json", { type: "application/json" });
  await user.upload(screen.getByLabelText("Mở sổ quy tắc (.json hoặc .xlsx)…"), file);
  expect(await screen.findByText("Không dùng được sổ quy tắc")).toBeTruthy();
  expect(document.body.textContent).toContain(
    'Sổ quy tắc "sai.json" không hợp lệ (5 lỗi): thiếu tên kế hoạch (name);',
  );
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

describe("actions never overlap", () => {
  it("an edit while a slow re-check is reading waits for it: the later result is the right one", async () => {
    const wb = seed2026AsPrinted();
    const { port, user, clock } = await checked(wb);
    await user.click(screen.getByRole("switch", { name: "Kiểm tra tự động khi sửa ô" }));
    await waitFor(() => expect(port.listener).toBeDefined());
    // Excel on the web can take longer to answer than the pause before a re-check.
    let release: () => void = () => undefined;
    const slow = new Promise<void>((r) => (release = r));
    const readSheet = port.readSheet.bind(port);
    let reading = 0;
    let most = 0;
    const asked: string[] = [];
    port.readSheet = async (name) => {
      asked.push(name);
      reading++;
      most = Math.max(most, reading);
      if (name === "PL8 KP 2028") await slow;
      const s = await readSheet(name);
      reading--;
      return s;
    };
    const pl8 = wb.sheets.find((s) => s.name === "PL8 KP 2028");
    if (!pl8) throw new Error("PL8");
    pl8.values[15][9] = 35604; // the user corrects the 2028 total…
    act(() => port.listener?.("PL8 KP 2028"));
    act(() => clock.advance(AUTO_CHECK_DELAY_MS));
    await waitFor(() => expect(reading).toBe(1));
    act(() => port.listener?.("PL7 KP 2027")); // …then edits 2027 while 2028 is still being read
    act(() => clock.advance(AUTO_CHECK_DELAY_MS * 2));
    // The second re-check waits for the first: nothing more is read meanwhile.
    await act(async () => undefined);
    expect(asked).toEqual(["PL8 KP 2028"]);
    release();
    await waitFor(() => expect(port.calls.filter((c) => c === "readSheet PL7 KP 2027")).toHaveLength(1));
    await waitFor(() => expect(reading).toBe(0));
    expect(most).toBe(1);
    await waitFor(() => expect(screen.queryByText(/Tổng thành tiền là 34\.511/)).toBeNull());
    expect(port.marked.some((f) => f.sheet === "PL8 KP 2028" && f.cells.includes("J16"))).toBe(false);
  });

  it("two quick fixes both stay undoable, also after a re-check drops the fixed findings", async () => {
    const wb = seed2026AsPrinted();
    const { port, user } = await checked(wb);
    const fixButtons = screen.getAllByRole("button", { name: /^Sửa thành .* ở \w+\d+$/ });
    expect(fixButtons.length).toBeGreaterThan(1);
    // Two clicks before the first write has come back.
    await act(async () => {
      fixButtons[0].click();
      fixButtons[1].click();
    });
    await waitFor(() => expect(screen.getAllByRole("button", { name: /^Hoàn tác sửa ở / })).toHaveLength(2));
    expect(port.calls.filter((c) => c.startsWith("fix "))).toHaveLength(2);
    // The cells were corrected: a new check no longer lists those findings, the undo stays.
    const fixed = port.calls.filter((c) => c.startsWith("fix ")).map((c) => c.slice(4));
    for (const f of fixed) {
      const [sheet, rest] = f.split("!");
      const [cell, value] = rest.split("=");
      const s = wb.sheets.find((x) => x.name === sheet);
      const col = cell.charCodeAt(0) - 65;
      const row = Number(cell.slice(1)) - 1;
      if (s) s.values[row][col] = Number(value);
    }
    await user.click(screen.getByRole("button", { name: "Kiểm tra Phụ lục" }));
    const section = await screen.findByRole("region", { name: "Đã sửa trong phiên này" });
    expect(section.textContent).toContain(fixed[0].split("=")[0]);
    await user.click(within(section).getAllByRole("button", { name: /^Hoàn tác sửa ở / })[0]);
    await waitFor(() => expect(port.calls.filter((c) => c.startsWith("undos "))).toHaveLength(1));
  });

  it("a failure while re-marking (a new language) ends in the error phase, and the buttons work again", async () => {
    const { port, user } = await checked(seed2026AsPrinted());
    port.mark = () => Promise.reject(new Error("Trang tính đang được bảo vệ"));
    await user.click(screen.getByRole("button", { name: "English" }));
    expect(await screen.findByText("Trang tính đang được bảo vệ")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Check appendices" }).hasAttribute("disabled")).toBe(false);
  });

  it("auto-check can be switched off after a later check failed", async () => {
    let fail = false;
    const wb = seed2026AsPrinted();
    const port = memoryPort(() => (fail ? Promise.reject(new Error("Mất kết nối")) : Promise.resolve(wb)));
    const user = await checkWith(port);
    await screen.findByText(/Tổng thành tiền là 34\.511/);
    const auto = screen.getByRole("switch", { name: "Kiểm tra tự động khi sửa ô" });
    await user.click(auto);
    await waitFor(() => expect(port.listener).toBeDefined());
    fail = true;
    await user.click(screen.getByRole("button", { name: "Kiểm tra Phụ lục" }));
    expect(await screen.findByText("Mất kết nối")).toBeTruthy();
    await user.click(auto);
    await waitFor(() => expect(port.listener).toBeUndefined());
  });
});
