import { HOUR_MS } from '@/utils/base/durations';
import type { ChartHours } from '@/utils/settings/model';
import { hourKeyAt, type HourKey } from '@/utils/time/hour-keys';
import type { ApiTimezone } from '@/utils/time/api-timezone';
import type { UsageCache, UserUsage } from './cache';

/**
 * The hours the popup shows, kept apart from the week the cache holds: the popup reads this
 * small item on opening instead of the whole week (a week of 100 users is ~450 KB, which the
 * popup waited for: docs/performance.md). The chart window, or the 25 hours of today and the
 * previous hour, whichever is longer.
 */
export interface RecentUsage extends UsageCache {
  /** How many hours, up to the one containing `at`, each user's figures cover. */
  readonly hours: number;
  readonly at: number;
}

export const EMPTY_RECENT: RecentUsage = { apiTimezone: null, users: {}, hours: 0, at: 0 };

/** Hours the popup needs for a chart window: the window, or today's and the previous hour's 25. */
export function recentHoursFor(chartHours: ChartHours): number {
  return Math.max(chartHours, 25);
}

/** The last `hours` hours of the cache as of `now`; every other figure of each user is kept. */
export function recentOf(cache: UsageCache, hours: number, now: number, tz: ApiTimezone): RecentUsage {
  const oldest: HourKey = hourKeyAt(now - (hours - 1) * HOUR_MS, tz);
  const users: Record<string, UserUsage> = {};
  for (const [key, usage] of Object.entries(cache.users)) {
    users[key] = { ...usage, hours: Object.fromEntries(Object.entries(usage.hours).filter(([hour]) => hour >= oldest)) };
  }
  return { apiTimezone: cache.apiTimezone, users, hours, at: now };
}

/**
 * Whether the recent hours answer a popup opened at `now` with this chart window: written for a
 * window at least as long, and not after `now`. A later popup's window starts later, inside the
 * recent hours (no item holds hours after they were written); a clock set back would reach
 * before them. Else the popup reads the whole cache.
 */
export function recentCovers(recent: RecentUsage, chartHours: ChartHours, now: number): boolean {
  return recent.hours >= recentHoursFor(chartHours) && now >= recent.at;
}
