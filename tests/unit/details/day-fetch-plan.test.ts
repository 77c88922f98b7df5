import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DayRow } from '@/utils/api/answers';
import { kb } from '@/utils/base/units';
import { askableDays, comparedSpan, dayFetchPlan, dayFetchProgress } from '@/utils/details/day-fetch-plan';
import { dayBuckets, resolveRange, type ResolvedRange } from '@/utils/details/range';
import { UTC } from '@/utils/time/api-timezone';
import { addDays, daysBetween, daysFromTo, type DayKey } from '@/utils/time/day-keys';
import { dailyRetentionStart, mergeDailyAnswer, MAX_DAILY_SPAN_DAYS, type DailyUsage } from '@/utils/usage/daily';
import { dailyOf, sameEveryDay } from '../budget/fixtures';
import { userKey } from '../support/watching';

const NOW = Date.parse('2026-11-25T14:40:00Z');
const TODAY = '2026-11-25';
const ALICE = userKey(1, 'alice');
const BOB = userKey(2, 'bob');

function range(picked: Parameters<typeof resolveRange>[0]): ResolvedRange {
  const result = resolveRange(picked, NOW, UTC);
  if (!result.ok) throw new Error(result.error.kind);
  return result.value;
}

/** What the daily endpoint would answer: 7 KB on every day of the request. */
function answer(daily: DailyUsage, key: string, from: DayKey, to: DayKey): DailyUsage {
  const rows: DayRow[] = daysFromTo(from, to).map((day) => ({ day, kb: kb(7) }));
  return mergeDailyAnswer(daily, key, { from, to }, rows, dailyRetentionStart(TODAY));
}

describe('the days a range asks for', () => {
  it('are none for an hourly range, and never today', () => {
    expect(dayFetchPlan(dailyOf({}), [ALICE], range('7d'), TODAY)).toEqual([]);
    expect(dayFetchPlan(dailyOf({}), [ALICE], range({ from: TODAY, to: TODAY }), TODAY)).toEqual([]);
  });

  it('are each user’s missing complete days as runs, oldest first', () => {
    const daily = dailyOf({ [ALICE]: { ...sameEveryDay('2026-10-27', '2026-11-05', 1), ...sameEveryDay('2026-11-10', '2026-11-20', 1) } });
    expect(dayFetchPlan(daily, [ALICE, BOB], range('30d'), TODAY)).toEqual([
      { key: ALICE, range: { from: '2026-11-06', to: '2026-11-09' } },
      { key: ALICE, range: { from: '2026-11-21', to: '2026-11-24' } },
      { key: BOB, range: { from: '2026-10-27', to: '2026-11-24' } },
    ]);
  });

  it('are 179 days for 180 days of a user never fetched: one request under the endpoint’s 180', () => {
    expect(dayFetchPlan(dailyOf({}), [ALICE], range('180d'), TODAY)).toEqual([{ key: ALICE, range: { from: '2026-05-30', to: '2026-11-24' } }]);
  });

  it('leave out days older than the endpoint answers (10021), which a previous period may reach', () => {
    expect(askableDays(dayBuckets('2026-05-20', '2026-06-01'), TODAY)).toEqual(daysFromTo('2026-05-29', '2026-06-01'));
  });

  it('count progress in user-days: fetched of needed', () => {
    const plan = dayFetchPlan(dailyOf({}), [ALICE, BOB], range('30d'), TODAY);
    expect(dayFetchProgress(plan, dailyOf({}))).toEqual({ fetched: 0, needed: 58 });
    const half = answer(dailyOf({}), ALICE, '2026-10-27', '2026-11-24');
    expect(dayFetchProgress(plan, half)).toEqual({ fetched: 29, needed: 58 });
    expect(dayFetchProgress(plan, answer(half, BOB, '2026-10-27', '2026-11-24'))).toEqual({ fetched: 58, needed: 58 });
  });
});

describe('the span a daily range fetches', () => {
  it('is the range with the period before it, while the endpoint still answers all of that period', () => {
    const ninety = range('90d');
    if (ninety.granularity !== 'day') throw new Error('90 d is days');
    expect(comparedSpan(ninety, TODAY)).toEqual(dayBuckets(addDays(TODAY, -179), TODAY));
  });

  it('is the range alone when the period before starts beyond the 180 days: no day of it is asked for a comparison never made', () => {
    const all = range('180d');
    if (all.granularity !== 'day') throw new Error('180 d is days');
    expect(comparedSpan(all, TODAY)).toEqual(all);
    expect(dayFetchPlan(dailyOf({}), [ALICE], comparedSpan(all, TODAY), TODAY)).toEqual([{ key: ALICE, range: { from: addDays(TODAY, -179), to: addDays(TODAY, -1) } }]);
  });
});

describe('a plan, for any store and range', () => {
  const keys = [ALICE, BOB];
  // A store of scattered known days among the last 200, and a range of up to 181 days back.
  const storedDays = fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 120 }).map((backs) => Object.fromEntries(backs.map((back) => [addDays(TODAY, -back), 1])));
  const stores = fc.record({ alice: storedDays, bob: storedDays }).map(({ alice, bob }) => dailyOf({ [ALICE]: alice, [BOB]: bob }));
  const ranges = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 })).map(([a, b]) => dayBuckets(addDays(TODAY, -Math.max(a, b)), addDays(TODAY, -Math.min(a, b))));

  it('never asks a stored day, asks every missing one exactly once, in spans of at most 180 days, oldest first', () => {
    fc.assert(
      fc.property(stores, ranges, (daily, shown) => {
        const plan = dayFetchPlan(daily, keys, shown, TODAY);
        for (const key of keys) {
          const asked = plan.filter((request) => request.key === key).flatMap(({ range: span }) => daysFromTo(span.from, span.to));
          const missing = askableDays(shown, TODAY).filter((day) => daily.users[key]?.[day] === undefined);
          expect(asked).toEqual(missing);
          expect(asked.every((day) => daily.users[key]?.[day] === undefined && day < TODAY)).toBe(true);
        }
        expect(plan.every(({ range: span }) => span.from <= span.to && daysBetween(span.from, span.to) < MAX_DAILY_SPAN_DAYS)).toBe(true);
      }),
    );
  });

  it('is empty once its answers are merged', () => {
    fc.assert(
      fc.property(stores, ranges, (daily, shown) => {
        const plan = dayFetchPlan(daily, keys, shown, TODAY);
        const merged = plan.reduce((store, { key, range: span }) => answer(store, key, span.from, span.to), daily);
        expect(dayFetchPlan(merged, keys, shown, TODAY)).toEqual([]);
        const progress = dayFetchProgress(plan, merged);
        expect(progress.fetched).toBe(progress.needed);
      }),
    );
  });
});
