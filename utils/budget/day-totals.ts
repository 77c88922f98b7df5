import { kb, type Kb } from '@/utils/base/units';
import { formatApiTimezone, type ApiTimezone } from '@/utils/time/api-timezone';
import type { DayKey } from '@/utils/time/day-keys';
import { hourKeyAt, type HourKey } from '@/utils/time/hour-keys';
import type { WatchKey } from '@/utils/settings/watched';
import { cacheFor, type UsageCache, type UserUsage } from '@/utils/usage/cache';
import type { DailyUsage } from '@/utils/usage/daily';
import { keptFrom } from './hour-windows';
import { daySpan, type DaySpan } from './time-spans';

/** The hours and the complete days as they stand under the API timezone setting. */
export interface UsageRecords {
  readonly cache: UsageCache;
  readonly daily: DailyUsage;
  readonly tz: ApiTimezone;
}

/**
 * Both stores read under `tz`: days or hours read under another timezone setting are other
 * days and hours, so they count for nothing (they are read again); a store from before the
 * setting was recorded was read under the current one.
 */
export function usageRecords(cache: UsageCache, daily: DailyUsage, tz: ApiTimezone): UsageRecords {
  const sameReading = daily.apiTimezone == null || daily.apiTimezone === formatApiTimezone(tz);
  return { cache: cacheFor(cache, tz), daily: sameReading ? daily : { apiTimezone: formatApiTimezone(tz), users: {} }, tz };
}

/** A day's hour keys, 00 to 23; across DST a key the day lacks has no figure, and a repeated hour has one key. */
export function hourKeysOf(day: DayKey): HourKey[] {
  return Array.from({ length: 24 }, (_, hour) => `${day} ${String(hour).padStart(2, '0')}`);
}

/** A user's cached use over the given hours; an hour missing from the cache had no traffic. */
export function hoursKb(usage: UserUsage | undefined, hours: readonly HourKey[]): Kb {
  let total = 0;
  if (usage !== undefined) for (const hour of hours) total += usage.hours[hour] ?? 0;
  return kb(total);
}

/**
 * A day with its hour keys, made once and shared by every user: building the keys again per
 * user and day was most of the spend view's time at 500 users.
 */
export interface KeyedDay extends DaySpan {
  readonly hours: readonly HourKey[];
}

export function keyedDay(day: DayKey, tz: ApiTimezone): KeyedDay {
  return { ...daySpan(day, tz), hours: hourKeysOf(day) };
}

/**
 * A user's use on each complete day: the daily store's figure, else the sum of the day's cached
 * hours when the cache holds them all, final (fetched after the day ended, the day inside the
 * week that fetch kept), else null: not known yet.
 */
export function userDays(records: UsageRecords, key: WatchKey, days: readonly KeyedDay[]): (Kb | null)[] {
  const stored = records.daily.users[key];
  const usage = records.cache.users[key];
  const oldest = keptFrom(usage, records.tz);
  const fetchedAt = usage?.fetchedAt ?? null;
  return days.map((day) => {
    const figure = stored?.[day.day];
    if (figure !== undefined) return figure;
    const covered = oldest !== null && fetchedAt !== null && fetchedAt >= day.endMs && `${day.day} 00` >= oldest;
    return covered ? hoursKb(usage, day.hours) : null;
  });
}

/** A user's use today so far: today's hours in the cache, up to the current one. */
export function todayKb(cache: UsageCache, key: WatchKey, now: number, tz: ApiTimezone): Kb {
  const current = hourKeyAt(now, tz);
  return hoursKb(cache.users[key], hourKeysOf(current.slice(0, 10)).filter((hour) => hour <= current));
}

/** For each of `count` days, whether every user's figure is known, given each user's `userDays`. */
export function knownForEveryone(perUser: readonly (readonly (Kb | null)[])[], count: number): boolean[] {
  return Array.from({ length: count }, (_, index) => perUser.every((days) => days[index] != null));
}

/** The forecasts look back this many complete days: the last 7 days' rate, and how much history is known. */
export const HISTORY_DAYS = 7;

/** The cycle's days before today not known for some watched user, given each user's `userDays` of them: the cycle's figures are partial until they are fetched. */
export function missingDays(perUser: readonly (readonly (Kb | null)[])[], count: number): number {
  return knownForEveryone(perUser, count).filter((known) => !known).length;
}
