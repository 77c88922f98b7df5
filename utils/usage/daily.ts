import type { DayRow } from '@/utils/api/answers';
import { formatApiTimezone, type ApiTimezone } from '@/utils/time/api-timezone';
import { addDays, daysFromTo, type DayKey } from '@/utils/time/day-keys';
import type { WatchKey } from '@/utils/settings/watched';
import { kb, type Kb } from '@/utils/base/units';

/**
 * Complete days of each watched user, from the daily endpoint (`proxy-users/usage-statistics`,
 * KB). A complete day never changes, so each is asked once and kept; a day the answer covered
 * but left out is stored as 0 (no traffic), so that "known" and "asked" are the same thing.
 * Today is never here: it comes from the hours.
 */
export interface DailyUsage {
  /** The API timezone setting (stored form) the days were read under; another setting's days are dropped. */
  readonly apiTimezone: string | null;
  readonly users: Readonly<Record<WatchKey, Readonly<Record<DayKey, Kb>>>>;
}

export const EMPTY_DAILY: DailyUsage = { apiTimezone: null, users: {} };

/**
 * Days kept per user: the details page shows up to 180 days, and a few more cover a cycle that
 * began before them. Bounded, so storage does not grow with the months.
 */
export const DAILY_RETENTION_DAYS = 200;

/** The longest span the daily endpoint answers: it refuses more than 180 days (10021). */
export const MAX_DAILY_SPAN_DAYS = 180;

/** A run of days, both ends included. */
export interface DayRange {
  readonly from: DayKey;
  readonly to: DayKey;
}

/**
 * The days as they stand under `tz`: themselves when read under that setting, none when read
 * under another (a day cut at another midnight is another figure), so they are asked again.
 */
export function dailyFor(daily: DailyUsage, tz: ApiTimezone): DailyUsage {
  const reading = formatApiTimezone(tz);
  if (daily.apiTimezone === reading) return daily;
  // `== null`: a value read raw from storage may lack the field; with it null, no day was ever read.
  if (daily.apiTimezone == null) return { apiTimezone: reading, users: daily.users ?? {} };
  return { apiTimezone: reading, users: {} };
}

/** The oldest day kept when today is `today`. */
export function dailyRetentionStart(today: DayKey): DayKey {
  return addDays(today, -DAILY_RETENTION_DAYS);
}

function daysFrom(days: Readonly<Record<DayKey, Kb>>, keepFrom: DayKey): Record<DayKey, Kb> {
  const kept: Record<DayKey, Kb> = {};
  for (const day in days) {
    const amount = days[day];
    if (amount !== undefined && day >= keepFrom) kept[day] = amount;
  }
  return kept;
}

/**
 * Only the users still watched, and only their days from `keepFrom` (dailyRetentionStart) on.
 * The same value when nothing goes, so that a save can tell the days did not change and skip
 * writing them.
 */
export function keepDailyUsers(daily: DailyUsage, keys: readonly WatchKey[], keepFrom: DayKey): DailyUsage {
  const users: Record<WatchKey, Record<DayKey, Kb>> = {};
  let changed = false;
  for (const key of keys) {
    const days = daily.users[key];
    if (days === undefined) continue;
    const kept = daysFrom(days, keepFrom);
    users[key] = kept;
    changed ||= Object.keys(kept).length !== Object.keys(days).length;
  }
  changed ||= Object.keys(users).length !== Object.keys(daily.users).length;
  return changed ? { ...daily, users } : daily;
}

/**
 * One user's answer for `range` merged in: every day of the range becomes known, 0 where the
 * answer left it out (no traffic); a row outside the range is not trusted as complete and is
 * dropped, as are the user's days before `keepFrom`.
 */
export function mergeDailyAnswer(daily: DailyUsage, key: WatchKey, range: DayRange, rows: readonly DayRow[], keepFrom: DayKey): DailyUsage {
  const days = daysFrom(daily.users[key] ?? {}, keepFrom);
  for (const day of daysFromTo(range.from, range.to)) if (day >= keepFrom) days[day] = kb(0);
  for (const row of rows) if (row.day >= range.from && row.day <= range.to && row.day >= keepFrom) days[row.day] = row.kb;
  return { ...daily, users: { ...daily.users, [key]: days } };
}

/**
 * What to ask the daily endpoint for one user: from the first day from `neededFrom` through
 * `lastComplete` the store does not know, to `lastComplete`; null when every one is known. Never
 * more than the endpoint answers (MAX_DAILY_SPAN_DAYS back from `lastComplete`).
 */
export function daysToAsk(daily: DailyUsage, key: WatchKey, neededFrom: DayKey, lastComplete: DayKey): DayRange | null {
  const earliest = addDays(lastComplete, -(MAX_DAILY_SPAN_DAYS - 1));
  const known = daily.users[key] ?? {};
  for (const day of daysFromTo(neededFrom > earliest ? neededFrom : earliest, lastComplete)) {
    if (known[day] === undefined) return { from: day, to: lastComplete };
  }
  return null;
}
