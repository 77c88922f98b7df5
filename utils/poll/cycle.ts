import type { AccountSnapshot } from '@/utils/account/account-snapshot';
import { errorScope, isTransient, type ApiError } from '@/utils/api/errors';
import type { ApiTimezone } from '@/utils/time/api-timezone';
import { retryDelay } from './backoff';
import { hourKeyAt, type HourKey } from '@/utils/time/hour-keys';
import { HOUR_MS } from '@/utils/base/durations';
import type { PollPlan } from './plan';
import type { PollStatus, UserFailure } from './status';
import type { Settings } from '@/utils/settings/model';
import type { ThordataClient } from '@/utils/api/thordata-client';
import {
  cacheFor,
  keepUsers,
  mergeAnswer,
  pruneUsage,
  RETENTION_HOURS,
  userKey,
  userUsage,
  withUser,
  type UsageCache,
  type UserUsage,
} from '@/utils/usage/cache';

/**
 * Thordata answers 10011 to clients that call a few seconds apart; keep our distance.
 * The spacing an observer of our requests (the API, a proxy, the demo API's log) must see
 * between one answer and the next request.
 */
export const OBSERVED_REQUEST_GAP_MS = 1500;

/** What we wait: a margin over the observed gap, for an observer whose clock differs by a few milliseconds. */
export const MIN_REQUEST_GAP_MS = OBSERVED_REQUEST_GAP_MS + 100;

/**
 * The first poll of a user fetches every hour the cache keeps, in one request: so does the
 * re-read after a settings change (the API timezone) that made the cached hours unusable.
 */
export const FIRST_FETCH_HOURS = RETENTION_HOURS;

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

/**
 * Reads the secondary endpoints: the user list (limits, usage) and the account balance. Their
 * failures are kept on their own figures and never stop usage polling, nor read as a rejected
 * token: only the usage endpoint speaks for the account. Thordata asking to wait on the list
 * leaves the balance for the next try rather than asking again at once.
 */
async function refreshAccount(
  settings: Settings,
  state: PollState,
  deps: PollDeps,
): Promise<{ account: AccountSnapshot; status: PollStatus }> {
  let status = state.status;
  await keepRequestGap(status.lastRequestEndedAt, deps);
  const list = await deps.client.userList({ proxyType: settings.proxyType });
  status = { ...status, lastRequestEndedAt: deps.now() };
  let balance: Awaited<ReturnType<ThordataClient['accountBalance']>> | null = null;
  if (list.ok || list.error.kind !== 'rate-limited') {
    await keepRequestGap(status.lastRequestEndedAt, deps);
    balance = await deps.client.accountBalance();
    status = { ...status, lastRequestEndedAt: deps.now() };
  }
  const known = state.account;
  const users = list.ok
    ? Object.fromEntries(list.value.users.map((user) => [userKey(settings.proxyType, user.username), user]))
    : known.users;
  return {
    account: {
      fetchedAt: deps.now(),
      balance: balance?.ok ? balance.value : known.balance,
      // Not asked because the list was told to wait: that wait is why the balance is not read.
      balanceError: balance === null ? (list.ok ? null : list.error) : balance.ok ? null : balance.error,
      users,
      usersError: list.ok ? null : list.error,
    },
    status,
  };
}

/** Failures of watched users only: a user no longer watched takes its failure with it. */
function watchedFailures(status: PollStatus, keys: readonly string[]): Record<string, UserFailure> {
  const kept: Record<string, UserFailure> = {};
  for (const key of keys) {
    const known = status.userFailures[key];
    if (known) kept[key] = known;
  }
  return kept;
}

/**
 * Carries out a plan: the planned users in turn, one request at a time, spaced apart, saving
 * after each answer. A failure that concerns one user (errorScope) marks that user and the
 * cycle goes on; an account-wide one stops the cycle and leaves the rest for a resumed cycle,
 * with the user it stopped at moved to the end, so that no user can hold back the others.
 * Cached hours are only ever merged into, never dropped, except those read under another API
 * timezone (cacheFor).
 */
export async function runPollCycle(
  settings: Settings,
  state: PollState,
  plan: Extract<PollPlan, { kind: 'run' }>,
  deps: PollDeps,
): Promise<PollState> {
  const watched = settings.usernames.map((name) => userKey(settings.proxyType, name));
  let cache = keepUsers(cacheFor(state.cache, settings.apiTimezone), watched);
  let userFailures = watchedFailures(state.status, watched);
  const startedAt = plan.resumed && state.status.cycle ? state.status.cycle.startedAt : deps.now();
  let status: PollStatus = {
    ...state.status,
    lastAttemptAt: deps.now(),
    userFailures,
    cycle: { startedAt, remaining: plan.usernames },
    backgroundError: null,
  };
  let account = state.account;
  let failure: ApiError | null = null;
  let answered = 0;
  const userErrors: ApiError[] = [];

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
      answered += 1;
    } else if (errorScope(result.error) === 'user') {
      userFailures = { ...userFailures, [key]: { username, error: result.error, at: endedAt } };
      userErrors.push(result.error);
    } else {
      failure = result.error;
    }
    const rest = plan.usernames.slice(index + 1);
    const remaining = failure === null ? rest : [...rest, username];
    status = { ...status, lastRequestEndedAt: endedAt, userFailures, cycle: { startedAt, remaining } };
    if (failure !== null) break;
    await deps.save({ cache, status, account });
  }

  // Every answer unusable, none with figures: the answers are broken, not the users. Retry
  // with backoff like any other account-wide failure, and let "polling broken" count it.
  if (failure === null && answered === 0 && userErrors.length > 0 && userErrors.every((error) => error.kind === 'malformed')) {
    failure = userErrors[0] ?? null;
  }

  if (failure === null && plan.account) {
    const refreshed = await refreshAccount(settings, { cache, status, account }, deps);
    account = refreshed.account;
    status = refreshed.status;
  }

  const now = deps.now();
  status =
    failure === null
      ? {
          ...status,
          failure: null,
          failingSince: null,
          retry: null,
          cycle: null,
          lastSuccessAt: answered > 0 ? now : status.lastSuccessAt,
        }
      : withFailure(status, failure, now, deps.random);
  const final = { cache, status, account };
  await deps.save(final);
  return final;
}
