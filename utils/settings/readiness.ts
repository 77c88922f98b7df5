import type { Settings } from './model';

/** The accounts ready to poll: a token saved and at least one user watched. */
export function readyAccounts(settings: Settings, withToken: ReadonlySet<string>): string[] {
  return settings.accounts
    .filter((account) => withToken.has(account.id) && settings.watched.some((entry) => entry.account === account.id))
    .map((account) => account.id);
}

/** Ready to poll: some account has a token and watched users. */
export function isConfigured(settings: Settings, withToken: ReadonlySet<string>): boolean {
  return readyAccounts(settings, withToken).length > 0;
}

/** The accounts with a token saved, from each account's token (empty where none is). */
export function accountsWithToken(tokens: Readonly<Record<string, string>>): Set<string> {
  return new Set(Object.entries(tokens).filter(([, token]) => token !== '').map(([account]) => account));
}
