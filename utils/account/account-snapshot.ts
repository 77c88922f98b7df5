import type { AccountBalance, ProxyUser } from '@/utils/api/answers';
import type { ApiError } from '@/utils/api/errors';
import { mb, type Mb } from '@/utils/base/units';
import { HOUR_MS, MINUTE_MS } from '@/utils/base/durations';

/**
 * Account-wide figures from the secondary endpoints, refreshed at most hourly: the balance and
 * plan expiry (`account/traffic-balance`), each user's limit and usage (`user-list`). Each keeps
 * its own error, shown where its figures are shown; neither ever stops usage polling.
 */
export interface AccountSnapshot {
  /** When a refresh was last tried, whether or not it succeeded. */
  readonly fetchedAt: number | null;
  readonly balance: AccountBalance | null;
  /** Why the last refresh could not read the balance, when it could not. */
  readonly balanceError: ApiError | null;
  /** From user-list, by user key; passwords were dropped on arrival. */
  readonly users: Readonly<Record<string, ProxyUser>>;
  /** Why the last refresh could not read the user list, when it could not. */
  readonly usersError: ApiError | null;
}

export const EMPTY_ACCOUNT: AccountSnapshot = { fetchedAt: null, balance: null, balanceError: null, users: {}, usersError: null };

export const ACCOUNT_REFRESH_MS = HOUR_MS;

/** After a failed refresh, the next cycle at least this much later tries again, not an hour later. */
export const ACCOUNT_RETRY_MS = 10 * MINUTE_MS;

/** Due when never read, when the wait has passed, or when the clock went back (a wait can't be trusted then). */
export function accountDue(account: AccountSnapshot, now: number): boolean {
  if (account.fetchedAt === null) return true;
  const elapsed = now - account.fetchedAt;
  const wait = account.balanceError || account.usersError ? ACCOUNT_RETRY_MS : ACCOUNT_REFRESH_MS;
  return elapsed < 0 || elapsed >= wait;
}

/** Version 1: user-list figures stored as if they were KB (they are MB), one error for both endpoints. */
export interface AccountSnapshotV1 {
  readonly fetchedAt: number | null;
  readonly balance: AccountBalance | null;
  readonly users: Readonly<Record<string, { username: string; enabled: boolean; trafficLimitKb: number | null; usageKb: number | null }>>;
  readonly error: ApiError | null;
}

/**
 * The numbers user-list sent were always MB; version 1 only named them KB, so the values carry
 * over under their right names. The refresh time is dropped, so the next cycle reads the figures
 * afresh with each endpoint's own error.
 */
export function migrateAccountV1(old: AccountSnapshotV1): AccountSnapshot {
  const users: Record<string, ProxyUser> = {};
  for (const [key, user] of Object.entries(old.users ?? {})) {
    const asMb = (value: number | null | undefined): Mb | null => (typeof value === 'number' ? mb(value) : null);
    users[key] = { username: user.username, enabled: user.enabled, trafficLimitMb: asMb(user.trafficLimitKb), usageMb: asMb(user.usageKb) };
  }
  return { ...EMPTY_ACCOUNT, balance: old.balance ?? null, users };
}
