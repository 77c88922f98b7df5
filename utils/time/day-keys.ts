import type { ApiTimezone } from './api-timezone';
import { hourKeyAt, hourStart } from './hour-keys';
import { DAY_MS } from '@/utils/base/durations';

/** A calendar day as the daily endpoint names it: `yyyy-mm-dd`, in the API's timezone. */
export type DayKey = string;

const DAY_KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day, in the API's timezone, that contains `epochMs`. */
export function dayKeyAt(epochMs: number, tz: ApiTimezone): DayKey {
  return hourKeyAt(epochMs, tz).slice(0, 10);
}

/** Whether `key` names a real date (`2025-02-30` does not). */
export function isDayKey(key: string): boolean {
  const match = DAY_KEY_PATTERN.exec(key);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The instant a day starts in the API's timezone, or null when the key is malformed. In the
 * browser's zone a day may last 23 or 25 hours (a daylight-saving change); the next day's start
 * is its end, never start + 24 h.
 */
export function dayStart(key: DayKey, tz: ApiTimezone): number | null {
  return isDayKey(key) ? hourStart(`${key} 00`, tz) : null;
}

/** The calendar day `days` after (or before, when negative) `key`; calendar arithmetic, no zone. */
export function addDays(key: DayKey, days: number): DayKey {
  const [year, month, day] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (0 for the same day, negative when `to` is earlier). */
export function daysBetween(from: DayKey, to: DayKey): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Every day from `from` to `to`, both included, oldest first; empty when `to` is earlier. */
export function daysFromTo(from: DayKey, to: DayKey): DayKey[] {
  const count = daysBetween(from, to);
  return Array.from({ length: Math.max(0, count + 1) }, (_, index) => addDays(from, index));
}
