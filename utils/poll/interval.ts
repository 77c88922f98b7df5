import { MINUTE_MS } from '@/utils/base/durations';
import type { Settings } from '@/utils/settings/model';
import { productsOf } from '@/utils/settings/watched';
import { dailyRequestsPerCycle } from './daily-requests';
import { MIN_REQUEST_GAP_MS } from './spacing';

/**
 * A cycle's time per request: the spacing, and as much again for the answer itself and the
 * worker's own work, so that with many users a cycle ends before the next one is due.
 */
export const CYCLE_MARGIN = 1.5;

/** Each account's reads, at most hourly: user-list per product watched, the balance and the wallet. */
export function accountRequestsPerCycle(settings: Settings): number {
  return settings.accounts.reduce((sum, account) => {
    const products = productsOf(settings, account.id).length;
    return products === 0 ? sum : sum + products + 2;
  }, 0);
}

/**
 * The most requests one cycle makes: each watched user's hours, each account's hourly reads, and
 * the daily requests of a cycle. Those come once a day per user (daily-requests.ts), but a
 * morning's (or a first fill's) are spread over cycles of at most dailyRequestsPerCycle each,
 * so the round that carries them must fit too.
 */
export function requestsPerCycle(settings: Settings): number {
  return settings.watched.length + accountRequestsPerCycle(settings) + dailyRequestsPerCycle(settings.watched.length);
}

/** The shortest interval in which a full cycle fits, in whole minutes. */
export function minimumIntervalMinutes(settings: Settings): number {
  return Math.max(1, Math.ceil((requestsPerCycle(settings) * MIN_REQUEST_GAP_MS * CYCLE_MARGIN) / MINUTE_MS));
}

/**
 * The interval polling keeps: the chosen one, unless the spacing between requests cannot fit
 * every watched user in it (300 users take 9 minutes at 1.6 s each, with their daily requests);
 * the settings page shows it when it differs from the chosen one.
 */
export function effectiveIntervalMinutes(settings: Settings): number {
  return Math.max(settings.pollIntervalMinutes, minimumIntervalMinutes(settings));
}
