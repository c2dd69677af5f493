/** Rendering the pane in tests: the first load of the saved state is awaited (no act warnings). */
import { act, configure, render, screen } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import type { Rulebook } from "../../src/engine/rulebook/schema";
import { App, type AppProps } from "../../src/taskpane/App";
import type { Clock } from "../../src/taskpane/useChecker";
import type { MemoryPort } from "./memory-port";

export const rulebook = builtinRulebook();

/**
 * jsdom computes styles slowly when Fluent's CSS is in the page (3 s per role query over the
 * pane): queries skip the visibility check, clicks the pointer-events check. What is visible and
 * clickable in a real browser is the browser test's job (test/e2e).
 */
configure({ defaultHidden: true });
// Accessible names are computed with getComputedStyle (for ::before content) on every node: with
// Fluent's ~650 CSS rules jsdom takes seconds per query. The pane's tests read inline styles only.
const inlineStyle = (el: Element) => (el as HTMLElement).style ?? document.createElement("div").style;
window.getComputedStyle = inlineStyle;

/**
 * jsdom lays nothing out: the list's rows are given a height and its box a viewport, so that the
 * virtualiser works as in a browser (rows in order, only those in sight drawn). The viewport is
 * tall unless a test makes it short.
 */
export const ROW_HEIGHT = 40;
let viewport = 100_000;
export function setViewport(height: number): void {
  viewport = height;
}
Object.defineProperty(HTMLElement.prototype, "offsetHeight", {
  configurable: true,
  get(this: HTMLElement) {
    return this.hasAttribute("data-index") ? ROW_HEIGHT : 0;
  },
});
Object.defineProperty(HTMLElement.prototype, "clientHeight", {
  configurable: true,
  get(this: HTMLElement) {
    return this.hasAttribute("data-findings-scroller") ? viewport : 0;
  },
});
Object.defineProperty(HTMLElement.prototype, "clientWidth", {
  configurable: true,
  get(this: HTMLElement) {
    return this.hasAttribute("data-findings-scroller") ? 320 : 0;
  },
});

export const setupUser = () => userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

/** A clock that moves only when told: timers fire in `advance`, never by waiting. */
export function manualClock(start = Date.UTC(2026, 10, 30, 8)): Clock & { advance(ms: number): void } {
  let now = start;
  let next = 1;
  const timers = new Map<number, { at: number; f: () => void }>();
  return {
    setTimeout(f, ms) {
      const id = next++;
      timers.set(id, { at: now + ms, f });
      return id;
    },
    clearTimeout(h) {
      timers.delete(h as number);
    },
    now: () => new Date(now),
    advance(ms) {
      now += ms;
      for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at > now) continue;
        timers.delete(id);
        t.f();
      }
    },
  };
}

export async function renderPane(port: MemoryPort, props: Partial<AppProps> & { rb?: Rulebook } = {}) {
  const user = setupUser();
  const { rb = rulebook, ...rest } = props;
  await act(async () => {
    render(<App port={port} rulebook={rb} {...rest} />);
  });
  return user;
}

/** Renders the pane and clicks "Kiểm tra Phụ lục". */
export async function checkWith(port: MemoryPort, props: Partial<AppProps> & { rb?: Rulebook } = {}) {
  const user = await renderPane(port, props);
  await user.click(screen.getByRole("button", { name: "Kiểm tra Phụ lục" }));
  return user;
}

/** The list row (role listitem) holding `el`. */
export function rowOf(el: HTMLElement): HTMLElement {
  const row = el.closest<HTMLElement>('[role="listitem"]');
  if (!row) throw new Error("not in a row of the list");
  return row;
}
