import type { AccountBalance, ProxyUser } from './api-answers';
import type { ApiError } from './api-errors';

/** Account-wide figures, refreshed at most hourly: balance, plan expiry, each user's limit and usage. */
export interface AccountSnapshot {
  readonly fetchedAt: number | null;
  readonly balance: AccountBalance | null;
  /** From user-list, by user key; passwords were dropped on arrival. */
  readonly users: Readonly<Record<string, ProxyUser>>;
  /** Why the last refresh could not read a figure, when it could not. */
  readonly error: ApiError | null;
}

export const EMPTY_ACCOUNT: AccountSnapshot = { fetchedAt: null, balance: null, users: {}, error: null };

export const ACCOUNT_REFRESH_MS = 60 * 60_000;

export function accountDue(account: AccountSnapshot, now: number): boolean {
  return account.fetchedAt === null || now - account.fetchedAt >= ACCOUNT_REFRESH_MS;
}
