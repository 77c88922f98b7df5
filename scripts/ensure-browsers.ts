/** Installs Debian's Chromium (with a Chinese font) and Firefox ESR for the end-to-end tests when missing. */
import { ensureChromium } from './lib/chromium';
import { ensureFirefox } from './lib/firefox-driver';

const only = process.argv[2];
if (only !== 'firefox') console.log(`Chromium: ${ensureChromium()}`);
if (only !== 'chromium') console.log(`Firefox: ${ensureFirefox()}`);
