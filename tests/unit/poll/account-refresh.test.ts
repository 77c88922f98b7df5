import { describe, expect, it } from 'vitest';
import { watching } from '../support/watching';
import { fakeClock, hourly, scriptedClient } from '../support/fake-client';
import { ACCOUNT_REFRESH_MS, accountDue, EMPTY_FIGURES, type AccountFigures } from '@/utils/account/account-snapshot';
import type { AccountBalance, UserList, WalletBalance } from '@/utils/api/answers';
import type { ApiError } from '@/utils/api/errors';
import type { ThordataClient } from '@/utils/api/thordata-client';
import { money } from '@/utils/base/money';
import type { Result } from '@/utils/base/result';
import { mb } from '@/utils/base/units';
import { refreshAccount } from '@/utils/poll/account-refresh';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT_ID } from '@/utils/settings/model';

const NOW = Date.parse('2026-11-25T14:20:00Z');
const settings = { ...DEFAULT_SETTINGS, watched: watching(['alice']) };
const LIST: Result<UserList, ApiError> = { ok: true, value: { users: [{ username: 'alice', enabled: true, trafficLimitMb: mb(0), usageMb: mb(3) }] } };
const BALANCE: Result<AccountBalance, ApiError> = { ok: true, value: { balanceMb: mb(2048), expiresOn: '2026-12-31' } };
const NOT_FOUND: ApiError = { kind: 'bad-request', code: 404, apiMessage: '' };

function account(answers: { list?: Result<UserList, ApiError>; balance?: Result<AccountBalance, ApiError>; wallet: Result<WalletBalance, ApiError> }) {
  const clock = fakeClock(NOW);
  const asked: string[] = [];
  const client: ThordataClient = {
    ...scriptedClient(() => hourly([]), clock).client,
    userList: async () => {
      asked.push('list');
      return answers.list ?? LIST;
    },
    accountBalance: async () => {
      asked.push('balance');
      return answers.balance ?? BALANCE;
    },
    walletBalance: async () => {
      asked.push('wallet');
      return answers.wallet;
    },
  };
  const refresh = (known: AccountFigures = EMPTY_FIGURES) => refreshAccount(settings, FIRST_ACCOUNT_ID, known, client, (request) => request(), clock.now);
  return { asked, refresh };
}

describe('the wallet', () => {
  it('is read with the balance, in USD', async () => {
    const { asked, refresh } = account({ wallet: { ok: true, value: { usd: money(125.4) } } });
    const figures = await refresh();
    expect(asked).toEqual(['list', 'balance', 'wallet']);
    expect(figures).toMatchObject({ wallet: 125.4, walletError: null, balanceError: null, usersError: null });
  });

  it('is quietly unavailable where the API has no such endpoint: the other figures stand, and nothing is asked sooner', async () => {
    for (const error of [NOT_FOUND, { kind: 'unreadable', detail: { kind: 'html-page' } } as const]) {
      const { refresh } = account({ wallet: { ok: false, error } });
      const figures = await refresh();
      expect(figures).toMatchObject({ wallet: null, walletError: error, balance: BALANCE.ok ? BALANCE.value : null, balanceError: null, usersError: null });
      // The next refresh an hour later, as for an account whose figures all answered.
      expect(accountDue(figures, NOW + ACCOUNT_REFRESH_MS - 1)).toBe(false);
      expect(accountDue(figures, NOW + ACCOUNT_REFRESH_MS)).toBe(true);
    }
  });

  it('keeps the last amount read when a later read fails', async () => {
    const { refresh } = account({ wallet: { ok: false, error: { kind: 'server', code: 502, apiMessage: '' } } });
    const figures = await refresh({ ...EMPTY_FIGURES, wallet: money(12.34) });
    expect(figures).toMatchObject({ wallet: 12.34, walletError: { kind: 'server' } });
  });

  it('is not asked when Thordata asked to wait on the balance, and says why', async () => {
    const wait: ApiError = { kind: 'rate-limited', code: 10011 };
    const { asked, refresh } = account({ balance: { ok: false, error: wait }, wallet: { ok: true, value: { usd: money(1) } } });
    const figures = await refresh();
    expect(asked).toEqual(['list', 'balance']);
    expect(figures).toMatchObject({ wallet: null, walletError: wait, balanceError: wait });
  });
});
