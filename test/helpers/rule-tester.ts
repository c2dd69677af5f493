/**
 * A RuleTester in the manner of ESLint's: each rule gets a table of valid cases (no finding)
 * and invalid cases (exactly the findings listed, in order). Cases are whole workbooks, checked
 * by the real recogniser, with only the rule under test enabled.
 */
import { checkWorkbook } from "../../src/engine/check";
import type { EngineFinding, Severity, Subject } from "../../src/engine/findings";
import type { Rule } from "../../src/engine/rules/api";
import type { Locale } from "../../src/engine/i18n";
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import { parseRulebook } from "../../src/engine/rulebook/load";
import type { Rulebook, RulebookInput } from "../../src/engine/rulebook/schema";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";

export interface ValidCase {
  name: string;
  workbook: WorkbookSnapshot;
  /**
   * Built-in rulebook id (default hai-phong-2026-2030), a function editing a copy of it, or a
   * built-in id with a function editing a copy of that one.
   */
  rulebook?:
    | string
    | ((rb: RulebookInput) => RulebookInput)
    | { id: string; edit: (rb: RulebookInput) => RulebookInput };
  locale?: Locale;
}

interface ExpectedFinding {
  /** The rule's message id that must word the finding (as ESLint's RuleTester asserts). */
  messageId: string;
  sheet?: string;
  cells?: string[];
  severity?: Severity;
  /** Substrings the message must contain. */
  message?: string | string[];
  expected?: number | string | null;
  actual?: number | string | null;
  fix?: { cell: string; value: number | string } | null;
  /** The root cause a consequence names (`null`: the finding is a cause itself). */
  causedBy?: { sheet: string; cell: string; rule: string } | null;
  /** Fields the finding's subject must hold (what an acceptance remembers it by). */
  subject?: Partial<Subject>;
}

export interface InvalidCase extends ValidCase {
  /** At least one: an invalid case that expects no finding is a valid case in the wrong table. */
  findings: [ExpectedFinding, ...ExpectedFinding[]];
}

function rulebookFor(c: ValidCase): Rulebook {
  const copy = (id?: string) => JSON.parse(JSON.stringify(builtinRulebook(id))) as RulebookInput;
  if (typeof c.rulebook === "function") return parseRulebook(c.rulebook(copy()));
  if (typeof c.rulebook === "object") return parseRulebook(c.rulebook.edit(copy(c.rulebook.id)));
  return builtinRulebook(c.rulebook);
}

function runRule(
  rule: Rule,
  c: ValidCase,
  opts: { locale?: Locale; severity?: Severity } = {},
): EngineFinding[] {
  let rulebook = rulebookFor(c);
  if (opts.severity) rulebook = { ...rulebook, rules: { ...rulebook.rules, [rule.meta.id]: opts.severity } };
  return checkWorkbook(c.workbook, { rulebook, rules: [rule], locale: opts.locale ?? c.locale }).findings;
}

/** Letters that only Vietnamese writes (tone marks, ă â đ ê ô ơ ư), upper and lower case. */
const VIETNAMESE = /[ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]/;
/**
 * Words English messages keep on purpose: the product's name. The currency is "VND" in English
 * ("million VND", "442,000 VND/credit"); "đồng" and "đ" stay only inside quoted text to type.
 */
const KEPT = /Đề án Checker/gu;

/**
 * The Vietnamese left in an English message once the user's own text is taken out: quoted text,
 * the workbook's cell texts and sheet names (a person's name, a district), the rulebook's
 * course names. Empty when nothing leaked.
 */
export function vietnameseLeak(message: string, workbook: WorkbookSnapshot, rulebook: Rulebook): string {
  let rest = message.replace(/"[^"]*"|“[^”]*”|'[^']*'/g, " ");
  const own = new Set<string>();
  for (const sheet of workbook.sheets) {
    own.add(sheet.name);
    for (const row of sheet.values)
      for (const v of row) if (typeof v === "string" && v.trim().length > 1) own.add(v.trim());
  }
  for (const c of rulebook.courses) own.add(c.name);
  for (const u of rulebook.units ?? []) for (const n of [...u.names, ...(u.extra ?? [])]) own.add(n);
  for (const text of [...own].sort((a, b) => b.length - a.length))
    if (rest.includes(text)) rest = rest.split(text).join(" ");
  rest = rest.replace(KEPT, " ");
  const words = rest.split(/\s+/).filter((w) => VIETNAMESE.test(w));
  return words.join(" ");
}

function describeFindings(fs: EngineFinding[]): string {
  return (
    fs.map((f) => `  ${f.severity} ${f.sheet}!${f.cells.join(",")} ${f.message}`).join("\n") || "  (none)"
  );
}

/** Message ids produced by the invalid cases of each rule, across every table that tests it. */
const producedMessageIds = new Map<string, Set<string>>();

/** The same workbook and rulebook twice in one table tests nothing new (ESLint fails duplicates). */
function caseKey(c: ValidCase): string {
  const rb =
    typeof c.rulebook === "function"
      ? c.rulebook.toString()
      : typeof c.rulebook === "object"
        ? `${c.rulebook.id} ${c.rulebook.edit.toString()}`
        : (c.rulebook ?? "");
  return JSON.stringify([c.workbook, rb, c.locale ?? "vi"]);
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    it("has no duplicate cases and no unnamed ones", () => {
      const seen = new Map<string, string>();
      for (const c of [...cases.valid, ...cases.invalid]) {
        expect(c.name.trim()).not.toBe("");
        const key = caseKey(c);
        const before = seen.get(key);
        if (before !== undefined) throw new Error(`"${c.name}" repeats the case "${before}"`);
        seen.set(key, c.name);
      }
    });
    it("names only message ids the rule has", () => {
      for (const c of cases.invalid)
        for (const f of c.findings) expect(Object.keys(rule.meta.messages)).toContain(f.messageId);
    });
    it("has Vietnamese and English metadata", () => {
      expect(rule.meta.title.vi).toBeTruthy();
      expect(rule.meta.title.en).toBeTruthy();
      expect(rule.meta.rationale.vi.length).toBeGreaterThan(20);
      for (const m of Object.values(rule.meta.messages)) {
        expect(m.vi).toBeTruthy();
        expect(m.en).toBeTruthy();
      }
    });
    describe("valid", () => {
      it.each(cases.valid.map((c) => [c.name, c] as const))("%s", (_n, c) => {
        const found = runRule(rule, c);
        if (found.length) throw new Error(`expected no findings, got:\n${describeFindings(found)}`);
      });
    });
    describe("invalid", () => {
      it.each(cases.invalid.map((c) => [c.name, c] as const))("%s", (_n, c) => {
        const found = runRule(rule, c);
        let produced = producedMessageIds.get(rule.meta.id);
        if (!produced) producedMessageIds.set(rule.meta.id, (produced = new Set()));
        for (const f of found) produced.add(f.messageId);
        if (found.length !== c.findings.length) {
          throw new Error(
            `expected ${c.findings.length} findings, got ${found.length}:\n${describeFindings(found)}`,
          );
        }
        c.findings.forEach((want, i) => {
          const got = found[i];
          expect(got.rule).toBe(rule.meta.id);
          expect(got.messageId).toBe(want.messageId);
          if (want.sheet !== undefined) expect(got.sheet).toBe(want.sheet);
          if (want.cells !== undefined) expect(got.cells).toEqual(want.cells);
          expect(got.severity).toBe(want.severity ?? rule.meta.defaultSeverity);
          for (const s of [want.message ?? []].flat()) expect(got.message).toContain(s);
          if (want.expected !== undefined) expect(got.expected).toEqual(want.expected);
          if (want.actual !== undefined) expect(got.actual).toEqual(want.actual);
          if (want.fix === null) expect(got.fix).toBeUndefined();
          else if (want.fix !== undefined) expect(got.fix).toEqual(want.fix);
          if (want.subject !== undefined) expect(got.subject).toMatchObject(want.subject);
          if (want.causedBy === null) expect(got.causedBy).toBeUndefined();
          else if (want.causedBy !== undefined) expect(got.causedBy).toEqual(want.causedBy);
        });
      });
    });
    it("words every invalid case in English without Vietnamese outside quoted cell text", () => {
      for (const c of cases.invalid) {
        const rulebook = rulebookFor(c);
        for (const f of runRule(rule, c, { locale: "en" })) {
          const leak = vietnameseLeak(f.message, c.workbook, rulebook);
          if (leak) throw new Error(`"${c.name}": ${f.message}\n  leaks: ${leak}`);
        }
      }
    });
    it("gives every finding the severity the rulebook sets for the rule (ESLint semantics)", () => {
      for (const severity of ["info", "warning", "error"] as const) {
        for (const c of cases.invalid) {
          const found = runRule(rule, c, { severity });
          expect(found.length).toBeGreaterThan(0);
          for (const f of found) expect(`${c.name}: ${f.severity}`).toBe(`${c.name}: ${severity}`);
        }
      }
    });
    it("produces every message of the rule in some invalid case", () => {
      const produced = producedMessageIds.get(rule.meta.id) ?? new Set<string>();
      const never = Object.keys(rule.meta.messages).filter((id) => !produced.has(id));
      if (never.length) throw new Error(`no invalid case produces: ${never.join(", ")}`);
    });
  });
}
