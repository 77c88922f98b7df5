import type { Prices, BudgetLimit } from '@/utils/settings/model';
import { asCost } from './cost';
import type { Measure } from './spend-view';
import type { Weigh } from './usage-ledger';

/** Traffic measured as traffic. */
export const asTraffic: Weigh = (_, amount) => amount;

/** A budget's limit in its own measure, with the way use is counted in it. */
export interface MeasuredLimit {
  readonly measure: Measure;
  readonly amount: number;
  readonly weigh: Weigh;
}

/**
 * The limit a budget setting sets, or null when it sets none: off, a money budget while no
 * watched product has a price (every cost would be 0), or a limit of nothing.
 */
export function measuredLimit(limit: BudgetLimit, prices: Prices, priced: boolean): MeasuredLimit | null {
  if (limit.kind === 'traffic') return limit.kb > 0 ? { measure: 'traffic', amount: limit.kb, weigh: asTraffic } : null;
  if (limit.kind === 'money') return priced && limit.amount > 0 ? { measure: 'money', amount: limit.amount, weigh: asCost(prices) } : null;
  return null;
}
