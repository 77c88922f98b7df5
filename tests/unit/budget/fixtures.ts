import { KB_PER_GB } from '@/utils/base/units';
import { money } from '@/utils/base/money';
import type { ProxyType } from '@/utils/api/thordata-client';
import { DEFAULT_SETTINGS, type Budgets, type Prices, type Settings, type WatchedUser } from '@/utils/settings/model';
import type { ApiTimezone } from '@/utils/time/api-timezone';
import { addDays, type DayKey } from '@/utils/time/day-keys';
import type { DailyUsage } from '@/utils/usage/daily';
import { kbCache, type PlainUsage } from '../support/usage-fixtures';
import type { UsageCache } from '@/utils/usage/cache';

/** Thordata's GB in KB: the budgets' and prices' GB. */
export const GB = KB_PER_GB;

/** A day's hours from `from` to `to` (inclusive), each with `kbPerHour`. */
export function hoursOfDay(day: DayKey, kbPerHour: number, from = 0, to = 23): Record<string, number> {
  const hours: Record<string, number> = {};
  for (let hour = from; hour <= to; hour += 1) hours[`${day} ${String(hour).padStart(2, '0')}`] = kbPerHour;
  return hours;
}

/** Every hour of the days `from` to `to` (inclusive), each with `kbPerHour`. */
export function hoursOfDays(from: DayKey, to: DayKey, kbPerHour: number): Record<string, number> {
  const hours: Record<string, number> = {};
  for (let day = from; day <= to; day = addDays(day, 1)) Object.assign(hours, hoursOfDay(day, kbPerHour));
  return hours;
}

/** A user's cached hours, fetched at `fetchedAt`. */
export function cachedUser(hours: Record<string, number>, fetchedAt: number | null): PlainUsage {
  return { hours, fetchedAt, trafficLimitKb: null, trafficBalanceKb: null };
}

export function cacheOf(users: Record<string, PlainUsage>, apiTimezone: string | null = 'UTC'): UsageCache {
  return kbCache(users, apiTimezone);
}

/** The daily store from plain KB figures, by watch key and day. */
export function dailyOf(users: Record<string, Record<DayKey, number>>, apiTimezone: string | null = 'UTC'): DailyUsage {
  return { apiTimezone, users: users as DailyUsage['users'] };
}

/** The same figure for every day from `from` to `to` (inclusive). */
export function sameEveryDay(from: DayKey, to: DayKey, kb: number): Record<DayKey, number> {
  const days: Record<DayKey, number> = {};
  for (let day = from; day <= to; day = addDays(day, 1)) days[day] = kb;
  return days;
}

/** Prices per GB of each product, null for none. */
export function pricesOf(perGb: Partial<Record<ProxyType, number>>, currency = 'USD'): Prices {
  const price = (type: ProxyType) => (perGb[type] === undefined ? null : money(perGb[type]));
  return { currency, perGb: { 1: price(1), 2: price(2), 3: price(3) } };
}

export function settingsOf(watched: readonly WatchedUser[], extra: { prices?: Prices; budgets?: Partial<Budgets>; apiTimezone?: ApiTimezone } = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    watched,
    apiTimezone: extra.apiTimezone ?? DEFAULT_SETTINGS.apiTimezone,
    prices: extra.prices ?? DEFAULT_SETTINGS.prices,
    budgets: { ...DEFAULT_SETTINGS.budgets, ...extra.budgets },
  };
}
