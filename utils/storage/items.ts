import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import type { Settings } from '@/utils/settings/model';
import {
  accountOfTokenKey,
  ACCOUNT,
  ALERT_LOG,
  DAILY_USAGE,
  POLL_STATUS,
  RECENT_USAGE,
  SETTINGS,
  tokenDefinition,
  USAGE_CACHE,
  type ItemDefinition,
} from './definitions';

/**
 * @wxt-dev/storage's items, in the layout it writes: the value under its key, `{ v: version }`
 * under the key plus `$`, no version meaning version 1. An item with migrations brings a stored
 * older value up to date as soon as it is defined (when the worker or a page starts), and every
 * read or write waits for that.
 */
const define = <T>(definition: ItemDefinition<T>) => storage.defineItem<T>(`local:${definition.key}`, definition);

export const settingsItem = define(SETTINGS);
export const usageCacheItem = define(USAGE_CACHE);
export const recentUsageItem = define(RECENT_USAGE);
export const dailyUsageItem = define(DAILY_USAGE);
export const pollStatusItem = define(POLL_STATUS);
export const alertLogItem = define(ALERT_LOG);
export const accountItem = define(ACCOUNT);

type TokenItem = ReturnType<typeof define<string>>;
const tokenItems = new Map<string, TokenItem>();

/** The item holding one account's token; defined once per account and worker. */
export function tokenItem(account: string): TokenItem {
  let item = tokenItems.get(account);
  if (item === undefined) {
    item = define(tokenDefinition(account));
    tokenItems.set(account, item);
  }
  return item;
}

/** The saved token of each account the settings list (empty where none is saved). */
export async function readTokens(settings: Settings): Promise<Record<string, string>> {
  const values = await Promise.all(settings.accounts.map(async ({ id }) => [id, await tokenItem(id).getValue()] as const));
  return Object.fromEntries(values);
}

/** Every token item in storage, of listed accounts or not (one removed while a page was away). */
async function storedTokenItems(): Promise<TokenItem[]> {
  const keys = Object.keys(await browser.storage.local.get(null));
  const accounts = keys.map(accountOfTokenKey).filter((account): account is string => account !== null);
  return accounts.map(tokenItem);
}

/**
 * "Forget tokens and data": every item's value and version marker. Each item then looks at
 * storage again (`migrate`), because @wxt-dev/storage writes the version with a first value only
 * if the item saw nothing stored when it last looked: a value saved after forgetting would
 * otherwise be stored unversioned, read as version 1 at the next start, and migrated again.
 */
export async function removeAllItems(): Promise<void> {
  const items = [
    settingsItem,
    usageCacheItem,
    recentUsageItem,
    dailyUsageItem,
    pollStatusItem,
    accountItem,
    alertLogItem,
    ...(await storedTokenItems()),
  ];
  await Promise.all(
    items.map(async (item) => {
      await item.removeValue({ removeMeta: true });
      await item.migrate();
    }),
  );
}
