import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createDemoApi, type DemoApi } from '../../scripts/demo-api/server';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { LEGACY_SNAPSHOT_KEY } from '../../utils/popup/legacy-snapshot';
import { setUpThroughSettings } from './support';

/** The slice of the `chrome` global this file uses inside extension pages. */
declare const chrome: {
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
};

const USERS = ['alice_res', 'bob_scraper'];
const TOKEN = 'tok-FIRSTFRAME-e2e-7c20d4';
const EXACT = 'current-hour-exact';

/** Where the recorder below keeps what each painted frame showed. */
interface PaintedRecord {
  paintedFigures?: (string | null)[];
}

/**
 * Runs in the popup before any of its own script: at every animation frame from the very first,
 * just before the browser paints it, notes this hour's exact figure as shown (null while none is
 * visible), each change once.
 */
const RECORD_PAINTED_FIGURES = `(() => {
  const painted = [];
  window.paintedFigures = painted;
  const start = performance.now();
  const frame = () => {
    const figure = document.querySelector('[data-testid="${EXACT}"]');
    const shown = figure && figure.checkVisibility({ visibilityProperty: true, opacityProperty: true }) ? figure.textContent : null;
    if (painted.length === 0 || painted[painted.length - 1] !== shown) painted.push(shown);
    if (performance.now() - start < 3000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

/** This hour's exact figure in a popup opened now, once it has settled. */
async function settledFigure(browser: ExtensionBrowser): Promise<string> {
  const popup = await browser.openPage('popup.html');
  const figure = (await popup.getByTestId(EXACT).textContent()) ?? '';
  await popup.close();
  return figure;
}

/**
 * A poll's change to storage, made directly: this hour of every user 3 GiB more, and just polled.
 * A poll writes the week and the recent hours the popup reads (utils/usage/recent.ts) alike.
 */
async function changeStorageAsAPollWould(page: Page): Promise<void> {
  await page.evaluate(async () => {
    type Hours = { users: Record<string, { hours: Record<string, number> }> };
    const { usageCache, recentUsage, pollStatus } = (await chrome.storage.local.get(['usageCache', 'recentUsage', 'pollStatus'])) as {
      usageCache: Hours;
      recentUsage: Hours;
      pollStatus: Record<string, unknown>;
    };
    for (const cache of [usageCache, recentUsage]) {
      for (const user of Object.values(cache.users)) {
        const latest = Object.keys(user.hours).sort().at(-1);
        if (latest !== undefined) user.hours[latest] = (user.hours[latest] ?? 0) + 3 * 1024 * 1024;
      }
    }
    await chrome.storage.local.set({ usageCache, recentUsage, pollStatus: { ...pollStatus, lastAttemptAt: Date.now(), lastSuccessAt: Date.now() } });
  });
}

describe('the popup’s first frame, which shows what storage holds and nothing older', () => {
  let api: DemoApi;
  let browser: ExtensionBrowser;
  let settings: Page;

  beforeAll(async () => {
    api = createDemoApi({ token: TOKEN });
    const { baseUrl } = await api.start(0);
    browser = await launchExtensionBrowser({ extensionDir: '.output/chrome-mv3-e2e' });
    settings = await setUpThroughSettings(browser, baseUrl, TOKEN, USERS);
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
    await api?.stop();
  });

  it('paints storage’s figures from its first frame on, though localStorage holds an older copy of them', async () => {
    const before = await settledFigure(browser);
    expect(before).toMatch(/\d/);
    // The copy as an earlier build kept it: the popup's items as they were before storage changed.
    const items = await settings.evaluate(() => chrome.storage.local.get(['settings', 'usageCache', 'pollStatus', 'account']));
    const olderCopy = JSON.stringify({ format: 1, ...items, tokenSaved: true });
    await changeStorageAsAPollWould(settings);
    await settings.evaluate(({ key, text }) => localStorage.setItem(key, text), { key: LEGACY_SNAPSHOT_KEY, text: olderCopy });

    const popup = await browser.context.newPage();
    await popup.addInitScript(RECORD_PAINTED_FIGURES);
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId(EXACT).textContent(), { timeout: 5_000 }).not.toBe(before);
    const stored = (await popup.getByTestId(EXACT).textContent()) ?? '';
    await popup.waitForTimeout(500);
    const painted = (await popup.evaluate(() => (window as PaintedRecord).paintedFigures)) ?? [];
    // Frames before the first figure show none; the first figure painted is storage's, and the older one never is.
    const figures = painted.filter((figure) => figure !== null);
    expect(figures[0]).toBe(stored);
    expect(figures).not.toContain(before);
    await popup.close();
  });

  it('drops the copy an earlier build left in localStorage', async () => {
    await settings.evaluate((key) => localStorage.setItem(key, '{"format":1}'), LEGACY_SNAPSHOT_KEY);
    const popup = await browser.openPage('popup.html');
    await expect.poll(() => popup.evaluate((key) => localStorage.getItem(key), LEGACY_SNAPSHOT_KEY), { timeout: 5_000 }).toBeNull();
    await popup.close();
  });
});
