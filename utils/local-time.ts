import { HOUR_MS } from './hour-keys';

/** Clock time in the user's own zone and locale, e.g. `14:05` or `2:05 PM`. */
export function formatClock(epochMs: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(epochMs);
}

/** The local span of an hour starting at `startMs`, e.g. `14:00–15:00`. */
export function formatHourSpan(startMs: number, locale?: string): string {
  return `${formatClock(startMs, locale)}–${formatClock(startMs + HOUR_MS, locale)}`;
}

/** A rough length of time: "5 min", "3 h", "2 days". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

/** "just now", "5 min ago", "3 h ago": how old a figure is. */
export function formatAge(fromMs: number, nowMs: number): string {
  return nowMs - fromMs < 60_000 ? 'just now' : `${formatDuration(nowMs - fromMs)} ago`;
}
