import { DAY_MS, HOUR_MS } from '@/utils/base/durations';
import type { Projection } from './spend-view';
import { inMeasure, type UsageLedger, type Weigh } from './usage-ledger';

/** Fewer complete days known than this among the last 7, and forecasts say so instead of guessing. */
export const MIN_HISTORY_DAYS = 3;

/** The two recent rates a forecast runs on, per ms in the measure, and how many complete days it knows. */
export interface RecentRates {
  /** The 24 whole hours before the current one ÷ 24 h. */
  readonly last24: number;
  /** The last 7 complete days known for every watched user ÷ those days. */
  readonly last7: number;
  readonly daysKnown: number;
}

/**
 * The rates in a measure. The 7-day rate averages the days known: a day not fetched yet is left
 * out rather than read as a day without traffic (with all 7 known, it is their use ÷ 7 days).
 */
export function recentRates(ledger: UsageLedger, weigh: Weigh): RecentRates {
  const daysKnown = ledger.historyDays;
  return {
    last24: inMeasure(ledger, weigh, (use) => use.last24Kb) / (24 * HOUR_MS),
    last7: daysKnown === 0 ? 0 : inMeasure(ledger, weigh, (use) => use.historyKb) / (daysKnown * DAY_MS),
    daysKnown,
  };
}

/** The use at the period's end if each rate holds from now: used + rate × (end − now), as a (low, high) range. */
export function projectedEnd(used: number, rates: RecentRates, now: number, endMs: number): Projection {
  if (rates.daysKnown < MIN_HISTORY_DAYS) return { kind: 'too-little-history', daysKnown: rates.daysKnown, daysNeeded: MIN_HISTORY_DAYS };
  const rest = Math.max(0, endMs - now);
  const ends = [used + rates.last24 * rest, used + rates.last7 * rest];
  return { kind: 'range', low: Math.min(...ends), high: Math.max(...ends) };
}
