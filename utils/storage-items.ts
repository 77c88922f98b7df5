import { EMPTY_ACCOUNT, type AccountSnapshot } from './account-snapshot';
import { EMPTY_ALERT_LOG, type AlertLog } from './alert-log';
import { INITIAL_STATUS, migratePollStatusV1, type PollStatus, type PollStatusV1 } from './poll-status';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { defineItem } from './storage-item';
import { EMPTY_CACHE, type UsageCache } from './usage-cache';

/**
 * The token has an item of its own, in `local` only (never `sync`), so that no
 * other stored value, export or log ever needs to hold it.
 */
export const tokenItem = defineItem<string>('apiToken', { fallback: '', version: 1 });

/** Read through `coerceSettings`: stored values may come from an older version or a hand edit. */
export const settingsItem = defineItem<Settings>('settings', { fallback: DEFAULT_SETTINGS, version: 1 });

export const usageCacheItem = defineItem<UsageCache>('usageCache', { fallback: EMPTY_CACHE, version: 1 });

/** Version 2 added retry, cycle progress and failure times. */
export const pollStatusItem = defineItem<PollStatus>('pollStatus', {
  fallback: INITIAL_STATUS,
  version: 2,
  migrations: { 2: (old) => migratePollStatusV1(old as PollStatusV1) },
});

export const alertLogItem = defineItem<AlertLog>('alertLog', { fallback: EMPTY_ALERT_LOG, version: 1 });

export const accountItem = defineItem<AccountSnapshot>('account', { fallback: EMPTY_ACCOUNT, version: 1 });

/** Every item the extension stores, for "Forget token and data". */
export const ALL_ITEMS = [tokenItem, settingsItem, usageCacheItem, pollStatusItem, accountItem, alertLogItem] as const;
