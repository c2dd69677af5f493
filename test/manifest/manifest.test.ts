/**
 * manifest.xml checked offline (the online validator of office-addin-manifest cannot be reached
 * here): structure, shared runtime, resource ids, URLs, requirement sets, permissions, icons.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseStringPromise } from "xml2js";

type Node = Record<string, unknown>;
const root = join(__dirname, "..", "..");
const text = readFileSync(join(root, "manifest.xml"), "utf8");
let app: Node;

beforeAll(async () => {
  const doc = (await parseStringPromise(text)) as Node;
  app = doc.OfficeApp as Node;
});

/** Every element with this name anywhere below a node (xml2js keeps attributes under "$"). */
function all(node: unknown, name: string, out: Node[] = []): Node[] {
  if (Array.isArray(node)) node.forEach((n) => all(n, name, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node as Node)) {
      if (k === name) (Array.isArray(v) ? v : [v]).forEach((x) => out.push(x as Node));
      if (k !== "$") all(v, name, out);
    }
  }
  return out;
}
const attr = (n: Node, a: string) => (n.$ as Record<string, string> | undefined)?.[a];

/** Ribbon icon sizes Office picks from by screen scaling ("Icon element", add-in manifest reference). */
const RIBBON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];

function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString()).toBe("PNG");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel with a stable id, version and Vietnamese default locale", () => {
    expect(attr(app, "xsi:type")).toBe("TaskPaneApp");
    expect(String((app.Id as string[])[0])).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(String((app.Version as string[])[0])).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(String((app.DefaultLocale as string[])[0])).toBe("vi-VN");
    expect(all(app.Hosts, "Host").map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
  });

  it("asks for the minimal permission and states its requirement sets", () => {
    expect(String((app.Permissions as string[])[0])).toBe("ReadWriteDocument");
    const sets = all(app.Requirements, "Set").map((s) => `${attr(s, "Name")} ${attr(s, "MinVersion")}`);
    // The functions run in the shared runtime: both runtimes are required, not only the shared one.
    expect(sets).toEqual(
      expect.arrayContaining(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.1", "ExcelApi 1.9"]),
    );
  });

  it("runs the pane, the ribbon command and the custom functions in one long-lived runtime", () => {
    const runtimes = all(app.VersionOverrides, "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(attr(runtimes[0], "lifetime")).toBe("long");
    const page = attr(runtimes[0], "resid");
    const cf = all(app.VersionOverrides, "ExtensionPoint").find(
      (e) => attr(e, "xsi:type") === "CustomFunctions",
    ) as Node;
    expect(attr(all(cf.Page, "SourceLocation")[0], "resid")).toBe(page);
    expect(attr(all(app.VersionOverrides, "FunctionFile")[0], "resid")).toBe(page);
    const action = all(app.VersionOverrides, "Action")[0];
    expect(attr(action, "xsi:type")).toBe("ShowTaskpane");
    expect(attr(all(action, "SourceLocation")[0], "resid")).toBe(page);
    expect(attr(all(app.VersionOverrides, "OfficeTab")[0], "id")).toBe("TabHome");
  });

  it("defines every resource it references, once, within Office's length limits", () => {
    const res = (app.VersionOverrides as Node[])[0].Resources as Node[];
    const defined = new Map<string, string>();
    for (const kind of ["Image", "Url", "String"]) {
      for (const n of all(res, `bt:${kind}`)) {
        const id = attr(n, "id") as string;
        expect(defined.has(id)).toBe(false);
        defined.set(id, attr(n, "DefaultValue") as string);
      }
    }
    const overrides = (app.VersionOverrides as Node[])[0];
    const referenced = new Set<string>();
    (function walk(n: unknown) {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === "object") {
        const r = attr(n as Node, "resid");
        if (r) referenced.add(r);
        for (const [k, v] of Object.entries(n as Node)) if (k !== "$" && k !== "Resources") walk(v);
      }
    })(overrides.Hosts);
    for (const r of referenced) expect([r, defined.has(r)]).toEqual([r, true]);
    for (const s of all(all(res, "bt:ShortStrings"), "bt:String"))
      expect((attr(s, "DefaultValue") as string).length).toBeLessThanOrEqual(125);
    for (const s of all(all(res, "bt:LongStrings"), "bt:String"))
      expect((attr(s, "DefaultValue") as string).length).toBeLessThanOrEqual(250);
    expect(defined.get("Functions.Namespace")).toMatch(/^[A-Z][A-Z0-9]{0,31}$/);
  });

  it("serves everything over HTTPS from one origin, naming only files the build produces", () => {
    const urls = [...text.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    const origins = new Set(urls.map((u) => new URL(u).origin));
    expect([...origins]).toEqual(["https://localhost:3000"]);
    const built = new Set([
      "taskpane.html",
      "help.html",
      "functions.js",
      "functions.json",
      "functions.en.json",
      ...RIBBON_SIZES.map((n) => `assets/icon-${n}.png`),
    ]);
    for (const u of urls) expect(built).toContain(new URL(u).pathname.slice(1));
    for (const a of all(app, "AppDomain")) expect(String(a)).toMatch(/^https:\/\//);
  });

  it("gives the ribbon its icon at every size Office scales to: 16, 20, 24, 32, 40, 48, 64, 80", () => {
    for (const icon of all(app.VersionOverrides, "Icon")) {
      const sizes = all(icon, "bt:Image").map((i) => Number(attr(i, "size")));
      expect(sizes).toEqual(RIBBON_SIZES);
    }
  });

  it("links its support and learn-more URLs to the help page it ships (src/help/help.html, copied by the build)", () => {
    const support = attr((app.SupportUrl as Node[])[0], "DefaultValue") as string;
    expect(new URL(support).pathname).toBe("/help.html");
    const res = (app.VersionOverrides as Node[])[0].Resources as Node[];
    const learn = all(res, "bt:Url").find((u) => attr(u, "id") === "GetStarted.LearnMoreUrl") as Node;
    expect(attr(learn, "DefaultValue")).toBe(support);
    const config = readFileSync(join(root, "webpack.config.js"), "utf8");
    expect(config).toMatch(/from:\s*"src\/help\/help\.html",\s*to:\s*"help\.html"/);
    const help = readFileSync(join(root, "src", "help", "help.html"), "utf8");
    expect(help).toMatch(/<html lang="vi">/);
    expect(help).toMatch(/Hoàn tác \(Ctrl\+Z\)/);
    expect(help).toMatch(/id="en"/);
    expect(help).toMatch(/script-src 'none'/);
    expect(help).not.toMatch(/<script\b/i);
  });

  it("has its icons in assets/ at the sizes it declares", () => {
    const res = (app.VersionOverrides as Node[])[0].Resources as Node[];
    for (const img of all(res, "bt:Image")) {
      const size = Number(/(\d+)x\1$/.exec(attr(img, "id") as string)?.[1]);
      const file = new URL(attr(img, "DefaultValue") as string).pathname.slice(1);
      expect(pngSize(join(root, file))).toEqual({ width: size, height: size });
    }
    expect(pngSize(join(root, "assets/icon-32.png"))).toEqual({ width: 32, height: 32 });
    expect(pngSize(join(root, "assets/icon-64.png"))).toEqual({ width: 64, height: 64 });
  });
});

describe("the production manifest (DEAN_ADDIN_URL)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { productionManifest } = require("../../webpack.config.js") as {
    productionManifest(xml: string, served: string): string;
  };

  it.each(["https://dean.sgd.example.vn/addin/", "https://dean.sgd.example.vn/addin"])(
    "points every URL and the AppDomain at %s, whatever its final slash",
    (served) => {
      const xml = productionManifest(text, served);
      expect(xml).not.toContain("localhost");
      expect(xml).toContain("<AppDomain>https://dean.sgd.example.vn</AppDomain>");
      expect(xml).toContain('DefaultValue="https://dean.sgd.example.vn/addin/taskpane.html"');
      expect(xml).toContain('DefaultValue="https://dean.sgd.example.vn/addin/functions.js"');
    },
  );
});
