import { accountDue, type AccountSnapshot } from './account-snapshot';
import { MAX_RETRY_MS } from './backoff';
import type { PollStatus } from './poll-status';
import { isConfigured, type Settings } from './settings';
import { userKey } from './usage-cache';

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

/** A username Thordata did not know is asked about again at most this often. */
export const UNKNOWN_USER_RECHECK_MS = 60 * 60_000;

/** Opening the popup refreshes only figures older than this. */
export const POPUP_REFRESH_AFTER_MS = 60_000;

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
  const intervalMs = settings.pollIntervalMinutes * 60_000;
  const freshFor = trigger === 'popup-open' ? POPUP_REFRESH_AFTER_MS : trigger === 'startup' ? intervalMs : 0;
  const age = status.lastAttemptAt === null ? null : now - status.lastAttemptAt;
  // A negative age (the clock set back) is not freshness.
  if (age !== null && age >= 0 && age < freshFor && status.cycle === null) {
    return { kind: 'skip', reason: 'fresh' };
  }
  if (!online) return { kind: 'offline' };

  const cycle = status.cycle;
  if (trigger !== 'settings' && cycle !== null && now - cycle.startedAt < intervalMs) {
    const remaining = cycle.remaining.filter((name) => settings.usernames.includes(name));
    if (remaining.length > 0) {
      return { kind: 'run', usernames: remaining, resumed: true, account: accountDue(account, now) };
    }
  }
  const usernames = settings.usernames.filter((name) => {
    const failed = status.userFailures[userKey(settings.proxyType, name)];
    return userOverride || failed === undefined || now - failed.at >= UNKNOWN_USER_RECHECK_MS;
  });
  return { kind: 'run', usernames, resumed: false, account: trigger === 'settings' || accountDue(account, now) };
}
