import type { Locale } from "./rules/api";

const formats: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 }),
  en: new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 }),
};

/** 13008 → "13.008" (vi) or "13,008" (en); 1312.74 → "1.312,74" (vi). */
export function formatNumber(n: number, locale: Locale): string {
  return formats[locale].format(n);
}

/** Fill `{name}` placeholders. Unknown placeholders are left as they are. */
export function formatMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}
