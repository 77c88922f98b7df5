import { coerceSettings } from '@/utils/settings/repair';
import { accountItem, dailyUsageItem, pollStatusItem, readTokens, settingsItem, usageCacheItem } from './items';

/** Everything a poll or a view needs from storage, read at once; settings repaired on the way. */
export async function readStoredState(allowLoopback: boolean) {
  const [rawSettings, cache, daily, status, account] = await Promise.all([
    settingsItem.getValue(),
    usageCacheItem.getValue(),
    dailyUsageItem.getValue(),
    pollStatusItem.getValue(),
    accountItem.getValue(),
  ]);
  const settings = coerceSettings(rawSettings, allowLoopback);
  return { settings, tokens: await readTokens(settings), cache, daily, status, account };
}

