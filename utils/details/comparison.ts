import type { Kb } from '@/utils/base/units';
import type { UsageRecords } from '@/utils/budget/day-totals';
import type { WatchedUser } from '@/utils/settings/model';
import { previousRange, type ResolvedRange } from './range';
import { detailFigures, type DetailFigures, type StackBy } from './series';

/** A period's total against the one before it; the words ("+18 % vs last week") are the page's. */
export interface PeriodChange {
  readonly total: Kb | null;
  readonly previousTotal: Kb | null;
  /** (total − previous) / previous: 0.18 for +18 %; null when either is unknown or the previous is 0 (no ratio to speak of). */
  readonly change: number | null;
}

export function periodChange(total: Kb | null, previousTotal: Kb | null): PeriodChange {
  const change = total === null || previousTotal === null || previousTotal === 0 ? null : (total - previousTotal) / previousTotal;
  return { total, previousTotal, change };
}

/** The range's figures, the previous period's (the chart's second series) and the change between their totals. */
export interface RangeComparison {
  readonly current: DetailFigures;
  readonly previous: DetailFigures;
  readonly change: PeriodChange;
}

export function compareWithPrevious(records: UsageRecords, watched: readonly WatchedUser[], range: ResolvedRange, stackBy: StackBy, now: number): RangeComparison {
  const current = detailFigures(records, watched, range, stackBy, now);
  const previous = detailFigures(records, watched, previousRange(range), stackBy, now);
  return { current, previous, change: periodChange(current.total, previous.total) };
}
