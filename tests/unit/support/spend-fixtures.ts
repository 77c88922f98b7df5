import type { BudgetView, CycleSpan, Measure, Projection, SpendView } from '@/utils/budget/spend-view';
import { kb, KB_PER_GB } from '@/utils/base/units';
import { money } from '@/utils/base/money';
import { UTC } from '@/utils/time/api-timezone';
import { addDays, dayStart, daysBetween, type DayKey } from '@/utils/time/day-keys';

/**
 * Spend views written by hand, as `spendView` would compute them, so that the budget alerts are
 * tested on the figures they judge whatever computes them. Days are in UTC.
 */

/** The cycle from `startDay` to `endDay` (exclusive), on `today`. */
export function cycleSpan(startDay: DayKey, endDay: DayKey, today: DayKey): CycleSpan {
  return {
    startDay,
    endDay,
    startMs: dayStart(startDay, UTC) ?? 0,
    endMs: dayStart(endDay, UTC) ?? 0,
    days: daysBetween(startDay, endDay),
    dayIndex: daysBetween(startDay, today),
  };
}

const TOO_LITTLE: Projection = { kind: 'too-little-history', daysKnown: 1, daysNeeded: 3 };

/** A budget with its limit and use (KB for traffic, money for money); no forecast unless given. */
export function budgetView(
  period: BudgetView['period'],
  used: number,
  limit: number,
  options: { measure?: Measure; projected?: Projection } = {},
): BudgetView {
  return {
    period,
    measure: options.measure ?? 'traffic',
    limit,
    used,
    share: used / limit,
    pace: null,
    leftPerDay: Math.max(0, limit - used),
    projected: options.projected ?? TOO_LITTLE,
    runsOut: { kind: 'not-this-period' },
  };
}

/** A view of the cycle 2026-11-15 → 2026-12-15 on `today` (2026-12-02 unless said), with no budget unless given. */
export function spendFixture(overrides: Partial<SpendView> = {}, today: DayKey = '2026-12-02'): SpendView {
  return {
    cycle: cycleSpan('2026-11-15', '2026-12-15', today),
    cost: null,
    daily: null,
    cycleBudget: null,
    todayKb: kb(0),
    cycleKb: kb(0),
    rapidUse: null,
    missingDays: 0,
    ...overrides,
  };
}

/** The same budgets in the next cycle (2026-12-15 → 2027-01-15), `days` days into it. */
export function nextCycle(view: SpendView, days = 0): SpendView {
  return { ...view, cycle: cycleSpan('2026-12-15', '2027-01-15', addDays('2026-12-15', days)) };
}

/**
 * A spend view worked out by hand for 2026-11-25 12:00 UTC, in a cycle from Nov 15 to Dec 14
 * (30 days, 10.5 of them gone: an elapsed share of 0.35), the API in UTC.
 *
 * Cost in USD: $0.40 this hour, $12.34 today, $123.45 this cycle, projected $341.20–410.80.
 * The cycle budget is $400: an even pace would have used 400 × 0.35 = $140, so $123.45 is
 * (123.45 − 140) ÷ 140 = 11.8 % behind; $276.55 left over the 20 days from Nov 25 to Dec 14 is
 * $13.83 a day; at today's pace it runs out on Dec 10.
 * The daily budget is 10 GiB: half the day gone, 6 GiB used is (6 − 5) ÷ 5 = 20 % ahead, 4 GiB
 * left today, projected 10.5–12 GiB, running out at 20:00 UTC.
 */
export const SPEND_NOW = Date.parse('2026-11-25T12:00:00Z');
export const DAILY_RUNS_OUT_AT = Date.parse('2026-11-25T20:00:00Z');

export const CYCLE_BUDGET: BudgetView = {
  period: 'cycle',
  measure: 'money',
  limit: 400,
  used: 123.45,
  share: 123.45 / 400,
  pace: (123.45 - 140) / 140,
  leftPerDay: (400 - 123.45) / 20,
  projected: { kind: 'range', low: 341.2, high: 410.8 },
  runsOut: { kind: 'on', day: '2026-12-10', atMs: Date.parse('2026-12-10T09:30:00Z') },
};

export const DAILY_BUDGET: BudgetView = {
  period: 'daily',
  measure: 'traffic',
  limit: 10 * KB_PER_GB,
  used: 6 * KB_PER_GB,
  share: 0.6,
  pace: 0.2,
  leftPerDay: 4 * KB_PER_GB,
  projected: { kind: 'range', low: 10.5 * KB_PER_GB, high: 12 * KB_PER_GB },
  runsOut: { kind: 'on', day: '2026-11-25', atMs: DAILY_RUNS_OUT_AT },
};

export const SPEND_VIEW: SpendView = {
  cycle: {
    startDay: '2026-11-15',
    endDay: '2026-12-15',
    startMs: Date.parse('2026-11-15T00:00:00Z'),
    endMs: Date.parse('2026-12-15T00:00:00Z'),
    days: 30,
    dayIndex: 10,
  },
  cost: {
    currency: 'USD',
    hour: money(0.4),
    today: money(12.34),
    cycle: money(123.45),
    projectedCycle: { kind: 'range', low: 341.2, high: 410.8 },
    unpriced: [3],
  },
  daily: DAILY_BUDGET,
  cycleBudget: CYCLE_BUDGET,
  todayKb: kb(6 * KB_PER_GB),
  cycleKb: kb(60 * KB_PER_GB),
  rapidUse: null,
  missingDays: 0,
};

/** No price and no budget: what a user who set neither has. */
export const NOTHING_SET: SpendView = { ...SPEND_VIEW, cost: null, daily: null, cycleBudget: null };
