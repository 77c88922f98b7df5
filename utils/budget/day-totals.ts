import { kb, type Kb } from '@/utils/base/units';
import { formatApiTimezone, type ApiTimezone } from '@/utils/time/api-timezone';
import { addDays, type DayKey } from '@/utils/time/day-keys';
import { hourKeyAt, type HourKey } from '@/utils/time/hour-keys';
import type { WatchKey } from '@/utils/settings/watched';
import { cacheFor, type UsageCache, type UserUsage } from '@/utils/usage/cache';
import type { DailyUsage } from '@/utils/usage/daily';
import { hoursReachBackTo } from './hour-windows';
import { daySpan, type DaySpan } from './time-spans';

/** The hours and the complete days as they stand under the API timezone setting. */
export interface UseRecords {
  readonly cache: UsageCache;
  readonly daily: DailyUsage;
  readonly tz: ApiTimezone;
}

/**
 * Both stores read under `tz`: days or hours read under another timezone setting are other
 * days and hours, so they count for nothing (they are read again); a store from before the
 * setting was recorded was read under the current one.
 */
export function useRecords(cache: UsageCache, daily: DailyUsage, tz: ApiTimezone): UseRecords {
  const sameReading = daily.apiTimezone == null || daily.apiTimezone === formatApiTimezone(tz);
  return { cache: cacheFor(cache, tz), daily: sameReading ? daily : { apiTimezone: formatApiTimezone(tz), users: {} }, tz };
}

/** A day's hour keys, 00 to 23; across DST a key the day lacks has no figure, and a repeated hour has one key. */
export function hourKeysOf(day: DayKey): HourKey[] {
  return Array.from({ length: 24 }, (_, hour) => `${day} ${String(hour).padStart(2, '0')}`);
}

/** A user's cached use over the given hours; an hour missing from the cache had no traffic. */
export function hoursKb(usage: UserUsage | undefined, hours: readonly HourKey[]): Kb {
  return kb(usage === undefined ? 0 : hours.reduce((sum, hour) => sum + (usage.hours[hour] ?? 0), 0));
}

/**
 * Whether the cache holds every hour of a day for this user, final: fetched after the day
 * ended, and the day still inside the week that fetch kept (retention). The poll asks from the
 * last fetch on, so the hours between the retention start and the fetch are all there.
 */
function hoursCoverDay(usage: UserUsage, span: DaySpan, tz: ApiTimezone): boolean {
  return usage.fetchedAt !== null && usage.fetchedAt >= span.endMs && hoursReachBackTo(usage, `${span.day} 00`, tz);
}

/** A user's use on a complete day: the daily store's figure, else its hours when the cache holds the whole day, else unknown. */
export function completeDayKb(records: UseRecords, key: WatchKey, span: DaySpan): Kb | null {
  const stored = records.daily.users[key]?.[span.day];
  if (stored !== undefined) return stored;
  const usage = records.cache.users[key];
  return usage !== undefined && hoursCoverDay(usage, span, records.tz) ? hoursKb(usage, hourKeysOf(span.day)) : null;
}

/** A user's use today so far: today's hours in the cache, up to the current one. */
export function todayKb(cache: UsageCache, key: WatchKey, now: number, tz: ApiTimezone): Kb {
  const current = hourKeyAt(now, tz);
  return hoursKb(cache.users[key], hourKeysOf(current.slice(0, 10)).filter((hour) => hour <= current));
}

/** The days `count` back from today, oldest first, today excluded. */
export function daysBefore(today: DayKey, count: number, tz: ApiTimezone): DaySpan[] {
  return Array.from({ length: count }, (_, index) => daySpan(addDays(today, index - count), tz));
}

/** The days among `spans` whose use is known for every one of the users. */
export function daysKnownForAll(records: UseRecords, keys: readonly WatchKey[], spans: readonly DaySpan[]): DaySpan[] {
  return spans.filter((span) => keys.every((key) => completeDayKb(records, key, span) !== null));
}

/** The forecasts look back this many complete days: the last 7 days' rate, and how much history is known. */
export const HISTORY_DAYS = 7;

/** The cycle's days before today not known for some watched user: its figures are partial until they are fetched. */
export function missingDays(records: UseRecords, keys: readonly WatchKey[], cycleDays: readonly DaySpan[]): number {
  return cycleDays.length - daysKnownForAll(records, keys, cycleDays).length;
}
