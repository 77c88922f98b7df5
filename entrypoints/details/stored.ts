import type { DetailsStored } from '@/components/details/DetailsPage';
import { isRecord } from '@/utils/base/is-record';
import { usageRecords } from '@/utils/budget/day-totals';
import { INITIAL_STATUS, type PollStatus } from '@/utils/poll/status';
import type { PopupApi } from '@/utils/popup/stored-reads';
import { coerceSettings } from '@/utils/settings/repair';
import { currentValue, DAILY_USAGE, POLL_STATUS, SETTINGS, USAGE_CACHE, versionKey } from '@/utils/storage/definitions';
import type { ApiTimezone } from '@/utils/time/api-timezone';
import { EMPTY_CACHE, type UsageCache } from '@/utils/usage/cache';
import { dailyFor, EMPTY_DAILY, type DailyUsage } from '@/utils/usage/daily';

/**
 * The page reads storage as the popup does (utils/popup/stored-reads.ts): one `storage.local.get`
 * of its items' keys and version keys, each brought to its current version by the item's own
 * migrations. It reads no token: the background makes every request.
 */
const DEFINITIONS = [SETTINGS, USAGE_CACHE, DAILY_USAGE, POLL_STATUS];
export const DETAILS_KEYS: readonly string[] = DEFINITIONS.flatMap(({ key }) => [key, versionKey(key)]);
const DAILY_KEYS = [DAILY_USAGE.key, versionKey(DAILY_USAGE.key)];

function dailyOf(items: Record<string, unknown>, tz: ApiTimezone): DailyUsage {
  const daily = currentValue(DAILY_USAGE, items);
  return isRecord(daily) && isRecord(daily.users) ? dailyFor(daily as unknown as DailyUsage, tz) : EMPTY_DAILY;
}

/** What the page shows from storage's items; odd shapes read as empty, figures read under another API timezone as none. */
export function detailsStoredFrom(items: Record<string, unknown>, allowLoopback: boolean): DetailsStored {
  const settings = coerceSettings(currentValue(SETTINGS, items), allowLoopback);
  const cache = currentValue(USAGE_CACHE, items);
  const status = currentValue(POLL_STATUS, items);
  return {
    settings,
    records: usageRecords(isRecord(cache) && isRecord(cache.users) ? (cache as unknown as UsageCache) : EMPTY_CACHE, dailyOf(items, settings.apiTimezone), settings.apiTimezone),
    status: isRecord(status) ? (status as unknown as PollStatus) : INITIAL_STATUS,
  };
}

export async function readDetailsItems(api: PopupApi): Promise<Record<string, unknown>> {
  return api.storage.local.get([...DETAILS_KEYS]);
}

/** The complete days as stored now: the progress line counts what a run added. */
export async function readDaily(api: PopupApi, tz: ApiTimezone): Promise<DailyUsage> {
  return dailyOf(await api.storage.local.get([...DAILY_KEYS]), tz);
}

/**
 * Calls `onChange` with the page's items a change in `storage.local` touched, as they are now
 * (read again, so their migrations apply); returns the way to stop.
 */
export function watchDetailsItems(api: PopupApi, onChange: (items: Record<string, unknown>) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    const keys = DEFINITIONS.filter(({ key }) => key in changes || versionKey(key) in changes).flatMap(({ key }) => [key, versionKey(key)]);
    // A removed item (Forget token and data) reads as absent, not as what the page knew.
    if (keys.length > 0) void api.storage.local.get(keys).then((items) => onChange(Object.fromEntries(keys.map((key) => [key, items[key]]))));
  };
  api.storage.onChanged.addListener(listener);
  return () => api.storage.onChanged.removeListener(listener);
}
