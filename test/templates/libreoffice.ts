/**
 * LibreOffice in headless mode, for the templates' recalculation test and the screenshots
 * script: converts files with a private user profile (so that it never collides with another
 * LibreOffice running on the machine) set to recalculate every formula of an .xlsx on load.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const CANDIDATES = [
  process.env.SOFFICE,
  "/usr/bin/soffice",
  "/usr/local/bin/soffice",
  "/opt/libreoffice/program/soffice",
];

/** The soffice binary ($SOFFICE, the usual places, then the PATH), or undefined. */
export function findSoffice(): string | undefined {
  const found = CANDIDATES.find((p): p is string => p !== undefined && p !== "" && existsSync(p));
  if (found) return found;
  try {
    return execFileSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The soffice binary; throws a clear message when LibreOffice is not installed (tests must fail, not skip). */
export function soffice(): string {
  return findSoffice() ?? fail();
}

function fail(): never {
  throw new Error(
    "LibreOffice (soffice) không có trên máy này: cài bằng `apt-get install libreoffice-calc-nogui` " +
      "(hoặc đặt biến SOFFICE trỏ tới soffice). Phép thử tính lại công thức bằng LibreOffice không được bỏ qua.",
  );
}

/** Every formula of an .xlsx recalculated when LibreOffice opens it (Tools > Options > Formula: always). */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Converts `files` to `format` ("xlsx": recalculated and saved by LibreOffice; "pdf": printed as
 * the page setup says) into `outDir`, each under its own name with the new extension.
 */
export function convertWithLibreOffice(
  files: readonly string[],
  outDir: string,
  format: "xlsx" | "pdf",
): void {
  const bin = soffice();
  const profile = mkdtempSync(join(tmpdir(), "dean-lo-profile-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  mkdirSync(outDir, { recursive: true });
  try {
    execFileSync(
      bin,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--nolockcheck",
        ...(format === "xlsx" ? ["--calc"] : []),
        "--convert-to",
        format === "xlsx" ? "xlsx:Calc MS Excel 2007 XML" : "pdf",
        "--outdir",
        outDir,
        ...files,
      ],
      { stdio: "pipe", timeout: 180_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  for (const f of files) {
    const out = join(outDir, f.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, `.${format}`));
    if (!existsSync(out)) throw new Error(`LibreOffice không tạo được ${out} từ ${f}.`);
  }
}
