/**
 * A first draft of a rulebook from a plan's own appendices, for the department to confirm
 * (dean-rulebook infer). Pure: a snapshot in, a rulebook and how each value was found out.
 *
 * - Levels: the level columns of the tables (a catalogue of the usual levels and their names).
 * - Contents, in order: the lines of the cost appendices (then task lines no cost line matches);
 *   a "- …" line under a heading is a sub-content of it, a heading without numbers over sub-lines
 *   is a group (nhom); a line on degree upgrades ("Đào tạo nâng trình độ chuẩn … từ TC lên ĐH",
 *   or priced per credit) is a degree upgrade (dao-tao). The task appendix's wording of a line is
 *   kept as another name of it.
 * - Eligible levels: the levels where a line has a non-zero count in some year.
 * - Unit prices per year: the cost line's unit price in đồng; per-credit pricing and the credits
 *   of each year from the note ("442.000đ/tín chỉ x 30 tín chỉ"), the total credits from the line
 *   ("tổng số 85 tín chỉ") or the years added up.
 * - School counts: from the lines whose note states a quota per school ("4 GV/trường",
 *   "Hiệu trưởng"): count ÷ quota, when most lines agree; a level whose counts do not divide
 *   consistently (GDNN) has none. A line's counts become a quota where they are k × the schools
 *   of every such level, and fixed counts elsewhere.
 * - Totals convention: whether the total rows count the degree-upgrade lines (head-counts and
 *   money apart).
 * - Plan total: the summary's grand total and its words.
 * - Units: the unit names of registration tables.
 */
import type { WorkbookSnapshot } from "../snapshot";
import { parseCreditNote, parseQuotaNote } from "../notes/parse";
import { recognizeWorkbook } from "../recognize/recognize";
import type { RecognizedTable, TableRow } from "../recognize/model";
import { createMatcher } from "../text/match";
import { fold } from "../text/normalize";
import { workbookClues } from "./clues";
import { yearsText } from "./choose";
import type { Locale } from "../i18n";
import { parseRulebook, RulebookError } from "./load";
import { inferText } from "./messages";
import type { Course, Level, Offering, Rulebook } from "./schema";
import type { Provenance } from "./workbook";
import { rulebookSheetNames } from "./workbook";

/** The usual levels and the names tables give them. */
const LEVELS: readonly Level[] = [
  { id: "MN", name: "Mầm non", aliases: ["MN", "GDMN", "Mẫu giáo"], schools: null },
  { id: "TH", name: "Tiểu học", aliases: ["TH", "GDTH"], schools: null },
  { id: "THCS", name: "Trung học cơ sở", aliases: ["THCS"], schools: null },
  { id: "THPT", name: "Trung học phổ thông", aliases: ["THPT"], schools: null },
  { id: "GDTX", name: "Giáo dục thường xuyên", aliases: ["GDTX", "TTGDTX"], schools: null },
  { id: "GDNN", name: "Giáo dục nghề nghiệp", aliases: ["GDNN"], schools: null },
];

export interface InferredRulebook {
  rulebook: Rulebook;
  provenance: Provenance[];
  /**
   * Values the draft did not adopt because the plan contradicts itself (a line's head-count that
   * is not its own note's "k người/trường" × the schools): one short line each, also on the
   * "Cách suy ra" sheet, for the department to decide.
   */
  doubts: string[];
}

/** A plan from which no rulebook can be drafted (no cost or task appendix recognised). */
export class InferError extends Error {
  constructor(
    message: string,
    /** What could not be read, one short line each in the locale asked for (the CLI prints one per line). */
    readonly problems: string[] = [],
  ) {
    super(problems.length > 0 ? `${message} ${problems.join("; ")}` : message);
    this.name = "InferError";
  }
}

const slug = (s: string, max = 40) => {
  const f = fold(s).replace(/ /g, "-");
  const cut = f.length > max ? f.slice(0, max).replace(/-[^-]*$/, "") : f;
  return cut.replace(/^-+|-+$/g, "") || "noi-dung";
};

const QUAL: Record<string, "TC" | "CD" | "DH" | "ThS"> = {
  tc: "TC",
  "trung cap": "TC",
  cd: "CD",
  "cao dang": "CD",
  dh: "DH",
  "dai hoc": "DH",
  ths: "ThS",
  "thac si": "ThS",
};

/**
 * Whether a folded label names a degree upgrade: "nâng chuẩn", "nâng trình độ", "đào tạo … lên ĐH".
 * Only the first "dao tao" is looked after: the pattern "dao tao .*\blen (…)" scanned the rest of
 * the text from each one (quadratic: 0.05–0.2 s on a label of 32 767 characters, once per row).
 */
export function isUpgrade(folded: string): boolean {
  if (/\bnang (?:trinh do )?chuan\b|\bnang trinh do\b/.test(folded)) return true;
  const training = /\bdao tao /.exec(folded);
  return training !== null && /\blen (?:dh|dai hoc|cd|cao dang|ths)\b/.test(folded.slice(training.index + 8));
}

/** "từ TC lên ĐH" → TC → DH. */
function programmeOf(label: string): Course["programme"] {
  const m = /\btu (tc|trung cap|cd|cao dang|dh|dai hoc) len (cd|cao dang|dh|dai hoc|ths|thac si)\b/.exec(
    fold(label),
  );
  if (!m) return undefined;
  const from = QUAL[m[1]];
  const to = QUAL[m[2]];
  if (from === "ThS" || to === "TC") return undefined;
  return { from, to };
}

/** Who a line is for, from its note or its words: "Hiệu trưởng", "CBQL" → CBQL; "2CBQ,GV" → CBGV; "GV" → GV. */
function targetOf(label: string, note: string | undefined): Course["target"] {
  for (const t of [note, label]) {
    if (!t) continue;
    // "2CBGV/trường", "3GV/trường": the count is glued to the word.
    const f = fold(t).replace(/\d+/g, " ").replace(/\s+/g, " ").trim();
    if (/\b(hieu truong|giam doc)\b/.test(f) || /^(cbql|can bo quan ly)$/.test(f)) return "CBQL";
    if (/cbgv|\bcbq\w* gv\b|\bcbql gv\b/.test(f)) return "CBGV";
    if (/\bgv\b|giao vien/.test(f)) return "GV";
  }
  return undefined;
}

interface Draft {
  name: string;
  aliases: string[];
  kind: Course["kind"];
  parent?: number;
  target?: Course["target"];
  programme?: Course["programme"];
  /** Non-zero levels seen. */
  levels: Set<string>;
  totalCredits?: { value: number; how: string; from: string };
  pricePerCredit?: { value: number; from: string };
  offerings: Map<number, DraftOffering>;
  from: string;
}

interface DraftOffering {
  year: number;
  price?: { value: number; from: string };
  credits?: { value: number; from: string };
  counts: Map<string, { value: number; from: string }>;
  amount?: { value: number; from: string };
  note?: string;
  quotaNote?: { k: number; from: string };
}

const where = (t: RecognizedTable, cell: string) => `${t.sheet}!${cell}`;

/** Round to whole đồng (13.26 million × 10^6 is 13 260 000.000000002 in floating point). */
const dong = (n: number, scale: number) => Math.round(n * scale);

function isHeading(t: RecognizedTable, i: number): boolean {
  const row = t.rows[i];
  const next = t.rows[i + 1];
  return (
    row.kind === "item" &&
    Object.keys(row.counts).length === 0 &&
    row.unitPrice === undefined &&
    row.amount === undefined &&
    next?.kind === "sub"
  );
}

/**
 * Drafts a rulebook from a plan workbook. `source` names the plan (a file name) in the draft's
 * name. Throws InferError when nothing can be drafted. `locale` is the language of what is said to
 * the user (the InferError, `doubts`); the draft itself — its names, the provenance notes of the
 * "Cách suy ra" sheet — is the department's document and Vietnamese whatever the locale.
 */
export function inferRulebook(
  snapshot: WorkbookSnapshot,
  options: { source?: string; locale?: Locale } = {},
): InferredRulebook {
  const locale = options.locale ?? "vi";
  const skip = rulebookSheetNames(snapshot);
  const clues = workbookClues(snapshot, { skip });
  const plan: WorkbookSnapshot = { sheets: snapshot.sheets.filter((s) => !skip.has(s.name)) };
  const years0 = [...new Set(clues.sheets.flatMap((s) => s.years?.years ?? []))].sort((a, b) => a - b);
  const bootstrap = {
    id: "nhap",
    name: "nháp",
    province: "nháp",
    years: years0.length > 0 ? years0 : [2000],
    defaultScale: 1_000_000,
    levels: LEVELS.map((l) => ({ ...l, aliases: [...l.aliases] })),
    courses: [],
    totals: { levelTotals: "all", amountTotal: "all" },
    tolerance: 0.5,
    units: [],
    rules: {},
  } as unknown as Rulebook;
  const wb = recognizeWorkbook(plan, bootstrap);
  const cost = wb.tables.filter((t) => t.kind === "cost" && t.year !== undefined);
  const task = wb.tables.filter((t) => t.kind === "task" && t.year !== undefined);
  if (cost.length + task.length === 0) throw new InferError(inferText(locale, "noTables"));
  const provenance: Provenance[] = [];

  // Contents, in the order of the cost appendices, then of the task appendices.
  const drafts: Draft[] = [];
  const byLabel = new Map<string, number>();
  const place = (
    t: RecognizedTable,
    row: TableRow,
    taken: Set<number>,
    parent: number | undefined,
  ): number => {
    const label = (row.label?.text ?? "").replace(/^[-–—+•]\s*/, "").trim();
    const key = fold(label);
    let i = byLabel.get(key);
    if (i === undefined || taken.has(i)) {
      // Another year, or the task appendix, may word the line differently: the cost line of that
      // year it begins (or that begins it), else the closest name.
      const year = t.year as number;
      const free = drafts
        .map((d, k) => ({ key: k, names: [d.name, ...d.aliases], d }))
        .filter((e) => !taken.has(e.key) && (t.kind === "cost" || e.d.offerings.has(year)));
      const prefix = free.filter((e) =>
        e.names.some((n) => {
          const f = fold(n);
          return Math.min(f.length, key.length) >= 15 && (f.startsWith(key) || key.startsWith(f));
        }),
      );
      if (prefix.length === 1) i = prefix[0].key;
      else {
        const m = free.length > 0 ? createMatcher(free, { threshold: 0.72 }).match(label) : undefined;
        i = m?.key;
      }
    }
    if (i === undefined) {
      i = drafts.length;
      drafts.push({
        name: label,
        aliases: [],
        kind: "boi-duong",
        levels: new Set(),
        offerings: new Map(),
        from: where(t, row.label?.cell ?? ""),
        ...(parent !== undefined ? { parent } : {}),
      });
    } else if (fold(drafts[i].name) !== key && !drafts[i].aliases.some((a) => fold(a) === key)) {
      drafts[i].aliases.push(label);
    }
    byLabel.set(key, i);
    taken.add(i);
    return i;
  };

  for (const t of [...cost, ...task]) {
    const year = t.year as number;
    const taken = new Set<number>();
    let heading: number | undefined;
    t.rows.forEach((row, ri) => {
      if ((row.kind !== "item" && row.kind !== "sub") || !row.label?.text) return;
      const parent = row.kind === "sub" ? heading : undefined;
      const i = place(t, row, taken, parent);
      const d = drafts[i];
      if (row.kind === "item") heading = isHeading(t, ri) ? i : undefined;
      if (isHeading(t, ri)) d.kind = "nhom";
      let o = d.offerings.get(year);
      if (!o) {
        o = { year, counts: new Map() };
        d.offerings.set(year, o);
      }
      // Levels named in a "Cấp học" cell (seed 000 prints them as text): the line is for them.
      for (const id of row.levels?.ids ?? []) d.levels.add(id);
      // Counts: the cost appendix's when there is one (it is read first).
      for (const [level, n] of Object.entries(row.counts)) {
        if (!o.counts.has(level)) o.counts.set(level, { value: n.value, from: where(t, n.cell) });
        if (n.value !== 0) d.levels.add(level);
      }
      // A degree upgrade by its words, in a task appendix too (seed 000 has no cost appendix).
      const upgrade = isUpgrade(fold(row.label.text));
      if (upgrade && d.kind !== "nhom") d.kind = "dao-tao";
      if (t.kind !== "cost") return;
      const note = row.note?.text;
      if (note) o.note = note;
      const credit = note ? parseCreditNote(note) : undefined;
      const label = row.label.text;
      if (credit || upgrade) {
        d.kind = "dao-tao";
        d.programme ??= programmeOf(label);
      }
      if (credit && row.note) {
        d.pricePerCredit ??= { value: credit.pricePerCredit, from: where(t, row.note.cell) };
        o.credits = { value: credit.credits, from: where(t, row.note.cell) };
        const m = /\btong (?:so )?(\d{1,3}) tin chi\b/.exec(fold(label));
        if (m && d.totalCredits === undefined)
          d.totalCredits = {
            value: Number(m[1]),
            how: `ghi ở nội dung ("${label.trim()}")`,
            from: where(t, row.label.cell),
          };
      } else if (row.unitPrice) {
        o.price = { value: dong(row.unitPrice.value, t.scale), from: where(t, row.unitPrice.cell) };
      } else if (row.amount && d.kind !== "nhom") {
        o.amount = { value: dong(row.amount.value, t.scale), from: where(t, row.amount.cell) };
      }
      const k = note ? parseQuotaNote(note) : undefined;
      if (k !== undefined && row.note) o.quotaNote = { k, from: where(t, row.note.cell) };
      d.target ??= targetOf(label, note);
    });
  }

  // Levels: those with a column in some table, or named in a line's "Cấp học" or "Số lượng"
  // text (seed 000: "MN CL: 34", "THCS"), in the catalogue's order.
  const seen = new Set([
    ...wb.tables.flatMap((t) => Object.keys(t.columns.levels)),
    ...drafts.flatMap((d) => [...d.levels]),
    ...drafts.flatMap((d) => [...d.offerings.values()].flatMap((o) => [...o.counts.keys()])),
  ]);
  const levels: Level[] = LEVELS.filter((l) => seen.has(l.id)).map((l) => ({
    ...l,
    aliases: [...l.aliases],
  }));

  if (levels.length === 0)
    throw new InferError(inferText(locale, "cannotInfer"), [inferText(locale, "noLevels")]);

  // School counts: count ÷ quota on the lines that state a quota, when most such lines agree.
  levels.forEach((level, li) => {
    const votes = new Map<number, { n: number; from: string; k: number; count: number }>();
    let lines = 0;
    for (const d of drafts) {
      if (d.kind !== "boi-duong") continue;
      for (const o of d.offerings.values()) {
        const c = o.counts.get(level.id);
        if (!o.quotaNote || !c || c.value === 0) continue;
        lines++;
        const s = c.value / o.quotaNote.k;
        if (!Number.isInteger(s)) continue;
        const v = votes.get(s);
        if (v) v.n++;
        else votes.set(s, { n: 1, from: c.from, k: o.quotaNote.k, count: c.value });
      }
    }
    const best = [...votes.entries()].sort((a, b) => b[1].n - a[1].n)[0];
    if (best && best[1].n >= 2 && best[1].n * 3 >= lines * 2) {
      level.schools = best[0];
      provenance.push({
        path: ["levels", li, "schools"],
        how: `${best[1].n}/${lines} dòng có định mức người/trường cho cùng số trường (ví dụ ${best[1].count} người ÷ ${best[1].k}/trường)`,
        from: best[1].from,
      });
    } else {
      provenance.push({
        path: ["levels", li, "schools"],
        how:
          lines === 0
            ? "không dòng nào ghi định mức người/trường: số người của cấp học tính khoán"
            : "số người không chia đều cho định mức của các dòng: tính khoán (không theo trường)",
      });
    }
  });
  const schools = new Map(levels.map((l) => [l.id, l.schools]));
  const doubts: string[] = [];

  // The draft's contents.
  const courses: Course[] = [];
  const ids = new Set<string>();
  drafts.forEach((d, i) => {
    let id = slug(d.programme ? `${d.programme.from}-${d.programme.to}` : d.name);
    for (let n = 2; ids.has(id); n++)
      id = `${slug(d.programme ? `${d.programme.from}-${d.programme.to}` : d.name)}-${n}`;
    ids.add(id);
    const eligible = levels.filter((l) => d.levels.has(l.id)).map((l) => l.id);
    const course: Course = {
      id,
      name: d.name,
      aliases: d.aliases,
      kind: d.kind,
      groups: [],
      levels: eligible.length > 0 ? eligible : levels.map((l) => l.id),
      pricing: { type: "per-person" },
      offerings: [],
    };
    provenance.push({ path: ["courses", i, "name"], how: "dòng của phụ lục", from: d.from });
    provenance.push({
      path: ["courses", i, "levels"],
      how: eligible.length > 0 ? "các cấp học có số người khác 0" : "không có số người: mọi cấp học",
    });
    provenance.push({
      path: ["courses", i, "kind"],
      how:
        d.kind === "dao-tao"
          ? "đào tạo nâng chuẩn: nội dung ghi nâng trình độ chuẩn, hoặc ghi chú tính theo tín chỉ"
          : d.kind === "nhom"
            ? 'tiêu đề nhóm: không có số, các dòng "- …" bên dưới'
            : "bồi dưỡng",
    });
    if (d.target) course.target = d.target;
    if (d.programme) course.programme = d.programme;
    if (d.pricePerCredit) {
      const credits = [...d.offerings.values()].reduce((s, o) => s + (o.credits?.value ?? 0), 0);
      const total = d.totalCredits ?? {
        value: credits,
        how: "tổng tín chỉ của các năm",
        from: d.pricePerCredit.from,
      };
      course.pricing = {
        type: "per-credit",
        pricePerCredit: d.pricePerCredit.value,
        totalCredits: total.value,
      };
      provenance.push({
        path: ["courses", i, "pricing", "pricePerCredit"],
        how: "ghi chú: giá mỗi tín chỉ",
        from: d.pricePerCredit.from,
      });
      provenance.push({ path: ["courses", i, "pricing", "totalCredits"], how: total.how, from: total.from });
    }
    const offerings = [...d.offerings.values()].sort((a, b) => a.year - b.year);
    offerings.forEach((o, j) => {
      const off: Offering = { year: o.year, counts: {}, parts: [] };
      const p = (key: string) => ["courses", i, "offerings", j, key];
      if (o.price) {
        off.price = o.price.value;
        provenance.push({ path: p("price"), how: "đơn giá của dòng (đổi ra đồng)", from: o.price.from });
      }
      if (o.credits) {
        off.credits = o.credits.value;
        provenance.push({ path: p("credits"), how: "ghi chú: số tín chỉ trong năm", from: o.credits.from });
      }
      if (o.amount) {
        off.amount = o.amount.value;
        provenance.push({
          path: p("amount"),
          how: "thành tiền của dòng không có đơn giá",
          from: o.amount.from,
        });
      }
      if (o.note) off.note = o.note;
      if (d.kind !== "nhom")
        quotaAndCounts(d, o, off, schools, new Set(course.levels), p, provenance, doubts, locale);
      course.offerings.push(off);
    });
    courses.push(course);
  });
  drafts.forEach((d, i) => {
    if (d.parent !== undefined) courses[i].parent = courses[d.parent].id;
  });

  // Totals convention, from the total rows of the cost appendices.
  const totals = totalsConvention(cost, drafts, byLabel, provenance);

  const years = [...new Set([...cost, ...task].map((t) => t.year as number))].sort((a, b) => a - b);
  const provinces = [...new Set(clues.sheets.flatMap((s) => s.provinces))];
  const province = provinces[0];
  const scales = cost.map((t) => t.scale);
  const defaultScale = (scales.length > 0 ? mode(scales) : 1_000_000) as 1 | 1000 | 1000000;
  const data: Record<string, unknown> = {
    id: slug(`nhap-${province ?? "ke-hoach"}-${yearsText(years).replace(/[–, ]+/g, "-")}`, 60),
    name: `Sổ quy tắc nháp suy ra từ ${options.source ?? "kế hoạch"} (${yearsText(years)}): cần xem lại`,
    province: province ?? "Chưa rõ",
    source: `Suy ra tự động từ ${options.source ?? "các phụ lục của kế hoạch"} (dean-rulebook infer)`,
    years,
    defaultScale: [1, 1000, 1_000_000].includes(defaultScale) ? defaultScale : 1_000_000,
    levels,
    courses,
    totals,
    tolerance: 0.5,
    units: unitsOf(wb.tables),
    rules: {},
  };
  provenance.unshift(
    { path: ["years"], how: "năm của các phụ lục kinh phí và nhiệm vụ" },
    {
      path: ["province"],
      how: province ? "tỉnh, thành phố ghi trong tiêu đề" : "không tìm thấy trong tiêu đề: hãy điền",
    },
    { path: ["defaultScale"], how: "đơn vị tính của các phụ lục kinh phí" },
  );
  const summary = wb.tables.find((t) => t.kind === "summary" && t.grandTotal);
  if (summary?.grandTotal) {
    const planTotal: Record<string, unknown> = { amount: dong(summary.grandTotal.value, summary.scale) };
    provenance.push({
      path: ["planTotal", "amount"],
      how: "tổng cộng của bảng tổng hợp",
      from: where(summary, summary.grandTotal.cell),
    });
    const words = summary.words?.text; // without its label (recognize.ts, wordsLine)
    if (words && summary.words) {
      planTotal.words = words;
      provenance.push({
        path: ["planTotal", "words"],
        how: "dòng Bằng chữ của bảng tổng hợp",
        from: where(summary, summary.words.cell),
      });
    }
    data.planTotal = planTotal;
  }
  let rulebook: Rulebook;
  try {
    rulebook = parseRulebook(data, inferText(locale, "draftOrigin"), locale);
  } catch (e) {
    if (e instanceof RulebookError)
      throw new InferError(inferText(locale, "cannotInfer"), draftProblems(e, drafts, locale));
    throw e;
  }
  return { rulebook, provenance, doubts };
}

/**
 * A draft the schema refuses, said per problem in a short line: the same message on several
 * contents once, naming the first contents ("cấp học được tham gia (levels) cần ít nhất 1 mục:
 * nội dung "Công tác truyền thông…", "Rà soát…" và 6 nội dung khác").
 */
function draftProblems(e: RulebookError, drafts: readonly Draft[], locale: Locale): string[] {
  const groups = new Map<string, string[]>();
  for (const line of e.problems) {
    const { path, text } = problemParts(line);
    const c = /^courses\[(\d+)\]/.exec(path);
    const what = c
      ? `"${shorten(drafts[Number(c[1])]?.name ?? path)}" (${drafts[Number(c[1])]?.from ?? path})`
      : path;
    const key = c ? text : `${path}: ${text}`;
    const list = groups.get(key) ?? [];
    if (c) list.push(what);
    groups.set(key, list);
  }
  return [...groups.entries()].slice(0, 10).map(([problem, where]) => {
    if (where.length === 0) return problem;
    const first = where.slice(0, 2).join(", ");
    const contents =
      where.length > 2
        ? inferText(locale, "moreContents", { contents: first, more: where.length - 2 })
        : first;
    return inferText(locale, "onContents", { problem, contents });
  });
}

/**
 * A problem line's path and text ("courses[3].price: đơn giá …"): split at the first ": " of a
 * line without a line break, as /^(.*?): (.*)$/ split it; that pattern was quadratic on a line of
 * ": " ending in a line break (0.2–1 s at 32 767 characters). Lines quote at most 40 characters of a
 * value today, so this is a guard for the lines of tomorrow.
 */
export function problemParts(line: string): { path: string; text: string } {
  const colon = /[\n\r\u2028\u2029]/.test(line) ? -1 : line.indexOf(": ");
  return colon >= 0 ? { path: line.slice(0, colon), text: line.slice(colon + 2) } : { path: "", text: line };
}

const shorten = (s: string) => (s.length > 50 ? `${s.slice(0, 49)}…` : s);

function mode<T>(xs: readonly T[]): T {
  const n = new Map<T, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

/** The offering's quota per school and fixed counts (see the module's comment). */
function quotaAndCounts(
  d: Draft,
  o: DraftOffering,
  off: Offering,
  schools: ReadonlyMap<string, number | null>,
  eligible: ReadonlySet<string>,
  p: (key: string) => (string | number)[],
  provenance: Provenance[],
  doubts: string[],
  locale: Locale,
): void {
  const withSchools = [...o.counts.entries()].filter(
    ([l, c]) => (schools.get(l) ?? null) !== null && c.value > 0,
  );
  let k: number | undefined;
  let how = "";
  if (d.kind === "boi-duong" && o.quotaNote) {
    k = o.quotaNote.k;
    how = `ghi chú: ${k} người/trường`;
  } else if (d.kind === "boi-duong" && withSchools.length > 0) {
    const ks = new Set(withSchools.map(([l, c]) => c.value / (schools.get(l) as number)));
    const only = [...ks][0];
    if (ks.size === 1 && Number.isInteger(only) && only > 0) {
      k = only;
      how = `số người = ${only} × số trường ở mọi cấp học có số trường`;
    }
  }
  if (k !== undefined) {
    off.quotaPerSchool = k;
    provenance.push({ path: p("quotaPerSchool"), how, from: o.quotaNote?.from });
  }
  for (const [level, c] of o.counts) {
    // An explicit 0 in a level the line is not for says nothing more than the eligible levels.
    if (!eligible.has(level) && c.value === 0) continue;
    const s = schools.get(level) ?? null;
    if (k !== undefined && s !== null && c.value === k * s) continue;
    if (o.quotaNote && k !== undefined && s !== null && c.value > 0) {
      // The line contradicts its own note ("2 người/trường" × 13 trường = 26, printed 27): the
      // note's quota is kept and the figure is not adopted, but said, for the department to decide.
      // Said to the user in their language; noted on the draft's "Cách suy ra" sheet in Vietnamese.
      const data = {
        name: shorten(d.name),
        year: o.year,
        level,
        count: c.value,
        cell: c.from,
        k,
        schools: s,
        expected: k * s,
      };
      doubts.push(inferText(locale, "doubt", data));
      const how = `CẦN XEM LẠI: ${inferText("vi", "doubt", data)}`;
      provenance.push({ path: [...p("counts"), level], how, from: c.from });
      continue;
    }
    off.counts[level] = c.value;
    provenance.push({
      path: [...p("counts"), level],
      how: k !== undefined && s !== null ? `khác ${k} × ${s} trường: ghi số cố định` : "số người của dòng",
      from: c.from,
    });
  }
}

function totalsConvention(
  cost: readonly RecognizedTable[],
  drafts: readonly Draft[],
  byLabel: ReadonlyMap<string, number>,
  provenance: Provenance[],
): Rulebook["totals"] {
  const votes = { level: { all: 0, "boi-duong-only": 0 }, amount: { all: 0, "boi-duong-only": 0 } };
  let from: string | undefined;
  for (const t of cost) {
    const total = t.rows.find((r) => r.kind === "total");
    if (!total) continue;
    from ??= where(t, total.label?.cell ?? total.amount?.cell ?? "");
    const lines = t.rows.filter((r) => r.kind === "item" || r.kind === "sub");
    const upgrade = (r: TableRow) => {
      const i = byLabel.get(fold((r.label?.text ?? "").replace(/^[-–—+•]\s*/, "").trim()));
      return i !== undefined && drafts[i].kind === "dao-tao";
    };
    const sum = (rows: readonly TableRow[], get: (r: TableRow) => number | undefined) =>
      rows.reduce((s, r) => s + (get(r) ?? 0), 0);
    for (const level of Object.keys(t.columns.levels)) {
      const shown = total.counts[level]?.value;
      if (shown === undefined) continue;
      const all = sum(lines, (r) => r.counts[level]?.value);
      const bd = sum(
        lines.filter((r) => !upgrade(r)),
        (r) => r.counts[level]?.value,
      );
      if (all === bd) continue;
      if (shown === all) votes.level.all++;
      else if (shown === bd) votes.level["boi-duong-only"]++;
    }
    const shown = total.amount?.value;
    if (shown !== undefined) {
      const tol = 0.5 * lines.length + 0.5;
      const all = sum(lines, (r) => r.amount?.value);
      const bd = sum(
        lines.filter((r) => !upgrade(r)),
        (r) => r.amount?.value,
      );
      if (Math.abs(all - bd) > tol) {
        if (Math.abs(shown - all) <= tol) votes.amount.all++;
        else if (Math.abs(shown - bd) <= tol) votes.amount["boi-duong-only"]++;
      }
    }
  }
  const pick = (v: { all: number; "boi-duong-only": number }) =>
    v["boi-duong-only"] > v.all ? ("boi-duong-only" as const) : ("all" as const);
  const totals = { levelTotals: pick(votes.level), amountTotal: pick(votes.amount) };
  const say = (v: { all: number; "boi-duong-only": number }, what: string) =>
    v.all + v["boi-duong-only"] === 0
      ? `không dòng tổng nào phân biệt được: mặc định cộng mọi dòng`
      : `${what}: ${v["boi-duong-only"]} cột cộng riêng các dòng bồi dưỡng, ${v.all} cột cộng mọi dòng`;
  provenance.push({ path: ["totals", "levelTotals"], how: say(votes.level, "dòng tổng số người"), from });
  provenance.push({ path: ["totals", "amountTotal"], how: say(votes.amount, "dòng tổng thành tiền"), from });
  return totals;
}

/** Unit lists from registration tables: the unit column's names (not the total rows). */
function unitsOf(tables: readonly RecognizedTable[]): Rulebook["units"] {
  const names: string[] = [];
  for (const t of tables) {
    if (t.kind !== "registration" || t.columns.unit === undefined) continue;
    for (const r of t.rows) {
      const name = r.label?.text.trim();
      if (r.kind === "item" && name && !names.includes(name)) names.push(name);
    }
  }
  return names.length > 0 ? [{ label: "Quận/huyện", names, extra: [] }] : [];
}
