import { HOUR_MS } from '@/utils/base/durations';
import type { Result } from '@/utils/base/result';
import { hourKeysOf } from '@/utils/budget/day-totals';
import type { ApiTimezone } from '@/utils/time/api-timezone';
import { addDays, dayKeyAt, daysBetween, daysFromTo, isDayKey, type DayKey } from '@/utils/time/day-keys';
import { hourKeyAt, hourStart, recentHourKeys, type HourKey } from '@/utils/time/hour-keys';
import { MAX_DAILY_SPAN_DAYS } from '@/utils/usage/daily';

/** The ranges the picker offers; the hourly ones read the week of cached hours. */
export type PresetRange = '24h' | '7d' | '30d' | '90d' | '180d';

/** A range of whole days chosen by hand, both ends included. */
export interface CustomRange {
  readonly from: DayKey;
  readonly to: DayKey;
}

export type DetailRange = PresetRange | CustomRange;

export const PRESET_RANGES: readonly PresetRange[] = ['24h', '7d', '30d', '90d', '180d'];

/**
 * Hours, oldest first, current hour last for a range that ends now. `throughMs` is an instant in
 * the last hour: a range is counted in real hours back from it, so across a daylight-saving change
 * in the browser's zone the keys are 23 (a repeated hour has one key) or the skipped hour is absent.
 */
export interface HourBuckets {
  readonly granularity: 'hour';
  readonly hours: readonly HourKey[];
  readonly first: HourKey;
  readonly last: HourKey;
  /** Real hours covered: 24 or 168. */
  readonly hourCount: number;
  readonly throughMs: number;
  /** The zone the keys are in, so the previous range is counted the same way. */
  readonly tz: ApiTimezone;
}

/** Whole days of the API timezone, oldest first; today, when included, is last and read from the hours. */
export interface DayBuckets {
  readonly granularity: 'day';
  readonly days: readonly DayKey[];
  readonly first: DayKey;
  readonly last: DayKey;
}

/** The span the page shows. */
export type ResolvedRange = HourBuckets | DayBuckets;

/** Why a custom range cannot be shown; the daily endpoint refuses what is too long or too old (10021). */
export type CustomRangeProblem =
  | { readonly kind: 'not-a-day' }
  | { readonly kind: 'from-after-to' }
  | { readonly kind: 'in-the-future'; readonly today: DayKey }
  | { readonly kind: 'too-long'; readonly days: number; readonly maxDays: number }
  | { readonly kind: 'too-old'; readonly earliest: DayKey };

const PRESET_HOURS: Readonly<Partial<Record<PresetRange, number>>> = { '24h': 24, '7d': 7 * 24 };
const PRESET_DAYS: Readonly<Partial<Record<PresetRange, number>>> = { '30d': 30, '90d': 90, '180d': 180 };

export function isPresetRange(text: string): text is PresetRange {
  return (PRESET_RANGES as readonly string[]).includes(text);
}

/** The `count` real hours up to the one holding `throughMs`. */
export function hourBuckets(throughMs: number, hourCount: number, tz: ApiTimezone): HourBuckets {
  const hours = recentHourKeys(throughMs, hourCount, tz);
  return { granularity: 'hour', hours, first: hours[0] ?? '', last: hours[hours.length - 1] ?? '', hourCount, throughMs, tz };
}

/**
 * The hours of one day for its drill-down, 00 to 23 (today: through the current hour). Across a
 * daylight-saving change in the browser's zone a skipped hour is left out.
 */
export function dayHourBuckets(day: DayKey, now: number, tz: ApiTimezone): HourBuckets {
  const current = hourKeyAt(now, tz);
  const hours = hourKeysOf(day).filter((hour) => {
    const start = hourStart(hour, tz);
    return hour <= current && start !== null && hourKeyAt(start, tz) === hour;
  });
  const last = hours[hours.length - 1] ?? '';
  return { granularity: 'hour', hours, first: hours[0] ?? '', last, hourCount: hours.length, throughMs: hourStart(last, tz) ?? now, tz };
}

/** Days `from` to `to`, both included; the caller has checked `from <= to`. */
export function dayBuckets(from: DayKey, to: DayKey): DayBuckets {
  return { granularity: 'day', days: daysFromTo(from, to), first: from, last: to };
}

/**
 * The earliest day the daily endpoint still answers on `today`: 180 days back, the most it asks
 * for in one request ending yesterday (daily.ts `daysToAsk` reaches the same day).
 */
export function earliestAskableDay(today: DayKey): DayKey {
  return addDays(today, -MAX_DAILY_SPAN_DAYS);
}

function checkCustom(range: CustomRange, today: DayKey): CustomRangeProblem | null {
  if (!isDayKey(range.from) || !isDayKey(range.to)) return { kind: 'not-a-day' };
  if (range.from > range.to) return { kind: 'from-after-to' };
  if (range.to > today) return { kind: 'in-the-future', today };
  const days = daysBetween(range.from, range.to) + 1;
  if (days > MAX_DAILY_SPAN_DAYS) return { kind: 'too-long', days, maxDays: MAX_DAILY_SPAN_DAYS };
  const earliest = earliestAskableDay(today);
  if (range.from < earliest) return { kind: 'too-old', earliest };
  return null;
}

/** The span a range shows at `now`: a preset ends now; a custom range is checked, never thrown. */
export function resolveRange(range: DetailRange, now: number, tz: ApiTimezone): Result<ResolvedRange, CustomRangeProblem> {
  const today = dayKeyAt(now, tz);
  if (typeof range !== 'string') {
    const problem = checkCustom(range, today);
    return problem === null ? { ok: true, value: dayBuckets(range.from, range.to) } : { ok: false, error: problem };
  }
  const hourCount = PRESET_HOURS[range];
  if (hourCount !== undefined) return { ok: true, value: hourBuckets(now, hourCount, tz) };
  const dayCount = PRESET_DAYS[range] ?? 0;
  return { ok: true, value: dayBuckets(addDays(today, -(dayCount - 1)), today) };
}

/**
 * The period of the same length just before, for the comparison: the same number of real hours
 * ending where the range's first hour starts, or the same number of days before its first day.
 */
export function previousRange(resolved: ResolvedRange): ResolvedRange {
  if (resolved.granularity === 'hour') return hourBuckets(resolved.throughMs - resolved.hourCount * HOUR_MS, resolved.hourCount, resolved.tz);
  const count = resolved.days.length;
  return dayBuckets(addDays(resolved.first, -count), addDays(resolved.first, -1));
}
