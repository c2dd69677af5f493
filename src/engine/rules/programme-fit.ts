import { own } from "../recognize/model";
import type { Rule } from "./api";
import { inUpgradeList, personKey, personLabel, personLists, QUALIFICATION_RANK } from "./people-util";
import { courseById } from "../plan/lookup";
import { qualificationText, sectorText } from "../i18n";

/** The programme a person is registered for fits them: their qualification, their level, their school's sector. */
export const programmeFit: Rule = {
  meta: {
    id: "programme-fit",
    title: { vi: "Chương trình đào tạo phù hợp người học", en: "Programme fits the person" },
    rationale: {
      vi: "Mỗi chương trình nâng chuẩn dành cho người có trình độ xuất phát nhất định (TC-ĐH cho người có trung cấp, CĐ-ĐH cho người có cao đẳng), ở những cấp học và loại hình trường nhất định (kế hoạch 2024: TC-ĐH cho mầm non công lập, TC-CĐ cho mầm non ngoài công lập).",
      en: "Each upgrade programme is for people holding a given qualification (TC-ĐH for trung cấp, CĐ-ĐH for cao đẳng), at given levels and school sectors (2024 plan: TC-ĐH for public preschools, TC-CĐ for non-public ones).",
    },
    defaultSeverity: "error",
    messages: {
      from: {
        vi: '{person}: chương trình "{programme}" dành cho người có trình độ {from}, người này có trình độ {qualification}.',
        en: '{person}: "{programme}" is for people holding {from}; this person holds {qualification}.',
      },
      level: {
        vi: '{person}: chương trình "{programme}" không dành cho cấp {level} (chỉ cho {levels}).',
        en: '{person}: "{programme}" is not for level {level} (only {levels}).',
      },
      sector: {
        vi: '{person}: chương trình "{programme}" dành cho trường {wanted}, người này ở trường {sector}.',
        en: '{person}: "{programme}" is for {wanted} schools; this person is in a {sector} school.',
      },
    },
  },
  // The programme does not fit the person; whether the programme or the person's data is wrong is
  // not decided here: the finding names the programme cell with what it holds, and no expected value.
  check(ctx) {
    const u = ctx.rulebook.upgrade;
    for (const table of personLists(ctx)) {
      for (const p of table.people) {
        const course = courseById(ctx.rulebook, p.programme);
        if (!course || !inUpgradeList(ctx.rulebook, table, p)) continue;
        // People with no upgrade duty or already at the standard are upgrade-eligibility's findings.
        const standard = p.level ? own(u?.standard, p.level) : undefined;
        if (
          u &&
          p.level &&
          (!standard ||
            (p.qualification && QUALIFICATION_RANK[p.qualification] >= QUALIFICATION_RANK[standard]))
        )
          continue;
        const person = personLabel(p, ctx.locale);
        // Stryker disable next-line OptionalChaining: p.programme is read from this cell (recognize/people.ts), so it exists
        const programme = p.cells.programme?.text ?? course.name;
        const subject = {
          course: course.id,
          detail: personKey(p),
        };
        if (course.programme && p.qualification && p.qualification !== course.programme.from) {
          ctx.report({
            table,
            messageId: "from",
            data: {
              person,
              programme,
              from: qualificationText(course.programme.from, ctx.locale),
              qualification: qualificationText(p.qualification, ctx.locale),
            },
            // Stryker disable next-line OptionalChaining,StringLiteral,MethodExpression: p.programme and p.qualification are read from these cells, so both exist
            cells: [p.cells.programme?.cell ?? "", p.cells.qualification?.cell ?? ""].filter(Boolean),
            expected: null,
            // Stryker disable next-line OptionalChaining: p.programme is read from this cell, so it exists
            actual: p.cells.programme?.text ?? null,
            subject,
          });
        } else if (p.level && !course.levels.includes(p.level)) {
          ctx.report({
            table,
            messageId: "level",
            data: {
              person,
              programme,
              level: ctx.levelName(p.level),
              levels: course.levels.join(", "),
            },
            // Stryker disable next-line OptionalChaining,StringLiteral,MethodExpression: p.programme and p.level are read from these cells, so both exist
            cells: [p.cells.programme?.cell ?? "", p.cells.level?.cell ?? ""].filter(Boolean),
            expected: null,
            // Stryker disable next-line OptionalChaining: p.programme is read from this cell, so it exists
            actual: p.cells.programme?.text ?? null,
            subject,
          });
        } else if (course.sector && p.sector && p.sector !== course.sector) {
          ctx.report({
            table,
            messageId: "sector",
            data: {
              person,
              programme,
              wanted: sectorText(course.sector, ctx.locale),
              sector: sectorText(p.sector, ctx.locale),
            },
            // Stryker disable next-line OptionalChaining,StringLiteral,MethodExpression: p.programme and p.sector are read from these cells, so both exist
            cells: [p.cells.programme?.cell ?? "", p.cells.sector?.cell ?? ""].filter(Boolean),
            expected: null,
            // Stryker disable next-line OptionalChaining: p.programme is read from this cell, so it exists
            actual: p.cells.programme?.text ?? null,
            subject,
          });
        }
      }
    }
  },
};
