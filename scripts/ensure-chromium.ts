/** Installs Debian's Chromium for the end-to-end tests and the demo when it is missing. */
import { ensureChromium } from './lib/chromium';

console.log(`Chromium: ${ensureChromium()}`);
