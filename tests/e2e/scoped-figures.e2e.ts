import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../scripts/demo-api/request-log';
import { createDemoApi, type DemoApi } from '../../scripts/demo-api/server';
import { launchExtensionBrowser, readBadge, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { BADGE_COLORS } from '../../utils/background/badge';
import { hourKeyAt, recentHourKeys } from '../../utils/time/hour-keys';
import { HOUR_MS } from '../../utils/base/durations';
import { formatAmount, formatBadgeAmount } from '../../utils/format/traffic-format';
import { kb, mb, mbToKb } from '../../utils/base/units';
import { SETTINGS_SAVED } from '../../utils/messages/messages';
import { FIRST_ACCOUNT_ID } from '../../utils/settings/model';
import { watchKey } from '../../utils/settings/watched';
import { firePollAlarmLater, hexColor, pollIdle, SCREENSHOT_DIR, servedCurrentHourKb, setUpThroughSettings, waitUntil } from './support';

// Journeys where one user's or one endpoint's failure must stay with what it concerns, and
// where each endpoint's figures are read in their own unit (thordata-api.md, "Units, endpoint
// by endpoint"). Each describe has its own demo API and browser, so one failing does not
// leave the next to start from a broken state.

const USERS = ['alice_res', 'bob_scraper', 'carol_eu'] as const;
const OTHERS = ['alice_res', 'carol_eu'];
const TOKEN = 'tok-E2E-scoped-5c81d2';
const EXTENSION_DIR = '.output/chrome-mv3-e2e';
const UTC = { kind: 'offset', minutes: 0 } as const;
const UTC8 = { kind: 'offset', minutes: 480 } as const;
const HOURLY = 'proxy-users/usage-statistics-hour';
const BALANCE = 'account/traffic-balance';
const USER_LIST = 'proxy-users/user-list';

/** The slice of the `chrome` global these tests use inside extension pages. */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  runtime: { sendMessage(message: object): Promise<unknown> };
};

const asked = (api: DemoApi, endpoint: string) => api.requests().filter((r) => r.path.endsWith(`/${endpoint}`));
const hourly = (api: DemoApi) => asked(api, HOURLY);

/** Bytes per unit label formatAmount writes (binary units). */
const UNIT_BYTES: Readonly<Record<string, number>> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4, PiB: 1024 ** 5 };

/** Reads `4.62 TiB` (en-US digits) back as bytes, to compare a shown amount with the truth. */
function shownBytes(text: string): { bytes: number; unit: string } {
  const match = /([\d,.]+)\s*(B|KiB|MiB|GiB|TiB|PiB)\b/.exec(text);
  if (!match) throw new Error(`no amount in “${text}”`);
  const unit = match[2] ?? '';
  return { bytes: Number((match[1] ?? '').replace(/,/g, '')) * (UNIT_BYTES[unit] ?? Number.NaN), unit };
}

const unitOf = (formatted: string) => formatted.split(' ').at(-1) ?? '';

/** Sum of the rows the demo API last served each user for the given hours: the truth of a window. */
function servedWindowKb(log: readonly RequestLogEntry[], usernames: readonly string[], hours: readonly string[]) {
  const wanted = new Set(hours);
  return kb(
    usernames.reduce((sum, username) => {
      const last = log.filter((entry) => entry.params.username === username && entry.rows !== undefined).at(-1);
      return sum + (last?.rows ?? []).filter((row) => wanted.has(row.date)).reduce((s, row) => s + row.usage_traffic, 0);
    }, 0),
  );
}

/** What the demo API answers right now, asked directly (the extension is not involved). */
async function askDemo<T>(baseUrl: string, path: string): Promise<T> {
  const separator = path.includes('?') ? '&' : '?';
  const body = (await (await fetch(`${baseUrl}/${path}${separator}token=${TOKEN}`)).json()) as { code: number; data: T };
  if (body.code !== 200) throw new Error(`demo API answered ${body.code} to ${path}`);
  return body.data;
}

/** Tells the background the settings were saved, as an extension page does; resolves when that poll is done. */
async function settingsSaved(page: Page): Promise<void> {
  await page.evaluate((message) => chrome.runtime.sendMessage(message), SETTINGS_SAVED);
  await waitUntil(() => pollIdle(page), 30_000, 'the settings-saved poll to end');
}

/** Presses Refresh in the popup and waits for the cycle to ask `users` hourly questions and end. */
async function refreshCycle(popup: Page, api: DemoApi, users: number): Promise<void> {
  api.clearRequests();
  await popup.getByRole('button', { name: 'Refresh', exact: true }).click();
  await waitUntil(async () => hourly(api).length >= users, 30_000, `${users} hourly requests`);
  await waitUntil(() => pollIdle(popup), 30_000, 'the cycle to end');
}

async function storedItem<T>(page: Page, key: string): Promise<T | undefined> {
  return page.evaluate(async (name) => (await chrome.storage.local.get(name))[name], key) as Promise<T | undefined>;
}

/** Whether the page scrolls sideways at its current width: something is too wide for the popup. */
async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** The text in the settings page's user list, in `username`'s row, under the column headed `column`. */
async function listedCell(settings: Page, username: string, column: string): Promise<string> {
  const table = settings.locator('.user-table');
  const headers = (await table.getByRole('columnheader').allTextContents()).map((header) => header.trim());
  const index = headers.indexOf(column);
  if (index < 0) throw new Error(`no column “${column}” in ${headers.join(', ')}`);
  const row = table.getByRole('row').filter({ has: settings.getByRole('checkbox', { name: new RegExp(`^${username} `) }) });
  return ((await row.getByRole('cell').nth(index).textContent()) ?? '').trim();
}

const userRow = (popup: Page, username: string) => popup.locator('.user-row').filter({ hasText: username });

/**
 * Words a Chinese popup may keep in Latin letters: names, units and the product's own terms, and
 * the wallet's currency: its code in the label, `US` of `US$` as Intl writes dollars in Chinese.
 */
const LATIN_ALLOWED = new Set([...USERS, 'Thordata', 'API', 'CSV', 'UTC', 'KB', 'KiB', 'MiB', 'GiB', 'TiB', 'B', 'US', 'USD']);

/** Latin-letter words on the page that a Chinese reader would find left in English. */
async function englishLeftIn(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return [...new Set(text.match(/[A-Za-z][A-Za-z_]+/g) ?? [])].filter((word) => !LATIN_ALLOWED.has(word));
}

describe('units per endpoint: user-list and traffic-balance speak MB', () => {
  let api: DemoApi;
  let baseUrl: string;
  let browser: ExtensionBrowser;
  let settings: Page;

  beforeAll(async () => {
    api = createDemoApi({ token: TOKEN });
    ({ baseUrl } = await api.start(0));
    browser = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR });
    settings = await setUpThroughSettings(browser, baseUrl, TOKEN, USERS);
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
    await api?.stop();
  });

  it('lists alice_res after Test connection with her 500 GiB limit and her usage in the right unit', async () => {
    const list = await askDemo<{ list: { username: string; traffic_limit: number; usage_traffic: number }[] }>(baseUrl, `${USER_LIST}?proxy_type=1`);
    const alice = list.list.find((user) => user.username === 'alice_res');
    expect(alice?.traffic_limit).toBe(512_000);
    const limit = await listedCell(settings, 'alice_res', 'Limit');
    expect(limit).toBe('500 GiB');
    // Usage grows while the test runs: compare what is shown with the MB figure, not its last digit.
    const used = shownBytes(await listedCell(settings, 'alice_res', 'Used in all'));
    const truthBytes = (alice?.usage_traffic ?? 0) * 1024 * 1024;
    expect(used.unit).toBe(unitOf(formatAmount(mbToKb(mb(alice?.usage_traffic ?? 0)), 'binary', 'en-US')));
    expect(Math.abs(used.bytes / truthBytes - 1)).toBeLessThan(0.01);
    expect(await listedCell(settings, 'carol_eu', 'Limit')).toBe('200 GiB');
  });

  it('shows the account balance converted from traffic-balance’s MB, and alice_res’s limit bar of 500 GiB', async () => {
    const popup = await browser.openPage('popup.html');
    const shown = (await popup.getByTestId('account-balance').textContent()) ?? '';
    const { traffic_balance: balanceMb } = await askDemo<{ traffic_balance: number }>(baseUrl, BALANCE);
    expect(balanceMb).toBeGreaterThan(0);
    const expected = formatAmount(mbToKb(mb(balanceMb)), 'binary', 'en-US');
    const read = shownBytes(shown);
    expect(read.unit, `shown ${shown}, truth ${expected}`).toBe(unitOf(expected));
    expect(Math.abs(read.bytes / (balanceMb * 1024 * 1024) - 1)).toBeLessThan(0.01);
    await expect.poll(() => popup.getByRole('meter', { name: /^alice_res:/ }).getAttribute('aria-label')).toMatch(/ of 500 GiB left$/);
    await popup.close();
  });
});

describe('one user’s unusable answer among three', () => {
  let api: DemoApi;
  let browser: ExtensionBrowser;
  let popup: Page;
  /** What the demo API served before bob_scraper's answers turned unusable. */
  let setupLog: RequestLogEntry[] = [];

  beforeAll(async () => {
    api = createDemoApi({ token: TOKEN });
    const { baseUrl } = await api.start(0);
    browser = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR });
    await (await setUpThroughSettings(browser, baseUrl, TOKEN, USERS)).close();
    popup = await browser.openPage('popup.html');
    await waitUntil(() => pollIdle(popup), 30_000, 'the setup poll to end');
    setupLog = api.requests();
    api.setFault({ kind: 'null-data', usernames: ['bob_scraper'], endpoints: [HOURLY] });
    await refreshCycle(popup, api, USERS.length);
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
    await api?.stop();
  });

  it('asked every user in that cycle, and only bob_scraper’s answer was empty', () => {
    const asks = hourly(api).slice(0, USERS.length);
    expect(asks.map((r) => r.params.username)).toEqual([...USERS]);
    expect(asks.map((r) => r.fault ?? null)).toEqual([null, 'null-data', null]);
  });

  // bob_scraper keeps the figures he had before his answers turned unusable (this hour's so far,
  // if the setup ran in it): the sum of the users with figures counts them, as his row shows them.
  it('shows the users’ hour on the badge, the others fresh and bob_scraper’s last known, in the failing colour, naming him', async () => {
    const hour = hourKeyAt(Date.now(), UTC);
    const badge = await readBadge(browser);
    const othersKb = servedCurrentHourKb(api.requests(), OTHERS, hour);
    expect(othersKb).toBeGreaterThan(0);
    const bobCachedKb = servedCurrentHourKb(setupLog, ['bob_scraper'], hour);
    expect(badge.text).toBe(formatBadgeAmount(kb(othersKb + bobCachedKb)));
    expect(hexColor(badge.color)).toBe(BADGE_COLORS.failing);
    expect(badge.title).toMatch(/^bob_scraper: Thordata answered without usable figures \(no data object\)\. /m);
  });

  it('shows the same sum in the popup’s “this hour”, and bob_scraper’s last known figure in his row', async () => {
    const hour = hourKeyAt(Date.now(), UTC);
    const othersKb = servedCurrentHourKb(api.requests(), OTHERS, hour);
    const bobCachedKb = servedCurrentHourKb(setupLog, ['bob_scraper'], hour);
    await expect.poll(() => popup.getByTestId('current-hour').textContent()).toBe(formatAmount(kb(othersKb + bobCachedKb), 'binary', 'en-US'));
    expect(await userRow(popup, 'bob_scraper').locator('.user-amount').textContent()).toBe(formatAmount(bobCachedKb, 'binary', 'en-US'));
  });

  it('names bob_scraper in the popup’s banner and marks only his row', async () => {
    const banner = popup.locator('.banner');
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toMatch(/^bob_scraper: Thordata answered without usable figures/);
    expect(await banner.getAttribute('role')).toBe('alert');
    await expect.poll(() => userRow(popup, 'bob_scraper').locator('.user-warning').textContent()).toBe('answer unusable');
    const hour = hourKeyAt(Date.now(), UTC);
    for (const username of OTHERS) {
      expect(await userRow(popup, username).locator('.user-warning').count()).toBe(0);
      expect(await userRow(popup, username).locator('.user-amount').textContent()).toBe(
        formatAmount(servedCurrentHourKb(api.requests(), [username], hour), 'binary', 'en-US'),
      );
    }
  });

  it('asks alice_res, carol_eu, then bob_scraper when the poll alarm fires', async () => {
    await expect.poll(() => pollIdle(popup), { timeout: 30_000 }).toBe(true);
    api.clearRequests();
    await firePollAlarmLater(popup);
    await expect.poll(() => hourly(api).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(USERS.length);
    await expect.poll(() => pollIdle(popup), { timeout: 30_000 }).toBe(true);
    expect(hourly(api).slice(0, USERS.length).map((r) => r.params.username)).toEqual(['alice_res', 'carol_eu', 'bob_scraper']);
    expect((await readBadge(browser)).title).toMatch(/^bob_scraper: /m);
  });

  it('drops the banner and shows bob_scraper’s figure again once his answers are usable', async () => {
    api.setFault(null);
    await refreshCycle(popup, api, USERS.length);
    await expect.poll(() => popup.locator('.banner').count(), { timeout: 10_000 }).toBe(0);
    const hour = hourKeyAt(Date.now(), UTC);
    await expect.poll(() => userRow(popup, 'bob_scraper').locator('.user-amount').textContent()).toBe(
      formatAmount(servedCurrentHourKb(api.requests(), ['bob_scraper'], hour), 'binary', 'en-US'),
    );
    const badge = await readBadge(browser);
    expect(badge.text).toBe(formatBadgeAmount(servedCurrentHourKb(api.requests(), USERS, hour)));
    expect(hexColor(badge.color)).not.toBe(BADGE_COLORS.failing);
    expect(badge.title).not.toMatch(/bob_scraper/);
  });
});

describe('a secondary endpoint refusing the key', () => {
  let api: DemoApi;
  let browser: ExtensionBrowser;
  let popup: Page;
  let balanceBefore: string;

  beforeAll(async () => {
    api = createDemoApi({ token: TOKEN });
    const { baseUrl } = await api.start(0);
    browser = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR });
    await (await setUpThroughSettings(browser, baseUrl, TOKEN, USERS)).close();
    popup = await browser.openPage('popup.html');
    balanceBefore = (await popup.getByTestId('account-balance').textContent()) ?? '';
    await waitUntil(() => pollIdle(popup), 30_000, 'the setup poll to end');
    api.setFault({ kind: 'key-rejected', endpoints: [BALANCE] });
    api.clearRequests();
    await settingsSaved(popup);
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
    await api?.stop();
  });

  it('asked the balance, which answered 10014, and every user’s hours, which answered', () => {
    expect(asked(api, BALANCE).map((r) => r.code)).toEqual([10014]);
    expect(hourly(api).map((r) => [r.params.username, r.code])).toEqual(USERS.map((u) => [u, 200]));
  });

  it('keeps a figure on the badge, not the token mark, and no word of a rejected token', async () => {
    const badge = await readBadge(browser);
    expect(badge.text).not.toBe('!');
    expect(badge.text).toBe(formatBadgeAmount(servedCurrentHourKb(api.requests(), USERS, hourKeyAt(Date.now(), UTC))));
    expect(hexColor(badge.color)).not.toBe(BADGE_COLORS.tokenRejected);
    expect(hexColor(badge.color)).not.toBe(BADGE_COLORS.failing);
    expect(badge.title).not.toMatch(/rejected/);
  });

  it('shows the figures, the last known balance and the balance-error line, and no banner', async () => {
    await expect.poll(() => popup.getByTestId('balance-error').textContent(), { timeout: 10_000 }).toBe(
      'Balance not updated: Thordata rejected the API key (code 10014).',
    );
    expect(await popup.getByTestId('account-balance').textContent()).toBe(balanceBefore);
    const hourKb = servedCurrentHourKb(api.requests(), USERS, hourKeyAt(Date.now(), UTC));
    expect(await popup.getByTestId('current-hour').textContent()).toBe(formatAmount(hourKb, 'binary', 'en-US'));
    expect(await popup.locator('.banner').count()).toBe(0);
    expect(await popup.locator('body').innerText()).not.toMatch(/rejected the API token/);
  });

  it('keeps polling: a later Refresh asks every user’s hours again and leaves the balance for later', async () => {
    await refreshCycle(popup, api, USERS.length);
    expect(hourly(api).map((r) => [r.params.username, r.code])).toEqual(USERS.map((u) => [u, 200]));
    expect(asked(api, BALANCE)).toEqual([]);
    expect(asked(api, USER_LIST)).toEqual([]);
    expect((await readBadge(browser)).text).toMatch(/^\d/);
    expect(await popup.getByTestId('balance-error').isVisible()).toBe(true);
  });

  it('shows a refused user list under limits-error and reads the balance again after a save', async () => {
    api.setFault({ kind: 'key-rejected', endpoints: [USER_LIST] });
    api.clearRequests();
    await settingsSaved(popup);
    expect(asked(api, USER_LIST).map((r) => r.code)).toEqual([10014]);
    expect(asked(api, BALANCE).map((r) => r.code)).toEqual([200]);
    await expect.poll(() => popup.getByTestId('limits-error').textContent(), { timeout: 10_000 }).toBe(
      'User limits not updated: Thordata rejected the API key (code 10014).',
    );
    await expect.poll(() => popup.getByTestId('balance-error').count()).toBe(0);
    expect(await popup.getByRole('meter', { name: /^alice_res:/ }).getAttribute('aria-label')).toMatch(/ of 500 GiB left$/);
    const badge = await readBadge(browser);
    expect(badge.text).toMatch(/^\d/);
    expect(hexColor(badge.color)).not.toBe(BADGE_COLORS.tokenRejected);
    expect(await popup.locator('.banner').count()).toBe(0);
  });
});

describe('correcting the API timezone from UTC to UTC+8', () => {
  let api: DemoApi;
  let browser: ExtensionBrowser;
  let settings: Page;
  let savedAt = 0;

  beforeAll(async () => {
    api = createDemoApi({ token: TOKEN, timezoneOffsetMinutes: 480 });
    const { baseUrl } = await api.start(0);
    browser = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR });
    settings = await setUpThroughSettings(browser, baseUrl, TOKEN, USERS);
    await waitUntil(() => pollIdle(settings), 30_000, 'the setup poll to end');
    await settings.getByLabel('API timezone', { exact: true }).selectOption('UTC+8');
    await waitUntil(async () => (await settings.getByTestId('save-result').textContent()) === '', 5000, 'the old save notice to clear');
    api.clearRequests();
    savedAt = Date.now();
    await settings.getByRole('button', { name: 'Save', exact: true }).click();
    await waitUntil(async () => /^Saved/.test((await settings.getByTestId('save-result').textContent()) ?? ''), 10_000, 'Saved');
    await waitUntil(async () => hourly(api).length >= USERS.length, 30_000, 'the re-read of every user');
    await waitUntil(() => pollIdle(settings), 30_000, 'the re-read to end');
    // Anything asked late (a second cycle) would show up in this pause.
    await settings.waitForTimeout(2500);
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
    await api?.stop();
  });

  it('re-reads each watched user once, at once, over the last 168 UTC+8 hours', () => {
    const asks = hourly(api);
    expect(asks.map((r) => r.params.username)).toEqual([...USERS]);
    expect(asks[0]?.startedAt ?? 0).toBeLessThan(savedAt + 10_000);
    for (const ask of asks) {
      // The key of the hour the request was made in (or of a moment before, across an hour's turn).
      const keysAt = (offsetMs: number) => [hourKeyAt(ask.startedAt - offsetMs, UTC8), hourKeyAt(ask.startedAt - offsetMs - 5000, UTC8)];
      expect(keysAt(0)).toContain(ask.params.to_date);
      expect(keysAt(167 * HOUR_MS)).toContain(ask.params.from_date);
      expect(ask.code).toBe(200);
    }
  });

  it('stores the hours as read under UTC+8, exactly as the API served them', async () => {
    const cache = await storedItem<{ apiTimezone: string; users: Record<string, { hours: Record<string, number> }> }>(settings, 'usageCache');
    expect(cache?.apiTimezone).toBe('UTC+8');
    for (const username of USERS) {
      const served = hourly(api).filter((r) => r.params.username === username).at(-1)?.rows ?? [];
      expect(served.length).toBeGreaterThan(100);
      expect(cache?.users[watchKey({ account: FIRST_ACCOUNT_ID, proxyType: 1, username })]?.hours).toEqual(Object.fromEntries(served.map((row) => [row.date, row.usage_traffic])));
    }
  });

  it('shows the last 24 UTC+8 hours in the popup and this UTC+8 hour on the badge', async () => {
    const popup = await browser.openPage('popup.html');
    const last24 = popup.locator('.stats > div').filter({ hasText: 'Last 24 h' }).locator('dd');
    await expect
      .poll(async () => {
        const truth = formatAmount(servedWindowKb(api.requests(), USERS, recentHourKeys(Date.now(), 24, UTC8)), 'binary', 'en-US');
        return `${await last24.textContent()} (truth ${truth})`;
      })
      .toMatch(/^(.+) \(truth \1\)$/);
    const hour = hourKeyAt(Date.now(), UTC8);
    expect((await readBadge(browser)).text).toBe(formatBadgeAmount(servedCurrentHourKb(api.requests(), USERS, hour)));
    expect(await popup.getByTestId('current-hour-exact').textContent()).toContain(hour);
    await popup.close();
  });
});

for (const [locale, lang] of [
  ['en-US', 'en'],
  ['zh-CN', 'zh'],
] as const) {
  describe(`popup screenshots with a bad user and with a balance error (${locale})`, () => {
    let api: DemoApi;
    let browser: ExtensionBrowser;
    let page: Page;

    beforeAll(async () => {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      api = createDemoApi({ token: TOKEN });
      const { baseUrl } = await api.start(0);
      browser = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR, locale });
      page = await browser.openPage('options.html');
      // Set up through storage: the settings page's labels are in English only in the English browser.
      await page.evaluate(
        async ({ apiBaseUrl, token, usernames }) => {
          await chrome.storage.local.set({
            apiToken: token,
            settings: { proxyType: 1, usernames, pollIntervalMinutes: 10, apiTimezone: { kind: 'offset', minutes: 0 }, apiBaseUrl, units: 'binary', chartHours: 24 },
          });
        },
        { apiBaseUrl: baseUrl, token: TOKEN, usernames: [...USERS] },
      );
      await settingsSaved(page);
      await waitUntil(async () => /^\d/.test((await readBadge(browser)).text), 30_000, 'the first figure');
    });

    afterAll(async () => {
      await browser?.close({ removeProfile: true });
      await api?.stop();
    });

    async function openPopup(scheme: 'light' | 'dark'): Promise<Page> {
      const popup = await browser.openPage('popup.html', scheme);
      await popup.setViewportSize({ width: 360, height: 760 });
      await popup.getByTestId('current-hour').waitFor();
      await popup.locator('.spark-svg').waitFor({ state: 'detached' });
      return popup;
    }

    it('bad user: the banner and bob_scraper’s row say what is wrong, in the browser’s language', async () => {
      api.setFault({ kind: 'null-data', usernames: ['bob_scraper'], endpoints: [HOURLY] });
      await settingsSaved(page);
      for (const scheme of ['light', 'dark'] as const) {
        const popup = await openPopup(scheme);
        const banner = popup.locator('.banner');
        await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toMatch(/^bob_scraper/);
        await userRow(popup, 'bob_scraper').locator('.user-warning').waitFor();
        // The picture first, so that a failed check below still leaves it to look at.
        await popup.screenshot({ path: `${SCREENSHOT_DIR}/popup-bad-user-${scheme}-${lang}.png`, fullPage: true });
        const warning = await userRow(popup, 'bob_scraper').locator('.user-warning').textContent();
        const bannerText = (await banner.textContent()) ?? '';
        if (lang === 'zh') {
          expect.soft(bannerText).toMatch(/^bob_scraper\S? ?Thordata 的应答中没有可用的数据/);
          expect.soft(warning).toBe('应答无法使用');
          expect.soft(await englishLeftIn(popup), `${scheme}: ${bannerText}`).toEqual([]);
        } else {
          expect.soft(bannerText).toMatch(/^bob_scraper: Thordata answered without usable figures/);
          expect.soft(warning).toBe('answer unusable');
        }
        expect.soft(await overflowsSideways(popup), `${scheme}: the popup scrolls sideways`).toBe(false);
        await popup.close();
      }
    });

    it('balance error: the account section says the balance was not updated, the figures stay', async () => {
      api.setFault({ kind: 'key-rejected', endpoints: [BALANCE] });
      await settingsSaved(page);
      for (const scheme of ['light', 'dark'] as const) {
        const popup = await openPopup(scheme);
        const line = popup.getByTestId('balance-error');
        await line.waitFor({ timeout: 10_000 });
        await popup.screenshot({ path: `${SCREENSHOT_DIR}/popup-balance-error-${scheme}-${lang}.png`, fullPage: true });
        expect.soft(await line.textContent()).toBe(
          lang === 'zh' ? '余额未能更新：Thordata 拒绝了 API 密钥（错误码 10014）。' : 'Balance not updated: Thordata rejected the API key (code 10014).',
        );
        expect.soft(await popup.locator('.banner').count()).toBe(0);
        expect.soft(await popup.getByTestId('account-balance').textContent()).toMatch(/\d/);
        if (lang === 'zh') expect.soft(await englishLeftIn(popup), scheme).toEqual([]);
        expect.soft(await overflowsSideways(popup), `${scheme}: the popup scrolls sideways`).toBe(false);
        await popup.close();
      }
    });
  });
}
