import { own } from "../recognize/model";
import type { Rule } from "./api";
import {
  birthShown,
  inUpgradeList,
  mm,
  monthsThreshold,
  personKey,
  personLabel,
  personLists,
  QUALIFICATION_RANK,
  retirementFacts,
  ym,
} from "./people-util";
import { qualificationText } from "../i18n";

/**
 * Only people the law obliges to upgrade belong in an upgrade list: a level with an upgrade duty,
 * a qualification below that level's standard, and enough service left on the reference date
 * (84 months from 1 July 2020; 96 for TH teachers holding trung cấp), by Decree 135 retirement.
 */
export const upgradeEligibility: Rule = {
  meta: {
    id: "upgrade-eligibility",
    title: { vi: "Đối tượng phải nâng trình độ chuẩn", en: "Who must upgrade" },
    rationale: {
      vi: "Theo Nghị định 71/2020/NĐ-CP (sửa đổi bởi Nghị định 311/2025/NĐ-CP), chỉ GV, CBQL mầm non chưa có bằng cao đẳng sư phạm, tiểu học và THCS chưa có bằng cử nhân, còn ít nhất 84 tháng công tác tính từ 01/7/2020 (96 tháng với GV tiểu học trình độ trung cấp) mới thuộc đối tượng đào tạo nâng chuẩn; người không thuộc đối tượng làm tốn kinh phí và phải trả lại danh sách.",
      en: "Under Decree 71/2020 (amended by Decree 311/2025) only preschool staff without a college degree and primary and lower-secondary staff without a bachelor's degree, with at least 84 months of service left from 1 July 2020 (96 for primary teachers holding trung cấp), must upgrade; anyone else in the list costs money and is sent back.",
    },
    defaultSeverity: "error",
    messages: {
      level: {
        vi: "{person}: cấp {level} không có nghĩa vụ nâng trình độ chuẩn.",
        en: "{person}: level {level} has no upgrade duty.",
      },
      standard: {
        vi: "{person}: đã đạt chuẩn ({qualification}; chuẩn của cấp {level} là {standard}).",
        en: "{person}: already at the standard ({qualification}; the standard for {level} is {standard}).",
      },
      months: {
        vi: "{person}: nghỉ hưu {retire}, còn {left} tháng < {min} tính từ {from}: không thuộc đối tượng phải nâng chuẩn.",
        en: "{person}: retires {retire}, {left} months left < {min} from {from}: not required to upgrade.",
      },
    },
  },
  check(ctx) {
    const u = ctx.rulebook.upgrade;
    if (!u) return;
    const from = ym(u.from);
    for (const table of personLists(ctx)) {
      for (const p of table.people) {
        if (!inUpgradeList(ctx.rulebook, table, p)) continue;
        const person = personLabel(p, ctx.locale);
        const subject = { detail: personKey(p) };
        if (p.level && !(p.level in u.standard)) {
          ctx.report({
            table,
            messageId: "level",
            data: { person, level: ctx.levelName(p.level) },
            // Stryker disable next-line OptionalChaining,StringLiteral: p.level is read from this cell (recognize/people.ts), so it exists
            cells: [p.cells.level?.cell ?? ""],
            expected: null,
            actual: p.cells.level?.text ?? null,
            subject: { ...subject, level: p.level },
          });
          continue;
        }
        const standard = p.level ? own(u.standard, p.level) : undefined;
        if (
          // Stryker disable next-line ConditionalExpression,LogicalOperator: without a standard the rank comparison is false anyway (a number >= undefined)
          standard &&
          p.qualification &&
          QUALIFICATION_RANK[p.qualification] >= QUALIFICATION_RANK[standard]
        ) {
          ctx.report({
            table,
            messageId: "standard",
            data: {
              person,
              qualification: qualificationText(p.qualification, ctx.locale),
              level: ctx.levelName(p.level as string),
              standard: qualificationText(standard, ctx.locale),
            },
            // Stryker disable next-line OptionalChaining,StringLiteral: p.qualification is read from this cell (recognize/people.ts), so it exists
            cells: [p.cells.qualification?.cell ?? ""],
            expected: null,
            actual: p.cells.qualification?.text ?? null,
            subject: { ...subject, level: p.level },
          });
          continue;
        }
        const facts = retirementFacts(p, from);
        const min = monthsThreshold(u, p);
        if (facts && facts.left < min) {
          ctx.report({
            table,
            messageId: "months",
            data: { person, retire: mm(facts.retire), left: facts.left, min, from: mm(from) },
            // The row should leave the list: nothing to write in the cell, the months are in the message.
            // Stryker disable next-line OptionalChaining,StringLiteral: the months are known only from a birth cell, so it exists
            cells: [p.cells.birth?.cell ?? p.cells.name?.cell ?? ""],
            expected: null,
            actual: birthShown(p),
            subject,
          });
        }
      }
    }
  },
};
