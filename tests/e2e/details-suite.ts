import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountHourUsageKB } from '../../scripts/demo-api/accounts';
import { createDemoApi, DEFAULT_TOKEN, type DemoApi } from '../../scripts/demo-api/server';
import type { ExtensionDriver, PageDriver } from '../../scripts/lib/page-driver';
import { configureThroughSettings } from '../../scripts/lib/settings-journey';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../utils/base/durations';
import { SCREENSHOT_DIR, waitUntil } from './support';

// Issue 17 in each browser against the demo API, whose traffic is known for every hour of the
// past 200 days: the details page's figures and comparison against the demo's own model (not the
// extension's code), the days it asks for a range and never again, the drill-down and the exports.

export const DETAILS_USERS = ['alice_res', 'bob_scraper'];

const hourOf = (ms: number) => ms - (ms % HOUR_MS);
const utcDay = (ms: number) => ms - (ms % DAY_MS);
const dayKey = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Starts a little past an hour's start when too close to its end: the page's ranges end with the
 * current hour, which must stay the demo's frozen one while the file runs (about two minutes).
 */
function startOutsideHourEdges(now: number): number {
  return now % HOUR_MS > HOUR_MS - 3 * MINUTE_MS ? hourOf(now) + HOUR_MS + 30_000 : now;
}

/** The JSON export as the page writes it (utils/details/export.ts), the parts read here. */
export interface ExportedPeriod {
  readonly range: { readonly granularity: 'hour' | 'day'; readonly first: string; readonly last: string; readonly buckets: readonly string[] };
  readonly series: readonly { readonly label: string; readonly user: string | null; readonly values: readonly (number | null)[]; readonly total: number | null }[];
  readonly total: number | null;
}
export interface ExportedJson extends ExportedPeriod {
  readonly stackBy: 'user' | 'product';
  readonly unit: string;
  readonly previous: ExportedPeriod | null;
  readonly change: number | null;
}

/** Keeps every Blob the page turns into a download link, so a test reads what was exported. */
const CAPTURE_EXPORTS = `(() => {
  if (!window.capturedExports) {
    window.capturedExports = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob) => { window.capturedExports.push(blob); return original(blob); };
  }
  return true;
})()`;

/** The extension's storage, from a page of it, in either browser. */
const storageGet = (key: string) => `(globalThis.browser ?? globalThis.chrome).storage.local.get(${JSON.stringify(key)}).then((items) => items[${JSON.stringify(key)}] ?? null)`;

/** Presses an export button and returns what it downloaded: text, or a binary file's first bytes. */
export async function exported(page: PageDriver, button: 'Export CSV' | 'Export JSON'): Promise<string>;
export async function exported(page: PageDriver, button: 'Export PNG'): Promise<number[]>;
export async function exported(page: PageDriver, button: 'Export CSV' | 'Export JSON' | 'Export PNG'): Promise<string | number[]> {
  await page.evaluate(CAPTURE_EXPORTS);
  const before = await page.evaluate<number>('window.capturedExports.length');
  await page.click(button);
  await waitUntil(async () => (await page.evaluate<number>('window.capturedExports.length')) > before, 10_000, `${button} to download`).catch(async (error: unknown) => {
    const state = await page.evaluate<string>('JSON.stringify({ href: location.href, exports: window.capturedExports.length, status: [...document.querySelectorAll("[role=status]")].map((b) => b.textContent), head: document.querySelector("[data-testid=comparison]")?.textContent })');
    throw new Error(`${String(error)}: ${state}`);
  });
  if (button === 'Export PNG') return page.evaluate<number[]>('window.capturedExports.at(-1).arrayBuffer().then((b) => [...new Uint8Array(b.slice(0, 8))])');
  return page.evaluate<string>('window.capturedExports.at(-1).text()');
}

async function exportedJson(page: PageDriver): Promise<ExportedJson> {
  return JSON.parse(await exported(page, 'Export JSON')) as ExportedJson;
}

/**
 * Waits until the page says every figure of the range is known (its headline has a total, and a
 * change when the previous period is wanted; a drilled day, its total), then exports the JSON once:
 * Firefox stops a page's downloads after many in a row, so the page's words are watched instead.
 */
async function settledJson(page: PageDriver, wanted: 'total' | 'change' | 'drilled', buckets: number, what: string): Promise<ExportedJson> {
  const settled = async () => {
    if (wanted === 'drilled') return /in total/.test(await page.text('drill-down'));
    const headline = await page.text('comparison');
    return !/not every figure/.test(headline) && (wanted === 'total' || /%/.test(headline));
  };
  const complete = (json: ExportedJson) => json.range.buckets.length === buckets && json.total !== null && (wanted !== 'change' || json.previous?.total != null);
  await waitUntil(settled, 90_000, what);
  // The words may be a render behind a click: a few exports at most, a moment apart.
  for (let tries = 0; ; tries += 1) {
    const json = await exportedJson(page);
    if (complete(json)) return json;
    if (tries === 4) throw new Error(`${what}: the page said its figures were known, its export says otherwise`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Relative closeness for sums of the API's decimals (a day's figure is its hours' sum, rounded). */
function expectNear(actual: number | null | undefined, expected: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(Math.max(0.5, expected * 1e-6));
}

/**
 * The details journey, written once and run in each browser (`details.e2e.ts` in Chromium,
 * `details-firefox.e2e.ts` in Firefox). `extra` adds a browser's own tests in the same setup.
 */
export function describeDetails(launch: () => Promise<ExtensionDriver>, extra?: (context: () => DetailsContext) => void): void {
  const frozen = startOutsideHourEdges(Date.now());
  const hour = hourOf(frozen);
  const today = utcDay(frozen);
  let api: DemoApi;
  let driver: ExtensionDriver;
  let page: PageDriver;
  /** The notifications the first cycle raised, read at once: a headless browser drops them after a while. */
  let firstNotifications: string[] = [];

  /** Both users' traffic in the hours from `from` (included) to `to` (excluded), as the demo serves it. */
  const truthKb = (from: number, to: number, users: readonly string[] = DETAILS_USERS) => {
    let total = 0;
    for (let start = from; start < to; start += HOUR_MS) {
      for (const username of users) total += accountHourUsageKB(api.accounts(), DEFAULT_TOKEN, username, start, { now: () => frozen });
    }
    return total;
  };
  const dailyRequests = () => api.requests().filter((r) => r.path.endsWith('proxy-users/usage-statistics'));
  const hourlyRequests = () => api.requests().filter((r) => r.path.endsWith('proxy-users/usage-statistics-hour'));

  describe(`the details page against a known history`, () => {
    beforeAll(async () => {
      if (frozen > Date.now()) await new Promise((resolve) => setTimeout(resolve, frozen - Date.now()));
      api = createDemoApi({ now: () => frozen });
      const { baseUrl } = await api.start(0);
      driver = await launch();
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const settings = await driver.open('options.html');
      await configureThroughSettings(settings, {
        token: DEFAULT_TOKEN,
        proxyType: 'Residential',
        usernames: DETAILS_USERS,
        pollIntervalMinutes: 10,
        apiTimezone: 'UTC',
        apiBaseUrl: baseUrl,
        // A daily budget today's traffic has passed: its 100 % notification leads to the page.
        money: { daily: { kind: 'traffic', gb: '0.01' } },
      });
      // The first cycle asks the hours, the account's figures, then each user's complete days.
      await waitUntil(
        async () => dailyRequests().length === DETAILS_USERS.length && (await settings.evaluate<{ cycle?: unknown } | null>(storageGet('pollStatus')))?.cycle == null,
        60_000,
        'the first cycle, its days included',
      );
      // The alerts are judged once the cycle has ended; the daily budget's is recorded, then shown.
      await waitUntil(
        async () => Object.keys((await settings.evaluate<{ fired?: object } | null>(storageGet('alertLog')))?.fired ?? {}).some((key) => key.startsWith('budget-use:daily:100:')),
        15_000,
        'the daily budget’s alert',
      );
      // Chromium holds it for a while (Firefox's headless notifications are gone at once).
      for (let tries = 0; tries < 15 && firstNotifications.length === 0; tries += 1) {
        firstNotifications = await settings.evaluate<string[]>('(globalThis.browser ?? globalThis.chrome).notifications.getAll().then(Object.keys)');
        if (firstNotifications.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      await settings.close();
      page = await driver.open('details.html');
      // Two minutes for the setup, after the wait for the next hour's start when there is one.
    }, 120_000 + Math.max(0, frozen - Date.now()));

    afterAll(async () => {
      await driver?.close();
      await api?.stop();
    });

    it('opens on the last 7 days of hours from the cache, compared with the 7 days before', async () => {
      const json = await settledJson(page, 'change', 168, 'the last 7 days and the week before');
      expect(json.range.granularity).toBe('hour');
      expect(json.range.buckets).toHaveLength(168);
      const current = truthKb(hour - 167 * HOUR_MS, hour + HOUR_MS);
      const previous = truthKb(hour - 335 * HOUR_MS, hour - 167 * HOUR_MS);
      expectNear(json.total, current);
      expectNear(json.previous?.total, previous);
      expect(json.change).toBeCloseTo((current - previous) / previous, 6);
      // The headline's percentage, signed, rounded to a whole percent (a tenth below 10 %).
      const headline = await page.waitForText('comparison', /%/);
      const [, sign = '', digits = ''] = /([+\-−]?)(\d+(?:\.\d+)?)\s*%/.exec(headline) ?? [];
      const shown = Number(digits) * (sign === '+' ? 1 : -1);
      expect(Math.abs(shown - ((current - previous) / previous) * 100)).toBeLessThanOrEqual(0.5);
      // The week before was asked as each user's hours, one request each.
      expect(hourlyRequests().filter((r) => r.params.to_date === new Date(hour - 168 * HOUR_MS).toISOString().slice(0, 13).replace('T', ' '))).toHaveLength(
        DETAILS_USERS.length,
      );
    });

    it('shows 30 days after asking each user’s missing days once, and the 30 days before', async () => {
      const askedBefore = dailyRequests().length;
      await page.click('30 days');
      const json = await settledJson(page, 'change', 30, 'the 30 days and the 30 before');
      expect(json.range.granularity).toBe('day');
      expect(json.range.buckets).toHaveLength(30);
      expect(json.range.last).toBe(dayKey(today));
      expectNear(json.total, truthKb(today - 29 * DAY_MS, hour + HOUR_MS));
      expectNear(json.previous?.total, truthKb(today - 59 * DAY_MS, today - 29 * DAY_MS));
      const asked = dailyRequests().slice(askedBefore);
      // At most one request per user for the 60 days, each ending before today.
      expect(asked.length).toBeLessThanOrEqual(DETAILS_USERS.length);
      for (const request of asked) expect((request.params.to_date ?? '') < dayKey(today)).toBe(true);
    });

    it('pauses when Thordata asks it to slow down (10011), and resumes by itself', async () => {
      api.setFault({ kind: 'rate-limit', endpoints: ['proxy-users/usage-statistics'], times: 1 });
      const askedBefore = dailyRequests().length;
      await page.click('90 days');
      await page.waitForText('fetch-progress-days', /Paused: Thordata asked us to slow down/, 15_000);
      const json = await settledJson(page, 'change', 90, 'the 90 days after the pause');
      expectNear(json.total, truthKb(today - 89 * DAY_MS, hour + HOUR_MS));
      const asked = dailyRequests().slice(askedBefore);
      const [limited, ...after] = asked;
      expect(limited?.code).toBe(10011);
      // The same request again, by itself, after the first pause (5 s).
      const again = after.find((r) => r.params.username === limited?.params.username && r.params.from_date === limited?.params.from_date);
      expect(again?.code).toBe(200);
      expect((again?.startedAt ?? 0) - (limited?.endedAt ?? 0)).toBeGreaterThanOrEqual(4_900);
    });

    it('asks 180 days once per user within the 180 days Thordata keeps, and nothing again on reopening', async () => {
      await page.click('180 days');
      const json = await settledJson(page, 'total', 180, 'the 180 days');
      expectNear(json.total, truthKb(today - 179 * DAY_MS, hour + HOUR_MS));
      const earliest = dayKey(today - 180 * DAY_MS);
      const perUser = new Map<string, Set<string>>();
      // The request Thordata rate-limited above was asked again: only answered days count.
      for (const request of dailyRequests().filter((r) => r.code !== 10011)) {
        const { username = '', from_date: from = '', to_date: to = '' } = request.params;
        expect(request.code).toBe(200);
        expect(from >= earliest && to < dayKey(today)).toBe(true);
        const days = perUser.get(username) ?? new Set<string>();
        for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${to}T00:00:00Z`); day += DAY_MS) {
          // No day is ever asked twice for a user.
          expect(days.has(dayKey(day))).toBe(false);
          days.add(dayKey(day));
        }
        perUser.set(username, days);
      }
      await page.close();
      const asked = dailyRequests().length;
      page = await driver.open('details.html?range=180d');
      const again = await settledJson(page, 'total', 180, 'the 180 days, reopened');
      expect(again.total).toBe(json.total);
      expect(dailyRequests().slice(asked).map(({ params, code }) => ({ ...params, code }))).toEqual([]);
    });

    it('drills from a day of the 30 to its hours, asked for that day', async () => {
      await page.click('30 days');
      await settledJson(page, 'change', 30, 'the 30 days again');
      const day = today - 20 * DAY_MS;
      const label = new Date(day).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
      await page.click(`Show hours: ${label}`);
      await page.waitForText('drill-down', /\S/);
      const json = await settledJson(page, 'drilled', 24, `the hours of ${dayKey(day)}`);
      expect(json.range.granularity).toBe('hour');
      expect(json.range.buckets).toHaveLength(24);
      expect(json.range.first).toBe(`${dayKey(day)} 00`);
      expectNear(json.total, truthKb(day, day + DAY_MS));
      for (const username of DETAILS_USERS) {
        expect(hourlyRequests().some((r) => r.params.username === username && r.params.from_date === `${dayKey(day)} 00` && r.params.to_date === `${dayKey(day)} 23`)).toBe(true);
      }
      await page.click('Back');
    });

    it('exports the chosen range as CSV, JSON and PNG, with no token in any', async () => {
      await page.click('30 days');
      const json = await settledJson(page, 'change', 30, 'the 30 days for the exports');
      const csv = await exported(page, 'Export CSV');
      const lines = csv.split('\r\n').filter((line) => line !== '');
      expect(lines[0]).toBe('period,bucket,bucket_start_utc,series,account,product,user,kb,bytes,known');
      const rows = lines.slice(1).map((line) => line.split(','));
      const current = rows.filter((cells) => cells[0] === 'current');
      expect(current).toHaveLength(30 * DETAILS_USERS.length);
      expect(rows.filter((cells) => cells[0] === 'previous')).toHaveLength(30 * DETAILS_USERS.length);
      expectNear(
        current.reduce((sum, cells) => sum + Number(cells[7]), 0),
        json.total ?? Number.NaN,
      );
      for (const username of DETAILS_USERS) expect(current.filter((cells) => cells[6] === username)).toHaveLength(30);
      const png = await exported(page, 'Export PNG');
      expect(png).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      for (const text of [csv, JSON.stringify(json)]) expect(text).not.toContain(DEFAULT_TOKEN);
    });

    extra?.(() => ({ api, driver, page, frozen, truthKb, firstNotifications }));
  });
}

/** What a browser's own tests reach of the shared setup. */
export interface DetailsContext {
  readonly api: DemoApi;
  readonly driver: ExtensionDriver;
  readonly page: PageDriver;
  readonly frozen: number;
  readonly truthKb: (from: number, to: number, users?: readonly string[]) => number;
  readonly firstNotifications: readonly string[];
}
