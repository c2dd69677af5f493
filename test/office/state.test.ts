/**
 * Saved state that fits (Office.Settings: 2 MB for an add-in, office-js #621; about 1 MB seen to
 * fail on Windows, #3957): 20 000 acceptances on one list save and come back without loss, each
 * still covering its one finding; a state too large is refused before anything is written, with a
 * sentence, and the pane goes back to what the workbook keeps; a save Excel refuses changes nothing.
 */
import { accept, applyAcceptances, findingDigest, unaccept, type Acceptance } from "../../src/engine/accept";
import { checkWorkbook } from "../../src/engine/check";
import type { EngineFinding } from "../../src/engine/findings";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { createExcelAdapter, STATE_KEY } from "../../src/office/excel-adapter";
import type { OfficeHost } from "../../src/office/host";
import { STATE_BUDGET, WHOLE_ACCEPTANCES } from "../../src/office/state";
import { Checker } from "../../src/taskpane/checker/checker";
import { realClock } from "../../src/taskpane/checker/context";
import { inProcessEngine } from "../../src/taskpane/engine/client";
import { acceptAll } from "../../src/taskpane/engine/review";
import { readPaneState } from "../../src/taskpane/pane-state";
import type { PaneState } from "../../src/taskpane/port";
import { manyFindings } from "../fixtures/many-findings";
import { createFakeExcel, SETTINGS_LIMIT, utf8Bytes, type FakeExcel } from "./fake-excel";
import { fakeSheetsOf, hostOf } from "./fake-host";

const rulebook = builtinRulebook();
const at = new Date("2026-11-30T08:00:00Z");

/** A person list's findings: one each for `n` different people (name and birth date). */
function personFindings(n: number): EngineFinding[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `Nguyễn Thị Hương ${i}`;
    const born = `${String((i % 28) + 1).padStart(2, "0")}/0${(i % 9) + 1}/19${70 + (i % 30)}`;
    return {
      rule: "person-data",
      messageId: "text",
      severity: "warning",
      sheet: "DS đăng ký 2024",
      cells: [`C${i + 5}`],
      message: `${name}: ngày sinh ghi dạng chữ "${born}", đã đọc là ${born} (ngày/tháng/năm).`,
      expected: born,
      actual: born,
      subject: {
        rule: "person-data",
        sheetKind: "person-list",
        year: 2024,
        person: `nguyen thi huong ${i} ${born.replace(/\//g, " ")}`,
        detail: `text|${name}|${born}`,
        actual: JSON.stringify(born),
        expected: JSON.stringify(born),
      },
    };
  });
}

/** The workbook reopened: a new adapter over the settings the document holds. */
function reopened(fake: FakeExcel): OfficeHost {
  const host = hostOf(fake);
  const saved = new Map(fake.settings.saved);
  return {
    ...host,
    settings: {
      get: (n) => saved.get(n) ?? null,
      set: (n, v) => saved.set(n, v),
      remove: (n) => saved.delete(n),
      saveAsync: (cb) => cb?.({ status: "succeeded" }),
    },
  };
}

const savedBytes = (fake: FakeExcel) => utf8Bytes(JSON.stringify(fake.settings.saved.get(STATE_KEY)));

describe("the saved state", () => {
  it.each([
    ["a person list", () => personFindings(20_000)],
    ["a cost table", () => checkWorkbook(manyFindings(rulebook, 20_000), { rulebook }).findings],
  ])(
    "keeps 20 000 acceptances on %s within Excel's limits, and gives every one back",
    async (_name, make) => {
      const findings = make();
      expect(findings.length).toBeGreaterThanOrEqual(20_000);
      const accepted = acceptAll([], findings, "Sở đã duyệt", at);
      expect(accepted).toHaveLength(findings.length);
      // Whole, they would be far over what Excel keeps for an add-in.
      expect(utf8Bytes(JSON.stringify(accepted))).toBeGreaterThan(SETTINGS_LIMIT);
      const fake = createFakeExcel([{ name: "A" }], { settingsLimit: 1024 * 1024 });
      await createExcelAdapter(hostOf(fake)).saveState({ accepted, overrides: {} });
      expect(fake.settings.saves).toBe(1);
      expect(savedBytes(fake)).toBeLessThan(STATE_BUDGET);
      const { state, dropped } = readPaneState(await createExcelAdapter(reopened(fake)).loadState());
      expect(dropped).toBe(0);
      expect(state.accepted).toHaveLength(findings.length);
      const reviewed = applyAcceptances(findings, state.accepted);
      expect(reviewed.filter((f) => f.accepted?.reason === "Sở đã duyệt")).toHaveLength(findings.length);
    },
    60_000,
  );

  it("saves a few acceptances whole (readable), more compactly; each still covers its one finding only", async () => {
    const findings = personFindings(WHOLE_ACCEPTANCES + 1);
    const fake = createFakeExcel([{ name: "A" }]);
    const adapter = createExcelAdapter(hostOf(fake));
    const few = acceptAll([], findings.slice(0, 3), "lý do", at);
    await adapter.saveState({ accepted: few, overrides: {} });
    expect(fake.settings.saved.get(STATE_KEY)).toMatchObject({ accepted: few });
    const many = acceptAll(few, findings.slice(3), "lý do khác", at);
    await adapter.saveState({ accepted: many, overrides: {} });
    const saved = fake.settings.saved.get(STATE_KEY) as { v: number; accepted: { keys: string }[] };
    expect(saved.v).toBe(3);
    const back = (await createExcelAdapter(reopened(fake)).loadState()).accepted;
    // A finding whose value changed is not covered; another line is not; the accepted one is.
    const changed = { ...findings[0], subject: { ...findings[0].subject, actual: '"02/02/1999"' } };
    expect(applyAcceptances([changed, findings[1]], back).map((f) => !!f.accepted)).toEqual([false, true]);
    expect(
      applyAcceptances(personFindings(WHOLE_ACCEPTANCES + 2).slice(-1), back)[0].accepted,
    ).toBeUndefined();
    // Accepting again replaces the compact acceptance; withdrawing removes it.
    const again = accept(back, findings[1], "lý do mới", at);
    expect(again).toHaveLength(back.length);
    expect(applyAcceptances([findings[1]], again)[0].accepted?.reason).toBe("lý do mới");
    expect(unaccept(back, findings[1])).toHaveLength(back.length - 1);
    expect((back[1].subject as unknown as { key: string }).key).toBe(findingDigest(findings[1].subject));
  });

  it("refuses a state over its budget before writing anything, in a sentence, and keeps what was saved", async () => {
    const fake = createFakeExcel([{ name: "A" }]);
    const adapter = createExcelAdapter(hostOf(fake));
    const before: PaneState = { accepted: acceptAll([], personFindings(10), "cũ", at), overrides: {} };
    await adapter.saveState(before);
    const tooMany: Acceptance[] = personFindings(50_000).map((f) => ({
      subject: f.subject,
      reason: "mới",
      at: at.toISOString(),
    }));
    await expect(adapter.saveState({ accepted: tooMany, overrides: {} })).rejects.toThrow(
      /^Không lưu được 50\.000 lượt bỏ qua: quá giới hạn Excel .* Chưa có gì bị mất/,
    );
    expect(fake.settings.saves).toBe(1);
    expect(fake.settings.saved.get(STATE_KEY)).toEqual(JSON.parse(JSON.stringify(before)));
    expect(await adapter.loadState()).toEqual(JSON.parse(JSON.stringify(before)));
  }, 60_000);

  it("a save Excel refuses leaves the settings in memory as the document holds them", async () => {
    const fake = createFakeExcel([{ name: "A" }], { settingsLimit: 2_000 });
    const adapter = createExcelAdapter(hostOf(fake));
    const small: PaneState = { accepted: [], overrides: {}, allocated: 1 };
    await adapter.saveState(small);
    const big: PaneState = { accepted: acceptAll([], personFindings(20), "mới", at), overrides: {} };
    await expect(adapter.saveState(big)).rejects.toThrow(/^Không lưu được trạng thái/);
    expect(fake.settings.get(STATE_KEY)).toEqual(small);
    // …so that saving the same state again tries again rather than believing it is there.
    await expect(adapter.saveState(big)).rejects.toThrow(/^Không lưu được trạng thái/);
  });
});

describe("the pane with thousands of acceptances", () => {
  it("accepts 3 000 findings at once, saves them compactly, and finds them all accepted when the workbook is opened again", async () => {
    const wb = manyFindings(rulebook, 3_000);
    const fake = createFakeExcel(fakeSheetsOf(wb));
    const first = new Checker(createExcelAdapter(hostOf(fake)), inProcessEngine(), realClock);
    first.setEnvironment("vi", rulebook);
    await first.check();
    const n = first.store.get().findings.length;
    await first.accept(
      Array.from({ length: n }, (_, i) => i),
      "Sở đã duyệt",
    );
    expect(first.store.get().notice?.text).toBe(`Đã bỏ qua ${n} phát hiện.`);
    // The checker keeps them as digests: the pane saves them as they are.
    expect(first.store.get().pane.accepted.every((a) => "key" in a.subject)).toBe(true);
    expect((fake.settings.saved.get(STATE_KEY) as { v: number }).v).toBe(3);
    const again = new Checker(createExcelAdapter(reopened(fake)), inProcessEngine(), realClock);
    again.setEnvironment("vi", rulebook);
    await again.load();
    await again.check();
    const findings = again.store.get().findings;
    expect(findings).toHaveLength(n);
    expect(findings.every((f) => f.accepted?.reason === "Sở đã duyệt")).toBe(true);
  }, 60_000);
});

describe("the pane when the state cannot be saved", () => {
  it("shows the finding still open, says why, and keeps the checker and the workbook as they were", async () => {
    const fake = createFakeExcel(fakeSheetsOf(manyFindings(rulebook, 200)), { settingsLimit: 3_000 });
    const checker = new Checker(createExcelAdapter(hostOf(fake)), inProcessEngine(), realClock);
    checker.setEnvironment("vi", rulebook);
    await checker.check();
    const findings = checker.store.get().findings;
    const marks = fake.model.sheets[0].conditionalFormats.length;
    await checker.accept(
      findings.map((_, i) => i),
      "Sở đã duyệt",
    );
    const s = checker.store.get();
    expect(s.notice?.text).toMatch(/^Không lưu được trạng thái/);
    expect(s.findings.filter((f) => f.accepted)).toEqual([]);
    expect(s.pane.accepted).toEqual([]);
    expect(fake.settings.saved.size).toBe(0);
    expect(fake.model.sheets[0].conditionalFormats).toHaveLength(marks);
    // The checker went back too: one acceptance that fits is saved, and only it is accepted.
    await checker.accept([0], "một mục");
    expect(checker.store.get().findings.filter((f) => f.accepted)).toHaveLength(1);
    expect((fake.settings.saved.get(STATE_KEY) as { accepted: Acceptance[] }).accepted).toHaveLength(1);
  }, 60_000);
});
