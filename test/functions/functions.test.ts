/**
 * The exported =DEAN.* wrappers: they read the rulebook of the shared store (changing a price in
 * the rulebook updates every DEAN.* result), and turn library errors into Excel errors when
 * Excel's CustomFunctions global is there.
 */
import { measureFunctions, costCalls } from "../../bench/functions";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { parseRulebook } from "../../src/engine/rulebook/load";
import type { Rulebook, RulebookInput } from "../../src/engine/rulebook/schema";
import * as fns from "../../src/functions/functions";
import * as lib from "../../src/functions/library";
import { getRulebook, setRulebook, subscribe } from "../../src/shared/rulebook-store";

const builtin = builtinRulebook();

/** The default rulebook with `edit` applied to a copy of its JSON. */
function edited(edit: (rb: RulebookInput & Rulebook) => void): Rulebook {
  const copy = JSON.parse(JSON.stringify(builtin));
  edit(copy);
  return parseRulebook(copy);
}

function courseOf(rb: Rulebook, id: string) {
  const c = rb.courses.find((x) => x.id === id);
  if (!c) throw new Error(`no course ${id}`);
  return c;
}

afterEach(() => setRulebook(builtin));

describe("the rulebook store", () => {
  it("starts with the default built-in rulebook", () => {
    expect(getRulebook()).toBe(builtin);
    expect(getRulebook().id).toBe("hai-phong-2026-2030");
  });

  it("tells subscribers of a new rulebook until they unsubscribe", () => {
    const seen: string[] = [];
    const stop = subscribe((rb) => seen.push(rb.id));
    const other = builtinRulebook("hai-phong-2024");
    setRulebook(other);
    expect(getRulebook()).toBe(other);
    stop();
    setRulebook(builtin);
    expect(seen).toEqual(["hai-phong-2024"]);
  });

  it("tells every subscriber even when one throws, then rethrows", () => {
    const seen: string[] = [];
    const stops = [
      subscribe(() => {
        throw new Error("hỏng");
      }),
      subscribe((rb) => seen.push(rb.id)),
    ];
    expect(() => setRulebook(builtinRulebook("hai-phong-2022"))).toThrow("hỏng");
    expect(seen).toEqual(["hai-phong-2022"]);
    expect(getRulebook().id).toBe("hai-phong-2022");
    stops.forEach((s) => s());
  });
});

describe("the wrappers use the store's rulebook", () => {
  it("give the library's results on the current rulebook", () => {
    expect(fns.cost("stem", "MN", 1192, 2027)).toBe(lib.cost(builtin, "stem", "MN", 1192, 2027));
    expect(fns.cost("TC-ĐH", "Mầm non", 89, 2026)).toBeCloseTo(1180.14, 9);
    expect(fns.unitPrice("tc-dh", 2028)).toBeCloseTo(11.05, 9);
    expect(fns.expected("stem", "TH", 2027)).toBe(874);
    expect(fns.eligible("tc-dh", "THCS")).toBe(false);
    expect(fns.credits("tc-dh", 2028)).toBe(25);
    expect(fns.retirement("15/09/1965", "Nam")).toBe(46568);
    expect(fns.monthsLeft("09/1965", "Nam")).toBe(84);
    expect(fns.monthsLeft("09/1965", "Nam", "01/2026")).toBe(18);
    expect(fns.words(13_260_000)).toBe("Mười ba triệu hai trăm sáu mươi nghìn đồng");
  });

  it("changing a price in the rulebook updates every DEAN.* result", () => {
    const before = {
      cost: fns.cost("stem", "MN", 1192, 2027),
      unitPrice: fns.unitPrice("Thiết kế và triển khai giáo dục STEM/STEAM", 2027),
      perCredit: fns.cost("tc-dh", "MN", 89, 2026),
    };
    expect(before).toEqual({ cost: 2384, unitPrice: 2, perCredit: expect.closeTo(1180.14, 9) });
    setRulebook(
      edited((rb) => {
        courseOf(rb, "stem").offerings.find((o) => o.year === 2027)!.price = 2_500_000;
        const tc = courseOf(rb, "tc-dh");
        if (tc.pricing.type === "per-credit") tc.pricing.pricePerCredit = 450_000;
      }),
    );
    expect(fns.cost("stem", "MN", 1192, 2027)).toBe(2980);
    expect(fns.unitPrice("Thiết kế và triển khai giáo dục STEM/STEAM", 2027)).toBe(2.5);
    // 450 000 × 30 = 13.5 million × 89
    expect(fns.cost("tc-dh", "MN", 89, 2026)).toBeCloseTo(1201.5, 9);
    // other years and courses are unchanged
    expect(fns.cost("stem", "MN", 1192, 2026)).toBe(2384);
  });

  it("changing quotas, schools, levels or credits updates EXPECTED, ELIGIBLE and CREDITS", () => {
    setRulebook(
      edited((rb) => {
        courseOf(rb, "stem").offerings.find((o) => o.year === 2027)!.quotaPerSchool = 3;
        rb.levels.find((l) => l.id === "TH")!.schools = 400;
        courseOf(rb, "huong-nghiep").levels.push("TH");
        courseOf(rb, "tc-dh").offerings.find((o) => o.year === 2028)!.credits = 20;
      }),
    );
    expect(fns.expected("stem", "TH", 2027)).toBe(1200);
    expect(fns.eligible("huong-nghiep", "Tiểu học")).toBe(true);
    expect(fns.credits("tc-dh", 2028)).toBe(20);
  });
});

describe("errors", () => {
  const g = globalThis as { CustomFunctions?: unknown };

  class FakeExcelError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }

  afterEach(() => {
    delete g.CustomFunctions;
  });

  it("without Excel, the library's error is rethrown as it is", () => {
    expect(() => fns.cost("Bồi dưỡng STEAM 2", "MN", 1)).toThrow(lib.DeanFunctionError);
  });

  it.each<[string, () => unknown, string, string]>([
    [
      "unknown course → #N/A",
      () => fns.cost("Bồi dưỡng STEAM 2", "MN", 1),
      "#N/A",
      'gần nhất: "Thiết kế và triển khai giáo dục STEM/STEAM"',
    ],
    [
      "unknown level → #N/A",
      () => fns.eligible("stem", "Đại học"),
      "#N/A",
      'Không tìm thấy cấp học "Đại học"',
    ],
    [
      "text as a count → #VALUE!",
      () => fns.cost("stem", "MN", "nhiều", 2026),
      "#VALUE!",
      'Không hiểu số người "nhiều"',
    ],
    ["bad gender → #VALUE!", () => fns.retirement("15/09/1965", "?"), "#VALUE!", "Không hiểu giới tính"],
    ["bad amount → #VALUE!", () => fns.words("abc"), "#VALUE!", "Không hiểu số tiền"],
  ])("with Excel: %s", (_what, f, code, message) => {
    g.CustomFunctions = {
      Error: FakeExcelError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    };
    let caught: unknown;
    try {
      f();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FakeExcelError);
    expect((caught as FakeExcelError).code).toBe(code);
    expect((caught as FakeExcelError).message).toContain(message);
  });
});

describe("bench/functions.ts", () => {
  it("builds calls that every resolve", () => {
    const rb = getRulebook();
    for (const [course, level, count, year] of costCalls(rb, 500)) {
      expect(typeof lib.cost(rb, course, level, count, year)).toBe("number");
    }
  });

  it("measures COST calls (a few hundred here; 10 000 in npm run bench)", async () => {
    const r = await measureFunctions({ calls: 300 });
    expect(r.length).toBeGreaterThanOrEqual(2);
    for (const m of r) {
      expect(m.name).toContain("DEAN.COST");
      expect(Number.isFinite(m.ms) && m.ms >= 0).toBe(true); // a figure for bench/RESULTS.md, not a target
    }
  });
});
