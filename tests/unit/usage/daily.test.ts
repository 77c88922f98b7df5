import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { userKey } from '../support/watching';
import { UTC } from '@/utils/time/api-timezone';
import { addDays, daysBetween } from '@/utils/time/day-keys';
import { kb } from '@/utils/base/units';
import {
  DAILY_RETENTION_DAYS,
  dailyFor,
  dailyRetentionStart,
  daysToAsk,
  EMPTY_DAILY,
  keepDailyUsers,
  MAX_DAILY_SPAN_DAYS,
  mergeDailyAnswer,
  type DailyUsage,
} from '@/utils/usage/daily';

const ALICE = userKey(1, 'alice');
const BOB = userKey(1, 'bob');
const TODAY = '2026-11-25';
const KEEP = dailyRetentionStart(TODAY);
const rows = (pairs: Array<[string, number]>) => pairs.map(([day, usage]) => ({ day, kb: kb(usage) }));

describe('merging a daily answer', () => {
  it('makes every day of the range known, 0 where the answer left a day out', () => {
    const merged = mergeDailyAnswer(EMPTY_DAILY, ALICE, { from: '2026-11-20', to: '2026-11-23' }, rows([['2026-11-21', 512], ['2026-11-23', 7.5]]), KEEP);
    expect(merged.users[ALICE]).toEqual({ '2026-11-20': 0, '2026-11-21': 512, '2026-11-22': 0, '2026-11-23': 7.5 });
  });

  it('keeps the days it knew, and the other users', () => {
    const first = mergeDailyAnswer(EMPTY_DAILY, ALICE, { from: '2026-11-20', to: '2026-11-21' }, rows([['2026-11-20', 1]]), KEEP);
    const withBob = mergeDailyAnswer(first, BOB, { from: '2026-11-21', to: '2026-11-21' }, rows([['2026-11-21', 9]]), KEEP);
    const next = mergeDailyAnswer(withBob, ALICE, { from: '2026-11-22', to: '2026-11-24' }, rows([['2026-11-24', 3]]), KEEP);
    expect(next.users[ALICE]).toEqual({ '2026-11-20': 1, '2026-11-21': 0, '2026-11-22': 0, '2026-11-23': 0, '2026-11-24': 3 });
    expect(next.users[BOB]).toEqual({ '2026-11-21': 9 });
  });

  it('does not keep a row outside the range asked, such as a partial today', () => {
    const merged = mergeDailyAnswer(EMPTY_DAILY, ALICE, { from: '2026-11-23', to: '2026-11-24' }, rows([['2026-11-25', 40], ['2026-11-01', 2]]), KEEP);
    expect(merged.users[ALICE]).toEqual({ '2026-11-23': 0, '2026-11-24': 0 });
  });

  it(`keeps at most ${DAILY_RETENTION_DAYS} days of a user`, () => {
    const old = mergeDailyAnswer(EMPTY_DAILY, ALICE, { from: '2026-01-01', to: '2026-06-01' }, [], dailyRetentionStart('2026-06-02'));
    const merged = mergeDailyAnswer(old, ALICE, { from: '2026-11-24', to: '2026-11-24' }, [], KEEP);
    const days = Object.keys(merged.users[ALICE] ?? {}).sort();
    expect(days[0]).toBe(KEEP);
    expect(daysBetween(KEEP, TODAY)).toBe(DAILY_RETENTION_DAYS);
    expect(days.every((day) => day >= KEEP)).toBe(true);
  });
});

describe('the days under the API timezone setting', () => {
  const read: DailyUsage = { apiTimezone: 'UTC', users: { [ALICE]: { '2026-11-24': kb(5) } } };

  it('are kept under the setting they were read under', () => {
    expect(dailyFor(read, UTC)).toBe(read);
  });

  it('are dropped under another setting: a day cut at another midnight is another figure', () => {
    expect(dailyFor(read, { kind: 'offset', minutes: 480 })).toEqual({ apiTimezone: 'UTC+8', users: {} });
  });

  it('start empty under the current setting', () => {
    expect(dailyFor(EMPTY_DAILY, UTC)).toEqual({ apiTimezone: 'UTC', users: {} });
  });
});

describe('keeping watched users', () => {
  it('drops users no longer watched and days past the retention', () => {
    const daily: DailyUsage = { apiTimezone: 'UTC', users: { [ALICE]: { '2026-11-24': kb(5), '2025-01-01': kb(1) }, [BOB]: { '2026-11-24': kb(2) } } };
    expect(keepDailyUsers(daily, [ALICE], KEEP)).toEqual({ apiTimezone: 'UTC', users: { [ALICE]: { '2026-11-24': 5 } } });
  });
});

describe('the days to ask', () => {
  it('asks from the first day needed to the last complete one the first time', () => {
    expect(daysToAsk(EMPTY_DAILY, ALICE, '2026-11-01', '2026-11-24')).toEqual({ from: '2026-11-01', to: '2026-11-24' });
  });

  it('asks nothing when every day is known', () => {
    const known = mergeDailyAnswer(EMPTY_DAILY, ALICE, { from: '2026-11-01', to: '2026-11-24' }, [], KEEP);
    expect(daysToAsk(known, ALICE, '2026-11-01', '2026-11-24')).toBeNull();
    expect(daysToAsk(known, ALICE, '2026-11-10', '2026-11-24')).toBeNull();
  });

  it('asks only the new day once yesterday has completed', () => {
    const known = mergeDailyAnswer(EMPTY_DAILY, ALICE, { from: '2026-11-01', to: '2026-11-24' }, [], KEEP);
    expect(daysToAsk(known, ALICE, '2026-11-01', '2026-11-25')).toEqual({ from: '2026-11-25', to: '2026-11-25' });
  });

  it('asks from the first gap through the last complete day', () => {
    const known = mergeDailyAnswer(EMPTY_DAILY, ALICE, { from: '2026-11-10', to: '2026-11-24' }, [], KEEP);
    expect(daysToAsk(known, ALICE, '2026-11-01', '2026-11-24')).toEqual({ from: '2026-11-01', to: '2026-11-24' });
    expect(daysToAsk(known, BOB, '2026-11-20', '2026-11-24')).toEqual({ from: '2026-11-20', to: '2026-11-24' });
  });

  it(`never asks more than the ${MAX_DAILY_SPAN_DAYS} days the endpoint answers`, () => {
    expect(daysToAsk(EMPTY_DAILY, ALICE, '2025-01-01', '2026-11-24')).toEqual({ from: addDays('2026-11-24', -(MAX_DAILY_SPAN_DAYS - 1)), to: '2026-11-24' });
  });

  it('asks nothing when the needed days start after the last complete one', () => {
    expect(daysToAsk(EMPTY_DAILY, ALICE, '2026-11-25', '2026-11-24')).toBeNull();
  });

  it('is satisfied by what an answer to its request brings, whatever the answer holds', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays('2025-10-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), fc.array(fc.tuple(day, fc.nat())), (last, back, answered) => {
        const neededFrom = addDays(last, -back);
        const keep = dailyRetentionStart(addDays(last, 1));
        let daily = EMPTY_DAILY;
        const range = daysToAsk(daily, ALICE, neededFrom, last);
        if (range === null) throw new Error('an empty store knows nothing');
        expect(daysBetween(range.from, range.to)).toBeLessThan(MAX_DAILY_SPAN_DAYS);
        daily = mergeDailyAnswer(daily, ALICE, range, rows(answered), keep);
        expect(daysToAsk(daily, ALICE, neededFrom, last)).toBeNull();
        expect(Object.keys(daily.users[ALICE] ?? {}).length).toBeLessThanOrEqual(DAILY_RETENTION_DAYS);
      }),
    );
  });
});

describe('keeping what is there', () => {
  it('gives back the same value when nothing goes, so a save can skip writing the days', () => {
    const daily: DailyUsage = { apiTimezone: 'UTC', users: { [ALICE]: { '2026-11-24': kb(5) } } };
    expect(keepDailyUsers(daily, [ALICE, BOB], KEEP)).toBe(daily);
    expect(dailyFor(daily, UTC)).toBe(daily);
  });
});
