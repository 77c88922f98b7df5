import { describe, expect, it } from 'vitest';
import { spendView, type BudgetView, type Projection, type SpendInput } from '@/utils/budget/spend-view';
import { money } from '@/utils/base/money';
import { kb } from '@/utils/base/units';
import type { BudgetLimit } from '@/utils/settings/model';
import type { ApiTimezone } from '@/utils/time/api-timezone';
import { EMPTY_DAILY } from '@/utils/usage/daily';
import { userKey, watching } from '../support/watching';
import { cachedUser, cacheOf, dailyOf, GB, hoursOfDay, hoursOfDays, pricesOf, sameEveryDay, settingsOf } from './fixtures';

/*
 * A month worked out by hand. Cycle from 1 Nov 2026 (30 days, UTC); now is day 10 at noon.
 * Alice (Residential) and Bob (Unlimited):
 *   1–2 Nov   (daily store only)          Alice 5 GB a day, Bob 1 GB          →  12 GB
 *   3–9 Nov   (daily store; hours of 4–9) Alice 12 GB (0.5 GB/h), Bob 3 GB (0.125 GB/h) → 7 × 15 = 105 GB
 *   10 Nov    00:00–12:00 (hours)         Alice 0.25 GB/h for 12 h = 3 GB, Bob nothing
 *   cycle so far: 12 + 105 + 3 = 120 GB.
 */
const NOW = Date.parse('2026-11-10T12:00:00Z');
const ALICE = userKey(1, 'alice');
const BOB = userKey(2, 'bob');
const WATCHED = [...watching(['alice'], 1), ...watching(['bob'], 2)];

const CACHE = cacheOf({
  [ALICE]: cachedUser({ ...hoursOfDays('2026-11-04', '2026-11-09', 0.5 * GB), ...hoursOfDay('2026-11-10', 0.25 * GB, 0, 11) }, NOW),
  [BOB]: cachedUser(hoursOfDays('2026-11-04', '2026-11-09', 0.125 * GB), NOW),
});
const DAILY = dailyOf({
  [ALICE]: { ...sameEveryDay('2026-11-01', '2026-11-02', 5 * GB), ...sameEveryDay('2026-11-03', '2026-11-09', 12 * GB) },
  [BOB]: { ...sameEveryDay('2026-11-01', '2026-11-02', 1 * GB), ...sameEveryDay('2026-11-03', '2026-11-09', 3 * GB) },
});

const traffic = (gb: number): BudgetLimit => ({ kind: 'traffic', kb: kb(gb * GB) });
const cash = (amount: number): BudgetLimit => ({ kind: 'money', amount: money(amount) });

function input(budgets: { daily?: BudgetLimit; cycle?: BudgetLimit } = {}, extra: Partial<SpendInput> = {}): SpendInput {
  return {
    settings: settingsOf(WATCHED, { prices: pricesOf({ 1: 2 }), budgets: { cycleStartDay: 1, ...budgets } }),
    cache: CACHE,
    daily: DAILY,
    now: NOW,
    ...extra,
  };
}

/** A projection's range in GB (or money, with `unit` 1). */
function range(projection: Projection | undefined, unit = GB): [number, number] | Projection | undefined {
  return projection?.kind === 'range' ? [projection.low / unit, projection.high / unit] : projection;
}

function expectClose(actual: number | null | undefined, expected: number) {
  expect(actual).not.toBeNull();
  expect(actual).toBeCloseTo(expected, 6);
}

describe('the spend view, worked out by hand', () => {
  it('places today in the cycle and sums the traffic over everything watched', () => {
    const view = spendView(input());
    expect(view.cycle).toMatchObject({ startDay: '2026-11-01', endDay: '2026-12-01', days: 30, dayIndex: 9 });
    expect(view.todayKb / GB).toBe(3);
    expect(view.cycleKb / GB).toBe(120);
    expect(view.missingDays).toBe(0);
  });

  it('judges a 300 GB cycle budget: 40 % used, 26.3 % ahead, 8.57 GB a day left, ending between 335 and 428 GB', () => {
    const cycle = spendView(input({ cycle: traffic(300) })).cycleBudget as BudgetView;
    expect(cycle).toMatchObject({ period: 'cycle', measure: 'traffic', limit: 300 * GB, used: 120 * GB, share: 0.4 });
    // Elapsed 9.5 / 30 days; an even pace is 95 GB: (120 − 95) / 95 = +26.3 %.
    expectClose(cycle.pace, 25 / 95);
    // 180 GB left over the 21 days from the 10th to the 30th.
    expectClose(cycle.leftPerDay / GB, 180 / 21);
    // Last 24 whole hours (9 Nov 12:00 to 10 Nov 11:00): Alice 12 × 0.5 + 12 × 0.25 = 9, Bob 12 × 0.125 = 1.5 → 10.5 GB a day.
    // Last 7 days (3–9 Nov): 105 GB → 15 GB a day. 20.5 days to go:
    // 120 + 10.5 × 20.5 = 335.25 GB; 120 + 15 × 20.5 = 427.5 GB.
    const [low, high] = range(cycle.projected) as [number, number];
    expectClose(low, 335.25);
    expectClose(high, 427.5);
    // Today's pace: 3 GB by noon is 6 GB a day; 180 GB would last 30 days, past 1 Dec.
    expect(cycle.runsOut).toEqual({ kind: 'not-this-period' });
  });

  it('judges a 5 GB daily budget: 20 % ahead, 2 GB left today, spent by 20:00', () => {
    const daily = spendView(input({ daily: traffic(5) })).daily as BudgetView;
    expect(daily).toMatchObject({ period: 'daily', measure: 'traffic', used: 3 * GB, share: 0.6 });
    // Half the day gone: an even pace is 2.5 GB; (3 − 2.5) / 2.5 = +20 %.
    expectClose(daily.pace, 0.2);
    expectClose(daily.leftPerDay / GB, 2);
    // 12 h to go: 3 + 10.5 / 2 = 8.25 GB; 3 + 15 / 2 = 10.5 GB.
    const [low, high] = range(daily.projected) as [number, number];
    expectClose(low, 8.25);
    expectClose(high, 10.5);
    // 6 GB a day is 0.25 GB an hour: the 2 GB left last 8 h.
    expect(daily.runsOut).toEqual({ kind: 'on', day: '2026-11-10', atMs: Date.parse('2026-11-10T20:00:00Z') });
  });

  it('costs Alice’s Residential traffic at 2 a GB and names Unlimited as unpriced', () => {
    const cost = spendView(input()).cost;
    // Today 3 GB × 2 = 6; cycle (2 × 5 + 7 × 12 + 3) GB = 97 GB × 2 = 194; this hour has no figure yet.
    expect(cost).toMatchObject({ currency: 'USD', hour: 0, today: 6, cycle: 194, unpriced: [2] });
    // Rates in money: last 24 h 9 GB × 2 = 18 a day; last 7 days 12 GB × 2 = 24 a day.
    // 194 + 18 × 20.5 = 563; 194 + 24 × 20.5 = 686.
    const [low, high] = range(cost?.projectedCycle, 1) as [number, number];
    expectClose(low, 563);
    expectClose(high, 686);
  });

  it('judges money budgets on the priced products only', () => {
    const view = spendView(input({ daily: cash(10), cycle: cash(400) }));
    const cycle = view.cycleBudget as BudgetView;
    expect(cycle).toMatchObject({ measure: 'money', limit: 400, used: 194 });
    // Even pace 400 × 9.5 / 30 = 126.67: (194 − 126.67) / 126.67 = +53.2 %; 206 left over 21 days.
    expectClose(cycle.pace, (194 - 400 * 9.5 / 30) / (400 * 9.5 / 30));
    expectClose(cycle.leftPerDay, 206 / 21);
    expect(range(cycle.projected, 1)).toEqual([expect.closeTo(563, 6), expect.closeTo(686, 6)]);
    // Today 6 by noon: 12 a day; 206 left lasts 17 1/6 days: 10 Nov 12:00 + 17 d 4 h = 27 Nov 16:00.
    expect(cycle.runsOut).toEqual({ kind: 'on', day: '2026-11-27', atMs: expect.closeTo(Date.parse('2026-11-27T16:00:00Z'), 0) });
    const daily = view.daily as BudgetView;
    expect(daily).toMatchObject({ measure: 'money', limit: 10, used: 6 });
    expectClose(daily.pace, 0.2);
    expectClose(daily.leftPerDay, 4);
    expect(daily.runsOut).toMatchObject({ kind: 'on', atMs: expect.closeTo(Date.parse('2026-11-10T20:00:00Z'), 0) });
  });

  it('measures rapid use: the last 96 hours ÷ 4 × 30 days against 1.5 × the cycle budget', () => {
    // 96 hours from 6 Nov 13:00 to 10 Nov 12:00: 83 hours of 0.625 GB (51.875) + today's 3 GB = 54.875 GB.
    // ÷ 4 × 30 = 411.5625 GB, under 1.5 × 300 = 450 GB.
    const rapid = spendView(input({ cycle: traffic(300) })).rapidUse;
    expectClose((rapid?.scaled ?? NaN) / GB, 411.5625);
    expectClose((rapid?.threshold ?? NaN) / GB, 450);
    // In money, Alice's 83 × 0.5 + 3 = 44.5 GB × 2 = 89; ÷ 4 × 30 = 667.5, over 1.5 × 400 = 600.
    const money = spendView(input({ cycle: cash(400) })).rapidUse;
    expectClose(money?.scaled, 667.5);
    expectClose(money?.threshold, 600);
  });
});

describe('the spend view when figures or settings are missing', () => {
  it('has no cost, and no money budget, while no watched product has a price', () => {
    const unpriced = { settings: settingsOf(WATCHED, { prices: pricesOf({ 3: 5 }), budgets: { cycleStartDay: 1, daily: cash(10), cycle: traffic(300) } }) };
    const view = spendView(input({}, unpriced));
    expect(view.cost).toBeNull();
    expect(view.daily).toBeNull();
    expect(view.cycleBudget?.measure).toBe('traffic');
  });

  it('has no budget that is off, and no rapid use without a cycle budget', () => {
    const view = spendView(input({ daily: { kind: 'off' }, cycle: { kind: 'off' } }));
    expect([view.daily, view.cycleBudget, view.rapidUse]).toEqual([null, null, null]);
  });

  it('has no rapid use while a watched user’s hours were never fetched', () => {
    const cache = cacheOf({ ...CACHE.users, [BOB]: cachedUser({}, null) });
    expect(spendView(input({ cycle: traffic(300) }, { cache })).rapidUse).toBeNull();
  });

  it('says there is too little history with fewer than 3 complete days known, and counts the missing ones', () => {
    // No hours fetched; the daily store knows 8 and 9 Nov only.
    const daily = dailyOf({ [ALICE]: sameEveryDay('2026-11-08', '2026-11-09', GB), [BOB]: sameEveryDay('2026-11-08', '2026-11-09', GB) });
    const view = spendView(input({ daily: traffic(5), cycle: traffic(300) }, { cache: cacheOf({}), daily }));
    const tooLittle = { kind: 'too-little-history', daysKnown: 2, daysNeeded: 3 };
    expect(view.cycleBudget?.projected).toEqual(tooLittle);
    expect(view.cycleBudget?.runsOut).toEqual(tooLittle);
    expect(view.daily?.projected).toEqual(tooLittle);
    expect(view.cost?.projectedCycle).toEqual(tooLittle);
    // The daily budget's run-out is within today: no history needed (and nothing used today).
    expect(view.daily?.runsOut).toEqual({ kind: 'not-this-period' });
    // 1–7 Nov are not known: the cycle's 4 GB is partial.
    expect(view.missingDays).toBe(7);
    expect(view.cycleKb / GB).toBe(4);
  });

  it('knows when a spent budget ran out', () => {
    // A 100 GB cycle budget: 12 GB on 1–2 Nov, then 15 GB a day reach 100 GB during 8 Nov
    // (12 + 5 × 15 = 87 GB by its start): 13/15 of the way through it.
    const cycle = spendView(input({ cycle: traffic(100) })).cycleBudget as BudgetView;
    expect(cycle.leftPerDay).toBe(0);
    expect(cycle.runsOut).toEqual({ kind: 'already', atMs: expect.closeTo(Date.parse('2026-11-08T00:00:00Z') + (13 / 15) * 86_400_000, 0) });
    // A 2 GB daily budget: 0.25 GB an hour reach it at the end of 07:00–08:00.
    expect(spendView(input({ daily: traffic(2) })).daily?.runsOut).toEqual({ kind: 'already', atMs: Date.parse('2026-11-10T08:00:00Z') });
  });

  it('covers everything watched, whatever the badge shows', () => {
    const scoped = input();
    const view = spendView({ ...scoped, settings: { ...scoped.settings, badgeScope: { kind: 'product', proxyType: 2 } } });
    expect(view.cycleKb / GB).toBe(120);
  });

  it('counts days and the cycle in the API timezone', () => {
    const utc8: ApiTimezone = { kind: 'offset', minutes: 480 };
    // 10 Nov 12:00 UTC is 20:00 in UTC+8; stores read under UTC are other days there and count for nothing.
    const view = spendView({ ...input({ cycle: traffic(300) }), settings: settingsOf(WATCHED, { apiTimezone: utc8, budgets: { cycleStartDay: 1, cycle: traffic(300) } }) });
    expect(view.cycle).toMatchObject({ startMs: Date.parse('2026-10-31T16:00:00Z'), dayIndex: 9 });
    expect([view.cycleKb, view.missingDays]).toEqual([0, 9]);
    const here = spendView({ ...input(), daily: EMPTY_DAILY, cache: cacheOf({ [ALICE]: cachedUser(hoursOfDay('2026-11-10', GB, 0, 20), NOW) }, 'UTC+8'), settings: settingsOf(WATCHED, { apiTimezone: utc8 }) });
    // Today in UTC+8 runs to 20:00 so far: 21 hours of 1 GB.
    expect(here.todayKb / GB).toBe(21);
  });
});
