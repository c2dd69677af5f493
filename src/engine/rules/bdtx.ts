import type { PersonCell } from "../recognize/model";
import type { Rule } from "./api";
import { birthShown, mm, personLabel, personLists, retirementFacts, ym } from "./people-util";

/** What BDTX is counted in. */
const UNITS = {
  modules: { vi: "mô đun", en: "modules" },
  periods: { vi: "tiết", en: "periods" },
};

/**
 * Regular in-service training (BDTX): people retiring within the school year are exempt; the
 * others are done when they completed the rulebook's number of modules (Bình Phước 2023–2024:
 * 3 modules of 40 periods).
 */
export const bdtx: Rule = {
  meta: {
    id: "bdtx",
    title: {
      vi: "Bồi dưỡng thường xuyên: miễn và hoàn thành",
      en: "Regular in-service training: exemption and completion",
    },
    rationale: {
      vi: "Theo kế hoạch BDTX của năm học, giáo viên nghỉ hưu trong năm học được miễn; người còn lại được công nhận hoàn thành khi học đủ số mô đun quy định (ví dụ ít nhất 03 mô đun, mỗi mô đun 40 tiết).",
      en: "Under the school year's BDTX plan, teachers retiring within the year are exempt; the others are done when they completed the required modules (e.g. at least 3 modules of 40 periods).",
    },
    defaultSeverity: "error",
    messages: {
      exempt: {
        vi: "{person}: được miễn BDTX năm học {schoolYear} (nghỉ hưu {retire}).",
        en: "{person}: exempt from BDTX in {schoolYear} (retires {retire}).",
      },
      incomplete: {
        vi: "{person}: chưa hoàn thành BDTX năm học {schoolYear}: {done} < {min}.",
        en: "{person}: BDTX {schoolYear} not complete: {done} < {min}.",
      },
    },
  },
  check(ctx) {
    const b = ctx.rulebook.bdtx;
    if (!b) return;
    const start = ym(b.start);
    const end = ym(b.end);
    const idx = (d: { year: number; month: number }) => d.year * 12 + d.month;
    for (const table of personLists(ctx)) {
      const cols = table.personColumns ?? {};
      if (cols.modules === undefined && cols.periods === undefined) continue;
      for (const p of table.people ?? []) {
        const person = personLabel(p, ctx.locale);
        const subject = { detail: `${p.cells.name?.text ?? ""}|${p.cells.birth?.text ?? ""}` };
        const facts = retirementFacts(p, start);
        if (facts && idx(facts.retire) >= idx(start) && idx(facts.retire) <= idx(end)) {
          ctx.report({
            table,
            messageId: "exempt",
            data: { person, schoolYear: b.schoolYear, retire: mm(facts.retire) },
            cells: [p.cells.birth?.cell ?? p.cells.name?.cell ?? ""],
            expected: null,
            actual: birthShown(p),
            severity: "info",
            subject: { ...subject, detail: `exempt|${subject.detail}` },
          });
          continue;
        }
        // Done is counted in modules when the list has them, else in periods.
        const unit = p.cells.modules ? "modules" : p.cells.periods ? "periods" : undefined;
        if (!unit) continue;
        const cell = p.cells[unit] as PersonCell;
        const done = Number(cell.value);
        const min = unit === "modules" ? b.minModules : b.minModules * b.periodsPerModule;
        const word = ctx.text(UNITS[unit]);
        if (!Number.isFinite(done) || done >= min) continue;
        ctx.report({
          table,
          messageId: "incomplete",
          data: { person, schoolYear: b.schoolYear, done: `${done} ${word}`, min: `${min} ${word}` },
          cells: [cell.cell],
          expected: min,
          actual: done,
          subject,
        });
      }
    }
  },
};
