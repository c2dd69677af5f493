/**
 * @jest-environment jsdom
 *
 * The task pane's states, over an in-memory port: empty workbook, no appendix, clean, many
 * findings, accepted findings, a read error; and what a click asks of the workbook.
 */
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { checkWorkbook } from "../../src/engine/check";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { parseRulebook } from "../../src/engine/rulebook/load";
import { App } from "../../src/taskpane/App";
import { seed2026AsPrinted, seed2026Corrected, withCorrectedOverrides } from "../fixtures/seed2026";
import { memoryPort } from "./memory-port";

const rulebook = builtinRulebook();
const corrected = parseRulebook(withCorrectedOverrides(JSON.parse(JSON.stringify(rulebook))));

async function checkWith(port: ReturnType<typeof memoryPort>, rb = rulebook) {
  const user = userEvent.setup();
  render(<App port={port} rulebook={rb} />);
  await user.click(screen.getByRole("button", { name: "Kiểm tra Phụ lục" }));
  return user;
}

describe("task pane", () => {
  it("starts with an explanation in Vietnamese", () => {
    render(<App port={memoryPort({ sheets: [] })} rulebook={rulebook} />);
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
    await checkWith(memoryPort(seed2026Corrected()), corrected);
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
    const item = screen.getByText(/Tổng thành tiền là 34\.511/);
    await user.click(item);
    expect(port.calls).toContain("select PL8 KP 2028!J16");
    expect(await screen.findByText(/Vì sao\?/)).toBeTruthy();
  });

  it("fixes a finding and undoes the fix", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    const article = (await screen.findByText(/Tổng thành tiền là 34\.511/)).closest("article") as HTMLElement;
    await user.click(within(article).getByRole("button", { name: "Sửa thành 35.604" }));
    expect(port.calls).toContain("fix PL8 KP 2028!J16=35604");
    await user.click(await within(article).findByRole("button", { name: "Hoàn tác" }));
    expect(port.calls).toContain("undo PL8 KP 2028!J16");
  });

  it("accepts a finding with a reason: saved in the workbook, shown as accepted, no longer marked", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    const article = (await screen.findByText(/Tổng thành tiền là 34\.511/)).closest("article") as HTMLElement;
    await user.click(within(article).getByRole("button", { name: "Bỏ qua" }));
    await user.type(within(article).getByRole("textbox"), "Sở Tài chính đã duyệt");
    await user.click(within(article).getByRole("button", { name: "Lưu" }));
    expect(await within(article).findByText("Đã chấp nhận: Sở Tài chính đã duyệt")).toBeTruthy();
    expect(port.saved?.accepted).toEqual([
      expect.objectContaining({
        reason: "Sở Tài chính đã duyệt",
        subject: expect.objectContaining({ rule: "totals", year: 2028 }),
      }),
    ]);
    await waitFor(() =>
      expect(port.marked.some((f) => f.sheet === "PL8 KP 2028" && f.cells[0] === "J16")).toBe(false),
    );
  });

  it("shows findings accepted earlier as accepted, not hidden", async () => {
    const f = checkWorkbook(seed2026AsPrinted(), { rulebook }).findings.find((x) => x.rule === "totals");
    const port = memoryPort(seed2026AsPrinted(), {
      accepted: [{ subject: f!.subject, reason: "đã giải trình", at: "2026-11-20T00:00:00Z" }],
      overrides: {},
    });
    await checkWith(port);
    expect(await screen.findByText("Đã chấp nhận: đã giải trình")).toBeTruthy();
    expect(screen.getByText(/Tổng thành tiền là 34\.511/)).toBeTruthy();
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
    await screen.findByText(/Tổng thành tiền là 34\.511/);
    await user.click(screen.getByRole("button", { name: "English" }));
    expect(await screen.findByText(/The amount total is 34,511/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Check appendices" })).toBeTruthy();
  });

  it("lets the user correct how a sheet was recognised", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    await screen.findByText(/PL6 KP 2026: kinh phí, năm 2026, triệu đồng/);
    expect(screen.getByText(/PL1 NV 2026: nhiệm vụ, năm 2026 \(tự nhận\)/)).toBeTruthy();
    const edits = screen.getAllByRole("button", { name: "Sửa nhận dạng" });
    await user.click(edits[5]);
    await user.type(screen.getByRole("spinbutton", { name: "Năm" }), "2027");
    await user.click(screen.getByRole("button", { name: "Lưu" }));
    await waitFor(() => expect(port.saved?.overrides).toEqual({ "PL6 KP 2026": { year: 2027 } }));
    expect(await screen.findByText(/PL6 KP 2026: kinh phí, năm 2027/)).toBeTruthy();
  });

  it("writes the explanations as cell notes where Excel has them, and says why not elsewhere", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    await screen.findByText(/PL8 KP 2028 —/);
    await user.click(screen.getByRole("button", { name: "Ghi chú vào ô" }));
    expect(await screen.findByText(/Đã ghi lời giải thích vào ghi chú của 26 ô/)).toBeTruthy();
    expect(port.calls).toContain("notes 26");
    cleanup();
    const older = memoryPort(seed2026AsPrinted());
    delete older.writeNotes;
    await checkWith(older);
    await screen.findByText(/PL8 KP 2028 —/);
    expect(screen.queryByRole("button", { name: "Ghi chú vào ô" })).toBeNull();
    expect(screen.getByText(/cần ExcelApi 1\.18/)).toBeTruthy();
  });

  it("exports the report", async () => {
    const port = memoryPort(seed2026AsPrinted());
    const user = await checkWith(port);
    await screen.findByText(/PL8 KP 2028 —/);
    await user.click(screen.getByRole("button", { name: "Xuất báo cáo" }));
    expect(await screen.findByText('Đã ghi báo cáo vào trang "Kết quả kiểm tra".')).toBeTruthy();
  });
});
