/**
 * Small per-person lists for the rule tables of the per-person rules (upgrade-eligibility,
 * programme-fit, person-data, count-chain). A list is laid out as test/fixtures/people.ts lays the
 * 550 people of seed 001: title, blank line, header on row 4, the first person on sheet row 5, in
 * columns A STT | B Họ và tên | C Ngày sinh | D Giới tính | E Đơn vị công tác | F Quận/huyện |
 * G Cấp học | H Loại hình | I Trình độ hiện tại | J Chức vụ | K Chương trình đào tạo.
 */
import type { CellValue, SheetSnapshot } from "../../src/engine/snapshot";
import { PEOPLE_HEADER, peopleSheet, type Person } from "../fixtures/people";
import { workbook } from "./sheets";

export type { Person };

/** A date cell as ExcelJS gives it. */
export const born = (y: number, m: number, d = 15): CellValue => ({
  date: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
});

/** A primary-school teacher holding cao đẳng, born 1985, registered for CĐ–ĐH in An Lão: eligible. */
export function person(change: Partial<Person> = {}): Person {
  return {
    name: "Nguyễn Thị Lan",
    birth: born(1985, 3, 12),
    gender: "Nữ",
    school: "Trường TH An Lão",
    area: "An Lão",
    level: "Tiểu học",
    sector: "Công lập",
    qualification: "Cao đẳng",
    position: "Giáo viên",
    programme: "CĐ-ĐH",
    ...change,
  };
}

/** The list of the 2024 registrations (title: "… ĐĂNG KÝ ĐÀO TẠO NÂNG TRÌNH ĐỘ CHUẨN NĂM 2024"). */
export function personList(people: Person[], name = "DS 2024"): SheetSnapshot {
  return peopleSheet(people, name);
}

/** A workbook of one 2024 list, one person per change to the default `person()` (row 5 onward). */
export const listOf = (...changes: Partial<Person>[]) => workbook(personList(changes.map((c) => person(c))));

/**
 * A list with only some of the columns (any of PEOPLE_HEADER), in that order from column A, and
 * its own title; `rows` give the cells of each person in the same order.
 */
export function customList(
  title: string,
  columns: (typeof PEOPLE_HEADER)[number][],
  rows: CellValue[][],
  name = "DS",
): SheetSnapshot {
  return { name, values: [[title], [], [], [...columns], ...rows] };
}
