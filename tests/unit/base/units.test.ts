import { userKey, watching } from '../support/watching';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT } from '@/utils/storage/definitions';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_FIGURES, type AccountSnapshotV1 } from '@/utils/account/account-snapshot';
import { UTC } from '@/utils/time/api-timezone';
import { INITIAL_STATUS } from '@/utils/poll/status';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT_ID } from '@/utils/settings/model';
import { accountItem } from '@/utils/storage/items';
import { formatAmount } from '@/utils/format/traffic-format';
import { kb, kbToMb, mb, mbToKb, sumKb, type Kb } from '@/utils/base/units';
import { EMPTY_CACHE } from '@/utils/usage/cache';
import { popupStoredFrom } from '@/utils/popup/stored-reads';
import { userRows } from '@/utils/popup/user-rows';
import { engineSetup } from '../support/engine-harness';
import { itemsAtStart } from '../support/items-at-start';

const NOW = Date.parse('2026-11-25T14:20:00Z');

describe('units per endpoint', () => {
  beforeEach(() => fakeBrowser.reset());

  it('converts MB to KB at 1024, and sums KB', () => {
    expect(mbToKb(mb(500 * 1024))).toBe(500 * 1024 * 1024);
    expect(kbToMb(kb(2048))).toBe(2);
    expect(sumKb([kb(1), kb(2.5)])).toBe(3.5);
  });

  it('will not let an MB figure pass where KB is expected without a conversion', () => {
    // @ts-expect-error: an MB figure is not KB; the type check fails if this line compiles.
    const wrong: Kb = mb(1);
    // @ts-expect-error: nor is a bare number.
    formatAmount(512);
    expect(formatAmount(mbToKb(mb(1)), 'binary', 'en-US')).toBe('1.00 MiB');
    expect(wrong).toBe(1);
  });

  it('shows a user-list limit of 500 GiB, sent as 512000 MB, as 500 GiB', () => {
    const settings = { ...DEFAULT_SETTINGS, watched: watching(['alice']) };
    const account = {
      accounts: { [FIRST_ACCOUNT_ID]: { ...EMPTY_FIGURES, users: { [userKey(1, 'alice')]: { username: 'alice', enabled: true, trafficLimitMb: mb(512_000), usageMb: mb(7800) } } } },
    };
    const [row] = userRows(EMPTY_CACHE, settings, INITIAL_STATUS, account, NOW);
    expect(row?.limitKb).toBe(500 * 1024 * 1024);
    expect(formatAmount(row?.limitKb ?? kb(0), 'binary', 'en-US')).toBe('500 GiB');
  });

  it('migrates a stored account whose user-list figures were named KB: same numbers, as MB, read again at once', async () => {
    const v1: AccountSnapshotV1 = {
      fetchedAt: NOW,
      balance: { balanceMb: mb(20_480), expiresOn: '2026-12-31' },
      users: { '1:alice': { username: 'alice', enabled: true, trafficLimitKb: 512_000, usageKb: 7800 } },
      error: { kind: 'server', code: 502, apiMessage: '' },
    };
    await fakeBrowser.storage.local.set({ account: v1 });
    const migrated = await (await itemsAtStart()).accountItem.getValue();
    // The single account of that version is now the first account; its users' keys name it.
    expect(migrated).toEqual({
      accounts: {
        [FIRST_ACCOUNT_ID]: {
          fetchedAt: null,
          balance: v1.balance,
          balanceError: null,
          users: { [userKey(1, 'alice')]: { username: 'alice', enabled: true, trafficLimitMb: 512_000, usageMb: 7800 } },
          usersError: null,
          wallet: null,
          walletError: null,
        },
      },
    });
    expect(popupStoredFrom({ account: v1 }).account).toEqual(migrated);
    expect((await fakeBrowser.storage.local.get('account$'))['account$']).toEqual({ v: ACCOUNT.version });
  });

  it('reads the demo API’s user list in MB: the same limit as the hourly endpoint’s KB', async () => {
    const { tasks } = await engineSetup();
    await tasks.pollNow('settings');
    const alice = (await accountItem.getValue()).accounts[FIRST_ACCOUNT_ID]?.users[userKey(1, 'alice_res')];
    expect(alice?.trafficLimitMb).toBe(512_000);
    const [row] = userRows(EMPTY_CACHE, { ...DEFAULT_SETTINGS, watched: watching(['alice_res']), apiTimezone: UTC }, INITIAL_STATUS, await accountItem.getValue(), NOW);
    expect(formatAmount(row?.limitKb ?? kb(0), 'binary', 'en-US')).toBe('500 GiB');
  });
});
