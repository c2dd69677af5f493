/**
 * The rulebook: everything about a plan that is data, not code. Another province, another year
 * or another programme is a different rulebook, never a code change. Validated with zod; every
 * violation is reported in Vietnamese with its path (see ./load.ts).
 */
import { z } from "zod";
import { formatMessage } from "../i18n";
import { RULEBOOK_LIMITS } from "./limits";

const id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "Mã chỉ gồm chữ không dấu, số, '-' và '_'");
/** Any text of a rulebook: a name, a note, a unit. */
const text = z.string().max(RULEBOOK_LIMITS.text);
const name = text.min(1);
const year = z.number().int().min(1990).max(2100);
const money = z.number().nonnegative(); // đồng
const count = z.number().int().nonnegative();
const severityOrOff = z.enum(["error", "warning", "info", "off"]);

export const levelSchema = z.object({
  id,
  name,
  aliases: z.array(name).default([]),
  /** Number of schools of this level in the plan's area; null when counts are lump sums (GDNN). */
  schools: count.nullable().default(null),
});

export const offeringSchema = z.object({
  year,
  /** Price per person in đồng (per-person pricing). */
  price: money.optional(),
  /** Credits taught this year (per-credit pricing). */
  credits: z.number().int().positive().optional(),
  /** Head-count per school, for every eligible level that has a school count. */
  quotaPerSchool: z.number().int().positive().optional(),
  /** Expected head-counts for levels without school counts or for a fixed cohort. */
  counts: z.record(z.string(), count).default({}),
  /** A lump amount in đồng, for lines priced as a whole. */
  amount: money.optional(),
  /**
   * (Recognition engineer, issue 12.) The head-count over all eligible levels when the plan gives
   * one number for several levels (seed 000: "Bồi dưỡng … tư vấn tâm lý", TH, THCS, THPT: 448).
   */
  total: count.optional(),
  /**
   * (Recognition engineer, issue 12.) Expected head-counts of parts of a line: by level and
   * public / non-public sector ("MN CL: 34", "MNNCL: 200"), or by target group ("Đối tượng A: 477").
   */
  parts: z
    .array(
      z.object({
        level: id.optional(),
        sector: z.enum(["cong-lap", "ngoai-cong-lap"]).optional(),
        group: z.string().min(1).max(2).optional(),
        count,
      }),
    )
    .default([]),
  /** The note a table shows for this line, e.g. "4 GV/trường". */
  note: text.optional(),
  /**
   * (Recognition engineer, issue 11 item 2.) What the plan's task appendix states for the line:
   * timing ("Tháng 7-12/2023"), delivery form, lead and partner units, as printed.
   */
  time: text.optional(),
  form: text.optional(),
  lead: text.optional(),
  partner: text.optional(),
});

export const pricingSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("per-person") }),
  z.object({
    type: z.literal("per-credit"),
    pricePerCredit: money,
    totalCredits: z.number().int().positive(),
  }),
]);

export const courseSchema = z.object({
  id,
  name,
  aliases: z.array(name).default([]),
  /** dao-tao: degree upgrade; boi-duong: in-service course; nhom: a heading grouping sub-rows. */
  kind: z.enum(["dao-tao", "boi-duong", "nhom"]),
  parent: id.optional(),
  target: z.enum(["GV", "CBQL", "CBGV"]).optional(),
  /** Qualification programme of a degree upgrade, e.g. TC → ĐH. */
  programme: z.object({ from: z.enum(["TC", "CD", "DH"]), to: z.enum(["CD", "DH", "ThS"]) }).optional(),
  /** Public or non-public schools only (e.g. TC-ĐH for public preschools, TC-CĐ for non-public). */
  sector: z.enum(["cong-lap", "ngoai-cong-lap"]).optional(),
  /**
   * (Recognition engineer, issue 12.) Target groups of the course, as a plan defines them (seed
   * 001: KHTN "Đối tượng A", "Đối tượng B"); a table's "Đối tượng A: 477" is read by the id.
   */
  groups: z
    .array(
      z.object({
        id: z.string().regex(/^[A-Z0-9]{1,2}$/),
        name: text.min(1),
        description: text.optional(),
      }),
    )
    .default([]),
  /** Levels in which a non-zero head-count is allowed. */
  levels: z.array(id).min(1),
  pricing: pricingSchema.default({ type: "per-person" }),
  offerings: z.array(offeringSchema).default([]),
});

export const unitListSchema = z.object({
  /** e.g. "Quận/huyện" or "Xã, phường, đặc khu" */
  label: name,
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
  names: z.array(name).min(1),
  /** Rows that are not units but are allowed in registration tables, e.g. "Các trường THPT". */
  extra: z.array(name).default([]),
});

const qualification = z.enum(["TC", "CD", "DH", "ThS"]);
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Tháng phải ghi dạng yyyy-mm, ví dụ 2020-07");

/** Who must take a degree upgrade (Decree 71/2020, amended by Decree 311/2025). */
export const upgradeSchema = z.object({
  /** Months of service left are counted from this month (inclusive). */
  from: yearMonth.default("2020-07"),
  /** Fewer months left than this: not required to upgrade. */
  minMonthsLeft: z.number().int().positive().default(84),
  /** Levels with an upgrade duty and the standard qualification there (MN: CĐ; TH, THCS: ĐH). */
  standard: z.record(z.string(), qualification),
  /** Other thresholds for some people, e.g. TH teachers holding only trung cấp: 96 months. */
  exceptions: z
    .array(z.object({ level: z.string(), qualification, minMonthsLeft: z.number().int().positive() }))
    .default([]),
});

/** Regular in-service training (BDTX) of a school year (Circular 19/2019, 17/2022). */
export const bdtxSchema = z.object({
  /** The school year, e.g. "2023-2024", and its first and last months. */
  schoolYear: name,
  start: yearMonth,
  end: yearMonth,
  /** Done = at least this many modules, of `periodsPerModule` periods each. */
  minModules: z.number().int().positive(),
  periodsPerModule: z.number().int().positive().default(40),
  /** Levels whose staff take part. */
  levels: z.array(z.string()).min(1),
});

export const rulebookSchema = z
  .object({
    $schema: z.string().optional(),
    id,
    name,
    province: name,
    source: text.optional(),
    years: z.array(year).min(1),
    /** Unit of tables that do not state one: 1 (đồng) or 1 000 000 (triệu đồng). */
    defaultScale: z.union([z.literal(1), z.literal(1000), z.literal(1000000)]).default(1000000),
    levels: z.array(levelSchema).min(1),
    courses: z.array(courseSchema).min(1),
    totals: z
      .object({
        /** Which rows the head-count total of each level counts. */
        levelTotals: z.enum(["all", "boi-duong-only"]).default("all"),
        /** Which rows the money total counts. */
        amountTotal: z.enum(["all", "boi-duong-only"]).default("all"),
      })
      .default({ levelTotals: "all", amountTotal: "all" }),
    planTotal: z
      .object({ amount: money, words: text.optional(), derived: z.boolean().default(false) })
      .optional(),
    /** Rounding tolerated on each row, in units of the table (0.5 = half a unit). */
    tolerance: z.number().nonnegative().max(10).default(0.5),
    units: z.array(unitListSchema).default([]),
    /** Who may be trained (per-person lists of upgrade registrations). */
    upgrade: upgradeSchema.optional(),
    /** Regular in-service training (BDTX) plans. */
    bdtx: bdtxSchema.optional(),
    /** Severity overrides by rule id, like an ESLint config. */
    rules: z.record(z.string(), severityOrOff).default({}),
  })
  .superRefine((rb, ctx) => {
    // Every check is one pass over what it checks, with Sets for look-ups: a rulebook of a
    // hundred thousand contents is refused by its size (./limits.ts), never by a quadratic wait.
    const issue = (path: PropertyKey[], key: RefinementKey, params: Record<string, string | number>) =>
      ctx.addIssue({
        code: "custom",
        path,
        message: refinementMessage(key, params, "vi"),
        params: { key, ...params },
      });
    const years = new Set<number>();
    rb.years.forEach((y, i) => {
      if (years.has(y)) issue(["years", i], "yearTwice", { year: y });
      years.add(y);
    });
    const levelIds = new Set<string>();
    rb.levels.forEach((l, i) => {
      if (levelIds.has(l.id)) issue(["levels", i, "id"], "levelTwice", { id: l.id });
      levelIds.add(l.id);
    });
    const courseIds = new Set<string>();
    rb.courses.forEach((c, i) => {
      if (courseIds.has(c.id)) issue(["courses", i, "id"], "courseTwice", { id: c.id });
      courseIds.add(c.id);
    });
    rb.courses.forEach((c, i) => {
      c.levels.forEach((l, j) => {
        if (!levelIds.has(l)) issue(["courses", i, "levels", j], "unknownLevel", { id: l });
      });
      if (c.parent && !courseIds.has(c.parent))
        issue(["courses", i, "parent"], "unknownParent", { id: c.parent });
      const offered = new Set<number>();
      c.offerings.forEach((o, j) => {
        if (!years.has(o.year))
          issue(["courses", i, "offerings", j, "year"], "yearNotInPlan", { year: o.year });
        o.parts.forEach((part, k) => {
          if (part.level !== undefined && !levelIds.has(part.level))
            issue(["courses", i, "offerings", j, "parts", k, "level"], "unknownLevel", { id: part.level });
          if (part.group !== undefined && !c.groups.some((g) => g.id === part.group))
            issue(["courses", i, "offerings", j, "parts", k, "group"], "unknownGroup", {
              id: c.id,
              group: part.group,
            });
        });
        for (const l of Object.keys(o.counts)) {
          if (!levelIds.has(l)) issue(["courses", i, "offerings", j, "counts", l], "unknownLevel", { id: l });
        }
        if (c.pricing.type === "per-credit" && o.credits === undefined)
          issue(["courses", i, "offerings", j, "credits"], "creditsMissing", {});
        if (offered.has(o.year))
          issue(["courses", i, "offerings", j, "year"], "offeringTwice", { year: o.year, id: c.id });
        offered.add(o.year);
      });
    });
  });

/** The messages of the checks between parts of a rulebook (see refinementMessage). */
export const REFINEMENT_MESSAGES = {
  yearTwice: { vi: "Năm {year} được khai báo hai lần", en: "Year {year} is listed twice" },
  levelTwice: { vi: 'Cấp học "{id}" bị khai báo hai lần', en: 'Level "{id}" is declared twice' },
  courseTwice: { vi: 'Nội dung "{id}" bị khai báo hai lần', en: 'Content "{id}" is declared twice' },
  unknownLevel: {
    vi: 'Cấp học "{id}" không có trong danh sách cấp học',
    en: 'Level "{id}" is not in the list of levels',
  },
  unknownParent: { vi: 'Nội dung cha "{id}" không tồn tại', en: 'Parent content "{id}" does not exist' },
  unknownGroup: {
    vi: 'Nội dung "{id}" không có đối tượng "{group}" (khai báo trong groups)',
    en: 'Content "{id}" has no target group "{group}" (declare it in groups)',
  },
  yearNotInPlan: {
    vi: "Năm {year} không thuộc các năm của kế hoạch",
    en: "Year {year} is not a year of the plan",
  },
  creditsMissing: {
    vi: "Nội dung tính theo tín chỉ cần số tín chỉ của năm",
    en: "A content priced per credit needs the credits of the year",
  },
  offeringTwice: {
    vi: 'Năm {year} được khai báo hai lần cho nội dung "{id}"',
    en: 'Year {year} is given twice for content "{id}"',
  },
} as const;

export type RefinementKey = keyof typeof REFINEMENT_MESSAGES;

export function refinementMessage(
  key: RefinementKey,
  params: Record<string, unknown>,
  locale: "vi" | "en",
): string {
  const data: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) data[k] = typeof v === "number" ? v : String(v);
  return formatMessage(REFINEMENT_MESSAGES[key][locale], data);
}

export type RulebookInput = z.input<typeof rulebookSchema>;
export type Rulebook = z.output<typeof rulebookSchema>;
export type Level = Rulebook["levels"][number];
export type Course = Rulebook["courses"][number];
export type Offering = Course["offerings"][number];
export type UnitList = Rulebook["units"][number];
export type Qualification = z.output<typeof qualification>;
export type UpgradeRules = z.output<typeof upgradeSchema>;
export type BdtxRules = z.output<typeof bdtxSchema>;
