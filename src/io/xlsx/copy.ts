/**
 * The annotated copy of a checked workbook: ExcelJS loads the bytes already read (once; the
 * check itself came from the streaming reader, src/io/xlsx/read.ts), the marks are added
 * (annotate.ts), every text is encoded as OOXML requires (ooxml-text.ts) and the copy is
 * serialised. ExcelJS is loaded here only, on demand: checking without --annotate never loads it.
 *
 * ExcelJS picks a workbook's parts by fixed names and expands ranges cell by cell; it is given
 * a file only after the reader accepted it within every limit, and after every zip entry has
 * been inflated under the caps (verifyAllEntries). Where it would read the file differently
 * from the reader (other part names, other sheets), no copy is written and the reason is said.
 */
import type ExcelJS from "exceljs";
import type { Finding } from "../../engine/findings";
import { InputError } from "../errors";
import { annotateWorkbook, type AnnotateOptions } from "./annotate";
import { encodeWorkbookTexts } from "./ooxml-text";
import type { XlsxReading } from "./read";

/** ExcelJS, loaded on first use (0.4 s of start-up that checking alone does not pay). */
function excelJs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("exceljs") as typeof ExcelJS;
}

const EXCEL_SHEET_NAME = 31;

/**
 * Loads `bytes` (already read by readXlsxDetailed into `reading`) with ExcelJS to write a copy;
 * throws InputError saying why a faithful copy cannot be made.
 */
export async function loadForCopy(bytes: Uint8Array, reading: XlsxReading): Promise<ExcelJS.Workbook> {
  const names = reading.sheetNames;
  const long = names.find((n) => n.length > EXCEL_SHEET_NAME);
  if (long !== undefined)
    throw new InputError({
      vi: `tên trang tính "${long.slice(0, 40)}…" dài hơn ${EXCEL_SHEET_NAME} ký tự, Excel không cho phép; hãy đổi tên trang trong Excel rồi ghi lại bản đánh dấu`,
      en: `the sheet name "${long.slice(0, 40)}…" is longer than ${EXCEL_SHEET_NAME} characters, which Excel does not allow; rename the sheet in Excel, then write the annotated copy again`,
    });
  const odd = reading.excelJsMismatch;
  if (odd)
    throw new InputError({
      vi: `tệp được sắp xếp khác thường (${odd.vi})`,
      en: `the file is laid out unusually (${odd.en})`,
    });
  await reading.verifyAllEntries();
  const wb = new (excelJs().Workbook)();
  // ExcelJS warns in English on the console about what it repairs: the checker said it already.
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new InputError({
      vi: "ExcelJS không đọc được tệp để chép",
      en: "ExcelJS cannot read the file to copy it",
    });
  } finally {
    console.warn = warn;
  }
  const loaded = wb.worksheets.map((w) => w.name);
  if (loaded.length !== names.length || loaded.some((n, i) => n !== names[i]))
    throw new InputError({
      vi: "ExcelJS đọc ra các trang tính khác với trình kiểm tra",
      en: "ExcelJS reads other worksheets than the checker does",
    });
  return wb;
}

/** The bytes of the annotated copy. */
export async function annotatedCopy(
  bytes: Uint8Array,
  reading: XlsxReading,
  findings: readonly Finding[],
  options: AnnotateOptions,
): Promise<Buffer> {
  const wb = await loadForCopy(bytes, reading);
  annotateWorkbook(wb, findings, options);
  // Every text encoded, the original cells' texts exactly as the reader read them.
  encodeWorkbookTexts(wb, reading.exactTexts);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
