/**
 * The pane's checker off the pane's thread: the worker protocol (slices both ways, answers in
 * order, failures; the report and the marks' rectangles built there), the list's rows (grouping,
 * filters, tone marks), bulk acceptance decided by
 * the engine's own matching, and the pane's small helpers (saved state, errors, cut names).
 */
import type { ReviewedFinding } from "../../src/engine/accept";
import { applyAcceptances } from "../../src/engine/accept";
import { checkWorkbook } from "../../src/engine/check";
import { buildReportSheet } from "../../src/engine/report-sheet";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { markLayoutOf } from "../../src/office/mark-layout";
import { inProcessEngine, workerEngine, type WorkerLike } from "../../src/taskpane/engine/client";
import { CheckerHost } from "../../src/taskpane/engine/host";
import {
  CELLS_PER_MESSAGE,
  FINDINGS_PER_MESSAGE,
  NO_FILTER,
  ROWS_PER_MESSAGE,
  type Envelope,
  type EvalOptions,
  type Response,
} from "../../src/taskpane/engine/protocol";
import { acceptAll, unacceptAll } from "../../src/taskpane/engine/review";
import { buildView, foldForSearch, hasMarks, SearchIndex } from "../../src/taskpane/engine/view";
import { describeError } from "../../src/taskpane/errors";
import { readPaneState } from "../../src/taskpane/pane-state";
import { cutAtWord } from "../../src/taskpane/text";
import { manyFindings } from "../fixtures/many-findings";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { peopleWorkbook } from "../fixtures/people";
import { builtinCandidates } from "../../src/engine/rulebook/builtin";
import { checkPrepared, planSplit, prepareCheck } from "../../src/engine/rulebook/select";

const rulebook = builtinRulebook();
const options: EvalOptions = { locale: "vi", overrides: {}, accepted: [] };

/** A Worker running the checker in this process, with structured cloning and a task per message. */
function fakeWorker() {
  const host = new CheckerHost();
  const sent: Envelope[] = [];
  const received: Response[] = [];
  const w: WorkerLike & { sent: Envelope[]; received: Response[]; fail(message: string): void } = {
    sent,
    received,
    onmessage: null,
    onerror: null,
    postMessage(message) {
      const req = structuredClone(message);
      sent.push(req);
      setTimeout(() => {
        const post = (r: Response) => {
          const copy = structuredClone(r);
          received.push(copy);
          setTimeout(() => w.onmessage?.({ data: copy } as MessageEvent<Response>), 0);
        };
        try {
          const value = host.handle(req, {
            findings: (start, total, findings) =>
              post({ id: req.id, type: "findings", start, total, findings }),
            rows: (start, total, rows) => post({ id: req.id, type: "rows", start, total, rows }),
          });
          post({ id: req.id, type: "result", value });
        } catch (e) {
          post({ id: req.id, type: "error", message: (e as Error).message });
        }
      }, 0);
    },
    terminate() {},
    fail(message) {
      w.onerror?.({ message } as ErrorEvent);
    },
  };
  return w;
}

describe("the checker in a worker", () => {
  it("checks the sheets of another plan with that plan's rulebook, as dean-check does, also when one changes", async () => {
    const wb = {
      sheets: [
        ...seed2026AsPrinted().sheets,
        ...peopleWorkbook({ planted: true }).workbook.sheets,
        { name: "KP 2019", values: [["KINH PHÍ ĐÀO TẠO NĂM 2019"], [], ["TT", "Nội dung", "Thành tiền"]] },
      ],
    };
    const prepared = prepareCheck(wb, { candidates: builtinCandidates() });
    if (!prepared.ok) throw new Error(prepared.error);
    const split = planSplit(prepared);
    expect(split.otherPlans.map((p) => [p.rulebook.id, p.sheets.length])).toEqual([["hai-phong-2024", 4]]);
    expect(split.unchecked).toEqual([{ sheet: "KP 2019", text: "NĂM 2019" }]);
    const expected = checkPrepared(prepared, {});
    const worker = fakeWorker();
    const engine = workerEngine(worker);
    engine.setRulebook(prepared.used.rulebook, split);
    const outcome = await engine.check(wb, options);
    expect(outcome.findings).toEqual(expected.findings);
    expect(outcome.findings).toContainEqual(
      expect.objectContaining({ rule: "programme-fit", sheet: "DS đăng ký 2024" }),
    );
    expect(outcome.summary.skipped).toContainEqual({
      sheet: "KP 2019",
      reason: { id: "sheet.noRulebook", data: { text: "NĂM 2019" } },
    });
    // The budget is the chosen plan's: its years only.
    expect(outcome.summary.budget.years.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    // An edit on a 2024 sheet: checked again with the 2024 rulebook, not the plan's.
    const people = structuredClone(wb.sheets.find((s) => s.name === "DS đăng ký 2024"));
    if (!people) throw new Error("DS");
    const again = await engine.recheck([people], options);
    expect(again.findings).toEqual(expected.findings);
    // Another rulebook picked by the user: every sheet with it, nothing left aside.
    engine.setRulebook(builtinRulebook("hai-phong-2024"));
    const picked = await engine.evaluate(options);
    expect(picked.summary.skipped.some((s) => s.reason.id === "sheet.noRulebook")).toBe(false);
  });

  it("gets the snapshot in slices and gives back the same findings as the engine, in slices", async () => {
    const wb = manyFindings(rulebook, 5_000);
    const expected = checkWorkbook(wb, { rulebook }).findings;
    const worker = fakeWorker();
    const engine = workerEngine(worker);
    engine.setRulebook(rulebook);
    const stages = new Set<string>();
    const outcome = await engine.check(wb, options, (p) => stages.add(p.stage));
    expect(outcome.findings).toEqual(expected);
    expect(stages).toEqual(new Set(["sending", "checking", "receiving"]));
    const rows = worker.sent.filter((m) => m.type === "rows");
    expect(rows.length).toBeGreaterThan(1);
    for (const m of rows) {
      if (m.type !== "rows") continue;
      expect(m.values.reduce((n, r) => n + r.length, 0)).toBeLessThanOrEqual(CELLS_PER_MESSAGE);
    }
    const slices = worker.received.filter((m) => m.type === "findings");
    expect(slices.length).toBe(Math.ceil(expected.length / FINDINGS_PER_MESSAGE));
    expect(outcome.summary.tables.map((t) => t.sheet)).toEqual(["PL6 KP 2026"]);
    expect(outcome.summary.budget.years.map((y) => y.year)).toEqual([2026]);
  });

  it("builds the report and the marks' rectangles off the pane's thread: rows in slices, units from the recognised workbook", async () => {
    const wb = manyFindings(rulebook, 5_000);
    const worker = fakeWorker();
    const engine = workerEngine(worker);
    engine.setRulebook(rulebook);
    const outcome = await engine.check(wb, options);
    const checked = checkWorkbook(wb, { rulebook });
    const report = await engine.report("vi");
    expect(report).toEqual(
      buildReportSheet(checked.findings, {
        locale: "vi",
        workbook: checked.workbook,
        rulebookName: rulebook.name,
      }),
    );
    expect(
      report.rows.some((r) => r.values.some((v) => typeof v === "string" && / triệu đồng$/.test(v))),
    ).toBe(true);
    const slices = worker.received.filter((m) => m.type === "rows");
    expect(slices.length).toBe(Math.ceil(report.rows.length / ROWS_PER_MESSAGE));
    // The marks: every open finding's cells, as rectangles; an accepted finding's cell goes.
    expect(await engine.marks()).toEqual(markLayoutOf(outcome.findings));
    const i = outcome.findings.findIndex((f) => f.rule === "row-arithmetic");
    const r = await engine.accept([i], "đã duyệt", new Date("2026-11-30T08:00:00Z"), []);
    const after = await engine.marks(["PL6 KP 2026"]);
    const cell = outcome.findings[i].cells[0];
    expect(after.flatMap((l) => l.areas.flatMap((a) => a.ranges))).not.toContain(cell);
    expect(after).toEqual(markLayoutOf(outcome.findings.filter((_, k) => k !== i)));
    expect(r.patches).toHaveLength(1);
    expect(await engine.marks(["Không có"])).toEqual([]);
  });

  it("answers in order, and a failure of the worker rejects what waits, in the pane's words", async () => {
    const worker = fakeWorker();
    const engine = workerEngine(worker);
    engine.setRulebook(rulebook);
    const checked = engine.check(seed2026AsPrinted(), options);
    const view = engine.view(NO_FILTER);
    const [outcome, v] = await Promise.all([checked, view]);
    expect(v.matched).toBe(outcome.findings.length);
    const waiting = engine.view(NO_FILTER);
    worker.fail("script error");
    await expect(waiting).rejects.toMatchObject({ name: "CheckerFailure" });
    await expect(engine.view(NO_FILTER)).rejects.toMatchObject({ name: "CheckerFailure" });
    expect(describeError(await engine.view(NO_FILTER).catch((e) => e), "vi")).toBe(
      "Bộ kiểm tra gặp sự cố. Hãy đóng rồi mở lại ngăn tác vụ.",
    );
  });

  it("re-checks one sheet with the snapshot it keeps, and accepts by the engine's identity", async () => {
    const wb = seed2026AsPrinted();
    const engine = inProcessEngine();
    engine.setRulebook(rulebook);
    const first = await engine.check(wb, options);
    const i = first.findings.findIndex((f) => f.rule === "totals" && f.sheet === "PL8 KP 2028");
    const r = await engine.accept([i], "đã duyệt", new Date("2026-11-30T08:00:00Z"), []);
    expect(r.accepted).toHaveLength(1);
    expect(r.patches.map((p) => p.index)).toContain(i);
    const pl8 = structuredClone(wb.sheets.find((s) => s.name === "PL8 KP 2028"));
    if (!pl8) throw new Error("PL8");
    pl8.values[15][9] = 35604;
    const again = await engine.recheck([pl8], { ...options, accepted: r.accepted });
    expect(again.findings.some((f) => f.sheet === "PL8 KP 2028" && f.rule === "totals")).toBe(false);
  });
});

describe("bulk acceptance", () => {
  const findings = checkWorkbook(seed2026AsPrinted(), { rulebook }).findings;
  const at = new Date("2026-11-30T08:00:00Z");

  it("accepts each finding once, replacing what covered it, as the engine matches them", () => {
    const chosen = findings.filter((f) => f.severity === "warning");
    const list = acceptAll([], chosen, "lý do", at);
    const reviewed = applyAcceptances(findings, list);
    expect(reviewed.filter((f) => f.accepted).length).toBeGreaterThanOrEqual(chosen.length);
    for (const f of applyAcceptances(chosen, list)) expect(f.accepted?.reason).toBe("lý do");
    // Again with another reason: replaced, not added.
    const again = acceptAll(list, chosen, "lý do khác", at);
    expect(again.length).toBe(list.length);
    expect(applyAcceptances(chosen, again).every((f) => f.accepted?.reason === "lý do khác")).toBe(true);
    // The same finding twice needs one acceptance.
    expect(acceptAll([], [chosen[0], chosen[0]], "x", at)).toHaveLength(1);
    expect(unacceptAll(again, chosen)).toEqual([]);
  });

  it("is fast enough for 50 000 findings (linear, not one scan of the list per finding)", () => {
    // Not a timing: the work is counted by the acceptances created and kept.
    const many = checkWorkbook(manyFindings(rulebook, 2_000), { rulebook }).findings;
    const list = acceptAll([], many, "x", at);
    expect(list.length).toBeLessThanOrEqual(many.length);
    expect(applyAcceptances(many, list).every((f) => f.accepted)).toBe(true);
  });
});

describe("the list's rows", () => {
  const findings: ReviewedFinding[] = checkWorkbook(seed2026AsPrinted(), { rulebook }).findings;
  const view = (filter = NO_FILTER) =>
    buildView(findings, filter, {
      protectedSheets: new Set(["PL2 NV 2027"]),
      search: new SearchIndex(findings),
    });

  it("groups by sheet, then rule, in the engine's order, with counts", () => {
    const v = view();
    expect(v.matched).toBe(findings.length);
    // Within a group, the engine's order.
    for (let i = 1; i < v.rows.length; i++)
      if (v.rows[i] >= 0 && v.rows[i - 1] >= 0) expect(v.rows[i]).toBeGreaterThan(v.rows[i - 1]);
    const sheets = v.groups.filter((g) => g.level === 1);
    expect(sheets.map((g) => g.sheet)).toEqual([...new Set(findings.map((f) => f.sheet))]);
    expect(sheets.reduce((n, g) => n + g.shown, 0)).toBe(findings.length);
    const fixes = (sheet: string) =>
      findings.filter((f) => f.sheet === sheet && f.rule === "numbering" && f.fix).length;
    expect(fixes("PL2 NV 2027")).toBeGreaterThan(1);
    expect(fixes("PL3 NV 2028")).toBeGreaterThan(1);
    expect(v.groups.find((g) => g.key === "PL2 NV 2027\u001fnumbering")?.fixable).toBe(0); // protected
    expect(v.groups.find((g) => g.key === "PL3 NV 2028\u001fnumbering")?.fixable).toBe(fixes("PL3 NV 2028"));
    expect(v.open.error + v.open.warning + v.open.info).toBe(findings.length);
  });

  it("filters by severity, rule, sheet, status and words", () => {
    expect(view({ ...NO_FILTER, severities: ["error"] }).matched).toBe(
      findings.filter((f) => f.severity === "error").length,
    );
    expect(view({ ...NO_FILTER, rule: "numbering", sheet: "PL2 NV 2027" }).matched).toBe(5);
    expect(view({ ...NO_FILTER, status: "accepted" }).matched).toBe(0);
    const withMarks = findings.filter((f) => f.message.toLowerCase().includes("tổng thành tiền")).length;
    expect(withMarks).toBeGreaterThan(0);
    expect(view({ ...NO_FILTER, text: "Tổng thành tiền" }).matched).toBe(withMarks);
    expect(view({ ...NO_FILTER, text: "tong thanh tien" }).matched).toBeGreaterThanOrEqual(withMarks);
    expect(view({ ...NO_FILTER, text: "Tổng thánh tiền" }).matched).toBe(0);
    // Every word must be there, in any order: the sheet, a cell, the message.
    const both = view({ ...NO_FILTER, text: "34.511 j16" });
    expect(both.matched).toBeGreaterThan(0);
    for (const r of both.rows)
      if (r >= 0)
        expect(`${findings[r].cells.join(",")} ${findings[r].message}`).toMatch(
          /J16[^]*34\.511|34\.511[^]*J16/,
        );
  });

  it("folds tone marks only when the query has none", () => {
    expect(hasMarks("Cộng")).toBe(true);
    expect(hasMarks("cong")).toBe(false);
    expect(hasMarks("Đông")).toBe(true);
    expect(foldForSearch("Tổng Cộng Đơn")).toBe("tong cong don");
  });
});

describe("the pane's helpers", () => {
  it("reads saved state through the schema, entry by entry", () => {
    expect(readPaneState(null)).toEqual({ state: { accepted: [], overrides: {} }, dropped: 0 });
    expect(readPaneState("x").dropped).toBe(1);
    const r = readPaneState({
      accepted: [
        {
          subject: { rule: "totals", sheetKind: "cost", extra: 1 },
          reason: "r",
          at: "2026-01-01",
          future: true,
        },
        { subject: {}, reason: "r", at: "x" },
      ],
      overrides: { A: { year: 2027 }, B: { kind: "bogus" }, C: { scale: 7 }, D: { kind: "ignore" } },
      allocated: 179292,
      rulebook: { id: "hai-phong-2022" },
    });
    expect(r.dropped).toBe(3);
    // Fields the pane does not know are kept (the engine's identity may grow).
    expect(r.state.accepted).toEqual([
      {
        subject: { rule: "totals", sheetKind: "cost", extra: 1 },
        reason: "r",
        at: "2026-01-01",
        future: true,
      },
    ]);
    expect(r.state.overrides).toEqual({ A: { year: 2027 }, D: { kind: "ignore" } });
    expect(r.state.allocated).toBe(179292);
    expect(r.state.rulebook).toEqual({ id: "hai-phong-2022" });
    expect(readPaneState({ allocated: -5, rulebook: 3 }).dropped).toBe(2);
  });

  it("words Excel's errors in the pane's language, and passes sentences through", () => {
    const denied = Object.assign(new Error("AccessDenied: x"), { code: "AccessDenied" });
    expect(describeError(denied, "vi")).toMatch(/^Excel không cho thay đổi: trang tính đang được bảo vệ/);
    expect(describeError(denied, "en")).toMatch(/^Excel refused the change: the sheet is protected/);
    expect(describeError(new Error("RequestPayloadSizeLimitExceeded: request of 6 MB"), "vi")).toMatch(
      /quá lớn/,
    );
    // An unknown code: named, but Office's English text is not shown under Vietnamese.
    expect(describeError(new Error("Weird: something"), "vi")).toBe(
      "Excel báo lỗi khi làm việc với sổ tính (mã Weird). Hãy thử lại; nếu vẫn lỗi, hãy lưu, đóng và mở lại sổ tính.",
    );
    expect(describeError(new Error("Weird: something"), "en")).toMatch(
      /^Excel reported an error .*code Weird/,
    );
    expect(describeError(new Error("Ô J16 có công thức"), "vi")).toBe("Ô J16 có công thức");
  });

  it("cuts names at a word boundary, never inside a syllable", () => {
    const name = "Bồi dưỡng nâng cao năng lực quản trị nhà trường cho cán bộ quản lý";
    const cut = cutAtWord(name, 30);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(31);
    expect(name.startsWith(cut.slice(0, -1))).toBe(true);
    expect(name[cut.length - 1]).toBe(" ");
    expect(cutAtWord("Ngắn", 30)).toBe("Ngắn");
  });
});
