import type { ApiTimezone } from '@/utils/time/api-timezone';
import { hourStart } from '@/utils/time/hour-keys';
import { BYTES_PER_KB } from '@/utils/base/units';
import type { WatchKey } from '@/utils/settings/watched';
import type { UsageCache } from './cache';

const HEADER = ['account', 'product', 'user', 'hour_api_time', 'hour_utc', 'kb', 'bytes'];

/** A watched user as the export names it: the same name under two accounts or products is two users. */
export interface CsvUser {
  readonly key: WatchKey;
  /** The account's label, or "Account N". */
  readonly account: string;
  /** The product's name. */
  readonly product: string;
  readonly username: string;
}

/** RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula. */
export function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function utcHour(ms: number): string {
  return new Date(ms).toISOString().slice(0, 13).replace('T', ' ');
}

/**
 * The cached hours as CSV: one row per user and hour, oldest first, with the user's account
 * and product, the hour as the API named it and in UTC, the API's KB and the bytes they stand
 * for. Holds no token and nothing but usage.
 */
export function usageCsv(cache: UsageCache, users: readonly CsvUser[], tz: ApiTimezone): string {
  const lines = [HEADER.join(',')];
  for (const { key, account, product, username } of users) {
    const hours = cache.users[key]?.hours ?? {};
    const who = [cell(account), cell(product), cell(username)];
    for (const hour of Object.keys(hours).sort()) {
      const kb = hours[hour] ?? 0;
      const start = hourStart(hour, tz);
      lines.push([...who, hour, start === null ? '' : utcHour(start), String(kb), String(Math.round(kb * BYTES_PER_KB))].join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
