import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UTC } from '@/utils/time/api-timezone';
import { INITIAL_STATUS, readPollStatus, type PollStatusV2, type PollStatusV3 } from '@/utils/poll/status';
import { EMPTY_ACCOUNT, readAccount, type AccountSnapshotV2 } from '@/utils/account/account-snapshot';
import { accountItem, alertLogItem, pollStatusItem, usageCacheItem } from '@/utils/storage/items';
import { cacheFor } from '@/utils/usage/cache';

/** The items whose shape this version changed, stored as the previous version wrote them. */
describe('stored items from the previous version', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps a version 1 cache, read as taken under the current timezone setting', async () => {
    const hours = { '2026-11-25 14': 2048 };
    await fakeBrowser.storage.local.set({ usageCache: { users: { '1:alice': { hours, fetchedAt: 5, trafficLimitKb: null, trafficBalanceKb: null } } } });
    const cache = await usageCacheItem.getValue();
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
    const status = await pollStatusItem.getValue();
    expect(status.userFailures['3:erin:mobile']?.username).toBe('erin:mobile');
    expect(status.backgroundError).toBeNull();
    // The popup reads storage raw, without the items' migrations: it must read the same.
    expect(readPollStatus(v2)).toEqual(status);
  });

  it('reads the worded details of unusable answers (status version 3, account version 2) as their kinds', async () => {
    const v3: PollStatusV3 = {
      ...INITIAL_STATUS,
      failure: { kind: 'unreadable', detail: 'an HTML page instead of JSON' },
      userFailures: { '1:bob': { username: 'bob', error: { kind: 'malformed', detail: 'an invalid traffic figure for 2026-11-25 14' }, at: 10 } },
    };
    await fakeBrowser.storage.local.set({ pollStatus: v3, pollStatus$: { v: 3 } });
    const status = await pollStatusItem.getValue();
    expect(status.failure).toEqual({ kind: 'unreadable', detail: { kind: 'html-page' } });
    expect(status.userFailures['1:bob']?.error).toEqual({ kind: 'malformed', detail: { kind: 'invalid-figure', date: '2026-11-25 14' } });
    expect(readPollStatus(v3)).toEqual(status);
    expect(readPollStatus(status)).toEqual(status);

    const v2: AccountSnapshotV2 = { ...EMPTY_ACCOUNT, fetchedAt: 5, usersError: { kind: 'malformed', detail: 'no user list' } };
    await fakeBrowser.storage.local.set({ account: v2, account$: { v: 2 } });
    const account = await accountItem.getValue();
    expect(account.usersError).toEqual({ kind: 'malformed', detail: { kind: 'no-user-list' } });
    expect(readAccount(v2)).toEqual(account);
  });

  it('keeps what fired in a version 1 alert log, with nothing judged yet', async () => {
    const fired = { 'hourly-total:2026-11-25 14': { at: 7, level: false } };
    await fakeBrowser.storage.local.set({ alertLog: { fired } });
    expect(await alertLogItem.getValue()).toEqual({ fired, evaluatedAt: null, judgedThrough: null });
  });
});
