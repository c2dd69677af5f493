/**
 * The findings, grouped by sheet and rule with counts, filtered, and virtualised
 * (@tanstack/react-virtual): only the rows in sight are in the page, so 50 000 findings cost
 * what 30 do. The rows come from the checker as a typed array (see engine/view.ts).
 *
 * Keyboard: the list is one tab stop; ↑/↓, Home/End, PageUp/PageDown move between rows;
 * Enter goes to a finding's cell and explains it (or folds a group); Space selects a finding
 * (or folds a group); ←/→ fold and unfold a group. Tab reaches the row's buttons.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { observeElementRect, useVirtualizer } from "@tanstack/react-virtual";
import {
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from "react";
import type { ReviewedFinding } from "../../engine/accept";
import type { Locale } from "../../engine/i18n";
import { ruleById } from "../../engine/rules";
import type { FixBook } from "../checker/fix-book";
import { findingKey } from "../checker/fix-book";
import type { ListGroup, ListView } from "../engine/protocol";
import { t } from "../strings";
import { cutAtWord } from "../text";
import { FindingRow, useRowStyles } from "./FindingRow";

const useStyles = makeStyles({
  scroller: {
    maxHeight: "70vh",
    minHeight: "8rem",
    overflowY: "auto",
    overflowX: "hidden",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    contain: "content",
  },
  inner: { position: "relative", width: "100%" },
  row: { position: "absolute", top: 0, left: 0, width: "100%", boxSizing: "border-box" },
  group: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  rule: { backgroundColor: tokens.colorNeutralBackground2, paddingLeft: tokens.spacingHorizontalL },
  toggle: {
    background: "none",
    border: "none",
    padding: 0,
    font: "inherit",
    color: "inherit",
    cursor: "pointer",
    textAlign: "left",
    minWidth: 0,
    flexGrow: 1,
    overflowWrap: "anywhere",
  },
  sheetName: { fontWeight: tokens.fontWeightSemibold },
  bulk: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    padding: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  bulkForm: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, width: "100%" },
});

/** jsdom has no layout: a list that measures nothing gets a nominal viewport instead of none. */
const NOMINAL = { width: 320, height: 640 };
const observeRect: typeof observeElementRect = (instance, cb) =>
  observeElementRect(instance, (rect) => cb(rect.height === 0 && rect.width === 0 ? NOMINAL : rect));

interface FindingsListActions {
  jump(f: ReviewedFinding): void;
  fix(f: ReviewedFinding): void;
  undo(keys: string[]): void;
  accept(indices: number[], reason: string): void;
  unaccept(indices: number[]): void;
  fixAll(findings: ReviewedFinding[]): void;
}

export interface FindingsListProps {
  locale: Locale;
  /** The findings the view's rows point into. */
  findings: readonly ReviewedFinding[];
  view: ListView;
  fixes: FixBook;
  protectedSheets: ReadonlySet<string>;
  /** A new list (new check): selections and open rows start again. */
  generation: number;
  /** The finding to give focus back to after an action (by key). */
  focus?: { key: string; n: number };
  actions: FindingsListActions;
}

type Row = { kind: "group"; group: ListGroup } | { kind: "finding"; index: number; f: ReviewedFinding };

export function FindingsList({
  locale,
  findings,
  view,
  fixes,
  protectedSheets,
  generation,
  focus,
  actions,
}: FindingsListProps) {
  const styles = useStyles();
  const rowStyles = useRowStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  /** The finding whose "Bỏ qua" form is open, and the reason typed. */
  const [accepting, setAccepting] = useState<{ index: number; reason: string }>();
  const [bulkReason, setBulkReason] = useState<string>();
  const [active, setActive] = useState(0);
  const wantFocus = useRef(false);
  /** Draws again, so that a pending focus is given once the row is in the page. */
  const [, redraw] = useReducer((n: number) => n + 1, 0);

  // A new check: what was selected or open by index means nothing any more.
  const [seenGeneration, setSeenGeneration] = useState(generation);
  if (seenGeneration !== generation) {
    setSeenGeneration(generation);
    setSelected(new Set());
    setOpen(new Set());
    setAccepting(undefined);
  }

  /** Positions (in view.rows) of the rows shown: the children of a folded group are left out. */
  const visible = useMemo(() => {
    const rows = view.rows;
    if (collapsed.size === 0) return Int32Array.from({ length: rows.length }, (_, i) => i);
    const out: number[] = [];
    for (let i = 0; i < rows.length;) {
      out.push(i);
      const r = rows[i];
      if (r < 0) {
        const g = view.groups[-r - 1];
        if (collapsed.has(g.key)) {
          i = g.end;
          continue;
        }
      }
      i++;
    }
    return Int32Array.from(out);
  }, [view, collapsed]);

  const rowAt = useCallback(
    (pos: number): Row => {
      const r = view.rows[visible[pos]];
      return r < 0
        ? { kind: "group", group: view.groups[-r - 1] }
        : { kind: "finding", index: r, f: findings[r] };
    },
    [view, visible, findings],
  );

  // Stable and cheap: the virtualiser calls these for every row whenever a row's size changes
  // (a new function would make it recompute all 50 000 positions on every draw). A row's key is
  // its entry in view.rows: a finding's index, or a heading's negative number.
  const estimateSize = useCallback((pos: number) => (view.rows[visible[pos]] < 0 ? 36 : 72), [view, visible]);
  const getItemKey = useCallback((pos: number) => view.rows[visible[pos]], [view, visible]);
  const getScrollElement = useCallback(() => scroller.current, []);
  // The React Compiler would skip this component (TanStack Virtual's functions are not memoisable);
  // this project does not use the compiler, and the list memoises by hand above.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement,
    estimateSize,
    getItemKey,
    overscan: 6,
    observeElementRect: observeRect,
  });

  const toggle = (key: string) =>
    setCollapsed((c) => {
      const n = new Set(c);
      if (!n.delete(key)) n.add(key);
      return n;
    });
  const select = (index: number, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(index);
      else n.delete(index);
      return n;
    });
  const explain = (index: number, f: ReviewedFinding) => {
    actions.jump(f);
    setOpen((o) => {
      const n = new Set(o);
      if (!n.delete(index)) n.add(index);
      return n;
    });
  };
  const groupFindings = (g: ListGroup): ReviewedFinding[] => {
    const start = view.rows.indexOf(-(view.groups.indexOf(g) + 1));
    const out: ReviewedFinding[] = [];
    for (let i = start + 1; i < g.end; i++) if (view.rows[i] >= 0) out.push(findings[view.rows[i]]);
    return out;
  };
  const groupIndices = (g: ListGroup): number[] => {
    const start = view.rows.indexOf(-(view.groups.indexOf(g) + 1));
    const out: number[] = [];
    for (let i = start + 1; i < g.end; i++) {
      const r = view.rows[i];
      if (r >= 0 && !findings[r].accepted) out.push(r);
    }
    return out;
  };

  /** Moves the keyboard's row and focuses it once it is drawn. */
  const moveTo = useCallback(
    (pos: number) => {
      const p = Math.max(0, Math.min(visible.length - 1, pos));
      setActive(p);
      wantFocus.current = true;
      virtualizer.scrollToIndex(p, { align: "auto" });
      redraw();
    },
    [visible.length, virtualizer],
  );

  // Focus follows the keyboard's row once the virtualiser has drawn it.
  useEffect(() => {
    if (!wantFocus.current) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-pos="${active}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      wantFocus.current = false;
    }
  });

  // After Sửa, Hoàn tác, Lưu or Hủy bỏ qua, focus goes back to the finding (not the page's body):
  // once per request (its number changes), with the list as it is then.
  const focusFinding = useRef<() => void>(() => undefined);
  useEffect(() => {
    focusFinding.current = () => {
      if (!focus) return;
      const index = findings.findIndex((f) => findingKey(f) === focus.key);
      const pos = index < 0 ? -1 : visible.findIndex((v) => view.rows[v] === index);
      if (pos >= 0) moveTo(pos);
    };
  });
  const focusN = focus?.n;
  useEffect(() => {
    if (focusN !== undefined) focusFinding.current();
  }, [focusN]);

  const activePos = Math.min(active, Math.max(0, visible.length - 1));

  const onKey = (e: KeyboardEvent<HTMLDivElement>, pos: number) => {
    if (e.target !== e.currentTarget) return; // keys typed in a button or a reason stay there
    const row = rowAt(pos);
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / 72));
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(pos + 1),
      ArrowUp: () => moveTo(pos - 1),
      Home: () => moveTo(0),
      End: () => moveTo(visible.length - 1),
      PageDown: () => moveTo(pos + page),
      PageUp: () => moveTo(pos - page),
      Enter: () => (row.kind === "group" ? toggle(row.group.key) : explain(row.index, row.f)),
      " ": () =>
        row.kind === "group"
          ? toggle(row.group.key)
          : !row.f.accepted && select(row.index, !selected.has(row.index)),
      ArrowLeft: () => row.kind === "group" && !collapsed.has(row.group.key) && toggle(row.group.key),
      ArrowRight: () => row.kind === "group" && collapsed.has(row.group.key) && toggle(row.group.key),
    };
    const run = keys[e.key];
    if (run) {
      e.preventDefault();
      run();
    }
  };

  const title = (rule: string) => ruleById(rule)?.meta.title[locale] ?? rule;
  const selectedOpen = [...selected].filter((i) => findings[i] && !findings[i].accepted);

  return (
    <>
      {selectedOpen.length > 0 && (
        <div
          className={styles.bulk}
          role="group"
          aria-label={t(locale, "selected", { count: selectedOpen.length })}
        >
          <Body1>{t(locale, "selected", { count: selectedOpen.length })}</Body1>
          {bulkReason === undefined ? (
            <Button size="small" appearance="primary" onClick={() => setBulkReason("")}>
              {t(locale, "acceptSelected", { count: selectedOpen.length })}
            </Button>
          ) : null}
          <Button
            size="small"
            onClick={() => {
              setSelected(new Set());
              setBulkReason(undefined);
            }}
          >
            {t(locale, "clearSelection")}
          </Button>
          {bulkReason !== undefined && (
            <form
              className={styles.bulkForm}
              onSubmit={(e) => {
                e.preventDefault();
                if (!bulkReason.trim()) return;
                actions.accept(selectedOpen, bulkReason.trim());
                setSelected(new Set());
                setBulkReason(undefined);
              }}
            >
              <Field label={t(locale, "acceptReason")} required>
                <Textarea autoFocus value={bulkReason} onChange={(_e, d) => setBulkReason(d.value)} />
              </Field>
              <Button type="submit" size="small" appearance="primary" disabled={!bulkReason.trim()}>
                {t(locale, "acceptSelected", { count: selectedOpen.length })}
              </Button>
            </form>
          )}
        </div>
      )}
      <div ref={scroller} className={styles.scroller} data-findings-scroller="">
        <div
          role="list"
          aria-label={t(locale, "findingsList")}
          className={styles.inner}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = rowAt(item.index);
            const common = {
              "data-pos": item.index,
              "data-index": item.index,
              ref: virtualizer.measureElement,
              role: "listitem",
              "aria-setsize": visible.length,
              "aria-posinset": item.index + 1,
              tabIndex: item.index === activePos ? 0 : -1,
              onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => onKey(e, item.index),
              onFocus: (e: FocusEvent<HTMLDivElement>) => {
                if (e.target === e.currentTarget && active !== item.index) setActive(item.index);
              },
              style: { transform: `translateY(${item.start}px)` },
            } as const;
            if (row.kind === "group") {
              const g = row.group;
              const folded = collapsed.has(g.key);
              const name = g.level === 1 ? g.sheet : title(g.rule ?? "");
              const text =
                g.level === 1
                  ? `${cutAtWord(g.sheet, 60)} — ${t(locale, "findings", { count: g.open })}`
                  : `${cutAtWord(name, 70)} (${g.shown})`;
              const acceptedHere = g.shown - g.open;
              return (
                <div
                  key={item.key}
                  {...common}
                  className={mergeClasses(styles.row, styles.group, g.level === 2 && styles.rule)}
                >
                  <button
                    type="button"
                    tabIndex={-1}
                    className={styles.toggle}
                    aria-expanded={!folded}
                    title={name}
                    onClick={() => toggle(g.key)}
                  >
                    <span aria-hidden="true">{folded ? "▸ " : "▾ "}</span>
                    <span className={g.level === 1 ? styles.sheetName : undefined}>{text}</span>
                    {acceptedHere > 0 && (
                      <Caption1> · {t(locale, "groupAccepted", { count: acceptedHere })}</Caption1>
                    )}
                  </button>
                  {g.level === 2 && g.fixable > 1 && (
                    <Button
                      size="small"
                      aria-label={t(locale, "fixAllAt", { count: g.fixable, rule: name, sheet: g.sheet })}
                      onClick={() => actions.fixAll(groupFindings(g))}
                    >
                      {t(locale, "fixAll", { count: g.fixable })}
                    </Button>
                  )}
                  {g.level === 2 && g.open > 1 && (
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={`${t(locale, "selectGroup")}: ${name}, ${g.sheet}`}
                      onClick={() => setSelected((s) => new Set([...s, ...groupIndices(g)]))}
                    >
                      {t(locale, "selectGroup")}
                    </Button>
                  )}
                </div>
              );
            }
            const { index, f } = row;
            const key = findingKey(f);
            return (
              <div
                key={item.key}
                {...common}
                className={mergeClasses(styles.row, rowStyles.item, f.accepted && rowStyles.accepted)}
                data-severity={f.severity}
                data-finding={key}
              >
                <FindingRow
                  f={f}
                  locale={locale}
                  fixed={fixes.byKey.get(key)}
                  locked={protectedSheets.has(f.sheet)}
                  selected={selected.has(index)}
                  open={open.has(index)}
                  reason={accepting?.index === index ? accepting.reason : undefined}
                  onJump={() => explain(index, f)}
                  onSelect={(on) => select(index, on)}
                  onFix={() => actions.fix(f)}
                  onUndo={() => actions.undo([key])}
                  onAcceptStart={() => setAccepting({ index, reason: "" })}
                  onReason={(reason) => setAccepting({ index, reason })}
                  onAcceptSave={() => {
                    actions.accept([index], (accepting?.reason ?? "").trim());
                    setAccepting(undefined);
                  }}
                  onAcceptCancel={() => {
                    setAccepting(undefined);
                    moveTo(item.index);
                  }}
                  onUnaccept={() => actions.unaccept([index])}
                />
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
