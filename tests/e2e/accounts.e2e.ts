import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApi, DEFAULT_TOKEN, SECOND_TOKEN, type DemoApi } from '../../scripts/demo-api/server';
import { scaleRunUsers } from '../../scripts/demo-api/accounts';
import { launchExtensionBrowser, readBadge, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { launchFirefoxDriver } from '../../scripts/lib/firefox-driver';
import { playwrightPage } from '../../scripts/lib/playwright-driver';
import { configureThroughSettings, type JourneyAccount } from '../../scripts/lib/settings-journey';
import { usageColor } from '../../utils/background/badge';
import { HOUR_MS } from '../../utils/base/durations';
import { formatAmount, formatBadgeAmount } from '../../utils/format/traffic-format';
import type { Kb } from '../../utils/base/units';
import { SETTINGS_SAVED } from '../../utils/messages/messages';
import { MIN_REQUEST_GAP_MS, OBSERVED_REQUEST_GAP_MS } from '../../utils/poll/spacing';
import { describeAccountsJourney, TWO_ACCOUNTS } from './accounts-journey-suite';
import { DEFAULT_SETTINGS } from '../../utils/settings/model';
import { firePollAlarmLater, hexColor, pollIdle, SCREENSHOT_DIR, seriousViolations, truthHourKb, waitUntil, type DemoWatched } from './support';

// Issue 15 in real Chromium against the demo API: two accounts with their own tokens, users of
// two products under one token, one account rejected while the other goes on, and 100 users.
// The 100 users' first cycle takes about three minutes; the file's other journeys run meanwhile,
// the accounts journey in Firefox among them, each in its own browser against its own demo API.

const EXTENSION_DIR = '.output/chrome-mv3-e2e';
const HOURLY = 'usage-statistics-hour';
const hourly = (api: DemoApi) => api.requests().filter((r) => r.path.endsWith(`/${HOURLY}`));
const hourStart = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
const amount = (figure: Kb) => formatAmount(figure, 'binary', 'en-US');

/** The slice of the `chrome` global these tests use inside extension pages. */
declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  runtime: { sendMessage(message: object): Promise<unknown> };
};

/** Every request of the log at least the observed spacing after the one before, never two at once. */
function expectSpaced(api: DemoApi): void {
  const all = api.requests();
  for (let i = 1; i < all.length; i += 1) {
    const gap = (all[i]?.startedAt ?? 0) - (all[i - 1]?.endedAt ?? 0);
    expect(gap, `${all[i - 1]?.path} → ${all[i]?.path}`).toBeGreaterThanOrEqual(OBSERVED_REQUEST_GAP_MS);
  }
  expect(api.stats().maxInFlight).toBe(1);
}

/** A group's heading button in the popup's list: its name and its total, as the eye reads them. */
async function groupHeads(popup: Page, level: 3 | 4, within = popup.locator('body')): Promise<{ name: string; amount: string }[]> {
  const heads = within.locator(`h${level}.group-head .group-row`);
  const names = await heads.locator('.user-name').allTextContents();
  const amounts = await heads.locator('.user-amount').allTextContents();
  return names.map((name, i) => ({ name: name.trim(), amount: (amounts[i] ?? '').trim() }));
}

const accountGroup = (popup: Page, name: string) =>
  popup.locator('li.account-group').filter({ has: popup.locator('h3 .user-name', { hasText: name }) });

const userRowOf = (popup: Page, username: string) =>
  popup.locator('.user-row:not(.group-row)').filter({ has: popup.locator('.user-name', { hasText: username }) });

/** The 100-user run: its demo API, its browser, and what it watches, by account token. */
interface ScaleRun {
  readonly api: DemoApi;
  readonly browser: ExtensionBrowser;
  readonly watched: readonly DemoWatched[];
  /** When the settings were saved: the first cycle starts then. */
  readonly savedAt: number;
}

let scaleRun: Promise<ScaleRun> | null = null;

/**
 * Starts the 100-user run once: its first cycle takes about three minutes of spaced requests,
 * which the other journeys of this file use, each in its own browser against its own demo API.
 * Ticking 100 users on the settings page has its own (unit) tests; here the stored shape a save
 * writes, settings and one token item per account, then the message a save sends.
 */
function startScaleRun(): Promise<ScaleRun> {
  scaleRun ??= (async () => {
    const api = createDemoApi({ generatedUsers: scaleRunUsers() });
    const { baseUrl } = await api.start(0);
    const accounts = api.accounts();
    const ids = accounts.map((_, index) => String(index + 1));
    const settings = {
      ...DEFAULT_SETTINGS,
      accounts: ids.map((id) => ({ id, label: '' })),
      watched: accounts.flatMap(({ users }, index) => users.map(({ proxyType, username }) => ({ account: ids[index], proxyType, username }))),
      apiBaseUrl: baseUrl,
    };
    const tokens = Object.fromEntries(accounts.map(({ token }, index) => [index === 0 ? 'apiToken' : `apiToken.${ids[index]}`, token]));
    const browser = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR });
    const page = await browser.openPage('options.html');
    const savedAt = Date.now();
    await page.evaluate(
      async ({ items, message }) => {
        await chrome.storage.local.set(items);
        await chrome.runtime.sendMessage(message);
      },
      { items: { settings, settings$: { v: 2 }, ...tokens }, message: SETTINGS_SAVED },
    );
    await page.close();
    return { api, browser, savedAt, watched: accounts.flatMap(({ token, users }) => users.map(({ username }) => ({ token, username }))) };
  })();
  // Awaited later, by the 100-user tests or the file's afterAll; a failure is reported there.
  scaleRun.catch(() => undefined);
  return scaleRun;
}

afterAll(async () => {
  const run = await scaleRun?.catch(() => null);
  await run?.browser.close({ removeProfile: true });
  await run?.api.stop();
});

describe('two accounts with their own tokens, one with users of two products', () => {
  const TEAM = 'Team A';
  // The first account named, the second left to be "Account 2".
  const ACCOUNTS: readonly JourneyAccount[] = TWO_ACCOUNTS.map((account, index) => (index === 0 ? { ...account, label: TEAM } : account));
  const WATCHED: readonly DemoWatched[] = ACCOUNTS.flatMap(({ token, users }) => users.map(({ username }) => ({ token, username })));
  const FIRST = WATCHED.slice(0, 2);
  const SECOND = WATCHED.slice(2);
  let api: DemoApi;
  let browser: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    void startScaleRun();
    // UTC+8: the API's hours are not the machine's, so a figure read for the wrong hour shows.
    api = createDemoApi({ timezoneOffsetMinutes: 480 });
    const { baseUrl } = await api.start(0);
    browser = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR });
    const settings = await browser.openPage('options.html');
    await configureThroughSettings(playwrightPage(settings), { accounts: ACCOUNTS, pollIntervalMinutes: 10, apiTimezone: 'UTC+8', apiBaseUrl: baseUrl });
    await waitUntil(async () => hourly(api).length >= WATCHED.length, 30_000, 'every watched user asked');
    // After the hours: each account's figures and the users' first daily requests.
    await waitUntil(() => pollIdle(settings), 45_000, 'the first cycle to end');
    await settings.close();
    popup = await browser.openPage('popup.html');
    await popup.setViewportSize({ width: 360, height: 640 });
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
    await api?.stop();
  });

  it('shows on the badge this hour summed over all four users of both accounts', async () => {
    const truth = truthHourKb(api, WATCHED, hourStart(Date.now()));
    expect(truth).toBeGreaterThan(0);
    const badge = await readBadge(browser);
    expect(badge.text).toBe(formatBadgeAmount(truth));
    expect(hexColor(badge.color)).toBe(usageColor(truth, DEFAULT_SETTINGS.alerts));
  });

  it('groups the popup by account, each with its total, and Team A’s users by product', async () => {
    const now = hourStart(Date.now());
    await expect.poll(() => groupHeads(popup, 3)).toEqual([
      { name: TEAM, amount: amount(truthHourKb(api, FIRST, now)) },
      { name: 'Account 2', amount: amount(truthHourKb(api, SECOND, now)) },
    ]);
    expect(await groupHeads(popup, 4, accountGroup(popup, TEAM))).toEqual([
      { name: 'Residential', amount: amount(truthHourKb(api, [WATCHED[0] as DemoWatched], now)) },
      { name: 'Unlimited', amount: amount(truthHourKb(api, [WATCHED[1] as DemoWatched], now)) },
    ]);
    expect(await groupHeads(popup, 4, accountGroup(popup, 'Account 2'))).toEqual([
      { name: 'Residential', amount: amount(truthHourKb(api, [WATCHED[2] as DemoWatched], now)) },
      { name: 'Mobile', amount: amount(truthHourKb(api, [WATCHED[3] as DemoWatched], now)) },
    ]);
    // Each user under its own account and product.
    const residential = accountGroup(popup, TEAM).locator('li.group').filter({ has: popup.locator('h4', { hasText: 'Residential' }) });
    expect(await residential.locator('.user-row:not(.group-row) .user-name').allTextContents()).toEqual(['alice_res']);
    expect(await popup.getByTestId('account-balance').count()).toBe(2);
    expect(await popup.getByTestId('current-hour').textContent()).toBe(amount(truthHourKb(api, WATCHED, now)));
  });

  it('asks each watched user once in a steady poll, with its own account’s token, one request at a time', async () => {
    api.clearRequests();
    await firePollAlarmLater(popup);
    await waitUntil(async () => hourly(api).length >= WATCHED.length, 30_000, 'the poll’s hourly requests');
    await waitUntil(() => pollIdle(popup), 30_000, 'the poll to end');
    const asked = hourly(api);
    expect(asked).toHaveLength(WATCHED.length);
    expect(asked.map((r) => r.params.username).sort()).toEqual(WATCHED.map((w) => w.username).sort());
    // The log holds no token; a user asked with the other account's token would get 10020.
    expect(asked.map((r) => r.code)).toEqual(WATCHED.map(() => 200));
    expect(api.requests().every((r) => r.code === 200)).toBe(true);
    expectSpaced(api);
  });

  it('keeps Team A’s figures and a figure on the badge while Account 2’s token is rejected, and says so on Account 2', async () => {
    api.setFault({ kind: 'bad-token', tokens: [SECOND_TOKEN] });
    try {
      // Not cleared: Account 2's last answered hours are the truth its kept figures must match.
      const since = api.requests().length;
      const fromNow = () => api.requests().slice(since);
      await popup.getByRole('button', { name: 'Refresh', exact: true }).click();
      // The account's problem is settled when the cycle ends; its users wait for the token, so the
      // cycle keeps them for later rather than reading as idle.
      await accountGroup(popup, 'Account 2').getByTestId('account-problem').filter({ hasText: 'rejected the API token' }).waitFor({ timeout: 30_000 });
      expect(await accountGroup(popup, TEAM).getByTestId('account-problem').count()).toBe(0);
      // Team A was asked again and answered; only Account 2's requests were refused.
      const asked = fromNow().filter((r) => r.path.endsWith(`/${HOURLY}`));
      expect(asked.filter((r) => r.code === 200).map((r) => r.params.username).sort()).toEqual(['alice_res', 'dave_unl']);
      expect(asked.filter((r) => r.code !== 200).map((r) => `${r.params.username} ${r.code}`)).toEqual(['frank_res 10013']);
      const now = hourStart(Date.now());
      for (const user of FIRST) {
        expect(await userRowOf(popup, user.username).locator('.user-amount').textContent()).toBe(amount(truthHourKb(api, [user], now)));
      }
      // Account 2's last figures stay, and still count in the badge's sum.
      expect(await userRowOf(popup, 'frank_res').locator('.user-amount').textContent()).toMatch(/^\d/);
      const badge = await readBadge(browser);
      expect(badge.text).toBe(formatBadgeAmount(truthHourKb(api, WATCHED, now)));
      expect(badge.title).toMatch(/Account 2: .*rejected the API token/);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await popup.screenshot({ path: `${SCREENSHOT_DIR}/accounts-one-rejected.png`, fullPage: true });
    } finally {
      api.setFault(null);
    }
    await popup.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect.poll(() => accountGroup(popup, 'Account 2').getByTestId('account-problem').count(), { timeout: 30_000 }).toBe(0);
  });
});

/** Where each account's users come from in the screenshots: two accounts, three products. */
const SHOWN_ACCOUNTS = [
  { id: '1', label: 'Production', token: DEFAULT_TOKEN, users: [[1, 'alice_res'], [1, 'bob_scraper'], [2, 'dave_unl']] },
  { id: '2', label: 'Research', token: SECOND_TOKEN, users: [[1, 'frank_res'], [3, 'heidi_mob']] },
] as const;

for (const locale of ['en-US', 'zh-CN'] as const) {
  describe(`popup and settings with two accounts, one of them rejected (${locale}, light and dark)`, () => {
    let api: DemoApi;
    let browser: ExtensionBrowser;
    const shot = (what: string, scheme: string) => `${SCREENSHOT_DIR}/${what}-${locale}-${scheme}.png`;

    /** Opens the popup at the toolbar's size, once its figures and each account's balance are there. */
    async function openPopup(scheme: 'light' | 'dark'): Promise<Page> {
      const popup = await browser.openPage('popup.html', scheme);
      await popup.setViewportSize({ width: 360, height: 760 });
      await expect.poll(() => popup.getByTestId('account-balance').count(), { timeout: 10_000 }).toBe(2);
      await popup.waitForTimeout(200);
      return popup;
    }

    beforeAll(async () => {
      void startScaleRun();
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      api = createDemoApi();
      const { baseUrl } = await api.start(0);
      browser = await launchExtensionBrowser({ extensionDir: EXTENSION_DIR, locale });
      const page = await browser.openPage('options.html');
      // Set up through storage: the settings page journey with accounts is the test above, in English.
      const settings = {
        ...DEFAULT_SETTINGS,
        accounts: SHOWN_ACCOUNTS.map(({ id, label }) => ({ id, label })),
        watched: SHOWN_ACCOUNTS.flatMap(({ id, users }) => users.map(([proxyType, username]) => ({ account: id, proxyType, username }))),
        apiBaseUrl: baseUrl,
      };
      await page.evaluate(
        async ({ items, message }) => {
          await chrome.storage.local.set(items);
          await chrome.runtime.sendMessage(message);
        },
        { items: { settings, settings$: { v: 2 }, apiToken: DEFAULT_TOKEN, 'apiToken.2': SECOND_TOKEN }, message: SETTINGS_SAVED },
      );
      await waitUntil(async () => hourly(api).length >= 5, 30_000, 'every watched user asked');
      await waitUntil(() => pollIdle(page), 45_000, 'the first cycle to end');
      await page.close();
    });

    afterAll(async () => {
      await browser?.close({ removeProfile: true });
      await api?.stop();
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`popup (${scheme}): both accounts’ groups and balances, with no serious accessibility problem`, async () => {
        const popup = await openPopup(scheme);
        expect((await groupHeads(popup, 3)).map((group) => group.name)).toEqual(['Production', 'Research']);
        await popup.screenshot({ path: shot('popup-accounts', scheme), fullPage: true });
        expect(await seriousViolations(popup)).toEqual([]);
        await popup.close();
      });
    }

    it('popup and settings once Research’s token is rejected, light and dark, with no serious accessibility problem', async () => {
      api.setFault({ kind: 'bad-token', tokens: [SECOND_TOKEN] });
      const refreshing = await openPopup('light');
      await refreshing.locator('.footer-actions button').last().click();
      await accountGroup(refreshing, 'Research').getByTestId('account-problem').waitFor({ timeout: 30_000 });
      await refreshing.close();
      for (const scheme of ['light', 'dark'] as const) {
        const popup = await openPopup(scheme);
        expect(await popup.getByTestId('account-problem').count()).toBe(1);
        await popup.screenshot({ path: shot('popup-accounts-rejected', scheme), fullPage: true });
        expect(await seriousViolations(popup)).toEqual([]);
        await popup.close();

        // Test connection in each account: Production lists its users, Research says its token was rejected.
        const settings = await browser.openPage('options.html', scheme);
        const cards = settings.locator('fieldset.account-card');
        await expect.poll(() => cards.count()).toBe(2);
        for (const [index, testId] of ['test-result', 'test-result-2'].entries()) {
          await cards.nth(index).getByRole('button', { name: /^(Test connection|测试连接)/ }).click();
          await expect.poll(() => settings.getByTestId(testId).getAttribute('class'), { timeout: 15_000 }).toMatch(/\b(ok|error)\b/);
        }
        expect(await settings.getByTestId('test-result').getAttribute('class')).toMatch(/\bok\b/);
        expect(await settings.getByTestId('test-result-2').textContent()).toMatch(/10013/);
        await settings.screenshot({ path: shot('settings-accounts-rejected', scheme), fullPage: true });
        expect(await seriousViolations(settings)).toEqual([]);
        await settings.close();
      }
      api.setFault(null);
    });
  });
}

describeAccountsJourney(() => launchFirefoxDriver({ extensionDir: '.output/firefox-mv3-e2e' }));

describe('100 users over three accounts', () => {
  let run: ScaleRun;
  const hourlyOf = () => hourly(run.api);

  beforeAll(async () => {
    run = await startScaleRun();
    // The first full cycle: one request at a time, MIN_REQUEST_GAP_MS apart, about three minutes.
    const allowedMs = run.watched.length * MIN_REQUEST_GAP_MS + 60_000 - (Date.now() - run.savedAt);
    await waitUntil(async () => hourlyOf().length >= run.watched.length, allowedMs, 'every user asked once');
    const page = await run.browser.openPage('options.html');
    // After the hours: 3 accounts' figures and the first tenth of the users' daily requests, some 40 s.
    await waitUntil(() => pollIdle(page), 90_000, 'the first cycle to end');
    await page.close();
    const all = run.api.requests();
    console.log(
      `100 users: ${all.length} requests in ${((all.at(-1)?.endedAt ?? 0) - (all[0]?.startedAt ?? 0)) / 1000} s, settled ${(Date.now() - run.savedAt) / 1000} s after the save`,
    );
  }, 330_000);

  it('asks each of the 100 users exactly once in the cycle, with its own token, spaced, within users × spacing + 30 s', () => {
    expect(run.watched).toHaveLength(100);
    const asked = hourlyOf();
    expect(asked.map((r) => r.params.username).sort()).toEqual(run.watched.map((w) => w.username).sort());
    expect(asked.every((r) => r.code === 200)).toBe(true);
    expectSpaced(run.api);
    // The users' hours come first; the accounts' figures and the first daily requests follow them.
    expect((asked.at(-1)?.endedAt ?? 0) - (asked[0]?.startedAt ?? 0)).toBeLessThanOrEqual(run.watched.length * MIN_REQUEST_GAP_MS + 30_000);
    expect(run.api.requests().every((r) => r.code === 200)).toBe(true);
  });

  it('shows on the badge this hour summed over all 100 users', async () => {
    const badge = await readBadge(run.browser);
    expect(badge.text).toBe(formatBadgeAmount(truthHourKb(run.api, run.watched, hourStart(Date.now()))));
  });

  /**
   * A figure the popup shows beside the truth for what the API last answered. Opening the popup
   * three minutes after the cycle began starts another (its figures are older than a minute), so
   * an answer may land between reading the page and the log: both are read again until they agree.
   */
  const shownAndTruth = async (shown: () => Promise<string | null>, watched: readonly DemoWatched[]) =>
    `${await shown()} (truth ${amount(truthHourKb(run.api, watched, hourStart(Date.now())))})`;

  for (const scheme of ['light', 'dark'] as const) {
    it(`opens the popup (${scheme}) with every group collapsed, finds a user with the filter, with no serious accessibility problem`, async () => {
      const popup = await run.browser.openPage('popup.html', scheme);
      await popup.setViewportSize({ width: 360, height: 640 });
      await popup.getByTestId('current-hour').waitFor();
      await expect.poll(() => shownAndTruth(() => popup.getByTestId('current-hour').textContent(), run.watched)).toMatch(/^(.+) \(truth \1\)$/);
      const disclosures = popup.locator('button.disclosure');
      expect(await disclosures.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-expanded')))).toEqual(['false', 'false', 'false']);
      // Only "All users" and the three accounts' headings: no user's row before one is asked for.
      expect(await popup.locator('.user-row:not(.group-row)').count()).toBe(1);
      expect(await popup.locator('.group-row').count()).toBe(3);
      await popup.waitForTimeout(200);
      await popup.screenshot({ path: `${SCREENSHOT_DIR}/popup-100-users-${scheme}.png`, fullPage: true });
      expect(await seriousViolations(popup)).toEqual([]);

      const wanted = run.watched.find((w) => w.token === SECOND_TOKEN && w.username.endsWith('_r007'));
      if (!wanted) throw new Error('no generated user of the second account to find');
      await popup.getByRole('searchbox', { name: 'Find a user' }).fill(wanted.username);
      const row = userRowOf(popup, wanted.username);
      await row.waitFor();
      expect(await popup.locator('.user-row:not(.group-row) .user-name').allTextContents()).toEqual(['All users', wanted.username]);
      await expect.poll(() => shownAndTruth(() => row.locator('.user-amount').textContent(), [wanted])).toMatch(/^(.+) \(truth \1\)$/);
      await popup.screenshot({ path: `${SCREENSHOT_DIR}/popup-100-users-${scheme}-filtered.png`, fullPage: true });
      expect(await seriousViolations(popup)).toEqual([]);
      await popup.close();
    });
  }
});
