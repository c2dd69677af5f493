/**
 * The built task pane page (dist/addin/taskpane.html, written by HtmlWebpackPlugin from the
 * template that csp.test.ts checks) carries the strict Content-Security-Policy before its scripts.
 * Run by `npm run test:system`, which builds the add-in first; never skipped for want of a build.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expectStrictPolicy } from "./csp-policy";

const built = join(__dirname, "..", "..", "dist", "addin", "taskpane.html");

it("the built page keeps the strict policy ahead of its scripts", () => {
  if (!existsSync(built))
    throw new Error(`${built} is missing: npm run build:addin (npm run test:system builds it)`);
  const html = readFileSync(built, "utf8");
  expect(html).toMatch(/<script\b/i);
  expectStrictPolicy(html);
});
