import { dateTimeFormat } from '@/utils/format/intl-formats';
import type { Language } from '@/utils/i18n/i18n';
import type { Settings } from '@/utils/settings/model';
import { proxyTypeName } from '@/utils/settings/settings-words';
import { accountLabel } from '@/utils/settings/watched';
import type { ApiTimezone } from '@/utils/time/api-timezone';
import { formatDay } from '@/utils/time/day-format';
import { hourStart } from '@/utils/time/hour-keys';
import type { SeriesOf } from './series';

/** An hour in the reader's own zone, with its date: the chart spans days, so the clock alone is ambiguous. */
function hourFormat(locale: string | undefined): Intl.DateTimeFormat {
  return dateTimeFormat(locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/**
 * A bucket as the chart and the table name it: an hour (an API hour key) as its start in the
 * browser's zone, "Dec 2, 14:00"; a day (an API day key) as the date it names, "Dec 2".
 */
export function bucketLabel(bucket: string, granularity: 'hour' | 'day', tz: ApiTimezone, locale: string | undefined): string {
  if (granularity === 'day') return formatDay(bucket, locale);
  const start = hourStart(bucket, tz);
  return start === null ? bucket : hourFormat(locale).format(start);
}

/**
 * A series as the legend, the table and the exports name it: a product by its name; a user by
 * name, with the product, and the account when several are set up (the same name under two
 * accounts or products is two users).
 */
export function seriesLabel(of: SeriesOf, settings: Settings, { t }: Language): string {
  if (of.kind === 'product') return proxyTypeName(of.proxyType, t);
  const { account, proxyType, username } = of.user;
  const product = proxyTypeName(proxyType, t);
  if (settings.accounts.length < 2) return `${username} (${product})`;
  return `${username} (${accountLabel(settings.accounts, account, (n) => t('account.unnamed', [n]))} · ${product})`;
}
