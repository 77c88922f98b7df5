import type { ApiTimezone } from '@/utils/time/api-timezone';
import { hourStart } from '@/utils/time/hour-keys';
import { BYTES_PER_KB } from '@/utils/base/units';
import type { UsageCache } from './cache';

const HEADER = ['user', 'hour_api_time', 'hour_utc', 'kb', 'bytes'];

/** RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function utcHour(ms: number): string {
  return new Date(ms).toISOString().slice(0, 13).replace('T', ' ');
}

/**
 * The cached hours as CSV: one row per user and hour, oldest first, with the hour
 * as the API named it and in UTC, the API's KB and the bytes they stand for.
 * Holds no token and nothing but usage.
 */
export function usageCsv(cache: UsageCache, usernames: ReadonlyMap<string, string>, tz: ApiTimezone): string {
  const lines = [HEADER.join(',')];
  for (const [key, username] of usernames) {
    const hours = cache.users[key]?.hours ?? {};
    for (const hour of Object.keys(hours).sort()) {
      const kb = hours[hour] ?? 0;
      const start = hourStart(hour, tz);
      lines.push(
        [cell(username), hour, start === null ? '' : utcHour(start), String(kb), String(Math.round(kb * BYTES_PER_KB))].join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
