/**
 * `npm run store:screenshots`: copies the screenshots the end-to-end tests took
 * (run `npm test` first) into store/screenshots/, the pictures for the store pages.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const FROM = 'test-results/screenshots';
const TO = 'store/screenshots';
const PICKS = [
  'popup-en-US-light.png',
  'popup-en-US-dark.png',
  'popup-zh-CN-light.png',
  'settings-en-US-light.png',
  'settings-zh-CN-dark.png',
  'firefox-popup-light.png',
];

mkdirSync(TO, { recursive: true });
const missing = PICKS.filter((name) => !existsSync(`${FROM}/${name}`));
if (missing.length > 0) throw new Error(`Run the end-to-end tests first; missing: ${missing.join(', ')}`);
for (const name of PICKS) copyFileSync(`${FROM}/${name}`, `${TO}/${name}`);
console.log(`Copied ${PICKS.length} screenshots to ${TO}/`);
