import { userKey, watching } from '../support/watching';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  EMPTY_FIGURES,
  migrateAccountV1,
  migrateAccountV2,
  migrateAccountV3,
  migrateAccountV4,
  type AccountSnapshotV1,
  type AccountSnapshotV2,
} from '@/utils/account/account-snapshot';
import { ACCOUNT, POLL_STATUS } from '@/utils/storage/definitions';
import { UTC } from '@/utils/time/api-timezone';
import { HEALTHY_ACCOUNT, INITIAL_STATUS, type PollStatusV1, type PollStatusV2, type PollStatusV3, type PollStatusV4 } from '@/utils/poll/status';
import { FIRST_ACCOUNT_ID } from '@/utils/settings/model';
import { popupStoredFrom } from '@/utils/popup/stored-reads';
import { cacheFor } from '@/utils/usage/cache';
import { coerceSettings } from '@/utils/settings/repair';
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
      const popup = popupStoredFrom(await fakeBrowser.storage.local.get(null));
      const cache = await (await itemsAtStart()).usageCacheItem.getValue();
      expect(cache.apiTimezone).toBeNull();
      expect(cache.users[userKey(1, 'alice')]?.hours).toEqual(hours);
      expect(cacheFor(cache, UTC).users[userKey(1, 'alice')]?.hours).toEqual(hours);
      expect(await storedNow()).toEqual({ usageCache: cache, usageCache$: { v: 3 } });
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
    const popup = popupStoredFrom(await fakeBrowser.storage.local.get(null));
    const status = await (await itemsAtStart()).pollStatusItem.getValue();
    // The one account's failure is now the first account's.
    expect(status).toEqual({
      ...INITIAL_STATUS,
      lastAttemptAt: 10,
      lastSuccessAt: 9,
      lastRequestEndedAt: 10,
      accounts: { [FIRST_ACCOUNT_ID]: { failure: v1.failure, failingSince: 10, retry: null, lastSuccessAt: 9 } },
      userFailures: { [userKey(1, 'b')]: { account: FIRST_ACCOUNT_ID, proxyType: 1, username: 'b', error: v1.userFailures['1:b'], at: 10 } },
    });
    expect(await storedNow()).toEqual({ pollStatus: status, pollStatus$: { v: POLL_STATUS.version } });
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
    const popup = popupStoredFrom(await fakeBrowser.storage.local.get(null));
    const status = await (await itemsAtStart()).pollStatusItem.getValue();
    expect(status.userFailures[userKey(3, 'erin:mobile')]).toMatchObject({ username: 'erin:mobile', proxyType: 3, account: FIRST_ACCOUNT_ID });
    expect(status.backgroundError).toBeNull();
    expect(await storedNow()).toEqual({ pollStatus: status, pollStatus$: { v: POLL_STATUS.version } });
    // The popup reads storage raw, without the items: it must read the same.
    expect(popup.pollStatus).toEqual(status);
  });

  it('keeps what fired in a version 1 alert log, with nothing judged yet', async () => {
    const fired = { 'hourly-total:2026-11-25 14': { at: 7, level: false } };
    await fakeBrowser.storage.local.set({ alertLog: { fired } });
    const log = await (await itemsAtStart()).alertLogItem.getValue();
    expect(log).toEqual({ fired, evaluatedAt: null, judgedThrough: null });
    expect(await storedNow()).toEqual({ alertLog: log, alertLog$: { v: 3 } });
  });

  it('reads a version 1 account’s user-list figures as the MB they were', async () => {
    const v1: AccountSnapshotV1 = {
      fetchedAt: 5,
      balance: null,
      users: { '1:alice': { username: 'alice', enabled: true, trafficLimitKb: 512_000, usageKb: 7800 } },
      error: null,
    };
    await fakeBrowser.storage.local.set({ account: v1 });
    const popup = popupStoredFrom(await fakeBrowser.storage.local.get(null));
    const account = await (await itemsAtStart()).accountItem.getValue();
    expect(account).toEqual(migrateAccountV4(migrateAccountV3(migrateAccountV2(migrateAccountV1(v1)))));
    expect(account.accounts[FIRST_ACCOUNT_ID]?.users[userKey(1, 'alice')]).toMatchObject({ trafficLimitMb: 512_000, usageMb: 7800 });
    expect(await storedNow()).toEqual({ account, account$: { v: ACCOUNT.version } });
    expect(popup.account).toEqual(account);
  });

  it('reads the worded details of unusable answers (status version 3, account version 2) as their kinds', async () => {
    const status: PollStatusV3 = {
      ...INITIAL_STATUS,
      failure: { kind: 'unreadable', detail: 'an HTML page instead of JSON' },
      userFailures: { '1:bob': { username: 'bob', error: { kind: 'malformed', detail: 'an invalid traffic figure for 2026-11-25 14' }, at: 10 } },
    };
    const account: AccountSnapshotV2 = { ...EMPTY_FIGURES, fetchedAt: 5, usersError: { kind: 'malformed', detail: 'no user list' } };
    await fakeBrowser.storage.local.set({ pollStatus: status, pollStatus$: { v: 3 }, account, account$: { v: 2 } });
    const popup = popupStoredFrom(await fakeBrowser.storage.local.get(null));
    const items = await itemsAtStart();
    const current = await items.pollStatusItem.getValue();
    expect(current.accounts[FIRST_ACCOUNT_ID]?.failure).toEqual({ kind: 'unreadable', detail: { kind: 'html-page' } });
    expect(current.userFailures[userKey(1, 'bob')]?.error).toEqual({ kind: 'malformed', detail: { kind: 'invalid-figure', date: '2026-11-25 14' } });
    expect((await items.accountItem.getValue()).accounts[FIRST_ACCOUNT_ID]?.usersError).toEqual({ kind: 'malformed', detail: { kind: 'no-user-list' } });
    expect(popup.pollStatus).toEqual(current);
    expect(popup.account).toEqual(await items.accountItem.getValue());
  });

  it('reads the figures and status from before the daily figures and the wallet with none of either, the figures due at once', async () => {
    const figures = { ...EMPTY_FIGURES, fetchedAt: 4, balance: { balanceMb: 1024, expiresOn: '2026-12-31' } } as Record<string, unknown>;
    delete figures.wallet;
    delete figures.walletError;
    const status = { ...INITIAL_STATUS, lastAttemptAt: 3 } as Record<string, unknown>;
    delete status.dailyFailures;
    await fakeBrowser.storage.local.set({ account: { accounts: { [FIRST_ACCOUNT_ID]: figures } }, account$: { v: 4 }, pollStatus: status, pollStatus$: { v: 5 } });
    const popup = popupStoredFrom(await fakeBrowser.storage.local.get(null));
    const items = await itemsAtStart();
    const account = await items.accountItem.getValue();
    expect(account).toEqual({ accounts: { [FIRST_ACCOUNT_ID]: { ...figures, fetchedAt: null, wallet: null, walletError: null } } });
    expect(await items.pollStatusItem.getValue()).toEqual({ ...INITIAL_STATUS, lastAttemptAt: 3 });
    expect(popup.account).toEqual(account);
    expect(popup.pollStatus).toEqual({ ...INITIAL_STATUS, lastAttemptAt: 3 });
  });

  it('reads current items as they are, in the popup too, and changes nothing stored', async () => {
    const store = {
      apiToken: 'tok-1',
      'apiToken.b2': 'tok-2',
      settings: { accounts: [{ id: FIRST_ACCOUNT_ID, label: '' }, { id: 'b2', label: 'B' }], watched: watching(['alice']) },
      settings$: { v: 2 },
      usageCache: { apiTimezone: 'UTC', users: {} },
      usageCache$: { v: 3 },
      pollStatus: { ...INITIAL_STATUS, lastAttemptAt: 3 },
      pollStatus$: { v: POLL_STATUS.version },
      account: { accounts: { [FIRST_ACCOUNT_ID]: { ...EMPTY_FIGURES, fetchedAt: 1 } } },
      account$: { v: ACCOUNT.version },
      alertLog: { fired: {}, evaluatedAt: 4, judgedThrough: 3 },
      alertLog$: { v: 3 },
    };
    await fakeBrowser.storage.local.set(store);
    const items = await itemsAtStart();
    expect(await items.pollStatusItem.getValue()).toEqual(store.pollStatus);
    expect(await items.alertLogItem.getValue()).toEqual(store.alertLog);
    expect(popupStoredFrom(await fakeBrowser.storage.local.get(null))).toEqual({
      settings: store.settings,
      usageCache: store.usageCache,
      pollStatus: store.pollStatus,
      account: store.account,
      withToken: new Set([FIRST_ACCOUNT_ID, 'b2']),
    });
    expect(await storedNow()).toEqual(store);
  });

  it("makes a single-account install account 1 with nothing asked of the user: token, settings, hours, failures and alert history keep their meaning", async () => {
    const settingsV1 = { proxyType: 3, usernames: ['erin', 'zed'], pollIntervalMinutes: 5, apiTimezone: { kind: 'offset', minutes: 480 }, units: 'decimal', chartHours: 48 };
    const cacheV2 = { apiTimezone: 'UTC+8', users: { '3:erin': { hours, fetchedAt: 5, trafficLimitKb: 100, trafficBalanceKb: 40 } } };
    const statusV4: PollStatusV4 = {
      ...INITIAL_STATUS,
      failure: { kind: 'rate-limited', code: 10011 },
      failingSince: 8,
      retry: { attempt: 2, notBefore: 99 },
      userFailures: { '3:zed': { username: 'zed', error: { kind: 'unknown-user', code: 10020, username: 'zed' }, at: 7 } },
      cycle: { startedAt: 6, remaining: ['zed'] },
    };
    const fired = {
      'hourly-user:3:erin:2026-11-25 14': { at: 1, level: false },
      'user-balance:3:erin': { at: 1, level: true },
      'account-balance': { at: 1, level: true },
      'plan-expiry:2026-12-01': { at: 1, level: false },
      'token-rejected:5': { at: 1, level: false },
      'spike:2026-11-25 13': { at: 1, level: false },
    };
    await fakeBrowser.storage.local.set({
      apiToken: 'tok-1',
      settings: settingsV1,
      usageCache: cacheV2,
      usageCache$: { v: 2 },
      pollStatus: statusV4,
      pollStatus$: { v: 4 },
      account: { ...EMPTY_FIGURES, fetchedAt: 4, users: { '3:erin': { username: 'erin', enabled: true, trafficLimitMb: 100, usageMb: 60 } } },
      account$: { v: 3 },
      alertLog: { fired, evaluatedAt: 3, judgedThrough: 2 },
      alertLog$: { v: 2 },
    });
    const popup = popupStoredFrom(await fakeBrowser.storage.local.get(null));
    const items = await itemsAtStart();
    const settings = coerceSettings(await items.settingsItem.getValue(), false);
    expect(settings).toMatchObject({
      accounts: [{ id: FIRST_ACCOUNT_ID, label: '' }],
      watched: watching(['erin', 'zed'], 3),
      badgeScope: { kind: 'all' },
      pollIntervalMinutes: 5,
      units: 'decimal',
      chartHours: 48,
    });
    expect(await items.tokenItem(FIRST_ACCOUNT_ID).getValue()).toBe('tok-1');
    expect((await items.usageCacheItem.getValue()).users[userKey(3, 'erin')]?.hours).toEqual(hours);
    const status = await items.pollStatusItem.getValue();
    expect(status.accounts[FIRST_ACCOUNT_ID]).toEqual({ ...HEALTHY_ACCOUNT, failure: statusV4.failure, failingSince: 8, retry: statusV4.retry });
    expect(status.failure).toBeNull();
    expect(Object.keys(status.userFailures)).toEqual([userKey(3, 'zed')]);
    expect((await items.accountItem.getValue()).accounts[FIRST_ACCOUNT_ID]?.users[userKey(3, 'erin')]?.usageMb).toBe(60);
    expect(Object.keys((await items.alertLogItem.getValue()).fired).sort()).toEqual(
      [
        `hourly-user:${userKey(3, 'erin')}:2026-11-25 14`,
        `user-balance:${userKey(3, 'erin')}`,
        `account-balance:${FIRST_ACCOUNT_ID}`,
        `plan-expiry:${FIRST_ACCOUNT_ID}:2026-12-01`,
        `token-rejected:${FIRST_ACCOUNT_ID}:5`,
        'spike:2026-11-25 13',
      ].sort(),
    );
    // The popup, reading storage raw, sees the same.
    expect(coerceSettings(popup.settings, false)).toEqual(settings);
    expect(popup.withToken).toEqual(new Set([FIRST_ACCOUNT_ID]));
    expect(popup.pollStatus).toEqual(status);
  });
});
