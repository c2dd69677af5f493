/**
 * @jest-environment jsdom
 *
 * The rulebook picker in a 320 px pane: rulebook names wrap between words, never inside one, and
 * nothing in it pushes the pane sideways. jsdom lays nothing out, so the test reads the CSS each
 * element is given (Griffel's rules in the page's style sheets) and the texts; the browser test
 * (test/e2e) looks at the real layout.
 */
import { render } from "@testing-library/react";
import { builtinRulebook, builtinRulebookIds } from "../../src/engine/rulebook/builtin";
import { OPTION_NAME_MAX, optionText, RulebookPicker } from "../../src/taskpane/RulebookPicker";
import type { PaneRulebook } from "../../src/taskpane/rulebook-choice";

/** The declarations the page's style sheets give `el` (later rules win, as in the cascade of equal specificity). */
function declared(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sheet of Array.from(document.styleSheets))
    for (const rule of Array.from(sheet.cssRules)) {
      const r = rule as CSSStyleRule;
      if (!r.selectorText || !r.style) continue;
      let matches = false;
      try {
        matches = el.matches(r.selectorText);
      } catch {
        continue; // a selector jsdom does not know (:focus-visible…)
      }
      if (!matches) continue;
      for (let i = 0; i < r.style.length; i++) out[r.style[i]] = r.style.getPropertyValue(r.style[i]);
    }
  const inline = (el as HTMLElement).style;
  for (let i = 0; i < inline.length; i++) out[inline[i]] = inline.getPropertyValue(inline[i]);
  return out;
}

/** Wraps between words only: white-space normal, no break-all, no overflow-wrap anywhere. */
function expectWordWrap(el: Element) {
  const css = declared(el);
  expect(css["white-space"]).toBe("normal");
  expect(css["word-break"]).toBe("normal");
  expect(css["overflow-wrap"]).toBe("break-word");
  expect(css["min-width"]).toBe("0");
  expect(css["text-overflow"]).not.toBe("ellipsis");
  expect(css.overflow ?? "visible").toBe("visible");
}

const long = builtinRulebook("hai-phong-2026-2030");
const current = (rb = long, extra: Partial<PaneRulebook> = {}): PaneRulebook => ({
  rulebook: rb,
  chosenBy: "auto",
  reason: 'tiêu đề ghi "NĂM 2026" (PL1 NV 2026!A2)',
  ...extra,
});

it("the drop-down cuts each name between words (a native list cannot wrap), with its id", () => {
  expect(long.name.length).toBeGreaterThan(OPTION_NAME_MAX);
  const { container } = render(<RulebookPicker current={current()} locale="vi" onChange={() => undefined} />);
  const options = Array.from(container.querySelectorAll("option")).slice(0, builtinRulebookIds.length);
  for (const [i, o] of options.entries()) {
    const rb = builtinRulebook(builtinRulebookIds[i]);
    const text = o.textContent ?? "";
    expect(text).toBe(optionText(rb));
    const shown = text.slice(0, -` (${rb.id})`.length);
    if (shown === rb.name) continue;
    // Cut: what is shown ends with "…" where a word of the name ends.
    expect(shown.endsWith("…")).toBe(true);
    const head = shown.slice(0, -1);
    expect(rb.name.startsWith(head)).toBe(true);
    expect(rb.name[head.length]).toMatch(/[\s,;:–-]/);
  }
});

it("the whole name is shown under the list, wrapping between words at 320 px", () => {
  const { container } = render(
    <div style={{ width: "320px" }}>
      <RulebookPicker current={current()} locale="vi" onChange={() => undefined} />
    </div>,
  );
  const name = container.querySelector("[data-rulebook-name]");
  expect(name?.textContent).toBe(`${long.name} (${long.id})`);
  expectWordWrap(name as Element);
  // The picker and its list never grow wider than the pane.
  const root = container.firstElementChild?.firstElementChild as Element;
  expect(declared(root)).toMatchObject({ "min-width": "0", "max-width": "100%" });
  expect(declared(container.querySelector("select") as Element)).toMatchObject({ width: "100%" });
  // A short name is whole in the list: no second line.
  const short = render(
    <RulebookPicker
      current={current(builtinRulebook("hai-phong-2023"))}
      locale="vi"
      onChange={() => undefined}
    />,
  );
  const shortName = builtinRulebook("hai-phong-2023").name;
  if (shortName.length <= OPTION_NAME_MAX)
    expect(short.container.querySelector("[data-rulebook-name]")).toBeNull();
});

it("the sentences naming rulebooks (other plans, sheets not checked, a suggestion) wrap between words too", () => {
  const { container } = render(
    <RulebookPicker
      current={current(long, {
        others:
          'Trang thuộc kế hoạch khác, kiểm tra theo sổ quy tắc của kế hoạch đó: "PL1 MN", "PL2 TH" ("NĂM 2024": sổ hai-phong-2024)',
        unchecked: 'Trang không kiểm tra: "KP 2019" ("NĂM 2019") — không sổ quy tắc nào có năm của trang',
      })}
      suggestion={current(builtinRulebook("hai-phong-2024"))}
      locale="vi"
      onChange={() => undefined}
    />,
  );
  const bodies = Array.from(container.querySelectorAll(".fui-MessageBarBody"));
  expect(bodies).toHaveLength(3);
  for (const body of bodies) {
    // Its own white-space: normal, over the bar's one-line nowrap (Fluent's single-line layout).
    expectWordWrap(body);
  }
  expect(bodies[2].textContent).toContain(builtinRulebook("hai-phong-2024").name);
});
