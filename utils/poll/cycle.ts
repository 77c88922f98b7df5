import { accountFigures, type AccountSnapshot } from '@/utils/account/account-snapshot';
import { errorScope, isTransient, type ApiError } from '@/utils/api/errors';
import type { ApiTimezone } from '@/utils/time/api-timezone';
import { retryDelay } from './backoff';
import { hourKeyAt, type HourKey } from '@/utils/time/hour-keys';
import { HOUR_MS } from '@/utils/base/durations';
import type { PollPlan } from './plan';
import { keepRequestGap } from './spacing';
import { accountStatus, type AccountPollStatus, type DailyFailure, type PollStatus, type Stoppage } from './status';
import { refreshAccount } from './account-refresh';
import { dailyRequests } from './daily-requests';
import type { Settings, WatchedUser } from '@/utils/settings/model';
import { watchedKeys, watchKey, type WatchKey } from '@/utils/settings/watched';
import type { ThordataClient } from '@/utils/api/thordata-client';
import { dayKeyAt } from '@/utils/time/day-keys';
import { dailyFor, dailyRetentionStart, keepDailyUsers, mergeDailyAnswer, type DailyUsage } from '@/utils/usage/daily';
import {
  cacheFor,
  keepUsers,
  mergeAnswer,
  retentionStart,
  RETENTION_HOURS,
  userUsage,
  withUser,
  type UsageCache,
  type UserUsage,
} from '@/utils/usage/cache';

/**
 * The first poll of a user fetches every hour the cache keeps, in one request: so does the
 * re-read after a settings change (the API timezone) that made the cached hours unusable.
 */
export const FIRST_FETCH_HOURS = RETENTION_HOURS;

export interface PollState {
  readonly cache: UsageCache;
  /** The complete days from the daily endpoint (usage/daily.ts). */
  readonly daily: DailyUsage;
  readonly status: PollStatus;
  readonly account: AccountSnapshot;
}

export interface PollDeps {
  /** The client speaking with an account's token; every account in the plan has one. */
  readonly clientFor: (account: string) => ThordataClient;
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

function without<T>(record: Readonly<Record<WatchKey, T>>, key: WatchKey): Record<WatchKey, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** Records a failure that stops requests: transient ones schedule a retry with backoff. */
export function withFailure<T extends Stoppage>(stoppage: T, failure: ApiError, now: number, random: () => number): T {
  const attempt = (stoppage.retry?.attempt ?? 0) + 1;
  return {
    ...stoppage,
    failure,
    failingSince: stoppage.failingSince ?? now,
    retry: isTransient(failure) ? { attempt, notBefore: now + retryDelay(attempt, random) } : null,
  };
}

/** Failures of watched users only: a user no longer watched takes its failure with it. */
function watchedFailures<T>(failures: Readonly<Record<WatchKey, T>>, keys: readonly WatchKey[]): Record<WatchKey, T> {
  const kept: Record<WatchKey, T> = {};
  for (const key of keys) {
    const known = failures[key];
    if (known) kept[key] = known;
  }
  return kept;
}

/** What one account's requests came to in a cycle. */
interface AccountTally {
  answered: number;
  readonly userErrors: ApiError[];
  failure: ApiError | null;
}

/** An account's status after a cycle it took part in. */
function settledAccount(known: AccountPollStatus, tally: AccountTally, now: number, random: () => number): AccountPollStatus {
  // Every answer unusable, none with figures: the answers are broken, not the users. Retry
  // with backoff like any other account-wide failure, and let "polling broken" count it.
  const failure =
    tally.failure ??
    (tally.answered === 0 && tally.userErrors.length > 0 && tally.userErrors.every((error) => error.kind === 'malformed') ? (tally.userErrors[0] ?? null) : null);
  if (failure !== null) return withFailure(known, failure, now, random);
  return { failure: null, failingSince: null, retry: null, lastSuccessAt: tally.answered > 0 ? now : known.lastSuccessAt };
}

/**
 * Carries out a plan: the planned users in turn, one request at a time across all accounts,
 * spaced apart, saving after each answer. A failure that concerns one user (errorScope) marks
 * that user and the cycle goes on; one that concerns its account (a rejected token, Thordata
 * asking to wait, an expired plan, the way to the API failing) stops that account's requests,
 * leaving its users for a resumed cycle, and the other accounts go on. Cached hours are only
 * ever merged into, never dropped, except those read under another API timezone (cacheFor).
 * Then each due account's secondary endpoints, then the complete days the daily store misses
 * (daily-requests.ts), asked in the same queue: a user's daily failure marks only its days.
 */
export async function runPollCycle(
  settings: Settings,
  state: PollState,
  plan: Extract<PollPlan, { kind: 'run' }>,
  deps: PollDeps,
): Promise<PollState> {
  const watched = new Map<WatchKey, WatchedUser>(settings.watched.map((entry) => [watchKey(entry), entry]));
  const keys = watchedKeys(settings.watched);
  let cache = keepUsers(cacheFor(state.cache, settings.apiTimezone), keys);
  const keepDaysFrom = dailyRetentionStart(dayKeyAt(deps.now(), settings.apiTimezone));
  let daily = keepDailyUsers(dailyFor(state.daily, settings.apiTimezone), keys, keepDaysFrom);
  let userFailures = watchedFailures(state.status.userFailures, keys);
  let dailyFailures: Record<WatchKey, DailyFailure> = watchedFailures(state.status.dailyFailures, keys);
  const startedAt = plan.resumed && state.status.cycle ? state.status.cycle.startedAt : deps.now();
  let status: PollStatus = {
    ...state.status,
    lastAttemptAt: deps.now(),
    userFailures,
    dailyFailures,
    cycle: { startedAt, remaining: plan.entries },
    backgroundError: null,
  };
  let account = state.account;
  const tallies = new Map<string, AccountTally>();
  const tallyOf = (id: string): AccountTally => {
    const known = tallies.get(id) ?? { answered: 0, userErrors: [], failure: null };
    tallies.set(id, known);
    return known;
  };
  /**
   * Users of an account that stopped, left for the cycle's resumption; the user it stopped at
   * goes last (`stoppedAt`), so that no user can hold back the others.
   */
  const leftOver: WatchKey[] = [];
  const stoppedAt: WatchKey[] = [];
  let hoursAnsweredAt: number | null = null;

  for (const [index, key] of plan.entries.entries()) {
    const entry = watched.get(key);
    if (entry === undefined) continue;
    const tally = tallyOf(entry.account);
    const rest = plan.entries.slice(index + 1);
    if (tally.failure !== null) {
      leftOver.push(key);
      continue;
    }
    await keepRequestGap(status.lastRequestEndedAt, deps);
    const range = requestRange(userUsage(cache, key), deps.now(), settings.apiTimezone);
    const result = await deps.clientFor(entry.account).hourlyUsage({ proxyType: entry.proxyType, username: entry.username, ...range });
    const endedAt = deps.now();
    if (result.ok) {
      const answer = { rows: result.value.rows, fetchedAt: endedAt, trafficLimitKb: result.value.trafficLimitKb, trafficBalanceKb: result.value.trafficBalanceKb };
      cache = withUser(cache, key, mergeAnswer(userUsage(cache, key), answer, retentionStart(endedAt, settings.apiTimezone)));
      userFailures = without(userFailures, key);
      tally.answered += 1;
    } else if (errorScope(result.error) === 'user') {
      userFailures = { ...userFailures, [key]: { ...entry, error: result.error, at: endedAt } };
      tally.userErrors.push(result.error);
    } else {
      tally.failure = result.error;
      stoppedAt.push(key);
    }
    const remaining = [...rest, ...leftOver, ...stoppedAt];
    // Every planned user's hours are in: the figures the badge and "updated" speak of, shown now
    // rather than after the account figures and the days that follow.
    if (remaining.length === 0 && [...tallies.values()].some((known) => known.answered > 0)) hoursAnsweredAt = endedAt;
    status = { ...status, lastRequestEndedAt: endedAt, userFailures, cycle: { startedAt, remaining }, lastSuccessAt: hoursAnsweredAt ?? status.lastSuccessAt };
    await deps.save({ cache, daily, status, account });
  }

  const ask = async <T>(request: () => Promise<T>): Promise<T> => {
    await keepRequestGap(status.lastRequestEndedAt, deps);
    const answer = await request();
    status = { ...status, lastRequestEndedAt: deps.now() };
    return answer;
  };
  for (const id of plan.accounts) {
    if (tallies.get(id)?.failure) continue;
    const figures = await refreshAccount(settings, id, accountFigures(account, id), deps.clientFor(id), ask, deps.now);
    account = { accounts: { ...account.accounts, [id]: figures } };
  }

  const talking = new Set([...tallies.keys(), ...plan.accounts].filter((id) => !tallies.get(id)?.failure));
  for (const { key, user, range } of dailyRequests(settings, daily, dailyFailures, talking, deps.now())) {
    const tally = tallyOf(user.account);
    if (tally.failure !== null) continue;
    const result = await ask(() => deps.clientFor(user.account).dailyUsage({ proxyType: user.proxyType, username: user.username, ...range }));
    if (result.ok) {
      daily = mergeDailyAnswer(daily, key, range, result.value.rows, keepDaysFrom);
      dailyFailures = without(dailyFailures, key);
    } else if (errorScope(result.error) === 'user') {
      dailyFailures = { ...dailyFailures, [key]: { error: result.error, at: deps.now() } };
    } else {
      // The token, the plan, a wait: the account's, as on the hourly endpoint.
      tally.failure = result.error;
    }
    status = { ...status, dailyFailures };
    await deps.save({ cache, daily, status, account });
  }

  const now = deps.now();
  const accounts = { ...status.accounts };
  for (const [id, tally] of tallies) accounts[id] = settledAccount(accountStatus(status, id), tally, now, deps.random);
  const answered = [...tallies.values()].some((tally) => tally.answered > 0);
  const kept = new Set(settings.accounts.map(({ id }) => id));
  status = {
    ...status,
    // A cycle ran, so nothing stops every account any more (offline, no host access).
    failure: null,
    failingSince: null,
    retry: null,
    accounts: Object.fromEntries(Object.entries(accounts).filter(([id]) => kept.has(id))),
    cycle: stoppedAt.length > 0 ? { startedAt, remaining: [...leftOver, ...stoppedAt] } : null,
    lastSuccessAt: answered ? (hoursAnsweredAt ?? now) : status.lastSuccessAt,
  };
  account = { accounts: Object.fromEntries(Object.entries(account.accounts).filter(([id]) => kept.has(id))) };
  const final = { cache, daily, status, account };
  await deps.save(final);
  return final;
}
