import type { ApiTimezone } from '@/utils/time/api-timezone';
import type { MeasuredLimit } from './measure';
import { elapsedShare, leftPerDay, paceOf } from './pace';
import { projectedEnd, recentRates } from './projection';
import { reachedAt, runOutAtTodaysPace } from './run-out';
import type { BudgetView, CycleSpan } from './spend-view';
import { inMeasure, spanTotals, type UsageLedger } from './usage-ledger';

export interface BudgetInput {
  readonly period: BudgetView['period'];
  readonly limit: MeasuredLimit;
  readonly ledger: UsageLedger;
  readonly cycle: CycleSpan;
  readonly now: number;
  readonly tz: ApiTimezone;
}

/**
 * A budget's bar: the daily one judges today (left per day is what is left today), the cycle one
 * the cycle (left per day over the days left counting today). Only the cycle's run-out needs
 * history: the daily one is within today, on today's hours.
 */
export function budgetView({ period, limit, ledger, cycle, now, tz }: BudgetInput): BudgetView {
  const { amount, weigh } = limit;
  const isCycle = period === 'cycle';
  const span = isCycle ? cycle : ledger.today;
  const used = inMeasure(ledger, weigh, isCycle ? (use) => use.cycleKb : (use) => use.todayKb);
  const firstSpan = isCycle ? 0 : ledger.todayFrom;
  const reachedAtMs = used >= amount ? reachedAt(ledger.spans.slice(firstSpan), spanTotals(ledger, weigh).slice(firstSpan), amount) : null;
  return {
    period,
    measure: limit.measure,
    limit: amount,
    used,
    share: used / amount,
    pace: paceOf(used, amount, elapsedShare(span, now)),
    leftPerDay: leftPerDay(used, amount, isCycle ? cycle.days - cycle.dayIndex : 1),
    projected: projectedEnd(used, recentRates(ledger, weigh), now, span.endMs),
    runsOut: runOutAtTodaysPace({
      used,
      limit: amount,
      todayUsed: inMeasure(ledger, weigh, (use) => use.todayKb),
      today: ledger.today,
      now,
      periodEndMs: span.endMs,
      tz,
      daysKnown: isCycle ? ledger.historyDays : null,
      reachedAtMs,
    }),
  };
}
