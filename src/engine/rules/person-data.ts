import { toA1 } from "../a1";
import { formatDateVi } from "../dates/parse";
import { collapseSpaces, fold } from "../text/normalize";
import type { PersonField, PersonRow, RecognizedTable } from "../recognize/model";
import { phrase, type Locale } from "../i18n";
import type { Rule } from "./api";
import {
  birthOf,
  birthShown,
  inUpgradeList,
  personKey,
  personLabel,
  personLists,
  retirementFacts,
  rowName,
  ym,
} from "./people-util";

/** Cells every person needs, with their names in messages (vi, en). */
const REQUIRED: [PersonField, Record<Locale, string>][] = [
  ["name", { vi: "Họ và tên", en: "Name" }],
  ["birth", { vi: "Ngày sinh", en: "Birth date" }],
  ["gender", { vi: "Giới tính", en: "Gender" }],
  ["level", { vi: "Cấp học", en: "Level" }],
  ["qualification", { vi: "Trình độ", en: "Qualification" }],
];

/** A name typed without any Vietnamese letter or tone mark ("Nguyen Thi Lan"). */
function isToneless(name: string): boolean {
  // Stryker disable next-line EqualityOperator: charCodeAt past the end is NaN (never > 127), and U+007F (DEL) is in no name
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 127) return false;
  return true;
}

/** The data of each person can be trusted: one row per person, real dates, working ages, nothing blank. */
export const personData: Rule = {
  meta: {
    id: "person-data",
    title: { vi: "Dữ liệu từng người", en: "Data of each person" },
    rationale: {
      vi: "Mỗi người chỉ có một dòng (kể cả giữa các danh sách), ngày sinh là ngày có thật và viết theo thứ tự ngày/tháng/năm, tuổi nằm trong độ tuổi lao động, các ô bắt buộc không trống: số liệu cộng lên bảng quận/huyện và kế hoạch đều dựa vào đó.",
      en: "One row per person (across lists too), real birth dates written day/month/year, ages within working age, required cells filled: the district tables and the plan are added up from these rows.",
    },
    defaultSeverity: "error",
    messages: {
      duplicate: {
        vi: "{person} trùng với {other}: cùng họ tên và ngày sinh.",
        en: "{person} duplicates {other}: same name and birth date.",
      },
      date: {
        vi: '{person}: ngày sinh "{text}" không đọc được: {reason}.',
        en: '{person}: birth date "{text}" cannot be read: {reason}.',
      },
      dateText: {
        vi: '{person}: ngày sinh ghi dạng chữ "{text}", đã đọc là {date} (ngày/tháng/năm){reading}.',
        en: '{person}: birth date typed as text "{text}", read as {date} (day/month/year){reading}.',
      },
      age: {
        vi: "{person}: sinh {date}, {age} tuổi vào {when}: ngoài độ tuổi lao động.",
        en: "{person}: born {date}, aged {age} in {when}: outside working age.",
      },
      blank: { vi: "{person}: chưa ghi {field}.", en: "{person}: {field} is blank." },
    },
  },
  check(ctx) {
    // Each person by name as written (case and spacing aside) and birth date; and by name without
    // its tone marks, for a name typed without any (Lan and Lân are two people).
    const seen = new Map<string, { table: RecognizedTable; p: PersonRow }>();
    // Only the first person of a folded name is kept there: a later one with tone marks never
    // matches a name with tone marks, and one without any matches that first one.
    const seenFolded = new Map<string, { table: RecognizedTable; p: PersonRow; toneless: boolean }>();
    const ref = ctx.rulebook.upgrade
      ? ym(ctx.rulebook.upgrade.from)
      : { year: ctx.rulebook.years[0], month: 1 };
    for (const table of personLists(ctx)) {
      for (const p of table.people) {
        const person = personLabel(p, ctx.locale);
        const subject = { detail: personKey(p) };
        const birth = birthOf(p);
        // Duplicates: same name and birth date; the tone marks count unless a name has none.
        if (p.cells.name && birth) {
          const day = formatDateVi(birth);
          const name = p.cells.name.text;
          const toneless = isToneless(name);
          // Stryker disable next-line MethodExpression: upper case folds capitals away as well as lower case does
          const key = `${collapseSpaces(name).toLowerCase()}|${day}`;
          const foldedKey = `${fold(name)}|${day}`;
          const sameFolded = seenFolded.get(foldedKey);
          const first = seen.get(key) ?? (toneless || sameFolded?.toneless ? sameFolded : undefined);
          if (first) {
            const other =
              first.table === table
                ? rowName(first.p.r, ctx.locale)
                : `${first.table.sheet}, ${rowName(first.p.r, ctx.locale)}`;
            ctx.report({
              table,
              messageId: "duplicate",
              data: { person, other },
              cells: [p.cells.name.cell],
              expected: null,
              actual: p.cells.name.text,
              subject: { ...subject, detail: `dup|${subject.detail}` },
            });
          } else {
            seen.set(key, { table, p });
            if (!sameFolded) seenFolded.set(foldedKey, { table, p, toneless });
          }
        }
        const b = p.cells.birth;
        if (b && p.birth && "error" in p.birth) {
          ctx.report({
            table,
            messageId: "date",
            data: { person, text: b.text, reason: phrase(p.birth.error, ctx.locale) },
            cells: [b.cell],
            expected: null,
            actual: b.text,
            subject,
          });
        } else if (b && p.birth && "date" in p.birth && typeof b.value === "string") {
          ctx.report({
            table,
            messageId: "dateText",
            data: {
              person,
              text: b.text,
              date: formatDateVi(p.birth.date),
              reading: p.birth.date.reading ? `; ${phrase(p.birth.date.reading, ctx.locale)}` : "",
            },
            cells: [b.cell],
            expected: formatDateVi(p.birth.date),
            actual: b.text,
            severity: "info",
            subject: { ...subject, detail: `text|${subject.detail}` },
          });
        }
        if (birth) {
          const age = ref.year - birth.year - (ref.month < birth.month ? 1 : 0);
          const facts = retirementFacts(p, ref);
          if (age < 18 || age > 70 || (facts && facts.left < -120)) {
            ctx.report({
              table,
              messageId: "age",
              data: {
                person,
                date: formatDateVi(birth),
                age,
                when: `${String(ref.month).padStart(2, "0")}/${ref.year}`,
              },
              // Stryker disable next-line OptionalChaining,StringLiteral: a birth date is read only from its cell, so it exists
              cells: [p.cells.birth?.cell ?? ""],
              expected: null,
              actual: birthShown(p),
              severity: "warning",
              subject: { ...subject, detail: `age|${subject.detail}` },
            });
          }
        }
        const required = inUpgradeList(ctx.rulebook, table, p) ? REQUIRED : REQUIRED.slice(0, 3);
        for (const [field, name] of required) {
          // Stryker disable next-line OptionalChaining: recognize/people.ts sets personColumns on every person list
          if (table.personColumns?.[field] === undefined || p.cells[field]) continue;
          const col = table.personColumns[field];
          ctx.report({
            table,
            messageId: "blank",
            data: { person, field: name[ctx.locale] },
            cells: [toA1(p.r, col)],
            expected: null,
            actual: null,
            severity: "warning",
            subject: { ...subject, detail: `blank-${field}|${subject.detail}` },
          });
        }
      }
    }
  },
};
