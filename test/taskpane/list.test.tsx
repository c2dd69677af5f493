/**
 * @jest-environment jsdom
 *
 * The findings list at scale: bulk fix and bulk accept in a constant number of calls, undo that
 * flags the cell again at once, protected sheets, filters, keyboard navigation, and a list that
 * keeps only the rows in sight in the page.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { manyFindings } from "../fixtures/many-findings";
import { checkWith, ROW_HEIGHT, rowOf, rulebook, setViewport } from "./helpers";
import { memoryPort } from "./memory-port";

const list = () => screen.getByRole("list", { name: "Danh sách phát hiện" });
const rows = () => within(list()).getAllByRole("listitem");

describe("bulk actions", () => {
  it("fixes every mechanical finding of a kind in one batch, undone in one call that flags the cells again at once", async () => {
    const wb = seed2026AsPrinted();
    const port = memoryPort(wb);
    const user = await checkWith(port);
    await screen.findByText(/PL8 KP 2028 —/);
    await user.click(screen.getByRole("button", { name: /^Sửa cả 3 ô của nhóm .* trên trang PL5 NV 2030$/ }));
    expect(await screen.findByText("Đã sửa 3 ô.")).toBeTruthy();
    expect(port.calls.filter((c) => c.startsWith("fix"))).toEqual(["fixes 3"]);
    // A new check finds those cells right: the batch is listed as fixed in this session.
    await user.click(screen.getByRole("button", { name: "Kiểm tra Phụ lục" }));
    const fixed = await screen.findByRole("region", { name: "Đã sửa trong phiên này" });
    expect(within(fixed).getByText("3 ô của trang PL5 NV 2030")).toBeTruthy();
    // The quota findings on G8 (PL5 NV 2030 and PL10 KP 2030): one cell each, the quota in the message.
    const quota = () =>
      screen
        .queryAllByText(/^"Phương pháp dạy học tích cực.*định mức/)
        .filter((e) => rowOf(e).textContent?.includes("G8"));
    expect(quota().length).toBe(1); // PL10 only
    port.calls.length = 0;
    await user.click(within(fixed).getByRole("button", { name: "Hoàn tác 3 ô" }));
    // One undo for the batch, then the sheet is read and checked again: no new "Kiểm tra" needed.
    await waitFor(() => expect(port.calls.slice(0, 2)).toEqual(["undos 3", "readSheet PL5 NV 2030"]));
    await waitFor(() => expect(quota().length).toBe(2));
    expect(screen.queryByRole("region", { name: "Đã sửa trong phiên này" })).toBeNull();
  });

  it("undoing a single fix from 'Đã sửa trong phiên này' flags the cell again at once", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    const row = rowOf(await screen.findByText(/Tổng thành tiền là 34\.511/));
    await user.click(within(row).getByRole("button", { name: "Sửa thành 35.604 ở J16" }));
    await user.click(screen.getByRole("button", { name: "Kiểm tra Phụ lục" }));
    const fixed = await screen.findByRole("region", { name: "Đã sửa trong phiên này" });
    expect(screen.queryByText(/Tổng thành tiền là 34\.511/)).toBeNull();
    await user.click(within(fixed).getByRole("button", { name: "Hoàn tác sửa ở PL8 KP 2028!J16" }));
    expect(await screen.findByText(/Tổng thành tiền là 34\.511/)).toBeTruthy();
    expect(port.marked.some((f) => f.sheet === "PL8 KP 2028" && f.cells.includes("J16"))).toBe(true);
  });

  it("accepts a selection with one reason: one save, one re-marking", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    await screen.findByText(/PL8 KP 2028 —/);
    await user.click(screen.getByRole("checkbox", { name: "Chọn cảnh báo ở I14" }));
    await user.click(screen.getByRole("checkbox", { name: "Chọn cảnh báo ở J14" }));
    expect(screen.getByText("Đã chọn 2")).toBeTruthy();
    port.calls.length = 0;
    await user.click(screen.getByRole("button", { name: "Bỏ qua 2 mục đã chọn" }));
    await user.type(screen.getByRole("textbox", { name: /Lý do bỏ qua/ }), "Chờ Sở phân công");
    await user.click(screen.getByRole("button", { name: "Bỏ qua 2 mục đã chọn" }));
    expect(await screen.findByText("Đã bỏ qua 2 phát hiện.")).toBeTruthy();
    expect(screen.getAllByText("Đã bỏ qua: Chờ Sở phân công")).toHaveLength(2);
    expect(port.saved?.accepted).toHaveLength(2);
    expect(port.calls).toEqual(["save", expect.stringMatching(/^remark PL2 NV 2027 \d+$/)]);
  });

  it("selects a whole group at once", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    await screen.findByText(/PL8 KP 2028 —/);
    const [pl2] = screen.getAllByRole("button", { name: /^Chọn cả nhóm: .*, PL2 NV 2027$/ });
    await user.click(pl2);
    expect(screen.getByText(/^Đã chọn \d+$/).textContent).toMatch(/Đã chọn (5|2)/);
  });
});

describe("protected sheets and Excel's errors", () => {
  it("offers no Fix on a protected sheet, and says why", async () => {
    const wb = seed2026AsPrinted();
    const pl8 = wb.sheets.find((s) => s.name === "PL8 KP 2028");
    if (pl8) pl8.protected = true;
    await checkWith(memoryPort(wb));
    const row = rowOf(await screen.findByText(/Tổng thành tiền là 34\.511/));
    expect(within(row).queryByRole("button", { name: /^Sửa thành .* ở J16$/ })).toBeNull();
    expect(within(row).getByText("Trang được bảo vệ: không sửa tự động.")).toBeTruthy();
    // The bulk fix of another sheet is still there.
    expect(screen.getAllByRole("button", { name: /^Sửa cả 3 ô/ }).length).toBeGreaterThan(0);
  });

  it("says Excel's refusal as a Vietnamese sentence, never 'AccessDenied: …'", async () => {
    const port = memoryPort(seed2026AsPrinted());
    port.select = async () => {
      throw Object.assign(new Error("AccessDenied: The operation is not allowed."), { code: "AccessDenied" });
    };
    const user = await checkWith(port);
    await user.click(await screen.findByText(/Tổng thành tiền là 34\.511/));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(
      /^Excel không cho thay đổi: trang tính đang được bảo vệ \(Protect Sheet\)/,
    );
    expect(alert.textContent).not.toContain("AccessDenied");
  });
});

describe("filters", () => {
  it("narrow the list by severity, rule, sheet and words (tone marks count when typed)", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    await screen.findByText(/PL8 KP 2028 —/);
    const shown = () =>
      rows()
        .filter((r) => r.dataset.severity)
        .map((r) => r.dataset.severity);
    await user.selectOptions(screen.getByRole("combobox", { name: "Mức độ" }), "warning");
    await waitFor(() => expect(new Set(shown())).toEqual(new Set(["warning"])));
    expect(screen.getByText(/^Đang hiện \d+\/26 phát hiện\.$/)).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: "Mức độ" }), "");
    await user.selectOptions(screen.getByRole("combobox", { name: "Trang" }), "PL8 KP 2028");
    await waitFor(() => expect(shown()).toEqual(["error"]));
    await user.selectOptions(screen.getByRole("combobox", { name: "Trang" }), "");
    await user.selectOptions(screen.getByRole("combobox", { name: "Quy tắc" }), "quota");
    await waitFor(() => expect(shown()).toHaveLength(6));
    await user.selectOptions(screen.getByRole("combobox", { name: "Quy tắc" }), "");
    const search = screen.getByRole("searchbox", { name: "Tìm trong phát hiện" });
    await user.type(search, "tong thanh tien");
    await waitFor(() => expect(shown()).toEqual(["error"]));
    await user.clear(search);
    await user.type(search, "Tổng thánh tiền"); // a wrong tone mark is another word
    expect(await screen.findByText("Không có phát hiện nào khớp bộ lọc.")).toBeTruthy();
    await user.clear(search);
    await user.type(search, "Tổng thành tiền");
    await waitFor(() => expect(shown()).toEqual(["error"]));
  });
});

describe("keyboard", () => {
  it("moves between rows with the arrows, opens a finding with Enter, selects it with Space, folds a group", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    await screen.findByText(/PL8 KP 2028 —/);
    const [first, second, third] = rows();
    // One tab stop for the whole list.
    expect(rows().filter((r) => r.tabIndex === 0)).toEqual([first]);
    act(() => first.focus());
    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(document.activeElement).toBe(second));
    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(document.activeElement).toBe(third));
    expect(third.dataset.finding).toBeTruthy();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(port.calls.some((c) => c.startsWith("select PL1 NV 2026!"))).toBe(true));
    await user.keyboard(" ");
    expect(screen.getByText("Đã chọn 1")).toBeTruthy();
    await user.keyboard("{Home}");
    await waitFor(() => expect(document.activeElement).toBe(first));
    const before = rows().length;
    await user.keyboard("{Enter}"); // the first sheet's group folds
    await waitFor(() => expect(rows().length).toBeLessThan(before));
    expect(within(first).getByRole("button", { expanded: false })).toBeTruthy();
    await user.keyboard("{End}");
    await waitFor(() => expect(document.activeElement).toBe(rows()[rows().length - 1]));
  });
});

describe("a long list", () => {
  it("keeps only the rows in sight in the page (virtualised), with the list's full size announced", async () => {
    setViewport(600); // 15 rows of ROW_HEIGHT
    try {
      const port = memoryPort(manyFindings(rulebook, 3_000));
      await checkWith(port);
      await screen.findByText(/PL6 KP 2026 —/);
      const items = rows();
      expect(items.length).toBeLessThan(40);
      const size = Number(items[0].getAttribute("aria-setsize"));
      expect(size).toBeGreaterThan(3_000);
      const scroller = list().parentElement as HTMLElement;
      scroller.scrollTop = ROW_HEIGHT * 2_000;
      fireEvent.scroll(scroller);
      await waitFor(() => expect(Number(rows()[0].getAttribute("aria-posinset"))).toBeGreaterThan(1_000)); // rows not yet drawn count at their estimated height
      expect(rows().length).toBeLessThan(40);
    } finally {
      setViewport(100_000);
    }
  });
});
