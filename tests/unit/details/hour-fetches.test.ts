import { describe, expect, it } from 'vitest';
import { kb, type Kb } from '@/utils/base/units';
import { MINUTE_MS } from '@/utils/base/durations';
import { usageRecords } from '@/utils/budget/day-totals';
import { compareWithPrevious, readChange } from '@/utils/details/comparison';
import { EMPTY_OVERLAY, hourFetchPlan, overlayHour, withFetchedHours } from '@/utils/details/hour-fetches';
import { dayHourBuckets, previousRange, resolveRange, type DetailRange, type ResolvedRange } from '@/utils/details/range';
import { detailFigures } from '@/utils/details/series';
import { UTC } from '@/utils/time/api-timezone';
import { cachedUser, cacheOf, dailyOf, hoursOfDay, hoursOfDays, sameEveryDay } from '../budget/fixtures';
import { userKey, watching } from '../support/watching';

const NOW = Date.parse('2026-11-25T14:40:00Z');
const ALICE = userKey(1, 'alice');
const BOB = userKey(1, 'bob');
const WATCHED = watching(['alice', 'bob']);

function range(picked: DetailRange): ResolvedRange {
  const result = resolveRange(picked, NOW, UTC);
  if (!result.ok) throw new Error(result.error.kind);
  return result.value;
}

// Both users polled 5 minutes ago: the kept week runs from 18 Nov 15:00 to now, 10 KB an hour.
const week = { ...hoursOfDay('2026-11-18', 10, 15, 23), ...hoursOfDays('2026-11-19', '2026-11-24', 10), ...hoursOfDay('2026-11-25', 10, 0, 14) };
const CACHE = cacheOf({ [ALICE]: cachedUser(week, NOW - 5 * MINUTE_MS), [BOB]: cachedUser(week, NOW - 5 * MINUTE_MS) });
const RECORDS = usageRecords(CACHE, dailyOf({}), UTC);

const answer = (hours: Record<string, number>) => hours as Record<string, Kb>;

describe('the hours fetched for the page', () => {
  it('are known over the span asked, an hour the answer left out as 0, and unknown outside it', () => {
    const overlay = withFetchedHours(EMPTY_OVERLAY, ALICE, { from: '2026-11-11 00', to: '2026-11-11 23' }, answer({ '2026-11-11 05': 70, '2026-11-12 00': 99 }));
    expect(overlayHour(overlay, ALICE, '2026-11-11 05')).toBe(70);
    expect(overlayHour(overlay, ALICE, '2026-11-11 06')).toBe(0);
    expect(overlayHour(overlay, ALICE, '2026-11-12 00')).toBeNull();
    expect(overlayHour(overlay, BOB, '2026-11-11 05')).toBeNull();
  });

  it('ask each user once for the previous week the cache no longer holds, and nothing once fetched', () => {
    const before = previousRange(range('7d'));
    if (before.granularity !== 'hour') throw new Error('hourly');
    const plan = hourFetchPlan(RECORDS, EMPTY_OVERLAY, [ALICE, BOB], before.hours, NOW);
    expect(plan).toEqual([
      { key: ALICE, span: { from: '2026-11-11 15', to: '2026-11-18 14' } },
      { key: BOB, span: { from: '2026-11-11 15', to: '2026-11-18 14' } },
    ]);
    const filled = plan.reduce((overlay, { key, span }) => withFetchedHours(overlay, key, span, answer({})), EMPTY_OVERLAY);
    expect(hourFetchPlan(RECORDS, filled, [ALICE, BOB], before.hours, NOW)).toEqual([]);
  });

  it('ask nothing for the current hour, which the poll brings, nor beyond the 180 days Thordata answers', () => {
    const never = usageRecords(cacheOf({}), dailyOf({}), UTC);
    expect(hourFetchPlan(never, EMPTY_OVERLAY, [ALICE], dayHourBuckets('2026-11-25', NOW, UTC).hours, NOW)).toEqual([{ key: ALICE, span: { from: '2026-11-25 00', to: '2026-11-25 13' } }]);
    expect(hourFetchPlan(never, EMPTY_OVERLAY, [ALICE], dayHourBuckets('2026-05-01', NOW, UTC).hours, NOW)).toEqual([]);
  });

  it('give the 7-day comparison once the previous week is in: 10 KB an hour against 8 is +25 %', () => {
    const before = previousRange(range('7d'));
    if (before.granularity !== 'hour') throw new Error('hourly');
    let overlay = EMPTY_OVERLAY;
    for (const key of [ALICE, BOB]) {
      const hours = Object.fromEntries(before.hours.map((hour) => [hour, kb(8)]));
      overlay = withFetchedHours(overlay, key, { from: before.first, to: before.last }, hours);
    }
    const without = compareWithPrevious(RECORDS, WATCHED, range('7d'), 'user', NOW);
    expect(readChange(without, '2026-11-25')).toEqual({ kind: 'previous-unknown' });
    const comparison = compareWithPrevious(RECORDS, WATCHED, range('7d'), 'user', NOW, overlay);
    expect(comparison.current.total).toBe(2 * 168 * 10);
    expect(comparison.previous.total).toBe(2 * 168 * 8);
    expect(readChange(comparison, '2026-11-25')).toEqual({ kind: 'change', change: 0.25 });
  });
});

describe('a day drilled into', () => {
  it('shows its 24 hours, today’s through the current hour', () => {
    expect(dayHourBuckets('2026-11-20', NOW, UTC).hours).toHaveLength(24);
    const today = dayHourBuckets('2026-11-25', NOW, UTC);
    expect(today.hours.at(-1)).toBe('2026-11-25 14');
    expect(today.hourCount).toBe(15);
  });

  it('reads an hour from the cache, else from the hours fetched for it', () => {
    const old = dayHourBuckets('2026-11-10', NOW, UTC);
    const overlay = withFetchedHours(EMPTY_OVERLAY, ALICE, { from: old.first, to: old.last }, answer({ '2026-11-10 09': 400 }));
    const figures = detailFigures(RECORDS, watching(['alice']), old, 'user', NOW, overlay);
    expect(figures.total).toBe(400);
    const cached = detailFigures(RECORDS, watching(['alice']), dayHourBuckets('2026-11-24', NOW, UTC), 'user', NOW);
    expect(cached.total).toBe(240);
  });
});

describe('why a change is not told', () => {
  const daily = (from: string) => dailyOf({ [ALICE]: sameEveryDay(from, '2026-11-24', 100) });
  const records = (from: string, kbToday = 1) => usageRecords(cacheOf({ [ALICE]: cachedUser(hoursOfDay('2026-11-25', kbToday, 0, 14), NOW) }), daily(from), UTC);

  it('is the previous period reaching beyond the 180 days Thordata keeps', () => {
    const comparison = compareWithPrevious(records('2026-05-29'), watching(['alice']), range('180d'), 'user', NOW);
    expect(comparison.change.total).not.toBeNull();
    expect(readChange(comparison, '2026-11-25')).toEqual({ kind: 'previous-too-old', earliest: '2026-05-29' });
  });

  it('is this period not all fetched yet, or the previous one at 0', () => {
    expect(readChange(compareWithPrevious(records('2026-11-20'), watching(['alice']), range('30d'), 'user', NOW), '2026-11-25')).toEqual({ kind: 'current-unknown' });
    const zero = usageRecords(cacheOf({ [ALICE]: cachedUser(hoursOfDay('2026-11-25', 1, 0, 14), NOW) }), dailyOf({ [ALICE]: { ...sameEveryDay('2026-09-26', '2026-10-26', 0), ...sameEveryDay('2026-10-27', '2026-11-24', 100) } }), UTC);
    expect(readChange(compareWithPrevious(zero, watching(['alice']), range('30d'), 'user', NOW), '2026-11-25')).toEqual({ kind: 'previous-zero' });
  });
});
