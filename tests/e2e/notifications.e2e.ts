import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApi, type DemoApi } from '../../scripts/demo-api/server';
import { launchExtensionBrowser, readBadge, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { playwrightPage } from '../../scripts/lib/playwright-driver';
import { configureThroughSettings } from '../../scripts/lib/settings-journey';
import { BADGE_COLORS } from '../../utils/background/badge';
import { hourKeyAt } from '../../utils/time/hour-keys';
import { clearNotifications, firePollAlarmLater, hexColor, notificationIds, pollIdle, SCREENSHOT_DIR, waitUntil } from './support';

const ONLY_HOURLY_TOTAL = [
  'One user’s traffic this hour passes',
  'Spike: this hour reaches',
  'A user’s remaining traffic falls below',
  'The account’s traffic balance falls below',
  'The plan expires within',
];

describe('notifications people trust', () => {
  let api: DemoApi;
  let browser: ExtensionBrowser;
  let page: Page;

  const askedHours = () => api.requests().filter((r) => r.path.endsWith('usage-statistics-hour')).length;

  /** One alarm-driven poll, waited out: both users asked, and the cycle finished. */
  async function pollAndSettle(): Promise<void> {
    const before = askedHours();
    await firePollAlarmLater(page);
    await expect
      .poll(askedHours, { timeout: 30_000 })
      .toBe(before + 2)
      .catch((error: unknown) => {
        const last = api.requests().slice(-6).map((r) => `${r.path.split('/').pop() ?? ''} ${r.params.username ?? ''} ${r.code}`);
        throw new Error(`${String(error)}; the last requests: ${last.join('; ')}`);
      });
    await expect.poll(() => pollIdle(page), { timeout: 15_000 }).toBe(true);
  }

  beforeAll(async () => {
    api = createDemoApi();
    const { baseUrl } = await api.start(0);
    browser = await launchExtensionBrowser({ extensionDir: '.output/chrome-mv3-e2e' });
    page = await browser.openPage('options.html');
    // Only the hourly rule, with a threshold this hour has certainly passed.
    for (const rule of ONLY_HOURLY_TOTAL) {
      const box = page.getByRole('checkbox', { name: rule });
      if (await box.isChecked()) await box.uncheck();
    }
    await page.getByRole('textbox', { name: /This hour’s traffic, all watched users together, passes/ }).fill('0.001');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-notifications-light.png`, fullPage: true });
    await configureThroughSettings(playwrightPage(page), {
      token: 'demo-token',
      proxyType: 'Residential',
      usernames: ['alice_res', 'bob_scraper'],
      pollIntervalMinutes: 10,
      apiTimezone: 'UTC',
      apiBaseUrl: baseUrl,
    });
    await waitUntil(async () => (await notificationIds(page)).length > 0, 20_000, 'the first notification');
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
    await api?.stop();
  });

  it('shows exactly one notification when this hour passes the threshold', async () => {
    const hour = hourKeyAt(Date.now(), { kind: 'offset', minutes: 0 });
    expect(await notificationIds(page)).toEqual([`popup|hourly-total|hourly-total:${hour}`]);
    expect(hexColor((await readBadge(browser)).color)).toBe(BADGE_COLORS.over);
  });

  it('shows no other for the same hour, however many polls follow', async () => {
    await clearNotifications(page);
    await pollAndSettle();
    await pollAndSettle();
    expect(await notificationIds(page)).toEqual([]);
  });

  it('does not repeat it after the browser restarts', async () => {
    const { profileDir } = browser;
    await browser.close();
    browser = await launchExtensionBrowser({ extensionDir: '.output/chrome-mv3-e2e', profileDir });
    page = await browser.openPage('options.html');
    // The browser's own start may poll too (seen in CI under load, the account's figures asked
    // again with the hours): its requests are let through before the alarm's are counted, and
    // whichever polls ran, no notification may repeat.
    let seen = -1;
    let quietSince = Date.now();
    await waitUntil(
      async () => {
        if (askedHours() !== seen) [seen, quietSince] = [askedHours(), Date.now()];
        return Date.now() - quietSince >= 3_000 && (await pollIdle(page));
      },
      30_000,
      'the browser’s start to settle',
    );
    await pollAndSettle();
    expect(await notificationIds(page)).toEqual([]);
  });

  it('says in the settings whether notifications are allowed', async () => {
    await page.reload();
    expect(await page.getByTestId('notification-permission').textContent()).toContain('allowed');
  });
});
