/**
 * `npm run icons`: renders assets/icon.svg to the PNG sizes browsers ask for, in
 * Debian's Chromium (no image tool needed). The PNGs are committed; rerun after
 * changing the SVG. A filled tile with a white line reads on light and dark toolbars.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ensureChromium } from './lib/chromium';

const SIZES = [16, 32, 48, 128];

const svg = readFileSync('assets/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: ['--disable-gpu'] });
const page = await browser.newPage();
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
console.log(`Icons written: ${SIZES.map((size) => `public/icon/${size}.png`).join(', ')}`);
