/**
 * The words of the command-line tools — `dean-check`, `dean-template`, `dean-rulebook` (help,
 * one-line errors, progress and report lines) — Vietnamese first and English for `--lang en`: the
 * command line's part of the catalogue. The engine's words (severities,
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
  // dean-template and dean-rulebook: what they print (what they write into workbooks stays Vietnamese).
  outputExists: "tệp đã có; thêm --force để ghi đè",
  cannotWrite: 'Không ghi được "{path}": {reason}.',
  outputNotXlsx: 'Tệp ghi ra phải có đuôi .xlsx, không phải "{path}".',
  templateUsage: `Cách dùng: dean-template <loại> --year <năm> [--rules sổ-quy-tắc.json] [--units districts|communes]
                     [--rows N] [--appendix N] [--functions] [--force] [--lang vi|en] -o <tệp.xlsx>

Loại mẫu:
{kinds}
  rulebook      Sổ quy tắc để điền (Excel): dean-template rulebook [--from <mã|tệp.json|tệp.xlsx>] -o <tệp.xlsx>

  --year, -y    năm của kế hoạch (bỏ trống khi sổ quy tắc chỉ có một năm)
  --rules       sổ quy tắc (tệp .xlsx hoặc JSON, hoặc tên có sẵn: {builtins})
  --units       bảng đăng ký, danh sách: districts (quận/huyện) hoặc communes (xã, phường, đặc khu)
  --rows        số dòng trống để điền (danh sách: 200; đăng ký khi sổ không có danh sách đơn vị: 30;
                phân công: 5 dòng thêm)
  --appendix    số phụ lục ghi ở dòng "PHỤ LỤC"
  --functions   thành tiền và đơn giá bằng hàm =DEAN.COST(…), =DEAN.UNITPRICE(…) (cần add-in)
                thay cho công thức Excel thường
  --output, -o  tệp .xlsx sẽ ghi
  --force       ghi đè tệp đã có (không bao giờ ghi đè sổ quy tắc đang đọc)
  --lang        ngôn ngữ của thông báo: vi (mặc định) hoặc en; nội dung mẫu luôn bằng tiếng Việt
  --help        in hướng dẫn này

Mã thoát: 0 đã ghi tệp, 2 tham số sai, không đọc được sổ quy tắc hoặc không ghi được tệp.
`,
  templateNoKind: "Chưa chọn loại mẫu: {kinds}. Gõ dean-template --help để xem cách dùng.",
  templateOneKind: "Chỉ chọn một loại mẫu mỗi lần, không phải {count}: {kinds}.",
  templateUnknownKind: 'Loại mẫu "{kind}" không có: chọn {kinds}.',
  templateNoOutput: "Chưa chọn tệp để ghi: thêm -o <tệp.xlsx>.",
  templateBadUnits:
    'Đơn vị hành chính "{units}" không có: chọn districts (quận/huyện) hoặc communes (xã, phường, đặc khu).',
  notInteger: '{what} phải là số nguyên, không phải "{text}".',
  templateYear: "Năm",
  templateRows: "Số dòng trống",
  templateAppendix: "Số phụ lục",
  templateNoYear: "Chưa chọn năm: thêm --year (các năm của sổ quy tắc: {years}).",
  templateIsRulebook:
    'Không ghi vào "{path}": đó là sổ quy tắc đang đọc (dean-template không bao giờ ghi đè tệp đầu vào).',
  templateWritten: "Đã ghi mẫu {kind} năm {year} (sổ quy tắc {rulebook}) vào {path}: {sheets}.",
  hiddenSheet: "{sheet} (ẩn)",
  templateUnits: "Đơn vị: {label} ({count} đơn vị theo sổ quy tắc).",
  templateNoUnits:
    "Đơn vị: {label}. Sổ quy tắc chưa có danh sách này: các dòng để trống, gõ tên đơn vị vào là được đánh số (xem README để thêm danh sách vào sổ quy tắc).",
  rulebookWritten:
    "Đã ghi sổ quy tắc {id} vào {path}: {sheets}. Sửa trong Excel rồi dùng: dean-check --rules {path} …",
  blankRulebookWritten:
    "Đã ghi sổ quy tắc trống vào {path}: {sheets}. Điền trong Excel rồi dùng: dean-check --rules {path} …",
  inferUsage: `Cách dùng: dean-rulebook infer <kế-hoạch.xlsx> -o <bản-nháp.xlsx|bản-nháp.json> [--force] [--lang vi|en]

Soạn bản nháp sổ quy tắc từ chính các phụ lục của kế hoạch: các nội dung theo thứ tự, cấp học,
đơn giá từng năm, định mức người/trường (khi số người bằng k × số trường), giá theo tín chỉ đọc từ
ghi chú, cách cộng dòng tổng, tổng kinh phí của bảng tổng hợp. Bản nháp .xlsx có trang "Cách suy ra"
ghi cách tìm ra từng giá trị: hãy xem lại trước khi dùng (dean-check --rules bản-nháp.xlsx).

  --output, -o  tệp sẽ ghi (.xlsx: sổ quy tắc để sửa trong Excel; .json)
  --force       ghi đè tệp đã có (không bao giờ ghi đè kế hoạch đang đọc)
  --lang        ngôn ngữ của thông báo: vi (mặc định) hoặc en; bản nháp luôn bằng tiếng Việt
  --help        in hướng dẫn này

Mã thoát: 0 đã ghi bản nháp, 2 tham số sai, không đọc được kế hoạch hoặc không ghi được tệp.
`,
  inferNoCommand:
    "Chưa chọn lệnh: dean-rulebook infer <kế-hoạch.xlsx> -o <bản-nháp.xlsx>. Gõ dean-rulebook --help để xem cách dùng.",
  inferUnknownCommand:
    'Lệnh "{command}" không có: dùng dean-rulebook infer <kế-hoạch.xlsx> -o <bản-nháp.xlsx>.',
  inferNoPlan: "Chưa chọn tệp kế hoạch .xlsx để suy ra sổ quy tắc.",
  inferOnePlan: "Chỉ suy ra từ một kế hoạch mỗi lần, không phải {count} tệp.",
  inferNoOutput: "Chưa chọn tệp để ghi: thêm -o <bản-nháp.xlsx>.",
  inferBadOutput: 'Tệp ghi ra phải có đuôi .xlsx hoặc .json, không phải "{path}".',
  inferIsPlan:
    'Không ghi vào "{path}": đó là kế hoạch đang đọc (dean-rulebook không bao giờ ghi đè tệp đầu vào).',
  inferPlanUnreadable: 'Không đọc được kế hoạch "{file}": {reason}',
  inferWritten:
    "Đã ghi bản nháp sổ quy tắc vào {path}: {contents} nội dung, {levels} cấp học, các năm {years}{total}.",
  inferPlanTotal: ", tổng kinh phí {amount} đồng",
  inferReviewJson: "Hãy xem lại rồi dùng: dean-check --rules {path} {plan}",
  inferReviewXlsx:
    'Trang "Cách suy ra" ghi cách tìm ra từng giá trị: hãy xem lại rồi dùng: dean-check --rules {path} {plan}',
  inferDoubtsJson:
    "Cần xem lại {count} số người trái với ghi chú của chính dòng đó (không đưa vào bản nháp):",
  inferDoubtsXlsx:
    'Cần xem lại {count} số người trái với ghi chú của chính dòng đó (không đưa vào bản nháp, ghi ở trang "Cách suy ra"):',
  inferMoreDoubts: "… và {count} số khác",
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
  outputExists: "the file exists; add --force to overwrite it",
  cannotWrite: 'Cannot write "{path}": {reason}.',
  outputNotXlsx: 'The file to write must end in .xlsx, not "{path}".',
  templateUsage: `Usage: dean-template <kind> --year <year> [--rules rulebook.json] [--units districts|communes]
                     [--rows N] [--appendix N] [--functions] [--force] [--lang vi|en] -o <file.xlsx>

Kinds of template:
{kinds}
  rulebook      A rulebook to fill in (Excel): dean-template rulebook [--from <id|file.json|file.xlsx>] -o <file.xlsx>

  --year, -y    the year of the plan (may be left out when the rulebook has only one year)
  --rules       the rulebook (an .xlsx or JSON file, or a built-in one: {builtins})
  --units       registrations and lists: districts, or communes (communes, wards and special zones)
  --rows        blank rows to fill in (lists: 200; registrations when the rulebook lists no units: 30;
                assignments: 5 more rows)
  --appendix    the appendix number written on the title line
  --functions   amounts and unit prices as =DEAN.COST(…), =DEAN.UNITPRICE(…) (they need the add-in)
                instead of plain Excel formulas
  --output, -o  the .xlsx file to write
  --force       overwrite an existing file (never the rulebook being read)
  --lang        language of the messages: vi (default) or en; the template itself is always in Vietnamese
  --help        print this help

Exit codes: 0 file written, 2 a wrong option, a rulebook that cannot be read or a file that cannot be written.
`,
  templateNoKind: "No kind of template chosen: {kinds}. Type dean-template --help for the usage.",
  templateOneKind: "Choose one kind of template at a time, not {count}: {kinds}.",
  templateUnknownKind: 'There is no kind of template "{kind}": choose {kinds}.',
  templateNoOutput: "No file to write: add -o <file.xlsx>.",
  templateBadUnits:
    'There are no administrative units "{units}": choose districts, or communes (communes, wards and special zones).',
  notInteger: '{what} must be a whole number, not "{text}".',
  templateYear: "The year",
  templateRows: "The number of blank rows",
  templateAppendix: "The appendix number",
  templateNoYear: "No year chosen: add --year (the rulebook's years: {years}).",
  templateIsRulebook:
    'Not writing to "{path}": it is the rulebook being read (dean-template never overwrites an input).',
  templateWritten: 'Wrote the {year} template "{kind}" (rulebook {rulebook}) to {path}: {sheets}.',
  hiddenSheet: "{sheet} (hidden)",
  templateUnits: "Units: {label} ({count} units from the rulebook).",
  templateNoUnits:
    "Units: {label}. The rulebook has no such list: the rows are left blank, and each unit typed in is numbered (see the README to add the list to the rulebook).",
  rulebookWritten:
    "Wrote the rulebook {id} to {path}: {sheets}. Edit it in Excel, then use: dean-check --rules {path} …",
  blankRulebookWritten:
    "Wrote a blank rulebook to {path}: {sheets}. Fill it in in Excel, then use: dean-check --rules {path} …",
  inferUsage: `Usage: dean-rulebook infer <plan.xlsx> -o <draft.xlsx|draft.json> [--force] [--lang vi|en]

Drafts a rulebook from the plan's own appendices: the contents in order, the levels, each year's
unit prices, quotas per school (where a head-count is k × the schools), per-credit prices read from
the notes, how the total rows add up, the summary's plan total. A .xlsx draft has a sheet saying how
each value was found ("Cách suy ra"): review it before use (dean-check --rules draft.xlsx).

  --output, -o  the file to write (.xlsx: a rulebook to edit in Excel; .json)
  --force       overwrite an existing file (never the plan being read)
  --lang        language of the messages: vi (default) or en; the draft itself is always in Vietnamese
  --help        print this help

Exit codes: 0 draft written, 2 a wrong option, a plan that cannot be read or a file that cannot be written.
`,
  inferNoCommand:
    "No command chosen: dean-rulebook infer <plan.xlsx> -o <draft.xlsx>. Type dean-rulebook --help for the usage.",
  inferUnknownCommand:
    'There is no command "{command}": use dean-rulebook infer <plan.xlsx> -o <draft.xlsx>.',
  inferNoPlan: "No plan (.xlsx file) to draft the rulebook from.",
  inferOnePlan: "Draft from one plan at a time, not {count} files.",
  inferNoOutput: "No file to write: add -o <draft.xlsx>.",
  inferBadOutput: 'The file to write must end in .xlsx or .json, not "{path}".',
  inferIsPlan:
    'Not writing to "{path}": it is the plan being read (dean-rulebook never overwrites an input).',
  inferPlanUnreadable: 'Cannot read the plan "{file}": {reason}',
  inferWritten:
    "Wrote the draft rulebook to {path}: {contents} contents, {levels} levels, years {years}{total}.",
  inferPlanTotal: ", plan total {amount} VND",
  inferReviewJson: "Review it, then use: dean-check --rules {path} {plan}",
  inferReviewXlsx:
    'The sheet "Cách suy ra" says how each value was found: review it, then use: dean-check --rules {path} {plan}',
  inferDoubtsJson:
    "To review: {count} head-counts contradict their own line's note (not adopted in the draft):",
  inferDoubtsXlsx:
    'To review: {count} head-counts contradict their own line\'s note (not adopted in the draft; listed on the sheet "Cách suy ra"):',
  inferMoreDoubts: "… and {count} more",
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
