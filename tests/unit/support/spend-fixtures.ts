import type { BudgetView, CycleSpan, Measure, Projection, SpendView } from '@/utils/budget/spend-view';
import { kb } from '@/utils/base/units';
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
