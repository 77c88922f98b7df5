import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { chromiumDriver } from '../../scripts/lib/playwright-driver';
import { DAY_MS } from '../../utils/base/durations';
import { describeDetails } from './details-suite';
import { notificationIds, SCREENSHOT_DIR, seriousViolations } from './support';

// The details journey in Chromium, plus what only Chromium lets a test do: click a notification
// (its onClicked event dispatched in the worker, as the browser does on a click), colour schemes
// and a second UI language on the same profile, with axe on each.

const EXTENSION_DIR = '.output/chrome-mv3-e2e';
let browser: ExtensionBrowser;

/** Opens the page as a person would see it, its figures settled (the comparison written). */
async function settledPage(on: ExtensionBrowser, path: Parameters<ExtensionBrowser['openPage']>[0], scheme: 'light' | 'dark'): Promise<Page> {
  const page = await on.openPage(path, scheme);
  await page.getByTestId('comparison').filter({ hasText: /%/ }).waitFor({ timeout: 30_000 });
  return page;
}

describeDetails(
  async () => {
    browser = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR });
    return chromiumDriver(browser);
  },
  (context) => {
    it('opens the page on what a notification is about when it is clicked: the daily budget’s day', async () => {
      const { frozen, firstNotifications } = context();
      const settings = await browser.openPage('options.html');
      const today = new Date(frozen - (frozen % DAY_MS)).toISOString().slice(0, 10);
      // The first cycle passed the daily budget: its 100 % notification, the highest reached.
      const fired = firstNotifications.find((id) => id.includes('|budget-use|budget-use:daily:'));
      expect(fired).toBe(`popup|budget-use|budget-use:daily:100:${today}`);
      const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
      const worker = await browser.serviceWorker();
      await worker.evaluate((id) => (globalThis as unknown as { chrome: { notifications: { onClicked: { dispatch(id: string): void } } } }).chrome.notifications.onClicked.dispatch(id), fired ?? '');
      const page = await opened;
      await page.waitForLoadState();
      const url = new URL(page.url());
      expect(url.pathname).toBe('/details.html');
      expect(Object.fromEntries(url.searchParams)).toEqual({ focus: 'budget', period: 'daily', day: today });
      await expect.poll(() => page.getByTestId('focus-line').innerText(), { timeout: 10_000 }).toMatch(/budget/i);
      // The budget's day is shown as its hours.
      await page.getByTestId('drill-down').waitFor();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/details-budget-focus-en-light.png`, fullPage: true });
      expect(await notificationIds(settings)).not.toContain(fired);
      await page.close();
      await settings.close();
    });

    it('is used with the keyboard alone: a range is picked with Tab and Enter', async () => {
      const page = await browser.openPage('details.html');
      const thirty = page.getByRole('button', { name: '30 days', exact: true });
      for (let presses = 0; presses < 20 && !(await thirty.evaluate((button) => button === document.activeElement)); presses += 1) await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await thirty.getAttribute('aria-pressed')).toBe('true');
      await page.close();
    });

    it('reads well light and dark, in English and Chinese, with no serious accessibility problem', async () => {
      // The week (the page as it opens) in light; the rest on 24 h, the same pieces with 24 rows
      // instead of 168, as axe over a large table is the heaviest thing this suite does.
      for (const scheme of ['light', 'dark'] as const) {
        const page = await settledPage(browser, scheme === 'light' ? 'details.html' : 'details.html?range=24h', scheme);
        await page.screenshot({ path: `${SCREENSHOT_DIR}/details-en-${scheme}.png`, fullPage: true });
        expect(await seriousViolations(page)).toEqual([]);
        await page.close();
      }
      const drilled = await settledPage(browser, 'details.html?range=30d', 'light');
      await drilled.screenshot({ path: `${SCREENSHOT_DIR}/details-30-days-en-light.png`, fullPage: true });
      await drilled.close();
      // The same profile in Chinese: the words, dates and numbers of the browser's language.
      const { profileDir } = browser;
      await browser.close();
      const chinese = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR, profileDir, locale: 'zh-CN' });
      try {
        for (const scheme of ['light', 'dark'] as const) {
          const page = await settledPage(chinese, 'details.html?range=24h', scheme);
          expect(await page.getByRole('button', { name: '30 天', exact: true }).count()).toBe(1);
          await page.screenshot({ path: `${SCREENSHOT_DIR}/details-zh-${scheme}.png`, fullPage: true });
          expect(await seriousViolations(page)).toEqual([]);
          await page.close();
        }
      } finally {
        await chinese.close();
      }
    });
  },
);
