import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApi, type DemoApi } from '../../scripts/demo-api/server';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { readAlarm, setUpThroughSettings, storedItems } from './support';

const USERS = ['alice_res', 'bob_scraper'];
const TOKEN = 'tok-E2E-two-pages-5c1d';

/** The stored settings, as the extension keeps them. */
async function storedSettings(page: Page): Promise<{ chartHours: number; pollIntervalMinutes: number }> {
  return JSON.parse((await storedItems(page)).settings ?? '{}') as { chartHours: number; pollIntervalMinutes: number };
}

describe('two pages editing the settings at once', () => {
  let api: DemoApi;
  let browser: ExtensionBrowser;
  let settings: Page;
  let popup: Page;

  beforeAll(async () => {
    api = createDemoApi({ token: TOKEN });
    const { baseUrl } = await api.start(0);
    browser = await launchExtensionBrowser({ extensionDir: '.output/chrome-mv3-e2e' });
    settings = await setUpThroughSettings(browser, baseUrl, TOKEN, USERS);
    popup = await browser.openPage('popup.html');
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
    await api?.stop();
  });

  it('keeps the chart window chosen in the popup when a settings page opened before saves another field', async () => {
    await popup.getByLabel('Chart window').selectOption('72');
    await expect.poll(async () => (await storedSettings(popup)).chartHours, { timeout: 5000 }).toBe(72);
    // The open settings page follows the popup's choice in the field nobody is editing there.
    await expect.poll(() => settings.getByLabel('Chart window').inputValue(), { timeout: 5000 }).toBe('72');

    await settings.getByLabel('Poll interval (minutes)').fill('15');
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByTestId('save-result').filter({ hasText: /^Saved/ }).waitFor();

    const stored = await storedSettings(popup);
    expect(stored).toMatchObject({ chartHours: 72, pollIntervalMinutes: 15 });
    await expect.poll(async () => (await readAlarm(popup, 'thordata-poll'))?.periodInMinutes, { timeout: 5000 }).toBe(15);
    expect(await popup.getByLabel('Chart window').inputValue()).toBe('72');
  });

  it('does not replace what the person is typing in the settings page when the same field changes elsewhere', async () => {
    const interval = settings.getByLabel('Poll interval (minutes)');
    await interval.fill('30');
    // Another page (a second settings tab, say) saves a different interval meanwhile.
    const other = await browser.openPage('options.html');
    await other.getByLabel('Poll interval (minutes)').fill('20');
    await other.getByRole('button', { name: 'Save' }).click();
    await other.getByTestId('save-result').filter({ hasText: /^Saved/ }).waitFor();
    await other.close();
    await expect.poll(async () => (await storedSettings(popup)).pollIntervalMinutes, { timeout: 5000 }).toBe(20);
    expect(await interval.inputValue()).toBe('30');

    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByTestId('save-result').filter({ hasText: /^Saved/ }).waitFor();
    expect(await storedSettings(popup)).toMatchObject({ pollIntervalMinutes: 30, chartHours: 72 });
  });
});
