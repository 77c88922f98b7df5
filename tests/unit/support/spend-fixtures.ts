import type { BudgetView, SpendView } from '@/utils/budget/spend-view';
import { money } from '@/utils/base/money';
import { kb, KB_PER_GB } from '@/utils/base/units';

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
