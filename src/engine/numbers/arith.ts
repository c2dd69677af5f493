/** Arithmetic of amounts shared by the rules, the templates and the functions. */

/** Floating-point-safe comparison within a tolerance. */
export function within(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance + 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Round half away from zero to `digits` decimals, without binary drift (1312.745 → 1312.75). */
export function round(n: number, digits = 0): number {
  const f = 10 ** digits;
  return (Math.sign(n) * Math.round(Math.abs(n) * f + 1e-9)) / f;
}
