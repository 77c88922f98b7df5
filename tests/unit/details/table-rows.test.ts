import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Kb } from '@/utils/base/units';
import { CHRONOLOGICAL, sameColumn, sortRows, tableRows, totalsRow, type SortColumn, type TableRow, type TableSort } from '@/utils/details/table-rows';
import { UTC } from '@/utils/time/api-timezone';
import { figuresOf, userSeries } from '../support/detail-figures';
import { watching } from '../support/watching';

const [ALICE, BOB] = watching(['alice', 'bob']);
const DAYS = ['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01'];
// Bob's 29 Nov is not fetched yet.
const FIGURES = figuresOf(DAYS, [
  [userSeries(ALICE!), [30, 10, 40, 20]],
  [userSeries(BOB!), [1, null, 2, 3]],
]);
const PREVIOUS = figuresOf(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'], [
  [userSeries(ALICE!), [5, 6, null, 8]],
  [userSeries(BOB!), [0, 0, 0, 0]],
]);

const rows = () => tableRows(FIGURES, PREVIOUS, 'day', UTC, 'en');
const buckets = (sorted: readonly TableRow[]) => sorted.map((row) => row.bucket);

describe('the table rows', () => {
  it('are the buckets oldest first, named as the chart names them, with each series, the total and the previous period’s bucket', () => {
    const [first, second] = rows();
    expect(first).toEqual({ bucket: '2026-11-28', index: 0, label: 'Nov 28', values: [30, 1], total: 31, previous: 5 });
    expect(second).toEqual({ bucket: '2026-11-29', index: 1, label: 'Nov 29', values: [10, null], total: null, previous: 6 });
    expect(rows()[2]?.previous).toBeNull();
    expect(tableRows(FIGURES, null, 'day', UTC, 'en').map((row) => row.previous)).toEqual([null, null, null, null]);
  });

  it('end with the totals: each series over the range, unknown when a bucket is, and the previous period’s', () => {
    expect(totalsRow(FIGURES, PREVIOUS)).toEqual({ values: [100, null], total: null, previous: null });
    const known = figuresOf(DAYS, [[userSeries(ALICE!), [1, 2, 3, 4]]]);
    expect(totalsRow(known, figuresOf(DAYS, [[userSeries(ALICE!), [1, 1, 1, 1]]]))).toEqual({ values: [10], total: 10, previous: 4 });
    expect(totalsRow(known, null).previous).toBeNull();
  });
});

describe('sorting the rows', () => {
  it('by a series, ascending or descending, puts the unknown last either way', () => {
    const bob: SortColumn = { kind: 'series', index: 1 };
    expect(buckets(sortRows(rows(), { column: bob, direction: 'ascending' }))).toEqual(['2026-11-28', '2026-11-30', '2026-12-01', '2026-11-29']);
    expect(buckets(sortRows(rows(), { column: bob, direction: 'descending' }))).toEqual(['2026-12-01', '2026-11-30', '2026-11-28', '2026-11-29']);
  });

  it('by the total, the previous period and the bucket (time)', () => {
    expect(buckets(sortRows(rows(), { column: { kind: 'total' }, direction: 'descending' }))).toEqual(['2026-11-30', '2026-11-28', '2026-12-01', '2026-11-29']);
    expect(buckets(sortRows(rows(), { column: { kind: 'previous' }, direction: 'ascending' }))).toEqual(['2026-11-28', '2026-11-29', '2026-12-01', '2026-11-30']);
    expect(buckets(sortRows(rows(), { column: { kind: 'bucket' }, direction: 'descending' }))).toEqual([...DAYS].reverse());
    expect(buckets(sortRows(sortRows(rows(), { column: { kind: 'total' }, direction: 'ascending' }), CHRONOLOGICAL))).toEqual(DAYS);
  });

  it('keeps ties oldest first, and reads a series the figures no longer have as unknown', () => {
    const even = tableRows(figuresOf(DAYS, [[userSeries(ALICE!), [7, 7, 7, 7]]]), null, 'day', UTC, 'en');
    expect(buckets(sortRows(even, { column: { kind: 'series', index: 0 }, direction: 'descending' }))).toEqual(DAYS);
    expect(buckets(sortRows(rows(), { column: { kind: 'series', index: 5 }, direction: 'descending' }))).toEqual(DAYS);
  });

  it('tells a column from another', () => {
    expect(sameColumn({ kind: 'series', index: 1 }, { kind: 'series', index: 1 })).toBe(true);
    expect(sameColumn({ kind: 'series', index: 1 }, { kind: 'series', index: 0 })).toBe(false);
    expect(sameColumn({ kind: 'total' }, { kind: 'previous' })).toBe(false);
  });

  it('keeps every row and orders the known figures, unknown last, whatever the figures and the column', () => {
    const figure = fc.option(fc.integer({ min: 0, max: 50 }), { nil: null });
    const table = fc.integer({ min: 1, max: 3 }).chain((seriesCount) =>
      fc.array(fc.record({ values: fc.array(figure, { minLength: seriesCount, maxLength: seriesCount }), previous: figure }), { minLength: 0, maxLength: 30 }),
    );
    const column: fc.Arbitrary<SortColumn> = fc.oneof(
      fc.constant<SortColumn>({ kind: 'bucket' }),
      fc.constant<SortColumn>({ kind: 'total' }),
      fc.constant<SortColumn>({ kind: 'previous' }),
      fc.integer({ min: 0, max: 3 }).map((index): SortColumn => ({ kind: 'series', index })),
    );
    const direction = fc.constantFrom<TableSort['direction']>('ascending', 'descending');
    fc.assert(
      fc.property(table, column, direction, (drawn, sortColumn, sortDirection) => {
        const days = drawn.map((_, index) => `2026-01-${String(index + 1).padStart(2, '0')}`);
        const seriesCount = drawn[0]?.values.length ?? 1;
        const series = Array.from({ length: seriesCount }, (_, s) => [userSeries({ account: '1', proxyType: 1, username: `u${s}` }), drawn.map((row) => row.values[s] ?? null)] as const);
        const previous = figuresOf(days, [[userSeries(ALICE!), drawn.map((row) => row.previous)]]);
        const unsorted = tableRows(figuresOf(days, series), previous, 'day', UTC, 'en');
        const sorted = sortRows(unsorted, { column: sortColumn, direction: sortDirection });

        expect([...sorted].sort((a, b) => a.index - b.index)).toEqual(unsorted);
        const read = (row: TableRow): Kb | number | null =>
          sortColumn.kind === 'bucket' ? row.index : sortColumn.kind === 'series' ? (row.values[sortColumn.index] ?? null) : sortColumn.kind === 'total' ? row.total : row.previous;
        const values = sorted.map(read);
        const firstUnknown = values.indexOf(null);
        const known = firstUnknown === -1 ? values : values.slice(0, firstUnknown);
        expect(values.slice(known.length).every((value) => value === null)).toBe(true);
        for (let i = 1; i < known.length; i += 1) {
          const step = (known[i] ?? 0) - (known[i - 1] ?? 0);
          expect(sortDirection === 'ascending' ? step >= 0 : step <= 0).toBe(true);
        }
      }),
    );
  });

  it('does not change the rows it is given', () => {
    const given = rows();
    const copy = given.map((row) => ({ ...row }));
    sortRows(given, { column: { kind: 'total' }, direction: 'descending' });
    expect(given).toEqual(copy);
  });
});
