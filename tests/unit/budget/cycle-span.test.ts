import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cycleAt } from '@/utils/budget/cycle-span';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@/utils/base/durations';
import { UTC, type ApiTimezone } from '@/utils/time/api-timezone';
import { dayKeyAt, daysBetween } from '@/utils/time/day-keys';

const BROWSER: ApiTimezone = { kind: 'browser' };
const UTC8: ApiTimezone = { kind: 'offset', minutes: 480 };
const ZONES: readonly ApiTimezone[] = [
  UTC,
  UTC8,
  { kind: 'offset', minutes: -300 },
  { kind: 'offset', minutes: 330 },
  { kind: 'offset', minutes: 14 * 60 },
  { kind: 'offset', minutes: -12 * 60 },
  BROWSER,
];

const at = (iso: string) => Date.parse(iso);
const span = (now: number, startDay: number, tz: ApiTimezone = UTC) => {
  const cycle = cycleAt(now, startDay, tz);
  return `${cycle.startDay}..${cycle.endDay} (${cycle.days} days, day ${cycle.dayIndex})`;
};

/** Local midnight of a calendar date in the process's zone (the `browser` setting's zone). */
const localMidnight = (year: number, month: number, day: number) => new Date(year, month - 1, day).getTime();
/** How much shorter than whole days the local span between two dates is (1 h when DST starts between them). */
const dstShortening = (from: number, to: number) => (new Date(to).getTimezoneOffset() - new Date(from).getTimezoneOffset()) * -MINUTE_MS;

describe('the billing cycle', () => {
  it('starts on the 31st, or on the last day of a shorter month', () => {
    expect(span(at('2026-01-15T12:00:00Z'), 31)).toBe('2025-12-31..2026-01-31 (31 days, day 15)');
    expect(span(at('2026-02-10T12:00:00Z'), 31)).toBe('2026-01-31..2026-02-28 (28 days, day 10)');
    expect(span(at('2026-02-28T10:00:00Z'), 31)).toBe('2026-02-28..2026-03-31 (31 days, day 0)');
    expect(span(at('2026-03-30T23:59:59Z'), 31)).toBe('2026-02-28..2026-03-31 (31 days, day 30)');
    expect(span(at('2026-04-15T00:00:00Z'), 31)).toBe('2026-03-31..2026-04-30 (30 days, day 15)');
    expect(span(at('2026-04-30T00:00:00Z'), 31)).toBe('2026-04-30..2026-05-31 (31 days, day 0)');
  });

  it('starts on Feb 29 in a leap year', () => {
    expect(span(at('2028-02-15T12:00:00Z'), 31)).toBe('2028-01-31..2028-02-29 (29 days, day 15)');
    expect(span(at('2028-02-29T00:00:00Z'), 31)).toBe('2028-02-29..2028-03-31 (31 days, day 0)');
    expect(span(at('2028-02-29T00:00:00Z'), 30)).toBe('2028-02-29..2028-03-30 (30 days, day 0)');
  });

  it('lasts 28 days from the first of a February', () => {
    const now = at('2026-02-14T08:00:00Z');
    expect(span(now, 1)).toBe('2026-02-01..2026-03-01 (28 days, day 13)');
    const cycle = cycleAt(now, 1, UTC);
    expect(cycle.endMs - cycle.startMs).toBe(28 * DAY_MS);
  });

  it('starts at midnight in the API timezone, not in UTC', () => {
    // 2026-11-14 20:00 UTC is already 2026-11-15 04:00 in UTC+8: the cycle starting on the 15th has begun there.
    const now = at('2026-11-14T20:00:00Z');
    expect(span(now, 15, UTC)).toBe('2026-10-15..2026-11-15 (31 days, day 30)');
    const cycle = cycleAt(now, 15, UTC8);
    expect(cycle).toMatchObject({ startDay: '2026-11-15', endDay: '2026-12-15', days: 30, dayIndex: 0 });
    expect(cycle.startMs).toBe(at('2026-11-14T16:00:00Z'));
    expect(cycle.endMs).toBe(at('2026-12-14T16:00:00Z'));
  });

  // Run under TZ=America/New_York these cross real DST changes; in UTC the same checks hold with no shift.
  it('counts a 23-hour day as one day when DST starts in the browser zone, between real midnights', () => {
    const start = localMidnight(2026, 3, 8); // DST starts in New York on Sun 8 Mar 2026 at 02:00
    const end = localMidnight(2026, 4, 8);
    const lateOnTheShortDay = localMidnight(2026, 3, 9) - 30 * MINUTE_MS;
    const cycle = cycleAt(lateOnTheShortDay, 8, BROWSER);
    expect(cycle).toMatchObject({ startDay: '2026-03-08', endDay: '2026-04-08', days: 31, dayIndex: 0, startMs: start, endMs: end });
    expect(cycle.endMs - cycle.startMs).toBe(31 * DAY_MS - dstShortening(start, end));
    // Half an hour into 9 March is day 1, though (in New York) only 23.5 h have passed since the start.
    expect(cycleAt(localMidnight(2026, 3, 9) + 30 * MINUTE_MS, 8, BROWSER).dayIndex).toBe(1);
  });

  it('counts a 25-hour day as one day when DST ends in the browser zone', () => {
    const start = localMidnight(2026, 11, 1); // DST ends in New York on Sun 1 Nov 2026 at 02:00
    const end = localMidnight(2026, 12, 1);
    const lateOnTheLongDay = localMidnight(2026, 11, 2) - 30 * MINUTE_MS;
    const cycle = cycleAt(lateOnTheLongDay, 1, BROWSER);
    // 24.5 h after the start (in New York), and still its first day.
    expect(cycle).toMatchObject({ startDay: '2026-11-01', endDay: '2026-12-01', days: 30, dayIndex: 0, startMs: start, endMs: end });
    expect(cycle.endMs - cycle.startMs).toBe(30 * DAY_MS - dstShortening(start, end));
    expect(cycleAt(localMidnight(2026, 11, 2) + 30 * MINUTE_MS, 1, BROWSER).dayIndex).toBe(1);
  });

  describe('for any moment, start day and zone', () => {
    const moment = fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2032-12-31T00:00:00Z') });
    const startDay = fc.integer({ min: 1, max: 31 });
    const zone = fc.constantFrom(...ZONES);

    it('holds the moment, lasts 28 to 31 calendar days and knows which day of it today is', () => {
      fc.assert(
        fc.property(moment, startDay, zone, (now, day, tz) => {
          const cycle = cycleAt(now, day, tz);
          expect(cycle.startMs).toBeLessThanOrEqual(now);
          expect(now).toBeLessThan(cycle.endMs);
          expect(cycle.days).toBe(daysBetween(cycle.startDay, cycle.endDay));
          expect(cycle.days).toBeGreaterThanOrEqual(28);
          expect(cycle.days).toBeLessThanOrEqual(31);
          expect(cycle.dayIndex).toBe(daysBetween(cycle.startDay, dayKeyAt(now, tz)));
          expect(cycle.dayIndex).toBeLessThan(cycle.days);
          // Within an hour of whole days: real midnights, whatever the DST changes between them.
          expect(Math.abs(cycle.endMs - cycle.startMs - cycle.days * DAY_MS)).toBeLessThanOrEqual(HOUR_MS);
        }),
      );
    });

    it('starts on the start day, or on the last day of a month too short for it', () => {
      fc.assert(
        fc.property(moment, startDay, zone, (now, day, tz) => {
          const { startDay: start } = cycleAt(now, day, tz);
          const [year, month, dayOfMonth] = start.split('-').map(Number) as [number, number, number];
          expect(dayOfMonth).toBe(Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate()));
        }),
      );
    });

    it('tiles time: the next cycle starts where this one ends, the previous one ends where it starts', () => {
      fc.assert(
        fc.property(moment, startDay, zone, (now, day, tz) => {
          const cycle = cycleAt(now, day, tz);
          const next = cycleAt(cycle.endMs, day, tz);
          const previous = cycleAt(cycle.startMs - 1, day, tz);
          expect([next.startDay, next.startMs, next.dayIndex]).toEqual([cycle.endDay, cycle.endMs, 0]);
          expect([previous.endDay, previous.endMs, previous.dayIndex]).toEqual([cycle.startDay, cycle.startMs, previous.days - 1]);
        }),
      );
    });
  });
});
