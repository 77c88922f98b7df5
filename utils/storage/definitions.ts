import { EMPTY_ACCOUNT, migrateAccountV1, type AccountSnapshot, type AccountSnapshotV1 } from '@/utils/account/account-snapshot';
import { EMPTY_ALERT_LOG, migrateAlertLogV1, type AlertLog } from '@/utils/alerts/log';
import { isRecord } from '@/utils/base/is-record';
import {
  INITIAL_STATUS,
  migratePollStatusV1,
  migratePollStatusV2,
  type PollStatus,
  type PollStatusV1,
  type PollStatusV2,
} from '@/utils/poll/status';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/model';
import { EMPTY_CACHE, type UsageCache } from '@/utils/usage/cache';

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

/**
 * The token has an item of its own, in `local` only (never `sync`), so that no
 * other stored value, export or log ever needs to hold it.
 */
export const TOKEN: ItemDefinition<string> = { key: 'apiToken', fallback: '', version: 1 };

/** Read through `coerceSettings`: stored values may come from an older version or a hand edit. */
export const SETTINGS: ItemDefinition<Settings> = { key: 'settings', fallback: DEFAULT_SETTINGS, version: 1 };

/** Version 2 records the API timezone the hours were read under; a version 1 cache was read under the current one. */
export const USAGE_CACHE: ItemDefinition<UsageCache> = {
  key: 'usageCache',
  fallback: EMPTY_CACHE,
  version: 2,
  migrations: { 2: (old) => ({ ...(old as Omit<UsageCache, 'apiTimezone'>), apiTimezone: null }) },
};

/** Version 2 added retry, cycle progress and failure times; version 3 the failed users' names and background errors. */
export const POLL_STATUS: ItemDefinition<PollStatus> = {
  key: 'pollStatus',
  fallback: INITIAL_STATUS,
  version: 3,
  migrations: {
    2: (old) => migratePollStatusV1(old as PollStatusV1),
    3: (old) => migratePollStatusV2(old as PollStatusV2),
  },
};

/** Version 2 records when the rules were last evaluated and which ended hours they judged. */
export const ALERT_LOG: ItemDefinition<AlertLog> = {
  key: 'alertLog',
  fallback: EMPTY_ALERT_LOG,
  version: 2,
  migrations: { 2: (old) => migrateAlertLogV1(old as Pick<AlertLog, 'fired'>) },
};

/** Version 2 reads user-list's figures as the MB they are, and keeps each endpoint's error apart. */
export const ACCOUNT: ItemDefinition<AccountSnapshot> = {
  key: 'account',
  fallback: EMPTY_ACCOUNT,
  version: 2,
  migrations: { 2: (old) => migrateAccountV1(old as AccountSnapshotV1) },
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
