/**
 * Phân công thực hiện: TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian | Sản phẩm.
 * One line per course of the year in rulebook order (sub-lines "- …" under their group), the
 * time pre-filled with the year, then blank lines for other duties, numbered by formula as their
 * content is typed. Units and products are the plan's decisions, left blank.
 */
import {
  autoNumber,
  f,
  lineLabel,
  lineNumbers,
  SheetBuilder,
  sheetName,
  titleBlock,
  v,
  yearLines,
  type BuildContext,
} from "./layout";
import type { TemplateSheet } from "./spec";

/** Blank lines for duties that are not courses (communication, inspection, reports…). */
const DEFAULT_EXTRA_DUTIES = 5;

export function assignmentSheet(ctx: BuildContext): TemplateSheet {
  const { rulebook, year } = ctx;
  const b = new SheetBuilder([5, 50, 18, 32, 14, 26]);
  titleBlock(b, {
    appendix: ctx.appendix,
    province: rulebook.province,
    titles: [`Phân công thực hiện kế hoạch đào tạo, bồi dưỡng năm ${year}`],
  });
  const header = b.add(
    ["TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian", "Sản phẩm"].map((h) =>
      v(h, "header"),
    ),
  );
  const lines = yearLines(rulebook, year);
  const numbers = lineNumbers(lines);
  lines.forEach((l, i) =>
    b.add([
      v(numbers[i], "center"),
      v(lineLabel(l), "text"),
      v(null, "center"),
      v(null, "text"),
      v(`Năm ${year}`, "center"),
      v(null, "text"),
    ]),
  );
  const extra = ctx.rows ?? DEFAULT_EXTRA_DUTIES;
  for (let i = 0; i < extra; i++) {
    const r = b.next;
    b.add([
      f(autoNumber(r, header, 1), "center"),
      v(null, "text"),
      v(null, "center"),
      v(null, "text"),
      v(null, "center"),
      v(null, "text"),
    ]);
  }
  return b.sheet({
    name: sheetName(`Phân công ${year}`),
    kind: "assignment",
    year,
    printTitleRows: [header, header],
    freeze: { rows: header + 1, cols: 0 },
  });
}
