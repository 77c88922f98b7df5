import type { Kb } from '@/utils/base/units';
import type { ApiTimezone } from '@/utils/time/api-timezone';
import { bucketLabel } from './labels';
import type { DetailFigures } from './series';

/** One bucket of the table: its name, each series' figure, their total and the previous period's. */
export interface TableRow {
  /** The API's hour or day key. */
  readonly bucket: string;
  /** Its place in the range, oldest first: what the bucket column sorts by. */
  readonly index: number;
  readonly label: string;
  /** Aligned with the figures' series; null where not fetched yet. */
  readonly values: readonly (Kb | null)[];
  readonly total: Kb | null;
  /** The previous period's bucket at the same place (its total); null when unknown or there is no previous period. */
  readonly previous: Kb | null;
}

/** The table's last row: each series' total over the range, the overall total, the previous period's. */
export interface TotalsRow {
  readonly values: readonly (Kb | null)[];
  readonly total: Kb | null;
  readonly previous: Kb | null;
}

/** A column the table sorts by: the bucket (time), one series by its place, the total or the previous period. */
export type SortColumn =
  | { readonly kind: 'bucket' }
  | { readonly kind: 'series'; readonly index: number }
  | { readonly kind: 'total' }
  | { readonly kind: 'previous' };

export type SortDirection = 'ascending' | 'descending';

export interface TableSort {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}

/** Oldest first: the order the range has before anyone sorts. */
export const CHRONOLOGICAL: TableSort = { column: { kind: 'bucket' }, direction: 'ascending' };

export function sameColumn(a: SortColumn, b: SortColumn): boolean {
  if (a.kind === 'series' && b.kind === 'series') return a.index === b.index;
  return a.kind === b.kind;
}

/**
 * The table's rows, oldest first, each bucket named as the chart names it. The previous period is
 * aligned by place (the brief's contract for `previous`), so row i holds the previous bucket i.
 */
export function tableRows(figures: DetailFigures, previous: DetailFigures | null, granularity: 'hour' | 'day', tz: ApiTimezone, locale: string | undefined): TableRow[] {
  return figures.buckets.map((bucket, index) => ({
    bucket,
    index,
    label: bucketLabel(bucket, granularity, tz, locale),
    values: figures.series.map((series) => series.values[index] ?? null),
    total: figures.bucketTotals[index] ?? null,
    previous: previous?.bucketTotals[index] ?? null,
  }));
}

export function totalsRow(figures: DetailFigures, previous: DetailFigures | null): TotalsRow {
  return { values: figures.series.map((series) => series.total), total: figures.total, previous: previous?.total ?? null };
}

/** What a row holds in a column; null when not known (a series the figures no longer have reads as unknown). */
function sortValue(row: TableRow, column: SortColumn): number | null {
  switch (column.kind) {
    case 'bucket':
      return row.index;
    case 'series':
      return row.values[column.index] ?? null;
    case 'total':
      return row.total;
    case 'previous':
      return row.previous;
  }
}

/**
 * The rows ordered by a column, unknown figures last whichever the direction (a reader sorting
 * for the largest or the smallest wants figures, not gaps, first); ties stay oldest first.
 */
export function sortRows(rows: readonly TableRow[], { column, direction }: TableSort): TableRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = sortValue(a, column);
    const right = sortValue(b, column);
    if (left === null || right === null) return left === right ? a.index - b.index : left === null ? 1 : -1;
    return left === right ? a.index - b.index : sign * (left - right);
  });
}
