/**
 * The words of `dean-check` (help, one-line errors, the report's own lines), Vietnamese first and
 * English for `--lang en`: the command line's part of the catalogue. The engine's words (severities,
 * kinds, counts) come from engine/i18n; every text is filled by its one formatter, formatMessage
 * (through i18n's catalogue()).
 */
import { catalogue, type Locale } from "../engine/i18n";

const vi = {
  usage: `Cách dùng: dean-check [--rules sổ-quy-tắc.json|.xlsx] [--rules-dir thư-mục] [--json] [--annotate bản-đánh-dấu.xlsx] [--lang vi|en] <tệp.xlsx|thư mục>...

  --rules     sổ quy tắc dùng cho mọi tệp: tệp JSON, sổ quy tắc .xlsx, hoặc tên có sẵn
              ({builtins});
              không có: mỗi tệp tự chọn theo năm, tỉnh và loại kế hoạch ghi trong tiêu đề,
              hoặc dùng sổ quy tắc để trong chính sổ tính
  --rules-dir thư mục các sổ quy tắc của đơn vị (.json, .xlsx), được xét khi tự chọn
              (hoặc biến môi trường {env})
  --json      in kết quả dạng JSON: {"files":[{"file": "...", "rulebook": {...}, "findings": [...]}]}
  --annotate  ghi một bản sao có đánh dấu các ô và trang "Kết quả kiểm tra" (không bao giờ ghi đè tệp gốc);
              khi kiểm tra nhiều tệp, đây là thư mục chứa các bản sao
  --lang      ngôn ngữ của thông báo: vi (mặc định) hoặc en
  --version   in số phiên bản
  --help      in hướng dẫn này

Mã thoát: 0 không có lỗi, 1 có lỗi (kể cả một trang trông như phụ lục mà không đọc được), 2 không đọc được tệp
hoặc sổ quy tắc, không nhận ra phụ lục nào trong tệp, không sổ quy tắc nào hợp với tệp, hoặc không ghi được
bản đánh dấu.
`,
  noInput: "Chưa chọn tệp .xlsx hoặc thư mục nào để kiểm tra. Gõ dean-check --help để xem cách dùng.",
  badLang: 'Ngôn ngữ "{lang}" không có: chọn vi hoặc en.',
  annotateNotXlsx:
    'Bản đánh dấu phải có đuôi .xlsx, không phải "{path}" (hoặc chỉ một thư mục, kết thúc bằng "/").',
  annotateManyToFile:
    'Kiểm tra {count} tệp thì --annotate phải là một thư mục, không phải tệp "{path}": mỗi tệp có một bản đánh dấu riêng.',
  annotateIsInput:
    'Không ghi bản đánh dấu vào "{path}": đó là tệp đang kiểm tra (dean-check không bao giờ ghi đè tệp gốc).',
  annotateFailed: 'không ghi được bản đánh dấu "{path}": {reason}.',
  progress: "Đang kiểm tra [{bar}] {value}/{total} tệp  {file}",
  isFolder: "Đây là thư mục, không phải tệp.",
  noReadPermission: "Không có quyền đọc tệp.",
  cannotRead: "Không đọc được tệp.",
  noSuchPath: "Không tìm thấy tệp hoặc thư mục.",
  noPermission: "Không có quyền đọc.",
  noXlsxInFolder: "Thư mục không có tệp .xlsx nào.",
  folderNoPermission: "Không có quyền đọc thư mục này: các tệp trong đó không được kiểm tra.",
  folderUnreadable: "Không đọc được thư mục này (lỗi hệ thống {code}): các tệp trong đó không được kiểm tra.",
  linkOutside:
    'Liên kết tới thư mục "{folder}", nằm ngoài thư mục đã chọn: không duyệt (hãy chỉ thẳng thư mục đó nếu cần kiểm tra).',
  notFound: "Không tìm thấy tệp.",
  notAFifo: "Đây là một đường ống (FIFO), không phải tệp.",
  notADevice: "Đây là một thiết bị, không phải tệp.",
  notAFile: "Đây không phải tệp thường.",
  tooBigToRead: "Tệp lớn hơn {mb} MB: quá lớn để đọc.",
  cannotCheck: "Không kiểm tra được tệp: {reason}",
  annotatedTo: "đã ghi bản đánh dấu: {path}",
  summary: "Tóm tắt",
  filesUnread: "{count} tệp không đọc được",
  // Rulebooks named on the command line (src/cli/rulebook-arg.ts).
  rulebookOrigin: 'Sổ quy tắc "{file}"',
  rulebookMissing: 'Không đọc được sổ quy tắc "{file}": không có tệp này (các sổ có sẵn: {builtins}).',
  rulebookNotThere: 'Không đọc được sổ quy tắc "{file}": không có tệp này.',
  rulebookUnreadable: 'Không đọc được sổ quy tắc "{file}": {reason}',
  rulebookNoSheets:
    '{origin} không có trang sổ quy tắc nào (trang có tiêu đề "SỔ QUY TẮC — THÔNG TIN CHUNG"…). Tạo một sổ bằng: dean-template rulebook -o so-quy-tac.xlsx',
  rulesDirNotFolder: 'Thư mục sổ quy tắc "{dir}" không phải một thư mục.',
  rulesDirUnreadable: 'Không đọc được thư mục sổ quy tắc "{dir}".',
  rulesDirSkipped:
    'bỏ qua "{file}" trong thư mục sổ quy tắc: tệp không có trang sổ quy tắc nào (có lẽ là một phụ lục).',
  rulesDirSameId:
    'Hai sổ quy tắc trong thư mục "{dir}" cùng mã {id}: "{first}" và "{second}". Đổi mã (id) của một sổ.',
  noteBuiltinNotFile:
    'dùng sổ quy tắc có sẵn {id}; tệp "{id}" cùng tên trong thư mục này không được dùng (ghi ./{id} để dùng tệp).',
  noteFileHasBuiltinId:
    'sổ quy tắc "{file}" có mã {id} trùng sổ có sẵn: cả hai đều được xét khi tự chọn, báo cáo ghi rõ sổ nào được dùng (sổ của tệp được ưu tiên).',
  chosenWithOption: "chọn bằng --rules",
  uncoveredNone: "sổ quy tắc đã chọn không có năm của sổ tính: không phải kết quả đạt",
};

export type CliMessageKey = keyof typeof vi;

const en: Record<CliMessageKey, string> = {
  usage: `Usage: dean-check [--rules rulebook.json|.xlsx] [--rules-dir folder] [--json] [--annotate marked-copy.xlsx] [--lang vi|en] <file.xlsx|folder>...

  --rules     the rulebook for every file: a JSON file, a rulebook workbook .xlsx, or a built-in one
              ({builtins});
              without it: each file's rulebook is chosen from the year, province and kind of plan
              its titles name, or the rulebook kept in the workbook itself is used
  --rules-dir the department's own rulebooks (.json, .xlsx), considered by the automatic choice
              (or the environment variable {env})
  --json      print the results as JSON: {"files":[{"file": "...", "rulebook": {...}, "findings": [...]}]}
  --annotate  write a copy with the flagged cells marked and a "Check results" sheet (never overwrites an input);
              when checking several files, a folder for the copies
  --lang      language of the messages: vi (default) or en
  --version   print the version number
  --help      print this help

Exit codes: 0 no error, 1 errors found (a sheet that looks like an appendix but cannot be read is one), 2 a file or
the rulebook cannot be read, no appendix at all is recognised in a file, no rulebook fits a file, or a marked copy
cannot be written.
`,
  noInput: "No .xlsx file or folder to check. Type dean-check --help for the usage.",
  badLang: 'There is no language "{lang}": choose vi or en.',
  annotateNotXlsx: 'The marked copy must end in .xlsx, not "{path}" (or name a folder, ending with "/").',
  annotateManyToFile:
    'With {count} files, --annotate must name a folder, not the file "{path}": each file gets its own marked copy.',
  annotateIsInput:
    'Not writing the marked copy to "{path}": it is a file being checked (dean-check never overwrites an input).',
  annotateFailed: 'cannot write the marked copy "{path}": {reason}.',
  progress: "Checking [{bar}] {value}/{total} files  {file}",
  isFolder: "This is a folder, not a file.",
  noReadPermission: "No permission to read the file.",
  cannotRead: "The file cannot be read.",
  noSuchPath: "No such file or folder.",
  noPermission: "No permission to read it.",
  noXlsxInFolder: "The folder has no .xlsx file.",
  folderNoPermission: "No permission to read this folder: its files are not checked.",
  folderUnreadable: "This folder cannot be read (system error {code}): its files are not checked.",
  linkOutside:
    'A link to the folder "{folder}", outside the folder given: not followed (name that folder itself to check it).',
  notFound: "No such file.",
  notAFifo: "This is a pipe (FIFO), not a file.",
  notADevice: "This is a device, not a file.",
  notAFile: "This is not a regular file.",
  tooBigToRead: "The file is larger than {mb} MB: too large to read.",
  cannotCheck: "The file cannot be checked: {reason}",
  annotatedTo: "marked copy written: {path}",
  summary: "Summary",
  filesUnread: "{count} could not be read",
  rulebookOrigin: 'The rulebook "{file}"',
  rulebookMissing:
    'Cannot read the rulebook "{file}": there is no such file (built-in rulebooks: {builtins}).',
  rulebookNotThere: 'Cannot read the rulebook "{file}": there is no such file.',
  rulebookUnreadable: 'Cannot read the rulebook "{file}": {reason}',
  rulebookNoSheets:
    '{origin} has no rulebook sheet (a sheet titled "SỔ QUY TẮC — THÔNG TIN CHUNG"…). Make one with: dean-template rulebook -o rulebook.xlsx',
  rulesDirNotFolder: 'The rulebook folder "{dir}" is not a folder.',
  rulesDirUnreadable: 'Cannot read the rulebook folder "{dir}".',
  rulesDirSkipped:
    'skipped "{file}" in the rulebook folder: it holds no rulebook sheet (an appendix, perhaps).',
  rulesDirSameId:
    'Two rulebooks of the folder "{dir}" have the id {id}: "{first}" and "{second}". Change one id.',
  noteBuiltinNotFile:
    'using the built-in rulebook {id}; the file "{id}" of the same name in this folder is not used (write ./{id} to use the file).',
  noteFileHasBuiltinId:
    'the rulebook "{file}" has the id {id} of a built-in one: both are considered by the automatic choice, and the report names the one used (the file comes first).',
  chosenWithOption: "chosen with --rules",
  uncoveredNone: "the chosen rulebook has none of the workbook's years: not a pass",
};

const MESSAGES: Record<Locale, Record<CliMessageKey, string>> = { vi, en };

/** A command-line text in the reader's language, `{name}` placeholders filled. */
export const cliText = catalogue(MESSAGES);

/**
 * The language asked for on the command line, read before the arguments are parsed, so that a
 * mistake in them is already told in that language ("--lang en", "--lang=en").
 */
export function requestedLocale(argv: readonly string[]): Locale {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--") break;
    if (argv[i] === "--lang=en" || (argv[i] === "--lang" && argv[i + 1] === "en")) return "en";
  }
  return "vi";
}
