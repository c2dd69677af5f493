/**
 * Builds the add-in for a shared runtime: one page (taskpane.html) hosts the task pane and the
 * custom functions, so both share one rulebook in memory. functions.json is generated from the
 * JSDoc tags of src/functions/functions.ts.
 *
 * One page, one engine: functions.js carries the engine, zod and the rulebooks (and webpack's
 * runtime, so that it still runs alone); taskpane.js depends on it and carries only what the pane
 * adds (React, Fluent UI, the pane), so nothing is loaded twice. checker.js is the pane's Web
 * Worker: the engine checks there, off the pane's thread (a worker is a separate JavaScript
 * context: it loads its own copy, once, on the first check).
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const webpack = require("webpack");

/**
 * functions.json is generated from the Vietnamese JSDoc; this writes functions.en.json beside it
 * with the English descriptions of src/functions/descriptions.en.json (the manifest points en-US
 * Excel at it).
 */
class EnglishFunctionsMetadata {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("EnglishFunctionsMetadata", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "EnglishFunctionsMetadata", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const vi = compilation.getAsset("functions.json");
          if (!vi) return;
          const en = JSON.parse(
            fs.readFileSync(path.join(__dirname, "src/functions/descriptions.en.json"), "utf8"),
          );
          const meta = JSON.parse(vi.source.source().toString());
          for (const f of meta.functions) {
            const e = en[f.id];
            if (!e) {
              compilation.errors.push(
                new webpack.WebpackError(`descriptions.en.json has no entry for ${f.id}`),
              );
              continue;
            }
            f.description = e.description;
            for (const p of f.parameters ?? []) p.description = e.parameters?.[p.name] ?? p.description;
          }
          compilation.emitAsset(
            "functions.en.json",
            new webpack.sources.RawSource(JSON.stringify(meta, null, 2)),
          );
        },
      );
    });
  }
}

const urlDev = "https://localhost:3000/";

/**
 * The production manifest: every dev URL rewritten to where the add-in is served (DEAN_ADDIN_URL,
 * with or without its final "/"), and the AppDomain, which names the bare origin, too.
 */
function productionManifest(xml, served) {
  const base = served.endsWith("/") ? served : `${served}/`;
  return xml.replaceAll(urlDev, base).replaceAll(new URL(urlDev).origin, new URL(base).origin);
}

/**
 * HTTPS for the dev server: the certificates made by `npx office-addin-dev-certs install`,
 * read directly (its webpack helper needs sudo). Without them the dev server refuses to start.
 */
function devHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return undefined;
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

/**
 * The manifest points Excel at https://localhost:3000: a dev server over plain HTTP would load
 * nothing in Excel, without a word. Refuse it, saying how to make the certificate, unless asked
 * for (DEAN_DEV_HTTP=1, e.g. to look at the pane in a browser).
 */
function refusePlainHttp() {
  console.error(
    [
      "Chưa có chứng chỉ HTTPS cho localhost (~/.office-addin-dev-certs): Excel chỉ nạp add-in qua https://localhost:3000.",
      "Tạo chứng chỉ một lần: npx office-addin-dev-certs install — rồi chạy lại npm run dev-server.",
      "No HTTPS certificate for localhost: run `npx office-addin-dev-certs install` once, then npm run dev-server again",
      "(DEAN_DEV_HTTP=1 serves plain HTTP anyway, for a browser only).",
    ].join("\n"),
  );
  process.exit(1);
}

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  const https = dev ? devHttps() : undefined;
  if (env && env.WEBPACK_SERVE && !https && process.env.DEAN_DEV_HTTP !== "1") refusePlainHttp();
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
      checker: "./src/taskpane/engine/worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist/addin"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`; the bundle only needs the JavaScript.
              transpileOnly: true,
              compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: dev },
            },
          },
        },
      ],
    },
    performance: { maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000 },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new EnglishFunctionsMetadata(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the page that runs the pane also registers the functions.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // The help page the manifest's SupportUrl and LearnMoreUrl open.
          { from: "src/help/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              dev ? content : productionManifest(content.toString(), process.env.DEAN_ADDIN_URL || urlDev),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist/addin") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};

module.exports.productionManifest = productionManifest;
