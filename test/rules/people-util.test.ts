/**
 * What the per-person rules say of a person, from the helpers they share: the birth cell as a
 * finding names it (its `actual`), and the months left a person needs to be required to upgrade
 * (the rulebook's exceptions by level and qualification first).
 */
import { readDateCell } from "../../src/engine/dates/parse";
import { cellText } from "../../src/engine/recognize/grid";
import type { PersonRow } from "../../src/engine/recognize/model";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { birthShown, monthsThreshold } from "../../src/engine/rules/people-util";
import type { CellValue } from "../../src/engine/snapshot";

/** A person on sheet row 5 as recognize/people.ts reads one: name in B, the birth cell in C. */
function personRow(birth: CellValue | undefined, more: Partial<PersonRow> = {}): PersonRow {
  const p: PersonRow = {
    r: 4,
    cells: { name: { value: "Đỗ Văn Dũng", text: "Đỗ Văn Dũng", cell: "B5" } },
    ...more,
  };
  if (birth !== undefined) {
    p.cells.birth = { value: birth, text: cellText(birth), cell: "C5" };
    p.birth = readDateCell(birth);
  }
  return p;
}

describe("birthShown: the birth cell as a finding names it", () => {
  it("a date cell shows day/month/year", () => {
    expect(birthShown(personRow({ date: "1963-08-03" }))).toBe("03/08/1963");
  });

  it("an Excel date number shows day/month/year", () => {
    expect(birthShown(personRow(23226))).toBe("03/08/1963");
  });

  it("a date typed as text is named as typed", () => {
    expect(birthShown(personRow("3/8/1963"))).toBe("3/8/1963");
  });

  it("a cell that is no date is named as it shows", () => {
    expect(birthShown(personRow(true))).toBe("TRUE");
    expect(birthShown(personRow("chưa rõ"))).toBe("chưa rõ");
  });

  it("without a birth cell, the name is named", () => {
    expect(birthShown(personRow(undefined))).toBe("Đỗ Văn Dũng");
  });
});

describe("monthsThreshold: months left to be required to upgrade (Hải Phòng 2024)", () => {
  const upgrade = builtinRulebook("hai-phong-2024").upgrade;
  if (!upgrade) throw new Error("hai-phong-2024 has an upgrade duty");

  it("a primary teacher holding trung cấp: the exception's 96 months", () => {
    expect(monthsThreshold(upgrade, personRow(undefined, { level: "TH", qualification: "TC" }))).toBe(96);
  });

  it("a primary teacher holding cao đẳng: the usual 84", () => {
    expect(monthsThreshold(upgrade, personRow(undefined, { level: "TH", qualification: "CD" }))).toBe(84);
  });

  it("a lower-secondary teacher holding trung cấp: the usual 84", () => {
    expect(monthsThreshold(upgrade, personRow(undefined, { level: "THCS", qualification: "TC" }))).toBe(84);
  });
});
