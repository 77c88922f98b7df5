import { BYTES_PER_KB, type Kb } from '@/utils/base/units';
import type { Language } from '@/utils/i18n/i18n';
import type { Settings } from '@/utils/settings/model';
import { proxyTypeName } from '@/utils/settings/settings-words';
import { accountLabel } from '@/utils/settings/watched';
import { formatApiTimezone, type ApiTimezone } from '@/utils/time/api-timezone';
import { dayStart } from '@/utils/time/day-keys';
import { hourStart } from '@/utils/time/hour-keys';
import { cell } from '@/utils/usage/csv';
import { periodChange } from './comparison';
import { seriesLabel } from './labels';
import type { ResolvedRange } from './range';
import type { DetailFigures, DetailSeries, StackBy } from './series';

/** What the page exports: the chosen range as shown, and the previous period when it is compared. */
export interface DetailsExportInput {
  readonly range: ResolvedRange;
  readonly stackBy: StackBy;
  readonly figures: DetailFigures;
  /** The previous period, aligned by index; null if none. */
  readonly previous: DetailFigures | null;
  /** Labels and units only: tokens are never in settings, so nothing here can carry one. */
  readonly settings: Settings;
  /** Epoch ms. */
  readonly generatedAt: number;
}

type Granularity = ResolvedRange['granularity'];

/** A series as the exports name it; a product series spans accounts and users, so it names neither. */
interface SeriesNames {
  readonly label: string;
  readonly account: string | null;
  readonly product: string;
  readonly user: string | null;
}

function seriesNames({ of }: DetailSeries, settings: Settings, language: Language): SeriesNames {
  const label = seriesLabel(of, settings, language);
  if (of.kind === 'product') return { label, account: null, product: proxyTypeName(of.proxyType, language.t), user: null };
  const account = accountLabel(settings.accounts, of.user.account, (n) => language.t('account.unnamed', [n]));
  return { label, account, product: proxyTypeName(of.user.proxyType, language.t), user: of.user.username };
}

/** When a bucket starts, in UTC without milliseconds; empty for a key that names no time. */
function bucketStartUtc(bucket: string, granularity: Granularity, tz: ApiTimezone): string {
  const start = granularity === 'hour' ? hourStart(bucket, tz) : dayStart(bucket, tz);
  return start === null ? '' : new Date(start).toISOString().replace('.000Z', 'Z');
}

const CSV_HEADER = ['period', 'bucket', 'bucket_start_utc', 'series', 'account', 'product', 'user', 'kb', 'bytes', 'known'];

function csvRows(period: 'current' | 'previous', figures: DetailFigures, granularity: Granularity, settings: Settings, language: Language): string[] {
  const lines: string[] = [];
  const named = figures.series.map((series) => ({ series, names: seriesNames(series, settings, language) }));
  figures.buckets.forEach((bucket, index) => {
    const when = [period, cell(bucket), bucketStartUtc(bucket, granularity, settings.apiTimezone)];
    for (const { series, names } of named) {
      const value = series.values[index] ?? null;
      const who = [cell(names.label), cell(names.account ?? ''), cell(names.product), cell(names.user ?? '')];
      const figure = value === null ? ['', '', 'no'] : [String(value), String(Math.round(value * BYTES_PER_KB)), 'yes'];
      lines.push([...when, ...who, ...figure].join(','));
    }
  });
  return lines;
}

/**
 * The range as CSV (RFC 4180, CRLF): one row per bucket and series, the previous period's after
 * the current's; a figure not fetched yet has empty kb and bytes and known=no, never a 0 that
 * would read as no traffic. Names pass through the formula guard of the hourly export.
 */
export function detailsCsv(input: DetailsExportInput, language: Language): string {
  const { figures, previous, range, settings } = input;
  const lines = [CSV_HEADER.join(','), ...csvRows('current', figures, range.granularity, settings, language)];
  if (previous !== null) lines.push(...csvRows('previous', previous, range.granularity, settings, language));
  return `${lines.join('\r\n')}\r\n`;
}

interface PeriodJson {
  readonly range: { readonly granularity: Granularity; readonly first: string; readonly last: string; readonly apiTimezone: string; readonly buckets: readonly string[] };
  readonly series: readonly (SeriesNames & { readonly values: readonly (Kb | null)[]; readonly total: Kb | null })[];
  readonly bucketTotals: readonly (Kb | null)[];
  readonly total: Kb | null;
}

function periodJson(figures: DetailFigures, first: string, last: string, granularity: Granularity, settings: Settings, language: Language): PeriodJson {
  return {
    range: { granularity, first, last, apiTimezone: formatApiTimezone(settings.apiTimezone), buckets: figures.buckets },
    series: figures.series.map((series) => ({ ...seriesNames(series, settings, language), values: series.values, total: series.total })),
    bucketTotals: figures.bucketTotals,
    total: figures.total,
  };
}

/**
 * The range as JSON, figures in the API's KB and null where not fetched yet: the range (with its
 * buckets, which the values follow), each series by name, the totals, the previous period in the
 * same shape and the change between the totals as a fraction (0.18 for +18 %).
 */
export function detailsJson(input: DetailsExportInput, language: Language): string {
  const { figures, previous, range, settings, stackBy, generatedAt } = input;
  const current = periodJson(figures, range.first, range.last, range.granularity, settings, language);
  const before = previous === null ? null : periodJson(previous, previous.buckets[0] ?? '', previous.buckets.at(-1) ?? '', range.granularity, settings, language);
  const document = {
    generatedAt: new Date(generatedAt).toISOString(),
    range: current.range,
    stackBy,
    unit: 'KB',
    series: current.series,
    bucketTotals: current.bucketTotals,
    total: current.total,
    previous: before,
    change: previous === null ? null : periodChange(figures.total, previous.total).change,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** An hour key's space made a `T`, so the name holds no space: `2026-11-25T08`. */
function fileKey(key: string): string {
  return key.replace(' ', 'T');
}

/** `thordata-usage-2026-11-01_2026-11-30-by-user.csv`: the range and the stacking, safe on every file system. */
export function exportFileName(input: DetailsExportInput, extension: 'csv' | 'json' | 'png'): string {
  return `thordata-usage-${fileKey(input.range.first)}_${fileKey(input.range.last)}-by-${input.stackBy}.${extension}`;
}
