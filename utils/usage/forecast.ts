import type { Kb } from '@/utils/base/units';
import { DAY_MS } from '@/utils/base/durations';

/** A balance lasting longer than this at the current rate is not worth a forecast. */
const MAX_FORECAST_DAYS = 365;

export type Forecast =
  | { readonly kind: 'none' }
  | { readonly kind: 'runs-out'; readonly days: number; readonly at: number };

/**
 * When the balance runs out at the rate of the last 24 hours. Hidden (none) when
 * there is no balance to speak of, no traffic, or the date is beyond a year.
 */
export function forecastBalance(balanceKb: Kb | null, last24Kb: Kb, now: number): Forecast {
  if (balanceKb === null || balanceKb <= 0 || last24Kb <= 0) return { kind: 'none' };
  const days = balanceKb / last24Kb;
  if (days > MAX_FORECAST_DAYS) return { kind: 'none' };
  return { kind: 'runs-out', days, at: now + days * DAY_MS };
}
