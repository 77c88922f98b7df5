import type { AlertBase } from './evaluate';
import type { BudgetView, Measure, SpendView } from '@/utils/budget/spend-view';
import type { Budgets } from '@/utils/settings/model';
import { addDays, type DayKey } from '@/utils/time/day-keys';

/** A budget's figures in its own measure: KB for a traffic budget, an amount of `currency` for a money one. */
interface BudgetFacts {
  readonly measure: Measure;
  /** The prices' currency (ISO 4217); what a money figure is counted in. */
  readonly currency: string;
  /** The budget's limit, in the measure. */
  readonly limit: number;
}

/** A budget alert, with the facts its words need. */
export type BudgetAlert = AlertBase &
  BudgetFacts &
  (
    /** Actual use reached `percent` % of the daily or the cycle budget. */
    | { readonly kind: 'budget-use'; readonly period: 'daily' | 'cycle'; readonly percent: number; readonly used: number }
    /** At the last 24 hours' and the last 7 days' rates alike, the cycle ends over its budget. */
    | { readonly kind: 'budget-forecast'; readonly low: number; readonly high: number; readonly lastDay: DayKey }
    /** The last 4 days scaled to the whole cycle pass `threshold` (1.5 × the cycle budget). */
    | { readonly kind: 'rapid-use'; readonly scaled: number; readonly threshold: number }
  );

/** The settings the budget rules follow. */
export type BudgetRules = Pick<Budgets, 'usePercents' | 'forecastAlert' | 'rapidUseAlert'>;

/**
 * The rules whose period is the billing cycle: their keys name the cycle's first day and stay
 * in the alert log for a whole cycle (log.ts), however long ago they fired.
 */
const CYCLE_KEY_PREFIXES = ['budget-use:cycle:', 'budget-forecast:', 'rapid-use:'] as const;

/** Whether an alert key belongs to a billing cycle rather than to an hour or a day. */
export function isCycleKey(key: string): boolean {
  return CYCLE_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * The use thresholds of one budget: the highest percentage reached notifies, and stands for the
 * lower ones (recorded with it), so a jump from 40 % to 90 % says "80 %" once, not "50 %" and
 * "80 %" together, and "50 %" never comes after it.
 */
function useAlerts(budget: BudgetView, percents: readonly number[], period: DayKey, currency: string): BudgetAlert[] {
  const reached = [...new Set(percents)].filter((percent) => budget.used * 100 >= budget.limit * percent).sort((a, b) => a - b);
  const highest = reached.at(-1);
  if (highest === undefined) return [];
  const keyOf = (percent: number) => `budget-use:${budget.period}:${percent}:${period}`;
  return [
    {
      kind: 'budget-use',
      key: keyOf(highest),
      covers: reached.slice(0, -1).map(keyOf),
      level: false,
      target: 'popup',
      period: budget.period,
      percent: highest,
      used: budget.used,
      limit: budget.limit,
      measure: budget.measure,
      currency,
    },
  ];
}

/**
 * What the budgets call for now, fired or not (log.ts picks the new ones). Keys name the rule,
 * the budget and its period: today for the daily budget, the cycle's first day for the rest.
 * The forecast waits for a range (3 days of history) whose low end is over the budget, so both
 * rates agree.
 */
export function budgetAlerts(view: SpendView, rules: BudgetRules, currency: string): BudgetAlert[] {
  const { cycle, daily, cycleBudget } = view;
  const today = addDays(cycle.startDay, cycle.dayIndex);
  const alerts: BudgetAlert[] = [];
  if (daily) alerts.push(...useAlerts(daily, rules.usePercents, today, currency));
  if (!cycleBudget) return alerts;
  alerts.push(...useAlerts(cycleBudget, rules.usePercents, cycle.startDay, currency));
  const facts = { level: false, target: 'popup', measure: cycleBudget.measure, currency, limit: cycleBudget.limit } as const;
  const projected = cycleBudget.projected;
  if (rules.forecastAlert && projected.kind === 'range' && projected.low > cycleBudget.limit) {
    alerts.push({
      ...facts,
      kind: 'budget-forecast',
      key: `budget-forecast:${cycle.startDay}`,
      low: projected.low,
      high: projected.high,
      lastDay: addDays(cycle.endDay, -1),
    });
  }
  const rapid = view.rapidUse;
  if (rules.rapidUseAlert && rapid && rapid.scaled > rapid.threshold) {
    alerts.push({ ...facts, kind: 'rapid-use', key: `rapid-use:${cycle.startDay}`, scaled: rapid.scaled, threshold: rapid.threshold });
  }
  return alerts;
}
