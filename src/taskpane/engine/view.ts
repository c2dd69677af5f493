/**
 * The findings list as the filter leaves it: grouped by sheet, then by rule, in the engine's
 * order (sheets in workbook order, rules in the order their first finding comes), as a typed
 * array of rows that the pane virtualises. Runs in the checker, never on the pane's thread.
 */
import type { ReviewedFinding } from "../../engine/accept";
import type { FindingCounts } from "../../engine/findings";
import { hasMarks } from "../../engine/text/tone";
import type { ListFilter, ListGroup, ListView } from "./protocol";

// The engine's own test of marks: a query with them must match them (ToneTable's rule too).
export { hasMarks };

const MARKS = /[\u0300-\u036f]/g;

/**
 * Lower case without tone marks (đ → d), spaces and punctuation kept: how a query typed without
 * marks is matched inside a finding's message (the engine's fold() drops punctuation).
 */
export function foldForSearch(s: string): string {
  return s.normalize("NFD").replace(MARKS, "").replace(/[đĐ]/g, "d").toLowerCase();
}

/** The text a finding is searched in: sheet, cells, message. */
function searchText(f: ReviewedFinding): string {
  return `${f.sheet} ${f.cells.join(" ")} ${f.message}`.normalize("NFC").toLowerCase();
}

/** Search texts, computed once per list of findings and kept while the list lives. */
export class SearchIndex {
  private exact?: string[];
  private folded?: string[];
  constructor(private readonly findings: readonly ReviewedFinding[]) {}

  /** Which findings contain every word of `query` (tone marks matter when the query has them). */
  matcher(query: string): ((i: number) => boolean) | undefined {
    const q = query.normalize("NFC").toLowerCase().trim();
    if (!q) return undefined;
    if (hasMarks(q)) {
      this.exact ??= this.findings.map(searchText);
      const words = q.split(/\s+/);
      const texts = this.exact;
      return (i) => words.every((w) => texts[i].includes(w));
    }
    this.exact ??= this.findings.map(searchText);
    this.folded ??= this.exact.map(foldForSearch);
    const words = q.split(/\s+/);
    const texts = this.folded;
    return (i) => words.every((w) => texts[i].includes(w));
  }
}

export function buildView(
  findings: readonly ReviewedFinding[],
  filter: ListFilter,
  options: { protectedSheets: ReadonlySet<string>; search: SearchIndex },
): ListView {
  const open: FindingCounts = { error: 0, warning: 0, info: 0, causes: 0, consequences: 0 };
  let accepted = 0;
  const sheets: string[] = [];
  const rules: string[] = [];
  const seenSheets = new Set<string>();
  const seenRules = new Set<string>();
  const severities = new Set(filter.severities);
  const text = options.search.matcher(filter.text);
  // sheet → rule → finding indices, in first-seen order (the engine's order).
  const bySheet = new Map<string, Map<string, number[]>>();
  let matched = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (f.accepted) accepted++;
    else {
      open[f.severity]++;
      if (f.severity === "error") {
        if (f.causedBy) open.consequences++;
        else open.causes++;
      }
    }
    if (!seenSheets.has(f.sheet)) {
      seenSheets.add(f.sheet);
      sheets.push(f.sheet);
    }
    if (!seenRules.has(f.rule)) {
      seenRules.add(f.rule);
      rules.push(f.rule);
    }
    if (severities.size > 0 && !severities.has(f.severity)) continue;
    if (filter.rule && f.rule !== filter.rule) continue;
    if (filter.sheet && f.sheet !== filter.sheet) continue;
    if (filter.status === "open" && f.accepted) continue;
    if (filter.status === "accepted" && !f.accepted) continue;
    if (text && !text(i)) continue;
    matched++;
    let byRule = bySheet.get(f.sheet);
    if (!byRule) bySheet.set(f.sheet, (byRule = new Map<string, number[]>()));
    let list = byRule.get(f.rule);
    if (!list) byRule.set(f.rule, (list = []));
    list.push(i);
  }
  const groups: ListGroup[] = [];
  const rows = new Int32Array(matched + [...bySheet.values()].reduce((n, m) => n + 1 + m.size, 0));
  let r = 0;
  for (const [sheet, byRule] of bySheet) {
    const writable = !options.protectedSheets.has(sheet);
    const sheetGroup: ListGroup = { level: 1, key: sheet, sheet, shown: 0, open: 0, fixable: 0, end: 0 };
    groups.push(sheetGroup);
    rows[r++] = -groups.length;
    for (const [rule, list] of byRule) {
      const g: ListGroup = {
        level: 2,
        key: `${sheet}\u001f${rule}`,
        sheet,
        rule,
        shown: list.length,
        open: 0,
        fixable: 0,
        end: 0,
      };
      groups.push(g);
      rows[r++] = -groups.length;
      for (const i of list) {
        const f = findings[i];
        if (!f.accepted) {
          g.open++;
          if (f.fix && writable) g.fixable++;
        }
        rows[r++] = i;
      }
      g.end = r;
      sheetGroup.shown += g.shown;
      sheetGroup.open += g.open;
      sheetGroup.fixable += g.fixable;
    }
    sheetGroup.end = r;
  }
  return { rows, groups, matched, sheets, rules, open, accepted };
}
