import type { ProxyType } from '@/utils/api/thordata-client';
import { kb, type Kb } from '@/utils/base/units';
import { keyedDay, todayKb, userDays, type UsageRecords } from '@/utils/budget/day-totals';
import { startOfDay } from '@/utils/budget/time-spans';
import type { WatchedUser } from '@/utils/settings/model';
import { watchKey, type WatchKey } from '@/utils/settings/watched';
import { dayKeyAt } from '@/utils/time/day-keys';
import { EMPTY_OVERLAY, knownHour, type HourOverlay } from './hour-fetches';
import type { ResolvedRange } from './range';

/** How the chart's bars are stacked and the table's columns split. */
export type StackBy = 'user' | 'product';

/** One stacked series: a watched user, or one product over the watched users of it. */
export type SeriesOf = { readonly kind: 'user'; readonly key: WatchKey; readonly user: WatchedUser } | { readonly kind: 'product'; readonly proxyType: ProxyType };

export interface DetailSeries {
  readonly of: SeriesOf;
  /** Aligned with the buckets; null where some user's figure is not known yet (not fetched), never 0. */
  readonly values: readonly (Kb | null)[];
  /** Null when some bucket is unknown. */
  readonly total: Kb | null;
}

/** What the chart and the table show for a range. */
export interface DetailFigures {
  /** Hour keys or day keys, oldest first, as the range resolved them. */
  readonly buckets: readonly string[];
  readonly series: readonly DetailSeries[];
  /** Each bucket over every series; null where any is unknown. */
  readonly bucketTotals: readonly (Kb | null)[];
  readonly total: Kb | null;
}

/** Sums figures, unknown as soon as one is. */
function sumKnown(values: Iterable<Kb | null>): Kb | null {
  let total = 0;
  for (const value of values) {
    if (value === null) return null;
    total += value;
  }
  return kb(total);
}

/** Today so far, from the hours: known once the user was fetched since today began. */
function userToday(records: UsageRecords, key: WatchKey, today: string, now: number): Kb | null {
  const fetchedAt = records.cache.users[key]?.fetchedAt ?? null;
  return fetchedAt !== null && fetchedAt >= startOfDay(today, records.tz) ? todayKb(records.cache, key, now, records.tz) : null;
}

/**
 * One user's figure per bucket: an hour from the cache or the hours fetched for the page; a complete day as the budgets read it
 * (the daily store, else 24 cached hours fetched after it ended: `userDays`); today from its hours.
 */
function userValues(records: UsageRecords, overlay: HourOverlay, key: WatchKey, range: ResolvedRange, now: number): (Kb | null)[] {
  if (range.granularity === 'hour') return range.hours.map((hour) => knownHour(records, overlay, key, hour));
  const today = dayKeyAt(now, records.tz);
  const past = range.days.filter((day) => day < today);
  const pastValues = userDays(records, key, past.map((day) => keyedDay(day, records.tz)));
  return range.days.map((day, index) => (day < today ? (pastValues[index] ?? null) : day === today ? userToday(records, key, today, now) : null));
}

function series(of: SeriesOf, values: readonly (Kb | null)[]): DetailSeries {
  return { of, values, total: sumKnown(values) };
}

/** The watched products, in their own order, each with the values of its users summed. */
function byProduct(users: readonly { user: WatchedUser; values: (Kb | null)[] }[], bucketCount: number): DetailSeries[] {
  const products = [...new Set(users.map(({ user }) => user.proxyType))].sort();
  return products.map((proxyType) => {
    const own = users.filter(({ user }) => user.proxyType === proxyType);
    const values = Array.from({ length: bucketCount }, (_, index) => sumKnown(own.map(({ values: userFigures }) => userFigures[index] ?? null)));
    return series({ kind: 'product', proxyType }, values);
  });
}

/**
 * The range's figures over the watched users, stacked by user (in the watched order) or by product;
 * `overlay` holds the hours fetched for the page beyond the cached week.
 */
export function detailFigures(
  records: UsageRecords,
  watched: readonly WatchedUser[],
  range: ResolvedRange,
  stackBy: StackBy,
  now: number,
  overlay: HourOverlay = EMPTY_OVERLAY,
): DetailFigures {
  const buckets = range.granularity === 'hour' ? range.hours : range.days;
  const users = watched.map((user) => ({ user, values: userValues(records, overlay, watchKey(user), range, now) }));
  const stacked =
    stackBy === 'user' ? users.map(({ user, values }) => series({ kind: 'user', key: watchKey(user), user }, values)) : byProduct(users, buckets.length);
  const bucketTotals = buckets.map((_, index) => sumKnown(stacked.map((entry) => entry.values[index] ?? null)));
  return { buckets, series: stacked, bucketTotals, total: sumKnown(bucketTotals) };
}
