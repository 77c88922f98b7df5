import { FIRST_ACCOUNT_ID } from '@/utils/settings/model';
import { userKey, watching } from '../support/watching';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hourUsageKB } from '../../../scripts/demo-api/traffic-model';
import { DEFAULT_ALERT_RULES } from '@/utils/settings/alert-rules';
import { UTC, type ApiTimezone } from '@/utils/time/api-timezone';
import { hourStart, recentHourKeys } from '@/utils/time/hour-keys';
import { HOUR_MS } from '@/utils/base/durations';
import { popupStateFrom } from '@/utils/popup/stored-reads';
import { RETENTION_HOURS } from '@/utils/usage/cache';
import { settingsItem, usageCacheItem } from '@/utils/storage/items';
import { kb } from '@/utils/base/units';
import { cacheFor, EMPTY_CACHE } from '@/utils/usage/cache';
import { summarizeUsage } from '@/utils/usage/summary';
import { engineSetup, ENGINE_USERS, hourlyUsers, MINUTE } from '../support/engine-harness';
import { kbCache } from '../support/usage-fixtures';

const UTC8: ApiTimezone = { kind: 'offset', minutes: 480 };

describe('hours read under another API timezone', () => {
  it('are kept under the setting they were read with, and shown as none under another', () => {
    const read = kbCache({ [userKey(1, 'a')]: { hours: { '2026-11-25 14': 5 }, fetchedAt: 1, trafficLimitKb: null, trafficBalanceKb: null } }, 'UTC');
    expect(cacheFor(read, UTC)).toBe(read);
    expect(cacheFor(read, UTC8)).toEqual({ apiTimezone: 'UTC+8', users: {} });
    // A cache from before the setting was recorded was read under the current one.
    const legacy = { ...read, apiTimezone: null };
    expect(cacheFor(legacy, UTC8)).toEqual({ ...read, apiTimezone: 'UTC+8' });
  });

  it('never reach the popup once the setting changed, even before the background re-reads them', () => {
    const usageCache = kbCache({ [userKey(1, 'a')]: { hours: { '2026-11-25 14': 5 }, fetchedAt: 1, trafficLimitKb: null, trafficBalanceKb: null } }, 'UTC');
    const settings = { ...settingsItem.fallback, watched: watching(['a']), apiTimezone: UTC8 };
    const dailyUsage = { apiTimezone: 'UTC', users: { [userKey(1, 'a')]: { '2026-11-24': 50 } } };
    const state = popupStateFrom({ settings, usageCache, pollStatus: undefined, account: undefined, dailyUsage, withToken: new Set([FIRST_ACCOUNT_ID]) }, false);
    expect(state.cache.users).toEqual({});
    expect(state.daily.users).toEqual({});
  });
});

describe('correcting the API timezone', () => {
  beforeEach(() => fakeBrowser.reset());

  it('re-reads every watched user’s week at once, one request each, and then holds the truth', async () => {
    // Thordata writes UTC+8 hours; the extension was set to UTC, then corrected.
    const { api, tasks, clock } = await engineSetup({ apiOffsetMinutes: 480 });
    await tasks.pollNow('settings');
    for (let i = 0; i < 12; i += 1) {
      clock.advance(10 * MINUTE);
      await tasks.pollNow('alarm');
    }

    const settings = { ...(await settingsItem.getValue()), apiTimezone: UTC8 };
    await settingsItem.setValue(settings);
    const before = api.hourlyRequests().length;
    await tasks.pollNow('settings');

    const reread = api.hourlyRequests().slice(before);
    expect(hourlyUsers(api, before)).toEqual(ENGINE_USERS);
    const keys = recentHourKeys(clock.now(), RETENTION_HOURS, UTC8);
    expect(reread.every((r) => r.url.searchParams.get('from_date') === keys[0])).toBe(true);

    const cache = await usageCacheItem.getValue();
    expect(cache.apiTimezone).toBe('UTC+8');
    let truth24 = 0;
    for (const username of ENGINE_USERS) {
      const hours = cache.users[userKey(1, username)]?.hours ?? {};
      for (const hour of keys) {
        const served = hourUsageKB(username, hourStart(hour, UTC8) ?? 0, { now: clock.now });
        expect(hours[hour] ?? 0, `${username} ${hour}`).toBeCloseTo(served, 2);
        if (keys.indexOf(hour) >= keys.length - 24) truth24 += served;
      }
    }
    const last24 = summarizeUsage(cache, settings, clock.now(), 24).windowKb;
    expect(last24).toBeCloseTo(truth24, 1);
  });

  it('does not notify again about an hour already notified, when a change of users re-reads it', async () => {
    const { tasks, clock } = await engineSetup({
      settings: { alerts: { ...DEFAULT_ALERT_RULES, hourlyTotal: { enabled: true, kb: kb(1) } } },
    });
    await tasks.pollNow('settings');
    const shown = async () => Object.keys(await browser.notifications.getAll());
    expect(await shown()).toEqual([expect.stringMatching(/^popup\|hourly-total\|hourly-total:/)]);

    clock.advance(MINUTE);
    await settingsItem.setValue({ ...(await settingsItem.getValue()), watched: watching(['alice_res', 'bob_scraper']) });
    await tasks.pollNow('settings');
    await settingsItem.setValue({ ...(await settingsItem.getValue()), watched: watching(['erin_mobile'], 3) });
    await tasks.pollNow('settings');
    expect(await shown()).toHaveLength(1);
    expect(Object.keys((await usageCacheItem.getValue()).users)).toEqual([userKey(3, 'erin_mobile')]);
  });

  it('never mixes two readings: after the change, nothing from before is summed', async () => {
    const { tasks, clock } = await engineSetup({ apiOffsetMinutes: 480 });
    await tasks.pollNow('settings');
    await settingsItem.setValue({ ...(await settingsItem.getValue()), apiTimezone: UTC8 });
    // The page saved; the background has not polled yet.
    const stored = await browser.storage.local.get(null);
    const state = popupStateFrom(
      { settings: stored.settings, usageCache: stored.usageCache, pollStatus: stored.pollStatus, account: stored.account, dailyUsage: stored.dailyUsage, withToken: new Set([FIRST_ACCOUNT_ID]) },
      false,
    );
    expect(state.cache).toEqual({ ...EMPTY_CACHE, apiTimezone: 'UTC+8' });
    expect(summarizeUsage(state.cache, state.settings, clock.now() + HOUR_MS, 24).windowKb).toBe(0);
  });
});
