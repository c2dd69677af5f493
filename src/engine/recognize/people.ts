/**
 * Per-person lists (Danh sách): columns found by their header text in any order, each person's
 * level, qualification, sector, gender, programme and birth date read into the plan's vocabulary.
 */
import { readDateCell } from "../dates/parse";
import { parseGender } from "../law/retirement";
import type { Qualification } from "../rulebook/schema";
import { fold } from "../text/normalize";
import { TonePattern } from "../text/tone";
import type { Grid } from "./grid";
import type { HeaderReading } from "./headers";
import type { PersonField, PersonRow, RecognizedTable } from "./model";
import { isTotalLabel } from "./labels";
import type { RecognitionContext } from "./recognize";

/** Lines under a list that are no person: who drew it up, who signs. */
const SIGNATURE = new TonePattern("^(người lập|thủ trưởng|ký tên|xác nhận|hiệu trưởng ký)\\b");

/** Header patterns (folded text). Order matters: "trình độ đăng ký đào tạo" is a programme, not a qualification. */
const FIELDS: [PersonField, RegExp][] = [
  ["name", /^(ho va ten|ho ten|ho ten gv|ho va ten giao vien|ho va ten cbql gv)\b/],
  ["birth", /^(ngay sinh|ngay thang nam sinh|ngay thang sinh|sinh ngay|nam sinh)\b/],
  ["gender", /^(gioi tinh|nam nu|gioi)$/],
  [
    "programme",
    /^(chuong trinh dao tao|chuong trinh dang ky|hinh thuc dao tao|dang ky dao tao|trinh do dang ky|nganh dao tao|he dao tao|chuong trinh|khoa dao tao)\b/,
  ],
  [
    "qualification",
    /^(trinh do|trinh do chuyen mon|trinh do hien tai|trinh do dao tao hien tai|trinh do dao tao|van bang)\b/,
  ],
  ["school", /^(don vi|don vi cong tac|truong|ten truong|noi cong tac|co so giao duc)\b/],
  ["area", /^(quan huyen|huyen|xa phuong|xa phuong dac khu|phuong xa|dia ban|quan huyen thi xa)\b/],
  ["level", /^(cap hoc|cap|bac hoc)$/],
  ["sector", /^(loai hinh|cong lap|loai hinh truong|cong lap ngoai cong lap|cl ncl)\b/],
  ["position", /^(chuc vu|chuc danh)\b/],
  ["modules", /^(so mo dun|mo dun hoan thanh|so mo dun hoan thanh|so mo dun da hoan thanh)\b/],
  ["periods", /^(so tiet|tong so tiet|so tiet hoan thanh)\b/],
  // BDTX lists carry their own judgement: Kết quả, Miễn/Giảm, Ghi chú (seed 004).
  ["result", /^(ket qua|ket qua bdtx|ket qua bd|xep loai|danh gia ket qua|cong nhan)\b/],
  ["exemption", /^(mien giam|mien hoac giam|doi tuong mien giam|thuoc dien mien giam|mien giam bdtx)\b/],
  ["remark", /^(ghi chu|ly do)\b/],
];

function personColumns(header: HeaderReading): Partial<Record<PersonField, number>> {
  const out: Partial<Record<PersonField, number>> = {};
  for (const [col, text] of header.texts) {
    const f = fold(text);
    const field = FIELDS.find(([k, re]) => out[k] === undefined && re.test(f));
    if (field) out[field[0]] = col;
  }
  if (out.name === undefined && header.columns.person !== undefined) out.name = header.columns.person;
  return out;
}

const QUALIFICATIONS: [RegExp, Qualification][] = [
  [/\b(thac si|ths|tien si|ts)\b/, "ThS"],
  [/\b(dai hoc|dh|cu nhan|cn|ky su)\b/, "DH"],
  [/\b(cao dang|cd|cdsp)\b/, "CD"],
  [/\b(trung cap|tc|tcsp|so cap)\b/, "TC"],
];

function readQualification(text: string): Qualification | undefined {
  const f = fold(text);
  return QUALIFICATIONS.find(([re]) => re.test(f))?.[1];
}

function readSector(text: string): "cong-lap" | "ngoai-cong-lap" | undefined {
  const f = fold(text);
  if (/\b(ngoai cong lap|ncl|tu thuc|dan lap)\b/.test(f)) return "ngoai-cong-lap";
  if (/\b(cong lap|cl)\b/.test(f)) return "cong-lap";
  return undefined;
}

/** Reads the people of a person list below its header. */
export function readPeople(
  grid: Grid,
  table: RecognizedTable,
  header: HeaderReading,
  ctx: RecognitionContext,
): void {
  const cols = personColumns(header);
  table.personColumns = cols;
  table.people = [];
  if (cols.name === undefined) return;
  const first = header.rows[header.rows.length - 1] + 1;
  for (let r = first; r < grid.rowCount; r++) {
    if (grid.rowIsBlank(r)) continue;
    const name = grid.text(r, cols.name);
    // A numbering row ("(1) (2) (3)") or a total or signature line under the list is not a person
    // ("Tổng số" is; "Tống Văn Bình" is a person: the marks decide).
    if (!name || /^\(?\d+\)?$/.test(name) || isTotalLabel(name) || SIGNATURE.test(name)) continue;
    const p: PersonRow = { r, cells: {} };
    for (const [field, c] of Object.entries(cols) as [PersonField, number][]) {
      const value = grid.value(r, c);
      const text = grid.text(r, c);
      if (text) p.cells[field] = { value, text, cell: grid.a1(r, c) };
    }
    const t = (f: PersonField) => p.cells[f]?.text ?? "";
    if (t("level")) p.level = ctx.levels.get(t("level"));
    if (t("qualification")) p.qualification = readQualification(t("qualification"));
    if (t("sector")) p.sector = readSector(t("sector"));
    if (t("gender")) p.gender = parseGender(t("gender"));
    if (t("programme")) p.programme = ctx.courses.match(t("programme"))?.key;
    if (p.cells.birth) p.birth = readDateCell(p.cells.birth.value);
    table.people.push(p);
  }
}
