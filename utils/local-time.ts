import { HOUR_MS } from './hour-keys';

/** Clock time in the user's own zone and locale, e.g. `14:05` or `2:05 PM`. */
export function formatClock(epochMs: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(epochMs);
}

/** The local span of an hour starting at `startMs`, e.g. `14:00–15:00`. */
export function formatHourSpan(startMs: number, locale?: string): string {
  return `${formatClock(startMs, locale)}–${formatClock(startMs + HOUR_MS, locale)}`;
}

/** "just now", "5 min ago", "3 h ago": how old a figure is. */
export function formatAge(fromMs: number, nowMs: number): string {
  const minutes = Math.max(0, Math.floor((nowMs - fromMs) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
