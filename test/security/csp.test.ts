/**
 * The task pane's Content-Security-Policy (src/taskpane/taskpane.html, copied into the built
 * dist/addin/taskpane.html by HtmlWebpackPlugin): everything from this origin by default, no
 * eval, scripts only from this origin and Office's CDN, no plugins, no foreign base URL. The
 * policy is a <meta> tag, so it must come before any script of the page.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expectStrictPolicy } from "./csp-policy";

const root = join(__dirname, "..", "..");

describe("Content-Security-Policy of the task pane", () => {
  it("the page template is strict", () => {
    expectStrictPolicy(readFileSync(join(root, "src", "taskpane", "taskpane.html"), "utf8"));
  });

  it("the build serves that template", () => {
    const config = readFileSync(join(root, "webpack.config.js"), "utf8");
    expect(config).toMatch(/template:\s*["']\.\/src\/taskpane\/taskpane\.html["']/);
    // The built page itself is checked by csp-built.system.test.ts (npm run test:system builds it).
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
