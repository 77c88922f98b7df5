import type { Language } from '@/utils/i18n/i18n';
import type { Settings } from '@/utils/settings/model';
import type { ResolvedRange } from './range';
import type { DetailFigures, StackBy } from './series';

// Placeholder for the table engineer's file (details-table): the signatures the page imports.

export interface DetailsExportInput {
  readonly range: ResolvedRange;
  readonly stackBy: StackBy;
  readonly figures: DetailFigures;
  readonly previous: DetailFigures | null;
  readonly settings: Settings;
  readonly generatedAt: number;
}

export function detailsCsv(input: DetailsExportInput, language: Language): string {
  return `${language.locale}\r\n${input.figures.buckets.join('\r\n')}\r\n`;
}

export function detailsJson(input: DetailsExportInput, language: Language): string {
  return JSON.stringify({ locale: language.locale, buckets: input.figures.buckets, total: input.figures.total });
}

export function exportFileName(input: DetailsExportInput, extension: 'csv' | 'json' | 'png'): string {
  return `thordata-usage-${input.range.first}.${extension}`;
}
