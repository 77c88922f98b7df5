import type { ApiTimezone } from '@/utils/time/api-timezone';
import { recentHourKeys, type HourKey } from '@/utils/time/hour-keys';
import { retentionStart, type UserUsage } from '@/utils/usage/cache';

/** The 24 whole hours before the current one: the last 24 hours' rate is measured on them. */
export function last24HourKeys(now: number, tz: ApiTimezone): HourKey[] {
  return recentHourKeys(now, 25, tz).slice(0, -1);
}

/** Android's "rapid use" looks at the last 4 days. */
export const RAPID_USE_HOURS = 96;

/** The current hour and the 95 before it. */
export function last96HourKeys(now: number, tz: ApiTimezone): HourKey[] {
  return recentHourKeys(now, RAPID_USE_HOURS, tz);
}

/**
 * Whether a user's cached hours reach back to `first`: fetched at least once, and `first` still
 * inside the week that fetch kept. A user never fetched has no hours to speak of, not zero.
 */
export function hoursReachBackTo(usage: UserUsage | undefined, first: HourKey, tz: ApiTimezone): boolean {
  const fetchedAt = usage?.fetchedAt ?? null;
  return fetchedAt !== null && first >= retentionStart(fetchedAt, tz);
}
