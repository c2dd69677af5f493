import { toA1 } from "../a1";
import type { RecognizedTable, TableRow } from "../recognize/model";
import type { UnitList } from "../rulebook/schema";
import { fold } from "../text/normalize";
import { hasMarks, marked } from "../text/tone";
import type { Rule, RuleContext } from "./api";
import { lineRows, tablesOf, totalRows } from "./util";

/**
 * The rows of a registration table are the units of the rulebook's list for the table's year
 * (the 14 districts of Hải Phòng before 1 July 2025; its communes, wards and special zones after):
 * each once, none from elsewhere, none left out. DOMAIN: "Unit lists belong to the rulebook of
 * each plan."
 */
export const unitList: Rule = {
  meta: {
    id: "unit-list",
    title: {
      vi: "Quận/huyện (xã/phường) của bảng đăng ký",
      en: "Districts (communes) of a registration table",
    },
    rationale: {
      vi: "Bảng đăng ký theo địa bàn liệt kê mỗi quận/huyện (xã, phường, đặc khu) của tỉnh, thành phố đúng một lần, theo danh sách trong sổ quy tắc của kế hoạch. Một đơn vị ghi hai lần làm tổng bị cộng hai lần; một đơn vị không thuộc tỉnh (gõ nhầm, chép từ kế hoạch khác) hay một đơn vị bị bỏ sót làm số đăng ký sai mà tổng vẫn có thể khớp.",
      en: "A registration table by area lists each district (commune, ward, special zone) of the province exactly once, as the plan's rulebook lists them. A unit listed twice counts twice in the total; a unit from elsewhere (a typo, a row copied from another plan) or a unit left out makes the registrations wrong even when the total adds up.",
    },
    defaultSeverity: "error",
    messages: {
      duplicate: {
        vi: '"{unit}" đã có ở dòng {first}: mỗi {kind} chỉ ghi một dòng.',
        en: '"{unit}" is already listed on row {first}: each unit ({kind}) has one row.',
      },
      foreign: {
        vi: '"{unit}" không phải {kind} của {province} theo sổ quy tắc ({count} đơn vị: {names}).',
        en: '"{unit}" is not a unit ({kind}) of "{province}" in the rulebook ({count} units: "{names}").',
      },
      missing: {
        vi: 'Bảng không có dòng "{unit}", một {kind} của {province} theo sổ quy tắc: thêm dòng (ghi 0 nếu không có người đăng ký).',
        en: 'The table has no row for "{unit}", a unit ({kind}) of "{province}" in the rulebook: add the row (0 if nobody registers).',
      },
    },
  },
  check(ctx) {
    for (const table of tablesOf(ctx, "registration")) {
      const list = unitListFor(ctx, table);
      if (list) checkTable(ctx, table, list);
    }
  },
};

/** The rulebook's list in force in the table's year; the only list when the year is unknown. */
function unitListFor(ctx: RuleContext, table: RecognizedTable): UnitList | undefined {
  const lists = ctx.rulebook.units;
  if (table.year === undefined) return lists.length === 1 ? lists[0] : undefined;
  const y = table.year;
  return lists.find(
    (l) =>
      (l.validFrom === undefined || l.validFrom <= `${y}-12-31`) &&
      (l.validTo === undefined || l.validTo >= `${y}-01-01`),
  );
}

/** "Quận", "Huyện", "TP.", "Thị xã", "Xã", "Phường", "Đặc khu" before a unit's name. */
const UNIT_PREFIX =
  /^(?:quận|huyện|thị xã|thành phố|tp\.?|q\.|h\.|tx\.?|xã|phường|p\.|thị trấn|tt\.|đặc khu)\s+/iu;

/** The five tone marks (NFD), which old and new spellings place on different vowels ("Thuỷ", "Thủy"). */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * A name's key, its tone marks kept but not where they sit: "Thuỷ Nguyên" and "Thủy Nguyên" are
 * one name, "Kiến An" and "Kiên An" two. A name typed without any mark is folded (marked() does).
 */
export function unitKey(name: string): string {
  const words = marked(name.trim().replace(UNIT_PREFIX, ""));
  return words
    .normalize("NFD")
    .split(" ")
    .map((w) => `${w.replace(TONES, "")}${(w.match(TONES) ?? []).join("")}`)
    .join(" ")
    .normalize("NFC");
}

function kindOf(ctx: RuleContext, list: UnitList): string {
  const f = fold(list.label);
  const commune = /\b(xa|phuong|dac khu)\b/.test(f);
  return ctx.text(
    commune
      ? { vi: "xã, phường, đặc khu", en: "commune, ward or special zone" }
      : { vi: "quận/huyện", en: "district" },
  );
}

function checkTable(ctx: RuleContext, table: RecognizedTable, list: UnitList): void {
  const known = new Map<string, string>();
  // A name typed without marks matches a listed name folded (keys of both kinds are kept).
  const folded = new Map<string, string>();
  for (const n of list.names) {
    known.set(unitKey(n), n);
    folded.set(fold(n), n);
  }
  const extra = new Set(list.extra.flatMap((n) => [unitKey(n), fold(n)]));
  const lookup = (label: string): string | undefined => {
    const k = unitKey(label);
    return hasMarks(label) ? known.get(k) : folded.get(k);
  };
  const rows = lineRows(table).filter((r) => r.label?.text);
  // A list of the province's units names each once: a table of more than twice as many lines (a
  // list of 30 000 schools) is another kind of table, left alone without reading every name.
  if (rows.length > 2 * (list.names.length + list.extra.length) + 10) return;
  const matched = rows.filter((r) => lookup((r.label as { text: string }).text) !== undefined);
  // A table of schools or offices under "Đơn vị" is not a list of the province's units.
  if (matched.length * 2 < rows.length || matched.length === 0) return;
  const kind = kindOf(ctx, list);
  const province = ctx.rulebook.province;
  const seen = new Map<string, TableRow>();
  for (const row of rows) {
    const label = row.label as { text: string; cell: string };
    const name = lookup(label.text);
    if (name === undefined) {
      if (extra.has(unitKey(label.text)) || extra.has(fold(label.text))) continue;
      const names = list.names.length > 20 ? `${list.names.slice(0, 20).join(", ")}…` : list.names.join(", ");
      ctx.report({
        table,
        messageId: "foreign",
        data: { unit: label.text, kind, province, count: ctx.num(list.names.length), names },
        cells: [label.cell],
        expected: null,
        actual: label.text,
        subject: { detail: `unit-foreign|${unitKey(label.text)}` },
      });
      continue;
    }
    const first = seen.get(name);
    if (first) {
      ctx.report({
        table,
        messageId: "duplicate",
        data: { unit: label.text, first: first.r + 1, kind },
        cells: [label.cell],
        expected: null,
        actual: label.text,
        subject: { detail: `unit-duplicate|${unitKey(name)}` },
      });
      continue;
    }
    seen.set(name, row);
  }
  // A unit left out has no row: said on the total row's label, else under the last line.
  const total = totalRows(table).at(-1);
  const last = rows.at(-1);
  const cell =
    total?.label?.cell ??
    total?.tt?.cell ??
    (last
      ? toA1(last.r, table.columns.unit ?? 0)
      : toA1(table.headerRows.at(-1) ?? 0, table.columns.unit ?? 0));
  for (const name of list.names) {
    if (seen.has(name)) continue;
    ctx.report({
      table,
      messageId: "missing",
      data: { unit: name, kind, province },
      cells: [cell],
      expected: name,
      actual: null,
      severity: "warning",
      subject: { detail: `unit-missing|${unitKey(name)}` },
    });
  }
}
