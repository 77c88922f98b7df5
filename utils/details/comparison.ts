import type { Kb } from '@/utils/base/units';
import type { UsageRecords } from '@/utils/budget/day-totals';
import type { WatchedUser } from '@/utils/settings/model';
import type { DayKey } from '@/utils/time/day-keys';
import { EMPTY_OVERLAY, type HourOverlay } from './hour-fetches';
import { earliestAskableDay, previousRange, type ResolvedRange } from './range';
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
  /** The span `previous` covers. */
  readonly previousRange: ResolvedRange;
  readonly change: PeriodChange;
}

/** `overlay`: the hours fetched for the page, e.g. the previous week of the 7 d range, which the cache no longer holds. */
export function compareWithPrevious(
  records: UsageRecords,
  watched: readonly WatchedUser[],
  range: ResolvedRange,
  stackBy: StackBy,
  now: number,
  overlay: HourOverlay = EMPTY_OVERLAY,
): RangeComparison {
  const before = previousRange(range);
  const current = detailFigures(records, watched, range, stackBy, now, overlay);
  const previous = detailFigures(records, watched, before, stackBy, now, overlay);
  return { current, previous, previousRange: before, change: periodChange(current.total, previous.total) };
}

/**
 * The change, or why there is none to tell: this period not all known yet; the previous one
 * reaching further back than Thordata answers (it keeps 180 days: those days stay unknown); the
 * previous one not fetched yet; or the previous one at 0, against which no ratio means anything.
 */
export type ChangeReading =
  | { readonly kind: 'change'; readonly change: number }
  | { readonly kind: 'current-unknown' }
  | { readonly kind: 'previous-too-old'; readonly earliest: DayKey }
  | { readonly kind: 'previous-unknown' }
  | { readonly kind: 'previous-zero' };

export function readChange({ change, previousRange: before }: RangeComparison, today: DayKey): ChangeReading {
  if (change.change !== null) return { kind: 'change', change: change.change };
  if (change.total === null) return { kind: 'current-unknown' };
  if (change.previousTotal === null) {
    const earliest = earliestAskableDay(today);
    return before.granularity === 'day' && before.first < earliest ? { kind: 'previous-too-old', earliest } : { kind: 'previous-unknown' };
  }
  return { kind: 'previous-zero' };
}
