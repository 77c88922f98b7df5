// The accounts the demo API serves, each under its own token with its own users and plan. The
// first is the original demo account; the second lets the extension watch two accounts at once;
// generated users (on any account, or on further accounts of their own) make scale runs.

import { MAX_USERS_PER_TYPE, generateUsers, type GeneratedUserCounts } from './generated-users.js';
import { PLAN, type AccountPlan } from './plan.js';
import { hourUsageKB, type Clock } from './traffic-model.js';
import { MB_PER_TB } from '../../utils/base/units.js';
import { SECOND_ACCOUNT_USERS, USERS, type DemoUser, type ProxyType } from './users.js';

export const DEFAULT_TOKEN = 'demo-token';
export const SECOND_TOKEN = 'demo-token-2';
/** The account `scaleRunUsers` adds after the built-in two. */
export const THIRD_TOKEN = 'demo-token-3';

/** user-list's `limit` (sub-user slots over all products) of an account with no more users than this. */
export const USER_SLOTS = 20;

/** The second account's plan: a smaller quota on its own cycle, so balance and expiry differ from the first's. */
export const SECOND_PLAN: AccountPlan = {
  anchorUtcMs: Date.UTC(2025, 1, 10),
  cycleDays: 30,
  residentialQuotaMB: 2 * MB_PER_TB,
};

/** The built-in accounts' wallets, in USD. */
export const DEFAULT_WALLET_USD = 125.4;
export const SECOND_WALLET_USD = 310;

/** An added account's wallet: its own amount, from its place among the accounts. */
function addedAccountWallet(accountNumber: number): number {
  return 50 + 12.5 * accountNumber;
}

/** Large enough that 100 busy generated residential users do not use it up within a cycle. */
const ADDED_ACCOUNT_QUOTA_MB = 64 * MB_PER_TB;
/** Days between the cycle anchors of consecutive added accounts, so their expiries differ too. */
const ADDED_ACCOUNT_ANCHOR_STEP_DAYS = 5;

export interface DemoAccount {
  readonly token: string;
  readonly users: readonly DemoUser[];
  readonly plan: AccountPlan;
  /** What `account/wallet-balance` answers, in USD: fixed per account, so a test knows it. */
  readonly walletUsd: number;
  /** user-list's `limit`: slots for sub-users over all products. */
  readonly userSlots: number;
}

/** Generated users for the account with `token`; a token no built-in account has adds an account. */
export interface GeneratedUsersSpec {
  readonly token: string;
  /** Per proxy type, e.g. `{ 1: 40, 3: 10 }`; with the account's other users at most 100 per type. */
  readonly counts: GeneratedUserCounts;
}

export interface AccountsOptions {
  /** The first account's token (default 'demo-token'); the second's is always SECOND_TOKEN. */
  readonly token?: string;
  /** Accounts added this way follow the built-in two, in the order given. */
  readonly generatedUsers?: readonly GeneratedUsersSpec[];
}

function addedAccountPlan(accountNumber: number): AccountPlan {
  return {
    anchorUtcMs: Date.UTC(2025, 0, 1 + ADDED_ACCOUNT_ANCHOR_STEP_DAYS * accountNumber),
    cycleDays: 30,
    residentialQuotaMB: ADDED_ACCOUNT_QUOTA_MB,
  };
}

// Error texts name accounts by position, never by token: tokens are secrets even in the demo.
function checkedAccount(account: DemoAccount, accountNumber: number): DemoAccount {
  for (const type of [1, 2, 3] as const) {
    const count = account.users.filter((u) => u.proxyType === type).length;
    if (count > MAX_USERS_PER_TYPE) {
      throw new RangeError(`account ${accountNumber} would have ${count} users of proxy type ${type}; at most ${MAX_USERS_PER_TYPE}`);
    }
  }
  return { ...account, userSlots: Math.max(USER_SLOTS, account.users.length) };
}

/** The built-in accounts, then any added by `generatedUsers`, with generated users appended. */
export function buildAccounts(options: AccountsOptions = {}): DemoAccount[] {
  const firstToken = options.token ?? DEFAULT_TOKEN;
  if (firstToken === '' || firstToken === SECOND_TOKEN) {
    throw new RangeError('the first account token must be non-empty and differ from the second account token');
  }
  const accounts: DemoAccount[] = [
    { token: firstToken, users: USERS, plan: PLAN, userSlots: USER_SLOTS, walletUsd: DEFAULT_WALLET_USD },
    { token: SECOND_TOKEN, users: SECOND_ACCOUNT_USERS, plan: SECOND_PLAN, userSlots: USER_SLOTS, walletUsd: SECOND_WALLET_USD },
  ];
  const seen = new Set<string>();
  for (const spec of options.generatedUsers ?? []) {
    if (spec.token === '') throw new RangeError('generated users need a non-empty account token');
    if (seen.has(spec.token)) throw new RangeError('generated users name the same account token twice');
    seen.add(spec.token);
    const existing = findAccount(accounts, spec.token);
    const accountNumber = existing === undefined ? accounts.length + 1 : accounts.indexOf(existing) + 1;
    const account = existing ?? {
      token: spec.token,
      users: [],
      plan: addedAccountPlan(accountNumber),
      userSlots: USER_SLOTS,
      walletUsd: addedAccountWallet(accountNumber),
    };
    const users = [...account.users, ...generateUsers(accountNumber, spec.counts)];
    accounts.splice(accountNumber - 1, existing === undefined ? 0 : 1, checkedAccount({ ...account, users }, accountNumber));
  }
  return accounts;
}

/**
 * 100 users over three accounts for a scale run: the first account grows to 35 (29 residential,
 * 1 unlimited, 5 mobile), the second to 30 (23 residential, 7 mobile), and a third (THIRD_TOKEN)
 * has 35 (25 residential, 5 unlimited, 5 mobile).
 */
export function scaleRunUsers(firstToken: string = DEFAULT_TOKEN): GeneratedUsersSpec[] {
  return [
    { token: firstToken, counts: { 1: 26, 3: 4 } },
    { token: SECOND_TOKEN, counts: { 1: 21, 3: 5 } },
    { token: THIRD_TOKEN, counts: { 1: 25, 2: 5, 3: 5 } },
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
