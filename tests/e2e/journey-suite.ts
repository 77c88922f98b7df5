import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApi, type DemoApi } from '../../scripts/demo-api/server';
import type { ExtensionDriver } from '../../scripts/lib/page-driver';
import { configureThroughSettings } from '../../scripts/lib/settings-journey';
import { hourKeyAt } from '../../utils/time/hour-keys';
import { OBSERVED_REQUEST_GAP_MS } from '../../utils/poll/spacing';
import { formatAmount, formatBadgeAmount, formatExactKb } from '../../utils/format/traffic-format';
import { SCREENSHOT_DIR, servedCurrentHourKb } from './support';

const WATCHED = ['alice_res', 'bob_scraper'];
// The API's hours are UTC+8 here, so a bug that reads them as UTC shows up as a wrong figure.
const API_OFFSET_MINUTES = 480;

/**
 * The user's journey, written once and run in each browser: set up through the real
 * settings page against the demo API, see this hour on the badge and in the popup,
 * and keep the figures when the token is later rejected.
 */
export function describeJourney(launch: () => Promise<ExtensionDriver>): void {
  let api: DemoApi;
  let baseUrl: string;
  let driver: ExtensionDriver;
  let name = 'browser';
  const shot = (what: string) => `${SCREENSHOT_DIR}/${name.toLowerCase()}-${what}.png`;

  describe('a new user sets up the extension against the demo API', () => {
    beforeAll(async () => {
      api = createDemoApi({ timezoneOffsetMinutes: API_OFFSET_MINUTES, shuffleRows: true });
      ({ baseUrl } = await api.start(0));
      driver = await launch();
      name = driver.name;
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
    });

    afterAll(async () => {
      await driver?.close();
      await api?.stop();
    });

    it('asks to be set up before anything is configured', async () => {
      await expect.poll(async () => (await driver.badge()).title, { timeout: 10_000 }).toMatch(/open the settings/);
      expect((await driver.badge()).text).toBe('');
      expect(api.requests()).toHaveLength(0);
    });

    it('goes through the settings page and shows this hour on the badge and in the popup', async () => {
      const settings = await driver.open('options.html');
      await configureThroughSettings(settings, {
        token: 'demo-token',
        proxyType: 'Residential',
        usernames: WATCHED,
        pollIntervalMinutes: 10,
        apiTimezone: 'UTC+8',
        apiBaseUrl: baseUrl,
      });
      await settings.screenshot(shot('settings-light'));

      await expect.poll(async () => (await driver.badge()).text, { timeout: 20_000 }).not.toMatch(/^(|…)$/);
      const badge = await driver.badge();
      const hour = hourKeyAt(Date.now(), { kind: 'offset', minutes: API_OFFSET_MINUTES });
      const truthKb = servedCurrentHourKb(api.requests(), WATCHED, hour);
      expect(truthKb).toBeGreaterThan(0);
      expect(badge.text).toBe(formatBadgeAmount(truthKb));
      expect(badge.title).toContain(`API hour ${hour}`);
      expect(badge.title).toContain(formatExactKb(truthKb, 'en-US'));

      await settings.close();

      for (const scheme of driver.schemes) {
        const popup = await driver.open('popup.html', scheme);
        expect(await popup.waitForText('current-hour', /\S/)).toBe(formatAmount(truthKb, 'binary', 'en-US'));
        expect(await popup.text('current-hour-exact')).toContain(formatExactKb(truthKb, 'en-US'));
        await expect.poll(() => popup.paintedPixels(), { timeout: 5_000 }).toBeGreaterThan(500);
        await popup.screenshot(shot(`popup-${scheme}`));
        await popup.close();
      }
    });

    it(`asks one user at a time, at least ${OBSERVED_REQUEST_GAP_MS / 1000} s apart`, () => {
      const hourly = api.requests().filter((request) => request.path.endsWith('usage-statistics-hour'));
      expect(hourly.map((request) => request.params.username)).toEqual(WATCHED);
      const all = api.requests();
      for (let i = 1; i < all.length; i += 1) {
        expect((all[i]?.startedAt ?? 0) - (all[i - 1]?.endedAt ?? 0)).toBeGreaterThanOrEqual(OBSERVED_REQUEST_GAP_MS);
      }
      expect(api.stats().maxInFlight).toBe(1);
    });

    it('shows the token mark and keeps the cached hours when the token is rejected', async () => {
      const before = await driver.badge();
      const popup = await driver.open('popup.html');
      const figure = await popup.waitForText('current-hour', /\S/);
      api.setFault({ kind: 'bad-token' });
      await popup.click('Refresh');
      await expect.poll(async () => (await driver.badge()).text, { timeout: 15_000 }).toBe('!');
      const badge = await driver.badge();
      expect(badge.title).toContain('rejected the API token');
      expect(badge.title).toContain(before.title.split('\n')[1] ?? 'missing line');
      expect(await popup.text('current-hour')).toBe(figure);
      expect(await popup.paintedPixels()).toBeGreaterThan(500);
      await popup.screenshot(shot('popup-token-rejected'));
      await popup.close();
      api.setFault(null);
    });

    it('rejects bad settings inline and saves none of them', async () => {
      const settings = await driver.open('options.html');
      await settings.fill('Poll interval (minutes)', '0');
      await settings.fill('API base URL', 'http://example.com/api');
      await settings.click('Save');
      expect(await settings.waitForText('save-result', /Not saved/)).toMatch(/^Not saved/);
      const errors = await settings.fieldErrors();
      expect(errors).toHaveLength(2);
      expect(errors[0]).toMatch(/whole number of minutes/);
      expect(errors[1]).toMatch(/loopback/);
      await settings.screenshot(shot('settings-errors'));
      await settings.close();
      const reopened = await driver.open('options.html');
      expect(await reopened.value('Poll interval (minutes)')).toBe('10');
      expect(await reopened.value('API base URL')).toBe(baseUrl);
      await reopened.close();
    });
  });
}
