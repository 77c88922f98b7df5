import { HOUR_MS, DAY_MS } from '@/utils/base/durations';
import { RAPID_USE_HOURS } from './hour-windows';
import type { MeasuredLimit } from './measure';
import type { CycleSpan, SpendView } from './spend-view';
import { inMeasure, type UsageLedger } from './usage-ledger';

/** Android's rule: the last 4 days scaled to the cycle past 1.5 × the limit is rapid use. */
export const RAPID_USE_FACTOR = 1.5;

const RAPID_USE_DAYS = (RAPID_USE_HOURS * HOUR_MS) / DAY_MS;

/**
 * The last 96 hours' use ÷ 4 × the cycle's days, in the cycle budget's measure, against
 * 1.5 × the budget. Null without a cycle budget, or when some watched user's hours do not
 * reach back 96 hours (a short window would read as slow use).
 */
export function rapidUse(ledger: UsageLedger, cycle: CycleSpan, limit: MeasuredLimit | null): SpendView['rapidUse'] {
  if (limit === null || !ledger.covers96Hours) return null;
  const last96 = inMeasure(ledger, limit.weigh, (use) => use.last96Kb);
  return { scaled: (last96 / RAPID_USE_DAYS) * cycle.days, threshold: RAPID_USE_FACTOR * limit.amount };
}
