import type { ApiTimezone } from '@/utils/time/api-timezone';
import { dayKeyAt, daysBetween, type DayKey } from '@/utils/time/day-keys';
import { startOfDay } from './time-spans';
import type { CycleSpan } from './spend-view';

/**
 * The day a cycle starts in a month: the start day, or the month's last day when the month is
 * shorter (start day 31: Jan 31, Feb 28 or 29, Mar 31, Apr 30), as Android's data cycle does.
 * `month` counts from 1 and may run past 12 or below 1: Date.UTC carries it into the year.
 */
function cycleStartIn(year: number, month: number, cycleStartDay: number): DayKey {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const daysInMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(cycleStartDay, daysInMonth));
  return first.toISOString().slice(0, 10);
}

/** The billing cycle holding `now`: from its start day's midnight (API timezone) to the next one's. */
export function cycleAt(now: number, cycleStartDay: number, tz: ApiTimezone): CycleSpan {
  const today = dayKeyAt(now, tz);
  const [year, month] = today.split('-').map(Number) as [number, number];
  const thisMonths = cycleStartIn(year, month, cycleStartDay);
  const startsThisMonth = today >= thisMonths;
  const startDay = startsThisMonth ? thisMonths : cycleStartIn(year, month - 1, cycleStartDay);
  const endDay = startsThisMonth ? cycleStartIn(year, month + 1, cycleStartDay) : thisMonths;
  return {
    startDay,
    endDay,
    startMs: startOfDay(startDay, tz),
    endMs: startOfDay(endDay, tz),
    days: daysBetween(startDay, endDay),
    dayIndex: daysBetween(startDay, today),
  };
}
