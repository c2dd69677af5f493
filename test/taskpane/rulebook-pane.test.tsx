/**
 * @jest-environment jsdom
 *
 * The pane's rulebook (issue #11): chosen from what the workbook says on the first check and
 * remembered, a better one suggested when the kept one does not fit, a workbook no rulebook fits
 * not checked, a rulebook kept in the workbook used, a rulebook workbook (.xlsx) opened in the
 * picker, and "Tạo sổ quy tắc".
 */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { builtinCandidates, builtinRulebook } from "../../src/engine/rulebook/builtin";
import { checkPrepared, prepareCheck } from "../../src/engine/rulebook/select";
import { rulebookTemplate } from "../../src/engine/rulebook/workbook";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { templateSnapshot } from "../../src/engine/templates/build";
import { templateXlsxBuffer } from "../../src/io/xlsx/template";
import { App } from "../../src/taskpane/App";
import type { PaneState } from "../../src/taskpane/port";
import { seed2024AsPrinted } from "../fixtures/seed2024";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { memoryPort } from "./memory-port";

// Jest runs CommonJS: the add-in's dynamic import of ExcelJS (a chunk of its own) is a require here.
jest.mock("../../src/io/xlsx/exceljs-loader", () => ({
  loadExcelJS: async () => jest.requireActual<typeof import("exceljs")>("exceljs"),
}));

async function open(
  wb: WorkbookSnapshot,
  options: { rulebook?: string; chosenBy?: "saved" | "auto"; state?: PaneState } = {},
) {
  const port = memoryPort(wb, options.state);
  const user = userEvent.setup();
  const shared: string[] = [];
  render(
    <App
      port={port}
      rulebook={builtinRulebook(options.rulebook)}
      rulebookChosenBy={options.chosenBy ?? "auto"}
      onRulebook={(rb) => shared.push(rb.id)}
    />,
  );
  await user.click(screen.getByRole("button", { name: "Kiểm tra Phụ lục" }));
  return { port, user, shared };
}

const registrations = seed2024AsPrinted();

it("the first check chooses the rulebook from the workbook's titles, says why, and remembers it", async () => {
  const { port, shared } = await open(registrations);
  expect(await screen.findByText(/Không có lỗi/)).toBeTruthy();
  expect(
    screen.getByText(/^Sổ quy tắc: Kế hoạch thực hiện Đề án 2644 năm 2024 .*\(hai-phong-2024\)$/),
  ).toBeTruthy();
  expect(screen.getByText(/^tự chọn: tiêu đề ghi "NĂM 2024" \(PL1 MN!A3\)/)).toBeTruthy();
  expect(shared).toEqual(["hai-phong-2024"]);
  await waitFor(() => expect(port.saved?.rulebook).toEqual({ id: "hai-phong-2024" }));
  // Checked once with the chosen rulebook, not first with the default and again.
  expect(port.calls.filter((c) => c.startsWith("mark"))).toHaveLength(1);
});

it("a kept rulebook that does not fit the workbook stays, and the one that fits is suggested", async () => {
  const { port, user, shared } = await open(registrations, {
    rulebook: "hai-phong-2026-2030",
    chosenBy: "saved",
  });
  expect(
    await screen.findByText(
      /^Sổ quy tắc hợp với sổ tính này hơn: .* \(hai-phong-2024\)\. Sổ tính ghi: tiêu đề ghi "NĂM 2024"/,
    ),
  ).toBeTruthy();
  expect(screen.getByText("đã lưu trong sổ tính")).toBeTruthy();
  expect(shared).toEqual([]);
  await user.click(screen.getByRole("button", { name: "Dùng sổ này" }));
  expect(shared).toEqual(["hai-phong-2024"]);
  await waitFor(() => expect(port.saved?.rulebook).toEqual({ id: "hai-phong-2024" }));
  expect(screen.getByText("người dùng chọn")).toBeTruthy();
  expect(screen.queryByText(/Sổ quy tắc hợp với sổ tính này hơn/)).toBeNull();
});

it("a workbook no rulebook fits is not checked, and the pane says what it found", async () => {
  const wb: WorkbookSnapshot = {
    sheets: [
      {
        name: "PL1",
        values: [["KINH PHÍ ĐÀO TẠO NĂM 2019"], [], ["TT", "Nội dung", "MN", "TH", "Thành tiền"]],
      },
    ],
  };
  const { port } = await open(wb);
  expect(
    await screen.findByText(
      /Chưa kiểm tra: không có sổ quy tắc nào cho sổ tính này\. Không có sổ quy tắc nào cho sổ tính này: "NĂM 2019" ở PL1!A1/,
    ),
  ).toBeTruthy();
  expect(port.calls.filter((c) => c.startsWith("mark"))).toEqual([]);
});

it("a rulebook kept in the workbook's own sheets is used, and its sheets are not checked as appendices", async () => {
  const wb: WorkbookSnapshot = {
    sheets: [
      ...registrations.sheets,
      ...templateSnapshot(rulebookTemplate(builtinRulebook("hai-phong-2024"))).sheets,
    ],
  };
  await open(wb, { rulebook: "hai-phong-2026-2030", chosenBy: "saved" });
  expect(await screen.findByText(/Không có lỗi/)).toBeTruthy();
  expect(screen.getByText('sổ quy tắc để trong sổ tính (trang "Thông tin chung")')).toBeTruthy();
  expect(screen.queryByText(/Nội dung & đơn giá: (kinh phí|nhiệm vụ)/)).toBeNull();
});

it("opens a rulebook workbook (.xlsx) in the picker", async () => {
  const { user, shared } = await open(registrations, { rulebook: "hai-phong-2026-2030", chosenBy: "saved" });
  const mine = JSON.parse(JSON.stringify(builtinRulebook("hai-phong-2024"))) as ReturnType<
    typeof builtinRulebook
  >;
  mine.id = "cua-so-2024";
  mine.name = "Sổ quy tắc 2024 của Sở";
  const bytes = await templateXlsxBuffer(rulebookTemplate(mine));
  const file = new File([new Uint8Array(bytes)], "so-quy-tac.xlsx", {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  await user.upload(screen.getByLabelText("Mở sổ quy tắc (.json hoặc .xlsx)…"), file);
  await waitFor(() => expect(shared).toEqual(["cua-so-2024"]));
  expect(screen.getByText(/^Sổ quy tắc: Sổ quy tắc 2024 của Sở \(cua-so-2024\)$/)).toBeTruthy();
});

it("says where a rulebook workbook opened in the picker is wrong, at its sheet and cell", async () => {
  const { user, shared } = await open(registrations);
  const bad = rulebookTemplate(builtinRulebook("hai-phong-2024"));
  const row = bad.sheets[2].rows[6];
  row[3] = { ...row[3], value: "hai triệu" };
  const file = new File([new Uint8Array(await templateXlsxBuffer(bad))], "sai.xlsx");
  await user.upload(screen.getByLabelText("Mở sổ quy tắc (.json hoặc .xlsx)…"), file);
  expect(await screen.findByText("Không dùng được sổ quy tắc")).toBeTruthy();
  expect(document.body.textContent).toContain(
    'Sổ quy tắc "sai.xlsx" không hợp lệ (1 lỗi): Nội dung & đơn giá!D7: đơn giá phải là một số, không phải "hai triệu"',
  );
  expect(shared).toEqual(["hai-phong-2024"]);
});

it('"Tạo sổ quy tắc" inserts the rulebook in use as sheets of the workbook', async () => {
  const { port, user } = await open(registrations);
  await screen.findByText(/Không có lỗi/);
  await user.click(screen.getByRole("button", { name: "Tạo sổ quy tắc" }));
  await waitFor(() => expect(port.calls).toContain("insert rulebook 2024"));
});

it("a rulebook kept in the workbook's sheets with a mistake is said, at its cell, and the workbook is not checked", async () => {
  const own = templateSnapshot(rulebookTemplate(builtinRulebook("hai-phong-2024")));
  const courses = own.sheets[2];
  courses.values[6][3] = "hai triệu";
  const { port } = await open({ sheets: [...registrations.sheets, ...own.sheets] }, { chosenBy: "saved" });
  expect(
    await screen.findByText(/Nội dung & đơn giá!D7: đơn giá phải là một số, không phải "hai triệu"/),
  ).toBeTruthy();
  expect(port.calls.filter((c) => c.startsWith("mark"))).toEqual([]);
});

it("checks the sheets of another plan with their plan's rulebook and says so; a sheet no rulebook has is not checked, and said", async () => {
  const wb: WorkbookSnapshot = {
    sheets: [
      ...seed2026AsPrinted().sheets.slice(5, 7),
      registrations.sheets[0],
      { name: "KP 2019", values: [["KINH PHÍ ĐÀO TẠO NĂM 2019"], [], ["TT", "Nội dung", "Thành tiền"]] },
    ],
  };
  const { port } = await open(wb);
  expect(
    await screen.findByText(
      'Trang thuộc kế hoạch khác, kiểm tra theo sổ quy tắc của kế hoạch đó: "PL1 MN" ("NĂM 2024": sổ hai-phong-2024)',
    ),
  ).toBeTruthy();
  expect(
    screen.getByText(/^Trang không kiểm tra: "KP 2019" \("NĂM 2019"\) — không sổ quy tắc nào có năm/),
  ).toBeTruthy();
  // The same findings as dean-check: each plan's sheets with its own rulebook.
  const prepared = prepareCheck(wb, { candidates: builtinCandidates() });
  if (!prepared.ok) throw new Error(prepared.error);
  const expected = checkPrepared(prepared, {}).findings;
  await waitFor(() => expect(port.calls.filter((c) => c.startsWith("mark"))).toHaveLength(1));
  const key = (f: { rule: string; sheet: string; cells: readonly string[] }) =>
    `${f.sheet}!${f.cells[0]} ${f.rule}`;
  expect(port.marked.map(key)).toEqual(expected.map(key));
});
