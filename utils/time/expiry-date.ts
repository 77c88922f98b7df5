import { DAY_MS } from '@/utils/base/durations';

/**
 * A plan's expiry date (`yyyy-mm-dd`, account/traffic-balance) as an instant: the end of that
 * day read as UTC, since Thordata names no zone for it.
 */
export function expiryEndMs(date: string): number | null {
  const end = Date.parse(`${date}T23:59:59Z`);
  return Number.isNaN(end) ? null : end;
}

/** Whole days from now until the end of the expiry date (0 on the day itself). */
export function daysUntil(date: string, now: number): number | null {
  const end = expiryEndMs(date);
  return end === null ? null : Math.floor((end - now) / DAY_MS);
}
