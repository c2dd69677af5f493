/**
 * What the browser test (pane.e2e.test.ts) and the pane benchmark (bench/pane.ts) both need to
 * drive the built pane in Chromium: the Office stub bundled for the browser, and a small static
 * server for dist/addin.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { basename, dirname, extname, join } from "node:path";
import webpack from "webpack";

/** Bundles the Office stub `entry` (TypeScript) for the browser into `output`. */
export function bundleStub(
  entry: string,
  output: string,
  mode: "development" | "production" = "development",
): Promise<void> {
  return new Promise((done, fail) =>
    webpack(
      {
        mode,
        devtool: false,
        entry,
        output: { path: dirname(output), filename: basename(output) },
        resolve: { extensions: [".ts", ".js", ".json"] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              loader: "ts-loader",
              options: {
                transpileOnly: true,
                compilerOptions: { module: "esnext", moduleResolution: "bundler" },
              },
            },
          ],
        },
        performance: { hints: false },
      },
      (err, stats) =>
        err || stats?.hasErrors() ? fail(err ?? new Error(stats?.toString("errors-only"))) : done(),
    ),
  );
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "text/xml",
};

/** Serves the files under `dir` on a free port of 127.0.0.1 (404 for anything else). */
export function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!path.startsWith(dir) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" });
    createReadStream(path).pipe(res);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}
