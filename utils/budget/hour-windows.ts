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
 * The oldest hour a user's cached hours hold: the start of the week its last fetch kept (the
 * poll asks from the previous fetch on, and a first fetch for the whole week, so every hour from
 * there to the fetch is known). Null when never fetched: no hours to speak of, not zero.
 */
export function keptFrom(usage: UserUsage | undefined, tz: ApiTimezone): HourKey | null {
  const fetchedAt = usage?.fetchedAt ?? null;
  return fetchedAt === null ? null : retentionStart(fetchedAt, tz);
}

/** Whether a user's cached hours reach back to `first`. */
export function hoursReachBackTo(usage: UserUsage | undefined, first: HourKey, tz: ApiTimezone): boolean {
  const oldest = keptFrom(usage, tz);
  return oldest !== null && first >= oldest;
}
