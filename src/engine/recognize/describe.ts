/**
 * The figure columns a table was read with, for the recognition line of a report ("cột đọc được:
 * MN C, TH D, …, đơn giá I, thành tiền J"): a user sees at once a level column that was not read.
 * Levels go by their ids, the plans' own abbreviations; in English each level is also named in
 * words the first time it appears ("preschool (MN) C"), and by its id after that.
 */
import { columnName } from "../a1";
import { label, levelText, type Locale } from "../i18n";
import type { RecognizedTable } from "./model";

/** The part of a table a report needs to name its columns (a worker sends this, not the table). */
export type TableColumns = Pick<RecognizedTable, "columns" | "valueColumns" | "unreadColumns">;

const MAX_HEADER = 24;

/**
 * "MN C, TH D, đơn giá I, thành tiền J"; the unread ones after: "cột không đọc được: "Mầm non (xyz)" C".
 * `named`: the levels already named in words by an earlier line of the same file's report (English only;
 * the ones named here are added), so that only the first line naming a level spells it out.
 */
export function describeColumns(t: TableColumns, locale: Locale, named: Set<string> = new Set()): string {
  const c = t.columns;
  const parts: [number, string][] = Object.entries(c.levels).map(([id, col]) => {
    if (locale === "vi" || named.has(id)) return [col, id];
    named.add(id);
    return [col, levelText(id, undefined, locale)];
  });
  if (c.levelList !== undefined) parts.push([c.levelList, label(locale, "col.levelList")]);
  if (c.quantity !== undefined) parts.push([c.quantity, label(locale, "col.quantity")]);
  for (const v of t.valueColumns) {
    const h = v.header.length > MAX_HEADER ? `${v.header.slice(0, MAX_HEADER - 1)}…` : v.header;
    parts.push([v.col, `"${h}"`]);
  }
  if (c.unitPrice !== undefined) parts.push([c.unitPrice, label(locale, "col.unitPrice")]);
  if (c.amount !== undefined) parts.push([c.amount, label(locale, "col.amount")]);
  const read = parts
    .sort((a, b) => a[0] - b[0])
    .map(([col, name]) => `${name} ${columnName(col)}`)
    .join(", ");
  const unread = (t.unreadColumns ?? [])
    .map((u) => {
      const h =
        u.header.text.length > MAX_HEADER ? `${u.header.text.slice(0, MAX_HEADER - 1)}…` : u.header.text;
      return `"${h}" ${columnName(u.col)}`;
    })
    .join(", ");
  const out = read ? `${label(locale, "columnsRead")}: ${read}` : "";
  return unread ? `${out}${out ? "; " : ""}${label(locale, "col.unread")}: ${unread}` : out;
}
