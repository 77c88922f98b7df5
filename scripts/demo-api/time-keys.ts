// Hour and day keys as the Thordata API writes them ('yyyy-mm-dd HH', 'yyyy-mm-dd'), in the
// API's timezone, which is a fixed offset from UTC (its real value is undocumented: UTC or UTC+8).

import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../utils/base/durations.js';

const HOUR_KEY = /^(\d{4})-(\d{2})-(\d{2}) (\d{2})$/;
const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

// Whole hours only, so that every API hour is also a UTC hour and the traffic model (which works
// on UTC hours) gives the same value for the same instant under any offset.
export function assertWholeHourOffset(offsetMinutes: number): void {
  if (!Number.isInteger(offsetMinutes) || offsetMinutes % 60 !== 0 || offsetMinutes < -720 || offsetMinutes > 840) {
    throw new RangeError(`timezone offset must be whole hours between -720 and 840 minutes, got ${offsetMinutes}`);
  }
}

export function floorToHour(utcMs: number): number {
  return Math.floor(utcMs / HOUR_MS) * HOUR_MS;
}

/** Start (UTC ms) of the API-timezone day containing `utcMs`. */
export function dayStartAt(utcMs: number, offsetMinutes: number): number {
  const shift = offsetMinutes * MINUTE_MS;
  return Math.floor((utcMs + shift) / DAY_MS) * DAY_MS - shift;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function shifted(utcMs: number, offsetMinutes: number): Date {
  return new Date(utcMs + offsetMinutes * MINUTE_MS);
}

export function formatDayKey(utcMs: number, offsetMinutes: number): string {
  const d = shifted(utcMs, offsetMinutes);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function formatHourKey(utcMs: number, offsetMinutes: number): string {
  return `${formatDayKey(utcMs, offsetMinutes)} ${pad(shifted(utcMs, offsetMinutes).getUTCHours())}`;
}

/** 'yyyy-mm-dd HH:MM:SS' in the API timezone, as used for `created_time`. */
export function formatDateTime(utcMs: number, offsetMinutes: number): string {
  const d = shifted(utcMs, offsetMinutes);
  return `${formatDayKey(utcMs, offsetMinutes)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

// Date.UTC silently rolls 2025-02-30 over to March; a round trip rejects such keys.
function civilToUtc(year: number, month: number, day: number, hour: number, offsetMinutes: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23) return null;
  const local = Date.UTC(year, month - 1, day, hour);
  const back = new Date(local);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return local - offsetMinutes * MINUTE_MS;
}

/** UTC ms of the start of the hour named by `key` in the API timezone, or null when malformed. */
export function parseHourKey(key: string, offsetMinutes: number): number | null {
  const m = HOUR_KEY.exec(key);
  if (!m) return null;
  return civilToUtc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), offsetMinutes);
}

/** UTC ms of the start of the day named by `key` in the API timezone, or null when malformed. */
export function parseDayKey(key: string, offsetMinutes: number): number | null {
  const m = DAY_KEY.exec(key);
  if (!m) return null;
  return civilToUtc(Number(m[1]), Number(m[2]), Number(m[3]), 0, offsetMinutes);
}
