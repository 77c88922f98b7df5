import { userKey } from '../support/watching';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UTC, type ApiTimezone } from '@/utils/time/api-timezone';
import { hourKeyAt, recentHourKeys } from '@/utils/time/hour-keys';
import { HOUR_MS } from '@/utils/base/durations';
import { EMPTY_CACHE, hourlyTotals, keepUsers, mergeAnswer, retentionStart, RETENTION_HOURS, userUsage, withUser, type FreshAnswer, type UserUsage } from '@/utils/usage/cache';
import { kb } from '@/utils/base/units';
import { kbRows, kbUsage, type PlainRow } from '../support/usage-fixtures';

const UTC8: ApiTimezone = { kind: 'offset', minutes: 480 };
const NOW = Date.parse('2025-07-08T10:20:00Z');

const answer = (rows: readonly PlainRow[], extra: { trafficLimitKb?: number; trafficBalanceKb?: number } = {}): FreshAnswer => ({
  rows: kbRows(rows),
  fetchedAt: NOW,
  trafficLimitKb: extra.trafficLimitKb === undefined ? null : kb(extra.trafficLimitKb),
  trafficBalanceKb: extra.trafficBalanceKb === undefined ? null : kb(extra.trafficBalanceKb),
});

const usage = (hours: Record<string, number>): UserUsage => kbUsage({ hours, fetchedAt: null, trafficLimitKb: null, trafficBalanceKb: null });

describe('mergeAnswer', () => {
  it('replaces the hours an answer reports and keeps the ones it leaves out', () => {
    const known = usage({ '2025-07-08 08': 100, '2025-07-08 09': 200, '2025-07-08 10': 30 });
    const merged = mergeAnswer(known, answer([{ hour: '2025-07-08 10', kb: 45 }, { hour: '2025-07-08 09', kb: 150 }]));
    expect(merged.hours).toEqual({ '2025-07-08 08': 100, '2025-07-08 09': 150, '2025-07-08 10': 45 });
    expect(merged.fetchedAt).toBe(NOW);
  });

  it('keeps every cached hour when an answer has no rows', () => {
    const known = usage({ '2025-07-08 08': 100, '2025-07-08 09': 200 });
    expect(mergeAnswer(known, answer([])).hours).toEqual(known.hours);
  });

  it('does not change what it was given', () => {
    const known = usage({ '2025-07-08 08': 100 });
    mergeAnswer(known, answer([{ hour: '2025-07-08 08', kb: 5 }, { hour: '2025-07-08 09', kb: 6 }]));
    expect(known.hours).toEqual({ '2025-07-08 08': 100 });
  });

  it('keeps the known limit and balance when an answer leaves them out', () => {
    const known = kbUsage({ hours: {}, fetchedAt: 1, trafficLimitKb: 5000, trafficBalanceKb: 1200 });
    expect(mergeAnswer(known, answer([]))).toMatchObject({ trafficLimitKb: 5000, trafficBalanceKb: 1200 });
    expect(mergeAnswer(known, answer([], { trafficLimitKb: 0, trafficBalanceKb: 900 }))).toMatchObject({
      trafficLimitKb: 0,
      trafficBalanceKb: 900,
    });
  });

  it('never drops a cached hour, and takes the answer for every reported hour', () => {
    const hour = fc.integer({ min: 0, max: 400 }).map((i) => hourKeyAt(NOW - i * HOUR_MS, UTC));
    const hours = fc.dictionary(hour, fc.double({ min: 0, max: 1e9, noNaN: true }));
    const rows = fc.uniqueArray(fc.record({ hour, kb: fc.double({ min: 0, max: 1e9, noNaN: true }) }), { selector: (row) => row.hour });
    fc.assert(
      fc.property(hours, rows, (cached, reported) => {
        const merged = mergeAnswer(usage(cached), answer(reported));
        for (const key of Object.keys(cached)) expect(merged.hours).toHaveProperty([key]);
        for (const row of reported) expect(merged.hours[row.hour]).toBe(row.kb);
        expect(Object.keys(merged.hours).length).toBe(new Set([...Object.keys(cached), ...reported.map((row) => row.hour)]).size);
      }),
    );
  });

  it('gives the same hours whatever order answers for separate ranges arrive in', () => {
    const range = fc.record({
      gap: fc.integer({ min: 0, max: 6 }),
      values: fc.array(fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: undefined }), { minLength: 1, maxLength: 30 }),
    });
    const answers = fc.array(range, { minLength: 1, maxLength: 8 }).map((ranges) => {
      let start = 0;
      return ranges.map(({ gap, values }) => {
        start += gap;
        // A missing value is an hour the API left out of the answer.
        const rows = values.flatMap((kb, i) => (kb === undefined ? [] : [{ hour: hourKeyAt(NOW - (start + i) * HOUR_MS, UTC8), kb }]));
        start += values.length;
        return rows;
      });
    });
    const inOrders = answers.chain((list) =>
      fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
    );
    fc.assert(
      fc.property(inOrders, ([ordered, shuffled]) => {
        const mergeAll = (list: PlainRow[][]) => list.reduce((known, rows) => mergeAnswer(known, answer(rows)), usage({}));
        const expected = Object.fromEntries(ordered.flat().map((row) => [row.hour, row.kb]));
        expect(mergeAll(ordered).hours).toEqual(expected);
        expect(mergeAll(shuffled).hours).toEqual(expected);
      }),
    );
  });
});

/** An answer with no new hour merged at `now` (fetched when the known figures were): only the retention window acts. */
const pruneUsage = (known: UserUsage, now: number, tz: ApiTimezone) =>
  mergeAnswer(known, { rows: [], fetchedAt: known.fetchedAt ?? now, trafficLimitKb: null, trafficBalanceKb: null }, retentionStart(now, tz));

describe('the retention window, kept as an answer is merged', () => {
  it.each([
    ['UTC', UTC],
    ['UTC+8', UTC8],
  ])('keeps exactly the last %s week of hours', (_, tz) => {
    const all = recentHourKeys(NOW, RETENTION_HOURS + 40, tz);
    const pruned = pruneUsage(usage(Object.fromEntries(all.map((hour, i) => [hour, i + 1]))), NOW, tz);
    const kept = Object.keys(pruned.hours).sort();
    expect(kept).toHaveLength(RETENTION_HOURS);
    expect(kept).toEqual(recentHourKeys(NOW, RETENTION_HOURS, tz));
    expect(kept[kept.length - 1]).toBe(hourKeyAt(NOW, tz));
    expect(pruned.hours[hourKeyAt(NOW, tz)]).toBe(RETENTION_HOURS + 40);
  });

  it('keeps the window exact at any instant and in both timezones', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }),
        fc.constantFrom(UTC, UTC8),
        (now, tz) => {
          const all = recentHourKeys(now, RETENTION_HOURS + 3, tz);
          const pruned = pruneUsage(usage(Object.fromEntries(all.map((hour) => [hour, 1]))), now, tz);
          expect(Object.keys(pruned.hours).sort()).toEqual(all.slice(3));
        },
      ),
    );
  });

  it('keeps the limit, balance and fetch time', () => {
    const known = kbUsage({ hours: { '2020-01-01 00': 5 }, fetchedAt: 123, trafficLimitKb: 10, trafficBalanceKb: 4 });
    expect(pruneUsage(known, NOW, UTC)).toEqual({ hours: {}, fetchedAt: 123, trafficLimitKb: 10, trafficBalanceKb: 4 });
  });
});

describe('cache of several users', () => {
  const alice = userKey(1, 'alice');
  const bob = userKey(1, 'bob');
  const mobileAlice = userKey(3, 'alice');
  const cache = withUser(
    withUser(withUser(EMPTY_CACHE, alice, usage({ '2025-07-08 09': 10, '2025-07-08 10': 5 })), bob, usage({ '2025-07-08 10': 7 })),
    mobileAlice,
    usage({ '2025-07-08 10': 1000 }),
  );

  it('tells the same name under another proxy type apart', () => {
    expect(alice).not.toBe(mobileAlice);
    expect(userUsage(cache, mobileAlice).hours['2025-07-08 10']).toBe(1000);
  });

  it('sums each hour over the given users, counting missing hours as 0', () => {
    expect(hourlyTotals(cache, [alice, bob], ['2025-07-08 08', '2025-07-08 09', '2025-07-08 10'])).toEqual([0, 10, 12]);
    expect(hourlyTotals(cache, [alice, userKey(1, 'nobody')], ['2025-07-08 10'])).toEqual([5]);
    expect(hourlyTotals(cache, [], ['2025-07-08 10'])).toEqual([0]);
  });

  it('drops users no longer watched and keeps the watched ones untouched', () => {
    const kept = keepUsers(cache, [bob, userKey(2, 'never-fetched')]);
    expect(Object.keys(kept.users)).toEqual([bob]);
    expect(kept.users[bob]).toBe(cache.users[bob]);
    expect(keepUsers(cache, []).users).toEqual({});
  });

  it('gives an empty record for a user never fetched', () => {
    expect(userUsage(EMPTY_CACHE, alice)).toEqual({ hours: {}, fetchedAt: null, trafficLimitKb: null, trafficBalanceKb: null });
  });
});
