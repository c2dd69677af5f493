/**
 * Reading and judging the task pane's Content-Security-Policy: everything from this origin by
 * default, no eval, scripts only from this origin and Office's CDN, no plugins, no foreign base
 * URL; the <meta> policy comes before any script of the page. Used by csp.test.ts (the page
 * template) and csp-built.system.test.ts (the built page).
 */
/** Office.js and the hosts Office serves it from. */
const OFFICE_SCRIPT_SOURCES = new Set([
  "https://appsforoffice.microsoft.com",
  "https://*.officeapps.live.com",
]);

function parseCsp(html: string): { policy: Map<string, string[]>; at: number } | undefined {
  for (const m of html.matchAll(/<meta\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
    const attrs = new Map<string, string>();
    for (const a of m[1].matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g))
      attrs.set(a[1].toLowerCase(), a[2] ?? a[3] ?? a[4]);
    if (attrs.get("http-equiv")?.toLowerCase() !== "content-security-policy") continue;
    const policy = new Map<string, string[]>();
    for (const part of (attrs.get("content") ?? "").split(";")) {
      const [name, ...values] = part.trim().split(/\s+/);
      if (name) policy.set(name.toLowerCase(), values);
    }
    return { policy, at: m.index };
  }
  return undefined;
}

export function expectStrictPolicy(html: string): void {
  const csp = parseCsp(html);
  expect(csp).toBeDefined();
  const { policy, at } = csp as NonNullable<typeof csp>;
  expect(policy.get("default-src")).toEqual(["'self'"]);
  for (const [directive, values] of policy) {
    expect([directive, values.includes("'unsafe-eval'")]).toEqual([directive, false]);
    expect([directive, values.includes("*")]).toEqual([directive, false]);
  }
  const scripts = policy.get("script-src") ?? [];
  expect(scripts).toContain("'self'");
  for (const s of scripts) expect(s === "'self'" || OFFICE_SCRIPT_SOURCES.has(s)).toBe(true);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'self'"]);
  // A meta policy covers only what comes after it.
  const firstScript = html.search(/<script\b/i);
  expect(firstScript === -1 || at < firstScript).toBe(true);
}
