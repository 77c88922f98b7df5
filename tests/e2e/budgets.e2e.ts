import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApi, DEFAULT_TOKEN, type DemoApi } from '../../scripts/demo-api/server';
import { accountHourUsageKB } from '../../scripts/demo-api/accounts';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { playwrightPage } from '../../scripts/lib/playwright-driver';
import { configureThroughSettings } from '../../scripts/lib/settings-journey';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../utils/base/durations';
import { KB_PER_GB } from '../../utils/base/units';
import { clearNotifications, firePollAlarmLater, notificationIds, pollIdle, SCREENSHOT_DIR, seriousViolations, waitUntil } from './support';

// Issue 16 in real Chromium against the demo API, whose traffic is known for every hour of the
// past month: the popup's cost, budget bars and forecasts against figures worked out here from
// the demo's own model (not from the extension's code), and the cycle forecast notifying once.

const USERS = ['alice_res', 'bob_scraper'];
/** US dollars per GB of Residential traffic, both users' product. */
const PRICE = 2.5;

const utcDay = (ms: number) => ms - (ms % DAY_MS);
const hourOf = (ms: number) => ms - (ms % HOUR_MS);

/** Starts a little past an hour's start when too close to its end: the figures compare hours. */
function startOutsideHourEdges(now: number): number {
  return now % HOUR_MS > HOUR_MS - 4 * MINUTE_MS ? hourOf(now) + HOUR_MS + 30_000 : now;
}

/**
 * The demo's data clock stops here, so each figure below is exact; the extension's clock runs on.
 * Defined after the functions it calls: in an hour's last minutes it once read `hourOf` before
 * its definition and the file failed to load.
 */
const FROZEN = startOutsideHourEdges(Date.now());

/** Ten days into a cycle (so the forecast has history), in UTC, the API timezone set below. */
const CYCLE_START = utcDay(FROZEN) - 10 * DAY_MS;
const START_DAY = new Date(CYCLE_START).getUTCDate();
/** The next month's start day, or its last day when it is shorter. */
const CYCLE_END = (() => {
  const start = new Date(CYCLE_START);
  const month = start.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(start.getUTCFullYear(), month + 1, 0)).getUTCDate();
  return Date.UTC(start.getUTCFullYear(), month, Math.min(START_DAY, lastDay));
})();

/** The traffic of both users between two instants on the hour, in KB, as the demo serves it at FROZEN. */
function truthKb(api: DemoApi, from: number, to: number): number {
  let total = 0;
  for (let hour = from; hour < to; hour += HOUR_MS) {
    for (const username of USERS) total += accountHourUsageKB(api.accounts(), DEFAULT_TOKEN, username, hour, { now: () => FROZEN });
  }
  return total;
}

const dollars = (kb: number) => (kb / KB_PER_GB) * PRICE;

/** A figure written in cents is within half a cent of the exact one. */
function expectCents(shown: number | undefined, exact: number): void {
  expect(Math.abs((shown ?? Number.NaN) - exact)).toBeLessThanOrEqual(0.0051);
}

/** The figures of the text, in order: `$1,234.56 – $2,000` → [1234.56, 2000]. */
function numbersIn(text: string): number[] {
  return [...text.replace(/(\d),(\d)/g, '$1$2').matchAll(/\d+(?:\.\d+)?/g)].map(([figure]) => Number(figure));
}

describe('cost, budgets and the cycle forecast against a known month', () => {
  let api: DemoApi;
  let browser: ExtensionBrowser;
  let popup: Page;
  const hour = hourOf(FROZEN);
  let todayKb = 0;
  let cycleKb = 0;
  let cycleBudget = 0;
  let dailyBudgetGb = 0;

  beforeAll(async () => {
    if (FROZEN > Date.now()) await new Promise((resolve) => setTimeout(resolve, FROZEN - Date.now()));
    api = createDemoApi({ now: () => FROZEN });
    const { baseUrl } = await api.start(0);
    todayKb = truthKb(api, utcDay(FROZEN), hour + HOUR_MS);
    cycleKb = truthKb(api, CYCLE_START, hour + HOUR_MS);
    const remaining = CYCLE_END - FROZEN;
    const r24 = truthKb(api, hour - 24 * HOUR_MS, hour) / (24 * HOUR_MS);
    const r7 = truthKb(api, utcDay(FROZEN) - 7 * DAY_MS, utcDay(FROZEN)) / (7 * DAY_MS);
    const lowDollars = dollars(cycleKb + Math.min(r24, r7) * remaining);
    // Between what is spent and where even the slower rate ends: under budget now, over it by the end.
    cycleBudget = Math.round(((dollars(cycleKb) + lowDollars) / 2) * 100) / 100;
    // Three times today's use so far: a daily budget not yet reached.
    dailyBudgetGb = Math.ceil((3 * todayKb * 10) / KB_PER_GB) / 10;

    browser = await launchExtensionBrowser({ extensionDir: '.output/chrome-mv3-e2e' });
    const page = await browser.openPage('options.html');
    await configureThroughSettings(playwrightPage(page), {
      token: DEFAULT_TOKEN,
      proxyType: 'Residential',
      usernames: USERS,
      pollIntervalMinutes: 10,
      apiTimezone: 'UTC',
      apiBaseUrl: baseUrl,
      money: {
        currency: 'USD',
        prices: { Residential: String(PRICE) },
        daily: { kind: 'traffic', gb: String(dailyBudgetGb) },
        cycle: { kind: 'money', amount: String(cycleBudget) },
        cycleStartDay: START_DAY,
        // Only the forecast notifies here: the use thresholds have their own unit tests.
        usePercents: '',
      },
    });
    // The first cycle asks the hours, the account's figures, then each user's complete days.
    const dailyAsked = () => api.requests().filter((r) => r.path.endsWith('proxy-users/usage-statistics')).length;
    await waitUntil(async () => dailyAsked() === USERS.length && (await pollIdle(page)), 60_000, 'the first cycle, its days included');
    await page.close();
    popup = await browser.openPage('popup.html');
    await popup.setViewportSize({ width: 360, height: 900 });
    await popup.getByTestId('budget-cycle').waitFor();
    // Two minutes for the setup, after the wait for the next hour's start when there is one.
  }, 120_000 + Math.max(0, FROZEN - Date.now()));

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
    await api?.stop();
  });

  it('asks each user’s complete days of the cycle once, from the daily endpoint, in KB by yyyy-mm-dd', () => {
    const daily = api.requests().filter((r) => r.path.endsWith('proxy-users/usage-statistics'));
    expect(daily.every((r) => r.code === 200)).toBe(true);
    expect(daily.map((r) => r.params.username).sort()).toEqual([...USERS].sort());
    const firstDay = new Date(Math.min(CYCLE_START, utcDay(FROZEN) - 7 * DAY_MS)).toISOString().slice(0, 10);
    for (const request of daily) expect(request.params.from_date).toBe(firstDay);
  });

  it('shows the cost of today and of the cycle so far at the price set', async () => {
    const cost = await popup.getByTestId('cost').innerText();
    const [, today, cycle] = numbersIn(cost);
    expectCents(today, dollars(todayKb));
    expectCents(cycle, dollars(cycleKb));
  });

  it('draws the cycle budget with its pace, what is left per day and the projected range', async () => {
    const now = Date.now();
    const bar = popup.getByTestId('budget-cycle');
    const text = await bar.innerText();
    const used = dollars(cycleKb);
    const elapsed = (now - CYCLE_START) / (CYCLE_END - CYCLE_START);
    const even = cycleBudget * elapsed;
    const paceLine = text.split('\n').find((line) => line.includes('an even pace')) ?? '';
    expect(paceLine).toContain(used > even ? 'ahead of' : 'behind');
    // The popup worked it out when it opened, seconds before: a whole percent either way at most.
    expect(Math.abs((numbersIn(paceLine)[0] ?? Number.NaN) - (Math.abs(used - even) / even) * 100)).toBeLessThanOrEqual(1);
    const daysLeft = Math.round((CYCLE_END - utcDay(now)) / DAY_MS);
    const perDay = numbersIn(text.split('\n').find((line) => line.includes('a day left')) ?? '')[0];
    expectCents(perDay, (cycleBudget - used) / daysLeft);
    const range = numbersIn(text.split('\n').find((line) => line.startsWith('Projected end of cycle')) ?? '');
    const remaining = CYCLE_END - now;
    const r24 = truthKb(api, hour - 24 * HOUR_MS, hour) / (24 * HOUR_MS);
    const r7 = truthKb(api, utcDay(FROZEN) - 7 * DAY_MS, utcDay(FROZEN)) / (7 * DAY_MS);
    const ends = [dollars(cycleKb + r24 * remaining), dollars(cycleKb + r7 * remaining)].sort((a, b) => a - b);
    // The range is written in whole dollars from $10 up, in cents below; the rates ran on for seconds since.
    range.forEach((shown, index) => {
      const exact = ends[index] ?? Number.NaN;
      expect(Math.abs(shown - exact)).toBeLessThanOrEqual(exact >= 10 ? 0.51 : 0.0051);
    });
    expect(range).toHaveLength(2);
    expect(await bar.getByRole('meter').getAttribute('aria-valuenow')).toBe(String(Math.round((used / cycleBudget) * 100)));
  });

  it('draws the daily budget in GB, with what is left today', async () => {
    const text = await popup.getByTestId('budget-daily').innerText();
    expect(text).toContain(`${dailyBudgetGb}`);
    expect(text).toMatch(/left today/);
    await popup.screenshot({ path: `${SCREENSHOT_DIR}/popup-budgets-en-light.png`, fullPage: true });
    expect(await seriousViolations(popup)).toEqual([]);
  });

  it('notifies once that the cycle is headed over its budget, and not again after more polls or a restart', async () => {
    const forecasts = async (page: Page) => (await notificationIds(page)).filter((id) => id.includes('|budget-forecast|'));
    await expect.poll(() => forecasts(popup), { timeout: 15_000 }).toHaveLength(1);
    await clearNotifications(popup);
    await firePollAlarmLater(popup);
    await waitUntil(async () => (await api.requests().filter((r) => r.path.endsWith('usage-statistics-hour')).length) >= 4, 30_000, 'a second poll');
    await waitUntil(() => pollIdle(popup), 30_000, 'the second poll to end');
    expect(await forecasts(popup)).toEqual([]);

    const { profileDir } = browser;
    await browser.close();
    browser = await launchExtensionBrowser({ extensionDir: '.output/chrome-mv3-e2e', profileDir });
    popup = await browser.openPage('popup.html');
    const asked = api.requests().length;
    await firePollAlarmLater(popup);
    await waitUntil(async () => api.requests().length > asked, 30_000, 'a poll after the restart');
    await waitUntil(() => pollIdle(popup), 30_000, 'that poll to end');
    expect(await forecasts(popup)).toEqual([]);
  });
});
