import { accountStatus } from '@/utils/poll/status';
import { FIRST_ACCOUNT_ID } from '@/utils/settings/model';
import { userKey } from '../support/watching';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fullHourUsageKB } from '../../../scripts/demo-api/traffic-model';
import { UTC } from '@/utils/time/api-timezone';
import { BADGE_COLORS } from '@/utils/background/badge';
import { FIRST_RETRY_MS, MAX_RETRY_MS } from '@/utils/poll/backoff';
import { RETRY_ALARM } from '@/utils/background/tasks';
import { hourKeyAt, hourStart, recentHourKeys } from '@/utils/time/hour-keys';
import { HOUR_MS } from '@/utils/base/durations';
import { MIN_REQUEST_GAP_MS } from '@/utils/poll/spacing';
import { accountItem, pollStatusItem, usageCacheItem } from '@/utils/storage/items';

import { accountRequests, engineSetup, ENGINE_USERS, hourlyUsers, MINUTE, readFakeBadge } from '../support/engine-harness';
import { answer } from '../support/model-api';

const USERS = ENGINE_USERS;
const setup = engineSetup;
const badge = readFakeBadge;

describe('the polling engine', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks each user once per poll, from the last complete hour on, 1.5 s apart, one at a time', async () => {
    const { clock, api, tasks } = await setup();
    await tasks.pollNow('settings');
    expect(hourlyUsers(api)).toEqual(USERS);
    expect(api.hourlyRequests()[0]?.url.searchParams.get('from_date')).toBe('2026-11-18 15');

    const before = api.requests.length;
    clock.advance(10 * MINUTE);
    await tasks.pollNow('alarm');
    const steady = api.requests.slice(before);
    expect(steady.map((r) => r.url.searchParams.get('username'))).toEqual(USERS);
    expect(steady.every((r) => r.url.searchParams.get('from_date') === '2026-11-25 13')).toBe(true);
    for (let i = 1; i < api.requests.length; i += 1) {
      expect((api.requests[i]?.at ?? 0) - (api.requests[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(MIN_REQUEST_GAP_MS);
    }
  });

  it('refreshes the account figures at most hourly and keeps no password', async () => {
    const { clock, api, tasks } = await setup();
    await tasks.pollNow('settings');
    const account = await accountItem.getValue();
    expect(account.accounts[FIRST_ACCOUNT_ID]?.balance?.balanceMb).toBeGreaterThan(0);
    expect(account.accounts[FIRST_ACCOUNT_ID]?.balance?.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(account.accounts[FIRST_ACCOUNT_ID]?.users ?? {})).toContain(userKey(1, 'alice_res'));
    expect(JSON.stringify(account)).not.toMatch(/password|Demo-pass/);
    const accountCalls = () => accountRequests(api).length;
    // The user list of the one product watched, the balance and the wallet.
    expect(accountCalls()).toBe(3);
    for (let i = 0; i < 5; i += 1) {
      clock.advance(10 * MINUTE);
      await tasks.pollNow('alarm');
    }
    expect(accountCalls()).toBe(3);
    clock.advance(10 * MINUTE);
    await tasks.pollNow('alarm');
    expect(accountCalls()).toBe(6);
  });

  it('backs off on 10011, resumes only the users left with the one it stopped at last, then returns to normal cadence', async () => {
    const { clock, api, tasks } = await setup();
    await tasks.pollNow('settings');
    const cached = await usageCacheItem.getValue();
    clock.advance(10 * MINUTE);
    api.setOverride((r) => (r.url.searchParams.get('username') === 'bob_scraper' ? answer(10011, 'too frequent') : null));
    const before = api.hourlyRequests().length;
    await tasks.pollNow('alarm');
    expect(hourlyUsers(api, before)).toEqual(['alice_res', 'bob_scraper']);

    const status = await pollStatusItem.getValue();
    expect(accountStatus(status, FIRST_ACCOUNT_ID).failure?.kind).toBe('rate-limited');
    expect(status.cycle?.remaining).toEqual([userKey(1, 'carol_eu'), userKey(1, 'bob_scraper')]);
    const retryAt = (await browser.alarms.get(RETRY_ALARM))?.scheduledTime ?? 0;
    expect(retryAt - clock.now()).toBeGreaterThanOrEqual(FIRST_RETRY_MS);
    expect(retryAt - clock.now()).toBeLessThanOrEqual(FIRST_RETRY_MS * 1.25);
    const shown = await badge();
    expect(shown.color).toBe(BADGE_COLORS.failing);
    expect(shown.title).toMatch(/too frequent[\s\S]*Next try at/);
    expect((await usageCacheItem.getValue()).users[userKey(1, 'carol_eu')]).toEqual(cached.users[userKey(1, 'carol_eu')]);

    const mid = api.hourlyRequests().length;
    clock.advance(10_000);
    await tasks.pollNow('alarm');
    await tasks.pollNow('popup-open');
    expect(api.hourlyRequests().length).toBe(mid);

    api.setOverride(() => null);
    clock.advance(FIRST_RETRY_MS);
    await tasks.pollNow('retry');
    expect(hourlyUsers(api, mid)).toEqual(['carol_eu', 'bob_scraper']);
    const recovered = await pollStatusItem.getValue();
    expect(accountStatus(recovered, FIRST_ACCOUNT_ID).failure).toBeNull();
    expect(accountStatus(recovered, FIRST_ACCOUNT_ID).retry).toBeNull();
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();
    expect((await badge()).color).toBe(BADGE_COLORS.normal);
  });

  it('doubles the wait after each failed retry, never beyond 30 minutes, one request per try', async () => {
    const { clock, api, tasks } = await setup();
    await tasks.pollNow('settings');
    api.setOverride(() => answer(10011));
    const waits: number[] = [];
    clock.advance(10 * MINUTE);
    await tasks.pollNow('alarm');
    for (let i = 0; i < 9; i += 1) {
      const retry = accountStatus(await pollStatusItem.getValue(), FIRST_ACCOUNT_ID).retry;
      expect(retry).not.toBeNull();
      waits.push((retry?.notBefore ?? 0) - clock.now());
      const count = api.requests.length;
      clock.advance((retry?.notBefore ?? 0) - clock.now());
      await tasks.pollNow('retry');
      expect(api.requests.length).toBe(count + 1);
    }
    expect(waits[0]).toBeGreaterThanOrEqual(FIRST_RETRY_MS);
    expect(waits[1]).toBeGreaterThan(waits[0] ?? 0);
    expect(Math.max(...waits)).toBeLessThanOrEqual(MAX_RETRY_MS);
    expect(waits.at(-1)).toBeGreaterThan(MAX_RETRY_MS * 0.75);
  });

  it('stops polling when the token is rejected, until the settings change', async () => {
    const { clock, api, tasks } = await setup();
    await tasks.pollNow('settings');
    api.setOverride(() => answer(10013, 'sign error'));
    clock.advance(10 * MINUTE);
    await tasks.pollNow('alarm');
    const count = api.requests.length;
    for (const trigger of ['alarm', 'startup', 'popup-open', 'retry'] as const) {
      clock.advance(10 * MINUTE);
      await tasks.pollNow(trigger);
    }
    expect(api.requests.length).toBe(count);
    expect((await badge()).text).toBe('!');
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();

    api.setOverride(() => null);
    await tasks.pollNow('settings');
    expect(api.requests.length).toBeGreaterThan(count);
    expect(accountStatus(await pollStatusItem.getValue(), FIRST_ACCOUNT_ID).failure).toBeNull();
  });

  it('marks an unknown username, keeps polling the others, and asks about it again hourly, last', async () => {
    const { clock, api, tasks } = await setup();
    api.setOverride((r) => (r.url.searchParams.get('username') === 'bob_scraper' ? answer(10020, 'username does not exist') : null));
    await tasks.pollNow('settings');
    const status = await pollStatusItem.getValue();
    expect(accountStatus(status, FIRST_ACCOUNT_ID).failure).toBeNull();
    expect(Object.keys(status.userFailures)).toEqual([userKey(1, 'bob_scraper')]);
    expect((await usageCacheItem.getValue()).users[userKey(1, 'carol_eu')]).toBeDefined();
    expect((await badge()).title).toContain('“bob_scraper”');

    const before = api.hourlyRequests().length;
    clock.advance(10 * MINUTE);
    await tasks.pollNow('alarm');
    expect(hourlyUsers(api, before)).toEqual(['alice_res', 'carol_eu']);
    clock.advance(HOUR_MS);
    const later = api.hourlyRequests().length;
    await tasks.pollNow('alarm');
    expect(hourlyUsers(api, later)).toEqual(['alice_res', 'carol_eu', 'bob_scraper']);
  });

  it('keeps the figures through server errors and marks them stale after two intervals', async () => {
    const { clock, api, tasks } = await setup();
    await tasks.pollNow('settings');
    const cached = await usageCacheItem.getValue();
    api.setOverride(() => ({ status: 502, body: '<html><body>Bad gateway</body></html>' }));
    clock.advance(10 * MINUTE);
    await tasks.pollNow('alarm');
    expect(accountStatus(await pollStatusItem.getValue(), FIRST_ACCOUNT_ID).failure?.kind).toBe('server');
    expect((await badge()).color).toBe(BADGE_COLORS.failing);

    clock.advance(11 * MINUTE);
    await tasks.pollNow('retry');
    const stale = await badge();
    expect(stale.color).toBe(BADGE_COLORS.stale);
    expect(stale.title).toContain('Figures are 21 min old');
    expect(await usageCacheItem.getValue()).toEqual(cached);
  });

  it('after a 9-hour sleep, fetches the gap once per user and loses no hour', async () => {
    const { clock, api, tasks } = await setup();
    await tasks.pollNow('settings');
    clock.advance(9 * HOUR_MS);
    const before = api.hourlyRequests().length;
    await tasks.pollNow('alarm');
    const woke = api.hourlyRequests().slice(before);
    expect(woke).toHaveLength(3);
    expect(woke[0]?.url.searchParams.get('from_date')).toBe('2026-11-25 14');

    const cache = await usageCacheItem.getValue();
    const complete = recentHourKeys(clock.now(), 72, UTC).slice(0, -1);
    for (const username of USERS) {
      const hours = cache.users[userKey(1, username)]?.hours ?? {};
      for (const hour of complete) {
        expect(hours[hour] ?? 0).toBeCloseTo(fullHourUsageKB(username, hourStart(hour, UTC) ?? 0), 2);
      }
    }
  });

  it('finishes a cycle a stopped worker left, asking only the users not yet answered', async () => {
    const { clock, api, tasks, newWorker } = await setup();
    await tasks.pollNow('settings');
    clock.advance(10 * MINUTE);
    api.setOverride((r) => (r.url.searchParams.get('username') === 'bob_scraper' ? 'hang' : null));
    const before = api.hourlyRequests().length;
    // The first worker is stopped while waiting for bob: its promise never settles.
    void tasks.pollNow('alarm');
    await expect.poll(() => api.hourlyRequests().length).toBe(before + 2);
    expect((await pollStatusItem.getValue()).cycle?.remaining).toEqual([userKey(1, 'bob_scraper'), userKey(1, 'carol_eu')]);

    api.setOverride(() => null);
    clock.advance(MINUTE);
    await newWorker().pollNow('alarm');
    expect(hourlyUsers(api, before)).toEqual(['alice_res', 'bob_scraper', 'bob_scraper', 'carol_eu']);
    const status = await pollStatusItem.getValue();
    expect(status.cycle).toBeNull();
    const hour = hourKeyAt(clock.now(), UTC);
    expect((await usageCacheItem.getValue()).users[userKey(1, 'carol_eu')]?.hours[hour]).toBeGreaterThan(0);
  });
});
