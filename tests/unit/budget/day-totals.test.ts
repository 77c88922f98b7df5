import { describe, expect, it } from 'vitest';
import { keyedDay, knownForEveryone, missingDays, todayKb, userDays, usageRecords, type KeyedDay, type UsageRecords } from '@/utils/budget/day-totals';
import { hoursReachBackTo, last24HourKeys, last96HourKeys } from '@/utils/budget/hour-windows';
import { HOUR_MS } from '@/utils/base/durations';
import { UTC, type ApiTimezone } from '@/utils/time/api-timezone';
import { userKey } from '../support/watching';
import { cachedUser, cacheOf, dailyOf, hoursOfDay, hoursOfDays } from './fixtures';

const NOW = Date.parse('2026-11-25T14:40:00Z');
const ALICE = userKey(1, 'alice');
const BOB = userKey(2, 'bob');
const UTC8: ApiTimezone = { kind: 'offset', minutes: 480 };

const day = (key: string) => keyedDay(key, UTC);
const completeDayKb = (records: UsageRecords, key: string, span: KeyedDay) => userDays(records, key, [span])[0];

describe('a complete day of a watched user', () => {
  it('is the daily store’s figure when there is one', () => {
    const records = usageRecords(cacheOf({ [ALICE]: cachedUser(hoursOfDay('2026-11-24', 10), NOW) }), dailyOf({ [ALICE]: { '2026-11-24': 500 } }), UTC);
    expect(completeDayKb(records, ALICE, day('2026-11-24'))).toBe(500);
  });

  it('is the sum of its cached hours when the daily store lacks it and the cache holds the whole day', () => {
    // 24 hours of 10 KB each, fetched after the day ended: 240 KB.
    const records = usageRecords(cacheOf({ [ALICE]: cachedUser(hoursOfDay('2026-11-24', 10), NOW) }), dailyOf({}), UTC);
    expect(completeDayKb(records, ALICE, day('2026-11-24'))).toBe(240);
    // An hour missing from the cache had no traffic: the poll keeps every hour it was told of.
    const gappy = usageRecords(cacheOf({ [ALICE]: cachedUser(hoursOfDay('2026-11-24', 10, 0, 11), NOW) }), dailyOf({}), UTC);
    expect(completeDayKb(gappy, ALICE, day('2026-11-24'))).toBe(120);
  });

  it('is unknown when the hours were fetched before the day ended, or the day is past the week the cache keeps', () => {
    const hours = hoursOfDays('2026-11-17', '2026-11-24', 10);
    const fetchedLate = Date.parse('2026-11-24T23:30:00Z');
    const records = usageRecords(cacheOf({ [ALICE]: cachedUser(hours, fetchedLate) }), dailyOf({}), UTC);
    expect(completeDayKb(records, ALICE, day('2026-11-24'))).toBeNull();
    expect(completeDayKb(records, ALICE, day('2026-11-23'))).toBe(240);
    // The week kept at 25 Nov 14:40 starts at 18 Nov 15:00: 18 Nov is partly gone, 17 Nov wholly.
    const fresh = usageRecords(cacheOf({ [ALICE]: cachedUser(hours, NOW) }), dailyOf({}), UTC);
    expect(completeDayKb(fresh, ALICE, day('2026-11-19'))).toBe(240);
    expect(completeDayKb(fresh, ALICE, day('2026-11-18'))).toBeNull();
    const never = usageRecords(cacheOf({ [ALICE]: cachedUser(hours, null) }), dailyOf({}), UTC);
    expect(completeDayKb(never, ALICE, day('2026-11-23'))).toBeNull();
    expect(completeDayKb(never, BOB, day('2026-11-23'))).toBeNull();
  });

  it('counts nothing read under another timezone setting', () => {
    const cache = cacheOf({ [ALICE]: cachedUser(hoursOfDay('2026-11-24', 10), NOW) }, 'UTC');
    const daily = dailyOf({ [ALICE]: { '2026-11-23': 500 } }, 'UTC');
    const records = usageRecords(cache, daily, UTC8);
    expect(completeDayKb(records, ALICE, keyedDay('2026-11-23', UTC8))).toBeNull();
    expect(completeDayKb(records, ALICE, keyedDay('2026-11-24', UTC8))).toBeNull();
    // Stores from before the setting was recorded were read under the current one.
    const unstamped = usageRecords(cacheOf({}, null), dailyOf({ [ALICE]: { '2026-11-23': 500 } }, null), UTC8);
    expect(completeDayKb(unstamped, ALICE, keyedDay('2026-11-23', UTC8))).toBe(500);
  });
});

describe('today’s use of a watched user', () => {
  it('is today’s hours so far, in the API timezone', () => {
    const cache = cacheOf({ [ALICE]: cachedUser({ ...hoursOfDay('2026-11-24', 99), ...hoursOfDay('2026-11-25', 10, 0, 14) }, NOW) });
    // 00 to 14 is 15 hours of 10 KB.
    expect(todayKb(cache, ALICE, NOW, UTC)).toBe(150);
    // In UTC+8 it is already 22:40 on the 25th, whose hours from 00 to 22 hold 15 × 10 KB (00–14).
    expect(todayKb(cacheOf({ [ALICE]: cachedUser(hoursOfDay('2026-11-25', 10, 0, 14), NOW) }, 'UTC+8'), ALICE, NOW, UTC8)).toBe(150);
    expect(todayKb(cache, BOB, NOW, UTC)).toBe(0);
  });
});

describe('the days known', () => {
  const records = usageRecords(
    cacheOf({}),
    dailyOf({ [ALICE]: { '2026-11-20': 1, '2026-11-21': 1, '2026-11-22': 0, '2026-11-24': 1 }, [BOB]: { '2026-11-21': 1, '2026-11-22': 1, '2026-11-24': 1 } }),
    UTC,
  );
  const last7 = ['18', '19', '20', '21', '22', '23', '24'].map((d) => day(`2026-11-${d}`));

  it('are those known for every watched user; a day of 0 is known', () => {
    const known = (keys: string[]) => knownForEveryone(keys.map((key) => userDays(records, key, last7)), last7.length);
    expect(last7.filter((_, index) => known([ALICE, BOB])[index]).map((span) => span.day)).toEqual(['2026-11-21', '2026-11-22', '2026-11-24']);
    expect(known([ALICE]).filter(Boolean)).toHaveLength(4);
    expect(known([]).filter(Boolean)).toHaveLength(7);
  });

  it('leave the cycle’s other days missing', () => {
    // Cycle from 15 Nov: 10 days before today, 3 known for both.
    const cycleDays = ['15', '16', '17', '18', '19', '20', '21', '22', '23', '24'].map((d) => day(`2026-11-${d}`));
    expect(missingDays([ALICE, BOB].map((key) => userDays(records, key, cycleDays)), cycleDays.length)).toBe(7);
    expect(missingDays([ALICE, BOB].map(() => []), 0)).toBe(0);
  });
});

describe('the hour windows', () => {
  it('take the 24 whole hours before the current one for the last 24 hours’ rate', () => {
    const keys = last24HourKeys(NOW, UTC);
    expect([keys.length, keys[0], keys.at(-1)]).toEqual([24, '2026-11-24 14', '2026-11-25 13']);
  });

  it('take the current hour and the 95 before it for rapid use', () => {
    const keys = last96HourKeys(NOW, UTC);
    expect([keys.length, keys[0], keys.at(-1)]).toEqual([96, '2026-11-21 15', '2026-11-25 14']);
  });

  it('are covered by a user fetched once whose kept week reaches back to them', () => {
    type Usage = Parameters<typeof hoursReachBackTo>[0];
    const fetched = cachedUser({}, NOW - HOUR_MS) as Usage;
    // The week kept at 13:40 starts at 18 Nov 14:00; the first fetch asked for all of it.
    expect(hoursReachBackTo(fetched, '2026-11-21 15', UTC)).toBe(true);
    expect(hoursReachBackTo(fetched, '2026-11-18 14', UTC)).toBe(true);
    expect(hoursReachBackTo(fetched, '2026-11-18 13', UTC)).toBe(false);
    expect(hoursReachBackTo(undefined, '2026-11-21 15', UTC)).toBe(false);
    expect(hoursReachBackTo(cachedUser({}, null) as Usage, '2026-11-21 15', UTC)).toBe(false);
  });
});
