/**
 * The add-in makes no network request of its own: no source file outside src/office (where
 * Office.js talks to Excel) calls fetch, XMLHttpRequest, WebSocket, EventSource or sendBeacon,
 * imports code from a URL, or loads a script from a foreign origin; and nothing renders a
 * workbook's text as HTML.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(__dirname, "..", "..");
const src = join(root, "src");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(ts|tsx|js|mjs|cjs|html)$/.test(e.name) ? [p] : [];
  });
}

/** Office.js's own scripts come from Microsoft's CDN; nothing else may be loaded from outside. */
const OFFICE_SCRIPT = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js$/;

const NETWORK: [string, RegExp][] = [
  ["fetch(", /(?<![\w.])fetch\s*\(|\.fetch\s*\(/],
  ["XMLHttpRequest", /\bXMLHttpRequest\b/],
  ["WebSocket", /\bWebSocket\b/],
  ["EventSource", /\bEventSource\b/],
  ["navigator.sendBeacon", /\bsendBeacon\b/],
  ["import() of a URL", /\bimport\s*\(\s*[`'"](?:https?:)?\/\//],
  ["importScripts", /\bimportScripts\s*\(/],
  ["a URL assigned to src", /\.src\s*=\s*[`'"](?:https?:)?\/\//],
  ["a service worker", /\bserviceWorker\b/],
];

const HTML_SINKS: [string, RegExp][] = [
  ["dangerouslySetInnerHTML", /dangerouslySetInnerHTML/],
  ["innerHTML", /\binnerHTML\b/],
  ["outerHTML", /\bouterHTML\b/],
  ["insertAdjacentHTML", /\binsertAdjacentHTML\b/],
  ["document.write", /\bdocument\.write(?:ln)?\s*\(/],
  ["eval", /(?<![\w.])eval\s*\(/],
  ["new Function", /\bnew\s+Function\s*\(/],
];

/** The foreign scripts of an HTML page (`<script src=…>` not from this origin). */
function foreignScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)]
    .map((m) => m[1])
    .filter((url) => /^(?:https?:)?\/\//i.test(url));
}

function violations(patterns: [string, RegExp][], paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    readFileSync(p, "utf8")
      .split("\n")
      .forEach((line, i) => {
        for (const [what, re] of patterns)
          if (re.test(line)) out.push(`${relative(root, p)}:${i + 1}: ${what}`);
      });
  }
  return out;
}

const all = files(src);
const ours = all.filter((p) => !relative(src, p).startsWith("office"));

describe("no network request of the add-in's own", () => {
  it("scans every source file (the scan is not empty)", () => {
    expect(ours.length).toBeGreaterThan(30);
    expect(ours.some((p) => p.endsWith("App.tsx"))).toBe(true);
    expect(ours.some((p) => p.endsWith("taskpane.html"))).toBe(true);
  });

  it("no source outside src/office calls the network", () => {
    expect(violations(NETWORK, ours)).toEqual([]);
  });

  it("pages load scripts only from this origin and Office.js from Microsoft's CDN", () => {
    for (const p of all.filter((f) => f.endsWith(".html"))) {
      for (const url of foreignScripts(readFileSync(p, "utf8"))) expect(url).toMatch(OFFICE_SCRIPT);
    }
  });

  it("the scan finds what it looks for", () => {
    const probes: [string, string][] = [
      ["fetch(", 'await fetch("https://example.com")'],
      ["fetch(", "window.fetch(url)"],
      ["XMLHttpRequest", "const x = new XMLHttpRequest();"],
      ["WebSocket", 'new WebSocket("wss://x")'],
      ["EventSource", "new EventSource(url)"],
      ["navigator.sendBeacon", "navigator.sendBeacon(u, d)"],
      ["import() of a URL", 'await import("https://cdn.example.com/x.js")'],
      ["a URL assigned to src", 'img.src = "https://tracker.example.com/p.gif"'],
    ];
    for (const [what, line] of probes) {
      const hit = NETWORK.find(([, re]) => re.test(line));
      expect(hit?.[0]).toBe(what);
    }
    expect(NETWORK.some(([, re]) => re.test("// the add-in fetches nothing"))).toBe(false);
    expect(NETWORK.some(([, re]) => re.test("prefetch = true; refetched(x)"))).toBe(false);
    expect(
      foreignScripts(
        '<script src="https://evil.example.com/x.js"></script><script src="taskpane.js"></script>',
      ),
    ).toEqual(["https://evil.example.com/x.js"]);
  });
});

describe("every workbook string is rendered as text", () => {
  it("no source writes HTML from strings or evaluates code", () => {
    expect(violations(HTML_SINKS, all)).toEqual([]);
  });

  it("the scan finds what it looks for", () => {
    for (const line of [
      "<div dangerouslySetInnerHTML={{ __html: x }} />",
      "el.innerHTML = message;",
      "el.insertAdjacentHTML('beforeend', s)",
      "document.write(s)",
      "eval(code)",
      "new Function('return 1')",
    ])
      expect(HTML_SINKS.some(([, re]) => re.test(line))).toBe(true);
  });
});
