import { storage } from 'wxt/utils/storage';
import { INITIAL_STATUS, type PollStatus } from './poll-status';
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

export const pollStatusItem = storage.defineItem<PollStatus>('local:pollStatus', { fallback: INITIAL_STATUS, version: 1 });

/** Every item the extension stores, for "Forget token and data". */
export const ALL_ITEMS = [tokenItem, settingsItem, usageCacheItem, pollStatusItem] as const;
