import { dateTimeFormat } from '@/utils/format/intl-formats';
import type { DayKey } from './day-keys';

/**
 * A day key is a calendar date, not an instant: it is written as the date it names whatever the
 * browser's zone, by reading it as a UTC midnight and formatting in UTC.
 */
function dayFormat(locale: string | undefined): Intl.DateTimeFormat {
  return dateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

const asInstant = (key: DayKey) => Date.parse(`${key}T00:00:00Z`);

/** "Dec 24" in English, "12月24日" in Chinese. */
export function formatDay(key: DayKey, locale: string | undefined): string {
  return dayFormat(locale).format(asInstant(key));
}

/** Two days as one span, both included: "Nov 15 – Dec 14", "11月15日至12月14日". */
export function formatDaySpan(first: DayKey, last: DayKey, locale: string | undefined): string {
  return dayFormat(locale).formatRange(asInstant(first), asInstant(last));
}
