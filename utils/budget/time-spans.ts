import type { ApiTimezone } from '@/utils/time/api-timezone';
import { addDays, dayKeyAt, dayStart, type DayKey } from '@/utils/time/day-keys';
import { hourStart, type HourKey } from '@/utils/time/hour-keys';

/** A stretch of time a figure covers: a complete day, or an hour of today. */
export interface Span {
  readonly startMs: number;
  /** Exclusive. */
  readonly endMs: number;
}

/** A day of the API timezone as a span of time: 23 or 25 hours across a DST change in the browser's zone. */
export interface DaySpan extends Span {
  readonly day: DayKey;
}

/** When a day the budget computed starts; its keys are made by day-keys.ts, so a malformed one is a bug. */
export function startOfDay(day: DayKey, tz: ApiTimezone): number {
  const start = dayStart(day, tz);
  if (start === null) throw new RangeError(`not a day key: ${day}`);
  return start;
}

/** When an hour the budget computed starts (see startOfDay). */
export function startOfHour(hour: HourKey, tz: ApiTimezone): number {
  const start = hourStart(hour, tz);
  if (start === null) throw new RangeError(`not an hour key: ${hour}`);
  return start;
}

export function daySpan(day: DayKey, tz: ApiTimezone): DaySpan {
  return { day, startMs: startOfDay(day, tz), endMs: startOfDay(addDays(day, 1), tz) };
}

/** The API day holding `now`. */
export function todaySpan(now: number, tz: ApiTimezone): DaySpan {
  return daySpan(dayKeyAt(now, tz), tz);
}
