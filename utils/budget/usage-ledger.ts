import { kb, sumKb, ZERO_KB, type Kb } from '@/utils/base/units';
import type { WatchedUser } from '@/utils/settings/model';
import { watchKey } from '@/utils/settings/watched';
import { addDays, daysFromTo } from '@/utils/time/day-keys';
import type { ApiTimezone } from '@/utils/time/api-timezone';
import { hourKeyAt, type HourKey } from '@/utils/time/hour-keys';
import { HISTORY_DAYS, hourKeysOf, hoursKb, keyedDay, knownForEveryone, missingDays, userDays, type KeyedDay, type UsageRecords } from './day-totals';
import { hoursReachBackTo, last24HourKeys, last96HourKeys } from './hour-windows';
import type { CycleSpan } from './spend-view';
import { startOfHour, todaySpan, type DaySpan, type Span } from './time-spans';

/** One watched user's use, in KB, in every span the budgets judge. */
export interface UserUse {
  readonly user: WatchedUser;
  /** Aligned with the ledger's spans: a complete day's use (null: not known yet), then each hour of today. */
  readonly spans: readonly (Kb | null)[];
  readonly hourKb: Kb;
  readonly todayKb: Kb;
  /** The cycle's known complete days before today, and today. */
  readonly cycleKb: Kb;
  /** The 24 whole hours before the current one. */
  readonly last24Kb: Kb;
  /** The days of the last 7 known for every watched user (the ledger's `historyDays`). */
  readonly historyKb: Kb;
  /** The current hour and the 95 before it (see `covers96Hours`). */
  readonly last96Kb: Kb;
}

/**
 * Everything the budgets and costs judge, per watched user and in KB, read once from the stores;
 * each measure then weighs it (`inMeasure`): a traffic measure counts a KB as 1, a money
 * measure at its user's product price.
 */
export interface UsageLedger {
  readonly today: DaySpan;
  /** The cycle's complete days before today, then today's hours up to now (the last ends now). */
  readonly spans: readonly Span[];
  /** Where today's hours start in `spans`. */
  readonly todayFrom: number;
  readonly users: readonly UserUse[];
  /** Complete days among the last 7 known for every watched user. */
  readonly historyDays: number;
  /** The cycle's complete days before today not known for some watched user. */
  readonly missingDays: number;
  /**
   * Whether every watched user's hours reach back over the last 96 hours: in practice, each was
   * fetched at least once, as a first fetch asks for the whole week.
   */
  readonly covers96Hours: boolean;
}

/** Today's hours up to the current one, as spans: the current one ends now; across DST an hour may last 0 or 2 hours. */
function todayHourSpans(today: DaySpan, now: number, tz: ApiTimezone): { hours: HourKey[]; spans: Span[] } {
  const current = hourKeyAt(now, tz);
  const hours = hourKeysOf(today.day).filter((hour) => hour <= current);
  const starts = hours.map((hour) => startOfHour(hour, tz));
  return { hours, spans: starts.map((startMs, index) => ({ startMs, endMs: starts[index + 1] ?? now })) };
}

/**
 * Every past day a figure is needed for: the cycle's days before today and the last 7, which
 * both end yesterday, so their union runs from the earlier start to yesterday.
 */
function pastDays(cycle: CycleSpan, today: DaySpan, tz: ApiTimezone): KeyedDay[] {
  const historyStart = addDays(today.day, -HISTORY_DAYS);
  const first = cycle.startDay < historyStart ? cycle.startDay : historyStart;
  return daysFromTo(first, addDays(today.day, -1)).map((day) => keyedDay(day, tz));
}

export function usageLedger(records: UsageRecords, watched: readonly WatchedUser[], cycle: CycleSpan, now: number): UsageLedger {
  const { tz } = records;
  const today = todaySpan(now, tz);
  const past = pastDays(cycle, today, tz);
  const cycleDays = past.slice(past.length - cycle.dayIndex);
  const read = watched.map((user) => {
    const key = watchKey(user);
    const days = userDays(records, key, past);
    return { user, usage: records.cache.users[key], cycle: days.slice(days.length - cycle.dayIndex), history: days.slice(days.length - HISTORY_DAYS) };
  });
  const historyKnown = knownForEveryone(read.map((entry) => entry.history), HISTORY_DAYS);
  const todayHours = todayHourSpans(today, now, tz);
  const hours24 = last24HourKeys(now, tz);
  const hours96 = last96HourKeys(now, tz);
  const users = read.map(({ user, usage, cycle: days, history }): UserUse => {
    const hours = todayHours.hours.map((hour) => kb(usage?.hours[hour] ?? 0));
    const todayKb = sumKb(hours);
    return {
      user,
      spans: [...days, ...hours],
      hourKb: hours[hours.length - 1] ?? ZERO_KB,
      todayKb,
      cycleKb: sumKb([...days.map((day) => day ?? ZERO_KB), todayKb]),
      last24Kb: hoursKb(usage, hours24),
      historyKb: sumKb(history.map((day, index) => (historyKnown[index] ? (day ?? ZERO_KB) : ZERO_KB))),
      last96Kb: hoursKb(usage, hours96),
    };
  });
  const first96 = hours96[0] ?? '';
  return {
    today,
    spans: [...cycleDays, ...todayHours.spans],
    todayFrom: cycleDays.length,
    users,
    historyDays: historyKnown.filter(Boolean).length,
    missingDays: missingDays(read.map((entry) => entry.cycle), cycleDays.length),
    covers96Hours: read.every(({ usage }) => hoursReachBackTo(usage, first96, tz)),
  };
}

/** What a user's traffic counts for in a measure: itself (traffic), or its cost (money). Linear in the amount. */
export type Weigh = (user: WatchedUser, amount: Kb) => number;

/** A figure of every user, in the measure, summed. */
export function inMeasure(ledger: UsageLedger, weigh: Weigh, figure: (use: UserUse) => Kb): number {
  return ledger.users.reduce((sum, use) => sum + weigh(use.user, figure(use)), 0);
}

/** Each span's use over all users, in the measure; null where some user's figure is not known. */
export function spanTotals(ledger: UsageLedger, weigh: Weigh): (number | null)[] {
  return ledger.spans.map((_, index) =>
    ledger.users.reduce<number | null>((sum, use) => {
      const amount = use.spans[index];
      return sum === null || amount === null || amount === undefined ? null : sum + weigh(use.user, amount);
    }, 0),
  );
}
