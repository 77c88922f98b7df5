import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/utils/base/durations';
import { usageRecords } from '@/utils/budget/day-totals';
import { resolveRange, type DetailRange, type ResolvedRange } from '@/utils/details/range';
import { detailFigures } from '@/utils/details/series';
import { UTC, type ApiTimezone } from '@/utils/time/api-timezone';
import { recentHourKeys } from '@/utils/time/hour-keys';
import { cachedUser, cacheOf, dailyOf, hoursOfDay, hoursOfDays, sameEveryDay } from '../budget/fixtures';
import { userKey, watching } from '../support/watching';

const NOW = Date.parse('2026-11-25T14:40:00Z');
const FETCHED = NOW - 5 * MINUTE_MS;
const ALICE = userKey(1, 'alice');
const CAROL = userKey(1, 'carol');
const WATCHED = [...watching(['alice', 'carol'], 1), ...watching(['bob'], 2)];

function range(picked: DetailRange, now = NOW, tz: ApiTimezone = UTC): ResolvedRange {
  const result = resolveRange(picked, now, tz);
  if (!result.ok) throw new Error(result.error.kind);
  return result.value;
}

// Alice: 10 KB every hour of the kept week through 14:00 today; carol: 5 KB; bob never fetched.
const weekTo = (kbPerHour: number) => ({ ...hoursOfDays('2026-11-18', '2026-11-24', kbPerHour), ...hoursOfDay('2026-11-25', kbPerHour, 0, 14) });
const CACHE = cacheOf({ [ALICE]: cachedUser(weekTo(10), FETCHED), [CAROL]: cachedUser(weekTo(5), FETCHED) });

describe('the hourly figures', () => {
  it('are each user’s cached hours, unknown for a user never fetched', () => {
    const figures = detailFigures(usageRecords(CACHE, dailyOf({}), UTC), WATCHED, range('24h'), 'user', NOW);
    expect(figures.buckets).toHaveLength(24);
    expect(figures.buckets.at(-1)).toBe('2026-11-25 14');
    const [alice, carol, bob] = figures.series;
    expect(alice?.of).toEqual({ kind: 'user', key: ALICE, user: WATCHED[0] });
    expect(alice?.values.every((value) => value === 10)).toBe(true);
    expect(alice?.total).toBe(240);
    expect(carol?.total).toBe(120);
    expect(bob?.values.every((value) => value === null)).toBe(true);
    expect(bob?.total).toBeNull();
    expect(figures.bucketTotals.every((value) => value === null)).toBe(true);
    expect(figures.total).toBeNull();
  });

  it('stack by product: the users of a product summed, products in their order', () => {
    const figures = detailFigures(usageRecords(CACHE, dailyOf({}), UTC), WATCHED, range('7d'), 'product', NOW);
    expect(figures.series.map((entry) => entry.of)).toEqual([{ kind: 'product', proxyType: 1 }, { kind: 'product', proxyType: 2 }]);
    // The week kept at 14:35 starts at 18 Nov 15:00: 168 hours of 15 KB.
    expect(figures.series[0]?.total).toBe(168 * 15);
    expect(figures.series[1]?.total).toBeNull();
  });

  it('leave an hour not asked yet unknown, and count an hour the answer left out as 0', () => {
    const hours = { ...weekTo(10) };
    delete hours['2026-11-25 03'];
    const before = cacheOf({ [ALICE]: cachedUser(hours, Date.parse('2026-11-25T13:50:00Z')) });
    const figures = detailFigures(usageRecords(before, dailyOf({}), UTC), watching(['alice']), range('24h'), 'user', NOW);
    const values = figures.series[0]?.values ?? [];
    expect(values.at(-1)).toBeNull();
    expect(values[figures.buckets.indexOf('2026-11-25 03')]).toBe(0);
    expect(figures.total).toBeNull();
  });
});

describe('the daily figures', () => {
  // Alice's complete days 27 Oct to 18 Nov are stored at 1000 KB; 19–24 Nov come from her hours.
  const stored = dailyOf({ [ALICE]: sameEveryDay('2026-10-27', '2026-11-18', 1000) });

  it('read a stored day, else 24 cached hours, and today from its hours', () => {
    const figures = detailFigures(usageRecords(CACHE, stored, UTC), watching(['alice']), range('30d'), 'user', NOW);
    expect(figures.buckets[0]).toBe('2026-10-27');
    expect(figures.buckets.at(-1)).toBe('2026-11-25');
    const values = figures.series[0]?.values ?? [];
    expect(values[0]).toBe(1000);
    expect(values[figures.buckets.indexOf('2026-11-19')]).toBe(240);
    // Today: 00:00 to 14:00, 15 hours of 10 KB.
    expect(values.at(-1)).toBe(150);
    // 23 stored days, 6 days of hours, today.
    expect(figures.total).toBe(23 * 1000 + 6 * 240 + 150);
    expect(figures.bucketTotals).toEqual(values);
  });

  it('leave a complete day neither stored nor in the hours unknown, not 0', () => {
    const gappy = dailyOf({ [ALICE]: { ...sameEveryDay('2026-10-27', '2026-10-31', 1000), ...sameEveryDay('2026-11-02', '2026-11-18', 1000) } });
    const figures = detailFigures(usageRecords(CACHE, gappy, UTC), watching(['alice']), range('30d'), 'user', NOW);
    expect(figures.series[0]?.values[figures.buckets.indexOf('2026-11-01')]).toBeNull();
    expect(figures.series[0]?.total).toBeNull();
    expect(figures.total).toBeNull();
  });

  it('read a custom range that ends before today from the store alone', () => {
    const figures = detailFigures(usageRecords(CACHE, stored, UTC), watching(['alice', 'carol']), range({ from: '2026-10-30', to: '2026-11-02' }), 'product', NOW);
    expect(figures.buckets).toEqual(['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02']);
    // Carol's old days were never fetched: the product's figure is unknown, not alice's alone.
    expect(figures.series[0]?.values).toEqual([null, null, null, null]);
    const aliceOnly = detailFigures(usageRecords(CACHE, stored, UTC), watching(['alice']), range({ from: '2026-10-30', to: '2026-11-02' }), 'product', NOW);
    expect(aliceOnly.total).toBe(4000);
  });

  it('count nothing read under another timezone setting', () => {
    const figures = detailFigures(usageRecords(CACHE, stored, { kind: 'offset', minutes: 480 }), watching(['alice']), range('30d'), 'user', NOW);
    expect(figures.series[0]?.values.every((value) => value === null)).toBe(true);
  });
});

describe('in the browser’s zone (run under TZ=America/New_York)', () => {
  it('show the cached hours of a week across a daylight-saving change, each key once', () => {
    const browser: ApiTimezone = { kind: 'browser' };
    const now = new Date(2026, 10, 4, 12, 30).getTime();
    const keys = recentHourKeys(now, 7 * 24, browser);
    const cache = cacheOf({ [ALICE]: cachedUser(Object.fromEntries(keys.map((key) => [key, 2])), now) }, 'browser');
    const figures = detailFigures(usageRecords(cache, dailyOf({}, 'browser'), browser), watching(['alice']), range('7d', now, browser), 'user', now);
    expect(figures.buckets).toEqual(keys);
    expect(figures.total).toBe(keys.length * 2);
  });
});
