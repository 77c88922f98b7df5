import { HOUR_MS } from '@/utils/base/durations';
import type { Locale } from '@/utils/i18n/locale';
import { popupText } from './popup-text';

/** Before this much of the hour has passed, a pace says more about noise than about traffic. */
const MIN_ELAPSED_FOR_PACE = 0.25;

export type HourChange =
  | { readonly kind: 'no-previous' }
  | { readonly kind: 'too-early' }
  | { readonly kind: 'pace'; readonly percent: number };

/**
 * Compares the current hour with the previous one fairly: the current hour is
 * still running, so its pace (traffic so far scaled to a full hour) is compared,
 * not its partial total.
 */
export function compareWithPreviousHour(currentKb: number, previousKb: number, hourStartMs: number, now: number): HourChange {
  if (previousKb <= 0) return { kind: 'no-previous' };
  const elapsed = Math.min(1, Math.max(0, (now - hourStartMs) / HOUR_MS));
  if (elapsed < MIN_ELAPSED_FOR_PACE) return { kind: 'too-early' };
  return { kind: 'pace', percent: Math.round(((currentKb / elapsed - previousKb) / previousKb) * 100) };
}

export function describeHourChange(change: HourChange, previousText: string, locale: Locale = 'en'): string {
  const text = popupText(locale);
  switch (change.kind) {
    case 'no-previous':
      return text.noPreviousTraffic;
    case 'too-early':
      return text.previousHour(previousText);
    case 'pace':
      if (change.percent === 0) return text.onPace(previousText);
      return text.paceChange(change.percent > 0 ? '▲' : '▼', Math.abs(change.percent), previousText);
  }
}
