/**
 * =DEAN.* custom functions. Thin wrappers over ./library with the current rulebook of the shared
 * runtime (../shared/rulebook-store): the JSDoc tags generate functions.json
 * (custom-functions-metadata) and the webpack plugin registers them; the same functions run in
 * Node for tests. Parameters are typed as inline unions (metadata type "any"; a type alias would
 * not be understood by the metadata generator) so that the library sees what the cell holds and
 * can say in Vietnamese what it did not understand.
 *
 * Errors: a DeanFunctionError becomes a CustomFunctions.Error (#N/A or #VALUE! with the message)
 * when Excel's CustomFunctions global exists; elsewhere it is rethrown as it is.
 */
import { getRulebook } from "../shared/rulebook-store";
import * as lib from "./library";

interface CustomFunctionsGlobal {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: { invalidValue: string; notAvailable: string };
}

function excel(): CustomFunctionsGlobal | undefined {
  return (globalThis as { CustomFunctions?: CustomFunctionsGlobal }).CustomFunctions;
}

/** Run `f`, turning library errors into Excel errors when running in Excel. */
function call<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    const cf = excel();
    if (!cf) throw e;
    if (e instanceof lib.DeanFunctionError) {
      const code = e.code === "#N/A" ? cf.ErrorCode.notAvailable : cf.ErrorCode.invalidValue;
      throw new cf.Error(code, e.message);
    }
    throw new cf.Error(cf.ErrorCode.invalidValue, e instanceof Error ? e.message : String(e));
  }
}

/**
 * Thành tiền của một cấp học trên một dòng kinh phí theo sổ quy tắc: số người × đơn giá (đào tạo theo tín chỉ: đơn giá tín chỉ × số tín chỉ của năm), tính theo đơn vị của bảng (mặc định triệu đồng). Cộng các cấp học để được thành tiền của dòng.
 * @customfunction COST
 * @param course Nội dung: mã trong sổ quy tắc (ví dụ "stem") hoặc tên như gõ trên dòng (không dấu, sai chính tả nhẹ vẫn nhận).
 * @param level Cấp học: mã hoặc tên, ví dụ "MN", "Mầm non", "THCS".
 * @param count Số người của cấp học đó (ô trống là 0).
 * @param year Năm của kế hoạch, ví dụ 2026. Bỏ trống: năm đầu tiên nội dung được tổ chức theo sổ quy tắc.
 * @param unit Đơn vị kết quả: "triệu" (1000000), "nghìn" (1000) hoặc "đồng" (1). Bỏ trống: đơn vị bảng của sổ quy tắc (triệu đồng).
 * @returns Thành tiền theo đơn vị đã chọn (chưa làm tròn).
 */
export function cost(
  course: number | string | boolean | null,
  level: number | string | boolean | null,
  count: number | string | boolean | null,
  year?: number | string | boolean | null,
  unit?: number | string | boolean | null,
): number {
  return call(() => lib.cost(getRulebook(), course, level, count, year, unit));
}

/**
 * Đơn giá một người của một nội dung trong một năm theo sổ quy tắc (đào tạo theo tín chỉ: đơn giá tín chỉ × số tín chỉ của năm).
 * @customfunction UNITPRICE
 * @param course Nội dung: mã trong sổ quy tắc hoặc tên như gõ trên dòng.
 * @param year Năm của kế hoạch. Bỏ trống: năm đầu tiên nội dung được tổ chức.
 * @param unit Đơn vị kết quả: "triệu", "nghìn" hoặc "đồng" (hoặc 1000000, 1000, 1). Bỏ trống: triệu đồng.
 * @returns Đơn giá một người theo đơn vị đã chọn.
 */
export function unitPrice(
  course: number | string | boolean | null,
  year?: number | string | boolean | null,
  unit?: number | string | boolean | null,
): number {
  return call(() => lib.unitPrice(getRulebook(), course, year, unit));
}

/**
 * Số người dự kiến của một cấp học cho một nội dung trong một năm: định mức người/trường × số trường của cấp học, hoặc số cố định của sổ quy tắc; 0 nếu cấp học không được tham gia.
 * @customfunction EXPECTED
 * @param course Nội dung: mã trong sổ quy tắc hoặc tên như gõ trên dòng.
 * @param level Cấp học: mã hoặc tên, ví dụ "MN", "Tiểu học".
 * @param year Năm của kế hoạch. Bỏ trống: năm đầu tiên nội dung được tổ chức.
 * @returns Số người dự kiến.
 */
export function expected(
  course: number | string | boolean | null,
  level: number | string | boolean | null,
  year?: number | string | boolean | null,
): number {
  return call(() => lib.expected(getRulebook(), course, level, year));
}

/**
 * Cấp học có được tham gia nội dung này không (TRUE/FALSE) theo sổ quy tắc.
 * @customfunction ELIGIBLE
 * @param course Nội dung: mã trong sổ quy tắc hoặc tên như gõ trên dòng.
 * @param level Cấp học: mã hoặc tên, ví dụ "THPT", "Giáo dục nghề nghiệp".
 * @returns TRUE nếu cấp học được tham gia, FALSE nếu không.
 */
export function eligible(
  course: number | string | boolean | null,
  level: number | string | boolean | null,
): boolean {
  return call(() => lib.eligible(getRulebook(), course, level));
}

/**
 * Số tín chỉ một chương trình đào tạo nâng chuẩn giảng dạy trong một năm của kế hoạch (0 nếu năm đó không có).
 * @customfunction CREDITS
 * @param programme Chương trình đào tạo tính theo tín chỉ: mã (ví dụ "tc-dh") hoặc tên (ví dụ "TC-ĐH").
 * @param year Năm của kế hoạch, ví dụ 2026.
 * @returns Số tín chỉ của năm.
 */
export function credits(
  programme: number | string | boolean | null,
  year: number | string | boolean | null,
): number {
  return call(() => lib.credits(getRulebook(), programme, year));
}

/**
 * Ngày nghỉ hưu theo Nghị định 135/2020/NĐ-CP (theo tháng sinh): ngày cuối của tháng đủ tuổi nghỉ hưu. Kết quả là số ngày kiểu Excel: định dạng ô kiểu ngày (dd/mm/yyyy) để xem.
 * @customfunction RETIREMENT
 * @param birth_date Ngày sinh: ô ngày của Excel hoặc chữ ngày/tháng/năm, ví dụ "15/03/1966".
 * @param gender Giới tính: "Nam" hoặc "Nữ".
 * @returns Ngày nghỉ hưu (số ngày kiểu Excel; định dạng ô kiểu ngày).
 */
export function retirement(
  birth_date: number | string | boolean | null,
  gender: number | string | boolean | null,
): number {
  return call(() => lib.retirement(birth_date, gender));
}

/**
 * Số tháng còn công tác trước khi nghỉ hưu (Nghị định 135/2020/NĐ-CP), tính cả tháng bắt đầu và tháng nghỉ hưu; mặc định từ tháng 7/2020; 0 nếu đã nghỉ hưu trước tháng bắt đầu.
 * @customfunction MONTHSLEFT
 * @param birth_date Ngày sinh: ô ngày của Excel hoặc chữ ngày/tháng/năm.
 * @param gender Giới tính: "Nam" hoặc "Nữ".
 * @param from Tháng bắt đầu tính (ô ngày hoặc chữ, ví dụ "01/07/2020"). Bỏ trống: tháng 7/2020.
 * @returns Số tháng còn lại đến hết tháng nghỉ hưu.
 */
export function monthsLeft(
  birth_date: number | string | boolean | null,
  gender: number | string | boolean | null,
  from?: number | string | boolean | null,
): number {
  return call(() => lib.monthsLeft(birth_date, gender, from));
}

/**
 * Số tiền bằng chữ, như ghi dưới bảng kinh phí ("Một trăm bảy mươi chín tỷ … đồng").
 * @customfunction WORDS
 * @param amount Số tiền, tính bằng đồng.
 * @returns Số tiền bằng chữ.
 */
export function words(amount: number | string | boolean | null): string {
  return call(() => lib.words(amount));
}
