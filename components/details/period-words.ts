import type { Language } from '@/utils/i18n/i18n';
import { numberFormat } from '@/utils/format/intl-formats';
import type { ChangeReading } from '@/utils/details/comparison';
import type { DetailRange, ResolvedRange } from '@/utils/details/range';
import { joinSentences } from '@/utils/i18n/i18n';
import { formatDaySpan } from '@/utils/time/day-format';

/** "Last 7 days", "最近 30 天", or a custom range's span "Nov 1 – Nov 20". */
export function periodName(range: DetailRange, resolved: ResolvedRange, { t, locale }: Language): string {
  if (typeof range !== 'string') return formatDaySpan(range.from, range.to, locale);
  if (range === '24h') return t('details.period.last24h');
  return t('details.period.lastDays', [resolved.granularity === 'hour' ? resolved.hourCount / 24 : resolved.days.length]);
}

/** The previous period of the same length: "the 7 days before", "the 24 hours before". */
export function previousName(resolved: ResolvedRange, { t }: Language): string {
  // The week is said in days, as its button says it; the 24 hours in hours.
  if (resolved.granularity === 'hour' && resolved.hourCount <= 24) return t('details.previous.hours', [resolved.hourCount]);
  const count = resolved.granularity === 'hour' ? Math.round(resolved.hourCount / 24) : resolved.days.length;
  return t('details.previous.days', count, [count]);
}

/** A change as a signed percentage, "+18%", "−4.5%": a tenth of a percent below 10 %, where it still says something. */
export function formatChange(change: number, locale: string): string {
  const digits = Math.abs(change) < 0.1 ? 1 : 0;
  return numberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: digits }).format(change);
}

/**
 * The comparison headline: "Last 7 days: 12.4 GB, +18% vs the 7 days before", or the total and
 * why there is no change to tell.
 */
export function headline(period: string, previous: string, total: string | null, reading: ChangeReading, language: Language): string {
  const { t } = language;
  if (reading.kind === 'change' && total !== null) return t('details.headline', [period, total, formatChange(reading.change, language.locale), previous]);
  if (total === null || reading.kind === 'current-unknown') return t('details.headlineNoTotal', [period]);
  const why =
    reading.kind === 'previous-too-old'
      ? t('details.noChange.previousTooOld', [previous])
      : reading.kind === 'previous-zero'
        ? t('details.noChange.previousZero', [previous])
        : t('details.noChange.previousUnknown', [previous]);
  return joinSentences(t, t('details.headlineTotal', [period, total]), why);
}
