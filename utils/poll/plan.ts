import { accountDue, accountFigures, type AccountSnapshot } from '@/utils/account/account-snapshot';
import { MAX_RETRY_MS } from './backoff';
import { effectiveIntervalMinutes } from './interval';
import { accountStatus, type PollStatus, type Stoppage, type UserFailure } from './status';
import { readyAccounts } from '@/utils/settings/readiness';
import type { Settings } from '@/utils/settings/model';
import { watchKey, type WatchKey } from '@/utils/settings/watched';
import { HOUR_MS, MINUTE_MS } from '@/utils/base/durations';

/** What woke the poller. Only a person's explicit refresh or a settings change overrides a pause. */
export type PollTrigger = 'alarm' | 'retry' | 'startup' | 'popup-open' | 'manual' | 'settings';

export type SkipReason = 'unconfigured' | 'token-rejected' | 'backing-off' | 'fresh';

export type PollPlan =
  | { readonly kind: 'skip'; readonly reason: SkipReason }
  | { readonly kind: 'offline' }
  | {
      readonly kind: 'run';
      /** The watched users to ask, in order, by watch key. */
      readonly entries: readonly WatchKey[];
      /** Finishing a cycle a stopped worker left, rather than starting anew. */
      readonly resumed: boolean;
      /** The accounts whose balance and user lists are due. */
      readonly accounts: readonly string[];
    };

/**
 * A username Thordata did not know, or whose request it refused, is asked about again at most
 * this often. A user whose answer held no usable figures is asked at every cycle (last).
 */
export const UNKNOWN_USER_RECHECK_MS = HOUR_MS;

/** A retry alarm may fire this much before the time it was set for; the wait counts as over. */
export const RETRY_EARLY_MS = 1000;

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
function cycleOrder(settings: Settings, accounts: ReadonlySet<string>, status: PollStatus, now: number, recheckAll: boolean): WatchKey[] {
  const healthy: WatchKey[] = [];
  const failed: { key: WatchKey; at: number }[] = [];
  for (const entry of settings.watched) {
    if (!accounts.has(entry.account)) continue;
    const key = watchKey(entry);
    const failure = status.userFailures[key];
    if (failure === undefined) healthy.push(key);
    else if (recheckAll || recheckDue(failure, now)) failed.push({ key, at: failure.at });
  }
  return [...healthy, ...failed.sort((a, b) => a.at - b.at).map(({ key }) => key)];
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

/**
 * Whether a stoppage still holds for this trigger. A wait longer than the longest backoff means
 * the clock was set back: it is not honoured. New settings end every wait; a retry ends a wait
 * that is over; a person's Refresh ends one, but not Thordata's own request to wait.
 */
function stillWaiting(stoppage: Stoppage, trigger: PollTrigger, now: number, everyone: boolean): boolean {
  const retry = stoppage.retry;
  if (retry === null || now >= retry.notBefore || retry.notBefore - now > MAX_RETRY_MS) return false;
  if (trigger === 'settings') return false;
  // Offline or no host access: a retry (the network is back, a minute passed) always looks again.
  if (trigger === 'retry' && (everyone || now >= retry.notBefore - RETRY_EARLY_MS)) return false;
  return !(trigger === 'manual' && stoppage.failure?.kind !== 'rate-limited');
}

export interface PlanInput {
  readonly trigger: PollTrigger;
  readonly settings: Settings;
  /** The accounts whose token is saved. */
  readonly withToken: ReadonlySet<string>;
  readonly status: PollStatus;
  readonly account: AccountSnapshot;
  readonly now: number;
  readonly online: boolean;
}

/**
 * Decides what one wake-up should ask Thordata, if anything: the fewest requests that keep the
 * figures right, and none for an account Thordata asked to wait or whose token it rejected.
 * The other accounts go on.
 */
export function planPoll({ trigger, settings, withToken, status, account, now, online }: PlanInput): PollPlan {
  const ready = readyAccounts(settings, withToken);
  if (ready.length === 0) return { kind: 'skip', reason: 'unconfigured' };
  const userOverride = trigger === 'manual' || trigger === 'settings';
  if (stillWaiting(status, trigger, now, true)) return { kind: 'skip', reason: 'backing-off' };
  const rejected = ready.filter((id) => accountStatus(status, id).failure?.kind === 'auth' && !userOverride);
  const active = ready.filter((id) => !rejected.includes(id) && !stillWaiting(accountStatus(status, id), trigger, now, false));
  if (active.length === 0) return { kind: 'skip', reason: rejected.length === ready.length ? 'token-rejected' : 'backing-off' };

  const intervalMs = effectiveIntervalMinutes(settings) * MINUTE_MS;
  const freshFor =
    trigger === 'popup-open' ? POPUP_REFRESH_AFTER_MS : trigger === 'startup' ? intervalMs : trigger === 'alarm' ? intervalMs * ALARM_FRESH_SHARE : 0;
  const activeSet = new Set(active);
  const askable = new Set(settings.watched.filter((entry) => activeSet.has(entry.account)).map(watchKey));
  const cycle = status.cycle;
  const remaining = cycle === null ? [] : cycle.remaining.filter((key) => askable.has(key));
  // Users a stopped account left in the cycle wait for that account, not for this wake-up: they
  // alone do not make fresh figures stale, or every popup opened after a rejection would re-ask all.
  // Alarms count from a poll's start, as they come an interval apart; the popup counts from its
  // end, as a round of 100 users takes minutes and one opened just after it must not start another.
  const since = trigger === 'popup-open' ? Math.max(status.lastAttemptAt ?? 0, status.lastRequestEndedAt ?? 0) || null : status.lastAttemptAt;
  const age = ageOf(since, now);
  if (age !== null && age < freshFor && remaining.length === 0) {
    return { kind: 'skip', reason: 'fresh' };
  }
  if (!online) return { kind: 'offline' };

  const due = active.filter((id) => trigger === 'settings' || accountDue(accountFigures(account, id), now));
  const cycleAge = cycle === null ? null : ageOf(cycle.startedAt, now);
  if (trigger !== 'settings' && cycleAge !== null && cycleAge < intervalMs && remaining.length > 0) {
    return { kind: 'run', entries: remaining, resumed: true, accounts: due };
  }
  return { kind: 'run', entries: cycleOrder(settings, activeSet, status, now, userOverride), resumed: false, accounts: due };
}
