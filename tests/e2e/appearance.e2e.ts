import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApi, type DemoApi } from '../../scripts/demo-api/server';
import { launchExtensionBrowser, readBadge, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { SETTINGS_SAVED } from '../../utils/messages/messages';
import { SCREENSHOT_DIR, seriousViolations, waitUntil } from './support';

declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  runtime: { sendMessage(message: object): Promise<unknown> };
};

/** The page's record of the words drawn on its canvases, in the order drawn. */
interface CanvasTextRecord {
  canvasText?: string[];
}

/** From now on, records every text the page draws on a canvas (Chart.js's Tooltip draws its lines so). */
async function recordCanvasText(page: Page): Promise<void> {
  await page.evaluate(() => {
    const record = window as CanvasTextRecord;
    record.canvasText = [];
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
      record.canvasText?.push(text);
      fillText.call(this, text, ...rest);
    };
  });
}

/** The texts drawn since `recordCanvasText`, one a line. */
const canvasText = (page: Page) => page.evaluate(() => ((window as CanvasTextRecord).canvasText ?? []).join('\n'));

for (const locale of ['en-US', 'zh-CN'] as const) {
  describe(`popup and settings in ${locale}, light and dark`, () => {
    let api: DemoApi;
    let browser: ExtensionBrowser;

    beforeAll(async () => {
      api = createDemoApi();
      const { baseUrl } = await api.start(0);
      browser = await launchExtensionBrowser({ extensionDir: '.output/chrome-mv3-e2e', locale });
      const page = await browser.openPage('options.html');
      // Set up through storage: the settings page journey has its own tests, in English.
      await page.evaluate(
        async ({ apiBaseUrl, message }) => {
          await chrome.storage.local.set({
            apiToken: 'demo-token',
            settings: {
              proxyType: 1,
              usernames: ['alice_res', 'bob_scraper', 'carol_eu'],
              pollIntervalMinutes: 10,
              apiTimezone: { kind: 'offset', minutes: 0 },
              apiBaseUrl,
              units: 'binary',
              chartHours: 24,
              // Prices and budgets, so that the cost and the budget bars are drawn and checked too.
              prices: { currency: 'USD', perGb: { 1: 2.5, 2: null, 3: null } },
              budgets: {
                daily: { kind: 'traffic', kb: 20 * 1024 * 1024 },
                cycle: { kind: 'money', amount: 900 },
                cycleStartDay: new Date(Date.now() - 10 * 86_400_000).getUTCDate(),
                usePercents: [50, 80, 100],
                forecastAlert: true,
                rapidUseAlert: true,
              },
            },
          });
          await chrome.runtime.sendMessage(message);
        },
        { apiBaseUrl: baseUrl, message: SETTINGS_SAVED },
      );
      await page.close();
      await waitUntil(async () => /^\d/.test((await readBadge(browser)).text), 30_000, 'the first figure');
    });

    afterAll(async () => {
      await browser?.close({ removeProfile: true });
      await api?.stop();
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`popup (${scheme}): figures, chart, users and account, with no serious accessibility problem`, async () => {
        const popup = await browser.openPage('popup.html', scheme);
        await popup.setViewportSize({ width: 360, height: 760 });
        await popup.getByTestId('account-balance').waitFor();
        await popup.getByTestId('budget-cycle').waitFor();
        await popup.waitForTimeout(200);
        await popup.screenshot({ path: `${SCREENSHOT_DIR}/popup-${locale}-${scheme}.png`, fullPage: true });
        expect(await popup.evaluate(() => document.documentElement.lang)).toBe(locale === 'zh-CN' ? 'zh-CN' : 'en');
        expect(await seriousViolations(popup)).toEqual([]);
        // Chart.js has taken over from the first frame's SVG line; hovering the chart names the hour and its exact amount.
        // Chart.js's Tooltip draws on the canvas, so the words it draws there are what is read.
        await popup.locator('.spark-svg').waitFor({ state: 'detached' });
        await recordCanvasText(popup);
        const box = await popup.locator('canvas').boundingBox();
        await popup.mouse.move((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2);
        await expect.poll(() => canvasText(popup), { timeout: 3000 }).toMatch(/API .*\d{2}.*\n.*KB/);
        await popup.screenshot({ path: `${SCREENSHOT_DIR}/popup-${locale}-${scheme}-hover.png` });
        await popup.close();
      });

      it(`settings (${scheme}) with no serious accessibility problem`, async () => {
        const settings = await browser.openPage('options.html', scheme);
        await settings.getByRole('button', { name: /Save|保存/ }).waitFor();
        await settings.screenshot({ path: `${SCREENSHOT_DIR}/settings-${locale}-${scheme}.png`, fullPage: true });
        expect(await seriousViolations(settings)).toEqual([]);
        await settings.close();
      });
    }
  });
}

describe('settings by keyboard alone', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchExtensionBrowser({ extensionDir: '.output/chrome-mv3-e2e' });
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
  });

  it('reaches every field and Save with Tab, top to bottom, with a visible focus', async () => {
    const page = await browser.openPage('options.html');
    await page.getByRole('button', { name: 'Save' }).waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const outline = getComputedStyle(el).outlineStyle;
        return { id: el.id || el.textContent?.trim() || el.tagName, outline };
      });
      if (!focused) continue;
      expect(focused.outline, `focus on ${focused.id} is visible`).not.toBe('none');
      reached.push(focused.id);
      if (focused.id === 'Save') break;
    }
    // The account's fields take their ids from the account (`token-1`), so they are found by their labels.
    const accountFields = await Promise.all(
      ['Account name', 'API token', 'Usernames', 'Proxy type'].map(async (label) => (await page.getByLabel(label, { exact: true }).getAttribute('id')) ?? label),
    );
    const money = ['priceResidential', 'currency', 'badgeShows', 'dailyKind', 'cycleKind', 'cycleStartDay', 'usePercents', 'forecastAlert', 'rapidUseAlert'];
    const order = [...accountFields, 'pollIntervalMinutes', 'apiTimezone', 'units', 'chartHours', 'badgeScope', 'hourlyTotalOn', ...money, 'apiBaseUrl', 'Save'];
    const positions = order.map((id) => reached.indexOf(id));
    expect(positions.every((p) => p >= 0), `reached: ${reached.join(', ')}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
