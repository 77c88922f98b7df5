/**
 * `npm run demo`: the real extension (demo build) in Debian's Chromium against the
 * bundled demo API. Sets it up through the settings page as a person would, prints
 * what the badge shows, and saves screenshots of popup and settings. Headless when
 * there is no display (or with --headless); with a display it stays open until Ctrl-C.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDemoApi, DEFAULT_TOKEN } from './demo-api/server';
import { launchExtensionBrowser, readBadge } from './lib/extension-browser';
import { playwrightPage } from './lib/playwright-driver';
import { configureThroughSettings } from './lib/settings-journey';

const EXTENSION_DIR = '.output/chrome-mv3-e2e';
const OUTPUT_DIR = resolve('demo-output');
const USERS = ['alice_res', 'bob_scraper', 'carol_eu'];

const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !process.env.DISPLAY;

async function waitForFigure(read: () => Promise<string>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = await read();
    if (text !== '' && text !== '…') return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('The badge showed no figure within the time allowed.');
}

async function main(): Promise<void> {
  const api = createDemoApi();
  const { baseUrl } = await api.start(0);
  console.log(`Demo Thordata API on ${baseUrl} (token: ${DEFAULT_TOKEN})`);
  const browser = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR, headless });
  console.log(`Chromium ${headless ? '(headless)' : ''} with the extension ${browser.extensionId}`);

  const settings = await browser.openPage('options.html');
  await configureThroughSettings(playwrightPage(settings), {
    token: DEFAULT_TOKEN,
    proxyType: 'Residential',
    usernames: USERS,
    pollIntervalMinutes: 10,
    apiTimezone: 'UTC',
    apiBaseUrl: baseUrl,
  });
  console.log(`Settings saved: watching ${USERS.join(', ')}`);
  await waitForFigure(async () => (await readBadge(browser)).text, 30_000);
  const badge = await readBadge(browser);
  console.log(`\nBadge: ${badge.text}\nTooltip:\n  ${badge.title.split('\n').join('\n  ')}\n`);

  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await settings.emulateMedia({ colorScheme: scheme });
    await settings.screenshot({ path: `${OUTPUT_DIR}/settings-${scheme}.png`, fullPage: true });
    const popup = await browser.openPage('popup.html', scheme);
    await popup.setViewportSize({ width: 360, height: 480 });
    await popup.getByTestId('current-hour').waitFor();
    await popup.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    await popup.screenshot({ path: `${OUTPUT_DIR}/popup-${scheme}.png` });
    await popup.close();
  }
  console.log(`Screenshots of popup and settings (light and dark) in ${OUTPUT_DIR}`);

  if (headless) {
    await browser.close({ removeProfile: true });
    await api.stop();
    return;
  }
  console.log('The browser stays open: click the extension in the toolbar. Ctrl-C ends the demo.');
  await new Promise<void>((done) => process.once('SIGINT', () => done()));
  await browser.close({ removeProfile: true });
  await api.stop();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
