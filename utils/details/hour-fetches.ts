import { kb, type Kb } from '@/utils/base/units';
import type { UsageRecords } from '@/utils/budget/day-totals';
import { hoursReachBackTo } from '@/utils/budget/hour-windows';
import { startOfHour } from '@/utils/budget/time-spans';
import type { WatchKey } from '@/utils/settings/watched';
import { dayKeyAt } from '@/utils/time/day-keys';
import { dayOfHourKey, hourKeyAt, type HourKey } from '@/utils/time/hour-keys';
import { earliestAskableDay } from './range';
import type { UserUsage } from '@/utils/usage/cache';

/** Hours the page asked `fetch-hours` for: known only for the spans asked, kept in the page's memory. */
export interface FetchedSpan {
  readonly from: HourKey;
  readonly to: HourKey;
}

interface FetchedUser {
  readonly spans: readonly FetchedSpan[];
  readonly hours: Readonly<Record<HourKey, Kb>>;
}

/**
 * The hours fetched on demand (the previous week of the 7 d comparison, a drilled day older than
 * the cached week), read beside the cache by `detailFigures`. Never stored: the background keeps
 * the week it polls, and an hour older than that is asked again when a page needs it.
 */
export interface HourOverlay {
  readonly users: Readonly<Record<WatchKey, FetchedUser>>;
}

export const EMPTY_OVERLAY: HourOverlay = { users: {} };

/** The overlay with a user's answer for `from`…`to`: an hour of the span absent from the answer had no traffic. */
export function withFetchedHours(overlay: HourOverlay, key: WatchKey, span: FetchedSpan, hours: Readonly<Record<HourKey, Kb>>): HourOverlay {
  const known = overlay.users[key];
  const kept: Record<HourKey, Kb> = { ...known?.hours };
  for (const [hour, value] of Object.entries(hours)) if (hour >= span.from && hour <= span.to) kept[hour] = value;
  return { users: { ...overlay.users, [key]: { spans: [...(known?.spans ?? []), span], hours: kept } } };
}

/** A user's fetched hour: null when no span asked covered it. Hour keys sort as the hours do. */
export function overlayHour(overlay: HourOverlay, key: WatchKey, hour: HourKey): Kb | null {
  const user = overlay.users[key];
  if (user === undefined || !user.spans.some(({ from, to }) => hour >= from && hour <= to)) return null;
  return user.hours[hour] ?? kb(0);
}

/**
 * A user's cached hour: known when the user's kept week reaches back to it and the last fetch came
 * after it began (a later hour was not asked yet); an hour missing from a fetched week had no traffic.
 */
function cachedHour(usage: UserUsage | undefined, hour: HourKey, records: UsageRecords): Kb | null {
  const fetchedAt = usage?.fetchedAt ?? null;
  if (fetchedAt === null || !hoursReachBackTo(usage, hour, records.tz) || fetchedAt < startOfHour(hour, records.tz)) return null;
  return usage?.hours[hour] ?? kb(0);
}

/** A user's hour as the page knows it: from the cache, else from the hours fetched for the page. */
export function knownHour(records: UsageRecords, overlay: HourOverlay, key: WatchKey, hour: HourKey): Kb | null {
  return cachedHour(records.cache.users[key], hour, records) ?? overlayHour(overlay, key, hour);
}

/** One `fetch-hours` request: a user's span of hours, answered to the page. */
export interface HourRequest {
  readonly key: WatchKey;
  readonly span: FetchedSpan;
}

/**
 * What the page asks for `hours` (a previous period's, or a drilled day's): per user (in the order
 * given), one span from the first to the last hour that neither the cache nor the overlay knows.
 * Only ended hours (the current one is the poll's), and none older than the endpoint answers.
 */
export function hourFetchPlan(records: UsageRecords, overlay: HourOverlay, keys: readonly WatchKey[], hours: readonly HourKey[], now: number): HourRequest[] {
  const current = hourKeyAt(now, records.tz);
  const earliest = earliestAskableDay(dayKeyAt(now, records.tz));
  const askable = hours.filter((hour) => hour < current && dayOfHourKey(hour) >= earliest);
  return keys.flatMap((key) => {
    const missing = askable.filter((hour) => knownHour(records, overlay, key, hour) === null);
    const from = missing[0];
    const to = missing[missing.length - 1];
    return from === undefined || to === undefined ? [] : [{ key, span: { from, to } }];
  });
}
