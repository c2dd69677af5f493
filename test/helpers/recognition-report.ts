/** The engine's reading of a workbook in a few lines: kind, year, unit and columns of each sheet. */
import { toA1 } from "../../src/engine/a1";
import { phrase, scaleName } from "../../src/engine/i18n";
import { holdsMoney, type RecognizedWorkbook } from "../../src/engine/recognize/model";

const col = (c: number) => toA1(0, c).replace(/\d+$/, "");

export function recognitionReport(wb: RecognizedWorkbook): string {
  const lines: string[] = [];
  for (const t of wb.tables) {
    const columns = Object.entries(t.columns)
      .flatMap(([role, c]) =>
        role === "levels"
          ? Object.entries(c as Record<string, number>).map(([level, lc]) => `${level}=${col(lc)}`)
          : [`${role}=${col(c as number)}`],
      )
      .join(" ");
    const values = t.valueColumns
      .map((v) => `${col(v.col)}=${v.courseId ?? "?"}${v.level ? `/${v.level}` : ""}`)
      .join(" ");
    const people = Object.entries(t.personColumns ?? {})
      .map(([field, c]) => `${field}=${col(c)}`)
      .join(" ");
    const rows = t.rows.reduce<Record<string, number>>(
      (m, r) => ({ ...m, [r.kind]: (m[r.kind] ?? 0) + 1 }),
      {},
    );
    lines.push(
      `✓ ${t.sheet}: ${t.kind}, year ${t.year ?? "-"}, ${holdsMoney(t.kind) ? `unit ${scaleName(t.scale, "en")} (${t.scaleSource}), ` : ""}` +
        `header rows ${t.headerRows.map((r) => r + 1).join("-")}; ${people || columns}${values ? `; values ${values}` : ""}; rows ${Object.entries(
          rows,
        )
          .map(([k, n]) => `${n} ${k}`)
          .join(", ")}${t.people ? `; ${t.people.length} people` : ""}`,
    );
  }
  for (const s of wb.skipped)
    lines.push(`– ${s.sheet}: ${s.unreadable ? "UNREADABLE " : ""}${phrase(s.reason, "en")}`);
  return lines.join("\n");
}
