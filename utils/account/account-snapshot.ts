import type { AccountBalance, ProxyUser } from '@/utils/api/answers';
import { upgradeApiError, type ApiError, type StoredApiError } from '@/utils/api/errors';
import { mb, type Mb } from '@/utils/base/units';
import type { Money } from '@/utils/base/money';
import { HOUR_MS, MINUTE_MS } from '@/utils/base/durations';
import { FIRST_ACCOUNT_ID } from '@/utils/settings/model';
import type { WatchKey } from '@/utils/settings/watched';

/**
 * One account's figures from the secondary endpoints, refreshed at most hourly: the balance and
 * plan expiry (`account/traffic-balance`), the wallet (`account/wallet-balance`), each watched
 * user's limit and usage (`user-list` of each product watched). Each keeps its own error, shown
 * where its figures are shown; none ever stops usage polling.
 */
export interface AccountFigures {
  /** When a refresh was last tried, whether or not it succeeded. */
  readonly fetchedAt: number | null;
  readonly balance: AccountBalance | null;
  /** Why the last refresh could not read the balance, when it could not. */
  readonly balanceError: ApiError | null;
  /** From user-list, by watch key; passwords were dropped on arrival. */
  readonly users: Readonly<Record<WatchKey, ProxyUser>>;
  /** Why the last refresh could not read the user list, when it could not. */
  readonly usersError: ApiError | null;
  /** Money in the account's wallet, in USD (Thordata's currency, whatever the user's prices are in); null until read. */
  readonly wallet: Money | null;
  /**
   * Why the last refresh could not read the wallet. Quiet: an API without the endpoint (a 404, a
   * page) only leaves the wallet unshown, and it neither hastens the next refresh nor shows as a problem.
   */
  readonly walletError: ApiError | null;
}

export const EMPTY_FIGURES: AccountFigures = {
  fetchedAt: null,
  balance: null,
  balanceError: null,
  users: {},
  usersError: null,
  wallet: null,
  walletError: null,
};

/** Every account's figures, by account id. */
export interface AccountSnapshot {
  readonly accounts: Readonly<Record<string, AccountFigures>>;
}

export const EMPTY_ACCOUNT: AccountSnapshot = { accounts: {} };

export function accountFigures(snapshot: AccountSnapshot, account: string): AccountFigures {
  return snapshot.accounts[account] ?? EMPTY_FIGURES;
}

export const ACCOUNT_REFRESH_MS = HOUR_MS;

/** After a failed refresh, the next cycle at least this much later tries again, not an hour later. */
export const ACCOUNT_RETRY_MS = 10 * MINUTE_MS;

/**
 * Due when never read, when the wait has passed, or when the clock went back (a wait can't be
 * trusted then). The wallet's failure does not shorten the wait: an API without the endpoint
 * would otherwise have every figure read again every 10 minutes.
 */
export function accountDue(account: AccountFigures, now: number): boolean {
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
export function migrateAccountV1(old: AccountSnapshotV1): AccountSnapshotV3 {
  const users: Record<string, ProxyUser> = {};
  for (const [key, user] of Object.entries(old.users ?? {})) {
    const asMb = (value: number | null | undefined): Mb | null => (typeof value === 'number' ? mb(value) : null);
    users[key] = { username: user.username, enabled: user.enabled, trafficLimitMb: asMb(user.trafficLimitKb), usageMb: asMb(user.usageKb) };
  }
  return { ...EMPTY_FIGURES, balance: old.balance ?? null, users };
}

/** Version 2: an unusable answer's detail was English words. */
export interface AccountSnapshotV2 extends Omit<AccountSnapshotV3, 'balanceError' | 'usersError'> {
  readonly balanceError: StoredApiError | null;
  readonly usersError: StoredApiError | null;
}

export function migrateAccountV2(old: AccountSnapshotV2): AccountSnapshotV3 {
  return {
    ...old,
    balanceError: old.balanceError ? upgradeApiError(old.balanceError) : null,
    usersError: old.usersError ? upgradeApiError(old.usersError) : null,
  };
}

/** Figures before the wallet (versions 3 and 4). */
type FiguresWithoutWallet = Omit<AccountFigures, 'wallet' | 'walletError'>;

/** Version 3: one account's figures, its users keyed `proxyType:username`. */
export type AccountSnapshotV3 = FiguresWithoutWallet;

/** The single account's figures become the first account's, its users' keys gaining its id. */
export function migrateAccountV3(old: AccountSnapshotV3): AccountSnapshotV4 {
  const users: Record<WatchKey, ProxyUser> = {};
  for (const [key, user] of Object.entries(old.users ?? {})) users[`${FIRST_ACCOUNT_ID}/${key}`] = user;
  return { accounts: { [FIRST_ACCOUNT_ID]: { ...EMPTY_FIGURES, ...old, users } } };
}

/** Version 4: each account's figures, without the wallet. */
export interface AccountSnapshotV4 {
  readonly accounts: Readonly<Record<string, FiguresWithoutWallet>>;
}

/**
 * The wallet is not read yet. The refresh time is dropped, so the next cycle reads the wallet
 * with the rest instead of up to an hour later.
 */
export function migrateAccountV4(old: AccountSnapshotV4): AccountSnapshot {
  const accounts: Record<string, AccountFigures> = {};
  for (const [id, figures] of Object.entries(old.accounts ?? {})) accounts[id] = { ...EMPTY_FIGURES, ...figures, fetchedAt: null, wallet: null, walletError: null };
  return { accounts };
}
