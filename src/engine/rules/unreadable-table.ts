import type { Rule } from "./api";

/**
 * Nothing unrecognised passes: a sheet that looks like an appendix (a "PHỤ LỤC …", "KINH PHÍ",
 * "DANH SÁCH" title, a TT/STT header) but cannot be read is an error, naming what was looked for
 * and what was missing. A sheet that is clearly no appendix (a cover page, a chart) is only listed
 * as skipped.
 */
export const unreadableTable: Rule = {
  meta: {
    id: "unreadable-table",
    title: { vi: "Phụ lục không đọc được", en: "Unreadable appendix" },
    rationale: {
      vi: "Một trang có tiêu đề phụ lục (PHỤ LỤC, KINH PHÍ, DANH SÁCH) hoặc cột TT/STT nhưng không đọc được thì chưa được kiểm tra: coi là đạt sẽ bỏ sót lỗi. Công cụ báo lỗi, nói đã tìm gì và thiếu gì, để người dùng sửa dòng tiêu đề cột hoặc chọn loại phụ lục bằng tay.",
      en: "A sheet titled like an appendix (PHỤ LỤC, KINH PHÍ, DANH SÁCH) or with a TT/STT column that cannot be read has not been checked: passing it would hide its errors. The checker reports it, saying what it looked for and what was missing, so that the user fixes the header row or sets the kind of appendix by hand.",
    },
    defaultSeverity: "error",
    messages: {
      noHeader: {
        vi: 'Trang này trông như một phụ lục ("{evidence}") nhưng không đọc được: không tìm thấy dòng tiêu đề cột. Cần một dòng có TT/STT, Nội dung và các cột số liệu: các cấp học (MN, TH, THCS…) hoặc Cấp học và Số lượng, Đơn giá, Thành tiền; hoặc Quận/huyện; hoặc Họ và tên.',
        en: 'This sheet looks like an appendix ("{evidence}") but cannot be read: no header row was found. It needs a row with "TT"/"STT", "Nội dung" and figure columns: the levels ("MN", "TH", "THCS"…) or "Cấp học" and "Số lượng", "Đơn giá", "Thành tiền"; or "Quận/huyện"; or "Họ và tên".',
      },
      noKind: {
        vi: 'Trang này trông như một phụ lục ("{evidence}") và có dòng tiêu đề cột ({found}), nhưng thiếu cột để biết là phụ lục gì: cần thêm Nội dung cùng các cột cấp học hoặc Cấp học/Số lượng (nhiệm vụ), Đơn giá/Thành tiền (kinh phí), Đơn vị chủ trì (phân công), Quận/huyện (đăng ký) hoặc Họ và tên (danh sách).',
        en: 'This sheet looks like an appendix ("{evidence}") and has a header row ("{found}"), but lacks the columns that tell what it is: "Nội dung" with level columns or "Cấp học"/"Số lượng" (tasks), "Đơn giá"/"Thành tiền" (costs), "Đơn vị chủ trì" (assignments), "Quận/huyện" (registrations) or "Họ và tên" (a list of people).',
      },
    },
  },
  check(ctx) {
    for (const s of ctx.workbook.skipped) {
      const u = s.unreadable;
      if (!u) continue;
      ctx.report({
        table: u,
        messageId: u.missing === "header" ? "noHeader" : "noKind",
        data: { sheet: u.sheet, evidence: u.evidence.text, found: u.found.join(", ") },
        cells: [u.evidence.cell],
        expected: null,
        actual: u.evidence.text,
        subject: { detail: `unreadable|${u.missing}` },
      });
    }
  },
};
