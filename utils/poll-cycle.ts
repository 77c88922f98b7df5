import type { AccountSnapshot } from './account-snapshot';
import { isTransient, type ApiError } from './api-errors';
import type { ApiTimezone } from './api-timezone';
import { retryDelay } from './backoff';
import { hourKeyAt, HOUR_MS, type HourKey } from './hour-keys';
import type { PollPlan } from './poll-plan';
import type { PollStatus, UserFailure } from './poll-status';
import type { Settings } from './settings';
import type { ThordataClient } from './thordata-client';
import {
  keepUsers,
  mergeAnswer,
  pruneUsage,
  userKey,
  userUsage,
  withUser,
  type UsageCache,
  type UserUsage,
} from './usage-cache';

/**
 * Thordata answers 10011 to clients that call a few seconds apart; keep our distance.
 * At least 1.5 s, with a margin so that an observer whose clock differs by a few
 * milliseconds (the API's, a proxy's) still sees 1.5 s.
 */
export const MIN_REQUEST_GAP_MS = 1600;

/** The first poll of a user fetches the widest chart window. */
export const FIRST_FETCH_HOURS = 72;

/**
 * Waits until the gap since the last request has passed. Checks the clock again
 * after each sleep, because timers may fire a little early.
 */
export async function keepRequestGap(
  lastRequestEndedAt: number | null,
  clock: { now: () => number; sleep: (ms: number) => Promise<void> },
): Promise<void> {
  if (lastRequestEndedAt === null) return;
  // A clock set back (a correction, a changed time zone setting) must not make us wait
  // until the old time comes round again.
  const target = Math.min(lastRequestEndedAt, clock.now()) + MIN_REQUEST_GAP_MS;
  for (let wait = target - clock.now(); wait > 0; wait = target - clock.now()) await clock.sleep(wait);
}

export interface PollState {
  readonly cache: UsageCache;
  readonly status: PollStatus;
  readonly account: AccountSnapshot;
}

export interface PollDeps {
  readonly client: ThordataClient;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** For backoff jitter; returns a number in [0, 1). */
  readonly random: () => number;
  /** Persists progress after each answer, so a worker stopped mid-cycle loses nothing. */
  readonly save: (state: PollState) => Promise<void>;
}

/**
 * The hours to ask for: the whole chart window the first time; afterwards, from the
 * hour the previous answer was still growing in (or the last complete hour, if
 * earlier) up to the current hour. After a long sleep that covers the whole gap.
 */
export function requestRange(usage: UserUsage, now: number, tz: ApiTimezone): { from: HourKey; to: HourKey } {
  const windowStart = now - (FIRST_FETCH_HOURS - 1) * HOUR_MS;
  const resumeFrom = usage.fetchedAt === null ? windowStart : Math.min(usage.fetchedAt, now - HOUR_MS);
  return { from: hourKeyAt(Math.max(windowStart, resumeFrom), tz), to: hourKeyAt(now, tz) };
}

function without(record: Readonly<Record<string, UserFailure>>, key: string): Record<string, UserFailure> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** Records an account-wide failure: transient ones schedule a retry with backoff. */
export function withFailure(status: PollStatus, failure: ApiError, now: number, random: () => number): PollStatus {
  const attempt = (status.retry?.attempt ?? 0) + 1;
  return {
    ...status,
    failure,
    failingSince: status.failingSince ?? now,
    retry: isTransient(failure) ? { attempt, notBefore: now + retryDelay(attempt, random) } : null,
  };
}

/** Account-wide failures stop the cycle: asking again for another user would only fail again. */
function stopsCycle(error: ApiError): boolean {
  return error.kind !== 'unknown-user';
}

async function refreshAccount(
  settings: Settings,
  state: PollState,
  deps: PollDeps,
): Promise<{ account: AccountSnapshot; status: PollStatus; failure: ApiError | null }> {
  let status = state.status;
  await keepRequestGap(status.lastRequestEndedAt, deps);
  const list = await deps.client.userList({ proxyType: settings.proxyType });
  status = { ...status, lastRequestEndedAt: deps.now() };
  if (!list.ok && (list.error.kind === 'auth' || list.error.kind === 'rate-limited')) {
    return { account: state.account, status, failure: list.error };
  }
  await keepRequestGap(status.lastRequestEndedAt, deps);
  const balance = await deps.client.accountBalance();
  status = { ...status, lastRequestEndedAt: deps.now() };
  if (!balance.ok && (balance.error.kind === 'auth' || balance.error.kind === 'rate-limited')) {
    return { account: state.account, status, failure: balance.error };
  }
  const users = list.ok
    ? Object.fromEntries(list.value.users.map((user) => [userKey(settings.proxyType, user.username), user]))
    : state.account.users;
  // Account figures are secondary: their other failures are noted, not allowed to stop polling.
  const error = !list.ok ? list.error : !balance.ok ? balance.error : null;
  return {
    account: {
      fetchedAt: deps.now(),
      balance: balance.ok ? balance.value : state.account.balance,
      users,
      error,
    },
    status,
    failure: null,
  };
}

/**
 * Carries out a plan: the planned users in turn, one request at a time, spaced
 * apart, saving after each answer. An account-wide failure stops the cycle and
 * leaves the rest for a resumed cycle; an unknown username is noted and the
 * others go on. Cached hours are only ever merged into, never dropped.
 */
export async function runPollCycle(
  settings: Settings,
  state: PollState,
  plan: Extract<PollPlan, { kind: 'run' }>,
  deps: PollDeps,
): Promise<PollState> {
  const watched = settings.usernames.map((name) => userKey(settings.proxyType, name));
  let cache = keepUsers(state.cache, watched);
  let userFailures: Record<string, UserFailure> = {};
  for (const key of watched) {
    const known = state.status.userFailures[key];
    if (known) userFailures[key] = known;
  }
  const startedAt = plan.resumed && state.status.cycle ? state.status.cycle.startedAt : deps.now();
  let status: PollStatus = {
    ...state.status,
    lastAttemptAt: deps.now(),
    userFailures,
    cycle: { startedAt, remaining: plan.usernames },
  };
  let account = state.account;
  let failure: ApiError | null = null;

  for (const [index, username] of plan.usernames.entries()) {
    const key = userKey(settings.proxyType, username);
    await keepRequestGap(status.lastRequestEndedAt, deps);
    const range = requestRange(userUsage(cache, key), deps.now(), settings.apiTimezone);
    const result = await deps.client.hourlyUsage({ proxyType: settings.proxyType, username, ...range });
    const endedAt = deps.now();
    if (result.ok) {
      const merged = mergeAnswer(userUsage(cache, key), {
        rows: result.value.rows,
        fetchedAt: endedAt,
        trafficLimitKb: result.value.trafficLimitKb,
        trafficBalanceKb: result.value.trafficBalanceKb,
      });
      cache = withUser(cache, key, pruneUsage(merged, endedAt, settings.apiTimezone));
      userFailures = without(userFailures, key);
    } else if (!stopsCycle(result.error)) {
      userFailures = { ...userFailures, [key]: { error: result.error, at: endedAt } };
    } else {
      failure = result.error;
    }
    const remaining = failure === null ? plan.usernames.slice(index + 1) : plan.usernames.slice(index);
    status = { ...status, lastRequestEndedAt: endedAt, userFailures, cycle: { startedAt, remaining } };
    if (failure !== null) break;
    await deps.save({ cache, status, account });
  }

  if (failure === null && plan.account) {
    const refreshed = await refreshAccount(settings, { cache, status, account }, deps);
    account = refreshed.account;
    status = refreshed.status;
    failure = refreshed.failure;
  }

  const now = deps.now();
  status =
    failure === null
      ? { ...status, failure: null, failingSince: null, retry: null, cycle: null, lastSuccessAt: now }
      : withFailure(status, failure, now, deps.random);
  const final = { cache, status, account };
  await deps.save(final);
  return final;
}
