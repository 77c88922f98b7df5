/**
 * `npm run demo`: the real extension (demo build) in Debian's Chromium against the
 * bundled demo API. Sets up two accounts through the settings page as a person would,
 * prints both tokens and what the badge shows, and saves screenshots of popup and
 * settings. Headless when there is no display (or with --headless); with a display it
 * stays open until Ctrl-C.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { createDemoApi, DEFAULT_TOKEN, SECOND_TOKEN } from './demo-api/server';
import { launchExtensionBrowser, readBadge } from './lib/extension-browser';
import { playwrightPage } from './lib/playwright-driver';
import { configureThroughSettings, type JourneyAccount } from './lib/settings-journey';

const EXTENSION_DIR = '.output/chrome-mv3-e2e';
const OUTPUT_DIR = resolve('demo-output');
/** The demo API's two accounts, each under its own token; the second has users of two products. */
const ACCOUNTS: readonly JourneyAccount[] = [
  {
    label: 'Production',
    token: DEFAULT_TOKEN,
    users: ['alice_res', 'bob_scraper', 'carol_eu'].map((username) => ({ username, product: 'Residential' as const })),
  },
  {
    label: 'Research',
    token: SECOND_TOKEN,
    users: [
      { username: 'frank_res', product: 'Residential' },
      { username: 'heidi_mob', product: 'Mobile' },
    ],
  },
];

const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !process.env.DISPLAY;

/** The slice of the `chrome` global the demo reads inside an extension page. */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, { cycle?: unknown } | undefined>> } };
};

/** Waits until the first cycle has asked every account's users, so the badge sums them all. */
async function waitForFirstCycle(page: Page, badge: () => Promise<string>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = await badge();
    const cycle = await page.evaluate(async () => (await chrome.storage.local.get('pollStatus')).pollStatus?.cycle ?? null);
    if (text !== '' && text !== '…' && cycle === null) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('The first poll of every account did not end within the time allowed.');
}

async function main(): Promise<void> {
  const api = createDemoApi();
  const { baseUrl } = await api.start(0);
  console.log(`Demo Thordata API on ${baseUrl}`);
  for (const account of ACCOUNTS) console.log(`  ${account.label ?? 'Account'}: token ${account.token}`);
  const browser = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR, headless });
  console.log(`Chromium ${headless ? '(headless)' : ''} with the extension ${browser.extensionId}`);

  const settings = await browser.openPage('options.html');
  await configureThroughSettings(playwrightPage(settings), {
    accounts: ACCOUNTS,
    pollIntervalMinutes: 10,
    apiTimezone: 'UTC',
    apiBaseUrl: baseUrl,
    // Prices and budgets, so the popup shows cost, pace and forecasts from the first look.
    money: {
      currency: 'USD',
      prices: { Residential: '2.5', Unlimited: '1.2', Mobile: '4' },
      daily: { kind: 'traffic', gb: '60' },
      cycle: { kind: 'money', amount: '4000' },
      cycleStartDay: 1,
    },
  });
  for (const account of ACCOUNTS) {
    console.log(`Settings saved: ${account.label ?? 'Account'} watches ${account.users.map((user) => `${user.username} (${user.product})`).join(', ')}`);
  }
  await waitForFirstCycle(settings, async () => (await readBadge(browser)).text, 60_000);
  const badge = await readBadge(browser);
  console.log(`\nBadge: ${badge.text}\nTooltip:\n  ${badge.title.split('\n').join('\n  ')}\n`);

  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await settings.emulateMedia({ colorScheme: scheme });
    await settings.screenshot({ path: `${OUTPUT_DIR}/settings-${scheme}.png`, fullPage: true });
    const popup = await browser.openPage('popup.html', scheme);
    await popup.setViewportSize({ width: 360, height: 800 });
    await popup.getByTestId('current-hour').waitFor();
    if (scheme === 'light') console.log(`Cost: ${(await popup.getByTestId('cost').innerText()).split('\n').join(' ')}`);
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
