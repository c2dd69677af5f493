/**
 * The pane's state and actions: read the workbook through the port, check it with the engine,
 * mark it, and keep what the user accepted or corrected. No Office.js: only the port.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { accept, applyAcceptances, unaccept, type ReviewedFinding } from "../engine/accept";
import { checkWorkbook, recheckSheet, type CheckResult } from "../engine/check";
import type { EngineFinding } from "../engine/findings";
import type { RecognitionOverride, RecognizedWorkbook } from "../engine/recognize/model";
import type { Rulebook } from "../engine/rulebook/schema";
import type { Locale } from "../engine/i18n";
import type { WorkbookSnapshot } from "../engine/snapshot";
import type { Template } from "../engine/templates/spec";
import { rulebookChoice } from "./rulebook-choice";
import { t } from "./strings";
import { EMPTY_STATE, type FixRecord, type MarkResult, type PaneState, type WorkbookPort } from "./port";

export type Phase =
  | { kind: "idle" }
  | { kind: "reading"; done: number; total: number }
  | { kind: "checking" }
  | { kind: "done" }
  | { kind: "error"; message: string };

export interface CheckerState {
  phase: Phase;
  findings: ReviewedFinding[];
  workbook?: RecognizedWorkbook;
  /** True when the workbook has no sheet with data. */
  empty: boolean;
  marks?: MarkResult;
  /**
   * Fixes applied in this session, by the key of the finding they fixed, to undo them. They
   * outlive the finding (a re-check drops a fixed finding) and a new check.
   */
  fixes: Map<string, FixRecord>;
  pane: PaneState;
  /** A one-line notice (cleared marks, exported report, a failed action). */
  notice?: { intent: "success" | "error" | "info"; text: string };
  /** "Kiểm tra tự động": re-check a sheet as the user edits it. */
  auto: boolean;
  /** Milliseconds the last (re-)check took in the pane (reading, engine, marks). */
  lastCheckMs?: number;
}

/** Edits arrive cell by cell: wait for a pause before re-checking. */
export const AUTO_CHECK_DELAY_MS = 400;

/** The marks a sheet gets from these findings (each cell: its most severe open finding), as text to compare. */
function marksOn(findings: readonly ReviewedFinding[], sheet: string): string {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const cells = new Map<string, keyof typeof rank>();
  for (const f of findings) {
    if (f.sheet !== sheet || f.accepted) continue;
    for (const c of f.cells) {
      const prev = cells.get(c);
      if (!prev || rank[f.severity] < rank[prev]) cells.set(c, f.severity);
    }
  }
  return [...cells]
    .map(([c, s]) => `${c}:${s}`)
    .sort()
    .join(",");
}

/** A finding's identity within one check (sheet, rule, cells, message). */
export function findingKey(f: EngineFinding): string {
  return `${f.sheet}\u001f${f.rule}\u001f${f.cells.join(",")}\u001f${f.message}`;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function useChecker(port: WorkbookPort, rulebook: Rulebook, locale: Locale) {
  const [state, setState] = useState<CheckerState>({
    phase: { kind: "idle" },
    findings: [],
    empty: false,
    fixes: new Map(),
    pane: EMPTY_STATE,
    auto: false,
  });
  const snapshot = useRef<WorkbookSnapshot | undefined>(undefined);
  const last = useRef<CheckResult | undefined>(undefined);
  const stopWatching = useRef<(() => Promise<void>) | undefined>(undefined);
  const pending = useRef<{ sheets: Set<string>; timer?: ReturnType<typeof setTimeout> }>({
    sheets: new Set(),
  });
  const pane = useRef<PaneState>(EMPTY_STATE);
  /**
   * Every action that reads or writes the workbook runs after the previous one has finished: a
   * re-check started while another is reading, or a fix during a check, would otherwise each work
   * from a stale snapshot and the last to finish would win.
   */
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const serial = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(task);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);
  /** The fixes' source of truth (queued actions read it; the state mirrors it for rendering). */
  const fixes = useRef(new Map<string, FixRecord>());
  /** The findings as last checked, with the acceptances as they are now. */
  const reviewed = () => applyAcceptances(last.current?.findings ?? [], pane.current.accepted);

  useEffect(() => {
    let live = true;
    port.loadState().then(
      (s) => {
        if (!live) return;
        pane.current = s;
        setState((st) => ({ ...st, pane: s }));
      },
      () => undefined, // no saved state: start empty
    );
    return () => {
      live = false;
    };
  }, [port]);

  /** Runs the engine on the last snapshot and re-marks the workbook; a failure ends in the error phase. */
  const evaluate = useCallback(
    async (snap: WorkbookSnapshot) => {
      setState((s) => ({ ...s, phase: { kind: "checking" } }));
      try {
        const result = checkWorkbook(snap, { rulebook, locale, overrides: pane.current.overrides });
        last.current = result;
        const findings = applyAcceptances(result.findings, pane.current.accepted);
        await port.clearMarks();
        const marks = await port.mark(findings.filter((f) => !f.accepted));
        const empty = snap.sheets.every((s) => s.values.every((r) => r.every((v) => v === null || v === "")));
        setState((s) => ({
          ...s,
          phase: { kind: "done" },
          findings,
          workbook: result.workbook,
          marks,
          empty,
        }));
      } catch (e) {
        setState((s) => ({ ...s, phase: { kind: "error", message: errorText(e) } }));
      }
    },
    [port, rulebook, locale],
  );

  /**
   * Re-checks the sheets edited since the last pause: reads only them, recognises only them
   * (recheckSheet), and re-marks only the sheets whose findings changed.
   */
  const recheck = useCallback(async () => {
    // Runs in the queue: the sheets edited until now; later edits wait for the next run.
    const sheets = [...pending.current.sheets];
    pending.current.sheets.clear();
    if (!last.current || !snapshot.current || sheets.length === 0) return;
    const started = Date.now();
    try {
      let result = last.current;
      const before = result.findings;
      for (const name of sheets) {
        const sheet = await port.readSheet(name);
        const known: boolean = snapshot.current.sheets.some((s) => s.name === name);
        snapshot.current = {
          sheets: known
            ? snapshot.current.sheets.map((s) => (s.name === name ? sheet : s))
            : [...snapshot.current.sheets, sheet],
        };
        result = recheckSheet(result, sheet, { rulebook, locale, overrides: pane.current.overrides });
      }
      last.current = result;
      const findings = applyAcceptances(result.findings, pane.current.accepted);
      // Only sheets whose marks change are written to: a write after the user's edit would take
      // their Ctrl+Z (each write is an undo step, or clears the undo stack on older Excel).
      const marked = applyAcceptances(before, pane.current.accepted);
      const touched = [...new Set([...before, ...result.findings].map((f) => f.sheet))].filter(
        (s) => marksOn(marked, s) !== marksOn(findings, s),
      );
      for (const s of touched) await port.clearMarks(s);
      const marks = touched.length
        ? await port.mark(findings.filter((f) => !f.accepted && touched.includes(f.sheet)))
        : undefined;
      setState((s) => ({
        ...s,
        findings,
        workbook: result.workbook,
        marks: marks ?? s.marks,
        lastCheckMs: Date.now() - started,
      }));
    } catch (e) {
      setState((s) => ({ ...s, notice: { intent: "error", text: errorText(e) } }));
    }
  }, [port, rulebook, locale]);

  const onSheetChanged = useRef<(sheet: string) => void>(() => undefined);
  onSheetChanged.current = (sheet: string) => {
    pending.current.sheets.add(sheet);
    if (pending.current.timer) clearTimeout(pending.current.timer);
    pending.current.timer = setTimeout(() => void serial(recheck), AUTO_CHECK_DELAY_MS);
  };

  const setAuto = useCallback(
    async (on: boolean) => {
      try {
        if (on && !stopWatching.current && port.watchChanges) {
          stopWatching.current = await port.watchChanges((sheet) => onSheetChanged.current(sheet));
        } else if (!on && stopWatching.current) {
          const stop = stopWatching.current;
          stopWatching.current = undefined;
          if (pending.current.timer) clearTimeout(pending.current.timer);
          pending.current.sheets.clear();
          await stop();
        }
        setState((s) => ({ ...s, auto: on }));
      } catch (e) {
        setState((s) => ({ ...s, notice: { intent: "error", text: errorText(e) } }));
      }
    },
    [port],
  );

  // Stop watching when the pane goes away.
  useEffect(
    () => () => {
      if (pending.current.timer) clearTimeout(pending.current.timer);
      void stopWatching.current?.();
    },
    [],
  );

  const check = useCallback(
    () =>
      serial(async () => {
        try {
          setState((s) => ({ ...s, phase: { kind: "reading", done: 0, total: 0 }, notice: undefined }));
          const snap = await port.read((p) =>
            setState((s) => ({ ...s, phase: { kind: "reading", done: p.done, total: p.total } })),
          );
          snapshot.current = snap;
          await evaluate(snap);
        } catch (e) {
          setState((s) => ({ ...s, phase: { kind: "error", message: errorText(e) } }));
        }
      }),
    [port, evaluate, serial],
  );

  // A new language rewords the findings without reading the workbook again.
  useEffect(() => {
    if (snapshot.current && state.phase.kind === "done") {
      const snap = snapshot.current;
      void serial(() => evaluate(snap));
    }
    // Only when the locale or the rulebook change (evaluate changes with them).
  }, [locale, rulebook]);

  /** Runs an action in the queue; what it returns is merged into the state, a failure becomes a notice. */
  const act = useCallback(
    (f: () => Promise<Partial<CheckerState> | void>) =>
      serial(async () => {
        try {
          const patch = await f();
          if (patch) setState((s) => ({ ...s, ...patch }));
        } catch (e) {
          setState((s) => ({ ...s, notice: { intent: "error", text: errorText(e) } }));
        }
      }),
    [serial],
  );

  /** Re-marks the workbook after the acceptances changed. */
  const remark = async () => {
    await port.clearMarks();
    return { marks: await port.mark(reviewed().filter((x) => !x.accepted)) };
  };

  const savePane = useCallback(
    async (next: PaneState) => {
      pane.current = next;
      setState((s) => ({ ...s, pane: next, findings: applyAcceptances(s.findings, next.accepted) }));
      await port.saveState(next);
    },
    [port],
  );

  return {
    state,
    check,
    setAuto,
    /** Remembers the rulebook chosen for this workbook (restored when it is opened again). */
    rememberRulebook: (rb: Rulebook) =>
      act(() => savePane({ ...pane.current, rulebook: rulebookChoice(rb) })),
    setAllocated: (million: number | undefined) =>
      act(() => savePane({ ...pane.current, allocated: million })),
    jump: (f: EngineFinding) => act(() => port.select(f.sheet, f.cells)),
    clear: () =>
      act(async () => {
        // The user's own clear looks beyond the recorded cells (marks copied elsewhere too).
        const n = await port.clearMarks(undefined, true);
        return { marks: undefined, notice: { intent: "success", text: t(locale, "cleared", { count: n }) } };
      }),
    fix: (f: EngineFinding) =>
      act(async () => {
        if (!f.fix) return;
        const record = await port.applyFix(f.sheet, f.fix);
        fixes.current = new Map(fixes.current).set(findingKey(f), record);
        return { fixes: fixes.current };
      }),
    /** Undoes the fix recorded under `key` (a finding's key: see findingKey). */
    undo: (key: string) =>
      act(async () => {
        const record = fixes.current.get(key);
        if (!record) return;
        await port.undoFix(record);
        fixes.current = new Map(fixes.current);
        fixes.current.delete(key);
        return { fixes: fixes.current };
      }),
    accept: (f: EngineFinding, reason: string) =>
      act(async () => {
        await savePane({ ...pane.current, accepted: accept(pane.current.accepted, f, reason, new Date()) });
        return remark();
      }),
    unaccept: (f: EngineFinding) =>
      act(async () => {
        await savePane({ ...pane.current, accepted: unaccept(pane.current.accepted, f) });
        return remark();
      }),
    override: (sheet: string, o: RecognitionOverride | undefined) =>
      act(async () => {
        const overrides = { ...pane.current.overrides };
        if (o && Object.keys(o).length > 0) overrides[sheet] = o;
        else delete overrides[sheet];
        await savePane({ ...pane.current, overrides });
        if (snapshot.current) await evaluate(snapshot.current);
      }),
    /** `build` runs inside the action, so that a template that cannot be built becomes a notice. */
    insertTemplate: (build: () => Template) =>
      act(async () => {
        if (!port.insertTemplate) return;
        const name = await port.insertTemplate(build());
        return { notice: { intent: "success", text: t(locale, "templateInserted", { sheet: name }) } };
      }),
    /** The explanations as cell notes (only where the port has them: ExcelApi 1.18). */
    writeNotes: () =>
      act(async () => {
        if (!port.writeNotes) return;
        const r = await port.writeNotes(
          reviewed().filter((f) => !f.accepted),
          locale,
        );
        const written = t(locale, "notesWritten", { count: r.marked });
        // Cells Excel keeps from notes (a threaded comment), protected sheets: said, not hidden.
        const skipped = r.skipped.map((s) => t(locale, "notesSkipped", { sheet: s.sheet, reason: s.reason }));
        return {
          notice: { intent: skipped.length ? "info" : "success", text: [written, ...skipped].join(" ") },
        };
      }),
    exportReport: () =>
      act(async () => {
        const name = await port.writeReport(reviewed(), locale);
        return { notice: { intent: "success", text: t(locale, "exported", { sheet: name }) } };
      }),
  };
}
