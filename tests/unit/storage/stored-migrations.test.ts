import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UTC } from '@/utils/time/api-timezone';
import { readPollStatus, type PollStatusV2 } from '@/utils/poll/status';
import { cacheFor } from '@/utils/usage/cache';
import { itemsAtStart } from '../support/items-at-start';

/** The items whose shape this version changed, stored as the previous version wrote them, read by the items a starting worker defines. */
describe('stored items from the previous version', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps a version 1 cache, read as taken under the current timezone setting', async () => {
    const hours = { '2026-11-25 14': 2048 };
    await fakeBrowser.storage.local.set({ usageCache: { users: { '1:alice': { hours, fetchedAt: 5, trafficLimitKb: null, trafficBalanceKb: null } } } });
    const cache = await (await itemsAtStart()).usageCacheItem.getValue();
    expect(cache.apiTimezone).toBeNull();
    expect(cache.users['1:alice']?.hours).toEqual(hours);
    expect(cacheFor(cache, UTC).users['1:alice']?.hours).toEqual(hours);
    expect((await fakeBrowser.storage.local.get('usageCache$'))['usageCache$']).toEqual({ v: 2 });
  });

  it('names the failed users of a version 2 status and adds no background error', async () => {
    const v2: PollStatusV2 = {
      lastAttemptAt: 10,
      lastSuccessAt: 9,
      lastRequestEndedAt: 10,
      failure: null,
      failingSince: null,
      userFailures: { '3:erin:mobile': { error: { kind: 'unknown-user', code: 10020, username: 'erin:mobile' }, at: 10 } },
      retry: null,
      cycle: null,
    };
    await fakeBrowser.storage.local.set({ pollStatus: v2, pollStatus$: { v: 2 } });
    const status = await (await itemsAtStart()).pollStatusItem.getValue();
    expect(status.userFailures['3:erin:mobile']?.username).toBe('erin:mobile');
    expect(status.backgroundError).toBeNull();
    // The popup reads storage raw, without the items' migrations: it must read the same.
    expect(readPollStatus(v2)).toEqual(status);
  });

  it('keeps what fired in a version 1 alert log, with nothing judged yet', async () => {
    const fired = { 'hourly-total:2026-11-25 14': { at: 7, level: false } };
    await fakeBrowser.storage.local.set({ alertLog: { fired } });
    expect(await (await itemsAtStart()).alertLogItem.getValue()).toEqual({ fired, evaluatedAt: null, judgedThrough: null });
  });
});
