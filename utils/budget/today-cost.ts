import type { Money } from '@/utils/base/money';
import type { Settings } from '@/utils/settings/model';
import { watchKey } from '@/utils/settings/watched';
import { cacheFor, type UsageCache } from '@/utils/usage/cache';
import { anyWatchedPrice, costOf } from './cost';
import { todayKb } from './day-totals';

/**
 * Today's cost over everything watched, for the badge when it shows cost: the hours alone, no
 * complete days needed. Null when no watched product has a price.
 */
export function todayCost(settings: Settings, cache: UsageCache, now: number): Money | null {
  const { watched, prices, apiTimezone } = settings;
  if (!anyWatchedPrice(watched, prices)) return null;
  const hours = cacheFor(cache, apiTimezone);
  return costOf(watched.map((user) => ({ user, kb: todayKb(hours, watchKey(user), now, apiTimezone) })), prices);
}
