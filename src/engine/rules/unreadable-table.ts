import { columnName } from "../a1";
import { own } from "../recognize/model";
import { fold } from "../text/normalize";
import type { Rule } from "./api";

/** What a cost table's price column may be called (recognize/headers.ts, UNIT_PRICE_WORDS). */
const PRICE_WORDS = { vi: "Đơn giá, Mức chi, Định mức", en: "Đơn giá, Mức chi, Định mức" };
const PRICE = {
  vi: " hoặc là cột đơn giá (Đơn giá, Mức chi, Định mức…): bảng chưa có cột đơn giá",
  en: ' or be the unit-price column ("Đơn giá", "Mức chi", "Định mức"…): the table has no unit-price column',
};

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
      unknownColumn: {
        vi: 'Cột "{header}" ({cell}) có số liệu nhưng không đọc được tiêu đề: cần tên một cấp học ({levels}){price}. Chưa kiểm tra cột này; thành tiền và các dòng tổng không được tính lại khi thiếu nó.',
        en: 'Column "{header}" ({cell}) holds figures but its header is not understood: it should name a level ({levels}){price}. This column is not checked, and amounts and totals are not recomputed without it.',
      },
      repeatedLevel: {
        vi: 'Cột "{header}" ({cell}) cũng là cột {level}, đã đọc ở cột {first}: mỗi cấp học chỉ một cột. Chưa kiểm tra cột này; thành tiền và các dòng tổng không được tính lại khi thiếu nó.',
        en: 'Column "{header}" ({cell}) is also a {level} column, already read in column {first}: one column per level. This column is not checked, and amounts and totals are not recomputed without it.',
      },
    },
  },
  check(ctx) {
    for (const table of ctx.workbook.tables) {
      for (const u of table.unreadColumns ?? []) {
        const levels = ctx.rulebook.levels.map((l) => ctx.levelName(l.id)).join(", ");
        const first = u.repeats !== undefined ? own(table.columns.levels, u.repeats) : undefined;
        ctx.report({
          table,
          messageId: first !== undefined ? "repeatedLevel" : "unknownColumn",
          data: {
            header: u.header.text,
            cell: u.header.cell,
            levels,
            price: u.maybePrice ? ctx.text(PRICE) : "",
            level: u.repeats !== undefined ? ctx.levelName(u.repeats) : "",
            first: first !== undefined ? columnName(first) : "",
          },
          cells: [u.header.cell],
          expected: u.maybePrice ? `${levels}; ${ctx.text(PRICE_WORDS)}` : levels,
          actual: u.header.text,
          subject: { detail: `unread-column|${fold(u.header.text)}` },
        });
      }
    }
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
