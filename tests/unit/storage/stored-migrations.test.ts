import { watching } from '../support/watching';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_ACCOUNT, migrateAccountV1, type AccountSnapshotV1, type AccountSnapshotV2 } from '@/utils/account/account-snapshot';
import { UTC } from '@/utils/time/api-timezone';
import { INITIAL_STATUS, type PollStatusV1, type PollStatusV2, type PollStatusV3 } from '@/utils/poll/status';
import { KEYS, popupStoredFrom } from '@/utils/popup/stored-reads';
import { cacheFor } from '@/utils/usage/cache';
import { itemsAtStart } from '../support/items-at-start';

const storedNow = () => fakeBrowser.storage.local.get(null);

/**
 * Stores as earlier versions of the extension wrote them (the value under its key, its version
 * under the key plus `$`, or none for version 1), read after an update: by the items a starting
 * worker defines, and by the popup, which reads storage without them.
 */
describe('stored items from earlier versions', () => {
  beforeEach(() => fakeBrowser.reset());

  const hours = { '2026-11-25 14': 2048 };
  const cacheV1 = { users: { '1:alice': { hours, fetchedAt: 5, trafficLimitKb: null, trafficBalanceKb: null } } };

  const markers: readonly Record<string, unknown>[] = [{}, { usageCache$: { v: 1 } }];
  for (const marker of markers) {
    it(`keeps a version 1 cache${'usageCache$' in marker ? ' marked as such' : ''}, read as taken under the current timezone setting`, async () => {
      await fakeBrowser.storage.local.set({ usageCache: cacheV1, ...marker });
      const popup = popupStoredFrom(await fakeBrowser.storage.local.get([...KEYS]));
      const cache = await (await itemsAtStart()).usageCacheItem.getValue();
      expect(cache.apiTimezone).toBeNull();
      expect(cache.users['1:alice']?.hours).toEqual(hours);
      expect(cacheFor(cache, UTC).users['1:alice']?.hours).toEqual(hours);
      expect(await storedNow()).toEqual({ usageCache: cache, usageCache$: { v: 2 } });
      expect(popup.usageCache).toEqual(cache);
    });
  }

  it('migrates a version 1 status through both steps, keeping what it knew', async () => {
    const v1: PollStatusV1 = {
      lastAttemptAt: 10,
      lastSuccessAt: 9,
      lastRequestEndedAt: 10,
      failure: { kind: 'network', detail: 'offline' },
      userFailures: { '1:b': { kind: 'unknown-user', code: 10020, username: 'b' } },
    };
    await fakeBrowser.storage.local.set({ pollStatus: v1 });
    const popup = popupStoredFrom(await fakeBrowser.storage.local.get([...KEYS]));
    const status = await (await itemsAtStart()).pollStatusItem.getValue();
    expect(status).toEqual({
      ...INITIAL_STATUS,
      lastAttemptAt: 10,
      lastSuccessAt: 9,
      lastRequestEndedAt: 10,
      failure: v1.failure,
      failingSince: 10,
      userFailures: { '1:b': { username: 'b', error: v1.userFailures['1:b'], at: 10 } },
    });
    expect(await storedNow()).toEqual({ pollStatus: status, pollStatus$: { v: 4 } });
    expect(popup.pollStatus).toEqual(status);
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
    const popup = popupStoredFrom(await fakeBrowser.storage.local.get([...KEYS]));
    const status = await (await itemsAtStart()).pollStatusItem.getValue();
    expect(status.userFailures['3:erin:mobile']?.username).toBe('erin:mobile');
    expect(status.backgroundError).toBeNull();
    expect(await storedNow()).toEqual({ pollStatus: status, pollStatus$: { v: 4 } });
    // The popup reads storage raw, without the items: it must read the same.
    expect(popup.pollStatus).toEqual(status);
  });

  it('keeps what fired in a version 1 alert log, with nothing judged yet', async () => {
    const fired = { 'hourly-total:2026-11-25 14': { at: 7, level: false } };
    await fakeBrowser.storage.local.set({ alertLog: { fired } });
    const log = await (await itemsAtStart()).alertLogItem.getValue();
    expect(log).toEqual({ fired, evaluatedAt: null, judgedThrough: null });
    expect(await storedNow()).toEqual({ alertLog: log, alertLog$: { v: 2 } });
  });

  it('reads a version 1 account’s user-list figures as the MB they were', async () => {
    const v1: AccountSnapshotV1 = {
      fetchedAt: 5,
      balance: null,
      users: { '1:alice': { username: 'alice', enabled: true, trafficLimitKb: 512_000, usageKb: 7800 } },
      error: null,
    };
    await fakeBrowser.storage.local.set({ account: v1 });
    const popup = popupStoredFrom(await fakeBrowser.storage.local.get([...KEYS]));
    const account = await (await itemsAtStart()).accountItem.getValue();
    expect(account).toEqual(migrateAccountV1(v1));
    expect(await storedNow()).toEqual({ account, account$: { v: 3 } });
    expect(popup.account).toEqual(account);
  });

  it('reads the worded details of unusable answers (status version 3, account version 2) as their kinds', async () => {
    const status: PollStatusV3 = {
      ...INITIAL_STATUS,
      failure: { kind: 'unreadable', detail: 'an HTML page instead of JSON' },
      userFailures: { '1:bob': { username: 'bob', error: { kind: 'malformed', detail: 'an invalid traffic figure for 2026-11-25 14' }, at: 10 } },
    };
    const account: AccountSnapshotV2 = { ...EMPTY_ACCOUNT, fetchedAt: 5, usersError: { kind: 'malformed', detail: 'no user list' } };
    await fakeBrowser.storage.local.set({ pollStatus: status, pollStatus$: { v: 3 }, account, account$: { v: 2 } });
    const popup = popupStoredFrom(await fakeBrowser.storage.local.get([...KEYS]));
    const items = await itemsAtStart();
    const current = await items.pollStatusItem.getValue();
    expect(current.failure).toEqual({ kind: 'unreadable', detail: { kind: 'html-page' } });
    expect(current.userFailures['1:bob']?.error).toEqual({ kind: 'malformed', detail: { kind: 'invalid-figure', date: '2026-11-25 14' } });
    expect((await items.accountItem.getValue()).usersError).toEqual({ kind: 'malformed', detail: { kind: 'no-user-list' } });
    expect(popup.pollStatus).toEqual(current);
    expect(popup.account).toEqual(await items.accountItem.getValue());
  });

  it('reads current items as they are, in the popup too, and changes nothing stored', async () => {
    const store = {
      apiToken: 'tok-1',
      settings: { watched: watching(['alice']) },
      usageCache: { apiTimezone: 'UTC', users: {} },
      usageCache$: { v: 2 },
      pollStatus: { ...INITIAL_STATUS, lastAttemptAt: 3 },
      pollStatus$: { v: 4 },
      account: migrateAccountV1({ fetchedAt: 1, balance: null, users: {}, error: null }),
      account$: { v: 3 },
      alertLog: { fired: {}, evaluatedAt: 4, judgedThrough: 3 },
      alertLog$: { v: 2 },
    };
    await fakeBrowser.storage.local.set(store);
    const items = await itemsAtStart();
    expect(await items.pollStatusItem.getValue()).toEqual(store.pollStatus);
    expect(await items.alertLogItem.getValue()).toEqual(store.alertLog);
    expect(popupStoredFrom(await fakeBrowser.storage.local.get([...KEYS]))).toEqual({
      settings: store.settings,
      usageCache: store.usageCache,
      pollStatus: store.pollStatus,
      account: store.account,
      tokenSaved: true,
    });
    expect(await storedNow()).toEqual(store);
  });
});
