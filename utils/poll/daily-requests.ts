import { cycleAt } from '@/utils/budget/cycle-span';
import { HOUR_MS, MINUTE_MS } from '@/utils/base/durations';
import type { Settings, WatchedUser } from '@/utils/settings/model';
import { watchKey, type WatchKey } from '@/utils/settings/watched';
import { addDays, dayKeyAt, type DayKey } from '@/utils/time/day-keys';
import { daysToAsk, type DailyUsage, type DayRange } from '@/utils/usage/daily';
import type { DailyFailure } from './status';

/**
 * What the daily endpoint is asked and when. A complete day never changes, so each user's days
 * are asked once: a first fill of the days the cycle figures need, then each morning the day
 * that ended. In steady state that is one request per watched user per day.
 */

/** A user whose daily request failed (for that user alone) is asked again after this, not at every cycle. */
export const DAILY_RETRY_MS = 10 * MINUTE_MS;

/**
 * How long after its end a day is asked for. The hourly polls read the last hour again for an
 * hour after it ends, because its figure still grows meanwhile; a day asked at 00:01 would keep
 * its last hour's early figure for good. Until then the hours cover that day.
 */
export const DAY_SETTLE_MS = HOUR_MS;

/** The complete days the cycle figures need, and the last one that may be asked for. */
export interface NeededDays {
  /** The cycle's first day, or a week back for the 7-day rate, whichever is earlier. */
  readonly from: DayKey;
  readonly lastComplete: DayKey;
}

export function neededDays(now: number, settings: Settings): NeededDays {
  const tz = settings.apiTimezone;
  const weekBack = addDays(dayKeyAt(now, tz), -7);
  const cycleStart = cycleAt(now, settings.budgets.cycleStartDay, tz).startDay;
  return { from: cycleStart < weekBack ? cycleStart : weekBack, lastComplete: addDays(dayKeyAt(now - DAY_SETTLE_MS, tz), -1) };
}

/**
 * The most daily requests one cycle makes: a tenth of the watched users, at least 10. A first
 * fill (or a morning's new day) of many users is spread over the next cycles (about ten) rather
 * than doubling one round; interval.ts counts them in a round.
 */
export function dailyRequestsPerCycle(watched: number): number {
  return Math.min(watched, Math.max(10, Math.ceil(watched / 10)));
}

/** A clock set back never holds a retry off. */
function retryDue(failure: DailyFailure | undefined, now: number): boolean {
  if (failure === undefined) return true;
  const elapsed = now - failure.at;
  return elapsed < 0 || elapsed >= DAILY_RETRY_MS;
}

export interface DailyRequest {
  readonly key: WatchKey;
  readonly user: WatchedUser;
  readonly range: DayRange;
}

/**
 * The daily requests of this cycle: each watched user of `accounts` (the accounts this cycle
 * talks to) missing some day the cycle figures need, in the settings' order, but a user whose
 * last daily request failed less than DAILY_RETRY_MS ago; at most dailyRequestsPerCycle.
 */
export function dailyRequests(
  settings: Settings,
  daily: DailyUsage,
  failures: Readonly<Record<WatchKey, DailyFailure>>,
  accounts: ReadonlySet<string>,
  now: number,
): DailyRequest[] {
  const { from, lastComplete } = neededDays(now, settings);
  const requests: DailyRequest[] = [];
  const most = dailyRequestsPerCycle(settings.watched.length);
  for (const user of settings.watched) {
    if (requests.length >= most) break;
    const key = watchKey(user);
    if (!accounts.has(user.account) || !retryDue(failures[key], now)) continue;
    const range = daysToAsk(daily, key, from, lastComplete);
    if (range !== null) requests.push({ key, user, range });
  }
  return requests;
}
