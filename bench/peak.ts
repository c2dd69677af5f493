/**
 * The peak resident memory of this process (MB). On Linux it is VmHWM of /proc/self/status,
 * the high-water mark of this process's own memory: getrusage's maxRSS is not, as Linux keeps
 * it across exec, so that a child started by a large parent reports at least the parent's size.
 */
import { readFileSync } from "node:fs";

export function peakRssMB(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
