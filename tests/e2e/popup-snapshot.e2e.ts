import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createDemoApi, type DemoApi } from '../../scripts/demo-api/server';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { parseSnapshot, SNAPSHOT_KEY, snapshotText } from '../../utils/popup/snapshot';
import { KEYS, popupStoredFrom } from '../../utils/popup/stored-reads';
import { setUpThroughSettings } from './support';

/** The slice of the `chrome` global this file uses inside extension pages. */
declare const chrome: { storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } } };

const USERS = ['alice_res', 'bob_scraper'];
const TOKEN = 'tok-SNAPSHOT-e2e-7c20d4';

/** The popup's snapshot as the extension keeps it, and the text storage.local's items would give. */
async function snapshotAndStorage(page: Page): Promise<{ text: string | null; fromStorage: string }> {
  const { items, text } = await page.evaluate(
    async ({ keys, key }) => ({ items: await chrome.storage.local.get(keys), text: localStorage.getItem(key) }),
    { keys: [...KEYS], key: SNAPSHOT_KEY },
  );
  return { text, fromStorage: snapshotText(popupStoredFrom(items)) };
}

const setSnapshot = (page: Page, text: string) => page.evaluate(({ key, value }) => localStorage.setItem(key, value), { key: SNAPSHOT_KEY, value: text });

describe('the popup snapshot, which lets the popup show its figures without waiting for storage', () => {
  let api: DemoApi;
  let browser: ExtensionBrowser;
  let settings: Page;
  let trueFigure = '';

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

  it('is written by the background after a poll, before any popup opens, without the token', async () => {
    await expect.poll(async () => {
      const { text, fromStorage } = await snapshotAndStorage(settings);
      return text === fromStorage;
    }, { timeout: 10_000 }).toBe(true);
    const { text } = await snapshotAndStorage(settings);
    expect(text).not.toContain(TOKEN);
    expect(parseSnapshot(text)?.tokenSaved).toBe(true);
  });

  it('has the popup show the figures while its script runs, before the page has even finished parsing', async () => {
    const popup = await browser.openPage('popup.html');
    trueFigure = (await popup.getByTestId('current-hour').textContent()) ?? '';
    expect(trueFigure).toMatch(/^\d/);
    const { ready, parsed } = await popup.evaluate(() => ({
      ready: performance.getEntriesByName('popup-ready')[0]?.startTime ?? Number.NaN,
      parsed: performance.getEntriesByType('navigation')[0]?.toJSON().domContentLoadedEventStart as number,
    }));
    expect(ready).toBeLessThan(parsed);
    await popup.close();
  });

  it('gives way to storage when out of date, and is repaired', async () => {
    const { fromStorage } = await snapshotAndStorage(settings);
    const stale = JSON.parse(fromStorage) as { usageCache: { users: Record<string, { hours: Record<string, number> }> } };
    for (const user of Object.values(stale.usageCache.users)) user.hours = {};
    await setSnapshot(settings, JSON.stringify(stale));

    const popup = await browser.openPage('popup.html');
    await expect.poll(() => popup.getByTestId('current-hour').textContent(), { timeout: 5_000 }).toBe(trueFigure);
    await expect.poll(async () => (await snapshotAndStorage(settings)).text, { timeout: 5_000 }).toBe(fromStorage);
    await popup.close();
  });

  it('is ignored when damaged, and is repaired', async () => {
    const { fromStorage } = await snapshotAndStorage(settings);
    await setSnapshot(settings, fromStorage.slice(0, 40));

    const popup = await browser.openPage('popup.html');
    expect(await popup.getByTestId('current-hour').textContent()).toBe(trueFigure);
    await expect.poll(async () => (await snapshotAndStorage(settings)).text, { timeout: 5_000 }).toBe(fromStorage);
    await popup.close();
  });

  it('goes with “Forget token and data”, and comes back holding none of it', async () => {
    await settings.reload();
    await settings.getByRole('button', { name: 'Forget token and data' }).click();
    await settings.getByRole('button', { name: 'Forget everything' }).click();
    await expect.poll(() => settings.getByTestId('forget-result').textContent()).toMatch(/^Forgotten/);
    const copiesData = (text: string | null) => text !== null && (parseSnapshot(text)?.tokenSaved !== false || USERS.some((user) => text.includes(user)));
    expect(copiesData((await snapshotAndStorage(settings)).text)).toBe(false);

    // The background writes the empty state's snapshot once storage is quiet again.
    await expect.poll(async () => {
      const { text, fromStorage } = await snapshotAndStorage(settings);
      return text === fromStorage;
    }, { timeout: 10_000 }).toBe(true);
    expect(copiesData((await snapshotAndStorage(settings)).text)).toBe(false);
    const popup = await browser.openPage('popup.html');
    await expect.poll(() => popup.locator('body').innerText()).toMatch(/set up|settings/i);
    await popup.close();
  });
});
