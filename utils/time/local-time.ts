import { HOUR_MS } from '@/utils/base/durations';
import type { Locale } from '@/utils/i18n/locale';
import { popupText } from '@/utils/popup/popup-text';
import { dateTimeFormat } from '@/utils/format/intl-formats';

function clockFormat(locale: string | undefined): Intl.DateTimeFormat {
  return dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
}

/** Builds the clock's formatter before it is needed (see prepareAmountFormats). */
export function prepareClockFormat(locale?: string): void {
  clockFormat(locale);
}

/** Clock time in the user's own zone and locale, e.g. `14:05` or `2:05 PM`. */
export function formatClock(epochMs: number, locale?: string): string {
  return clockFormat(locale).format(epochMs);
}

/** The local span of an hour starting at `startMs`, e.g. `14:00–15:00`. */
export function formatHourSpan(startMs: number, locale?: string): string {
  return `${formatClock(startMs, locale)}–${formatClock(startMs + HOUR_MS, locale)}`;
}

const DURATION_WORDS = {
  en: { minutes: (n: number) => `${n} min`, hours: (n: number) => `${n} h`, days: (n: number) => `${n} days` },
  'zh-CN': { minutes: (n: number) => `${n} 分钟`, hours: (n: number) => `${n} 小时`, days: (n: number) => `${n} 天` },
} as const;

/** A rough length of time: "5 min", "3 h", "2 days" (or 分钟, 小时, 天). */
export function formatDuration(ms: number, locale: Locale = 'en'): string {
  const words = DURATION_WORDS[locale];
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return words.minutes(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return words.hours(hours);
  return words.days(Math.floor(hours / 24));
}

/** "just now", "5 min ago", "3 h ago": how old a figure is. */
export function formatAge(fromMs: number, nowMs: number, locale: Locale = 'en'): string {
  const text = popupText(locale);
  return nowMs - fromMs < 60_000 ? text.justNow : text.ago(formatDuration(nowMs - fromMs, locale));
}
