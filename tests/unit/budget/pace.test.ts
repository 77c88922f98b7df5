import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elapsedShare, leftPerDay, paceOf } from '@/utils/budget/pace';
import { DAY_MS, HOUR_MS } from '@/utils/base/durations';
import { GB } from './fixtures';

// A 30-day cycle from 1 Nov 2026 (UTC); day 10 at noon is 9.5 days in.
const CYCLE = { startMs: Date.parse('2026-11-01T00:00:00Z'), endMs: Date.parse('2026-12-01T00:00:00Z') };
const DAY_10_NOON = Date.parse('2026-11-10T12:00:00Z');

describe('pace against an even share', () => {
  it('is worked out by hand for a 300 GB cycle with 120 GB used on day 10 at noon', () => {
    const elapsed = elapsedShare(CYCLE, DAY_10_NOON);
    expect(elapsed).toBeCloseTo(9.5 / 30, 12);
    // An even pace would have used 300 × 9.5 / 30 = 95 GB: (120 − 95) / 95 = +26.3 %.
    expect(paceOf(120 * GB, 300 * GB, elapsed)).toBeCloseTo(25 / 95, 12);
    expect(paceOf(120 * GB, 300 * GB, elapsed)).toBeCloseTo(0.263, 3);
    // 180 GB left over the 21 days from the 10th to the 30th, today included: 8.57 GB a day.
    expect(leftPerDay(120 * GB, 300 * GB, 21)).toBeCloseTo((180 * GB) / 21, 6);
  });

  it('is 30 % behind with 66.5 GB used by then, and 0 exactly on an even pace', () => {
    const elapsed = elapsedShare(CYCLE, DAY_10_NOON);
    // (66.5 − 95) / 95 = −0.3.
    expect(paceOf(66.5 * GB, 300 * GB, elapsed)).toBeCloseTo(-0.3, 12);
    expect(paceOf(95 * GB, 300 * GB, elapsed)).toBeCloseTo(0, 12);
  });

  it('has no pace at the period’s very start', () => {
    expect(elapsedShare(CYCLE, CYCLE.startMs)).toBe(0);
    expect(paceOf(5 * GB, 300 * GB, 0)).toBeNull();
  });

  it('keeps the elapsed share within the period', () => {
    expect(elapsedShare(CYCLE, CYCLE.startMs - HOUR_MS)).toBe(0);
    expect(elapsedShare(CYCLE, CYCLE.endMs + DAY_MS)).toBe(1);
  });

  it('leaves nothing per day once the budget is spent', () => {
    expect(leftPerDay(320 * GB, 300 * GB, 5)).toBe(0);
  });

  describe('for any use, limit and moment', () => {
    const limit = fc.double({ min: 1, max: 1e12, noNaN: true });
    const used = fc.double({ min: 0, max: 2e12, noNaN: true });
    const elapsed = fc.double({ min: 1e-6, max: 1, noNaN: true });

    it('is ahead exactly when more than the even share is used, behind when less', () => {
      fc.assert(
        fc.property(used, limit, elapsed, (u, l, e) => {
          const pace = paceOf(u, l, e);
          expect(pace).not.toBeNull();
          expect(Math.sign(pace ?? NaN)).toBe(Math.sign(u - l * e));
        }),
      );
    });

    it('leaves per day what, over the days left, brings the use exactly to the limit when under budget', () => {
      fc.assert(
        fc.property(used, limit, fc.integer({ min: 1, max: 31 }), (u, l, daysLeft) => {
          fc.pre(u <= l);
          const perDay = leftPerDay(u, l, daysLeft);
          expect(Math.abs(perDay * daysLeft + u - l)).toBeLessThanOrEqual(1e-9 * l);
        }),
      );
    });
  });
});
