import { kb, type Kb } from '@/utils/base/units';
import type { DetailFigures, SeriesOf } from '@/utils/details/series';
import type { WatchedUser } from '@/utils/settings/model';
import { watchKey } from '@/utils/settings/watched';

/** Sums as series.ts does: unknown as soon as one figure is. */
function sumKnown(values: readonly (number | null)[]): Kb | null {
  return values.some((value) => value === null) ? null : kb(values.reduce<number>((sum, value) => sum + (value ?? 0), 0));
}

/** A user series' identity, as detailFigures makes it. */
export function userSeries(user: WatchedUser): SeriesOf {
  return { kind: 'user', key: watchKey(user), user };
}

/** Figures for the table and the exports from each series' values (null: not fetched yet), with totals summed as the page's core does. */
export function figuresOf(buckets: readonly string[], series: readonly (readonly [SeriesOf, readonly (number | null)[]])[]): DetailFigures {
  const stacked = series.map(([of, values]) => ({ of, values: values.map((value) => (value === null ? null : kb(value))), total: sumKnown(values) }));
  const bucketTotals = buckets.map((_, index) => sumKnown(stacked.map((entry) => entry.values[index] ?? null)));
  return { buckets, series: stacked, bucketTotals, total: sumKnown(bucketTotals) };
}
