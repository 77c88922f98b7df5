import { storage } from '@wxt-dev/storage';
import { ACCOUNT, ALERT_LOG, POLL_STATUS, SETTINGS, TOKEN, USAGE_CACHE, type ItemDefinition } from './definitions';

/**
 * @wxt-dev/storage's items, in the layout it writes: the value under its key, `{ v: version }`
 * under the key plus `$`, no version meaning version 1. An item with migrations brings a stored
 * older value up to date as soon as it is defined (when the worker or a page starts), and every
 * read or write waits for that.
 */
const define = <T>(definition: ItemDefinition<T>) => storage.defineItem<T>(`local:${definition.key}`, definition);

export const tokenItem = define(TOKEN);
export const settingsItem = define(SETTINGS);
export const usageCacheItem = define(USAGE_CACHE);
export const pollStatusItem = define(POLL_STATUS);
export const alertLogItem = define(ALERT_LOG);
export const accountItem = define(ACCOUNT);

/** Every item the extension stores, for "Forget token and data". */
export const ALL_ITEMS = [tokenItem, settingsItem, usageCacheItem, pollStatusItem, accountItem, alertLogItem] as const;

/**
 * "Forget token and data": every item's value and version marker. Each item then looks at
 * storage again (`migrate`), because @wxt-dev/storage writes the version with a first value only
 * if the item saw nothing stored when it last looked: a value saved after forgetting would
 * otherwise be stored unversioned, read as version 1 at the next start, and migrated again.
 */
export async function removeAllItems(): Promise<void> {
  await Promise.all(
    ALL_ITEMS.map(async (item) => {
      await item.removeValue({ removeMeta: true });
      await item.migrate();
    }),
  );
}
