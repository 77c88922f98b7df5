/**
 * What the bench sets the extension up with: 100 users watched over three accounts of the demo
 * API (issue 15's scale run), or 2 users of one account, the size the popup's time at 100 is
 * compared with. Shared by the Node harness (core.ts) and the real extension (extension-setup.ts),
 * so both measure the same settings.
 */
import type { DemoAccount } from '../demo-api/accounts';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT_ID, type Settings, type WatchedUser } from '../../utils/settings/model';
import { SETTINGS, tokenDefinition, versionKey } from '../../utils/storage/definitions';
import { UTC } from '../../utils/time/api-timezone';

/** The extension's ids for the demo API's accounts, in the API's order: the first keeps the migrated id. */
const ACCOUNT_IDS = [FIRST_ACCOUNT_ID, 'a2', 'a3'] as const;
const LABELS = ['', 'Staging', 'Scale'] as const;

/** The extension's settings and each account's token, by account id. */
export interface BenchSetup {
  readonly settings: Settings;
  readonly tokens: Readonly<Record<string, string>>;
}

/**
 * Every user of the first `accounts.length` demo accounts (at most three), watched under its own
 * account and product: with `scaleRunUsers()`, 100 users over 3 accounts.
 */
export function watchEveryUser(accounts: readonly DemoAccount[], base: Partial<Settings> = {}): BenchSetup {
  if (accounts.length > ACCOUNT_IDS.length) throw new Error(`The bench names ${ACCOUNT_IDS.length} accounts, the API has ${accounts.length}`);
  const ids = accounts.map((_, index) => ACCOUNT_IDS[index] ?? '');
  const watched: WatchedUser[] = accounts.flatMap((account, index) =>
    account.users.map((user) => ({ account: ids[index] ?? '', proxyType: user.proxyType, username: user.username })),
  );
  return {
    settings: { ...DEFAULT_SETTINGS, apiTimezone: UTC, ...base, accounts: ids.map((id, index) => ({ id, label: LABELS[index] ?? '' })), watched },
    tokens: Object.fromEntries(accounts.map((account, index) => [ids[index] ?? '', account.token])),
  };
}

/** The first `count` users of the first demo account, watched alone: the small size. */
export function watchFirstUsers(account: DemoAccount, count: number, base: Partial<Settings> = {}): BenchSetup {
  const users = account.users.slice(0, count);
  if (users.length < count) throw new Error(`The demo account has ${users.length} users, not ${count}`);
  return {
    settings: {
      ...DEFAULT_SETTINGS,
      apiTimezone: UTC,
      ...base,
      accounts: [{ id: FIRST_ACCOUNT_ID, label: '' }],
      watched: users.map((user) => ({ account: FIRST_ACCOUNT_ID, proxyType: user.proxyType, username: user.username })),
    },
    tokens: { [FIRST_ACCOUNT_ID]: account.token },
  };
}

/** The `storage.local` items the settings page writes for this setup: settings at their version, one item per token. */
export function storageItems({ settings, tokens }: BenchSetup): Record<string, unknown> {
  return {
    [SETTINGS.key]: settings,
    [versionKey(SETTINGS.key)]: { v: SETTINGS.version },
    ...Object.fromEntries(Object.entries(tokens).map(([account, token]) => [tokenDefinition(account).key, token])),
  };
}
