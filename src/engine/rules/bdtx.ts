import type { PersonCell, PersonRow, RecognizedTable } from "../recognize/model";
import type { BdtxRules } from "../rulebook/schema";
import { fold } from "../text/normalize";
import type { Rule, RuleContext } from "./api";
import { birthShown, mm, personKey, personLabel, personLists, retirementFacts, ym } from "./people-util";

/** What the list says of a person (its Kết quả, Miễn/Giảm and Ghi chú columns). */
type Status = "done" | "notDone" | "exempt";
/** Why a person is reduced (a retirement in a note changes nothing: the birth date decides). */
type Reason = "maternity" | "illness";

/**
 * The person's Kết quả cell, with what it says (nothing for a text the rule does not know). "Được
 * miễn", "Đề nghị miễn" and "Xin miễn" claim the exemption as "Miễn" does, and are held to it.
 */
function readStatus(cell: PersonCell | undefined): { is: Status; cell: PersonCell } | undefined {
  if (!cell) return undefined;
  const f = fold(cell.text);
  if (/^(chua|khong|k) ?(hoan thanh|ht|dat)\b|^(cht|kht|khong dat|chua dat)\b/.test(f))
    return { is: "notDone", cell };
  if (/^(hoan thanh|ht|dat|da hoan thanh)\b/.test(f)) return { is: "done", cell };
  if (/^((duoc|de nghi|xin) )?mien\b/.test(f)) return { is: "exempt", cell };
  return undefined;
}

function readMark(text: string | undefined): "exempt" | "reduced" | undefined {
  if (text === undefined) return undefined;
  const f = fold(text);
  // "Miễn", "x Miễn", and what lists write for the same mark: "Được miễn", "Đề nghị miễn", "Xin miễn".
  if (/^((x|duoc|de nghi|xin) )?mien\b/.test(f)) return "exempt";
  if (/^((x|duoc|de nghi|xin) )?giam\b/.test(f)) return "reduced";
  return undefined;
}

/** The reason a person's texts give (blank cells join as nothing). */
function readReason(...texts: (string | undefined)[]): Reason | undefined {
  const f = fold(texts.join(" "));
  if (/\b(thai san|sinh con|nghi sinh)\b/.test(f)) return "maternity";
  if (/\b(benh|om dau|om nang|tai nan|dieu tri|khong di lai)\b/.test(f)) return "illness";
  return undefined;
}

/** A figure cell's number (a cell's text is its number as typed, or as String() writes it). */
function numberOf(cell: PersonCell | undefined): { n: number; cell: string } | undefined {
  if (!cell) return undefined;
  const n = Number(cell.text.replace(",", "."));
  return Number.isFinite(n) ? { n, cell: cell.cell } : undefined;
}

/** Completion by the figures: done, or short of the minimum (which cell, by how much, in words). */
type Short = { complete: false; done: string; min: string; doneN: number; minN: number; cell: string };
type Figures = { complete: true; done: string } | Short;

const MODULE = { vi: "mô đun", en: "modules" };
const PERIOD = { vi: "tiết", en: "periods" };

/** Modules ≥ the minimum and periods ≥ 40 × modules; or, without modules, periods ≥ 40 × the minimum. */
function figuresOf(ctx: RuleContext, b: BdtxRules, p: PersonRow): Figures | undefined {
  const modules = numberOf(p.cells.modules);
  const periods = numberOf(p.cells.periods);
  const perModule = b.periodsPerModule;
  const word = (n: number, w: { vi: string; en: string }) => `${ctx.num(n)} ${w[ctx.locale]}`;
  const short = (cell: string, doneN: number, minN: number, w: { vi: string; en: string }): Short => ({
    complete: false,
    done: word(doneN, w),
    min: word(minN, w),
    doneN,
    minN,
    cell,
  });
  if (modules) {
    if (modules.n < b.minModules) return short(modules.cell, modules.n, b.minModules, MODULE);
    if (periods && periods.n < perModule * modules.n) {
      const f = short(periods.cell, periods.n, perModule * modules.n, PERIOD);
      return { ...f, min: `${f.min} (${ctx.num(modules.n)} × ${ctx.num(perModule)})` };
    }
    const done = word(modules.n, MODULE);
    return { complete: true, done: periods ? `${done}, ${word(periods.n, PERIOD)}` : done };
  }
  if (!periods) return undefined;
  const minN = b.minModules * perModule;
  return periods.n >= minN
    ? { complete: true, done: word(periods.n, PERIOD) }
    : short(periods.cell, periods.n, minN, PERIOD);
}

/**
 * Regular in-service training (BDTX), seed 004 (Bình Phước 2023–2024): exempt are those retiring
 * within the school year (Decree 135, to the month); reduced, never exempt, are those on maternity
 * leave or ill so that they cannot travel in that year (and never called incomplete for it); done
 * is at least the rulebook's modules (3) with 40 periods each. The list's own status columns
 * (Kết quả, Miễn/Giảm, Ghi chú) are read and contradicted where the figures or the law say
 * otherwise. A wrong list is an error: it decides who is recognised as done.
 */
export const bdtx: Rule = {
  meta: {
    id: "bdtx",
    title: {
      vi: "Bồi dưỡng thường xuyên: miễn, giảm và hoàn thành",
      en: "Regular in-service training: exemption, reduction and completion",
    },
    rationale: {
      vi: "Theo kế hoạch BDTX của năm học (Thông tư 19/2019, 17/2022): giáo viên nghỉ hưu trong năm học được miễn (tuổi nghỉ hưu theo Nghị định 135/2020, tính đến tháng); giáo viên nghỉ thai sản hoặc bệnh không đi lại được trong năm học được giảm, không phải miễn; người còn lại hoàn thành khi học đủ số mô đun quy định (ví dụ ít nhất 03 mô đun, mỗi mô đun 40 tiết). Cột Kết quả, Miễn/Giảm của danh sách phải khớp các điều đó.",
      en: "Under the school year's BDTX plan (Circulars 19/2019, 17/2022): teachers retiring within the school year are exempt (retirement age by Decree 135/2020, to the month); teachers on maternity leave or too ill to travel in that year are reduced, not exempt; the others are done when they completed the required modules (e.g. at least 3 modules of 40 periods). The list's Kết quả and Miễn/Giảm columns must agree.",
    },
    defaultSeverity: "error",
    messages: {
      exempt: {
        vi: "{person}: được miễn BDTX năm học {schoolYear} (nghỉ hưu {retire}).",
        en: "{person}: exempt from BDTX in {schoolYear} (retires {retire}).",
      },
      exemptUnfinished: {
        vi: '{person}: nghỉ hưu {retire}, trong năm học {schoolYear}, nên được miễn BDTX; danh sách lại ghi là chưa hoàn thành ({status}). Ghi "Miễn".',
        en: '{person}: retires {retire}, within the {schoolYear} school year, so is exempt from BDTX; the list has them as not done ({status}). Mark "Miễn".',
      },
      notExempt: {
        vi: '{person}: danh sách ghi miễn BDTX ("{mark}"), nhưng người này nghỉ hưu {retire}, sau năm học {schoolYear} (Nghị định 135/2020): không được miễn.',
        en: '{person}: the list marks them exempt ("{mark}"), but they retire {retire}, after the {schoolYear} school year (Decree 135/2020): not exempt.',
      },
      reducedNotExempt: {
        vi: '{person}: {reason} là trường hợp được giảm, không phải được miễn BDTX ("{mark}"). Ghi "Giảm".',
        en: '{person}: {reason} is a reduction, not an exemption from BDTX ("{mark}"). Mark "Giảm".',
      },
      incomplete: {
        vi: "{person}: chưa hoàn thành BDTX năm học {schoolYear}: {done} < {min}.",
        en: "{person}: BDTX {schoolYear} not complete: {done} < {min}.",
      },
      statusContradicts: {
        vi: '{person}: danh sách ghi "{status}", nhưng số liệu chưa đủ để hoàn thành BDTX năm học {schoolYear}: {done} < {min}.',
        en: '{person}: the list says "{status}", but the figures fall short of completing BDTX {schoolYear}: {done} < {min}.',
      },
      statusUnderstated: {
        vi: '{person}: danh sách ghi "{status}", nhưng số liệu đã đủ hoàn thành BDTX năm học {schoolYear} ({done}).',
        en: '{person}: the list says "{status}", but the figures complete BDTX {schoolYear} ({done}).',
      },
    },
  },
  check(ctx) {
    const b = ctx.rulebook.bdtx;
    if (!b) return;
    for (const table of personLists(ctx)) {
      const cols = table.personColumns ?? {};
      const hasFigures = cols.modules !== undefined || cols.periods !== undefined;
      const hasStatus = cols.result !== undefined || cols.exemption !== undefined;
      if (!hasFigures && !hasStatus) continue;
      for (const p of table.people) checkPerson(ctx, b, table, cols.exemption !== undefined, p);
    }
  },
};

/**
 * How the list shows a person as unfinished, if it does: by its Kết quả, or by short figures in a
 * list that has a Miễn/Giảm column and leaves it blank for them (so counts them as required).
 */
function listedUnfinished(
  p: PersonRow,
  status: { is: Status; cell: PersonCell } | undefined,
  short: Short | undefined,
  hasExemptionColumn: boolean,
): { cell: string; shown: string; actual: string | number } | undefined {
  if (status?.is === "notDone")
    return { cell: status.cell.cell, shown: status.cell.text, actual: status.cell.text };
  if (!short || p.cells.exemption || !hasExemptionColumn) return undefined;
  const r = p.cells.result;
  return r
    ? { cell: r.cell, shown: r.text, actual: r.text }
    : { cell: short.cell, shown: short.done, actual: short.doneN };
}

function checkPerson(
  ctx: RuleContext,
  b: BdtxRules,
  table: RecognizedTable,
  hasExemptionColumn: boolean,
  p: PersonRow,
): void {
  const start = ym(b.start);
  const end = ym(b.end);
  const idx = (d: { year: number; month: number }) => d.year * 12 + d.month;
  const person = personLabel(p, ctx.locale);
  const who = personKey(p);
  const vi = ctx.locale === "vi";
  const resultText = p.cells.result?.text;
  const markText = p.cells.exemption?.text;
  const status = readStatus(p.cells.result);
  const mark = readMark(markText) ?? (status?.is === "exempt" ? "exempt" : undefined);
  const reason = readReason(markText, p.cells.remark?.text, resultText);
  const facts = retirementFacts(p, start);
  const fig = figuresOf(ctx, b, p);
  const short = fig?.complete === false ? fig : undefined;

  const base = { person, schoolYear: b.schoolYear };
  if (facts && idx(facts.retire) >= idx(start) && idx(facts.retire) <= idx(end)) {
    // Exempt by law: listed as unfinished is wrong.
    const retiring = { ...base, retire: mm(facts.retire) };
    const listed = listedUnfinished(p, status, short, hasExemptionColumn);
    if (listed) {
      ctx.report({
        table,
        messageId: "exemptUnfinished",
        data: { ...retiring, status: listed.shown },
        cells: [listed.cell],
        expected: vi ? "Miễn" : "exempt",
        actual: listed.actual,
        subject: { detail: `exempt-unfinished|${who}` },
      });
    } else {
      ctx.report({
        table,
        messageId: "exempt",
        data: retiring,
        // Stryker disable next-line OptionalChaining,StringLiteral: a retirement month is known only from a birth date read from its cell
        cells: [p.cells.birth?.cell ?? ""],
        expected: null,
        actual: birthShown(p),
        severity: "info",
        subject: { detail: `exempt|${who}` },
      });
    }
    return;
  }
  if (mark === "exempt") {
    // Marked exempt: maternity and illness are reductions; anything else must be a retirement
    // within the year, which it is not (an outdated age rule, a wrong birth date…).
    // Stryker disable next-line StringLiteral: "exempt" is read from the Miễn/Giảm cell or from Kết quả, so one of them exists
    const cell = p.cells.exemption?.cell ?? p.cells.result?.cell ?? "";
    // Stryker disable next-line StringLiteral: as above
    const shown = markText ?? resultText ?? "";
    if (reason === "maternity" || reason === "illness") {
      ctx.report({
        table,
        messageId: "reducedNotExempt",
        data: {
          person,
          mark: shown,
          reason:
            reason === "maternity"
              ? vi
                ? "Nghỉ thai sản"
                : "Maternity leave"
              : vi
                ? "Bệnh không đi lại được"
                : "An illness that prevents travel",
        },
        cells: [cell],
        expected: vi ? "Giảm" : "reduced",
        actual: shown,
        fix: { cell, value: "Giảm" },
        subject: { detail: `reduced-not-exempt|${who}` },
      });
    } else if (facts) {
      ctx.report({
        table,
        messageId: "notExempt",
        data: { ...base, retire: mm(facts.retire), mark: shown },
        cells: [cell],
        expected: null,
        actual: shown,
        subject: { detail: `not-exempt|${who}` },
      });
    }
    return;
  }
  // Reduced (maternity, illness): never called incomplete for the reduced amount.
  if (mark === "reduced" || reason === "maternity" || reason === "illness") return;
  if (short) {
    if (status?.is === "notDone") return; // the list says so itself
    if (status?.is === "done") {
      ctx.report({
        table,
        messageId: "statusContradicts",
        data: { ...base, done: short.done, min: short.min, status: status.cell.text },
        cells: [status.cell.cell],
        expected: vi ? "Chưa hoàn thành" : "not done",
        actual: status.cell.text,
        subject: { detail: `status|${who}` },
      });
    } else {
      ctx.report({
        table,
        messageId: "incomplete",
        data: { ...base, done: short.done, min: short.min },
        cells: [short.cell],
        expected: short.minN,
        actual: short.doneN,
        subject: { detail: `incomplete|${who}` },
      });
    }
    return;
  }
  if (fig && status?.is === "notDone") {
    ctx.report({
      table,
      messageId: "statusUnderstated",
      data: { ...base, done: fig.done, status: status.cell.text },
      cells: [status.cell.cell],
      expected: vi ? "Hoàn thành" : "done",
      actual: status.cell.text,
      severity: "warning",
      subject: { detail: `status-understated|${who}` },
    });
  }
}
