import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApi, type DemoApi } from '../../scripts/demo-api/server';
import { launchExtensionBrowser, readBadge, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { configureThroughSettings } from '../../scripts/lib/settings-journey';
import { formatAmount, formatBadgeAmount, formatExactKb } from '../../utils/traffic-format';
import { hourKeyAt } from '../../utils/hour-keys';
import { countPaintedPixels, servedCurrentHourKb, SCREENSHOT_DIR } from './support';

const WATCHED = ['alice_res', 'bob_scraper'];
// The API's hours are UTC+8 here, so a bug that reads them as UTC shows up as a wrong figure.
const API_OFFSET_MINUTES = 480;

describe('a new user sets up the extension against the demo API', () => {
  let api: DemoApi;
  let baseUrl: string;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    api = createDemoApi({ timezoneOffsetMinutes: API_OFFSET_MINUTES, shuffleRows: true });
    ({ baseUrl } = await api.start(0));
    browser = await launchExtensionBrowser({ extensionDir: '.output/chrome-mv3-e2e', timezone: 'America/New_York' });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
    await api?.stop();
  });

  it('asks to be set up before anything is configured', async () => {
    await expect.poll(async () => (await readBadge(browser)).title).toMatch(/open the settings/);
    expect((await readBadge(browser)).text).toBe('');
    expect(api.requests()).toHaveLength(0);
  });

  it('goes through the settings page and shows this hour on the badge and in the popup', async () => {
    const settings = await browser.openPage('options.html');
    await configureThroughSettings(settings, {
      token: 'demo-token',
      proxyType: 'Residential',
      usernames: WATCHED,
      pollIntervalMinutes: 10,
      apiTimezone: 'UTC+8',
      apiBaseUrl: baseUrl,
    });
    await settings.screenshot({ path: `${SCREENSHOT_DIR}/settings-light.png`, fullPage: true });
    await settings.emulateMedia({ colorScheme: 'dark' });
    await settings.screenshot({ path: `${SCREENSHOT_DIR}/settings-dark.png`, fullPage: true });

    await expect.poll(async () => (await readBadge(browser)).text, { timeout: 20_000 }).not.toMatch(/^(|…)$/);
    const badge = await readBadge(browser);
    const hour = hourKeyAt(Date.now(), { kind: 'offset', minutes: API_OFFSET_MINUTES });
    const truthKb = servedCurrentHourKb(api.requests(), WATCHED, hour);
    expect(truthKb).toBeGreaterThan(0);
    expect(badge.text).toBe(formatBadgeAmount(truthKb));
    expect(badge.title).toContain(`API hour ${hour}`);
    expect(badge.title).toContain(formatExactKb(truthKb, 'en-US'));

    const popup = await browser.openPage('popup.html');
    await popup.setViewportSize({ width: 360, height: 600 });
    await expect.poll(() => popup.getByTestId('current-hour').textContent()).toBe(formatAmount(truthKb, 'binary', 'en-US'));
    expect(await popup.getByTestId('current-hour-exact').textContent()).toContain(formatExactKb(truthKb, 'en-US'));
    await expect.poll(() => countPaintedPixels(popup), { timeout: 5_000 }).toBeGreaterThan(500);
    await popup.screenshot({ path: `${SCREENSHOT_DIR}/popup-light.png` });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: `${SCREENSHOT_DIR}/popup-dark.png` });
    await popup.close();
    await settings.close();
  });

  it('asks one user at a time, at least 1.5 s apart', () => {
    const hourly = api.requests().filter((request) => request.path.endsWith('usage-statistics-hour'));
    expect(hourly.map((request) => request.params.username)).toEqual(WATCHED);
    for (let i = 1; i < hourly.length; i += 1) {
      expect((hourly[i]?.startedAt ?? 0) - (hourly[i - 1]?.endedAt ?? 0)).toBeGreaterThanOrEqual(1500);
    }
    expect(api.stats().maxInFlight).toBe(1);
  });

  it('shows the token mark and keeps the cached hours when the token is rejected', async () => {
    const before = await readBadge(browser);
    api.setFault({ kind: 'bad-token' });
    const popup = await browser.openPage('popup.html');
    await popup.setViewportSize({ width: 360, height: 600 });
    const figure = await popup.getByTestId('current-hour').textContent();
    await popup.getByRole('button', { name: 'Refresh' }).click();

    await expect.poll(async () => (await readBadge(browser)).text, { timeout: 15_000 }).toBe('!');
    const badge = await readBadge(browser);
    expect(badge.title).toContain('rejected the API token');
    expect(badge.title).toContain(before.title.split('\n')[1] ?? 'missing line');
    await popup.getByRole('alert').filter({ hasText: 'rejected the API token' }).waitFor();
    expect(await popup.getByTestId('current-hour').textContent()).toBe(figure);
    expect(await countPaintedPixels(popup)).toBeGreaterThan(500);
    await popup.screenshot({ path: `${SCREENSHOT_DIR}/popup-token-rejected-light.png` });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: `${SCREENSHOT_DIR}/popup-token-rejected-dark.png` });
    api.setFault(null);
  });

  it('rejects bad settings inline and saves none of them', async () => {
    const settings = await browser.openPage('options.html');
    await settings.getByLabel('Poll interval (minutes)').fill('0');
    await settings.getByLabel('API base URL').fill('http://example.com/api');
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByTestId('save-result').filter({ hasText: 'Not saved' }).waitFor();
    await expect.poll(() => settings.locator('.field-error').allTextContents()).toEqual([
      expect.stringContaining('whole number of minutes'),
      expect.stringContaining('loopback'),
    ]);
    await settings.screenshot({ path: `${SCREENSHOT_DIR}/settings-errors-light.png`, fullPage: true });
    await settings.reload();
    expect(await settings.getByLabel('Poll interval (minutes)').inputValue()).toBe('10');
    expect(await settings.getByLabel('API base URL').inputValue()).toBe(baseUrl);
    await settings.close();
  });
});
