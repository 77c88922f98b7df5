import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApi, type DemoApi } from '../../scripts/demo-api/server';
import { launchExtensionBrowser, readBadge, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { BADGE_COLORS } from '../../utils/background/badge';
import { OBSERVED_REQUEST_GAP_MS } from '../../utils/poll/spacing';
import type { Page } from 'playwright-core';
import { collectConsole, fireAlarm, firePollAlarmLater, hexColor, pollIdle, readAlarm, setUpThroughSettings, stopServiceWorkers, storedItems, waitUntil, WORKING_COLORS } from './support';

const USERS = ['alice_res', 'bob_scraper', 'carol_eu'];
// A distinctive token, so that any leak of it is found by a plain text search.
const TOKEN = 'tok-E2E-secret-9f3a71';
const hourly = (api: DemoApi) => api.requests().filter((r) => r.path.endsWith('usage-statistics-hour'));

describe('the polling engine against the demo API’s faults', () => {
  let api: DemoApi;
  let browser: ExtensionBrowser;
  let baseUrl: string;
  let popup: Page;
  let consoleLines: string[] = [];
  // The demo's traffic grows with the clock; a test that compares figures across a restart stops it.
  let frozenAt: number | null = null;

  async function refreshAndWait(expected: RegExp): Promise<void> {
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(async () => (await readBadge(browser)).title, { timeout: 30_000 }).toMatch(expected);
  }

  /** Ends a fault the way a user sees it end: a refresh that succeeds, so backoff starts afresh. */
  async function recover(): Promise<void> {
    api.setFault(null);
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(async () => WORKING_COLORS.includes(hexColor((await readBadge(browser)).color)), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => pollIdle(popup), { timeout: 15_000 }).toBe(true);
  }

  beforeAll(async () => {
    api = createDemoApi({ token: TOKEN, now: () => frozenAt ?? Date.now() });
    ({ baseUrl } = await api.start(0));
    browser = await launchExtensionBrowser({ extensionDir: '.output/chrome-mv3-e2e' });
    consoleLines = collectConsole(browser.context);
    await (await setUpThroughSettings(browser, baseUrl, TOKEN, USERS)).close();
    popup = await browser.openPage('popup.html');
    // The badge shows the hours before the cycle's account figures and first daily requests: a
    // fault set while those run would hit them instead of the request a test aims it at.
    await waitUntil(() => pollIdle(popup), 30_000, 'the first cycle to end');
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
    await api?.stop();
  });

  it(`asks each user once, ${OBSERVED_REQUEST_GAP_MS / 1000} s apart, never two requests at once`, () => {
    expect(hourly(api).map((r) => r.params.username)).toEqual(USERS);
    const all = api.requests();
    for (let i = 1; i < all.length; i += 1) {
      const gap = (all[i]?.startedAt ?? 0) - (all[i - 1]?.endedAt ?? 0);
      expect(gap, `${all[i - 1]?.path} → ${all[i]?.path}`).toBeGreaterThanOrEqual(OBSERVED_REQUEST_GAP_MS);
    }
    expect(api.stats().maxInFlight).toBe(1);
  });

  for (const [kind, message] of [
    ['server-error', /server failed \(code 502\)/],
    ['html', /HTML page instead of JSON/],
    ['truncated', /incomplete JSON/],
  ] as const) {
    it(`keeps the figures and says what failed on a ${kind} answer`, async () => {
      const figure = await popup.getByTestId('current-hour').textContent();
      api.setFault({ kind, times: 1 });
      await refreshAndWait(message);
      const badge = await readBadge(browser);
      expect(hexColor(badge.color)).toBe(BADGE_COLORS.failing);
      expect(badge.title).toMatch(/Next try at/);
      await popup.getByRole('alert').filter({ hasText: message }).waitFor();
      expect(await popup.getByTestId('current-hour').textContent()).toBe(figure);
      expect(await readAlarm(popup, 'thordata-retry')).toBeDefined();
      await recover();
    });
  }

  it('gives up on an answer slower than the timeout, and says so', async () => {
    api.setFault({ kind: 'slow', delayMs: 40_000, times: 1 });
    await refreshAndWait(/did not answer within 20 s/);
    expect(api.stats().maxInFlight).toBe(1);
    await recover();
  });

  it('backs off on 10011 and recovers by itself at the retry', async () => {
    api.setFault({ kind: 'rate-limit', times: 1 });
    await refreshAndWait(/too frequent/);
    const retry = await readAlarm(popup, 'thordata-retry');
    expect(retry).toBeDefined();
    const wait = (retry?.scheduledTime ?? 0) - Date.now();
    expect(wait).toBeGreaterThan(20_000);
    expect(wait).toBeLessThanOrEqual(37_500);
    const during = api.requests().length;
    await fireAlarm(popup, 'thordata-poll');
    await popup.waitForTimeout(1000);
    expect(api.requests().length).toBe(during);

    await expect.poll(async () => WORKING_COLORS.includes(hexColor((await readBadge(browser)).color)), { timeout: 45_000, interval: 1000 }).toBe(true);
    expect((await readBadge(browser)).title).not.toMatch(/failed/);
    expect(await readAlarm(popup, 'thordata-retry')).toBeUndefined();
  });

  it('marks one unknown user among three and keeps polling the other two', async () => {
    api.clearRequests();
    api.setFault({ kind: 'unknown-user', usernames: ['bob_scraper'] });
    await refreshAndWait(/“bob_scraper”/);
    await popup.getByRole('alert').filter({ hasText: 'bob_scraper' }).waitFor();
    await expect.poll(() => pollIdle(popup), { timeout: 15_000 }).toBe(true);
    expect(hourly(api).map((r) => r.params.username)).toEqual(USERS);
    expect(hourly(api).map((r) => r.code)).toEqual([200, 10020, 200]);

    api.clearRequests();
    await firePollAlarmLater(popup);
    await expect.poll(() => hourly(api).length, { timeout: 15_000 }).toBe(2);
    await expect.poll(() => pollIdle(popup), { timeout: 15_000 }).toBe(true);
    expect(hourly(api).map((r) => r.params.username)).toEqual(['alice_res', 'carol_eu']);
    await recover();
  });

  it('finishes a cycle after the worker is stopped mid-way, asking no user twice', async () => {
    api.clearRequests();
    await firePollAlarmLater(popup);
    // Stop the worker in the request gap after the first answer, before the second request.
    await expect.poll(() => hourly(api).length, { timeout: 15_000, interval: 50 }).toBe(1);
    await stopServiceWorkers(popup);
    await popup.waitForTimeout(2500);
    expect(hourly(api).length).toBe(1);

    await fireAlarm(popup, 'thordata-poll');
    await expect.poll(() => hourly(api).length, { timeout: 15_000 }).toBe(3);
    await popup.waitForTimeout(2000);
    expect(hourly(api).map((r) => r.params.username)).toEqual(USERS);
    expect(api.stats().maxInFlight).toBe(1);
  });

  it('never lets the token out of its own storage item, into any text or any console line', async () => {
    const items = await storedItems(popup);
    expect(items.apiToken).toBe(JSON.stringify(TOKEN));
    const leaks = Object.entries(items).filter(([key, json]) => key !== 'apiToken' && json.includes(TOKEN));
    expect(leaks).toEqual([]);
    const local = await popup.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(local).not.toContain(TOKEN);
    expect((await readBadge(browser)).title).not.toContain(TOKEN);
    expect(await popup.locator('body').innerText()).not.toContain(TOKEN);
    expect(consoleLines.filter((line) => line.includes(TOKEN))).toEqual([]);
  });

  it('keeps its data and its alarm when the browser is closed and opened again', async () => {
    // A poll after the restart (the popup's refresh) must find the figures already held: the
    // demo's traffic stops growing, and a refresh takes in what it stopped at.
    frozenAt = Date.now();
    await recover();
    // What is stored now, as a popup opened now shows it: the open one may be a change behind.
    await popup.reload();
    const figure = await popup.getByTestId('current-hour').textContent();
    const badgeBefore = (await readBadge(browser)).text;
    const { profileDir } = browser;
    await browser.close();
    browser = await launchExtensionBrowser({ extensionDir: '.output/chrome-mv3-e2e', profileDir });
    popup = await browser.openPage('popup.html');
    expect(await popup.getByTestId('current-hour').textContent()).toBe(figure);
    const alarm = await readAlarm(popup, 'thordata-poll');
    expect(alarm?.periodInMinutes).toBe(10);
    await expect.poll(async () => (await readBadge(browser)).text, { timeout: 10_000 }).toBe(badgeBefore);
  });
});
