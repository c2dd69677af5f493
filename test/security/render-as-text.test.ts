/**
 * @jest-environment jsdom
 *
 * Every workbook string reaches the task pane's DOM as text: sheet names, course labels and
 * notes written as HTML or script show up literally, and create no element, no handler, no link.
 */
import { createElement } from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { App } from "../../src/taskpane/App";
import { costSheet, workbook } from "../helpers/sheets";
import { memoryPort } from "../taskpane/memory-port";

const HOSTILE_SHEET = "<img src=x onerror=alert(1)>";
const HOSTILE_LABEL = '<script>window.__pwned = 1</script><a href="javascript:alert(1)">Bấm</a>';

describe("the task pane renders workbook text as text", () => {
  it("hostile sheet names and labels appear literally and inject nothing", async () => {
    const wb = workbook(
      costSheet(
        2026,
        [[1, HOSTILE_LABEL, 1, 2, 3, 4, 5, 6, 2, 999, '<b onmouseover="alert(1)">ghi chú</b>']],
        {
          name: HOSTILE_SHEET,
        },
      ),
    );
    const user = userEvent.setup();
    render(createElement(App, { port: memoryPort(wb), rulebook: builtinRulebook() }));
    await user.click(screen.getByRole("button", { name: "Kiểm tra Phụ lục" }));
    await waitFor(() => expect(document.body.textContent).toContain(HOSTILE_SHEET));
    expect(document.body.textContent).toContain("<script>window.__pwned = 1</script>");
    expect(document.querySelectorAll("img, script, iframe, object, embed").length).toBe(0);
    expect(document.querySelectorAll('a[href^="javascript:"]').length).toBe(0);
    expect(document.querySelectorAll("[onerror], [onmouseover], [onclick]").length).toBe(0);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
