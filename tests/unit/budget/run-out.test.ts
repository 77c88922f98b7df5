import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reachedAt, runOutAtTodaysPace, type RunOutInput } from '@/utils/budget/run-out';
import { DAY_MS, HOUR_MS } from '@/utils/base/durations';
import { UTC } from '@/utils/time/api-timezone';
import { GB } from './fixtures';

// A 30-day cycle from 15 Nov 2026 (UTC); now is day 10 at noon, 24 Nov 12:00.
const CYCLE_END = Date.parse('2026-12-15T00:00:00Z');
const NOW = Date.parse('2026-11-24T12:00:00Z');
const TODAY = { startMs: Date.parse('2026-11-24T00:00:00Z'), endMs: Date.parse('2026-11-25T00:00:00Z') };

const cycleInput = (overrides: Partial<RunOutInput>): RunOutInput => ({
  used: 120 * GB,
  limit: 300 * GB,
  todayUsed: 6 * GB,
  today: TODAY,
  now: NOW,
  periodEndMs: CYCLE_END,
  tz: UTC,
  daysKnown: 7,
  reachedAtMs: null,
  ...overrides,
});

describe('the day a budget runs out at today’s pace', () => {
  it('is worked out by hand for the cycle', () => {
    // 6 GB by noon is 12 GB a day; 180 GB left lasts 15 days: 24 Nov 12:00 + 15 days = 9 Dec 12:00.
    expect(runOutAtTodaysPace(cycleInput({}))).toEqual({ kind: 'on', day: '2026-12-09', atMs: Date.parse('2026-12-09T12:00:00Z') });
  });

  it('is not this cycle when today’s pace makes it last past the end, or nothing was used today', () => {
    // 2 GB by noon is 4 GB a day: 180 GB lasts 45 days, past 15 Dec.
    expect(runOutAtTodaysPace(cycleInput({ todayUsed: 2 * GB }))).toEqual({ kind: 'not-this-period' });
    expect(runOutAtTodaysPace(cycleInput({ todayUsed: 0 }))).toEqual({ kind: 'not-this-period' });
    expect(runOutAtTodaysPace(cycleInput({ now: TODAY.startMs, todayUsed: 0 }))).toEqual({ kind: 'not-this-period' });
  });

  it('is already past once the use reached the limit, with the moment when known', () => {
    const at = Date.parse('2026-11-23T18:00:00Z');
    expect(runOutAtTodaysPace(cycleInput({ used: 300 * GB, reachedAtMs: at }))).toEqual({ kind: 'already', atMs: at });
    expect(runOutAtTodaysPace(cycleInput({ used: 301 * GB, daysKnown: 1 }))).toEqual({ kind: 'already', atMs: null });
  });

  it('needs 3 complete days of history for the cycle, none for the daily budget', () => {
    expect(runOutAtTodaysPace(cycleInput({ daysKnown: 2 }))).toEqual({ kind: 'too-little-history', daysKnown: 2, daysNeeded: 3 });
    // Daily budget of 10 GB with 6 GB by noon: 12 GB a day, 4 GB left lasts 8 h, until 20:00.
    const daily = cycleInput({ used: 6 * GB, limit: 10 * GB, periodEndMs: TODAY.endMs, daysKnown: null });
    expect(runOutAtTodaysPace(daily)).toEqual({ kind: 'on', day: '2026-11-24', atMs: Date.parse('2026-11-24T20:00:00Z') });
    // With 4 GB by noon, 8 GB a day: 6 GB left would last 18 h, past midnight.
    expect(runOutAtTodaysPace({ ...daily, used: 4 * GB, todayUsed: 4 * GB })).toEqual({ kind: 'not-this-period' });
  });

  it('falls, when it runs out, where the use at today’s pace meets the limit, within the period', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 299, noNaN: true }),
        fc.double({ min: 0.001, max: 500, noNaN: true }),
        fc.integer({ min: 1, max: DAY_MS - 1 }),
        (usedGb, todayGb, intoToday) => {
          const now = TODAY.startMs + intoToday;
          const input = cycleInput({ used: usedGb * GB, todayUsed: todayGb * GB, now });
          const runOut = runOutAtTodaysPace(input);
          const perMs = input.todayUsed / intoToday;
          const at = now + (input.limit - input.used) / perMs;
          if (at >= CYCLE_END) expect(runOut).toEqual({ kind: 'not-this-period' });
          else expect(runOut).toMatchObject({ kind: 'on', atMs: at });
        },
      ),
    );
  });
});

describe('the moment use reached the limit', () => {
  const day = (n: number) => ({ startMs: n * DAY_MS, endMs: (n + 1) * DAY_MS });

  it('is where the running total crosses it, taking use as even within that span', () => {
    // 100 + 100 + 50: a limit of 150 is reached halfway through the second day.
    expect(reachedAt([day(0), day(1), day(2)], [100, 100, 50], 150)).toBe(1.5 * DAY_MS);
    expect(reachedAt([day(0), day(1)], [100, 100], 100)).toBe(DAY_MS);
    // A last span of today's current hour, 20 minutes old so far.
    expect(reachedAt([day(0), { startMs: DAY_MS, endMs: DAY_MS + HOUR_MS / 3 }], [90, 20], 100)).toBe(DAY_MS + HOUR_MS / 6);
  });

  it('is unknown when a day before the crossing is unknown, and none when never reached', () => {
    expect(reachedAt([day(0), day(1), day(2)], [100, null, 100], 150)).toBeNull();
    expect(reachedAt([day(0), day(1), day(2)], [200, null, 100], 150)).toBe(0.75 * DAY_MS);
    expect(reachedAt([day(0), day(1)], [10, 20], 150)).toBeNull();
  });
});
