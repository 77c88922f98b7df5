import type { JSX } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { Kb } from '@/utils/base/units';
import { seriesLabel } from '@/utils/details/labels';
import type { DetailFigures } from '@/utils/details/series';
import { CHRONOLOGICAL, sameColumn, sortRows, tableRows, totalsRow, type SortColumn, type TableSort } from '@/utils/details/table-rows';
import { formatAmount } from '@/utils/format/traffic-format';
import type { Language } from '@/utils/i18n/i18n';
import type { Settings } from '@/utils/settings/model';
import type { DayKey } from '@/utils/time/day-keys';
import './details-table.css';

export interface FiguresTableProps {
  readonly figures: DetailFigures;
  readonly previous: DetailFigures | null;
  readonly granularity: 'hour' | 'day';
  readonly settings: Settings;
  readonly language: Language;
  /** Day ranges: each complete or current day's row has a "Show hours" button calling this. */
  readonly onShowHours: ((day: DayKey) => void) | null;
  /** A bucket key to mark (the focus), scrolled into view once. */
  readonly highlight: string | null;
}

interface SortHeaderProps {
  readonly column: SortColumn;
  readonly label: string;
  readonly sort: TableSort;
  readonly onSort: (column: SortColumn) => void;
  readonly numeric: boolean;
}

/** A column heading whose button sorts by it; only the sorted heading carries `aria-sort`, as ARIA asks. */
function SortHeader({ column, label, sort, onSort, numeric }: SortHeaderProps) {
  const sorted = sameColumn(column, sort.column);
  // The arrow says the order to sighted readers without relying on colour; aria-sort says it to the others.
  const mark = sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕';
  return (
    <th scope="col" class={numeric ? 'numeric' : undefined} aria-sort={sorted ? sort.direction : undefined}>
      <button type="button" class={sorted ? 'sort sorted' : 'sort'} onClick={() => onSort(column)}>
        {label}
        <span class="sort-mark" aria-hidden="true">
          {mark}
        </span>
      </button>
    </th>
  );
}

/** A figure in the reader's units, or a dash that says it was not fetched yet (never a 0, which would read as no traffic). */
function Figure({ value, settings, language }: { value: Kb | null; settings: Settings; language: Language }) {
  if (value !== null) return <td class="numeric">{formatAmount(value, settings.units, language.locale)}</td>;
  return (
    <td class="numeric unknown">
      <span aria-hidden="true">—</span>
      <span class="sr-only">{language.t('detailsTable.notFetched')}</span>
    </td>
  );
}

/**
 * The chart's figures as an accessible table: a row per hour or day (the focused one marked and
 * scrolled to once), a column per series, the total and the previous period's; every heading
 * sorts, and a day row opens its hours.
 */
export function FiguresTable({ figures, previous, granularity, settings, language, onShowHours, highlight }: FiguresTableProps): JSX.Element {
  const { t, locale } = language;
  const captionId = useId();
  const [sort, setSort] = useState<TableSort>(CHRONOLOGICAL);
  const rows = useMemo(() => tableRows(figures, previous, granularity, settings.apiTimezone, locale), [figures, previous, granularity, settings.apiTimezone, locale]);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const totals = totalsRow(figures, previous);
  const showHours = granularity === 'day' ? onShowHours : null;

  const highlighted = useRef<HTMLTableRowElement>(null);
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    // Once per focus: figures arriving or a re-sort must not pull the reader back.
    if (highlight === null || scrolledTo.current === highlight || highlighted.current === null) return;
    scrolledTo.current = highlight;
    highlighted.current.scrollIntoView({ block: 'center' });
  }, [highlight, rows]);

  // A new column starts ascending; the sorted one turns around.
  const onSort = (column: SortColumn) =>
    setSort((current) => (sameColumn(current.column, column) ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' } : { column, direction: 'ascending' }));
  const header = (column: SortColumn, label: string, numeric = true) => <SortHeader column={column} label={label} sort={sort} onSort={onSort} numeric={numeric} />;

  return (
    <div class="figures-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table class="figures-table">
        <caption id={captionId}>
          {granularity === 'hour' ? t('detailsTable.captionHour') : t('detailsTable.captionDay')}
          <span class="sr-only"> {t('detailsTable.sortHint')}</span>
        </caption>
        <thead>
          <tr>
            {header({ kind: 'bucket' }, granularity === 'hour' ? t('detailsTable.hour') : t('detailsTable.day'), false)}
            {figures.series.map((series, index) => (
              <SortHeader key={index} column={{ kind: 'series', index }} label={seriesLabel(series.of, settings, language)} sort={sort} onSort={onSort} numeric />
            ))}
            {header({ kind: 'total' }, t('detailsTable.total'))}
            {previous !== null && header({ kind: 'previous' }, t('detailsTable.previous'))}
            {showHours !== null && (
              <th scope="col">
                <span class="sr-only">{t('detailsTable.drillDown')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const marked = row.bucket === highlight;
            return (
              <tr key={row.bucket} ref={marked ? highlighted : undefined} class={marked ? 'highlight' : undefined} aria-current={marked ? 'true' : undefined}>
                <th scope="row">{row.label}</th>
                {row.values.map((value, index) => (
                  <Figure key={index} value={value} settings={settings} language={language} />
                ))}
                <Figure value={row.total} settings={settings} language={language} />
                {previous !== null && <Figure value={row.previous} settings={settings} language={language} />}
                {showHours !== null && (
                  <td>
                    <button type="button" class="show-hours" aria-label={t('detailsTable.showHoursOf', [row.label])} onClick={() => showHours(row.bucket)}>
                      {t('detailsTable.showHours')}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('detailsTable.total')}</th>
            {totals.values.map((value, index) => (
              <Figure key={index} value={value} settings={settings} language={language} />
            ))}
            <Figure value={totals.total} settings={settings} language={language} />
            {previous !== null && <Figure value={totals.previous} settings={settings} language={language} />}
            {showHours !== null && <td />}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
