import {
  EMPTY_ACCOUNT,
  migrateAccountV1,
  migrateAccountV2,
  migrateAccountV3,
  migrateAccountV4,
  type AccountSnapshot,
  type AccountSnapshotV1,
  type AccountSnapshotV2,
  type AccountSnapshotV3,
  type AccountSnapshotV4,
} from '@/utils/account/account-snapshot';
import { EMPTY_ALERT_LOG, migrateAlertLogV1, migrateAlertLogV2, type AlertLog } from '@/utils/alerts/log';
import { isRecord } from '@/utils/base/is-record';
import {
  INITIAL_STATUS,
  migratePollStatusV1,
  migratePollStatusV2,
  migratePollStatusV3,
  migratePollStatusV4,
  migratePollStatusV5,
  type PollStatus,
  type PollStatusV1,
  type PollStatusV2,
  type PollStatusV3,
  type PollStatusV4,
  type PollStatusV5,
} from '@/utils/poll/status';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT_ID, type Settings } from '@/utils/settings/model';
import { upgradeSingleAccount } from '@/utils/settings/repair';
import { EMPTY_CACHE, migrateUsageCacheV2, type UsageCache } from '@/utils/usage/cache';
import { EMPTY_RECENT, type RecentUsage } from '@/utils/usage/recent';
import { EMPTY_DAILY, type DailyUsage } from '@/utils/usage/daily';

/**
 * What each stored item is: its key in `storage.local`, its fallback, its version and the
 * migrations that bring an older value up to it. The items (items.ts) are @wxt-dev/storage
 * items made from these; the popup, which reads storage without that library to keep its first
 * frame small (popup/stored-reads.ts), reads the same keys and applies the same migrations. So
 * this module stays free of browser APIs and of the library.
 */
export interface ItemDefinition<T> {
  readonly key: string;
  readonly fallback: T;
  readonly version: number;
  /** `migrations[n]` turns a version n-1 value into version n. */
  readonly migrations?: Readonly<Record<number, (old: unknown) => unknown>>;
}

/** Where @wxt-dev/storage keeps an item's metadata, `{ v: version }` among it: its key plus `$`. */
export function versionKey(key: string): string {
  return `${key}$`;
}

/** Every account's token item starts so; the first account's is the key alone (tokenDefinition). */
export const TOKEN_KEY_PREFIX = 'apiToken';

/**
 * Each account's token has an item of its own, in `local` only (never `sync`), so that no other
 * stored value, export or log ever needs to hold it. The first account's keeps the key the
 * single-account versions used, so an update carries the token over without moving a secret.
 */
export function tokenDefinition(account: string): ItemDefinition<string> {
  const key = account === FIRST_ACCOUNT_ID ? TOKEN_KEY_PREFIX : `${TOKEN_KEY_PREFIX}.${account}`;
  return { key, fallback: '', version: 1 };
}

/** The account whose token a stored key holds, or null for any other key. */
export function accountOfTokenKey(key: string): string | null {
  if (key === TOKEN_KEY_PREFIX) return FIRST_ACCOUNT_ID;
  return key.startsWith(`${TOKEN_KEY_PREFIX}.`) ? key.slice(TOKEN_KEY_PREFIX.length + 1) : null;
}

/**
 * Read through `coerceSettings`: stored values may come from an older version or a hand edit.
 * Version 2 holds accounts and watched users; version 1's one product and list of names become
 * the first account's (idempotent: a page of that version may still write a value unmarked).
 */
export const SETTINGS: ItemDefinition<Settings> = {
  key: 'settings',
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: (old) => (isRecord(old) ? upgradeSingleAccount(old) : old) },
};

/**
 * Version 2 records the API timezone the hours were read under (a version 1 cache was read under
 * the current one); version 3 keys users by account too.
 */
export const USAGE_CACHE: ItemDefinition<UsageCache> = {
  key: 'usageCache',
  fallback: EMPTY_CACHE,
  version: 3,
  migrations: {
    2: (old) => ({ ...(old as Omit<UsageCache, 'apiTimezone'>), apiTimezone: null }),
    3: (old) => migrateUsageCacheV2(old as UsageCache),
  },
};

/**
 * The hours the popup shows (usage/recent.ts), written with the cache: what the popup reads on
 * opening instead of the whole week.
 */
export const RECENT_USAGE: ItemDefinition<RecentUsage> = { key: 'recentUsage', fallback: EMPTY_RECENT, version: 1 };

/**
 * Each watched user's complete days from the daily endpoint (usage/daily.ts), up to 200 days:
 * the cycle's days beyond the week of hours, and the details page's history.
 */
export const DAILY_USAGE: ItemDefinition<DailyUsage> = { key: 'dailyUsage', fallback: EMPTY_DAILY, version: 1 };

/**
 * Version 2 added retry, cycle progress and failure times; version 3 the failed users' names and
 * background errors; version 4 stores an unusable answer's detail as a kind, not English words;
 * version 5 keeps each account's failures apart; version 6 each user's daily figures' failure.
 */
export const POLL_STATUS: ItemDefinition<PollStatus> = {
  key: 'pollStatus',
  fallback: INITIAL_STATUS,
  version: 6,
  migrations: {
    2: (old) => migratePollStatusV1(old as PollStatusV1),
    3: (old) => migratePollStatusV2(old as PollStatusV2),
    4: (old) => migratePollStatusV3(old as PollStatusV3),
    5: (old) => migratePollStatusV4(old as PollStatusV4),
    6: (old) => migratePollStatusV5(old as PollStatusV5),
  },
};

/**
 * Version 2 records when the rules were last evaluated and which ended hours they judged;
 * version 3 names the account in its keys.
 */
export const ALERT_LOG: ItemDefinition<AlertLog> = {
  key: 'alertLog',
  fallback: EMPTY_ALERT_LOG,
  version: 3,
  migrations: {
    2: (old) => migrateAlertLogV1(old as Pick<AlertLog, 'fired'>),
    3: (old) => migrateAlertLogV2(old as AlertLog),
  },
};

/**
 * Version 2 reads user-list's figures as the MB they are, and keeps each endpoint's error apart;
 * version 3 stores an unusable answer's detail as a kind, not English words; version 4 holds
 * each account's figures; version 5 their wallet.
 */
export const ACCOUNT: ItemDefinition<AccountSnapshot> = {
  key: 'account',
  fallback: EMPTY_ACCOUNT,
  version: 5,
  migrations: {
    2: (old) => migrateAccountV1(old as AccountSnapshotV1),
    3: (old) => migrateAccountV2(old as AccountSnapshotV2),
    4: (old) => migrateAccountV3(old as AccountSnapshotV3),
    5: (old) => migrateAccountV4(old as AccountSnapshotV4),
  },
};

/**
 * An item's value as `storage.local.get` answered it (with its version key), brought to the
 * current version through the same steps @wxt-dev/storage runs: no version is version 1.
 * Undefined for nothing stored, or a value a newer version of the extension wrote, which this
 * version cannot read.
 */
export function currentValue(definition: ItemDefinition<unknown>, stored: Readonly<Record<string, unknown>>): unknown {
  let value = stored[definition.key];
  if (value === undefined || value === null) return undefined;
  const meta = stored[versionKey(definition.key)];
  const from = isRecord(meta) && typeof meta.v === 'number' ? meta.v : 1;
  if (from > definition.version) return undefined;
  for (let next = from + 1; next <= definition.version; next += 1) value = definition.migrations?.[next]?.(value) ?? value;
  return value;
}
