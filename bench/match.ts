/**
 * Benchmark of the engine's content matching (issue 14, item 5): a cost appendix of 20 000 lines
 * whose contents the rulebook knows (its own course names, as printed, with the seed's typos)
 * against one of 20 000 lines whose contents it does not know (each a different text, built of the
 * plans' own words), both checked by the whole engine; and the matcher alone on 20 000 distinct
 * known-but-misspelt texts and 20 000 distinct unknown ones. Target: unknown contents cost no more
 * than 2× known ones.
 *
 *   npx tsx bench/match.ts          prints the figures (nothing is written; copy them into
 *                                   bench/RESULTS.md under "Content matching" when they change)
 */
import { checkWorkbook } from "../src/engine/check";
import { builtinRulebook } from "../src/engine/rulebook/builtin";
import { parseRulebook } from "../src/engine/rulebook/load";
import type { Rulebook } from "../src/engine/rulebook/schema";
import type { CellValue, WorkbookSnapshot } from "../src/engine/snapshot";
import { createMatcher } from "../src/engine/text/match";

const LINES = 20_000;

/** Words of the plans' course names, to build unknown contents that look like real ones. */
const WORDS = [
  "Bồi dưỡng",
  "kỹ năng",
  "năng lực",
  "giáo viên",
  "cán bộ quản lý",
  "học sinh",
  "chuyên môn",
  "phương pháp",
  "đánh giá",
  "tổ chức",
  "hoạt động",
  "trải nghiệm",
  "sáng tạo",
  "an toàn",
  "giao thông",
  "phòng cháy",
  "chữa cháy",
  "y tế",
  "trường học",
  "thư viện",
  "thiết bị",
  "ngoại ngữ",
  "tin học",
  "văn hóa",
  "nghệ thuật",
  "thể chất",
  "dinh dưỡng",
  "bán trú",
  "kế toán",
  "hành chính",
  "pháp luật",
  "công đoàn",
  "thanh tra",
  "kiểm định",
  "chất lượng",
  "hồ sơ",
  "số hóa",
  "dữ liệu",
];

/** The i-th unknown content: three to six words of the pool in an order no other line has. */
export function unknownContent(i: number): string {
  const words: string[] = [];
  let n = i;
  const len = 3 + (i % 4);
  for (let k = 0; k < len; k++) {
    words.push(WORDS[n % WORDS.length]);
    n = Math.floor(n / WORDS.length) + k * 7 + 3;
  }
  return `${words.join(" ")} ${i}`;
}

/** Known contents as typed in a real table: the rulebook's names, the seed's typos, a bullet. */
function knownContents(rulebook: Rulebook): string[] {
  return rulebook.courses
    .filter((c) => c.kind !== "nhom")
    .flatMap((c) => [c.name, c.name.replace("ứng", "ưng").replace(/\s+/, "  "), `- ${c.name};`]);
}

function costWorkbook(contents: (i: number) => string): WorkbookSnapshot {
  const values: CellValue[][] = [
    ["PHỤ LỤC 6"],
    ["KINH PHÍ ĐÀO TẠO, BỒI DƯỠNG ĐỘI NGŨ NĂM 2026"],
    [null, null, null, null, null, null, null, null, null, "Đơn vị tính: triệu đồng"],
    ["TT", "Nội dung", "MN", "TH", "THCS", "THPT", "GDTX", "GDNN", "Đơn giá/người", "Thành tiền", "Ghi chú"],
  ];
  for (let i = 0; i < LINES; i++) values.push([i + 1, contents(i), 10, 10, 10, 10, 10, 10, 2, 120, null]);
  return { sheets: [{ name: "PL6 KP 2026", values }] };
}

/**
 * CPU time (user + system) of `f`, in ms: on this shared 2-core machine wall time measures the
 * other engineers' tests as much as ours; CPU time is what the engine itself spent.
 */
function ms(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1000;
}

/** Median of `runs` timings, each on a freshly parsed rulebook (so that no cache carries over). */
function median(runs: number, f: (rb: Rulebook) => void): number {
  const base = JSON.parse(JSON.stringify(builtinRulebook())) as unknown;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const rb = parseRulebook(JSON.parse(JSON.stringify(base)));
    times.push(ms(() => f(rb)));
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

function main(): void {
  const rb = builtinRulebook();
  const known = knownContents(rb);
  const knownBook = costWorkbook((i) => known[i % known.length]);
  const unknownBook = costWorkbook(unknownContent);
  const runs = Number(process.env.RUNS ?? 3);
  // One untimed round each, to warm the JIT.
  checkWorkbook(knownBook, { rulebook: rb });
  checkWorkbook(unknownBook, { rulebook: rb });
  const checkKnown = median(runs, (r) => checkWorkbook(knownBook, { rulebook: r }));
  const checkUnknown = median(runs, (r) => checkWorkbook(unknownBook, { rulebook: r }));

  // The matcher alone, every text different (no memo helps): known names with a distinct tail.
  const entries = rb.courses.map((c) => ({ key: c.id, names: [c.name, ...c.aliases] }));
  const knownTexts = Array.from({ length: LINES }, (_, i) => `${known[i % known.length]} (lớp ${i})`);
  const unknownTexts = Array.from({ length: LINES }, (_, i) => unknownContent(i));
  const matchAll = (texts: string[]) => () => {
    const m = createMatcher(entries, { threshold: 0.72 });
    for (const t of texts) m.match(t);
  };
  matchAll(knownTexts)();
  matchAll(unknownTexts)();
  const matchKnown = median(runs, () => matchAll(knownTexts)());
  const matchUnknown = median(runs, () => matchAll(unknownTexts)());

  const r = (n: number) => Math.round(n * 10) / 10;
  const rows = [
    ["engine check, 20 000 known contents", r(checkKnown), ""],
    ["engine check, 20 000 unknown contents", r(checkUnknown), `${r(checkUnknown / checkKnown)}× known`],
    ["matcher only, 20 000 distinct known (misspelt) texts", r(matchKnown), ""],
    [
      "matcher only, 20 000 distinct unknown texts",
      r(matchUnknown),
      `${r(matchUnknown / matchKnown)}× known`,
    ],
  ];
  console.log(`| measure | CPU ms (median of ${runs}) | ratio |\n|---|---:|---:|`);
  for (const [name, v, note] of rows) console.log(`| ${name} | ${v} | ${note} |`);
}

if (require.main === module) main();
