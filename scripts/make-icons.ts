/**
 * Renders assets/icon.svg to the PNG sizes the manifest needs (ribbon 16, 20, 24, 32, 40, 48, 64, 80; 128 for stores), in headless
 * Chromium (Debian's `chromium` + playwright-core). Run after changing the SVG; the PNGs are
 * committed, so building the add-in needs no browser.
 */
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium";

const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];

async function main(): Promise<void> {
  const svg = readFileSync("assets/icon.svg", "utf8");
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      await page.screenshot({ path: `assets/icon-${size}.png`, omitBackground: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

void main();
