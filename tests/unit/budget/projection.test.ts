import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_HISTORY_DAYS, projectedEnd, type RecentRates } from '@/utils/budget/projection';
import { DAY_MS } from '@/utils/base/durations';
import { GB } from './fixtures';

const CYCLE_END = Date.parse('2026-12-01T00:00:00Z');
const DAY_10_NOON = Date.parse('2026-11-10T12:00:00Z');
const perDay = (amount: number) => amount / DAY_MS;

describe('the projected end of a period', () => {
  it('is a range from the last 24 hours’ rate and the last 7 days’, worked out by hand', () => {
    // 120 GB used on day 10 at noon of a 30-day cycle: 20.5 days to go.
    // Last 24 h: 12 GB → 120 + 12 × 20.5 = 366 GB. Last 7 days: 70 GB → 10 a day → 120 + 10 × 20.5 = 325 GB.
    const rates: RecentRates = { last24: perDay(12 * GB), last7: perDay(10 * GB), daysKnown: 7 };
    const projected = projectedEnd(120 * GB, rates, DAY_10_NOON, CYCLE_END);
    expect(projected.kind).toBe('range');
    if (projected.kind !== 'range') return;
    expect(projected.low / GB).toBeCloseTo(325, 9);
    expect(projected.high / GB).toBeCloseTo(366, 9);
  });

  it('says there is too little history with fewer than 3 complete days known', () => {
    const rates: RecentRates = { last24: perDay(12 * GB), last7: perDay(10 * GB), daysKnown: 2 };
    expect(projectedEnd(120 * GB, rates, DAY_10_NOON, CYCLE_END)).toEqual({ kind: 'too-little-history', daysKnown: 2, daysNeeded: 3 });
    expect(projectedEnd(120 * GB, { ...rates, daysKnown: MIN_HISTORY_DAYS }, DAY_10_NOON, CYCLE_END).kind).toBe('range');
  });

  it('is the use itself at the period’s end', () => {
    const rates: RecentRates = { last24: perDay(12 * GB), last7: perDay(10 * GB), daysKnown: 7 };
    expect(projectedEnd(120 * GB, rates, CYCLE_END, CYCLE_END)).toEqual({ kind: 'range', low: 120 * GB, high: 120 * GB });
  });

  it('never ends below the use so far, and its low end is never above its high end', () => {
    const rate = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e13, noNaN: true }),
        rate,
        rate,
        fc.integer({ min: 3, max: 7 }),
        fc.integer({ min: 0, max: 31 * DAY_MS }),
        (used, last24, last7, daysKnown, rest) => {
          const projected = projectedEnd(used, { last24, last7, daysKnown }, CYCLE_END - rest, CYCLE_END);
          expect(projected.kind).toBe('range');
          if (projected.kind !== 'range') return;
          expect(projected.low).toBeLessThanOrEqual(projected.high);
          expect(projected.low).toBeGreaterThanOrEqual(used);
        },
      ),
    );
  });
});
