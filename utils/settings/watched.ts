import type { ProxyType } from '@/utils/api/thordata-client';
import type { AccountSettings, BadgeScope, Settings, WatchedUser } from './model';

/**
 * The key of a watched user in every stored record (hours, failures, user-list figures, alert
 * log): account, product and name, so the same name under another product or account is
 * another user and never reads this one's figures. Account ids hold no `/`.
 */
export type WatchKey = string;

export function watchKey({ account, proxyType, username }: WatchedUser): WatchKey {
  return `${account}/${proxyType}:${username}`;
}

export function sameWatched(a: WatchedUser, b: WatchedUser): boolean {
  return a.account === b.account && a.proxyType === b.proxyType && a.username === b.username;
}

export function watchedKeys(watched: readonly WatchedUser[]): WatchKey[] {
  return watched.map(watchKey);
}

export function watchedOf(settings: Settings, account: string): WatchedUser[] {
  return settings.watched.filter((entry) => entry.account === account);
}

export function inScope(entry: WatchedUser, scope: BadgeScope): boolean {
  if (scope.kind === 'account') return entry.account === scope.account;
  if (scope.kind === 'product') return entry.proxyType === scope.proxyType;
  return true;
}

/** The users the badge sums: a scope naming an account that is gone sums everything. */
export function badgeKeys(settings: Settings): WatchKey[] {
  const scope = settings.badgeScope;
  const known = scope.kind !== 'account' || settings.accounts.some((account) => account.id === scope.account);
  return watchedKeys(settings.watched.filter((entry) => inScope(entry, known ? scope : { kind: 'all' })));
}

/** The products watched under an account, in their own order: what its user-list refresh asks. */
export function productsOf(settings: Settings, account: string): ProxyType[] {
  return [...new Set(watchedOf(settings, account).map((entry) => entry.proxyType))].sort();
}

/**
 * How an account is named to the user: its label, else its place in the list. Null when only
 * one account exists, where naming it would only add words.
 */
export function accountName(settings: Settings, account: string, unnamed: (position: number) => string): string | null {
  if (settings.accounts.length < 2) return null;
  return accountLabel(settings.accounts, account, unnamed);
}

/** An account's label, or "Account N" by its place; used where accounts are listed. */
export function accountLabel(accounts: readonly AccountSettings[], account: string, unnamed: (position: number) => string): string {
  const index = accounts.findIndex((known) => known.id === account);
  const label = accounts[index]?.label.trim() ?? '';
  return label !== '' ? label : unnamed(index < 0 ? accounts.length + 1 : index + 1);
}

/** A new account's id: random, so an id once removed is never met again by data left behind. */
export function newAccountId(existing: readonly AccountSettings[], random: () => number): string {
  for (;;) {
    const id = Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0');
    if (!existing.some((account) => account.id === id)) return id;
  }
}
