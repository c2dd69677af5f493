/**
 * The task pane's Content-Security-Policy (src/taskpane/taskpane.html, copied into the built
 * dist/addin/taskpane.html by HtmlWebpackPlugin): everything from this origin by default, no
 * eval, scripts only from this origin and Office's CDN, no plugins, no foreign base URL. The
 * policy is a <meta> tag, so it must come before any script of the page.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

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

function expectStrictPolicy(html: string): void {
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

describe("Content-Security-Policy of the task pane", () => {
  it("the page template is strict", () => {
    expectStrictPolicy(readFileSync(join(root, "src", "taskpane", "taskpane.html"), "utf8"));
  });

  it("the build serves that template", () => {
    const config = readFileSync(join(root, "webpack.config.js"), "utf8");
    expect(config).toMatch(/template:\s*["']\.\/src\/taskpane\/taskpane\.html["']/);
    const built = join(root, "dist", "addin", "taskpane.html");
    if (existsSync(built)) expectStrictPolicy(readFileSync(built, "utf8"));
  });

  it("would catch a weakened policy", () => {
    const page = (policy: string) =>
      `<html><head><meta http-equiv="Content-Security-Policy" content="${policy}" /><script src="x.js"></script></head></html>`;
    const strict =
      "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; object-src 'none'; base-uri 'self'";
    expect(() => expectStrictPolicy(page(strict))).not.toThrow();
    for (const weak of [
      strict.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"),
      strict.replace("script-src 'self'", "script-src 'self' https://cdn.example.com"),
      strict.replace("default-src 'self'", "default-src *"),
      strict.replace("object-src 'none'", "object-src 'self'"),
    ])
      expect(() => expectStrictPolicy(page(weak))).toThrow();
    expect(() => expectStrictPolicy("<html><script src='x.js'></script></html>")).toThrow();
    expect(() =>
      expectStrictPolicy(
        `<script src="x.js"></script><meta http-equiv="Content-Security-Policy" content="${strict}">`,
      ),
    ).toThrow();
  });
});
