/**
 * Excel's errors as the user reads them: a Vietnamese sentence that says what happened and what to
 * do, never "AccessDenied: …". The adapter's own errors are Vietnamese already and pass unchanged.
 */

const MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode:
    "Excel đang ở chế độ sửa ô (con trỏ còn trong một ô): nhấn Enter hoặc Esc rồi thử lại.",
  AccessDenied:
    "Excel không cho thay đổi: trang tính hoặc sổ tính đang được bảo vệ, hoặc sổ tính chỉ mở để đọc.",
  ItemNotFound:
    "Không còn thấy trang tính hoặc ô cần dùng: có thể nó vừa bị xóa hoặc đổi tên. Hãy kiểm tra lại.",
  RequestPayloadSizeLimitExceeded:
    "Dữ liệu gửi sang Excel quá lớn (Excel trên web giới hạn 5 MB mỗi lần): hãy kiểm tra từng phần của sổ tính.",
  ResponsePayloadSizeLimitExceeded:
    "Dữ liệu Excel gửi về quá lớn (Excel trên web giới hạn 5 MB mỗi lần): hãy kiểm tra từng phần của sổ tính.",
  ApiNotFound: "Excel này chưa có tính năng cần dùng: hãy cập nhật Excel (Microsoft 365) rồi thử lại.",
  InvalidObjectPath: "Phần bổ trợ mất liên lạc với sổ tính: hãy đóng rồi mở lại ngăn Kiểm tra Phụ lục.",
};

/** The code of an Office.js error (OfficeExtension.Error), if `e` is one. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

/** `e` as a Vietnamese Error: Excel's errors translated, the adapter's own passed through. */
export function vietnamese(e: unknown): Error {
  const code = errorCode(e);
  if (code === undefined) return e instanceof Error ? e : new Error(String(e));
  const text =
    MESSAGES[code] ??
    `Excel báo lỗi khi làm việc với sổ tính (mã ${code}). Hãy thử lại; nếu vẫn lỗi, hãy lưu, đóng và mở lại sổ tính.`;
  const out = new Error(text);
  (out as Error & { code?: string }).code = code;
  return out;
}

/** Runs `f`, turning Excel's errors into Vietnamese sentences. */
export async function inVietnamese<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw vietnamese(e);
  }
}
