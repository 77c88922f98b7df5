import type { WatchKey } from '@/utils/settings/watched';
import { addDays, daysBetween, type DayKey } from '@/utils/time/day-keys';
import { MAX_DAILY_SPAN_DAYS, type DailyUsage, type DayRange } from '@/utils/usage/daily';
import { dayBuckets, earliestAskableDay, previousRange, type DayBuckets, type ResolvedRange } from './range';

/** One request to the daily endpoint: a user's run of missing days, at most 180 of them (10021). */
export interface DayRequest {
  readonly key: WatchKey;
  readonly range: DayRange;
}

/**
 * The days a range shows that only the daily endpoint can give: complete days (today comes from
 * the hours), not older than it still answers. An hourly range needs none: it reads the cache.
 */
export function askableDays(range: ResolvedRange, today: DayKey): DayKey[] {
  if (range.granularity === 'hour') return [];
  const earliest = earliestAskableDay(today);
  return range.days.filter((day) => day < today && day >= earliest);
}

/**
 * The days a daily range fetches: the range and the period before it, as one span so each user's
 * days are one request; only the range when the period before starts older than the endpoint
 * answers, since no comparison could be made of a part of it (180 days: the 180 before).
 */
export function comparedSpan(range: DayBuckets, today: DayKey): DayBuckets {
  const before = previousRange(range);
  return before.first < earliestAskableDay(today) ? range : dayBuckets(before.first, range.last);
}

/** Runs of consecutive days, each cut to at most `MAX_DAILY_SPAN_DAYS`. */
function spans(days: readonly DayKey[]): DayRange[] {
  const runs: DayRange[] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last !== undefined && addDays(last.to, 1) === day && daysBetween(last.from, day) < MAX_DAILY_SPAN_DAYS) runs[runs.length - 1] = { from: last.from, to: day };
    else runs.push({ from: day, to: day });
  }
  return runs;
}

/**
 * What the page asks for a range: per watched user (in the order given), the range's complete days
 * the store does not hold, as runs oldest first. A stored day is never asked again, so reopening
 * the page asks only what is new.
 */
export function dayFetchPlan(daily: DailyUsage, keys: readonly WatchKey[], range: ResolvedRange, today: DayKey): DayRequest[] {
  const days = [...askableDays(range, today)].sort();
  return keys.flatMap((key) => {
    const known = daily.users[key] ?? {};
    return spans(days.filter((day) => known[day] === undefined)).map((span) => ({ key, range: span }));
  });
}

/** The progress line: user-days of the plan already in the store, of all it needs. */
export interface DayFetchProgress {
  readonly fetched: number;
  readonly needed: number;
}

/** How far a plan made from an earlier store is, read against the store now. */
export function dayFetchProgress(plan: readonly DayRequest[], daily: DailyUsage): DayFetchProgress {
  let needed = 0;
  let fetched = 0;
  for (const { key, range } of plan) {
    const days = daysBetween(range.from, range.to) + 1;
    needed += days;
    const known = daily.users[key] ?? {};
    for (let index = 0; index < days; index += 1) if (known[addDays(range.from, index)] !== undefined) fetched += 1;
  }
  return { fetched, needed };
}
