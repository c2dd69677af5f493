/**
 * Global setup of npm run test:system (jest.system.config.js): every program these tests run must
 * be installed, or the run stops at once naming each missing program and the Debian package that
 * brings it. Nothing is skipped: a machine without them runs `npm test`, which needs Node alone.
 */
import { existsSync } from "node:fs";
import { CHROMIUM_PATH } from "../../scripts/chromium";
import { findSoffice } from "../templates/libreoffice";

export interface Program {
  name: string;
  /** Debian package (apt-get install …). */
  apt: string;
  /** Environment variable that points to it elsewhere. */
  env: string;
  usedBy: string;
  found: () => boolean;
}

export const SYSTEM_PROGRAMS: readonly Program[] = [
  {
    name: "soffice (LibreOffice)",
    apt: "libreoffice-calc-nogui",
    env: "SOFFICE",
    usedBy: "test/templates/libreoffice.system.test.ts (recalculates the templates' formulas)",
    found: () => findSoffice() !== undefined,
  },
  {
    name: `chromium (${CHROMIUM_PATH})`,
    apt: "chromium",
    env: "CHROMIUM",
    usedBy: "test/e2e/*.e2e.test.ts (the built task pane in a browser)",
    found: () => existsSync(CHROMIUM_PATH),
  },
  {
    name: "mkfifo",
    apt: "coreutils",
    env: "PATH",
    usedBy: "test/cli/fifo.system.test.ts (a FIFO as input)",
    found: () => ["/usr/bin/mkfifo", "/bin/mkfifo"].some((p) => existsSync(p)),
  },
];

/** The programs missing on this machine, each as one line naming its package. */
export function missingPrograms(programs: readonly Program[]): string[] {
  return programs
    .filter((p) => !p.found())
    .map((p) => `  - ${p.name}: apt-get install ${p.apt} (hoặc/or ${p.env}=…), cho/for ${p.usedBy}`);
}

/** Throws, naming every missing program and its package, unless all are installed. */
export function assertPrograms(programs: readonly Program[]): void {
  const missing = missingPrograms(programs);
  if (missing.length === 0) return;
  throw new Error(
    [
      "npm run test:system cần các chương trình chưa cài trên máy này / needs programs this machine lacks:",
      ...missing,
      "Không phép thử nào bị bỏ qua / no test is skipped. Không có chúng, chạy `npm test` (chỉ cần Node) / without them, run `npm test` (Node alone).",
    ].join("\n"),
  );
}

export default function checkSystemPrograms(): void {
  assertPrograms(SYSTEM_PROGRAMS);
}

// `npm run test:system` runs this file first (pretest:system), so that a missing program is named
// before the add-in is built.
if (require.main === module) {
  try {
    checkSystemPrograms();
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
}
