import { coerceSettings } from '@/utils/settings/repair';
import { accountItem, pollStatusItem, settingsItem, tokenItem, usageCacheItem } from './items';

/** Everything a poll or a view needs from storage, read at once; settings repaired on the way. */
export async function readStoredState(allowLoopback: boolean) {
  const [rawSettings, token, cache, status, account] = await Promise.all([
    settingsItem.getValue(),
    tokenItem.getValue(),
    usageCacheItem.getValue(),
    pollStatusItem.getValue(),
    accountItem.getValue(),
  ]);
  return { settings: coerceSettings(rawSettings, allowLoopback), token, cache, status, account };
}
