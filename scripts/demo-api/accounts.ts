// The accounts the demo API serves, each under its own token with its own users and plan. The
// first is the original demo account; the second lets the extension watch two accounts at once.

import { PLAN, type AccountPlan } from './plan.js';
import { hourUsageKB, type Clock } from './traffic-model.js';
import { MB_PER_TB } from '../../utils/base/units.js';
import { SECOND_ACCOUNT_USERS, USERS, type DemoUser, type ProxyType } from './users.js';

export const DEFAULT_TOKEN = 'demo-token';
export const SECOND_TOKEN = 'demo-token-2';

/** user-list's `limit`: sub-user slots over all products. */
export const USER_SLOTS = 20;

/** The second account's plan: a smaller quota on its own cycle, so balance and expiry differ from the first's. */
export const SECOND_PLAN: AccountPlan = {
  anchorUtcMs: Date.UTC(2025, 1, 10),
  cycleDays: 30,
  residentialQuotaMB: 2 * MB_PER_TB,
};

export interface DemoAccount {
  readonly token: string;
  readonly users: readonly DemoUser[];
  readonly plan: AccountPlan;
  /** user-list's `limit`: slots for sub-users over all products. */
  readonly userSlots: number;
}

export interface AccountsOptions {
  /** The first account's token (default 'demo-token'); the second's is always SECOND_TOKEN. */
  readonly token?: string;
}

/** The built-in accounts. */
export function buildAccounts(options: AccountsOptions = {}): DemoAccount[] {
  const firstToken = options.token ?? DEFAULT_TOKEN;
  if (firstToken === '' || firstToken === SECOND_TOKEN) {
    throw new RangeError('the first account token must be non-empty and differ from the second account token');
  }
  return [
    { token: firstToken, users: USERS, plan: PLAN, userSlots: USER_SLOTS },
    { token: SECOND_TOKEN, users: SECOND_ACCOUNT_USERS, plan: SECOND_PLAN, userSlots: USER_SLOTS },
  ];
}

export function findAccount(accounts: readonly DemoAccount[], token: string): DemoAccount | undefined {
  return accounts.find((a) => a.token === token);
}

export function accountUser(account: DemoAccount, username: string): DemoUser | undefined {
  return account.users.find((u) => u.username === username);
}

export function accountUsersOfType(account: DemoAccount, proxyType: ProxyType): DemoUser[] {
  return account.users.filter((u) => u.proxyType === proxyType);
}

/**
 * The truth a test checks figures against: the KB the hourly endpoint serves for `username` in
 * the hour starting at `hourStartUtcMs`, asked with `token`, as seen at `clock`. Throws when no
 * account has the token or the user is not that account's (the API would answer 10013 or 10020).
 */
export function accountHourUsageKB(
  accounts: readonly DemoAccount[],
  token: string,
  username: string,
  hourStartUtcMs: number,
  clock: Clock,
): number {
  const account = findAccount(accounts, token);
  if (account === undefined) throw new RangeError('no demo account has this token');
  if (accountUser(account, username) === undefined) throw new RangeError(`not a user of this account: ${username}`);
  return hourUsageKB(username, hourStartUtcMs, clock);
}
