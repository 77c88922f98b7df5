import type { JSX } from 'preact';
import type { Language } from '@/utils/i18n/i18n';
import type { Settings } from '@/utils/settings/model';
import type { DayKey } from '@/utils/time/day-keys';
import type { DetailFigures } from '@/utils/details/series';

// Placeholder for the table engineer's file (details-table): the props the page passes.

export interface FiguresTableProps {
  readonly figures: DetailFigures;
  readonly previous: DetailFigures | null;
  readonly granularity: 'hour' | 'day';
  readonly settings: Settings;
  readonly language: Language;
  readonly onShowHours: ((day: DayKey) => void) | null;
  readonly highlight: string | null;
}

export function FiguresTable({ figures, granularity, onShowHours }: FiguresTableProps): JSX.Element {
  return (
    <table>
      <tbody>
        {figures.buckets.map((bucket, index) => (
          <tr key={bucket}>
            <th scope="row">{bucket}</th>
            <td>{figures.bucketTotals[index] ?? ''}</td>
            <td>{granularity === 'day' && onShowHours && <button onClick={() => onShowHours(bucket)}>{bucket}</button>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
