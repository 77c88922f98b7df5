import { accountDue, type AccountSnapshot } from '@/utils/account/account-snapshot';
import { MAX_RETRY_MS } from './backoff';
import type { PollStatus, UserFailure } from './status';
import { isConfigured } from '@/utils/settings/readiness';
import type { Settings } from '@/utils/settings/model';
import { userKey } from '@/utils/usage/cache';
import { HOUR_MS, MINUTE_MS } from '@/utils/base/durations';

/** What woke the poller. Only a person's explicit refresh or a settings change overrides a pause. */
export type PollTrigger = 'alarm' | 'retry' | 'startup' | 'popup-open' | 'manual' | 'settings';

export type SkipReason = 'unconfigured' | 'token-rejected' | 'backing-off' | 'fresh';

export type PollPlan =
  | { readonly kind: 'skip'; readonly reason: SkipReason }
  | { readonly kind: 'offline' }
  | {
      readonly kind: 'run';
      readonly usernames: readonly string[];
      /** Finishing a cycle a stopped worker left, rather than starting anew. */
      readonly resumed: boolean;
      readonly account: boolean;
    };

/**
 * A username Thordata did not know, or whose request it refused, is asked about again at most
 * this often. A user whose answer held no usable figures is asked at every cycle (last).
 */
export const UNKNOWN_USER_RECHECK_MS = HOUR_MS;

/** Whether a user that failed may be asked again; a clock set back never holds a re-check off. */
function recheckDue(failed: UserFailure, now: number): boolean {
  if (failed.error.kind === 'malformed') return true;
  const elapsed = now - failed.at;
  return elapsed < 0 || elapsed >= UNKNOWN_USER_RECHECK_MS;
}

/**
 * The order of a new cycle: users without a problem first, in the settings' order, then those
 * that failed, the longest-failing first. One user's trouble can then never starve the others.
 */
function cycleOrder(settings: Settings, status: PollStatus, now: number, recheckAll: boolean): string[] {
  const healthy: string[] = [];
  const failed: { name: string; at: number }[] = [];
  for (const name of settings.usernames) {
    const failure = status.userFailures[userKey(settings.proxyType, name)];
    if (failure === undefined) healthy.push(name);
    else if (recheckAll || recheckDue(failure, now)) failed.push({ name, at: failure.at });
  }
  return [...healthy, ...failed.sort((a, b) => a.at - b.at).map(({ name }) => name)];
}

/** Opening the popup refreshes only figures older than this. */
export const POPUP_REFRESH_AFTER_MS = MINUTE_MS;

/**
 * How long a poll keeps the figures fresh for an alarm, as a share of the interval. A Refresh,
 * a settings change or a retry just before the alarm would otherwise have the alarm repeat
 * every request; alarms themselves come a whole interval apart, so they never skip each other.
 */
export const ALARM_FRESH_SHARE = 0.5;

/** How long ago `since` was, or null when unknown or in the future (the clock was set back). */
function ageOf(since: number | null, now: number): number | null {
  if (since === null) return null;
  const age = now - since;
  return age >= 0 ? age : null;
}

export interface PlanInput {
  readonly trigger: PollTrigger;
  readonly settings: Settings;
  readonly token: string;
  readonly status: PollStatus;
  readonly account: AccountSnapshot;
  readonly now: number;
  readonly online: boolean;
}

/**
 * Decides what one wake-up should ask Thordata, if anything: the fewest requests
 * that keep the figures right, and none while Thordata asked us to wait or
 * rejected the token.
 */
export function planPoll({ trigger, settings, token, status, account, now, online }: PlanInput): PollPlan {
  if (!isConfigured(settings, token.length > 0)) return { kind: 'skip', reason: 'unconfigured' };
  const userOverride = trigger === 'manual' || trigger === 'settings';
  if (status.failure?.kind === 'auth' && !userOverride) return { kind: 'skip', reason: 'token-rejected' };
  // A wait longer than the longest backoff means the clock was set back: do not honour it.
  const waiting = status.retry !== null && now < status.retry.notBefore && status.retry.notBefore - now <= MAX_RETRY_MS;
  const rateLimited = status.failure?.kind === 'rate-limited';
  if (waiting && trigger !== 'settings' && trigger !== 'retry' && !(trigger === 'manual' && !rateLimited)) {
    return { kind: 'skip', reason: 'backing-off' };
  }
  const intervalMs = settings.pollIntervalMinutes * MINUTE_MS;
  const freshFor =
    trigger === 'popup-open' ? POPUP_REFRESH_AFTER_MS : trigger === 'startup' ? intervalMs : trigger === 'alarm' ? intervalMs * ALARM_FRESH_SHARE : 0;
  const age = ageOf(status.lastAttemptAt, now);
  if (age !== null && age < freshFor && status.cycle === null) {
    return { kind: 'skip', reason: 'fresh' };
  }
  if (!online) return { kind: 'offline' };

  const cycle = status.cycle;
  const cycleAge = cycle === null ? null : ageOf(cycle.startedAt, now);
  if (trigger !== 'settings' && cycle !== null && cycleAge !== null && cycleAge < intervalMs) {
    const remaining = cycle.remaining.filter((name) => settings.usernames.includes(name));
    if (remaining.length > 0) {
      return { kind: 'run', usernames: remaining, resumed: true, account: accountDue(account, now) };
    }
  }
  const usernames = cycleOrder(settings, status, now, userOverride);
  return { kind: 'run', usernames, resumed: false, account: trigger === 'settings' || accountDue(account, now) };
}
