/**
 * @jest-environment jsdom
 *
 * The task pane's states, over an in-memory port: empty workbook, no appendix, clean, many
 * findings, accepted findings, a read error; and what a click asks of the workbook.
 */
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { checkWorkbook } from "../../src/engine/check";
import { parseRulebook } from "../../src/engine/rulebook/load";
import type { ReactNode } from "react";
import { PaneErrorBoundary } from "../../src/taskpane/ErrorBoundary";
import { seed2026AsPrinted, seed2026Corrected, withCorrectedOverrides } from "../fixtures/seed2026";
import { memoryPort } from "./memory-port";
import { checkWith, renderPane, rowOf, rulebook, setupUser } from "./helpers";

const corrected = parseRulebook(withCorrectedOverrides(JSON.parse(JSON.stringify(rulebook))));
const TOTAL_2028 = /Tổng thành tiền là 34\.511/;

function renderBoom(child: ReactNode) {
  const user = setupUser();
  render(<PaneErrorBoundary locale="vi">{child}</PaneErrorBoundary>);
  return Promise.resolve(user);
}

describe("task pane", () => {
  it("starts with an explanation in Vietnamese", async () => {
    await renderPane(memoryPort({ sheets: [] }));
    expect(screen.getByText(/Bấm Kiểm tra Phụ lục để kiểm tra/)).toBeTruthy();
  });

  it("says when the workbook is empty", async () => {
    await checkWith(memoryPort({ sheets: [{ name: "Sheet1", values: [] }] }));
    expect(await screen.findByText(/Sổ tính trống/)).toBeTruthy();
  });

  it("says when no appendix is recognised, and why for each sheet", async () => {
    await checkWith(
      memoryPort({ sheets: [{ name: "Ghi nhớ", values: [["Danh bạ"], ["Nguyễn Văn A", "0912"]] }] }),
    );
    expect(await screen.findByText(/Không nhận ra phụ lục nào/)).toBeTruthy();
    expect(screen.getByText(/Ghi nhớ — Không phải phụ lục/)).toBeTruthy();
  });

  it("says the corrected plan is clean", async () => {
    await checkWith(memoryPort(seed2026Corrected()), { rb: corrected });
    expect(await screen.findByText(/Không có lỗi/)).toBeTruthy();
  });

  it("lists many findings by sheet and rule with counts, marks them, and jumps to a cell", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    const expected = checkWorkbook(seed2026AsPrinted(), { rulebook }).findings;
    const errors = expected.filter((f) => f.severity === "error").length;
    await screen.findByText(/PL8 KP 2028 —/);
    expect(port.calls.slice(0, 3)).toEqual(["read", "clear", `mark ${expected.length}`]);
    expect(screen.getByText(String(errors))).toBeTruthy();
    // Grouped by sheet, then by rule, each group with its count.
    const list = screen.getByRole("list", { name: "Danh sách phát hiện" });
    const pl8 = expected.filter((f) => f.sheet === "PL8 KP 2028");
    expect(within(list).getByText(`PL8 KP 2028 — ${pl8.length} phát hiện`)).toBeTruthy();
    const totals = pl8.filter((f) => f.rule === "totals").length;
    expect(within(list).getAllByText(new RegExp(`^Dòng tổng.* \\(${totals}\\)$`)).length).toBeGreaterThan(0);
    const item = screen.getByText(TOTAL_2028);
    await user.click(item);
    expect(port.calls).toContain("select PL8 KP 2028!J16");
    expect(await screen.findByText(/Vì sao\?/)).toBeTruthy();
  });

  it("fixes a finding and undoes the fix; focus comes back to the finding each time", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    const row = rowOf(await screen.findByText(TOTAL_2028));
    await user.click(within(row).getByRole("button", { name: "Sửa thành 35.604 ở J16" }));
    expect(port.calls).toContain("fix PL8 KP 2028!J16=35604");
    await waitFor(() => expect(document.activeElement).toBe(rowOf(screen.getByText(TOTAL_2028))));
    await user.click(
      await within(rowOf(screen.getByText(TOTAL_2028))).findByRole("button", { name: "Hoàn tác sửa ở J16" }),
    );
    // Undone in one call, then the sheet is checked again at once.
    expect(port.calls.slice(-2)).toEqual(["undos 1", "readSheet PL8 KP 2028"]);
    await waitFor(() => expect(document.activeElement).toBe(rowOf(screen.getByText(TOTAL_2028))));
  });

  it("accepts a finding with a reason: saved in the workbook, shown as accepted, no longer marked; focus stays on it", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    const row = rowOf(await screen.findByText(TOTAL_2028));
    // The button's name says which finding: every "Bỏ qua" differs.
    await user.click(within(row).getByRole("button", { name: "Bỏ qua lỗi ở J16" }));
    const reason = within(row).getByRole("textbox", { name: /Lý do bỏ qua/ });
    expect(document.activeElement).toBe(reason);
    await user.type(reason, "Sở Tài chính đã duyệt");
    await user.click(within(row).getByRole("button", { name: "Lưu" }));
    expect(await screen.findByText("Đã bỏ qua: Sở Tài chính đã duyệt")).toBeTruthy();
    expect(port.saved?.accepted).toEqual([
      expect.objectContaining({
        reason: "Sở Tài chính đã duyệt",
        subject: expect.objectContaining({ rule: "totals", year: 2028 }),
      }),
    ]);
    await waitFor(() =>
      expect(port.marked.some((f) => f.sheet === "PL8 KP 2028" && f.cells[0] === "J16")).toBe(false),
    );
    // Only the sheet of the accepted finding is marked again, in one call.
    expect(port.calls.filter((c) => c.startsWith("remark"))).toEqual([
      expect.stringMatching(/^remark PL8 KP 2028 /),
    ]);
    await waitFor(() => expect(document.activeElement).toBe(rowOf(screen.getByText(TOTAL_2028))));
    await user.click(
      within(rowOf(screen.getByText(TOTAL_2028))).getByRole("button", { name: "Hủy bỏ qua lỗi ở J16" }),
    );
    await waitFor(() => expect(port.saved?.accepted).toEqual([]));
    expect(screen.queryByText(/Đã bỏ qua:/)).toBeNull();
  });

  it("shows findings accepted earlier as accepted, not hidden", async () => {
    const f = checkWorkbook(seed2026AsPrinted(), { rulebook }).findings.find((x) => x.rule === "totals");
    const port = memoryPort(seed2026AsPrinted(), {
      accepted: [{ subject: f!.subject, reason: "đã giải trình", at: "2026-11-20T00:00:00Z" }],
      overrides: {},
    });
    await checkWith(port);
    expect(await screen.findByText("Đã bỏ qua: đã giải trình")).toBeTruthy();
    expect(screen.getByText(TOTAL_2028)).toBeTruthy();
  });

  it("validates the saved state: a broken entry is left out and said, the rest is used", async () => {
    const f = checkWorkbook(seed2026AsPrinted(), { rulebook }).findings.find((x) => x.rule === "totals");
    const port = memoryPort(seed2026AsPrinted(), {
      accepted: [{ subject: f!.subject, reason: "đã giải trình", at: "2026-11-20T00:00:00Z" }, { reason: 5 }],
      overrides: { "PL6 KP 2026": { year: "năm nay" } },
      allocated: "nhiều",
    });
    const user = await renderPane(port);
    expect(screen.getByText(/3 mục trong trạng thái đã lưu của sổ tính không đọc được/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Kiểm tra Phụ lục" }));
    expect(await screen.findByText("Đã bỏ qua: đã giải trình")).toBeTruthy();
  });

  it("shows a read error in Vietnamese", async () => {
    const port = memoryPort(async () => {
      throw new Error("Trang tính quá lớn");
    });
    await checkWith(port);
    expect(await screen.findByText("Không đọc được sổ tính")).toBeTruthy();
    expect(screen.getByText("Trang tính quá lớn")).toBeTruthy();
  });

  it("switches to English and back", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    await screen.findByText(TOTAL_2028);
    await user.click(screen.getByRole("button", { name: "English" }));
    expect(await screen.findByText(/The amount total is 34,511/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Check appendices" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Accept the error at J16" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Tiếng Việt" }));
    expect(await screen.findByText(TOTAL_2028)).toBeTruthy();
  });

  it("lets the user correct how a sheet was recognised; focus returns to the sheet's button", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    await screen.findByText(/PL6 KP 2026: kinh phí, năm 2026, triệu đồng/);
    expect(screen.getByText(/PL1 NV 2026: nhiệm vụ, năm 2026 \(tự nhận\)/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Sửa nhận dạng trang PL6 KP 2026" }));
    await user.type(screen.getByRole("spinbutton", { name: "Năm" }), "2027");
    await user.click(screen.getByRole("button", { name: "Lưu" }));
    await waitFor(() => expect(port.saved?.overrides).toEqual({ "PL6 KP 2026": { year: 2027 } }));
    expect(await screen.findByText(/PL6 KP 2026: kinh phí, năm 2027/)).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole("button", { name: "Sửa nhận dạng trang PL6 KP 2026" }),
      ),
    );
  });

  it("writes the explanations as cell notes where Excel has them; elsewhere one short line says why, when asked", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    await screen.findByText(/PL8 KP 2028 —/);
    await user.click(screen.getByRole("button", { name: "Ghi chú vào ô" }));
    expect(await screen.findByText(/Đã ghi lời giải thích vào ghi chú của 26 ô/)).toBeTruthy();
    expect(port.calls).toContain("notes 26");
    cleanup();
    const older = memoryPort(seed2026AsPrinted());
    delete older.writeNotes;
    const user2 = await checkWith(older);
    await screen.findByText(/PL8 KP 2028 —/);
    // Not said before the user asks for notes.
    expect(screen.queryByText(/ExcelApi 1\.18/)).toBeNull();
    await user2.click(screen.getByRole("button", { name: "Ghi chú vào ô" }));
    expect((await screen.findByText(/ExcelApi 1\.18/)).textContent).toBe(
      "Excel này chưa ghi được ghi chú ô (cần ExcelApi 1.18).",
    );
  });

  it("exports the report", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    await screen.findByText(/PL8 KP 2028 —/);
    await user.click(screen.getByRole("button", { name: "Xuất báo cáo" }));
    expect(await screen.findByText('Đã ghi báo cáo vào trang "Kết quả kiểm tra".')).toBeTruthy();
  });

  it("says how many cells lost their mark", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    await screen.findByText(/PL8 KP 2028 —/);
    const cells = new Set(port.marked.flatMap((f) => f.cells.map((c) => `${f.sheet}!${c}`))).size;
    await user.click(screen.getByRole("button", { name: "Xóa đánh dấu" }));
    expect(await screen.findByText(`Đã xóa đánh dấu ở ${cells} ô.`)).toBeTruthy();
  });

  it("shows a Vietnamese message, not a blank pane, when rendering fails", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const Boom = () => {
      throw new Error("boom");
    };
    const user = await renderBoom(<Boom />);
    expect(screen.getByText("Ngăn tác vụ gặp lỗi")).toBeTruthy();
    expect(screen.getByText(/Sổ tính không bị thay đổi/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Tải lại" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Tải lại" }));
    expect(screen.getByText("Ngăn tác vụ gặp lỗi")).toBeTruthy(); // still failing: still said
    spy.mockRestore();
  });
});
