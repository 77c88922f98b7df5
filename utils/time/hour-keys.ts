import type { ApiTimezone } from './api-timezone';
import { HOUR_MS, MINUTE_MS } from '@/utils/base/durations';

/** An hour as the API names it: `yyyy-mm-dd HH`, in the API's timezone. */
export type HourKey = string;

const HOUR_KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2})$/;

interface HourParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
}

/** Splits a key into its parts, rejecting impossible dates such as `2025-02-30 10`. */
export function parseHourKey(key: string): HourParts | null {
  const match = HOUR_KEY_PATTERN.exec(key);
  if (!match) return null;
  const [year, month, day, hour] = match.slice(1).map(Number) as [number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return { year, month, day, hour };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function keyOf(parts: HourParts): HourKey {
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)} ${pad(parts.hour)}`;
}

/** The key of the hour, in the API's timezone, that contains `epochMs`. */
export function hourKeyAt(epochMs: number, tz: ApiTimezone): HourKey {
  if (tz.kind === 'browser') {
    const d = new Date(epochMs);
    return keyOf({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours() });
  }
  const d = new Date(epochMs + tz.minutes * MINUTE_MS);
  return keyOf({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours() });
}

/** The instant an hour key starts, or null when the key is malformed. */
export function hourStart(key: HourKey, tz: ApiTimezone): number | null {
  const parts = parseHourKey(key);
  if (!parts) return null;
  if (tz.kind === 'browser') {
    return new Date(parts.year, parts.month - 1, parts.day, parts.hour).getTime();
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour) - tz.minutes * MINUTE_MS;
}

/**
 * The keys of the last `count` hours up to and including the one containing `now`,
 * oldest first. Where a daylight-saving change repeats a local hour, the key appears once.
 */
export function recentHourKeys(now: number, count: number, tz: ApiTimezone): HourKey[] {
  const keys: HourKey[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const key = hourKeyAt(now - back * HOUR_MS, tz);
    if (keys[keys.length - 1] !== key) keys.push(key);
  }
  return keys;
}

/** The calendar day (`yyyy-mm-dd`) of an hour key. */
export function dayOfHourKey(key: HourKey): string {
  return key.slice(0, 10);
}
