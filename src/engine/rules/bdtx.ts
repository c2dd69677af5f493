import type { PersonCell, PersonRow, RecognizedTable } from "../recognize/model";
import { fold } from "../text/normalize";
import type { Rule, RuleContext } from "./api";
import { birthShown, mm, personKey, personLabel, personLists, retirementFacts, ym } from "./people-util";

/** What the list says of a person (its Kết quả, Miễn/Giảm and Ghi chú columns). */
type Status = "done" | "notDone" | "exempt";
type Reason = "maternity" | "illness" | "retirement";

function readStatus(text: string | undefined): Status | undefined {
  const f = fold(text ?? "");
  if (!f) return undefined;
  if (/^(chua|khong|k) ?(hoan thanh|ht|dat)\b|^(cht|kht|khong dat|chua dat)\b/.test(f)) return "notDone";
  if (/^(hoan thanh|ht|dat|da hoan thanh)\b/.test(f)) return "done";
  if (/^mien\b/.test(f)) return "exempt";
  return undefined;
}

function readMark(text: string | undefined): "exempt" | "reduced" | undefined {
  const f = fold(text ?? "");
  if (/^(mien|x mien)\b/.test(f)) return "exempt";
  if (/^(giam|x giam)\b/.test(f)) return "reduced";
  return undefined;
}

function readReason(...texts: (string | undefined)[]): Reason | undefined {
  const f = fold(texts.filter(Boolean).join(" "));
  if (/\b(thai san|sinh con|nghi sinh)\b/.test(f)) return "maternity";
  if (/\b(benh|om dau|om nang|tai nan|dieu tri|khong di lai)\b/.test(f)) return "illness";
  if (/\b(nghi huu|huu tri|ve huu)\b/.test(f)) return "retirement";
  return undefined;
}

function numberOf(cell: PersonCell | undefined): number | undefined {
  if (!cell) return undefined;
  const n = typeof cell.value === "number" ? cell.value : Number(cell.text.replace(",", "."));
  return Number.isFinite(n) ? n : undefined;
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
      for (const p of table.people) checkPerson(ctx, table, p);
    }
  },
};

function checkPerson(ctx: RuleContext, table: RecognizedTable, p: PersonRow): void {
  const b = ctx.rulebook.bdtx;
  if (!b) return;
  const start = ym(b.start);
  const end = ym(b.end);
  const idx = (d: { year: number; month: number }) => d.year * 12 + d.month;
  const person = personLabel(p, ctx.locale);
  const who = personKey(p);
  const vi = ctx.locale === "vi";
  const resultText = p.cells.result?.text;
  const markText = p.cells.exemption?.text;
  const status = readStatus(resultText);
  const mark = readMark(markText) ?? (status === "exempt" ? "exempt" : undefined);
  const reason = readReason(markText, p.cells.remark?.text, resultText);
  const facts = retirementFacts(p, start);
  const retiresInYear =
    facts !== undefined && idx(facts.retire) >= idx(start) && idx(facts.retire) <= idx(end);
  const anchor = p.cells.birth?.cell ?? p.cells.name?.cell ?? "";

  // Completion from the figures: modules ≥ the minimum and periods ≥ 40 × modules.
  const modules = numberOf(p.cells.modules);
  const periods = numberOf(p.cells.periods);
  const perModule = b.periodsPerModule;
  let complete: boolean | undefined;
  let done = "";
  let min = "";
  let doneN = 0;
  let minN = 0;
  let figureCell = "";
  const word = (n: number, w: { vi: string; en: string }) => `${ctx.num(n)} ${w[ctx.locale]}`;
  const MODULE = { vi: "mô đun", en: "modules" };
  const PERIOD = { vi: "tiết", en: "periods" };
  if (modules !== undefined) {
    figureCell = p.cells.modules?.cell ?? "";
    if (modules < b.minModules) {
      complete = false;
      done = word(modules, MODULE);
      min = word(b.minModules, MODULE);
      [doneN, minN] = [modules, b.minModules];
    } else if (periods !== undefined && periods < perModule * modules) {
      complete = false;
      figureCell = p.cells.periods?.cell ?? figureCell;
      done = word(periods, PERIOD);
      min = `${word(perModule * modules, PERIOD)} (${ctx.num(modules)} × ${ctx.num(perModule)})`;
      [doneN, minN] = [periods, perModule * modules];
    } else {
      complete = true;
      done =
        periods !== undefined ? `${word(modules, MODULE)}, ${word(periods, PERIOD)}` : word(modules, MODULE);
    }
  } else if (periods !== undefined) {
    figureCell = p.cells.periods?.cell ?? "";
    complete = periods >= b.minModules * perModule;
    done = word(periods, PERIOD);
    min = word(b.minModules * perModule, PERIOD);
    [doneN, minN] = [periods, b.minModules * perModule];
  }

  const retire = facts ? mm(facts.retire) : "?";
  const base = { person, schoolYear: b.schoolYear, retire };
  if (retiresInYear) {
    // Exempt by law. Listed as unfinished — by its Kết quả, or by short figures in a list that has
    // a Miễn/Giảm column and leaves it blank for them (so counts them as required) — is wrong.
    const listedUnfinished =
      status === "notDone" ||
      (complete === false && p.cells.exemption === undefined && table.personColumns?.exemption !== undefined);
    if (listedUnfinished) {
      ctx.report({
        table,
        messageId: "exemptUnfinished",
        data: { ...base, status: resultText ?? done },
        cells: [p.cells.result?.cell ?? (figureCell || anchor)],
        expected: vi ? "Miễn" : "exempt",
        actual: resultText ?? (figureCell ? doneN : null),
        subject: { detail: `exempt-unfinished|${who}` },
      });
    } else {
      ctx.report({
        table,
        messageId: "exempt",
        data: base,
        cells: [anchor],
        expected: null,
        actual: p.cells.birth ? birthShown(p) : (p.cells.name?.text ?? null),
        severity: "info",
        subject: { detail: `exempt|${who}` },
      });
    }
    return;
  }
  if (mark === "exempt") {
    // Marked exempt: maternity and illness are reductions; anything else must be a retirement
    // within the year, which it is not (an outdated age rule, a wrong birth date…).
    const cell = p.cells.exemption?.cell ?? p.cells.result?.cell ?? anchor;
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
        data: { ...base, mark: shown },
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
  if (complete === undefined) return;
  if (!complete) {
    if (status === "notDone") return; // the list says so itself
    const contradicted = status === "done";
    ctx.report({
      table,
      messageId: contradicted ? "statusContradicts" : "incomplete",
      data: { ...base, done, min, status: resultText ?? "" },
      cells: [contradicted ? (p.cells.result?.cell ?? figureCell) : figureCell],
      expected: contradicted ? (vi ? "Chưa hoàn thành" : "not done") : minN,
      actual: contradicted ? (resultText ?? "") : doneN,
      subject: { detail: `${contradicted ? "status" : "incomplete"}|${who}` },
    });
    return;
  }
  if (status === "notDone") {
    ctx.report({
      table,
      messageId: "statusUnderstated",
      data: { ...base, done, status: resultText ?? "" },
      cells: [p.cells.result?.cell ?? figureCell],
      expected: vi ? "Hoàn thành" : "done",
      actual: resultText ?? "",
      severity: "warning",
      subject: { detail: `status-understated|${who}` },
    });
  }
}
