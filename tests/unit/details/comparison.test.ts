import { describe, expect, it } from 'vitest';
import { kb } from '@/utils/base/units';
import { usageRecords } from '@/utils/budget/day-totals';
import { compareWithPrevious, periodChange } from '@/utils/details/comparison';
import { resolveRange, type DetailRange, type ResolvedRange } from '@/utils/details/range';
import { UTC } from '@/utils/time/api-timezone';
import { cachedUser, cacheOf, dailyOf, hoursOfDay, hoursOfDays, sameEveryDay } from '../budget/fixtures';
import { userKey, watching } from '../support/watching';

const NOW = Date.parse('2026-11-25T14:40:00Z');
const ALICE = userKey(1, 'alice');
const BOB = userKey(2, 'bob');

function range(picked: DetailRange): ResolvedRange {
  const result = resolveRange(picked, NOW, UTC);
  if (!result.ok) throw new Error(result.error.kind);
  return result.value;
}

describe('the change of a period against the one before', () => {
  it('is a fraction of the previous total', () => {
    expect(periodChange(kb(1180), kb(1000))).toEqual({ total: 1180, previousTotal: 1000, change: 0.18 });
    expect(periodChange(kb(750), kb(1000)).change).toBe(-0.25);
    expect(periodChange(kb(0), kb(400)).change).toBe(-1);
    expect(periodChange(kb(500), kb(500)).change).toBe(0);
  });

  it('is unknown when the previous is 0 or either total unknown', () => {
    expect(periodChange(kb(100), kb(0)).change).toBeNull();
    expect(periodChange(null, kb(100)).change).toBeNull();
    expect(periodChange(kb(100), null)).toEqual({ total: 100, previousTotal: null, change: null });
  });
});

describe('a range against the previous period', () => {
  it('“this week +18 % vs last week”: 7 days of 1180 KB against 7 of 1000 KB', () => {
    // This week 16–22 Nov: alice 7 × 100 KB, bob 480 KB on 20 Nov: 1180. Last week 9–15 Nov:
    // alice 7 × 100, bob 300 on 9 Nov: 1000. (1180 − 1000) / 1000 = +18 %.
    const daily = dailyOf({
      [ALICE]: { ...sameEveryDay('2026-11-09', '2026-11-15', 100), ...sameEveryDay('2026-11-16', '2026-11-22', 100) },
      [BOB]: { ...sameEveryDay('2026-11-09', '2026-11-15', 0), '2026-11-09': 300, ...sameEveryDay('2026-11-16', '2026-11-22', 0), '2026-11-20': 480 },
    });
    const watched = [...watching(['alice'], 1), ...watching(['bob'], 2)];
    const { current, previous, change } = compareWithPrevious(usageRecords(cacheOf({}), daily, UTC), watched, range({ from: '2026-11-16', to: '2026-11-22' }), 'user', NOW);
    expect(previous.buckets).toEqual(['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15']);
    expect(current.total).toBe(1180);
    expect(previous.total).toBe(1000);
    expect(change.change).toBeCloseTo(0.18, 10);
    // The previous period as a second series, stacked the same way.
    expect(previous.series.map((entry) => entry.total)).toEqual([700, 300]);
  });

  it('of the last 24 hours against the 24 before, from the cache', () => {
    // 10 KB an hour until yesterday 14:00, then 15 KB: +50 %.
    const hours = { ...hoursOfDays('2026-11-19', '2026-11-23', 10), ...hoursOfDay('2026-11-24', 10, 0, 14), ...hoursOfDay('2026-11-24', 15, 15, 23), ...hoursOfDay('2026-11-25', 15, 0, 14) };
    const cache = cacheOf({ [ALICE]: cachedUser(hours, NOW) });
    const { change } = compareWithPrevious(usageRecords(cache, dailyOf({}), UTC), watching(['alice']), range('24h'), 'product', NOW);
    expect(change).toEqual({ total: 360, previousTotal: 240, change: 0.5 });
  });

  it('is unknown while the previous period is not fetched yet', () => {
    const daily = dailyOf({ [ALICE]: sameEveryDay('2026-10-27', '2026-11-24', 100) });
    const { current, change } = compareWithPrevious(usageRecords(cacheOf({ [ALICE]: cachedUser(hoursOfDay('2026-11-25', 1, 0, 14), NOW) }), daily, UTC), watching(['alice']), range('30d'), 'user', NOW);
    expect(current.total).toBe(29 * 100 + 15);
    expect(change.previousTotal).toBeNull();
    expect(change.change).toBeNull();
  });
});
