/** Excel's rules for sheet names, shared by the CLI's annotated copy and the add-in. */

/** Characters Excel does not allow in a sheet name. */
const FORBIDDEN = /[\\/?*[\]:]/g;
const MAX = 31;

/** A sheet name as Excel accepts it: no forbidden characters, at most 31 characters. */
export function cleanSheetName(name: string): string {
  const s = name
    .replace(FORBIDDEN, " ")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (s || "Sheet").slice(0, MAX);
}

/** `base`, or `base (2)`, `base (3)` … : the first that no existing sheet has (case-insensitive, as Excel). */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLocaleLowerCase("vi")));
  const clean = cleanSheetName(base);
  if (!taken.has(clean.toLocaleLowerCase("vi"))) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${clean.slice(0, MAX - suffix.length)}${suffix}`;
    if (!taken.has(name.toLocaleLowerCase("vi"))) return name;
  }
}

/** A sheet name as it appears in a reference: 'It''s here'!A1. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}
