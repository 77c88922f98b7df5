import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elapsedShare } from '@/utils/budget/pace';
import { spendView, type BudgetView } from '@/utils/budget/spend-view';
import { todaySpan, type Span } from '@/utils/budget/time-spans';
import { money } from '@/utils/base/money';
import { DAY_MS } from '@/utils/base/durations';
import { kb } from '@/utils/base/units';
import type { ProxyType } from '@/utils/api/thordata-client';
import type { WatchedUser } from '@/utils/settings/model';
import { watchKey } from '@/utils/settings/watched';
import { UTC } from '@/utils/time/api-timezone';
import { addDays, dayKeyAt } from '@/utils/time/day-keys';
import { cachedUser, cacheOf, dailyOf, GB, pricesOf, settingsOf } from './fixtures';
import type { PlainUsage } from '../support/usage-fixtures';

// Random months: up to 4 users of any product, each with random hours over the last week and
// random complete days in the daily store (some left out), judged at a random moment.
const MONTH_START = Date.parse('2026-11-01T00:00:00Z');

const user = fc.record({ account: fc.constant('1'), proxyType: fc.constantFrom<ProxyType>(1, 2, 3), username: fc.constantFrom('a', 'b', 'c', 'd') });
const users = fc.uniqueArray(user, { minLength: 1, maxLength: 4, selector: watchKey });
const amount = fc.double({ min: 0, max: 2 * GB, noNaN: true });

interface Month {
  readonly now: number;
  readonly watched: WatchedUser[];
  readonly cache: Record<string, PlainUsage>;
  readonly daily: Record<string, Record<string, number>>;
}

const month: fc.Arbitrary<Month> = fc
  .record({ now: fc.integer({ min: MONTH_START, max: MONTH_START + 60 * DAY_MS }), watched: users })
  .chain(({ now, watched }) => {
    const today = dayKeyAt(now, UTC);
    const hourly = fc.array(amount, { minLength: 24 * 8, maxLength: 24 * 8 });
    const days = fc.array(fc.option(fc.double({ min: 0, max: 40 * GB, noNaN: true }), { nil: undefined }), { minLength: 40, maxLength: 40 });
    return fc.tuple(fc.constant(now), fc.constant(watched), fc.array(fc.tuple(hourly, days), { minLength: watched.length, maxLength: watched.length })).map(([at, who, figures]): Month => {
      const cache: Record<string, PlainUsage> = {};
      const daily: Record<string, Record<string, number>> = {};
      who.forEach((entry, index) => {
        const [hoursList, dayList] = figures[index] ?? [[], []];
        const hours: Record<string, number> = {};
        hoursList.forEach((value, back) => {
          const hour = new Date(at - back * 3_600_000).toISOString().slice(0, 13).replace('T', ' ');
          hours[hour] = value;
        });
        const known: Record<string, number> = {};
        dayList.forEach((value, back) => {
          if (value !== undefined) known[addDays(today, -1 - back)] = value;
        });
        cache[watchKey(entry)] = cachedUser(hours, at);
        daily[watchKey(entry)] = known;
      });
      return { now: at, watched: who, cache, daily };
    });
  });

const budgetGb = fc.integer({ min: 1, max: 2000 });
const prices = fc.record({ 1: fc.double({ min: 0.1, max: 20, noNaN: true }), 2: fc.double({ min: 0.1, max: 20, noNaN: true }) });

function viewOf(m: Month, limitGb: number, perGb: { 1: number; 2: number }, startDay: number, watched = m.watched) {
  const settings = settingsOf(watched, {
    prices: pricesOf(perGb),
    budgets: { cycleStartDay: startDay, cycle: { kind: 'traffic', kb: kb(limitGb * GB) }, daily: { kind: 'money', amount: money(limitGb / 10) } },
  });
  return spendView({ settings, cache: cacheOf(m.cache), daily: dailyOf(m.daily), now: m.now });
}

function checkBudget(view: BudgetView, period: Span, now: number, daysLeft: number) {
  if (view.projected.kind === 'range') {
    expect(view.projected.low).toBeLessThanOrEqual(view.projected.high);
    expect(view.projected.low).toBeGreaterThanOrEqual(view.used);
  }
  if (view.used <= view.limit) expect(Math.abs(view.leftPerDay * daysLeft + view.used - view.limit)).toBeLessThanOrEqual(1e-9 * view.limit);
  else expect(view.leftPerDay).toBe(0);
  const even = view.limit * elapsedShare(period, now);
  if (view.pace !== null) expect(Math.sign(view.pace)).toBe(Math.sign(view.used - even));
  else expect(even).toBe(0);
  if (view.runsOut.kind === 'already') expect(view.used).toBeGreaterThanOrEqual(view.limit);
  else expect(view.used).toBeLessThan(view.limit);
}

describe('the spend view of any month', () => {
  it('projects ranges no lower than the use so far, paces by the even share, leaves per day what reaches the limit', () => {
    fc.assert(
      fc.property(month, budgetGb, prices, fc.integer({ min: 1, max: 31 }), (m, limitGb, perGb, startDay) => {
        const view = viewOf(m, limitGb, perGb, startDay);
        if (view.cycleBudget) checkBudget(view.cycleBudget, view.cycle, m.now, view.cycle.days - view.cycle.dayIndex);
        if (view.daily) checkBudget(view.daily, todaySpan(m.now, UTC), m.now, 1);
        expect(view.cycleKb).toBeGreaterThanOrEqual(view.todayKb);
      }),
      { numRuns: 60 },
    );
  });

  it('costs a team what its members cost apart', () => {
    fc.assert(
      fc.property(month, prices, fc.integer({ min: 1, max: 31 }), (m, perGb, startDay) => {
        const whole = viewOf(m, 100, perGb, startDay).cost;
        const parts = m.watched.map((entry) => viewOf(m, 100, perGb, startDay, [entry]).cost);
        for (const field of ['hour', 'today', 'cycle'] as const) {
          const sum = parts.reduce((total, part) => total + (part?.[field] ?? 0), 0);
          expect(Math.abs((whole?.[field] ?? 0) - sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, sum));
        }
      }),
      { numRuns: 40 },
    );
  });
});
