import { accountStatus } from '@/utils/poll/status';
import { FIRST_ACCOUNT_ID } from '@/utils/settings/model';
import { userKey, watching } from '../support/watching';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { POLL_ALARM } from '@/utils/background/tasks';
import { DEFAULT_SETTINGS } from '@/utils/settings/model';
import { statusBanner } from '@/utils/popup/status-banner';
import { pollStatusItem, settingsItem, tokenItem, usageCacheItem } from '@/utils/storage/items';
import type { FetchLike } from '@/utils/api/thordata-client';
import { EMPTY_CACHE } from '@/utils/usage/cache';
import { hourKeyAt } from '@/utils/time/hour-keys';
import { UTC } from '@/utils/time/api-timezone';
import { HOUR_MS, MINUTE_MS } from '@/utils/base/durations';
import { fakeWorker } from '../support/engine-harness';
import { fakeClock } from '../support/fake-client';
import { CHINESE, ENGLISH } from '../support/languages';
import { describeApiError } from '@/utils/api/errors';

const TOKEN = 'tok-SECRET-42';

function fakeApi(answer: (url: URL) => { status?: number; body: unknown }) {
  const urls: URL[] = [];
  const fetch: FetchLike = async (url) => {
    const parsed = new URL(url);
    urls.push(parsed);
    const { status = 200, body } = answer(parsed);
    return { status, text: async () => (typeof body === 'string' ? body : JSON.stringify(body)) };
  };
  return { fetch, urls };
}

/**
 * Ten minutes into the current hour: a cycle advances the fake clock by its request gaps (about
 * 11 s with the account figures and the days), and started at xx:59:55 it would end in the next
 * hour, whose figure the badge would show instead of the one a test served.
 */
const NOW = ((wall: number) => wall - (wall % HOUR_MS) + 10 * MINUTE_MS)(Date.now());

function tasksWith(fetch: FetchLike) {
  return fakeWorker({ fetch }, fakeClock(NOW));
}

async function configure(usernames: string[]) {
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, watched: watching(usernames) });
  await tokenItem(FIRST_ACCOUNT_ID).setValue(TOKEN);
}

describe('background tasks', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('polls every watched user, stores the hours and sets the badge', async () => {
    await configure(['alice', 'bob']);
    const hour = hourKeyAt(NOW, UTC);
    const api = fakeApi((url) => ({
      body: { code: 200, msg: 'ok', data: { data: [{ date: hour, usage_traffic: url.searchParams.get('username') === 'alice' ? 600 : 250 }] } },
    }));
    await tasksWith(api.fetch).pollNow('manual');

    const hourly = api.urls.filter((url) => url.pathname.endsWith('/usage-statistics-hour'));
    expect(hourly.map((url) => url.searchParams.get('username'))).toEqual(['alice', 'bob']);
    expect(api.urls.every((url) => url.origin === 'https://openapi.thordata.com')).toBe(true);
    const cache = await usageCacheItem.getValue();
    expect(cache.users[userKey(1, 'alice')]?.hours[hour]).toBe(600);
    expect(await browser.action.getBadgeText({})).toBe('850K');
    expect(await browser.action.getTitle({})).toContain(`API hour ${hour}`);
  });

  it('keeps the cache and shows the token mark when the token is rejected', async () => {
    await configure(['alice']);
    const hour = hourKeyAt(NOW, UTC);
    let rejected = false;
    const api = fakeApi(() =>
      rejected ? { body: { code: 10013, msg: 'sign error', data: null } } : { body: { code: 200, data: { data: [{ date: hour, usage_traffic: 2048 }] } } },
    );
    const tasks = tasksWith(api.fetch);
    await tasks.pollNow('manual');
    rejected = true;
    await tasks.pollNow('manual');

    expect((await usageCacheItem.getValue()).users[userKey(1, 'alice')]?.hours[hour]).toBe(2048);
    expect(await browser.action.getBadgeText({})).toBe('!');
    expect(accountStatus(await pollStatusItem.getValue(), FIRST_ACCOUNT_ID).failure?.kind).toBe('auth');
  });

  it('does not call the API while unconfigured, and says what to do', async () => {
    const api = fakeApi(() => ({ body: {} }));
    await tasksWith(api.fetch).pollNow('manual');
    expect(api.urls).toHaveLength(0);
    expect(await browser.action.getBadgeText({})).toBe('');
    expect(await browser.action.getTitle({})).toMatch(/open the settings/);
  });

  it('runs one poll at a time: a second request while one runs is queued once', async () => {
    await configure(['alice']);
    let inFlight = 0;
    let maxInFlight = 0;
    const fetch: FetchLike = async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return { status: 200, text: async () => JSON.stringify({ code: 200, data: { data: [] } }) };
    };
    const tasks = tasksWith(fetch);
    const calls = [tasks.pollNow('manual'), tasks.pollNow('manual'), tasks.pollNow('manual')];
    await Promise.all(calls);
    expect(maxInFlight).toBe(1);
  });

  it('creates the poll alarm with the interval from settings, and re-creates it when it changes', async () => {
    await configure(['alice']);
    const tasks = tasksWith(fakeApi(() => ({ body: {} })).fetch);
    await tasks.syncAlarm();
    expect((await browser.alarms.get(POLL_ALARM))?.periodInMinutes).toBe(10);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, watched: watching(['alice']), pollIntervalMinutes: 3 });
    await tasks.syncAlarm();
    expect((await browser.alarms.get(POLL_ALARM))?.periodInMinutes).toBe(3);
  });

  it('tests a connection with the typed (unsaved) token and lists the users of all three products without passwords', async () => {
    const api = fakeApi((url) => {
      const type = url.searchParams.get('proxy_type');
      if (type === '2') return { body: { code: 200, data: { list: [] } } };
      return { body: { code: 200, data: { list: [{ username: `u${type}`, password: 'pw-1', status: true, traffic_limit: 0, usage_traffic: 5 }] } } };
    });
    const result = await tasksWith(api.fetch).testConnection({ token: 'typed-token-1', apiBaseUrl: 'https://openapi.thordata.com/api' });
    expect(result).toEqual({
      ok: true,
      value: {
        users: [
          { proxyType: 1, username: 'u1', enabled: true, trafficLimitMb: 0, usageMb: 5 },
          { proxyType: 3, username: 'u3', enabled: true, trafficLimitMb: 0, usageMb: 5 },
        ],
        failures: [],
      },
    });
    expect(api.urls.map((url) => [url.pathname, url.searchParams.get('proxy_type')])).toEqual([
      ['/api/proxy-users/user-list', '1'],
      ['/api/proxy-users/user-list', '2'],
      ['/api/proxy-users/user-list', '3'],
    ]);
    expect(JSON.stringify(result)).not.toContain('pw-1');
  });

  it('names a product whose list failed and lists the others; a rejected token stops the test at once', async () => {
    const partly = fakeApi((url) =>
      url.searchParams.get('proxy_type') === '3'
        ? { body: { code: 10000, msg: 'parameter error' } }
        : { body: { code: 200, data: { list: [{ username: 'r1', status: false, traffic_limit: 100, usage_traffic: 1 }] } } },
    );
    const listed = await tasksWith(partly.fetch).testConnection({ token: 'typed-token-1', apiBaseUrl: 'https://openapi.thordata.com/api' });
    expect(listed).toMatchObject({ ok: true, value: { failures: [{ proxyType: 3, error: { kind: 'bad-request', code: 10000 } }] } });
    const rejected = fakeApi(() => ({ body: { code: 10013, msg: 'sign error' } }));
    const result = await tasksWith(rejected.fetch).testConnection({ token: 'typed-token-1', apiBaseUrl: 'https://openapi.thordata.com/api' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth', code: 10013 } });
    expect(rejected.urls).toHaveLength(1);
  });

  it('refuses to send the token anywhere but the allowed API origin', async () => {
    const api = fakeApi(() => ({ body: {} }));
    const result = await tasksWith(api.fetch).testConnection({ token: 'typed-token-1', apiBaseUrl: 'http://127.0.0.1:9/api' });
    expect(result).toEqual({ ok: false, error: { kind: 'address-refused' } });
    expect(api.urls).toHaveLength(0);
    // Said in the reader's language, naming the address it may use.
    const described = describeApiError({ kind: 'address-refused' }, CHINESE.t);
    expect(described.problem).toContain('此版本');
    expect(described.remedy).toContain('https://openapi.thordata.com/api');
  });
});

describe('forgetting while a poll runs', () => {
  beforeEach(() => fakeBrowser.reset());

  it('drops the cycle’s answers instead of writing them back after the data was wiped', async () => {
    await configure(['alice', 'bob']);
    const hour = hourKeyAt(NOW, UTC);
    let wiped = false;
    const fetch: FetchLike = async () => {
      if (!wiped) {
        wiped = true;
        await tokenItem(FIRST_ACCOUNT_ID).removeValue();
        await usageCacheItem.removeValue();
      }
      return { status: 200, text: async () => JSON.stringify({ code: 200, data: { data: [{ date: hour, usage_traffic: 5 }] } }) };
    };
    await tasksWith(fetch).pollNow('manual');
    expect(await usageCacheItem.getValue()).toEqual(EMPTY_CACHE);
    expect(await browser.action.getBadgeText({})).toBe('');
  });
});

describe('without access to the API host', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks nothing, and says what is missing in the badge', async () => {
    await configure(['alice']);
    const api = fakeApi(() => ({ body: {} }));
    const tasks = fakeWorker({ fetch: api.fetch, hasHostPermission: async (pattern) => pattern !== 'https://openapi.thordata.com/*' });
    await tasks.pollNow('settings');
    expect(api.urls).toHaveLength(0);
    expect((await pollStatusItem.getValue()).failure).toEqual({ kind: 'permission', host: 'openapi.thordata.com' });
    expect(await browser.action.getTitle({})).toContain('has not allowed this extension to reach openapi.thordata.com');
  });
});

describe('a background task that fails unexpectedly', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is recorded without the token, shown in the badge and the popup, and cleared by the next poll', async () => {
    await configure(['alice']);
    const hour = hourKeyAt(NOW, UTC);
    const api = fakeApi(() => ({ body: { code: 200, data: { data: [{ date: hour, usage_traffic: 2048 }] } } }));
    const tasks = tasksWith(api.fetch);
    await tasks.pollNow('manual');
    await tasks.reportFailure(new Error(`storage quota exceeded while writing ?token=${TOKEN} for ${TOKEN}`));

    const status = await pollStatusItem.getValue();
    expect(status.backgroundError?.detail).toBe('storage quota exceeded while writing ?token=[redacted] for [redacted]');
    await tasks.renderBadge();
    expect(await browser.action.getTitle({})).toContain('A background task failed: storage quota exceeded');
    const banner = statusBanner({ configured: true, settings: DEFAULT_SETTINGS, status, now: NOW, language: ENGLISH });
    expect(banner?.problem).toContain('A background task failed: storage quota exceeded');
    expect(JSON.stringify(await browser.storage.local.get(null)).replace(`"apiToken":"${TOKEN}"`, '')).not.toContain(TOKEN);

    await tasks.pollNow('manual');
    expect((await pollStatusItem.getValue()).backgroundError).toBeNull();
  });
});
