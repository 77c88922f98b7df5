import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { usageBetweenKB, hourUsageKB } from '../../../scripts/demo-api/traffic-model';
import { DEFAULT_WALLET_USD } from '../../../scripts/demo-api/accounts';
import { userKey } from '../support/watching';
import { dailyRequestsOf, engineSetup, ENGINE_USERS, fakeWorker, MINUTE } from '../support/engine-harness';
import type { FetchLike } from '@/utils/api/thordata-client';
import { kb } from '@/utils/base/units';
import { formatBadgeAmount } from '@/utils/format/traffic-format';
import { FIRST_ACCOUNT_ID } from '@/utils/settings/model';
import { accountItem, dailyUsageItem, pollStatusItem } from '@/utils/storage/items';
import { UTC } from '@/utils/time/api-timezone';
import { dayStart, daysFromTo } from '@/utils/time/day-keys';
import { hourKeyAt, hourStart } from '@/utils/time/hour-keys';

const DAY = 24 * 60 * MINUTE;

/** This hour's traffic of every engine user as the demo serves it at `now`: what the badge must show. */
function thisHourKb(now: number): number {
  const hour = hourStart(hourKeyAt(now, UTC), UTC) ?? 0;
  return ENGINE_USERS.reduce((sum, name) => sum + hourUsageKB(name, hour, { now: () => now }), 0);
}

describe('the daily figures and the wallet, from a wake-up to storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores each user’s complete days of the cycle as the daily endpoint serves them, and the wallet', async () => {
    const { tasks, clock } = await engineSetup();
    await tasks.pollNow('settings');
    const daily = await dailyUsageItem.getValue();
    expect(daily.apiTimezone).toBe('UTC');
    // 25 November 2026: the cycle began on the 1st.
    for (const name of ENGINE_USERS) {
      const days = daily.users[userKey(1, name)] ?? {};
      expect(Object.keys(days).sort()).toEqual(daysFromTo('2026-11-01', '2026-11-24'));
      for (const [day, stored] of Object.entries(days)) {
        const start = dayStart(day, UTC) ?? NaN;
        expect(stored, `${name} ${day}`).toBe(usageBetweenKB([name], start, start + DAY, clock));
      }
    }
    expect((await accountItem.getValue()).accounts[FIRST_ACCOUNT_ID]).toMatchObject({ wallet: DEFAULT_WALLET_USD, walletError: null });
    expect((await pollStatusItem.getValue()).dailyFailures).toEqual({});
  });

  it('shows every user’s hour on the badge before it asks for the days', async () => {
    const { api, clock } = await engineSetup();
    const atDailyRequests: string[] = [];
    const fetch: FetchLike = async (url, init) => {
      if (new URL(url).pathname.endsWith('/proxy-users/usage-statistics')) atDailyRequests.push(await browser.action.getBadgeText({}));
      return api.fetch(url, init);
    };
    await fakeWorker({ fetch }, clock).pollNow('settings');
    expect(atDailyRequests).toHaveLength(ENGINE_USERS.length);
    expect(atDailyRequests[0]).toBe(formatBadgeAmount(kb(thisHourKb(clock.now()))));
  });

  it('writes the days when they change, not at every answer of the hours', async () => {
    const { api, tasks, clock } = await engineSetup();
    const set = vi.spyOn(browser.storage.local, 'set');
    const dayWrites = () => set.mock.calls.filter(([items]) => 'dailyUsage' in items).length;
    await tasks.pollNow('settings');
    expect(dayWrites()).toBeGreaterThan(0);
    expect(dayWrites()).toBeLessThanOrEqual(ENGINE_USERS.length + 1);

    const written = dayWrites();
    const asked = dailyRequestsOf(api).length;
    clock.advance(10 * MINUTE);
    await tasks.pollNow('alarm');
    expect(dailyRequestsOf(api)).toHaveLength(asked);
    expect(dayWrites()).toBe(written);
  });
});
