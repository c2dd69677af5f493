/** Words of the task pane, Vietnamese first. Engine words (severities, kinds) come from engine/i18n. */
import type { Locale } from "../engine/rules/api";

const vi = {
  title: "Kiểm tra Phụ lục",
  subtitle: "Đối chiếu các Phụ lục với sổ quy tắc của kế hoạch",
  rulebook: "Sổ quy tắc",
  check: "Kiểm tra Phụ lục",
  checking: "Đang kiểm tra…",
  reading: "Đang đọc sổ tính… {percent}%",
  clear: "Xóa đánh dấu",
  cleared: "Đã xóa {count} đánh dấu.",
  export: "Xuất báo cáo",
  exported: 'Đã ghi báo cáo vào trang "{sheet}".',
  language: "English",
  intro:
    "Bấm Kiểm tra Phụ lục để kiểm tra mọi trang phụ lục của sổ tính đang mở. Các ô sai được tô màu ngay trên trang tính; bấm vào một phát hiện để đi tới ô đó.",
  emptyWorkbook: "Sổ tính trống: không có trang tính nào có dữ liệu.",
  noAppendix:
    "Không nhận ra phụ lục nào trong sổ tính. Mỗi trang phải có dòng tiêu đề cột (TT, Nội dung, các cấp học, Đơn giá, Thành tiền…).",
  clean: "Không có lỗi. Các phụ lục khớp với sổ quy tắc.",
  readError: "Không đọc được sổ tính",
  notMarked: "Không đánh dấu được trang {sheet}: {reason}",
  sheets: "Các trang đã nhận dạng",
  skipped: "Không phải phụ lục",
  kind: "Loại",
  year: "Năm",
  unit: "Đơn vị tính",
  auto: "(tự nhận)",
  ignore: "Bỏ qua trang này",
  edit: "Sửa nhận dạng",
  fix: "Sửa",
  fixTo: "Sửa thành {value}",
  undo: "Hoàn tác",
  fixed: "Đã sửa (trước là {before})",
  accept: "Bỏ qua",
  acceptReason: "Lý do bỏ qua (được lưu trong sổ tính)",
  acceptSave: "Lưu",
  accepted: "Đã chấp nhận: {reason}",
  unaccept: "Hủy chấp nhận",
  why: "Vì sao?",
  expected: "Đúng là",
  actual: "Đang ghi",
  findings: "{count} phát hiện",
  million: "triệu đồng",
  thousand: "nghìn đồng",
  dong: "đồng",
};

export type StringKey = keyof typeof vi;

const en: Record<StringKey, string> = {
  title: "Check appendices",
  subtitle: "Compare the appendices with the plan's rulebook",
  rulebook: "Rulebook",
  check: "Check appendices",
  checking: "Checking…",
  reading: "Reading the workbook… {percent}%",
  clear: "Clear marks",
  cleared: "Removed {count} marks.",
  export: "Export report",
  exported: 'The report is on sheet "{sheet}".',
  language: "Tiếng Việt",
  intro:
    "Click Check appendices to check every appendix sheet of the open workbook. Wrong cells are highlighted in the sheets; click a finding to go to its cell.",
  emptyWorkbook: "The workbook is empty: no sheet has data.",
  noAppendix:
    "No appendix was recognised. Each sheet needs a header row (TT, Nội dung, the levels, Đơn giá, Thành tiền…).",
  clean: "No errors. The appendices agree with the rulebook.",
  readError: "Could not read the workbook",
  notMarked: "Could not mark sheet {sheet}: {reason}",
  sheets: "Recognised sheets",
  skipped: "Not an appendix",
  kind: "Kind",
  year: "Year",
  unit: "Unit",
  auto: "(detected)",
  ignore: "Ignore this sheet",
  edit: "Correct recognition",
  fix: "Fix",
  fixTo: "Fix to {value}",
  undo: "Undo",
  fixed: "Fixed (was {before})",
  accept: "Accept",
  acceptReason: "Why is this acceptable (saved in the workbook)",
  acceptSave: "Save",
  accepted: "Accepted: {reason}",
  unaccept: "Withdraw acceptance",
  why: "Why?",
  expected: "Expected",
  actual: "Found",
  findings: "{count} findings",
  million: "million đồng",
  thousand: "thousand đồng",
  dong: "đồng",
};

const STRINGS: Record<Locale, Record<StringKey, string>> = { vi, en };

export function t(locale: Locale, key: StringKey, data: Record<string, string | number> = {}): string {
  return STRINGS[locale][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}
