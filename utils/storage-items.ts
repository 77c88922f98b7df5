import { storage } from 'wxt/utils/storage';
import { EMPTY_ACCOUNT, type AccountSnapshot } from './account-snapshot';
import { EMPTY_ALERT_LOG, type AlertLog } from './alert-log';
import { INITIAL_STATUS, migratePollStatusV1, type PollStatus, type PollStatusV1 } from './poll-status';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { EMPTY_CACHE, type UsageCache } from './usage-cache';

/**
 * The token has an item of its own, in `local` only (never `sync`), so that no
 * other stored value, export or log ever needs to hold it.
 */
export const tokenItem = storage.defineItem<string>('local:apiToken', { fallback: '', version: 1 });

/** Read through `coerceSettings`: stored values may come from an older version or a hand edit. */
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });

export const usageCacheItem = storage.defineItem<UsageCache>('local:usageCache', { fallback: EMPTY_CACHE, version: 1 });

/** Version 2 added retry, cycle progress and failure times. */
export const pollStatusItem = storage.defineItem<PollStatus>('local:pollStatus', {
  fallback: INITIAL_STATUS,
  version: 2,
  migrations: { 2: (old: PollStatusV1) => migratePollStatusV1(old) },
});

export const alertLogItem = storage.defineItem<AlertLog>('local:alertLog', { fallback: EMPTY_ALERT_LOG, version: 1 });

export const accountItem = storage.defineItem<AccountSnapshot>('local:account', { fallback: EMPTY_ACCOUNT, version: 1 });

/** Every item the extension stores, for "Forget token and data". */
export const ALL_ITEMS = [tokenItem, settingsItem, usageCacheItem, pollStatusItem, accountItem, alertLogItem] as const;
